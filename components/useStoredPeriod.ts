/** The period last chosen in the popup (read-only here), or the preset. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PERIOD_STORAGE_KEY, PRESET_PERIOD, parseStoredPeriod, type PeriodValue } from '../utils/ui/period';

export function useStoredPeriod(): PeriodValue | undefined {
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
  return period;
}
