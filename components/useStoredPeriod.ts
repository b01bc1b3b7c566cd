/**
 * The period chosen in the popup, kept in extension storage so the report and the
 * consolidation page open on the same period (the preset until one was chosen).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PERIOD_STORAGE_KEY, DEFAULT_PERIOD, isPeriodValid, storedPeriodIn, type Period } from '../utils/period';

/** The stored period and a setter that stores it once it is valid (the popup's form). */
export function usePeriod(): [Period | undefined, (p: Period) => void] {
  const [period, setPeriod] = useState<Period>();
  useEffect(() => {
    let alive = true;
    browser.storage.local
      .get(PERIOD_STORAGE_KEY)
      .then((got) => alive && setPeriod(storedPeriodIn(got)))
      .catch(() => alive && setPeriod({ ...DEFAULT_PERIOD }));
    return () => {
      alive = false;
    };
  }, []);
  const update = (p: Period) => {
    setPeriod(p);
    if (isPeriodValid(p)) void browser.storage.local.set({ [PERIOD_STORAGE_KEY]: p }).catch(() => undefined);
  };
  return [period, update];
}

/** The period last chosen in the popup (read-only), or the preset. */
export function useStoredPeriod(): Period | undefined {
  return usePeriod()[0];
}
