/**
 * Read every stored record in pages by primary key, yielding to the event loop
 * between pages so the popup stays responsive on large stores.
 */
import type { StoredRecord } from '../utils/records';
import type { KiemDemDB } from '../utils/store/db';

export const READ_PAGE = 5000;

export async function readAllRecords(db: KiemDemDB, onProgress?: (read: number) => void): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  let last: string | undefined;
  for (;;) {
    const q = last === undefined ? db.records.orderBy(':id') : db.records.where(':id').above(last);
    const page = await q.limit(READ_PAGE).toArray();
    out.push(...page);
    onProgress?.(out.length);
    if (page.length < READ_PAGE) break;
    last = page[page.length - 1]!.key;
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}
