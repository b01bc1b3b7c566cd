/**
 * The popup's first reads, in plain IndexedDB, started by a small script (popup-preload)
 * that runs before the popup's own code has even loaded: opening the store and reading the
 * month cells then overlaps loading React and Dexie instead of following them. The popup
 * shows these rows until its live queries answer, and only for the period they were read
 * for. Never creates, upgrades or holds the database: a store that does not exist yet or is
 * at another schema version gives null (the popup then reads it the usual way).
 */
import { detailRanges } from '../period-split';
import type { Period } from '../period';
import { DB_NAME, IDB_VERSION } from './schema-version';
import type { CellRow, ResultRow } from './types';

/** Where the preload script leaves its promise for the popup. */
export const PRELOAD_GLOBAL = '__kiemDemPopupPreload';

export interface TallyPreload {
  /** The period the details were read for. */
  period: Period;
  cells: CellRow[];
  details: ResultRow[];
  /** 1 when the store holds a record, else 0 (as the popup's own `hasAny`). */
  hasAny: number;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Opens the store as it is; null when it does not exist or is not at `IDB_VERSION`. */
function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No store yet: abort, so the read leaves no empty database behind.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      if (db.version !== IDB_VERSION) {
        db.close();
        resolve(null);
        return;
      }
      // The popup's Dexie may need to upgrade: never stand in its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/** One read-only transaction: every month cell, the period's details, whether any record is stored. */
export async function preloadTally(idb: IDBFactory, period: Period, name: string = DB_NAME): Promise<TallyPreload | null> {
  const db = await openExisting(idb, name);
  if (!db) return null;
  try {
    const tx = db.transaction(['cells', 'results', 'records'], 'readonly');
    const results = tx.objectStore('results');
    const reads = Promise.all([
      request(tx.objectStore('cells').getAll() as IDBRequest<CellRow[]>),
      Promise.all(detailRanges(period).map((r) => request(results.index(r.index).getAll(IDBKeyRange.bound(r.from, r.to)) as IDBRequest<ResultRow[]>))),
      request(tx.objectStore('records').getAllKeys(null, 1)),
    ]);
    const [cells, details, keys] = await reads;
    return { period, cells, details: details.flat(), hasAny: keys.length > 0 ? 1 : 0 };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
