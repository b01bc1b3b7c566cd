/**
 * The popup's first tally in real Chromium: what it shows before its live reads answer —
 * the tally snapshot (moved along with every write) or the month cells, both read by the
 * preload script before the popup's code has loaded — is the tally it shows once they are
 * in. Checked on a fresh store, right after a capture, after another period is chosen, and
 * with the snapshot out of date.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BENCH_PATH } from '../demo/routes';
import { SNAPSHOT_QUIET_MS } from '../../utils/background/snapshot-soon';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { countsIn, validityOf } from '../../utils/result-rules';
import type { Period } from '../../utils/period';

const HOST = 'motcua.langson.gov.vn';
let s: Session;
let store: Page;

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: '/e2e/', dir: resolve(import.meta.dirname, 'pages') }] });
  store = await s.browser.openExtensionPage('manifest.json');
});
afterAll(async () => {
  await s?.close();
});

type Row = string;
declare global {
  interface Window {
    __firstRows?: Row[];
    __states?: string[];
  }
}

/**
 * Source of a function giving a tally table's department × year rows with something counted,
 * as text (a department's empty years depend on settings only). Shared by the page scripts below.
 */
const ROWS_OF = `(table) => [...(table?.querySelectorAll('tr[data-dept][data-year]') ?? [])]
  .map((tr) => [tr.getAttribute('data-dept'), tr.getAttribute('data-year'), ...['total', 'digitized', 'pending', 'unknown'].map((c) => tr.querySelector('[data-col="' + c + '"]')?.textContent?.trim())].join('|'))
  .filter((r) => !r.includes('|0|0|0|0'))`;

const ROWS_SCRIPT = `(() => {
  const rowsOf = ${ROWS_OF};
  const rows = () => rowsOf(document.querySelector('[data-testid="tally-table"]'));
  window.__rowsNow = rows;
  const obs = new MutationObserver(() => {
    if (document.querySelector('[data-testid="tally-table"] tr[data-dept][data-year]')) {
      obs.disconnect();
      window.__firstRows = rows();
    }
  });
  obs.observe(document, { childList: true, subtree: true });
})()`;

/** Open the popup; its first rows, its rows once live, and whether the first came from the snapshot. */
async function openAndCompare(): Promise<{ first: Row[]; live: Row[]; fromSnapshot: boolean }> {
  const popup = await s.browser.context.newPage();
  try {
    await popup.addInitScript(ROWS_SCRIPT);
    await popup.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
    const first = await waitFor(() => popup.evaluate(() => window.__firstRows ?? null), (v) => v !== null, 20_000);
    const fromSnapshot = await popup.evaluate(async () => {
      const p = (window as unknown as { __kiemDemPopupPreload?: Promise<object | null> }).__kiemDemPopupPreload;
      const got = p ? await p : null;
      return got !== null && 'tally' in got;
    });
    // Live: the record count is shown (it is read after the table's own live reads).
    await popup.locator('[data-testid="popup"][data-records]').waitFor({ timeout: 20_000 });
    await popup.waitForTimeout(1500); // the snapshot refresh after the live reads, too
    const live = await popup.evaluate(() => (window as unknown as { __rowsNow: () => Row[] }).__rowsNow());
    return { first: first ?? [], live, fromSnapshot };
  } finally {
    await popup.close();
  }
}

async function capture(rows: number): Promise<void> {
  const before = (await readTable(store, 'records')).length;
  const page = await s.browser.context.newPage();
  await page.goto(s.url(HOST, `${BENCH_PATH}?rows=${rows}`));
  // Row i of the bench page is always the same dossier, so the store ends with the longest
  // page's rows. Waiting for all of them (not the first batch) keeps the popup from opening
  // while a batch is still being written, which would leave the snapshot behind the data.
  await waitFor(() => readTable(store, 'records'), (r) => r.length >= Math.max(before + 1, rows), 30_000);
  await page.waitForTimeout(500);
  await page.close();
}

const setPeriod = (v: object) =>
  store.evaluate(async (p) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ 'popup.period': p }), v);

