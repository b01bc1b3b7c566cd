/**
 * Dexie's useLiveQuery, answered only for the key it was read for. Dexie's hook keeps its
 * last answer while the query for new deps runs: a tally would then count the new period
 * from the old period's rows for a render or more, and show wrong figures.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';

/** The answer of `querier` for `key`, or undefined while it is read (or when key is undefined). */
export function useLiveQueryFor<T>(key: string | undefined, querier: () => Promise<T>): T | undefined {
  const got = useLiveQuery(async () => (key === undefined ? undefined : { key, value: await querier() }), [key]);
  return got !== undefined && got.key === key ? got.value : undefined;
}

/** The last defined value seen: what stays on screen while the next one is read. */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const last = useRef(value);
  if (value !== undefined) last.current = value;
  return last.current;
}
