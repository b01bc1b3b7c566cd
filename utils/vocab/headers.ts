/**
 * Column header vocabulary: what a header text means for a record. Data, not code:
 * every wording seen on the portals (fixtures README) plus justified variants. Matched
 * on matchKey() (folded, punctuation as spaces): exact wordings first, then contains
 * rules in priority order, most specific first.
 */
import { containsWords, matchKey } from '../text/keys';
import { APPLICANT_LABELS } from './personal';

export type HeaderField =
  | 'applicant' // recognised only so it is never read
  | 'code'
  | 'resultNumber'
  | 'procedure'
  | 'field'
  | 'department'
  | 'receivedAt'
  | 'dueAt'
  | 'resolvedAt'
  | 'issuedAt'
  | 'validUntil'
  | 'status'
  | 'digitized' // a yes/no digitization column: empty means "not shown"
  | 'resultFile' // a result file / attachment column: empty means "no file", i.e. not digitized
  | 'synced'; // archive sync (đồng bộ kho): a sync column or a sync log's outcome

/** Exact wordings (any case, any diacritics form). */
export const HEADER_WORDINGS: Record<HeaderField, readonly string[]> = {
  applicant: [
    'Chủ hồ sơ', 'Người nộp', 'Tổ chức/cá nhân', 'Người nộp hồ sơ', 'Tên chủ hồ sơ', 'Người đứng tên',
    'Tổ chức, cá nhân', 'Cá nhân/tổ chức', 'Công dân/Doanh nghiệp', 'Họ tên', 'Họ và tên', 'Người đề nghị',
    'Địa chỉ', 'Số điện thoại', 'Điện thoại', 'Email', 'Số CMND', 'Số CCCD', 'CMND/CCCD', 'Số giấy tờ',
    // Applicant organisations and abstracts that name the applicant (vocab/personal.ts).
    ...APPLICANT_LABELS,
    'Người đại diện', 'Cán bộ ký số', 'Người ký',
  ],
  code: [
    'Mã hồ sơ', 'Mã HS', 'Mã số hồ sơ', 'Số biên nhận', 'Thông tin hồ sơ', 'Số hồ sơ', 'Mã biên nhận',
    'Số hiệu hồ sơ', 'Mã hồ sơ TTHC', 'Hồ sơ',
  ],
  department: [
    'Đơn vị', 'Đơn vị xử lý', 'Phòng ban xử lý', 'Phòng ban', 'Phòng chuyên môn', 'Đơn vị giải quyết',
    'Đơn vị thực hiện', 'Đơn vị chủ trì', 'Cơ quan giải quyết', 'Cơ quan thực hiện', 'Cơ quan xử lý',
    'Bộ phận xử lý', 'Phòng xử lý',
  ],
  digitized: [
    'HỆ THỐNG TỈNH', 'Kết quả số hóa', 'KHO QUỐC GIA', 'Số hóa', 'Số hóa kết quả', 'Số hóa KQ',
    'Trạng thái số hóa', 'Đã số hóa', 'Tình trạng số hóa', 'Kho quốc gia', 'Kho dữ liệu', 'Số hóa hồ sơ',
  ],
  resultFile: [
    'File kết quả', 'Tệp đính kèm', 'Tệp kết quả', 'File đính kèm', 'Đính kèm', 'Bản điện tử',
    'Tài liệu đính kèm', 'Kết quả điện tử', 'Tệp tin kết quả', 'File', 'Tệp',
  ],
  synced: [
    'Đồng bộ', 'Trạng thái đồng bộ', 'Đồng bộ kho', 'Tình trạng đồng bộ', 'Kết quả đồng bộ', 'Đồng bộ kho dữ liệu',
    'Đồng bộ kho quốc gia', 'Nhật ký đồng bộ', 'Đã đồng bộ', 'Đồng bộ lên kho',
  ],
  dueAt: [
    'Hạn trả', 'Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết', 'Hẹn trả',
    'Ngày hẹn', 'Thời hạn giải quyết', 'Hạn hoàn thành',
    // "Thời hạn" alone is the processing deadline; only validity wordings mean validity.
    'Thời hạn', 'Thời hạn xử lý',
  ],
  field: ['Lĩnh vực', 'Lĩnh vực TTHC', 'Tên lĩnh vực'],
  issuedAt: ['Ngày ban hành', 'NGÀY CẤP', 'Ngày ký', 'Ngày cấp kết quả', 'Ngày ký kết quả'],
  procedure: [
    'Tên nội dung', 'Tên thủ tục', 'Tên thủ tục hành chính', 'Tên TTHC', 'Thủ tục hành chính', 'Trích yếu',
    'Thủ tục', 'TTHC', 'Trích yếu nội dung',
  ],
  receivedAt: ['Ngày nhận', 'Ngày tiếp nhận', 'Ngày nộp', 'Ngày nộp hồ sơ', 'Ngày nhận hồ sơ', 'Thời gian tiếp nhận'],
  resolvedAt: [
    'Ngày có kết quả', 'Ngày hoàn thành', 'Ngày kết thúc xử lý', 'Ngày trả kết quả', 'Ngày xử lý xong',
    'Ngày kết thúc', 'Ngày trả',
  ],
  resultNumber: ['Số ký hiệu', 'Số ký hiệu kết quả', 'Số hiệu văn bản', 'Số văn bản', 'Số quyết định', 'Số giấy chứng nhận', 'Số kết quả'],
  status: ['Tình trạng', 'Trạng thái', 'Trạng thái hồ sơ', 'Trạng thái xử lý', 'Tình trạng xử lý', 'Tình trạng hồ sơ'],
  validUntil: ['Hiệu lực đến', 'Ngày hết hiệu lực', 'THỜI HẠN HIỆU LỰC', 'Hiệu lực', 'Ngày hết hạn', 'Có giá trị đến', 'Giá trị đến'],
};

