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
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/**
 * Content side: keeps the storage copy in step with the queue, coalescing bursts (a big
 * page adds thousands of rows in a few slices). `now` writes at once (page hiding).
 */
export class DurableOutbox {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private beat: ReturnType<typeof setInterval> | null = null;
  private written = false;
  constructor(
    private readonly store: KeyValueStore,
    private readonly pageId: string,
    private readonly snapshot: () => { url: string; items: PendingItem[]; rejected: Record<string, number> },
    private readonly delayMs = 300,
  ) {}

  get key(): string {
    return OUTBOX_PREFIX + this.pageId;
  }

  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, this.delayMs);
  }

  async now(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const { url, items, rejected } = this.snapshot();
    try {
      if (items.length === 0) {
        if (this.written) await this.store.remove([this.key, ALIVE_PREFIX + this.pageId]);
        this.written = false;
        if (this.beat) clearInterval(this.beat);
        this.beat = null;
        return;
      }
      const entry: OutboxEntry = { pageId: this.pageId, url, updatedAt: Date.now(), items: items.map((i) => ({ record: i.record, readAt: i.readAt })), rejected };
      await this.store.set({ [this.key]: entry });
      this.written = true;
      this.beat ??= setInterval(() => void this.store.set({ [ALIVE_PREFIX + this.pageId]: Date.now() }).catch(() => undefined), HEARTBEAT_MS);
    } catch {
      // Storage full or extension gone: the queue in memory still retries.
    }
  }
}

/** Rows waiting in every outbox entry (what the popup shows). */
export function waitingRows(all: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(OUTBOX_PREFIX)) continue;
    const items = (v as { items?: unknown[] } | null)?.items;
    if (Array.isArray(items)) n += items.length;
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
  const all = await kv.get(null);
  let rows = 0;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(OUTBOX_PREFIX)) continue;
    const parsed = outboxEntrySchema.safeParse(value);
    if (!parsed.success) {
      await kv.remove(key);
      continue;
    }
    const alive = Math.max(parsed.data.updatedAt, Number(all[ALIVE_PREFIX + parsed.data.pageId]) || 0);
    if (!eligible(parsed.data, alive)) continue;
    await store(parsed.data); // throws when the store fails: the entry stays for the next try
    rows += parsed.data.items.length;
    const again = (await kv.get(key))[key] as OutboxEntry | undefined;
    if (again && again.updatedAt === parsed.data.updatedAt) await kv.remove([key, ALIVE_PREFIX + parsed.data.pageId]);
  }
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
