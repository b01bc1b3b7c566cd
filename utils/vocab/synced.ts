/**
 * Archive-sync wordings (đồng bộ kho): a sync column's values and a sync log's outcomes.
 * Data, matched folded like the digitization words.
 */
import { matchKey } from '../text/keys';

export const SYNCED_YES: readonly string[] = [
  'Đã đồng bộ', 'Đồng bộ thành công', 'Thành công', 'Đã đồng bộ kho', 'Đã đồng bộ lên kho', 'Đã số hóa và đồng bộ',
  'Đã đẩy kho', 'Có', 'x', '✓', '✔', '☑',
];
export const SYNCED_NO: readonly string[] = [
  'Chưa đồng bộ', 'Đồng bộ thất bại', 'Thất bại', 'Lỗi', 'Lỗi đồng bộ', 'Không thành công', 'Chưa đẩy kho',
  'Không', 'Chưa', '✗', '✘', '☐', '—', '-', '–',
];

const rawKey = (s: string) => matchKey(s) || s.trim();
const YES = new Set(SYNCED_YES.map(rawKey));
const NO = new Set(SYNCED_NO.map(rawKey));

/** Yes/no from a sync column's wording; null when it says neither. */
export function syncedFromText(text: string | null | undefined): boolean | null {
  if (!text) return null;
  const key = rawKey(text);
  if (!key) return null;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  // Longer sentences: a failure or a negation wins ("chưa đồng bộ lên kho", "đồng bộ lỗi").
  if (/\b(chua|khong)\b.*\bdong bo\b|\bthat bai\b|\bloi\b/u.test(key)) return false;
  if (/\b(da dong bo|thanh cong)\b/u.test(key)) return true;
  return null;
}

/**
 * Sync said inside another column (a digitization cell "Đã số hóa và đồng bộ", "Chưa
 * đồng bộ"): only words that name the sync count, so "Đã số hóa" alone says nothing.
 */
export function syncedMentioned(text: string | null | undefined): boolean | null {
  const key = rawKey(text ?? '');
  return /\bdong bo\b/u.test(key) ? syncedFromText(text) : null;
}
