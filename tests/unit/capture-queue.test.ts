import { describe, expect, it } from 'vitest';
import { CaptureQueue, type BatchToSend, type SendOutcome } from '../../utils/capture/queue';
import type { PortalRecord } from '../../utils/records';

function rec(code: string, status = 'Đang xử lý'): PortalRecord {
  return {
    kind: 'dossier', code, resultNumber: null, procedure: 'Thủ tục', field: null, department: null,
    receivedAt: null, dueAt: null, resolvedAt: null, issuedAt: null, validUntil: null, permanent: null,
    status, statusCode: 4, digitized: null,
  };
}

/** Manual timers: tests decide when time passes. */
function harness(outcomes: SendOutcome[]) {
  const sent: BatchToSend[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let n = 0;
  const q = new CaptureQueue({
    send: async (b) => {
      sent.push(b);
      return outcomes.shift() ?? { kind: 'acked' };
    },
    maxRecords: 3,
    maxChars: 100_000,
    newId: () => `b${++n}`,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  const tick = async () => {
    const t = timers.shift();
    t?.fn();
    await new Promise((r) => setTimeout(r, 0));
    return t?.ms;
  };
  return { q, sent, timers, tick };
}

describe('CaptureQueue', () => {
  it('splits into bounded batches and empties once all are acked', async () => {
    const { q, sent } = harness([]);
    for (let i = 0; i < 7; i++) q.add(`k${i}`, rec(`C${i}`));
    await q.flush();
    expect(sent.map((b) => b.records.length)).toEqual([3, 3, 1]);
    expect(q.size).toBe(0);
  });

  it('keeps an unacked batch and resends it with growing backoff', async () => {
    const { q, sent, tick } = harness([{ kind: 'retry', error: 'no ack' }, { kind: 'retry', error: 'no ack' }]);
    q.add('a', rec('A'));
    await q.flush();
    expect(q.size).toBe(1);
    const first = await tick();
    expect(q.size).toBe(1);
    const second = await tick();
    expect(second).toBeGreaterThan(first!);
    expect(q.size).toBe(0);
    expect(sent.map((b) => b.records[0]!.code)).toEqual(['A', 'A', 'A']);
    // Each attempt is a new batch id; the store's upsert makes a resend harmless.
    expect(new Set(sent.map((b) => b.batchId)).size).toBe(3);
  });

  it('does not drop a newer read that arrived while its batch was in flight', async () => {
    let release: (o: SendOutcome) => void = () => undefined;
    const sent: BatchToSend[] = [];
    const q = new CaptureQueue({
      send: (b) => {
        sent.push(b);
        return sent.length === 1 ? new Promise((r) => (release = r)) : Promise.resolve({ kind: 'acked' });
      },
      maxRecords: 10, maxChars: 100_000, newId: () => 'x',
      setTimer: () => undefined, clearTimer: () => undefined,
    });
    q.add('a', rec('A', 'Đang xử lý'));
    const flushing = q.flush();
    q.add('a', rec('A', 'Đã trả kết quả'));
    release({ kind: 'acked' });
    await flushing;
    // The ack for the older read must not clear the newer one: it is sent next.
    expect(sent).toHaveLength(2);
    expect(sent[1]!.records[0]!.status).toBe('Đã trả kết quả');
    expect(q.size).toBe(0);
  });

  it('stops for good when the extension context is gone', async () => {
    let deadCalls = 0;
    const q = new CaptureQueue({
      send: async () => ({ kind: 'dead' }),
      maxRecords: 10, maxChars: 100_000, newId: () => 'x',
      setTimer: () => undefined, clearTimer: () => undefined, onDead: () => deadCalls++,
    });
    q.add('a', rec('A'));
    await q.flush();
    q.add('b', rec('B'));
    expect(q.isDead).toBe(true);
    expect(q.size).toBe(0);
    expect(deadCalls).toBe(1);
  });

  it('bounds a batch by size as well as by count', async () => {
    const sent: BatchToSend[] = [];
    const q = new CaptureQueue({
      send: async (b) => {
        sent.push(b);
        return { kind: 'acked' };
      },
      maxRecords: 500, maxChars: 1200, newId: () => 'x',
      setTimer: () => undefined, clearTimer: () => undefined,
    });
    for (let i = 0; i < 10; i++) q.add(`k${i}`, { ...rec(`C${i}`), procedure: 'x'.repeat(400) });
    await q.flush();
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.flatMap((b) => b.records).length).toBe(10);
  });

  it('keeps several batches on their way when allowed, never sending a reading twice at once', async () => {
    const releases: ((o: SendOutcome) => void)[] = [];
    const sent: BatchToSend[] = [];
    let limit = 3;
    const q = new CaptureQueue({
      send: (b) => {
        sent.push(b);
        return new Promise((r) => releases.push(r));
      },
      maxRecords: 2, maxChars: 100_000, newId: () => `b${sent.length + 1}`,
      setTimer: () => undefined, clearTimer: () => undefined, maxInFlight: () => limit,
    });
    for (let i = 0; i < 9; i++) q.add(`k${i}`, rec(`C${i}`));
    const flushing = q.flush();
    // Three batches go without waiting for an ack; the rest waits.
    expect(sent.map((b) => b.records.map((r) => r.code))).toEqual([['C0', 'C1'], ['C2', 'C3'], ['C4', 'C5']]);
    expect(q.unsent).toBe(3);
    limit = 1;
    releases[1]!({ kind: 'acked' });
    await new Promise((r) => setTimeout(r, 0));
    // Two still on their way and the limit is now one: nothing new goes.
    expect(sent).toHaveLength(3);
    expect(q.size).toBe(7);
    releases[0]!({ kind: 'acked' });
    releases[2]!({ kind: 'acked' });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toHaveLength(4);
    releases[3]!({ kind: 'acked' });
    await new Promise((r) => setTimeout(r, 0));
    releases[4]!({ kind: 'acked' });
    await flushing;
    expect(sent.flatMap((b) => b.records.map((r) => r.code)).sort()).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    expect(q.size).toBe(0);
  });

  it('a failed batch among several waits out its backoff; an explicit flush sends at once', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const sent: BatchToSend[] = [];
    const outcomes: SendOutcome[] = [{ kind: 'acked' }, { kind: 'retry', error: 'busy' }];
    const q = new CaptureQueue({
      send: async (b) => {
        sent.push(b);
        return outcomes.shift() ?? { kind: 'acked' };
      },
      maxRecords: 1, maxChars: 100_000, newId: () => 'x',
      setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => undefined, maxInFlight: () => 2,
    });
    q.add('a', rec('A'));
    q.add('b', rec('B'));
    await q.flush();
    // A was stored; B failed and waits for its retry timer.
    expect(q.snapshot().map((i) => i.key)).toEqual(['b']);
    expect(timers).toHaveLength(1);
    q.flushSoon();
    expect(timers).toHaveLength(1); // no early send while backing off
    await q.flush();
    expect(q.size).toBe(0);
    expect(sent.map((b) => b.records[0]!.code)).toEqual(['A', 'B', 'B']);
  });
});