/**
 * Contains rules, tried in order after the exact table: the first rule whose words occur
 * in the header wins. Order encodes priority ("Ngày hẹn trả kết quả" is a due date even
 * though it contains "trả kết quả"; "Trạng thái số hóa" is digitization, not status).
 */
export const HEADER_CONTAINS: readonly (readonly [string, HeaderField])[] = [
  ['chu ho so', 'applicant'],
  ['nguoi nop', 'applicant'],
  ['ca nhan', 'applicant'],
  ['dia chi', 'applicant'],
  ['dien thoai', 'applicant'],
  ['nguoi dang ky', 'applicant'],
  ['nguoi de nghi', 'applicant'],
  ['nguoi duoc cap', 'applicant'],
  ['chu so huu', 'applicant'],
  ['so dinh danh', 'applicant'],
  ['cccd', 'applicant'],
  ['cmnd', 'applicant'],
  ['can cuoc', 'applicant'],
  ['ho chieu', 'applicant'],
  ['so giay to', 'applicant'],
  ['email', 'applicant'],
  ['ho ten', 'applicant'],
  ['ho va ten', 'applicant'],
  ['ngay sinh', 'applicant'],
  ['ma so thue', 'applicant'],
  ['ten don vi', 'applicant'],
  ['ten to chuc', 'applicant'],
  ['ten doanh nghiep', 'applicant'],
  ['to chuc de nghi', 'applicant'],
  ['don vi de nghi', 'applicant'],
  ['don vi duoc cap', 'applicant'],
  ['to chuc duoc cap', 'applicant'],
  ['tuy than', 'applicant'],
  ['dinh danh', 'applicant'],
  ['so ky hieu', 'resultNumber'],
  ['so hieu van ban', 'resultNumber'],
  ['so hoa', 'digitized'],
  ['dong bo', 'synced'],
  ['so hoa kq', 'digitized'],
  ['ngay hen', 'dueAt'],
  ['hen tra', 'dueAt'],
  ['han tra', 'dueAt'],
  ['han xu ly', 'dueAt'],
  ['han giai quyet', 'dueAt'],
  ['ma ho so', 'code'],
  ['ma so ho so', 'code'],
  ['ma hs', 'code'],
  ['so bien nhan', 'code'],
  ['ma bien nhan', 'code'],
  ['ngay tiep nhan', 'receivedAt'],
  ['ngay nhan', 'receivedAt'],
  ['ngay nop', 'receivedAt'],
  ['ngay co ket qua', 'resolvedAt'],
  ['ngay hoan thanh', 'resolvedAt'],
  ['ngay ket thuc', 'resolvedAt'],
  ['ngay tra', 'resolvedAt'],
  ['ngay xu ly xong', 'resolvedAt'],
  ['ngay ban hanh', 'issuedAt'],
  ['ngay cap', 'issuedAt'],
  ['ngay ky', 'issuedAt'],
  ['het hieu luc', 'validUntil'],
  ['hieu luc', 'validUntil'],
  ['co gia tri den', 'validUntil'],
  ['het han', 'validUntil'],
  ['linh vuc', 'field'],
  ['thu tuc', 'procedure'],
  ['tthc', 'procedure'],
  ['trich yeu', 'procedure'], // an abstract naming the applicant is refused by the privacy guard
  ['ten noi dung', 'procedure'],
  ['file', 'resultFile'],
  ['tep', 'resultFile'],
  ['dinh kem', 'resultFile'],
  ['don vi', 'department'],
  ['phong ban', 'department'],
  ['co quan', 'department'],
  ['tinh trang', 'status'],
  ['trang thai', 'status'],
];

