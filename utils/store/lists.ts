/**
 * Per-list coverage writes: the record keys a list gave (distinct, idempotent: the same
 * report twice changes nothing), its stated total, pages seen and last read time, in one
 * transaction. A native Promise for the message listener (TOOLCHAIN.md, messaging trap).
 */
import type { KiemDemDB } from './db';
import { getPresent } from './get-present';
import type { ListRow } from './types';

export interface ListReport {
  id: string;
  label: string;
  total: number | null;
  page: string | null;
}

const MAX_PAGES = 5000;

export async function recordListRead(db: KiemDemDB, list: ListReport, keys: readonly string[], at: number): Promise<ListRow> {
  const unique = [...new Set(keys)];
  return await db.transaction('rw', [db.lists, db.listKeys], async () => {
    const have = unique.length > 0 ? await getPresent(db.listKeys, unique.map((k) => [list.id, k] as [string, string])) : [];
    const fresh = unique.filter((_, i) => !have[i]);
    if (fresh.length > 0) await db.listKeys.bulkAdd(fresh.map((key) => ({ list: list.id, key })));
    const row: ListRow = (await db.lists.get(list.id)) ?? {
      id: list.id, label: list.label, statedTotal: null, captured: 0, pages: [], pagesRead: 0, firstRead: at, lastRead: at,
    };
    row.label = list.label || row.label;
    row.captured += fresh.length;
    if (list.total !== null) row.statedTotal = list.total;
    if (list.page && !row.pages.includes(list.page) && row.pages.length < MAX_PAGES) row.pages.push(list.page);
    row.pagesRead = Math.max(row.pagesRead, row.pages.length);
    row.lastRead = Math.max(row.lastRead, at);
    await db.lists.put(row);
    return row;
  });
}

/** Coverage of a list in percent (one decimal), or null without a stated total. */
export function coveragePercent(row: Pick<ListRow, 'captured' | 'statedTotal'>): number | null {
  if (row.statedTotal === null) return null;
  if (row.statedTotal === 0) return 100;
  return Math.min(100, Math.floor((row.captured / row.statedTotal) * 1000) / 10);
}
