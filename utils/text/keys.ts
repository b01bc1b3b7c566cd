/**
 * Matching keys for vocabularies: the folded text with punctuation turned into single
 * spaces, so "Tổ chức/cá nhân", "TỔ CHỨC / CÁ NHÂN:" and "to chuc ca nhan" meet.
 */
import { fold } from './fold';
import { memoText } from './memo';

const keyOf = memoText((text) =>
  fold(text)
    .replace(/[^a-z0-9&]+/gu, ' ')
    .trim(),
);

export function matchKey(text: string | null | undefined): string {
  return text ? keyOf(text) : '';
}

/** True when `needle` occurs in `hay` as whole words (both already matchKey'd). */
export function containsWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  if (hay === needle) return true;
  return ` ${hay} `.includes(` ${needle} `);
}
