/**
 * Faults around the service worker: stopped again and again while batches are in flight,
 * stopped between pages of a paging SPA, and the extension reloaded under an open portal
 * tab (the old content script is orphaned; the restarted worker injects a live one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BENCH_PATH, DEMO_PAGES } from '../demo/routes';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { benchPageCodes, openExtensionPageWhenBack, reloadExtension, compareCodes, countStore, report, waitQuiet, watchPage, WorkerStopper } from '../support/faults';

const HOST = 'motcua.langson.gov.vn';
let s: Session;
let store: Page;
let stopper: WorkerStopper;

/** Records whose code is one of `codes` (the store holds several pages' records). */
async function recordsFor(codes: string[]): Promise<Record<string, unknown>[]> {
  const want = new Set(codes.map((c) => c.toLowerCase()));
  const all = await readTable(store, 'records');
  return all.filter((r) => want.has(String(r.code ?? '').toLowerCase()));
}

beforeAll(async () => {
  s = await openSession();
  // A light extension page for reading the store: the popup re-renders on every write.
  store = await s.browser.openExtensionPage('manifest.json');
  await s.ext.close();
  stopper = new WorkerStopper(s.browser.context);
});
afterAll(async () => {
  await stopper?.close();
  await s?.close();
});

describe('service worker stopped mid-capture', () => {
  it('a 3,000-row page, then a 4,000-row page, with the worker stopped every 150 ms: every row stored once', async () => {
    const page = await s.browser.context.newPage();
    const errors = watchPage(page);
    await page.goto(s.url(HOST, `${BENCH_PATH}?rows=3000`), { waitUntil: 'domcontentloaded' });
    // Stop the worker while the first batches are read, sent and written.
    const stops1 = await stopper.stopRepeatedly({ everyMs: 150, maxMs: 4000 });
    const codes1 = await benchPageCodes(page);
    expect(codes1).toHaveLength(3000);
    const got1 = await waitFor(() => recordsFor(codes1), (r) => r.length >= 3000, 120_000, 500);
    const c1 = countStore(got1);
    const diff1 = compareCodes(got1, codes1);
    report('sw-stop 3000', { expected: 3000, stored: c1.stored, duplicates: c1.duplicates, missing: diff1.missing.length, stops: stops1 });
    expect(c1.stored).toBe(3000);
    expect(c1.uniqueKeys).toBe(3000);
    expect(c1.duplicates).toBe(0);
    expect(diff1.missing).toEqual([]);

    // Between pages: the worker is stopped; the next page starts it again with empty globals.
    await stopper.stopOnce();
    await page.goto(s.url(HOST, `${BENCH_PATH}?rows=4000`), { waitUntil: 'domcontentloaded' });
    const stops2 = await stopper.stopRepeatedly({ everyMs: 150, maxMs: 3000 });
    const codes2 = await benchPageCodes(page);
    expect(codes2).toHaveLength(4000);
    const got2 = await waitFor(() => recordsFor(codes2), (r) => r.length >= 4000, 120_000, 500);
    // Nothing more may arrive later (a late retry must not add a second copy).
    const settled = await waitQuiet(async () => (await readTable(store, 'records')).length, 2500, 60_000);
    const all = await readTable(store, 'records');
    const c2 = countStore(all);
    const diff2 = compareCodes(all, codes2);
    report('sw-stop 4000 (3000 shared)', {
      expected: 4000,
      stored: countStore(got2).stored,
      storeTotal: settled,
      duplicates: c2.duplicates,
      missing: diff2.missing.length,
      extra: diff2.extra.length,
      stops: stops2 + 1,
    });
    expect(all).toHaveLength(4000);
    expect(c2.uniqueKeys).toBe(4000);
    expect(c2.duplicates).toBe(0);
    expect(diff2).toEqual({ missing: [], extra: [] });
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('a paging SPA with the worker stopped before and between pages: all 24 dossiers stored once', async () => {
    const spa = DEMO_PAGES.find((p) => p.path === '/app/ho-so/dang-xu-ly')!;
    const before = await readTable(store, 'records');
    const page = await s.browser.context.newPage();
    const errors = watchPage(page);
    await page.goto(s.url(spa.host, spa.path));
    const codes = await page.evaluate(() => {
      const res = JSON.parse(document.getElementById('api-response')!.textContent!) as { content: { code: string }[] };
      return res.content.map((d) => d.code);
    });
    expect(codes).toHaveLength(spa.expectedRecords);
    await stopper.stopOnce();
    const next = page.getByRole('button', { name: 'Trang sau' });
    let pages = 1;
    const shown = new Set<string>();
    for (;;) {
      // Wait for this page's rows, then for them to be stored, then stop the worker again.
      await page.waitForSelector('#tbl-ho-so tbody tr td.code');
      const onPage = await page.$$eval('#tbl-ho-so tbody tr td.code', (tds) => tds.map((td) => (td.textContent ?? '').trim()));
      for (const c of onPage) shown.add(c);
      await waitFor(() => recordsFor([...shown]), (r) => r.length >= shown.size, 60_000, 300);
      await stopper.stopOnce();
      if (!(await next.isEnabled())) break;
      const first = onPage[0];
      await next.click();
      await page.waitForFunction((f) => document.querySelector('#tbl-ho-so tbody tr td.code')?.textContent?.trim() !== f, first);
      pages += 1;
    }
    const got = await waitFor(() => recordsFor(codes), (r) => r.length >= codes.length, 60_000, 300);
    await waitQuiet(async () => (await readTable(store, 'records')).length, 2000, 30_000);
    const all = await readTable(store, 'records');
    const c = countStore(all);
    report('sw-stop spa', {
      expected: codes.length,
      stored: got.length,
      duplicates: c.duplicates,
      pages,
      storeTotal: all.length,
      storeBefore: before.length,
    });
    expect(pages).toBe(3);
    expect(compareCodes(got, codes)).toEqual({ missing: [], extra: [] });
    expect(all).toHaveLength(before.length + codes.length);
    expect(c.duplicates).toBe(0);
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});

describe('extension reloaded under an open portal tab', () => {
  it('after an extension reload the open portal tab is captured again without reloading it, silently', async () => {
    const igate = DEMO_PAGES.find((p) => p.path === '/vi/dossier/search')!;
    const page = await s.browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(s.url(igate.host, igate.path));
    const codes = await page.$$eval('td.mat-column-dossierCode', (tds) => tds.map((td) => (td.textContent ?? '').trim()));
    expect(codes).toHaveLength(igate.expectedRecords);
    await waitFor(() => recordsFor(codes), (r) => r.length >= igate.expectedRecords, 30_000, 300);
    const storedBefore = (await readTable(store, 'records')).length;

    // Reload the extension as an update would: its pages close, the worker restarts,
    // and the content script already in the portal tab loses its extension context.
    const states = await reloadExtension(s.browser.context, s.browser.extensionId);
    expect(states.afterEnable).toBe('ENABLED');

    // The page changes: three new rows, cloned from the first, with new codes.
    const added = await page.evaluate(() => {
      const first = document.querySelector('tr.mat-mdc-row, mat-row, tr[mat-row]')!;
      const out: string[] = [];
      for (let i = 1; i <= 3; i++) {
        const row = first.cloneNode(true) as Element;
        const code = `000.00.13.H37-230630-98${String(i).padStart(2, '0')}`;
        const cell = row.querySelector('td.mat-column-dossierCode')!;
        const link = cell.querySelector('a');
        if (link) {
          link.textContent = code;
          link.setAttribute('title', code);
          link.setAttribute('href', `/vi/dossier/search/${code}/detail`);
        } else cell.textContent = code;
        first.parentElement!.append(row);
        out.push(code);
      }
      return out;
    });

    // The worker, starting again, puts a live content script into the open portal tab: the
    // new rows land without the user reloading, and the orphan leaves no notice behind.
    const outcome = await waitFor(
      async () => {
        const toast = await page.locator('kiem-dem-tthc-toast').count();
        const fresh = await openExtensionPageWhenBack(s.browser.context, s.browser.extensionId);
        try {
          const landed = (await readTable(fresh, 'records')).filter((r) => added.includes(String(r.code))).length;
          return { toast, landed };
        } finally {
          await fresh.close();
        }
      },
      (o) => o.toast === 0 && o.landed === added.length,
      30_000,
      500,
    );
    // Leave time for anything late (an error thrown from a timer, a retry).
    await page.waitForTimeout(1500);
    const fresh = await openExtensionPageWhenBack(s.browser.context, s.browser.extensionId);
    const after = await readTable(fresh, 'records');
    await fresh.close();
    report('orphaned content script', {
      stateAfterReload: states.afterReload,
      toast: outcome.toast,
      rowsAdded: added.length,
      rowsLanded: outcome.landed,
      pageErrors: watch.errors.length,
      dialogs: watch.dialogs.length,
      storedBefore,
      storedAfter: after.length,
    });
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(outcome).toEqual({ toast: 0, landed: added.length });
    expect(await page.locator('kiem-dem-tthc-toast').count()).toBe(0);
    // Nothing captured before the reload is lost by it.
    expect(after.length).toBeGreaterThanOrEqual(storedBefore);
    await page.close();
  });
});
