/**
 * The popup's counting period: validation with Vietnamese messages and the
 * storage.local key where the last period is remembered.
 */
import { isIsoDate } from './format';
import type { MessageKey } from '../i18n';

export interface PeriodValue {
  from: string;
  to: string;
  reference: string;
}

/** Preset from DESIGN.md: 01/01/2018–30/06/2023, reference 30/06/2023. */
export const PRESET_PERIOD: PeriodValue = { from: '2018-01-01', to: '2023-06-30', reference: '2023-06-30' };

export const PERIOD_STORAGE_KEY = 'popup.period';

export type PeriodErrors = Partial<Record<keyof PeriodValue, MessageKey>>;

export function validatePeriod(p: PeriodValue): PeriodErrors {
  const errors: PeriodErrors = {};
  for (const k of ['from', 'to', 'reference'] as const) {
    if (!p[k]) errors[k] = 'periodErrorMissing';
    else if (!isIsoDate(p[k])) errors[k] = 'periodErrorInvalid';
  }
  if (!errors.from && !errors.to && p.from > p.to) errors.to = 'periodErrorOrder';
  return errors;
}

export function isPeriodValid(p: PeriodValue): boolean {
  return Object.keys(validatePeriod(p)).length === 0;
}

/** A stored value back to a period, or null when it is not a valid one. */
export function parseStoredPeriod(v: unknown): PeriodValue | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.from !== 'string' || typeof o.to !== 'string' || typeof o.reference !== 'string') return null;
  const p = { from: o.from, to: o.to, reference: o.reference };
  return isPeriodValid(p) ? p : null;
}
