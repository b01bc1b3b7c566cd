/**
 * Small key/value facts about the store: schema info, counters of rows the capture
 * refused (by reason), the last automatic rebuild, for the popup's status line.
 * (Storage errors are kept outside IndexedDB: see utils/storage-error.ts.)
 */
import type { KiemDemDB } from './db';

export const META_REJECTED = 'rejected';
/** Per page reading: the rejected totals already counted (so a re-sent total counts once). */
export const META_REJECTED_PAGES = 'rejected-pages';
/** Set when a write found a count below zero and rebuilt the derived tables itself. */
export const META_REBUILT = 'rebuilt';

const MAX_PAGES_REMEMBERED = 500;

function addCounts(total: Record<string, number>, counts: Record<string, number>): void {
  for (const [reason, n] of Object.entries(counts)) {
    if (!Number.isInteger(n) || n <= 0) continue;
    total[reason] = (total[reason] ?? 0) + n;
  }
}

/**
 * Rows refused, by reason, as they reach the store. `pageTotals` are one page reading's
 * totals so far (`pageId`): only their growth since that page's last totals counts, so a
 * batch re-sent after a lost ack counts nothing twice. `added` are counts of this write
 * alone (rows the worker refused; totals sent without a page id). The one way the
 * rejected counters change (call inside or outside a transaction).
 */
export interface RejectedRows {
  pageId?: string;
  pageTotals?: Record<string, number>;
  added?: Record<string, number>;
}

export async function countRejected(db: KiemDemDB, rows: RejectedRows): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const delta: Record<string, number> = {};
    if (rows.pageTotals && rows.pageId) addCounts(delta, await pageGrowth(db, rows.pageId, rows.pageTotals));
    else if (rows.pageTotals) addCounts(delta, rows.pageTotals);
    if (rows.added) addCounts(delta, rows.added);
    if (Object.keys(delta).length === 0) return;
    const row = await db.meta.get(META_REJECTED);
    const total: Record<string, number> = { ...((row?.value as Record<string, number> | undefined) ?? {}) };
    addCounts(total, delta);
    await db.meta.put({ key: META_REJECTED, value: total });
  });
}

/** How much a page's totals grew since it last sent them; remembers the new totals. */
async function pageGrowth(db: KiemDemDB, pageId: string, totals: Record<string, number>): Promise<Record<string, number>> {
  const pagesRow = await db.meta.get(META_REJECTED_PAGES);
  const pages: Record<string, Record<string, number>> = { ...((pagesRow?.value as Record<string, Record<string, number>> | undefined) ?? {}) };
  const before = pages[pageId] ?? {};
  const delta: Record<string, number> = {};
  const after: Record<string, number> = { ...before };
  for (const [reason, n] of Object.entries(totals)) {
    if (!Number.isInteger(n) || n <= 0) continue;
    const d = n - (before[reason] ?? 0);
    if (d > 0) {
      delta[reason] = d;
      after[reason] = n;
    }
  }
  if (Object.keys(delta).length === 0) return delta;
  delete pages[pageId];
  pages[pageId] = after; // most recent last; the oldest pages are forgotten first
  const ids = Object.keys(pages);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PAGES_REMEMBERED))) delete pages[id];
  await db.meta.put({ key: META_REJECTED_PAGES, value: pages });
  return delta;
}

export async function getRejected(db: KiemDemDB): Promise<Record<string, number>> {
  const row = await db.meta.get(META_REJECTED);
  return { ...((row?.value as Record<string, number> | undefined) ?? {}) };
}

export const META_STORE_ID = 'storeId';
/** Where pages find the store's identity (extension storage: content scripts cannot open the database). */
export const STORE_ID_KEY = 'store.id';
/** Set when the worker found the store wiped by the browser (see lost.ts); pages give their rows again. */
export const STORE_LOST_KEY = 'storeLost';
/**
 * The identity a reader's row memo is valid for, published by the worker just before it
 * loads the reader into a frame ('' when the store was too busy to say: no memo is used).
 */
export const READER_STORE_ID_KEY = 'store.readerId';

/**
 * This store's identity: a random id kept in meta, made when the database is found
 * without one (new, or wiped by the browser). "Xóa dữ liệu" keeps it: the clerk emptied
 * the store on purpose, nothing was lost behind their back.
 */
export async function storeIdentity(db: KiemDemDB): Promise<string> {
  return await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_STORE_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    await db.meta.put({ key: META_STORE_ID, value: id });
    return id;
  });
}
