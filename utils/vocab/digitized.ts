/**
 * Digitization wordings (số hóa). Matched folded, so "số hoá" and "số hóa" are one word.
 * Icons say it through title/aria-label/alt; some icon names ("check-circle") say it too.
 */
import { matchKey } from '../text/keys';

export const DIGITIZED_YES: readonly string[] = [
  'Có', 'Đã số hóa', 'Đã số hóa kết quả', 'Tái sử dụng', 'x', 'Xem tệp', 'Đã số hoá', 'Số hóa', 'Đã đồng bộ',
  'Đã số hóa và đồng bộ', 'Xem file', 'Tải về', 'Tải tệp', 'Xem kết quả', 'Đã có tệp', '✓', '✔', '☑', '✅', 'v', '●',
];
export const DIGITIZED_NO: readonly string[] = [
  'Chưa có tệp', 'Chưa số hóa', 'Chưa số hóa kết quả', 'Không', 'Chưa', 'Chưa có', 'Chưa đồng bộ',
  'Không có tệp', 'Không có', '✗', '✘', '☐', '—', '-', '–',
];
/**
 * Marks: cells of a mark column hold only these (or nothing). Once a column carries marks
 * on some rows, its blank cells mean "no".
 */
export const DIGITIZED_MARKS: readonly string[] = ['x', '✓', '✔', '☑', '✅', '✗', '✘', '☐', 'v', 'Có', 'Không', '●'];

/** Icon names (aria-label of icon fonts) that carry the meaning on their own. */
export const ICON_YES: readonly string[] = [
  'check', 'check-circle', 'check-square', 'done', 'check_circle', 'ok', 'tick', 'check_circle_outline', 'task_alt',
  'check_box', 'done_all', 'verified', 'cloud_done',
];
export const ICON_NO: readonly string[] = [
  'close', 'close-circle', 'times', 'times-circle', 'cancel', 'minus-circle', 'x-circle', 'highlight_off',
  'check_box_outline_blank', 'radio_button_unchecked', 'clear', 'remove_circle_outline',
];

/** File types that are a result file when linked. */
export const RESULT_FILE_EXT: readonly string[] = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'zip', 'rar', 'xls', 'xlsx', 'xml'];

// Symbols fold to '' under matchKey; keep them by raw text.
const rawKey = (s: string) => (matchKey(s) || s.trim());
const YES = new Set(DIGITIZED_YES.map(rawKey));
const NO = new Set(DIGITIZED_NO.map(rawKey));
const ICON_Y = new Set(ICON_YES.map((s) => s.toLowerCase()));
const ICON_N = new Set(ICON_NO.map((s) => s.toLowerCase()));

const MARKS = new Set(DIGITIZED_MARKS.map(rawKey));

/** True when a cell's whole text is a mark (x, ✓, Có, Không …). */
export function isMarkText(text: string | null | undefined): boolean {
  return !!text && MARKS.has(rawKey(text));
}

/** Yes/no from a wording; null when the text says neither. */
export function digitizedFromText(text: string | null | undefined): boolean | null {
  if (!text) return null;
  const key = rawKey(text);
  if (!key) return null;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  // Longer sentences: a negation wins over the word it negates ("chưa số hóa").
  if (/\b(chua|khong)\b.*\bso hoa\b/u.test(key) || /^(chua|khong)\b/u.test(key)) return false;
  if (/\b(da so hoa|tai su dung)\b/u.test(key)) return true;
  return null;
}

/** Yes/no from an icon name such as "check-circle"; null otherwise. */
export function digitizedFromIconName(name: string | null | undefined): boolean | null {
  const n = (name ?? '').trim().toLowerCase();
  if (ICON_Y.has(n)) return true;
  if (ICON_N.has(n)) return false;
  return null;
}

const EXT_RE = new RegExp(`\\.(?:${RESULT_FILE_EXT.join('|')})(?:$|[?#])`, 'iu');

/** True when a link target is a document file (…/KQ_001.pdf?download=1). */
export function isResultFileHref(href: string | null | undefined): boolean {
  if (!href) return false;
  return EXT_RE.test(href.trim());
}

/** A link that goes somewhere (not "#" or a javascript: no-op). */
export function isRealHref(href: string | null | undefined): boolean {
  const h = (href ?? '').trim();
  return h !== '' && h !== '#' && !/^javascript:\s*(void\(0\);?|;)?\s*$/iu.test(h);
}
