/**
 * Capture never drops a row, in real Chromium with the production build: a virtual grid
 * (recycled row elements) scrolled with the mouse wheel every 150 ms, and jumped with the
 * End key; a page whose ticker replaces an element every 100 ms, forever. "Rows shown" is
 * measured in the page itself (every code that stayed on screen 100 ms or more).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CRAWL_LISTS, crawlRows } from '../demo/crawl';
import { report } from '../support/faults';
import { badgeFor, openSession, type Session } from '../support/session';
import { waitFor } from '../support/store';

const HOST = 'motcua.langson.gov.vn';
let s: Session;

beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

/** Records every code shown in the grid's rows and how long it stayed (in the page's own world). */
async function watchShown(p: Page): Promise<void> {
  await p.evaluate(() => {
    const since = new Map<string, number>();
    const stayed = new Set<string>();
    const look = () => {
      const now = performance.now();
      const codes = new Set(Array.from(document.querySelectorAll('#kq-body [role="row"]'), (r) => r.querySelector('[role="gridcell"]')?.textContent?.trim() ?? '').filter(Boolean));
      for (const c of codes) if (!since.has(c)) since.set(c, now);
      for (const [c, t] of since) {
        if (!codes.has(c)) {
          if (now - t >= 100) stayed.add(c);
          since.delete(c);
        }
      }
      (window as unknown as { __shown: () => string[] }).__shown = () => {
        const n = performance.now();
        return [...new Set([...stayed, ...[...since].filter(([, t]) => n - t >= 100).map(([c]) => c)])];
      };
    };
    new MutationObserver(look).observe(document.getElementById('kq-body')!, { subtree: true, childList: true, characterData: true });
    look();
  });
}

async function storedCodes(): Promise<Set<string>> {
  return new Set((await s.records()).map((r) => String(r.code)));
}

async function openGrid(): Promise<Page> {
  const p = await s.browser.context.newPage();
  await p.goto(s.url(HOST, '/kho-ket-qua/so-hoa'));
  await p.waitForSelector('#kq-body [role="row"]');
  await watchShown(p);
  return p;
}

describe('capture never drops a row', () => {
  it('virtual grid scrolled with the wheel every 150 ms: every row shown is stored', async () => {
    const p = await openGrid();
    const box = (await p.locator('#kq-viewport').boundingBox())!;
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60; i++) {
      await p.mouse.wheel(0, 180);
      await p.waitForTimeout(150);
      if (await p.evaluate(() => { const v = document.getElementById('kq-viewport')!; return v.scrollTop + v.clientHeight >= v.scrollHeight - 2; })) break;
    }
    const shown = await p.evaluate(() => (window as unknown as { __shown: () => string[] }).__shown());
    const stored = await waitFor(storedCodes, (have) => shown.every((c) => have.has(c)), 10_000);
    const missing = shown.filter((c) => !stored.has(c));
    report('fast scroll wheel 150 ms', { shown: shown.length, stored: shown.length - missing.length, figure: `${shown.length - missing.length}/${shown.length}` });
    expect(shown.length).toBeGreaterThanOrEqual(50);
    expect(missing).toEqual([]);
    await p.close();
  });

  it('virtual grid jumped with the End key: every row shown is stored', async () => {
    await s.ext.evaluate(() => new Promise<void>((resolve) => {
      const req = indexedDB.open('kiem-dem-tthc');
      req.onsuccess = () => {
        // Emptied as a browser wipe leaves it: every meta row but the schema goes too (the
        // store's identity with it, so pages' row memos of the rows stored before are void).
        const tx = req.result.transaction(['records', 'results', 'monthCells', 'meta'], 'readwrite');
        for (const n of ['records', 'results', 'monthCells']) tx.objectStore(n).clear();
        tx.objectStore('meta').delete(IDBKeyRange.upperBound('schema', true));
        tx.objectStore('meta').delete(IDBKeyRange.lowerBound('schema', true));
        tx.oncomplete = () => { req.result.close(); resolve(); };
      };
    }));
    const p = await openGrid();
    await p.locator('#kq-viewport').focus();
    await p.waitForTimeout(150);
    await p.keyboard.press('End');
    await p.waitForTimeout(150);
    await p.keyboard.press('Home');
    await p.waitForTimeout(150);
    await p.keyboard.press('End');
    await p.waitForTimeout(400);
    const shown = await p.evaluate(() => (window as unknown as { __shown: () => string[] }).__shown());
    const stored = await waitFor(storedCodes, (have) => shown.every((c) => have.has(c)), 10_000);
    const missing = shown.filter((c) => !stored.has(c));
    report('fast scroll End key', { shown: shown.length, stored: shown.length - missing.length, figure: `${shown.length - missing.length}/${shown.length}` });
    expect(shown.length).toBeGreaterThanOrEqual(20);
    expect(missing).toEqual([]);
    await p.close();
  });

  it('a page whose ticker replaces an element every 100 ms still gets its table read', async () => {
    const l = CRAWL_LISTS.find((x) => x.slug === 'ticker')!;
    const want = crawlRows(l).map((r) => r.code);
    const p = await s.browser.context.newPage();
    await p.goto(s.url(HOST, `/crawl/${l.slug}`));
    const t0 = Date.now();
    const stored = await waitFor(storedCodes, (have) => want.every((c) => have.has(c)), 15_000);
    const took = Date.now() - t0;
    // The ticker is still ticking: the table was read while the page kept changing.
    const ticking = await p.evaluate(() => new Promise<boolean>((resolve) => {
      const a = document.getElementById('clock');
      setTimeout(() => resolve(document.getElementById('clock') !== a), 300);
    }));
    report('ticker page', { rows: want.length, stored: want.filter((c) => stored.has(c)).length, ms: took });
    expect(ticking).toBe(true);
    expect(want.filter((c) => !stored.has(c))).toEqual([]);
    await p.close();
  });

  it('a SPA leaving its list clears the badge (capture/idle)', async () => {
    const p = await s.browser.context.newPage();
    await p.goto(s.url(HOST, '/crawl/so-trang'));
    await p.bringToFront();
    await expect.poll(() => badgeFor(s, p), { timeout: 15_000 }).toBe('10');
    // The SPA draws another view without the list (same document and address: nothing but
    // the content script can clear the badge).
    await p.evaluate(() => {
      document.getElementById('list')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Trang tổng quan' }));
    });
    await expect.poll(() => badgeFor(s, p), { timeout: 15_000 }).toBe('');
    await p.close();
  });
});
