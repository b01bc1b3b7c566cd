/**
 * The last tally the popup showed (or the worker computed once capture went quiet), kept
 * in `meta` with the store's data stamp at the time. The stamp changes in the same
 * transaction as every write to records, results or cells (data-stamp.ts), so a snapshot
 * whose stamp is still the store's is exactly what the cells would give: the popup shows
 * it at once instead of reading every cell. Dexie-free, for the popup's preload script.
 */
import { samePeriod, type Period } from '../period';
import type { Tally } from '../tally';

export { META_DATA_STAMP, META_TALLY_SNAPSHOT } from './stamp-keys';

export interface TallySnapshot {
  stamp: string;
  /** IndexedDB version and extension version it was computed under (rules may change with either). */
  version: number;
  app: string;
  /** The tally before every department's empty years are added (settings apply at render). */
  tally: Tally;
  hasAny: number;
}

/** The snapshot's tally when it is still exact for `period` under this store and build, else null. */
export function fittingSnapshot(raw: unknown, stamp: unknown, period: Period, version: number, app: string): TallySnapshot | null {
  if (typeof stamp !== 'string' || stamp === '' || !raw || typeof raw !== 'object') return null;
  const s = raw as Partial<TallySnapshot>;
  if (s.stamp !== stamp || s.version !== version || s.app !== app) return null;
  const t = s.tally;
  if (!t || typeof t !== 'object' || !Array.isArray(t.rows) || !Array.isArray(t.perDepartment) || !t.grand || !t.period) return null;
  if (!samePeriod(t.period, period) || (s.hasAny !== 0 && s.hasAny !== 1)) return null;
  return s as TallySnapshot;
}
