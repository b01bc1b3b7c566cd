/**
 * The durable outbox: a copy of the rows a page has read but the worker has not yet
 * acknowledged, kept in extension storage (storage.local, which a page script cannot
 * reach) under one key per page reading. The tab may close or navigate at any moment —
 * the worker stores what is left there (on tab close, on start, after a page's batch, on
 * the popup's request). Pure parts here; storage comes in through small interfaces.
 */
import { z } from 'zod';
import '../zod-config';
import type { PendingItem } from './queue';

export const OUTBOX_PREFIX = 'kd-outbox:';
/** A live page touches this small key every few seconds while rows wait (the big entry is not rewritten). */
export const ALIVE_PREFIX = 'kd-outbox-alive:';
export const HEARTBEAT_MS = 10_000;
/** An entry untouched this long belongs to a page that is gone. */
export const STALE_MS = 30_000;

export const outboxEntrySchema = z.object({
  pageId: z.string().min(1).max(100),
  url: z.string().max(100_000),
  updatedAt: z.number().int().min(0),
  items: z.array(z.object({ record: z.unknown(), readAt: z.number().int().min(0) })).max(200_000),
  rejected: z.record(z.string().max(100), z.number().int().min(0)).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export interface KeyValueStore {
  get(key: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
  /** Chrome 130+: the keys alone. */
  getKeys?(): Promise<string[]>;
}

/**
 * The keys starting with `prefix`. Extension storage holds the outbox and the pages' row
 * memos (large on big lists): where the browser lists keys, no value is read to find them.
 */
export async function keysWithPrefix(kv: KeyValueStore, prefix: string): Promise<string[]> {
  const all = typeof kv.getKeys === 'function' ? await kv.getKeys() : Object.keys(await kv.get(null));
  return all.filter((k) => k.startsWith(prefix));
}

/** The outbox entries only (see keysWithPrefix); without a key list, everything in one read. */
export async function readOutboxes(kv: KeyValueStore): Promise<Record<string, unknown>> {
  if (typeof kv.getKeys !== 'function') return await kv.get(null);
  const keys = await keysWithPrefix(kv, OUTBOX_PREFIX);
  return keys.length === 0 ? {} : await kv.get(keys);
}

/** Rows per stored chunk: each write copies one chunk, never every waiting row at once. */
export const CHUNK_ROWS = 250;

/**
 * Content side: keeps the storage copy of the queue, in chunks of CHUNK_ROWS rows under
 * `kd-outbox:<page>:<n>`; only chunks that changed are written, one per task. While the
 * store keeps up nothing is written (a 10,000-row page must not copy megabytes into
 * storage as it goes); the copy is made when it is needed: `arm()` once a send failed or
 * timed out (the rows may wait long), `now()` when the page hides or goes away.
 */
export class DurableOutbox {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private beat: ReturnType<typeof setInterval> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private seq = 0;
  private chunkOf = new Map<string, number>();
  private chunks = new Map<number, Map<string, PendingItem>>();
  private dirty = new Set<number>();
  private stored = new Set<number>();
  private armed = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly pageId: string,
    private readonly context: () => { url: string; rejected: Record<string, number> },
    private readonly delayMs = 1000,
  ) {}

  keyOf(chunk: number): string {
    return `${OUTBOX_PREFIX}${this.pageId}:${chunk}`;
  }

  added(item: PendingItem): void {
    let c = this.chunkOf.get(item.key);
    if (c === undefined) {
      c = Math.floor(this.seq++ / CHUNK_ROWS);
      this.chunkOf.set(item.key, c);
    }
    let chunk = this.chunks.get(c);
    if (!chunk) {
      chunk = new Map();
      this.chunks.set(c, chunk);
    }
    chunk.set(item.key, item);
    this.dirty.add(c);
    if (this.armed) this.schedule();
  }

  /** Sends are failing or slow: keep the storage copy in step from now on. */
  arm(): void {
    this.armed = true;
    this.schedule();
  }

  acked(keys: readonly string[]): void {
    for (const k of keys) {
      const c = this.chunkOf.get(k);
      if (c === undefined) continue;
      this.chunkOf.delete(k);
      this.chunks.get(c)?.delete(k);
      this.dirty.add(c);
    }
    // Only a copy already written needs updating; otherwise acked rows simply leave memory.
    if (keys.length > 0 && this.stored.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, this.delayMs);
  }

  /** Write every changed chunk now (one storage call per chunk). */
  async now(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writing.then(() => this.writeDirty()).catch(() => undefined);
    await this.writing;
  }

  private async writeDirty(): Promise<void> {
    const { url, rejected } = this.context();
    for (const c of [...this.dirty].sort((a, b) => a - b)) {
      this.dirty.delete(c);
      const items = [...(this.chunks.get(c)?.values() ?? [])];
      try {
        if (items.length === 0) {
          this.chunks.delete(c);
          if (this.stored.delete(c)) await this.store.remove(this.keyOf(c));
          continue;
        }
        const entry: OutboxEntry = { pageId: this.pageId, url, updatedAt: Date.now(), items: items.map((i) => ({ record: i.record, readAt: i.readAt })), rejected };
        // Stored as one JSON string: every extension page with a storage listener (this
        // content script included) receives each change, and a string costs far less to
        // hand over than a graph of 250 objects.
        await this.store.set({ [this.keyOf(c)]: JSON.stringify(entry) });
        this.stored.add(c);
      } catch {
        // Storage full or extension gone: the queue in memory still retries.
      }
    }
    if (this.stored.size > 0) {
      this.beat ??= setInterval(() => void this.store.set({ [ALIVE_PREFIX + this.pageId]: Date.now() }).catch(() => undefined), HEARTBEAT_MS);
    } else if (this.beat) {
      clearInterval(this.beat);
      this.beat = null;
      await this.store.remove(ALIVE_PREFIX + this.pageId).catch(() => undefined);
    }
  }
}

/** An outbox value as stored (a JSON string; an object is accepted too), or null. */
export function readEntry(value: unknown): OutboxEntry | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const parsed = outboxEntrySchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

/** Rows waiting in every outbox entry (what the popup shows). */
export function waitingRows(all: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(OUTBOX_PREFIX)) n += readEntry(v)?.items.length ?? 0;
  }
  return n;
}

