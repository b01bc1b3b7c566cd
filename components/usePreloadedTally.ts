/**
 * The rows the popup-preload script read before the popup's code loaded
 * (utils/store/tally-preload.ts), as React state: undefined until they arrive, null when
 * there are none (no script, no store yet, another schema version, a failed read).
 */
import { useEffect, useState } from 'react';
import { PRELOAD_ANSWER_GLOBAL, PRELOAD_GLOBAL, type TallyPreload } from '../utils/store/tally-preload';

export function usePreloadedTally(): TallyPreload | null | undefined {
  // Already answered when the popup's code runs (the usual case): in the first render, so
  // the first commit holds the table, not "loading".
  const [value, setValue] = useState(() => (globalThis as Record<string, unknown>)[PRELOAD_ANSWER_GLOBAL] as TallyPreload | null | undefined);
  useEffect(() => {
    // Answered already or not, the promise gives the same answer (a same value renders nothing new).
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
