/**
 * A 10,000-row portal page: every row lands, in bounded batches, and the page stays
 * responsive while the content script reads it (no long task over 200 ms after load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PATH } from '../demo/routes';
import { MAX_BATCH } from '../../utils/messages';
import { openSession, badgeFor, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { benchPageCodes, compareCodes, countStore, LONG_TASK_RECORDER, readLongTasks, report, waitQuiet, watchPage } from '../support/faults';

const ROWS = 10_000;
let s: Session;

beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

describe('large page', () => {
  it(`/bench/large?rows=${ROWS}: every row stored once, batches bounded, no long task over 200 ms after load`, async () => {
    const store = await s.browser.openExtensionPage('manifest.json');
    await s.ext.close();

    const page = await s.browser.context.newPage();
    const watch = watchPage(page);
    await page.addInitScript(LONG_TASK_RECORDER);
    const started = Date.now();
    await page.goto(s.url('motcua.langson.gov.vn', `${BENCH_PATH}?rows=${ROWS}`), { waitUntil: 'load', timeout: 120_000 });
    const loadedMs = Date.now() - started;
    const got = await waitFor(() => readTable(store, 'records'), (r) => r.length >= ROWS, 180_000, 1000);
    const storedMs = Date.now() - started;
    await waitQuiet(async () => (await readTable(store, 'records')).length, 2500, 60_000);
    const all = await readTable(store, 'records');
    const codes = await benchPageCodes(page);
    const c = countStore(all);
    const diff = compareCodes(all, codes);
    const tasks = await readLongTasks(page);
    const badge = await badgeFor(s, page);
    // Batches: the worker records nothing, so count them from the stored lastSeen stamps
    // (one per committed batch: every record of a batch gets the batch's time).
    const stamps = new Map<number, number>();
    for (const r of all) stamps.set(Number(r.lastSeen), (stamps.get(Number(r.lastSeen)) ?? 0) + 1);
    const largestBatch = Math.max(...stamps.values());
    report('large page', {
      expected: ROWS,
      stored: all.length,
      duplicates: c.duplicates,
      missing: diff.missing.length,
      batches: stamps.size,
      largestBatch,
      loadMs: loadedMs,
      allStoredMs: storedMs,
      badge,
      'long tasks before load': tasks.beforeLoad.count,
      'longest before load ms': tasks.beforeLoad.longest,
      'long tasks after load': tasks.afterLoad.count,
      'longest after load ms': tasks.afterLoad.longest,
      'over 200 ms after load': tasks.afterLoad.over200,
    });
    for (const f of tasks.slowFrames) console.log(`[faults] large page slow frame: ${JSON.stringify(f)}`);
    expect(codes).toHaveLength(ROWS);
    expect(got.length).toBeGreaterThanOrEqual(ROWS);
    expect(all).toHaveLength(ROWS);
    expect(c.uniqueKeys).toBe(ROWS);
    expect(c.duplicates).toBe(0);
    expect(diff).toEqual({ missing: [], extra: [] });
    expect(stamps.size).toBeGreaterThanOrEqual(Math.ceil(ROWS / MAX_BATCH));
    expect(largestBatch).toBeLessThanOrEqual(MAX_BATCH);
    expect(badge).toBe('9999+');
    expect(tasks.afterLoad.over200).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
    await store.close();
  });

  it(`control: the same page on a host the extension does not read`, async () => {
    const page = await s.browser.context.newPage();
    await page.addInitScript(LONG_TASK_RECORDER);
    await page.goto(s.url('congdichvu.example-tinh.gov.vn', `${BENCH_PATH}?rows=${ROWS}`), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(3000);
    const tasks = await readLongTasks(page);
    report('large page control (no content script)', {
      'long tasks before load': tasks.beforeLoad.count,
      'longest before load ms': tasks.beforeLoad.longest,
      'long tasks after load': tasks.afterLoad.count,
      'longest after load ms': tasks.afterLoad.longest,
    });
    for (const f of tasks.slowFrames) console.log(`[faults] control slow frame: ${JSON.stringify(f)}`);
    await page.close();
  });
});