const EXACT = new Map<string, HeaderField>();
for (const [f, words] of Object.entries(HEADER_WORDINGS) as [HeaderField, readonly string[]][]) {
  for (const w of words) EXACT.set(matchKey(w), f);
}

/**
 * Columns whose words look like a known field but mean something else: a procedure's
 * catalogue code ("Mã TTHC" 2.002709) is not its name, a validity scope ("Toàn quốc") is
 * not an end date. Checked (as word runs) before the contains rules.
 */
export const HEADER_NOT: readonly string[] = [
  'Mã TTHC', 'Mã thủ tục', 'Mã số TTHC', 'Mã số thủ tục', 'Phạm vi hiệu lực', 'Phạm vi', 'Mã định danh',
  'Thời gian xử lý', 'Số ngày', 'Số lượng', 'Tỷ lệ',
];
const NOT_KEYS = HEADER_NOT.map(matchKey);

/**
 * The result-number word rule: "Số" followed by hiệu / ký hiệu / a kind of document
 * ("Số hiệu giấy tờ", "Số quyết định", "Số GCN", "Số/Ký hiệu văn bản") names a result
 * number, whatever the rest of the header says. Tried after the personal-data rules
 * ("Số giấy tờ" alone is an ID number) and before the contains rules.
 */
export const RESULT_NUMBER_LEAD = 'so';
export const RESULT_NUMBER_NEXT: readonly string[] = [
  'hieu', 'ky hieu', 'quyet dinh', 'giay phep', 'chung nhan', 'giay chung nhan', 'van ban', 'giay to', 'chung chi',
  'ban hanh', 'ket qua', 'gcn', 'gp', 'qd', 'vb', 'cc',
];
const NEXT_KEYS = RESULT_NUMBER_NEXT.map(matchKey).sort((a, b) => b.length - a.length);

function isResultNumberWords(key: string): boolean {
  const words = key.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== RESULT_NUMBER_LEAD) continue;
    const rest = ` ${words.slice(i + 1).join(' ')} `;
    if (NEXT_KEYS.some((n) => rest.startsWith(` ${n} `))) return true;
  }
  return false;
}

/**
 * Ranking of key columns when a table has more than one: a receipt number ("Mã biên
 * nhận" BN-2021-00412) or a packed information cell stands aside for the dossier code.
 * Higher wins; unlisted code headers rank 3.
 */
export const KEY_RANK: readonly (readonly [string, number])[] = [
  ['bien nhan', 1],
  ['bien lai', 1],
  ['phieu', 1],
  ['thong tin ho so', 2],
  ['ho so', 3],
];

export function keyRank(text: string): number {
  const key = matchKey(text);
  for (const [words, rank] of KEY_RANK) if (containsWords(key, words)) return rank;
  return 3;
}

/** Longer than this, a "header" is a sentence, not a column name. */
const MAX_HEADER_KEY = 60;

/** The record field a header text names, or null for unknown columns (STT, Thao tác …). */
export function lookupHeader(text: string | null | undefined): HeaderField | null {
  const key = matchKey(text);
  if (!key || key.length > MAX_HEADER_KEY) return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  if (NOT_KEYS.some((n) => containsWords(key, n))) return null;
  for (const [needle, f] of HEADER_CONTAINS) if (f === 'applicant' && containsWords(key, needle)) return f;
  if (isResultNumberWords(key)) return 'resultNumber';
  for (const [needle, f] of HEADER_CONTAINS) if (containsWords(key, needle)) return f;
  return null;
}

/** Fields that identify a record: a table needs one of them to be a record table. */
export const KEY_FIELDS: readonly HeaderField[] = ['code', 'resultNumber'];
