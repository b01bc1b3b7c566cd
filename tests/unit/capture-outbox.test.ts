import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, readEntry, readOutboxes, drainOutboxes, DurableOutbox, LivePages, OUTBOX_PREFIX, STALE_MS, waitingRows, type KeyValueStore, type OutboxEntry } from '../../utils/capture/outbox';
import { CaptureQueue, type BatchToSend } from '../../utils/capture/queue';
import type { PortalRecord } from '../../utils/records';

const rec = (code: string): PortalRecord => ({
  kind: 'dossier', code, resultNumber: null, procedure: null, field: null, department: null, receivedAt: null, dueAt: null,
  resolvedAt: null, issuedAt: null, validUntil: null, permanent: null, status: null, statusCode: null, digitized: null,
});

function memory(): KeyValueStore & { data: Record<string, unknown>; reads: (string | null)[] } {
  const data: Record<string, unknown> = { settings: { x: 1 } };
  const reads: (string | null)[] = [];
  return {
    data,
    reads,
    get: async (k) => {
      const keys = k === null ? null : Array.isArray(k) ? k : [k];
      reads.push(...(keys ?? [null]));
      return keys === null ? { ...data } : Object.fromEntries(keys.filter((x) => x in data).map((x) => [x, data[x]]));
    },
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (k) => {
      for (const key of Array.isArray(k) ? k : [k]) delete data[key];
    },
  };
}

describe('reading the outbox', () => {
  it('reads only outbox keys where the browser lists keys (row memos are left unread), everything otherwise', async () => {
    const kv = memory();
    kv.data[`${OUTBOX_PREFIX}p1:0`] = { pageId: 'p1', url: 'https://a.gov.vn/x', at: 1, items: [], rejected: {} };
    kv.data['kd-memo:big'] = 'x'.repeat(1000);
    const withKeys = { ...kv, getKeys: async () => Object.keys(kv.data) };
    expect(Object.keys(await readOutboxes(withKeys))).toEqual([`${OUTBOX_PREFIX}p1:0`]);
    expect(kv.reads).toEqual([`${OUTBOX_PREFIX}p1:0`]);
    kv.reads.length = 0;
    expect(Object.keys(await readOutboxes(kv)).sort()).toEqual(['kd-memo:big', `${OUTBOX_PREFIX}p1:0`, 'settings']);
    expect(kv.reads).toEqual([null]);
  });
});

describe('durable outbox', () => {
  it('mirrors what waits for an ack in small chunks, with read times, and removes them once acked', async () => {
    const kv = memory();
    const sent: BatchToSend[] = [];
    let ack = false;
    const box = new DurableOutbox(kv, 'page-1', () => ({ url: 'https://a.gov.vn/x', rejected: { 'no-key': 1 } }), 0);
    const q = new CaptureQueue({
      send: async (b) => {
        sent.push(b);
        return ack ? { kind: 'acked' } : { kind: 'retry', error: 'busy' };
      },
      maxRecords: 500, maxChars: 1e6, newId: () => 'b', setTimer: () => 0, clearTimer: () => undefined,
      onAdded: (item) => box.added(item),
      onAcked: (keys) => box.acked(keys),
    });
    for (let i = 0; i < CHUNK_ROWS + 2; i++) q.add(`d|${i}`, rec(String(i)), 100 + i);
    await q.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(waitingRows(kv.data)).toBe(0); // nothing copied while sends have not failed
    box.arm();
    await box.now();
    expect(sent[0]!.readAt.slice(0, 2)).toEqual([100, 101]);
    const chunks = Object.keys(kv.data).filter((k) => k.startsWith(OUTBOX_PREFIX)).sort();
    expect(chunks).toEqual([`${OUTBOX_PREFIX}page-1:0`, `${OUTBOX_PREFIX}page-1:1`]);
    expect(readEntry(kv.data[chunks[1]!])!.items.map((i) => i.readAt)).toEqual([100 + CHUNK_ROWS, 101 + CHUNK_ROWS]);
    expect(waitingRows(kv.data)).toBe(CHUNK_ROWS + 2);
    ack = true;
    await q.flush();
    await box.now();
    expect(Object.keys(kv.data).filter((k) => k.startsWith(OUTBOX_PREFIX))).toEqual([]);
  });
  it('the worker stores every entry and removes it; an entry the store refuses stays; unreadable ones go', async () => {
    const kv = memory();
    const entry = (pageId: string, at: number): OutboxEntry => ({ pageId, url: 'https://a', updatedAt: at, items: [{ record: rec(pageId), readAt: at }] });
    kv.data[`${OUTBOX_PREFIX}bad`] = { nope: true };
    kv.data[`${OUTBOX_PREFIX}p1`] = entry('p1', 10);
    kv.data[`${OUTBOX_PREFIX}p2`] = entry('p2', 20);
    const stored: string[] = [];
    let fail = true;
    const store = async (e: OutboxEntry) => {
      if (fail && e.pageId === 'p2') throw new Error('quota');
      stored.push(e.pageId);
    };
    await expect(drainOutboxes(kv, store)).rejects.toThrow('quota');
    expect(stored).toEqual(['p1']);
    expect(Object.keys(kv.data).sort()).toEqual([`${OUTBOX_PREFIX}p2`, 'settings']);
    fail = false;
    expect(await drainOutboxes(kv, store, (_e, alive) => alive < 15)).toBe(0); // only pages silent before 15: none left
    expect(await drainOutboxes(kv, store)).toBe(1);
    expect(Object.keys(kv.data)).toEqual(['settings']);
  });
});

describe('live pages', () => {
  const entry = (pageId: string): OutboxEntry => ({ pageId, url: 'https://a', updatedAt: 0, items: [] });
  it('drains a closed tab or a navigated frame at once, an unknown page only once silent, never a live one', () => {
    const live = new LivePages();
    live.seen('p1', 7, 0);
    live.seen('p2', 8, 0);
    const now = 1_000_000;
    expect(live.eligible(now)(entry('p1'), now)).toBe(false);
    expect(live.seen('p3', 7, 0)).toEqual(['p1']); // tab 7 navigated
    live.tabClosed(8);
    const ok = live.eligible(now);
    expect([ok(entry('p1'), now), ok(entry('p2'), now), ok(entry('p3'), 0)]).toEqual([true, true, false]);
    expect([ok(entry('unknown'), now - 1000), ok(entry('unknown'), now - STALE_MS - 1)]).toEqual([false, true]);
  });
});
