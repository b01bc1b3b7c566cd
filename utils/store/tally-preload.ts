/**
 * The popup's first reads, in plain IndexedDB, started by a small script (popup-preload)
 * that runs before the popup's own code has even loaded: opening the store and reading the
 * tally snapshot (or the month cells) then overlaps loading React and Dexie instead of
 * following them. The popup shows this until its live queries answer, and only for the
 * period it was read for. Never creates, upgrades or holds the database: a store that does
 * not exist yet or is at another schema version gives null (the popup reads it as usual).
 */
import { detailRanges } from '../period-split';
import type { Period } from '../period';
import { DB_NAME, IDB_VERSION } from './schema-version';
import { cellsOfMonths, type MonthCellsRow } from './month-cells';
import { openExisting, request } from './raw-open';
import type { Tally } from '../tally';
import { fittingSnapshot, META_DATA_STAMP, META_TALLY_SNAPSHOT } from './tally-snapshot';
import type { CellRow, MetaRow, ResultRow } from './types';

/** Where the preload script leaves its promise for the popup. */
export const PRELOAD_GLOBAL = '__kiemDemPopupPreload';
/** …and, once it settled, its answer: the popup's first render can use it without waiting a turn. */
export const PRELOAD_ANSWER_GLOBAL = '__kiemDemPopupPreloadAnswer';

/**
 * What the preload read for `period`: the snapshot's tally when it is still exact (one small
 * read), else the month cells and details to count from, as the popup's live queries would.
 */
export type TallyPreload = {
  period: Period;
  /** 1 when the store holds a record, else 0 (as the popup's own `hasAny`). */
  hasAny: number;
} & ({ tally: Tally } | { cells: CellRow[]; details: ResultRow[] });

/**
 * The data stamp and the snapshot in one read; when the snapshot does not fit, every month
 * cell, the period's details and whether any record is stored, in a second. `app` is the
 * extension's version (a snapshot from another build is not used). `period` may still be on
 * its way (the stored period's read): the store is opened and the snapshot read meanwhile.
 */
export async function preloadTally(idb: IDBFactory, period: Period | PromiseLike<Period>, app: string, name: string = DB_NAME): Promise<TallyPreload | null> {
  const periodRead = Promise.resolve(period);
  periodRead.catch(() => undefined); // answered below; not "unhandled" while the store opens
  const db = await openExisting(idb, name);
  if (!db) return null;
  try {
    const meta = db.transaction('meta', 'readonly').objectStore('meta');
    const [stamp, snap, p] = await Promise.all([request(meta.get(META_DATA_STAMP)), request(meta.get(META_TALLY_SNAPSHOT)), periodRead]);
    const fits = fittingSnapshot((snap as MetaRow | undefined)?.value, (stamp as MetaRow | undefined)?.value, p, IDB_VERSION, app);
    if (fits) return { period: p, hasAny: fits.hasAny, tally: fits.tally };
    // The counts' own transaction: the first may have ended while the period was read.
    const tx = db.transaction(['monthCells', 'results', 'records'], 'readonly');
    const results = tx.objectStore('results');
    const [months, details, keys] = await Promise.all([
      request(tx.objectStore('monthCells').getAll() as IDBRequest<MonthCellsRow[]>),
      Promise.all(detailRanges(p).map((r) => request(results.index(r.index).getAll(IDBKeyRange.bound(r.from, r.to)) as IDBRequest<ResultRow[]>))),
      request(tx.objectStore('records').getAllKeys(null, 1)),
    ]);
    return { period: p, cells: cellsOfMonths(months), details: details.flat(), hasAny: keys.length > 0 ? 1 : 0 };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
