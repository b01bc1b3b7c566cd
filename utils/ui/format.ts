/**
 * Pure number formatting for the popup and options pages (dates: utils/text/dates.ts).
 */
import type { Lang } from '../i18n';

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
