/**
 * A bulk get for keys that are often absent (the rows of a list read for the first time).
 * IndexedDB answers each get as its own request, and on a large capture those requests,
 * not the data, are what the store waits for. So: one read of the stored keys between
 * the smallest and the largest asked (a single getAllKeys), then gets for only the asked
 * keys that are there. When that range holds many more keys than were asked (the store
 * interleaves other lists' rows), a plain bulk get is cheaper, and is what is done.
 */
import { cmp, type IndexableType, type Table } from 'dexie';

/** How many stored keys per asked key the range may hold before the plain bulk get wins. */
const RANGE_FACTOR = 4;

const id = (k: IndexableType): unknown => (Array.isArray(k) ? JSON.stringify(k) : k);

export async function getPresent<T, K extends IndexableType, I>(table: Table<T, K, I>, keys: readonly K[]): Promise<(T | undefined)[]> {
  if (keys.length < 8) return await table.bulkGet([...keys]);
  const sorted = [...keys].sort((a, b) => cmp(a, b));
  const limit = keys.length * RANGE_FACTOR + 16;
  const stored = await table.where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).limit(limit).primaryKeys();
  if (stored.length >= limit) return await table.bulkGet([...keys]);
  const there = new Set(stored.map((k) => id(k as IndexableType)));
  const wanted = keys.filter((k) => there.has(id(k)));
  if (wanted.length === 0) return keys.map(() => undefined);
  const rows = await table.bulkGet(wanted);
  const byId = new Map(wanted.map((k, i) => [id(k), rows[i]]));
  return keys.map((k) => byId.get(id(k)));
}
