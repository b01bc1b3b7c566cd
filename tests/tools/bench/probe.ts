/**
 * What the benchmark watches from outside the product: in the service worker, the
 * time of every committed read-write IndexedDB transaction, every message that
 * arrives and every badge write (patched in from the test, never shipped); in an
 * extension page, the store read with the raw IndexedDB API.
 * Times are epoch milliseconds (performance.timeOrigin + now), comparable across
 * the page, the worker and the extension pages of one browser.
 */
import type { Page } from 'playwright-core';
import type { Session } from '../../support/session';

export interface ProbeEvents {
  /** Every committed read-write transaction. */
  commits: number[];
  /** Committed read-write transactions that wrote the records table (rows stored). */
  recordCommits: number[];
  /** Every message the worker received. */
  messages: number[];
  /** Messages carrying captured rows ('capture/batch'), not coverage reports ('page/state'). */
  batches: number[];
  badges: number[];
}

/**
 * Patch the worker (idempotent; again after a worker restart). A string, not a function:
 * the tsx transform would wrap named inner functions in a helper the worker lacks.
 */
const PROBE_SCRIPT = `(() => {
  if (globalThis.__bench) return;
  const ev = { commits: [], recordCommits: [], messages: [], batches: [], badges: [] };
  globalThis.__bench = ev;
  const now = () => performance.timeOrigin + performance.now();
  // Dexie binds IDBDatabase.prototype.transaction when it opens the store (which the worker
  // may have done before this patch), so transactions are caught at their first store access.
  const watched = new WeakSet();
  const objectStore = IDBTransaction.prototype.objectStore;
  IDBTransaction.prototype.objectStore = function (...args) {
    if (!watched.has(this)) {
      watched.add(this);
      if (this.mode === 'readwrite') {
        const records = [...this.objectStoreNames].includes('records');
        this.addEventListener('complete', () => {
          const t = now();
          ev.commits.push(t);
          if (records) ev.recordCommits.push(t);
        });
      }
    }
    return objectStore.apply(this, args);
  };
  // A listener that never answers: the product's own listener still sends the reply.
  chrome.runtime.onMessage.addListener((m) => {
    const t = now();
    ev.messages.push(t);
    if (m && m.type === 'capture/batch') ev.batches.push(t);
  });
  for (const api of new Set([globalThis.chrome.action, globalThis.browser && globalThis.browser.action].filter(Boolean))) {
    const set = api.setBadgeText.bind(api);
    api.setBadgeText = (d) => { ev.badges.push(now()); return set(d); };
  }
})()`;

export async function installProbe(s: Session): Promise<void> {
  const worker = await s.browser.worker();
  await worker.evaluate(PROBE_SCRIPT);
}

/** Events since `since` (epoch ms); empty lists when the worker restarted and lost the patch. */
export async function probeEvents(s: Session, since: number): Promise<ProbeEvents> {
  const worker = await s.browser.worker();
  return worker.evaluate((t) => {
    const ev = (globalThis as unknown as { __bench?: Record<'commits' | 'recordCommits' | 'messages' | 'batches' | 'badges', number[]> }).__bench;
    // No named inner function here: the tsx transform would wrap it in a helper the worker lacks.
    const out: Record<string, number[]> = {};
    for (const k of ['commits', 'recordCommits', 'messages', 'batches', 'badges'] as const) out[k] = (ev?.[k] ?? []).filter((x) => x >= t);
    return out as unknown as { commits: number[]; recordCommits: number[]; messages: number[]; batches: number[]; badges: number[] };
  }, since);
}

export const lastOf = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : Number.NaN);

/** Wait until the worker has seen nothing new for `quietMs`; returns the events since `since`. */
export async function waitWorkerQuiet(s: Session, since: number, quietMs: number, timeoutMs = 300_000): Promise<ProbeEvents> {
  const end = Date.now() + timeoutMs;
  let last = await probeEvents(s, since);
  let lastCount = -1;
  let stableSince = Date.now();
  for (;;) {
    const count = last.commits.length + last.messages.length + last.badges.length;
    if (count !== lastCount) {
      lastCount = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return last;
    if (Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, 100));
    last = await probeEvents(s, since);
  }
}

/** Rows in one object store of the extension's database (raw IndexedDB). */
export async function countStore(ext: Page, store = 'records'): Promise<number> {
  return ext.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Poll until the store holds `n` records. */
export async function waitForCount(ext: Page, n: number, timeoutMs = 300_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let got = await countStore(ext);
  while (got < n && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    got = await countStore(ext);
  }
  return got;
}

/**
 * Empty the store the way "Xóa dữ liệu" does, through the extension's own page: the
 * options page's clear button is the product path, but a raw clear of every table
 * (the meta row keeping the schema stays) plus the session memory is enough here.
 */
export async function resetStore(ext: Page): Promise<void> {
  await ext.evaluate(
    async () => {
      // Not created yet (the popup renders before its store opens): nothing to empty, and an
      // open without a version here would create an empty version-1 database under the product.
      if (!(await indexedDB.databases()).some((d) => d.name === 'kiem-dem-tthc')) return;
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) {
            if (n !== 'meta') tx.objectStore(n).clear();
            else {
              tx.objectStore(n).delete(IDBKeyRange.upperBound('schema', true));
              tx.objectStore(n).delete(IDBKeyRange.lowerBound('schema', true));
            }
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
  );
  await ext.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session?: { clear(): Promise<void> } } } }).chrome;
    await c.storage.session?.clear();
  });
}
