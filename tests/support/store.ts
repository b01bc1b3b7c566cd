/**
 * Reads the extension's real IndexedDB from one of its own pages, with the raw
 * IndexedDB API (not the project's code), so tests check what was truly stored.
 */
import type { Page } from 'playwright-core';

export async function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Poll until `check` passes or time runs out; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await read();
  }
  return last;
}
