/**
 * The one date module. Dates are 'YYYY-MM-DD' strings of Asia/Ho_Chi_Minh local days;
 * people read and write dd/MM/yyyy. Vietnam has kept UTC+7 without daylight saving since
 * 1975, so a fixed offset gives its wall time exactly (and 100k rows format without an
 * Intl call each). Portal pages show dd/MM/yyyy (also with '-' or '.', with or without a
 * time) and APIs leak ISO timestamps. We never hand dd/MM/yyyy to `new Date()` (it reads
 * MM/dd) and never let an impossible date such as 31/02 roll over into March: it is null.
 */

/** Offset of Asia/Ho_Chi_Minh from UTC (no daylight saving since 1975). */
export const VN_OFFSET_MS = 7 * 3_600_000;

const DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)/u;
// Year first with '/' or '.' (2023/06/30), as some report exports print it.
const YMD = /(?<![\d/.-])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/u;
const ISO =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
// The written form of documents and signatures: "ngày 05 tháng 3 năm 2021".
const WRITTEN = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})(?!\d)/iu;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Calendar validity: the day exists in that month of that year (no 31/02, no month 13). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A calendar date as 'YYYY-MM-DD', or null when it does not exist (or is outside 1900–2100). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  return isCalendarDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' with a year in [minYear, maxYear]. */
export function isIsoDate(value: string | null | undefined, minYear = 0, maxYear = 9999): boolean {
  const m = value ? ISO_DAY.exec(value) : null;
  if (!m) return false;
  const y = Number(m[1]);
  return y >= minYear && y <= maxYear && isCalendarDate(y, Number(m[2]), Number(m[3]));
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
  const local = new Date(utc + VN_OFFSET_MS);
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
  const written = WRITTEN.exec(text.normalize('NFC'));
  if (written) return isoDate(Number(written[3]), Number(written[2]), Number(written[1]));
  return null;
}

/** True when the text holds something shaped like a date (valid or not). */
export function looksLikeDate(text: string): boolean {
  return DMY.test(text) || ISO.test(text) || YMD.test(text) || WRITTEN.test(text.normalize('NFC'));
}

/** '2023-06-15' → '15/06/2023'; null, empty or anything else → ''. */
export function isoToVn(iso: string | null | undefined): string {
  const m = iso ? ISO_DAY.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Strict 'dd/MM/yyyy' → ISO, or null for anything else (including 31/02). Never `new Date(string)`. */
export function vnToIso(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/u.exec(text.trim());
  if (!m) return null;
  return isCalendarDate(Number(m[3]), Number(m[2]), Number(m[1])) ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** An instant as a Date whose UTC fields are Vietnam's wall clock (for formatting and XLSX cells). */
export function vnWallClock(ms: number): Date {
  return new Date(ms + VN_OFFSET_MS);
}

/** Epoch ms (or a string Date.parse reads) → 'dd/MM/yyyy HH:mm' in Vietnam time; nothing usable → ''. */
export function formatDateTimeVn(ms: number | string | null | undefined): string {
  const n = typeof ms === 'string' ? Date.parse(ms) : ms;
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const t = vnWallClock(n);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** Strict 'dd/MM/yyyy HH:mm' (Vietnam time) → epoch ms, or null. */
export function parseDateTimeVn(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/u.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi) - VN_OFFSET_MS;
}

/** Today's date in Vietnam as 'yyyy-MM-dd' (file names, the report's date line). */
export function todayIsoVn(now: number = Date.now()): string {
  const t = vnWallClock(now);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Vietnam time as 'yyyyMMdd-HHmm' (export file names). */
export function stampVn(now: number = Date.now()): string {
  const t = vnWallClock(now);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}-${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}`;
}

/** An ISO day as the UTC midnight Date spreadsheet writers store as that calendar day. */
export function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The last day of a month 'YYYY-MM', as 'YYYY-MM-DD'. */
export function endOfMonth(month: string): string {
  return `${month}-${pad(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}`;
}

/** The month `by` months after 'YYYY-MM' (negative: before). */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The number of the Vietnam calendar day an instant falls on (days since 1970-01-01 there). */
export function vnDayNumber(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / 86_400_000);
}
