/**
 * Text normalisation shared by every matcher. Pages mix NFC and NFD, old and new
 * tone placement ("hóa"/"hoá"), nbsp and line breaks; comparing folded keys makes
 * all of those the same word.
 */
import { memoText } from './memo';

const WS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;
// C0/C1 control characters other than tab/newline (which collapse as whitespace), and the
// invisible bidi controls and word joiner: a page's U+202E would reverse how a procedure
// name reads in the popup and in Excel.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/gu;

const cleanText = memoText((text) => text.normalize('NFC').replace(CONTROL, '').replace(WS, ' ').trim());
const foldText = memoText((text) =>
  cleanText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase(),
);

/** NFC, control characters removed, whitespace (incl. nbsp) collapsed, trimmed: for display and storage. */
export function clean(text: string | null | undefined): string {
  return text ? cleanText(text) : '';
}

/** Matching key: no diacritics, đ→d, lower case, single spaces. */
export function fold(text: string | null | undefined): string {
  return text ? foldText(text) : '';
}

/** A clean value or null when nothing is left. */
export function cleanOrNull(text: string | null | undefined): string | null {
  const c = clean(text);
  return c === '' ? null : c;
}
