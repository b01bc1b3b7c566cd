/**
 * The rows the popup-preload script read before the popup's code loaded
 * (utils/store/tally-preload.ts), as React state: undefined until they arrive, null when
 * there are none (no script, no store yet, another schema version, a failed read).
 */
import { useEffect, useState } from 'react';
import { PRELOAD_GLOBAL, type TallyPreload } from '../utils/store/tally-preload';

export function usePreloadedTally(): TallyPreload | null | undefined {
  const [value, setValue] = useState<TallyPreload | null>();
  useEffect(() => {
    const started = (globalThis as Record<string, unknown>)[PRELOAD_GLOBAL] as Promise<TallyPreload | null> | undefined;
    if (!started) {
      setValue(null);
      return;
    }
    let alive = true;
    started.then(
      (v) => alive && setValue(v),
      () => alive && setValue(null),
    );
    return () => {
      alive = false;
    };
  }, []);
  return value;
}
