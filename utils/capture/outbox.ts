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
        if (this.written) await this.store.remove(this.key);
        this.written = false;
        return;
      }
      const entry: OutboxEntry = { pageId: this.pageId, url, updatedAt: Date.now(), items: items.map((i) => ({ record: i.record, readAt: i.readAt })), rejected };
      await this.store.set({ [this.key]: entry });
      this.written = true;
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
 * Worker side: store every entry last written before `olderThan` through `store`, then
 * remove it — unless the page wrote it again meanwhile. Entries that cannot be read are
 * removed (they would never become readable). Returns the rows stored.
 */
export async function drainOutboxes(
  kv: KeyValueStore,
  store: (entry: OutboxEntry) => Promise<void>,
  olderThan: number = Number.POSITIVE_INFINITY,
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
    if (parsed.data.updatedAt >= olderThan) continue;
    await store(parsed.data); // throws when the store fails: the entry stays for the next try
    rows += parsed.data.items.length;
    const again = (await kv.get(key))[key] as OutboxEntry | undefined;
    if (again && again.updatedAt === parsed.data.updatedAt) await kv.remove(key);
  }
  return rows;
}
