import { describe, expect, it } from 'vitest';
import { HEADER_WORDINGS, lookupHeader, type HeaderField } from '../../utils/vocab/headers';

// The wordings of the fixtures README header table, field by field.
const README: Record<string, string[]> = {
  applicant: ['Chủ hồ sơ', 'Người nộp', 'Tổ chức/cá nhân'],
  code: ['Mã hồ sơ', 'MÃ HỒ SƠ', 'Mã HS', 'Mã số hồ sơ', 'Số biên nhận', 'Thông tin hồ sơ'],
  department: ['Đơn vị', 'Đơn vị xử lý', 'Phòng ban xử lý'],
  dueAt: ['Hạn trả', 'Ngày hẹn trả', 'Ngày hẹn trả kết quả'],
  field: ['Lĩnh vực', 'LĨNH VỰC'],
  issuedAt: ['Ngày ban hành', 'NGÀY CẤP'],
  procedure: ['Tên nội dung', 'Tên thủ tục', 'TÊN THỦ TỤC', 'Tên thủ tục hành chính', 'Tên TTHC', 'Thủ tục hành chính', 'Trích yếu'],
  receivedAt: ['Ngày nhận', 'Ngày tiếp nhận'],
  resolvedAt: ['Ngày có kết quả', 'Ngày hoàn thành', 'Ngày kết thúc xử lý'],
  resultNumber: ['Số ký hiệu', 'SỐ KÝ HIỆU', 'Số ký hiệu kết quả'],
  status: ['Tình trạng', 'Trạng thái', 'Trạng thái hồ sơ'],
  validUntil: ['Hiệu lực đến', 'Ngày hết hiệu lực', 'THỜI HẠN HIỆU LỰC'],
};
const DIGITIZATION = ['File kết quả', 'HỆ THỐNG TỈNH', 'Kết quả số hóa', 'KHO QUỐC GIA', 'Số hóa', 'SỐ HÓA', 'Số hóa kết quả', 'Số hóa KQ', 'Tệp đính kèm', 'Trạng thái số hóa'];

describe('lookupHeader', () => {
  for (const [field, words] of Object.entries(README)) {
    it(`maps every README wording of ${field}`, () => {
      for (const w of words) expect(lookupHeader(w), w).toBe(field);
    });
  }
  it('maps every digitization wording to a digitization or result-file column', () => {
    for (const w of DIGITIZATION) expect(['digitized', 'resultFile'], w).toContain(lookupHeader(w));
    expect(lookupHeader('File kết quả')).toBe('resultFile');
    expect(lookupHeader('Tệp đính kèm')).toBe('resultFile');
    expect(lookupHeader('Số hóa')).toBe('digitized');
  });
  it('matches regardless of Unicode form, tone placement and spacing', () => {
    expect(lookupHeader('Số hoá'.normalize('NFD'))).toBe('digitized');
    expect(lookupHeader('  Mã\u00a0hồ   sơ : ')).toBe('code');
    expect(lookupHeader('Tổ chức / cá nhân')).toBe('applicant');
  });
  it('resolves ambiguous wordings by priority', () => {
    expect(lookupHeader('Ngày hẹn trả kết quả cho công dân')).toBe('dueAt');
    expect(lookupHeader('Số ký hiệu kết quả giải quyết')).toBe('resultNumber');
    expect(lookupHeader('Trạng thái số hoá hồ sơ')).toBe('digitized');
    expect(lookupHeader('Số hóa KQ (tỉnh)')).toBe('digitized');
    expect(lookupHeader('Trạng thái xử lý hồ sơ')).toBe('status');
    expect(lookupHeader('Ngày trả kết quả')).toBe('resolvedAt');
    expect(lookupHeader('Tên thủ tục hành chính công')).toBe('procedure');
  });
  it('does not take a procedure code, a validity scope or a count for a record field', () => {
    for (const h of ['Mã TTHC', 'Mã thủ tục', 'Mã số thủ tục hành chính', 'Phạm vi hiệu lực', 'Mã định danh', 'Số ngày trễ hạn', 'Số lượng hồ sơ']) {
      expect(lookupHeader(h), h).toBeNull();
    }
    expect(lookupHeader('Tên thủ tục')).toBe('procedure');
    expect(lookupHeader('Ngày hết hiệu lực')).toBe('validUntil');
  });
  it('knows the justified extras', () => {
    const extras: [string, HeaderField][] = [
      ['Số hồ sơ', 'code'], ['Ngày nộp', 'receivedAt'], ['Cơ quan giải quyết', 'department'], ['Hạn xử lý', 'dueAt'],
      ['Trạng thái xử lý', 'status'], ['Ngày ký', 'issuedAt'],
    ];
    for (const [w, f] of extras) expect(lookupHeader(w), w).toBe(f);
  });
  it('ignores unknown columns and counts', () => {
    expect(lookupHeader('STT')).toBeNull();
    expect(lookupHeader('Thao tác')).toBeNull();
    expect(lookupHeader('Tổng số hồ sơ')).toBeNull();
    expect(lookupHeader('')).toBeNull();
    expect(lookupHeader('Mã hồ sơ '.repeat(20))).toBeNull();
  });
  it('holds no wording twice under different fields', () => {
    const seen = new Map<string, string>();
    for (const [f, words] of Object.entries(HEADER_WORDINGS)) {
      for (const w of words) {
        const k = w.toLowerCase();
        expect(seen.get(k) ?? f, w).toBe(f);
        seen.set(k, f);
      }
    }
  });
});

describe('validity wordings only', () => {
  it('"Thời hạn" alone is a processing deadline; only validity wordings mean validity', async () => {
    const { kindOf } = await import('../../utils/extract/columns');
    expect(lookupHeader('Thời hạn')).toBe('dueAt');
    expect(kindOf(['code', 'procedure', lookupHeader('Thời hạn')])).toBe('dossier');
    for (const w of ['Hiệu lực', 'Thời hạn hiệu lực', 'Có giá trị đến']) expect(lookupHeader(w), w).toBe('validUntil');
  });
  it('applicant organisation columns are never a department', () => {
    for (const w of ['Cơ quan, tổ chức đề nghị', 'Tên đơn vị', 'Đơn vị đề nghị', 'Tổ chức/Đơn vị được cấp', 'Người đăng ký', 'Chủ sở hữu', 'Số định danh']) {
      expect(lookupHeader(w), w).toBe('applicant');
    }
  });
});
