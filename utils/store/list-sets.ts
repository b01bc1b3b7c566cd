/**
 * A list's record keys, held in a fixed number of buckets per list: a report of a
 * 10,000-row list rewrites a few dozen rows, not 10,000 (each IndexedDB write costs
 * about as much whatever its size). Pure, so the merge is testable without a database.
 */
import type { ListKeyRow, ListSetRow } from './types';

export const LIST_BUCKETS = 64;

/** Which bucket a key (a record key hash) goes to: a string hash, stable across releases. */
export function bucketOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return (h >>> 0) % LIST_BUCKETS;
}

/** The keys by bucket, each once. */
export function byBucket(keys: Iterable<string>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const k of new Set(keys)) {
    const b = bucketOf(k);
    const list = out.get(b);
    if (list) list.push(k);
    else out.set(b, [k]);
  }
  return out;
}

/**
 * Add `keys` to a bucket's stored keys: the row to write when any is new (null when none
 * is), and how many were new.
 */
export function addToBucket(list: string, bucket: number, stored: ListSetRow | undefined, keys: readonly string[]): { row: ListSetRow | null; fresh: number } {
  const have = new Set(stored?.keys ?? []);
  const before = have.size;
  for (const k of keys) have.add(k);
  const fresh = have.size - before;
  return { row: fresh > 0 ? { list, bucket, keys: [...have] } : null, fresh };
}

/** One-row-per-key rows (the v3–v6 table) as bucket rows. */
export function groupListKeys(rows: readonly ListKeyRow[]): ListSetRow[] {
  const byList = new Map<string, string[]>();
  for (const r of rows) {
    const keys = byList.get(r.list);
    if (keys) keys.push(r.key);
    else byList.set(r.list, [r.key]);
  }
  const out: ListSetRow[] = [];
  for (const [list, keys] of byList) for (const [bucket, ks] of byBucket(keys)) out.push({ list, bucket, keys: ks });
  return out;
}
