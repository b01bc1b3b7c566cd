/**
 * Read every stored record in pages by primary key, yielding to the event loop
 * between pages so the popup stays responsive on large stores.
 */
import { makeYield } from '../utils/capture/slicer';
import type { StoredRecord } from '../utils/records';
import type { KiemDemDB } from '../utils/store/db';

export const READ_PAGE = 10_000;

export async function readAllRecords(db: KiemDemDB, onProgress?: (read: number) => void): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  // A yield without the timer clamp (a 100,000-record store is ten pages).
  const yieldNow = makeYield();
  let last: string | undefined;
  for (;;) {
    const q = last === undefined ? db.records.orderBy(':id') : db.records.where(':id').above(last);
    const page = await q.limit(READ_PAGE).toArray();
    out.push(...page);
    onProgress?.(out.length);
    if (page.length < READ_PAGE) break;
    last = page[page.length - 1]!.key;
    await yieldNow();
  }
  return out;
}
