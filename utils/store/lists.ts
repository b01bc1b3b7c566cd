/**
 * Per-list coverage writes: the record keys a list gave (distinct, idempotent: the same
 * report twice changes nothing), its stated total, pages seen and last read time, in one
 * transaction. A native Promise for the message listener (TOOLCHAIN.md, messaging trap).
 */
import type { KiemDemDB } from './db';
import { addToBucket, byBucket } from './list-sets';
import type { ListRow, ListSetRow } from './types';

export interface ListReport {
  id: string;
  label: string;
  total: number | null;
  page: string | null;
}

const MAX_PAGES = 5000;

/** Store one report of a list: its new keys (by bucket) and its row, in one transaction. */
export async function recordListRead(db: KiemDemDB, list: ListReport, keys: readonly string[], at: number): Promise<ListRow> {
  const buckets = [...byBucket(keys)];
  return await db.transaction('rw', [db.lists, db.listSets], async () => {
    const [sets, stored] = await Promise.all([
      buckets.length > 0 ? db.listSets.bulkGet(buckets.map(([b]) => [list.id, b] as [string, number])) : [],
      db.lists.get(list.id),
    ]);
    let fresh = 0;
    const puts: ListSetRow[] = [];
    buckets.forEach(([b, ks], i) => {
      const added = addToBucket(list.id, b, sets[i], ks);
      fresh += added.fresh;
      if (added.row) puts.push(added.row);
    });
    const written = puts.length > 0 ? db.listSets.bulkPut(puts) : undefined;
    const row: ListRow = stored ?? {
      id: list.id, label: list.label, statedTotal: null, captured: 0, pages: [], pagesRead: 0, firstRead: at, lastRead: at,
    };
    row.label = list.label || row.label;
    row.captured += fresh;
    if (list.total !== null) row.statedTotal = list.total;
    if (list.page && !row.pages.includes(list.page) && row.pages.length < MAX_PAGES) row.pages.push(list.page);
    row.pagesRead = Math.max(row.pagesRead, row.pages.length);
    row.lastRead = Math.max(row.lastRead, at);
    await Promise.all([written, db.lists.put(row)]);
    return row;
  });
}

/** Coverage of a list in percent (one decimal), or null without a stated total. */
export function coveragePercent(row: Pick<ListRow, 'captured' | 'statedTotal'>): number | null {
  if (row.statedTotal === null) return null;
  if (row.statedTotal === 0) return 100;
  return Math.min(100, Math.floor((row.captured / row.statedTotal) * 1000) / 10);
}
