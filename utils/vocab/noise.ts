/** Row texts that stand for "no rows" in an empty table. */
import { matchKey } from '../text/keys';

export const NO_DATA: readonly string[] = [
  'Không có dữ liệu', 'Không tìm thấy dữ liệu', 'Không có hồ sơ', 'Không tìm thấy hồ sơ', 'Không có bản ghi',
  'Không có kết quả', 'Không tìm thấy kết quả', 'Chưa có dữ liệu', 'Dữ liệu trống', 'No data', 'No records to display',
  'No data available in table', 'Đang tải dữ liệu',
];
const KEYS = NO_DATA.map(matchKey);

export function isNoDataText(text: string): boolean {
  const key = matchKey(text);
  return KEYS.some((k) => key === k || key.startsWith(`${k} `));
}

/**
 * Words that open a totals or subtotal row ("Tổng cộng", "Cộng trang", "Tổng số: 18 hồ
 * sơ"): such rows carry counts under the other columns and never make records. Matched
 * with their diacritics (lower case, NFC), since folded "cộng" would also be "công".
 */
export const TOTALS_WORDS: readonly string[] = [
  'tổng cộng', 'tổng số', 'tổng', 'cộng', 'cộng trang', 'tổng trang', 'lũy kế', 'luỹ kế', 'tổng cả',
  'total', 'grand total', 'subtotal', 'sum', 'count',
];
const TOTALS = [...TOTALS_WORDS].map((w) => w.normalize('NFC')).sort((a, b) => b.length - a.length);

/**
 * True when a cell's text is a totals label: the word alone, followed by ':' / a number,
 * or a short label ("Cộng tháng 01", "Tổng số: 18 hồ sơ").
 */
export function isTotalsText(text: string): boolean {
  const t = text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  for (const w of TOTALS) {
    if (!t.startsWith(w)) continue;
    const rest = t.slice(w.length);
    if (rest === '' || /^\s*[:=(\d]/u.test(rest)) return true;
    // "Cộng tháng 01": a short label; bare "Tổng …" may open ordinary words ("Tổng hợp").
    if (w !== 'tổng' && /^\s/u.test(rest) && t.length <= 40) return true;
  }
  return false;
}
