/**
 * The content script's outbox. Records wait here until the background acks the
 * batch that carried them (the ack comes only after the write committed), so a
 * service worker stopped mid-write costs a retry, never a row.
 */
import type { PortalRecord } from '../records';

export interface BatchToSend {
  batchId: string;
  records: PortalRecord[];
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
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000];

export class CaptureQueue {
  // Newest version of each record not yet acked, by identity key.
  private pending = new Map<string, PortalRecord>();
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
  add(key: string, record: PortalRecord): void {
    if (this.dead) return;
    this.pending.set(key, record);
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
  private nextBatch(): { keys: string[]; batch: BatchToSend } {
    const keys: string[] = [];
    const records: PortalRecord[] = [];
    let chars = 0;
    for (const [key, rec] of this.pending) {
      const size = JSON.stringify(rec).length;
      if (records.length > 0 && (records.length >= this.opts.maxRecords || chars + size > this.opts.maxChars)) break;
      keys.push(key);
      records.push(rec);
      chars += size;
    }
    return { keys, batch: { batchId: this.opts.newId(), records } };
  }

  async flush(): Promise<void> {
    if (this.dead || this.inFlight) return;
    while (this.pending.size > 0 && !this.dead) {
      this.inFlight = true;
      const { keys, batch } = this.nextBatch();
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
      batch.records.forEach((rec, i) => {
        const key = keys[i]!;
        if (this.pending.get(key) === rec) this.pending.delete(key);
      });
    }
  }
}
