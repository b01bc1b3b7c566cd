/**
 * The period chosen in the popup, kept in extension storage so the report and the
 * consolidation page open on the same period (the preset until one was chosen).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PERIOD_STORAGE_KEY, PRESET_PERIOD, isPeriodValid, parseStoredPeriod, type PeriodValue } from '../utils/ui/period';

/** The stored period and a setter that stores it once it is valid (the popup's form). */
export function usePeriod(): [PeriodValue | undefined, (p: PeriodValue) => void] {
  const [period, setPeriod] = useState<PeriodValue>();
  useEffect(() => {
    let alive = true;
    browser.storage.local
      .get(PERIOD_STORAGE_KEY)
      .then((got) => alive && setPeriod(parseStoredPeriod(got[PERIOD_STORAGE_KEY]) ?? { ...PRESET_PERIOD }))
      .catch(() => alive && setPeriod({ ...PRESET_PERIOD }));
    return () => {
      alive = false;
    };
  }, []);
  const update = (p: PeriodValue) => {
    setPeriod(p);
    if (isPeriodValid(p)) void browser.storage.local.set({ [PERIOD_STORAGE_KEY]: p }).catch(() => undefined);
  };
  return [period, update];
}

/** The period last chosen in the popup (read-only), or the preset. */
export function useStoredPeriod(): PeriodValue | undefined {
  return usePeriod()[0];
}
