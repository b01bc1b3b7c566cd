/**
 * Labels inside packed cells ("- Tiếp nhận trực tiếp: 10/04/2023 08:00, hẹn trả: …") and
 * on detail pages. The packed table comes first; any header wording is accepted after it.
 */
import { matchKey } from '../text/keys';
import { lookupHeader, type HeaderField } from './headers';
import { APPLICANT_LABELS } from './personal';

export const PACKED_LABELS: Partial<Record<HeaderField, readonly string[]>> = {
  dueAt: ['Hạn xử lý', 'hẹn trả', 'Ngày hẹn trả', 'Hạn trả', 'Hạn giải quyết', 'Hẹn trả kết quả'],
  field: ['Lĩnh vực'],
  receivedAt: [
    'Ngày nộp hồ sơ', 'Tiếp nhận trực tiếp', 'Tiếp nhận trực tuyến', 'Tiếp nhận qua bưu chính', 'Nộp trực tuyến',
    'Ngày nộp', 'Ngày tiếp nhận', 'Ngày nhận', 'Tiếp nhận',
  ],
  resolvedAt: ['Ngày có kết quả', 'Ngày trả kết quả', 'Ngày hoàn thành', 'Có kết quả'],
  code: ['Mã hồ sơ', 'Mã HS', 'Số biên nhận', 'Mã số hồ sơ'],
  procedure: ['Thủ tục', 'Tên thủ tục', 'TTHC'],
  status: ['Trạng thái', 'Tình trạng'],
  resultNumber: ['Số ký hiệu', 'Số kết quả'],
  issuedAt: ['Ngày ban hành', 'Ngày cấp', 'Ngày ký'],
  validUntil: ['Hiệu lực đến', 'Ngày hết hiệu lực', 'Hiệu lực', 'Thời hạn hiệu lực', 'Có giá trị đến'],
  department: ['Đơn vị', 'Đơn vị xử lý', 'Phòng ban', 'Phòng ban xử lý'],
  digitized: ['Số hóa', 'Số hoá', 'Trạng thái số hóa', 'Kết quả số hóa'],
  synced: ['Đồng bộ', 'Đồng bộ kho', 'Trạng thái đồng bộ', 'Kết quả đồng bộ'],
  applicant: ['Chủ hồ sơ', 'Người nộp', 'Địa chỉ', 'Điện thoại', 'Số điện thoại', 'Email', 'CMND', 'CCCD', 'Số giấy tờ', ...APPLICANT_LABELS],
};

const PACKED = new Map<string, HeaderField>();
for (const [f, words] of Object.entries(PACKED_LABELS) as [HeaderField, readonly string[]][]) {
  for (const w of words) PACKED.set(matchKey(w), f);
}

/** The field a label names, or null. */
export function lookupLabel(label: string): HeaderField | null {
  return PACKED.get(matchKey(label)) ?? lookupHeader(label);
}