describe('the popup’s first tally', () => {
  it('is the live tally: fresh store, right after captures (from the moved snapshot), another period, a snapshot out of date', async () => {
    await capture(60);
    const fresh = await openAndCompare();
    expect(fresh.live.length).toBeGreaterThan(0);
    expect(fresh.first).toEqual(fresh.live);

    const seen: boolean[] = [];
    for (const rows of [120, 200]) {
      await capture(rows);
      const after = await openAndCompare();
      expect(after.first).toEqual(after.live);
      seen.push(after.fromSnapshot);
    }
    // The same five dossiers again, now resolved: the write replaces their results, so the
    // snapshot takes each out and puts it back in.
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, '/e2e/status-before.html'));
    await waitFor(() => readTable(store, 'records'), (r) => r.filter((x) => String(x.code).includes('-23061')).length === 5, 30_000);
    const before = await openAndCompare();
    expect(before.first).toEqual(before.live);
    await page.goto(s.url(HOST, '/e2e/status-after.html'));
    await waitFor(() => readTable(store, 'records'), (r) => r.filter((x) => String(x.code).includes('-23061') && x.statusCode === 10).length === 5, 30_000);
    await page.waitForTimeout(500);
    await page.close();
    const resolved = await openAndCompare();
    expect(resolved.first).toEqual(resolved.live);
    seen.push(before.fromSnapshot, resolved.fromSnapshot);
    // Each capture moved the snapshot the previous open stored: still exact, so it was used.
    expect(seen).toEqual([true, true, true, true]);

    // Past the worker's own refresh after those writes (it counts the period stored then), so
    // the snapshot is of the old period when another one is chosen.
    await store.waitForTimeout(SNAPSHOT_QUIET_MS + 1500);
    await setPeriod({ from: '2019-03-15', to: '2022-11-20', reference: '2022-11-20' });
    const other = await openAndCompare();
    expect(other.fromSnapshot).toBe(false);
    expect(other.first).toEqual(other.live);
    const again = await openAndCompare();
    expect(again.fromSnapshot).toBe(true);
    expect(again.first).toEqual(again.live);

    // Out of date (as a repair leaves it): a new data stamp the snapshot was not moved to.
    await store.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('kiem-dem-tthc');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({ key: 'dataStamp', value: `test-${Date.now()}` });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    const stale = await openAndCompare();
    expect(stale.fromSnapshot).toBe(false);
    expect(stale.first).toEqual(stale.live);
  });

  it('shows, while another period is typed in, only exact tallies: the old one until the new one is read', async () => {
    await capture(200);
    const from = '2019-03-15';
    const period: Period = { from: '2018-01-01', to: '2022-11-20', reference: '2022-11-20' };
    // The new period starts inside a month: its first days are counted from the results
    // themselves, never from the old period's. Some must be in force for the check to bite.
    const inFirstDays = (await readTable<{ date: string | null; exists: number; permanent: boolean | null; validUntil: string | null }>(store, 'results')).filter(
      (r) => r.exists === 1 && r.date !== null && r.date >= from && r.date <= '2019-03-31' && countsIn({ ...period, from }, r.date, validityOf(r.permanent, r.validUntil)),
    );
    expect(inFirstDays.length).toBeGreaterThan(0);
    await setPeriod(period);

    const popup = await s.browser.context.newPage();
    try {
      // Every table the popup renders, as its caption and rows (and any moment without one).
      await popup.addInitScript(`(() => {
        window.__states = [];
        const rowsOf = ${ROWS_OF};
        const state = () => {
          const t = document.querySelector('[data-testid="tally-table"]');
          if (!t) return window.__states.length > 0 ? '(no table)' : null;
          return [t.querySelector('caption')?.textContent ?? '', ...rowsOf(t)].join('\\n');
        };
        new MutationObserver(() => {
          const now = state();
          if (now !== null && now !== window.__states[window.__states.length - 1]) window.__states.push(now);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      })()`);
      await popup.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
      await popup.locator('[data-testid="popup"][data-records]').waitFor({ timeout: 20_000 });
      await popup.waitForTimeout(1500);
      const states = () => popup.evaluate(() => window.__states ?? []);
      const before = (await states()).at(-1);
      expect(before).toContain('01/01/2018');

      await popup.getByLabel('Từ ngày').fill(from);
      await waitFor(states, (v) => (v.at(-1) ?? '').includes('15/03/2019'), 20_000);
      await popup.waitForTimeout(1500);
      const seen = await states();
      const after = seen.at(-1);
      // Exact: what a popup opened on the new period shows once its live reads are in.
      const fresh = await openAndCompare();
      expect(after?.split('\n').slice(1)).toEqual(fresh.live);
      expect(after).not.toEqual(before);
      const since = seen.slice(seen.lastIndexOf(before as string));
      expect(since.filter((v) => v !== before && v !== after)).toEqual([]);
    } finally {
      await popup.close();
    }
  });
});
