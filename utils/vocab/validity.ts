/** Validity of a result: an end date, or a wording that means it never ends. */
import { parseDate } from '../text/dates';
import { matchKey } from '../text/keys';

export const PERMANENT_WORDINGS: readonly string[] = ['Vĩnh viễn', 'Không thời hạn', 'Vô thời hạn', 'Không xác định thời hạn', 'Lâu dài'];
const PERMANENT = PERMANENT_WORDINGS.map(matchKey);

/**
 * "Vĩnh viễn" → permanent; a date → that end date and not permanent; anything else
 * (empty, unreadable) → both unknown.
 */
export function parseValidity(text: string | null | undefined): { validUntil: string | null; permanent: boolean | null } {
  const key = matchKey(text);
  if (!key) return { validUntil: null, permanent: null };
  if (PERMANENT.some((w) => ` ${key} `.includes(` ${w} `))) return { validUntil: null, permanent: true };
  const date = parseDate(text);
  return date ? { validUntil: date, permanent: false } : { validUntil: null, permanent: null };
}
