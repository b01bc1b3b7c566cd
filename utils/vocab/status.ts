/**
 * Dossier statuses → national catalogue code 1–10. Wordings from the fixtures README plus
 * common variants of the same steps. Timeliness flags ("Quá hạn", "Trễ hạn", …) say how late
 * a dossier is, not where it is: they are stripped and never become a status.
 */
import { clean } from '../text/fold';
import { matchKey } from '../text/keys';

export const STATUS_CATALOGUE: Record<number, readonly string[]> = {
  1: ['Mới đăng ký', 'Chờ tiếp nhận', 'Chờ tiếp nhận trực tuyến', 'Hồ sơ mới', 'Chờ xác nhận', 'Mới nộp'],
  2: ['Được tiếp nhận', 'Đã tiếp nhận', 'Mới tiếp nhận', 'Tiếp nhận', 'Đã nhận hồ sơ'],
  3: ['Không được tiếp nhận', 'Từ chối tiếp nhận', 'Không tiếp nhận', 'Từ chối', 'Bị từ chối'],
  4: [
    'Đang xử lý', 'Đã chuyển xử lý', 'Đang giải quyết', 'Chuyển xử lý', 'Đang thẩm định', 'Chờ phê duyệt',
    'Chờ ký duyệt', 'Đang thụ lý', 'Chờ xử lý', 'Chuyển phòng chuyên môn', 'Đang trình ký', 'Trình ký', 'Chờ ký',
  ],
  5: ['Yêu cầu bổ sung giấy tờ', 'Chờ bổ sung', 'Yêu cầu bổ sung', 'Bổ sung hồ sơ', 'Chờ bổ sung hồ sơ'],
  6: [
    'Yêu cầu thực hiện nghĩa vụ tài chính', 'Chờ thu phí', 'Chờ thanh toán', 'Chờ nộp phí',
    'Chờ thực hiện nghĩa vụ tài chính',
  ],
  7: ['Công dân yêu cầu rút hồ sơ', 'Xin rút', 'Rút hồ sơ', 'Đã rút hồ sơ', 'Yêu cầu rút hồ sơ'],
  8: ['Dừng xử lý', 'Tạm dừng xử lý', 'Đã dừng xử lý', 'Tạm dừng'],
  9: [
    'Đã xử lý xong', 'Đã có kết quả', 'Chờ trả trực tiếp', 'Chờ trả kết quả', 'Có kết quả', 'Xử lý xong', 'Chờ trả',
    'Đã giải quyết', 'Giải quyết xong', 'Đã giải quyết xong',
  ],
  10: ['Đã trả kết quả', 'Đã trả', 'Hoàn thành', 'Đã hoàn thành', 'Đã trả kết quả trực tiếp', 'Trả kết quả', 'Đã nhận kết quả'],
};

/** Timeliness flags shown next to (or instead of) a status. */
export const TIMELINESS_FLAGS: readonly string[] = [
  'Quá hạn', 'Tới hạn', 'Trễ hạn', 'Đúng hạn', 'Trước hạn', 'Sắp đến hạn', 'Sắp hết hạn', 'Còn hạn', 'Đến hạn',
];

const EXACT = new Map<string, number>();
const BY_LENGTH: [string, number][] = [];
for (const [code, words] of Object.entries(STATUS_CATALOGUE)) {
  for (const w of words) {
    EXACT.set(matchKey(w), Number(code));
    BY_LENGTH.push([matchKey(w), Number(code)]);
  }
}
BY_LENGTH.sort((a, b) => b[0].length - a[0].length);

const FLAG_KEYS = TIMELINESS_FLAGS.map(matchKey);
const FLAG_RE = new RegExp(
  `[\\s(\\[–—,;|-]*(?:${TIMELINESS_FLAGS.map((f) => f.normalize('NFC')).join('|')})(?:\\s*\\d+\\s*ngày)?[\\s)\\]]*`,
  'giu',
);

/** The status text with timeliness flags removed ("Đang xử lý (Quá hạn)" → "Đang xử lý"). */
export function stripTimeliness(text: string): string {
  const c = clean(text);
  if (FLAG_KEYS.includes(matchKey(c))) return '';
  return clean(c.replace(FLAG_RE, ' ').replace(/^[\s\-–—,;|]+|[\s\-–—,;|]+$/gu, ''));
}

/** Catalogue code of a status text, or null when it is not in the catalogue. */
export function statusCode(text: string): number | null {
  const key = matchKey(text);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact !== undefined) return exact;
  // Longest wording contained as whole words: "Không được tiếp nhận" before "được tiếp nhận".
  for (const [w, code] of BY_LENGTH) if (` ${key} `.includes(` ${w} `)) return code;
  return null;
}

/** The shown status (flags stripped) and its code; both null when nothing is left. */
export function parseStatus(text: string | null | undefined): { status: string | null; statusCode: number | null } {
  const status = stripTimeliness(text ?? '');
  if (!status) return { status: null, statusCode: null };
  return { status, statusCode: statusCode(status) };
}
