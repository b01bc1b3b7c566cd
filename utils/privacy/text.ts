/**
 * Does a text carry personal data? Pure checks used by the record guard: an ID number
 * (9 or 12 digits: CMND, CCCD), a phone number, an e-mail, a person named by "ông/bà …",
 * an applicant label ("Người nộp: …", "Chủ hồ sơ - …"), or a short line that reads as a
 * person's name. Procedure and agency names are recognised by their first words.
 */
import { fold } from '../text/fold';
import { matchKey } from '../text/keys';
import { memoText } from '../text/memo';
import {
  AGENCY_STARTS,
  APPLICANT_LABELS,
  FAMILY_NAMES,
  HONORIFICS,
  PERSONAL_BUSINESS,
  PROCEDURE_STARTS,
} from '../vocab/personal';

// Digit runs may be grouped by spaces or dots ("020 188 001 234"); dates and codes use / or -.
const DIGIT_RUN = /(?<![\d/.-])\d(?:[ .]?\d)*(?![\d/-])/gu;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;

/** 9 or 12 digits (identity card), or a Vietnamese phone number (0 + 9–10 digits, +84 …). */
function hasIdOrPhone(text: string): boolean {
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/gu, '');
    if (digits.length === 9 || digits.length === 12) return true;
    if (/^0[1-9]\d{8,9}$/u.test(digits)) return true;
    if (/^84[1-9]\d{8,9}$/u.test(digits)) return true;
  }
  return /\+84[\s.]?\d/u.test(text);
}

const wordsRe = (words: readonly string[]) =>
  words
    .map((w) => w.normalize('NFC').replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|');

const HONORIFIC = new RegExp(`(?:^|[\\s,(;:])(?:${wordsRe(HONORIFICS)})\\s+\\p{Lu}`, 'u');
const LABEL_KEYS = APPLICANT_LABELS.map(matchKey);
// An applicant label written as a label: followed by ':' or a dash, or starting the text.
const LABELLED = new RegExp(`(?:^|[\\s,;(|])(?:${wordsRe(APPLICANT_LABELS)})\\s*(?::|[-–—]\\s)`, 'iu');

const LABEL_START = new RegExp(`^[\\s\\-–—•+*·]*(?:${wordsRe(APPLICANT_LABELS)})\\s*(?::|[-–—]|$)`, 'iu');

/** True when the text is, or starts as, an applicant label ("Chủ hồ sơ - Hoàng Văn Minh", "Người nộp: …"). */
export function startsWithApplicantLabel(text: string): boolean {
  const t = text.normalize('NFC').trim();
  return LABEL_START.test(t) || LABEL_KEYS.includes(matchKey(t));
}

const FAMILY = new Set(FAMILY_NAMES.map((n) => n.normalize('NFC')));
const BUSINESS_KEYS = PERSONAL_BUSINESS.map(matchKey);

/**
 * A line that reads as a person's name: two to six capitalised words, the first a common
 * family name ("Nguyễn Thị Thu Hà", "Triệu Đức Hùng"), or a household business named
 * after its owner ("Hộ kinh doanh Lê Thị Bình").
 */
export function readsAsPersonName(text: string): boolean {
  const t = text.normalize('NFC').trim();
  const key = matchKey(t);
  for (const b of BUSINESS_KEYS) if (key === b || key.startsWith(`${b} `)) return true;
  const words = t.split(/\s+/u);
  if (words.length < 2 || words.length > 6) return false;
  if (!FAMILY.has(words[0]!)) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w));
}

const personal = memoText((text) => {
  const t = text.normalize('NFC');
  if (EMAIL.test(t)) return true;
  if (hasIdOrPhone(t)) return true;
  if (HONORIFIC.test(t)) return true;
  if (LABELLED.test(t) || startsWithApplicantLabel(t)) return true;
  return readsAsPersonName(t);
});

/** True when the text carries personal data and must not be stored. */
export function isPersonalText(text: string | null | undefined): boolean {
  return text ? personal(text) : false;
}

const startsWith = (list: readonly string[]) => {
  const keys = list.map((w) => fold(w));
  return (text: string): boolean => {
    const f = fold(text).replace(/^[\s\-–—•+*·]+/u, '');
    return keys.some((k) => f === k || f.startsWith(`${k} `));
  };
};

/** Text that reads as a procedure's name ("Cấp …", "Thủ tục …", "Đăng ký …"). */
export const readsAsProcedure = startsWith(PROCEDURE_STARTS);

/** Text that reads as an agency ("Phòng …", "Chi cục …", "Trung tâm …", "Văn phòng …"). */
export const readsAsAgency = startsWith(AGENCY_STARTS);
