/**
 * Vietnamese portal dates → 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. Pages show dd/MM/yyyy
 * (also with '-' or '.', with or without a time) and APIs leak ISO timestamps. We never
 * hand dd/MM/yyyy to `new Date()` (it reads MM/dd) and never let an impossible date
 * such as 31/02 roll over into March: it is null.
 */

/** Offset of Asia/Ho_Chi_Minh from UTC (no daylight saving since 1975). */
const VN_OFFSET_MIN = 7 * 60;

const DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)/u;
// Year first with '/' or '.' (2023/06/30), as some report exports print it.
const YMD = /(?<![\d/.-])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/u;
const ISO =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/u;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date as 'YYYY-MM-DD', or null when it does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseOffset(z: string): number {
  if (z === 'Z') return 0;
  const sign = z.startsWith('-') ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function fromIso(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const base = isoDate(year, month, day);
  if (!base || zone === undefined || h === undefined) return base;
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59 || Number(s ?? 0) > 59) return null;
  // The instant in UTC, then read the calendar date seven hours later.
  const utc = Date.UTC(year, month - 1, day, hour, minute) - parseOffset(zone) * 60_000;
  const local = new Date(utc + VN_OFFSET_MIN * 60_000);
  return isoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/**
 * The first date written in `text`, as a local date in Asia/Ho_Chi_Minh, or null when
 * there is none or it is impossible. Times are dropped; an ISO time with an offset other
 * than +07:00 is converted first (23:30Z is the next day in Hà Nội).
 */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = ISO.exec(text);
  const dmy = DMY.exec(text);
  if (iso && (!dmy || iso.index <= dmy.index)) return fromIso(iso);
  if (dmy) return isoDate(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  const ymd = YMD.exec(text);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
  return null;
}

/** True when the text holds something shaped like a date (valid or not). */
export function looksLikeDate(text: string): boolean {
  return DMY.test(text) || ISO.test(text) || YMD.test(text);
}
