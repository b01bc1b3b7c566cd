/**
 * The counting period, one type for the popup, the report, the consolidation, the
 * exports and the tally: ISO dates `from`–`to` and the `reference` date on which a
 * result must be in force. Validation gives i18n keys for the period form; the zod
 * schema guards stored and imported values.
 */
import { z } from 'zod';
import type { MessageKey } from './i18n';
import { isIsoDate } from './text/dates';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'Ngày phải có dạng YYYY-MM-DD');

/** Period of the count and the reference date for "in force" (ISO dates). */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate, reference: isoDate })
  .refine((p) => p.from <= p.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc' });

export interface Period {
  from: string;
  to: string;
  reference: string;
}

/** Preset asked for by the department office (DESIGN.md): results from 01/01/2018 to 30/06/2023, in force on 30/06/2023. */
export const DEFAULT_PERIOD: Period = { from: '2018-01-01', to: '2023-06-30', reference: '2023-06-30' };

/** storage.local key of the period last used in the popup. */
export const PERIOD_STORAGE_KEY = 'popup.period';

export type PeriodErrors = Partial<Record<keyof Period, MessageKey>>;

export function validatePeriod(p: Period): PeriodErrors {
  const errors: PeriodErrors = {};
  for (const k of ['from', 'to', 'reference'] as const) {
    if (!p[k]) errors[k] = 'periodErrorMissing';
    else if (!isIsoDate(p[k], 1900, 2999)) errors[k] = 'periodErrorInvalid';
  }
  if (!errors.from && !errors.to && p.from > p.to) errors.to = 'periodErrorOrder';
  return errors;
}

export function isPeriodValid(p: Period): boolean {
  return Object.keys(validatePeriod(p)).length === 0;
}

/** The same period: same dates and reference date. */
/** One string per period, for keying reads by the period they were made for. */
export function periodKey(p: Period): string {
  return `${p.from}|${p.to}|${p.reference}`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to && a.reference === b.reference;
}

/** The period kept in extension storage (`got`: what storage.local.get returned), or the preset. */
export function storedPeriodIn(got: Record<string, unknown>): Period {
  return parseStoredPeriod(got[PERIOD_STORAGE_KEY]) ?? { ...DEFAULT_PERIOD };
}

/** A stored value back to a period, or null when it is not a valid one. */
export function parseStoredPeriod(v: unknown): Period | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.from !== 'string' || typeof o.to !== 'string' || typeof o.reference !== 'string') return null;
  const p = { from: o.from, to: o.to, reference: o.reference };
  return isPeriodValid(p) ? p : null;
}

/** Years of a period, first to last (2018-01-01 … 2023-06-30 → 2018 … 2023). */
export function periodYears(period: Pick<Period, 'from' | 'to'>): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last && out.length < 200; y++) out.push(y);
  return out;
}