/**
 * Worker side: store every entry `eligible` accepts (given when its page last showed
 * life), then remove it — unless the page wrote it again meanwhile. Entries that cannot
 * be read are removed (they would never become readable). Returns the rows stored.
 */
export async function drainOutboxes(
  kv: KeyValueStore,
  store: (entry: OutboxEntry) => Promise<void>,
  eligible: (entry: OutboxEntry, lastAlive: number) => boolean = () => true,
): Promise<number> {
  const all = await readOutboxes(kv);
  let rows = 0;
  const kept = new Set<string>(); // pages with an entry left
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    const entry = readEntry(value);
    if (!entry) {
      await kv.remove(key);
      continue;
    }
    const parsed = { data: entry };
    const alive = Math.max(parsed.data.updatedAt, Number(all[ALIVE_PREFIX + parsed.data.pageId]) || 0);
    if (!eligible(parsed.data, alive)) {
      kept.add(parsed.data.pageId);
      continue;
    }
    await store(parsed.data); // throws when the store fails: the entry stays for the next try
    rows += parsed.data.items.length;
    const again = readEntry((await kv.get(key))[key]);
    if (again && again.updatedAt === parsed.data.updatedAt) await kv.remove(key);
    else kept.add(parsed.data.pageId);
  }
  // Heartbeat keys of pages whose rows are all stored.
  const orphans = Object.keys(all).filter((k) => k.startsWith(ALIVE_PREFIX) && !kept.has(k.slice(ALIVE_PREFIX.length)));
  if (orphans.length > 0) await kv.remove(orphans);
  return rows;
}

/**
 * Which page readings are alive, as the worker sees batches arrive: one per tab frame.
 * A newer reading in the same frame (navigation) or a closed tab makes the older gone.
 */
export class LivePages {
  private byPage = new Map<string, string>(); // pageId → "tab:frame"
  private gone = new Set<string>();

  /** A batch came from this page reading; returns readings of the same frame it replaces. */
  seen(pageId: string, tabId: number, frameId: number): string[] {
    const where = `${tabId}:${frameId}`;
    const replaced: string[] = [];
    for (const [p, w] of this.byPage) {
      if (w === where && p !== pageId) {
        replaced.push(p);
        this.byPage.delete(p);
        this.gone.add(p);
      }
    }
    this.byPage.set(pageId, where);
    return replaced;
  }

  tabClosed(tabId: number): void {
    for (const [p, w] of this.byPage) {
      if (w.startsWith(`${tabId}:`)) {
        this.byPage.delete(p);
        this.gone.add(p);
      }
    }
  }

  /** Drain an entry when its page is known gone, or unknown and silent for STALE_MS. */
  eligible(now: number): (entry: OutboxEntry, lastAlive: number) => boolean {
    return (entry, lastAlive) => this.gone.has(entry.pageId) || (!this.byPage.has(entry.pageId) && lastAlive < now - STALE_MS);
  }
}
