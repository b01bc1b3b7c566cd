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
  /** How many batches may wait for their acks at once (default 1). */
  maxInFlight?(): number;
  onError?(error: string, attempt: number): void;
  /** A record now waits (the durable outbox copies it). */
  onAdded?(item: PendingItem): void;
  /** These records were acked (the durable outbox drops them). */
  onAcked?(keys: string[]): void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000];

type Item = { record: PortalRecord; readAt: number };
type Taken = { keys: string[]; items: Item[]; batch: BatchToSend };

export class CaptureQueue {
  // Newest version of each record not yet acked, by identity key.
  private pending = new Map<string, Item>();
  // Readings carried by a batch still waiting for its ack (a newer reading of the key is not).
  private inFlight = new Set<Item>();
  private sending = 0;
  private attempt = 0;
  private soonTimer: unknown = null;
  private retryTimer: unknown = null;
  private dead = false;
  private drained: (() => void)[] = [];

  constructor(private readonly opts: QueueOptions) {}

  get size(): number {
    return this.pending.size;
  }

  /** Records waiting and not in a batch on its way. */
  get unsent(): number {
    return this.pending.size - this.inFlight.size;
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
    if (this.dead || this.soonTimer !== null || this.retryTimer !== null) return;
    this.soonTimer = this.opts.setTimer(() => {
      this.soonTimer = null;
      this.pump();
    }, delayMs);
  }

  /**
   * Send everything waiting now; resolves once no batch is on its way and nothing is left
   * to send (or a failed send waits for its retry).
   */
  async flush(): Promise<void> {
    if (this.dead) return;
    // Asked for now (the page going away, a walk reading its page): no waiting out a backoff.
    if (this.retryTimer !== null) {
      this.opts.clearTimer(this.retryTimer);
      this.retryTimer = null;
    }
    this.pump();
    if (this.idle()) return;
    await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  private idle(): boolean {
    return this.dead || (this.sending === 0 && (this.unsent === 0 || this.retryTimer !== null));
  }

  /** Take the next batch of readings not on their way: bounded by count and by approximate size. */
  private nextBatch(): Taken {
    const keys: string[] = [];
    const items: Item[] = [];
    let chars = 0;
    for (const [key, item] of this.pending) {
      if (this.inFlight.has(item)) continue;
      const size = JSON.stringify(item.record).length + 16;
      if (items.length > 0 && (items.length >= this.opts.maxRecords || chars + size > this.opts.maxChars)) break;
      keys.push(key);
      items.push(item);
      chars += size;
    }
    return { keys, items, batch: { batchId: this.opts.newId(), records: items.map((i) => i.record), readAt: items.map((i) => i.readAt) } };
  }

  /** Start batches while fewer than the limit are on their way. */
  private pump(): void {
    const limit = Math.max(1, this.opts.maxInFlight?.() ?? 1);
    while (!this.dead && this.retryTimer === null && this.sending < limit && this.unsent > 0) {
      const taken = this.nextBatch();
      this.sending += 1;
      for (const item of taken.items) this.inFlight.add(item);
      void this.opts.send(taken.batch).then((outcome) => this.settle(taken, outcome));
    }
    this.checkDrained();
  }

  private settle({ keys, items }: Taken, outcome: SendOutcome): void {
    this.sending -= 1;
    for (const item of items) this.inFlight.delete(item);
    if (outcome.kind === 'dead') {
      this.dead = true;
      this.pending.clear();
      this.inFlight.clear();
      this.opts.onDead?.();
      this.checkDrained();
      return;
    }
    if (outcome.kind === 'retry') {
      this.attempt += 1;
      this.opts.onError?.(outcome.error, this.attempt);
      const wait = BACKOFF_MS[Math.min(this.attempt - 1, BACKOFF_MS.length - 1)] ?? 30000;
      if (this.retryTimer === null) {
        this.retryTimer = this.opts.setTimer(() => {
          this.retryTimer = null;
          this.pump();
        }, wait);
      }
      this.checkDrained();
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
    this.pump();
  }

  private checkDrained(): void {
    if (!this.idle()) return;
    for (const resolve of this.drained.splice(0)) resolve();
  }
}
