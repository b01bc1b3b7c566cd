/**
 * How portals print a list's total, as data. Each pattern runs on the folded text of a
 * short element near the record table (no diacritics, lower case, single spaces) and
 * names the capture group holding the total. Numbers keep their thousands separators
 * ("1.284", "1,284", "1 284") and are read by `parseCount`.
 */

const N = '(\\d{1,3}(?:[., \\u00a0]\\d{3})+(?!\\d)|\\d+)';
/** Record nouns portals print after a total. */
const NOUN = '(?:ban ghi|ho so|ket qua|giay to|muc|dong|phan tu|records?|items?|entries|rows?|results?)';

export const TOTAL_PATTERNS: readonly RegExp[] = [
  // "Tổng số 47 bản ghi", "Tổng số: 1.284 hồ sơ", "Tổng cộng: 36 giấy tờ", "Tổng 47 mục"
  new RegExp(`\\btong (?:so|cong)?\\s*(?:ban ghi|ho so|ket qua)?\\s*:?\\s*${N}(?!\\d)`, 'u'),
  // "Hiển thị 1 - 25 / 37 kết quả", "1–15 trên 15", "1 - 10 của 100", "Showing 1 to 10 of 57 entries"
  new RegExp(`\\b\\d+\\s*(?:-|–|—|~|den|to)\\s*\\d+\\s*(?:/|tren|cua|trong|trong tong so|of)\\s*(?:tong so\\s*)?${N}(?!\\d)`, 'u'),
  // "Có 47 hồ sơ", "Tìm thấy 1.284 kết quả", "Trang 3/3 — 24 hồ sơ", "Trang 1/5 (100 bản ghi)", "Total 47 items"
  new RegExp(`\\b(?:co|tim thay|tim duoc|total|trang \\d+\\s*/\\s*\\d+\\s*[-–—:,.(]?)\\s*${N}\\s*${NOUN}\\b`, 'u'),
  // "Kết quả tìm kiếm: 57", "Số bản ghi: 57" (not "Số hồ sơ:", "Số kết quả:": labels of codes and numbers)
  new RegExp(`\\b(?:ket qua tim kiem|so ban ghi)\\s*:\\s*${N}(?!\\d)`, 'u'),
  // "Tổng: 47", "Total: 47", "47 bản ghi" alone on its line
  new RegExp(`^(?:total|tong)\\s*:\\s*${N}$`, 'u'),
  new RegExp(`^${N}\\s*${NOUN}$`, 'u'),
];

/** "1.284" → 1284, "1,284" → 1284, "1 284" → 1284; null when not a count. */
export function parseCount(text: string): number | null {
  const digits = text.replace(/[., \u00a0]/gu, '');
  if (!/^\d{1,9}$/u.test(digits)) return null;
  return Number(digits);
}
