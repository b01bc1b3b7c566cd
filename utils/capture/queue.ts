/**
 * The content script's outbox. Records wait here until the background acks the
 * batch that carried them (the ack comes only after the write committed), so a
 * service worker stopped mid-write costs a retry, never a row.
 */
import type { PortalRecord } from '../records';

export interface BatchToSend {
  batchId: string;
  records: PortalRecord[];
  /** When each record was read on the page (same order as records). */
  readAt: number[];
}

/** A record waiting for its ack, with its read time (what the durable outbox keeps). */
export interface PendingItem {
  key: string;
  record: PortalRecord;
  readAt: number;
}

export type SendOutcome = { kind: 'acked' } | { kind: 'retry'; error: string } | { kind: 'dead' };

export interface QueueOptions {
  /** Sends one batch; resolves with how it went. Never throws. */
  send(batch: BatchToSend): Promise<SendOutcome>;
  /** Most records in one message (the background rejects bigger ones). */
  maxRecords: number;
  /** Rough upper bound on one message's JSON size, in characters. */
  maxChars: number;
  newId(): string;
  /** Timer hooks (injectable for tests). */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  onDead?(): void;
  onError?(error: string, attempt: number): void;
  /** A record now waits (the durable outbox copies it). */
  onAdded?(item: PendingItem): void;
  /** These records were acked (the durable outbox drops them). */
  onAcked?(keys: string[]): void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000];

export class CaptureQueue {
  // Newest version of each record not yet acked, by identity key.
  private pending = new Map<string, { record: PortalRecord; readAt: number }>();
  private inFlight = false;
  private attempt = 0;
  private timer: unknown = null;
  private dead = false;

  constructor(private readonly opts: QueueOptions) {}

  get size(): number {
    return this.pending.size;
  }

  get isDead(): boolean {
    return this.dead;
  }

  /** Queue a record (a newer read of the same key replaces the older one). */
  add(key: string, record: PortalRecord, readAt: number = Date.now()): void {
    if (this.dead) return;
    this.pending.set(key, { record, readAt });
    this.opts.onAdded?.({ key, record, readAt });
  }

  /** Everything not yet acked (for the durable outbox and a last send on page hide). */
  snapshot(): PendingItem[] {
    return [...this.pending].map(([key, v]) => ({ key, record: v.record, readAt: v.readAt }));
  }

  /** Send what is waiting, soon (coalesces bursts of adds). */
  flushSoon(delayMs = 50): void {
    if (this.dead || this.inFlight || this.timer !== null) return;
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /** Take the next batch: bounded by count and by approximate size. */
  private nextBatch(): { keys: string[]; items: { record: PortalRecord; readAt: number }[]; batch: BatchToSend } {
    const keys: string[] = [];
    const items: { record: PortalRecord; readAt: number }[] = [];
    let chars = 0;
    for (const [key, item] of this.pending) {
      const size = JSON.stringify(item.record).length + 16;
      if (items.length > 0 && (items.length >= this.opts.maxRecords || chars + size > this.opts.maxChars)) break;
      keys.push(key);
      items.push(item);
      chars += size;
    }
    return { keys, items, batch: { batchId: this.opts.newId(), records: items.map((i) => i.record), readAt: items.map((i) => i.readAt) } };
  }

  async flush(): Promise<void> {
    if (this.dead || this.inFlight) return;
    while (this.pending.size > 0 && !this.dead) {
      this.inFlight = true;
      const { keys, items, batch } = this.nextBatch();
      const outcome = await this.opts.send(batch);
      this.inFlight = false;
      if (outcome.kind === 'dead') {
        this.dead = true;
        this.pending.clear();
        this.opts.onDead?.();
        return;
      }
      if (outcome.kind === 'retry') {
        this.attempt += 1;
        this.opts.onError?.(outcome.error, this.attempt);
        const wait = BACKOFF_MS[Math.min(this.attempt - 1, BACKOFF_MS.length - 1)] ?? 30000;
        if (this.timer === null) {
          this.timer = this.opts.setTimer(() => {
            this.timer = null;
            void this.flush();
          }, wait);
        }
        return;
      }
      this.attempt = 0;
      // Drop only what this batch carried, unless a newer read replaced it meanwhile.
      const done: string[] = [];
      items.forEach((item, i) => {
        const key = keys[i]!;
        if (this.pending.get(key) === item) {
          this.pending.delete(key);
          done.push(key);
        }
      });
      this.opts.onAcked?.(done);
    }
  }
}
