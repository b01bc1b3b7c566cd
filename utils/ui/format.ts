/**
 * Pure formatting for the popup and options pages. Dates stay strings
 * (YYYY-MM-DD, Asia/Ho_Chi_Minh local dates): never through `new Date(string)`.
 */
import type { Lang } from '../i18n';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** "2023-06-30" → "30/06/2023"; anything else → '' . */
export function formatDateVN(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** True for a real calendar date written YYYY-MM-DD (no 2023-02-31). */
export function isIsoDate(value: string | null | undefined): boolean {
  if (!value) return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

/** Thousands grouping without relying on the runtime's ICU data: vi "100.000", en "100,000". */
export function formatCount(n: number, lang: Lang = 'vi'): string {
  if (!Number.isFinite(n)) return '';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  const sep = lang === 'vi' ? '.' : ',';
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/gu, sep);
}

/**
 * A rate as a percentage with one decimal: vi "85,7", en "85.7"; null → ''.
 * `rate` is a percentage (0–100); values in 0–1 given by a caller that holds a
 * fraction are converted with `asPercent`.
 */
export function formatPercent(rate: number | null | undefined, lang: Lang = 'vi'): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '';
  const rounded = Math.round(rate * 10) / 10;
  const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** digitized / total × 100, or null when there is nothing to divide. */
export function ratePercent(digitized: number, total: number): number | null {
  return total > 0 ? (digitized / total) * 100 : null;
}

/** A millisecond timestamp as "dd/MM/yyyy HH:mm" in Vietnam time (UTC+7, no DST). */
export function formatTimestampVN(ms: number | string | null | undefined): string {
  const n = typeof ms === 'string' ? Date.parse(ms) : ms;
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const d = new Date(n + 7 * 3600 * 1000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
