/**
 * A long list is read while it is still arriving: the reader is loaded as soon as the
 * parser has put a record table in the document, and rows are stored before the
 * document has finished loading. In real Chromium with the production build, on a list
 * the server sends in pieces (50 lines every 60 ms).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PATH } from '../demo/routes';
import { countStore, resetStore } from '../tools/bench/probe';
import { openSession, type Session } from '../support/session';
import { waitFor } from '../support/store';

const ROWS = 800;
let s: Session;

beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

describe('a list still arriving', () => {
  it('has rows stored before its document finished loading, and every row once at the end', async () => {
    const page = await s.browser.context.newPage();
    try {
      await page.goto(s.url('motcua.langson.gov.vn', `${BENCH_PATH}?rows=${ROWS}&streamMs=60`), { waitUntil: 'commit' });
      let storedWhileLoading = 0;
      for (;;) {
        const state = await page.evaluate(() => document.readyState).catch(() => 'loading');
        if (state !== 'loading') break;
        storedWhileLoading = Math.max(storedWhileLoading, await countStore(s.ext));
        await new Promise((r) => setTimeout(r, 50));
      }
      console.log(`stored while the document was loading: ${storedWhileLoading} of ${ROWS}`);
      expect(storedWhileLoading).toBeGreaterThan(0);
      const final = await waitFor(() => countStore(s.ext), (n) => n >= ROWS, 30_000);
      expect(final).toBe(ROWS);
      const codes = (await s.records()).map((r) => String(r.code));
      expect(new Set(codes).size).toBe(ROWS);
    } finally {
      await page.close();
    }
  });

  it('never stores a row the parser has not finished: pieces cut inside rows give exactly the page\'s records', async () => {
    await resetStore(s.ext);
    const page = await s.browser.context.newPage();
    try {
      // About 1,500 characters a row: pieces of 700 cut most rows, many inside a cell.
      await page.goto(s.url('motcua.langson.gov.vn', `${BENCH_PATH}?rows=300&streamMs=15&streamChars=700`), { waitUntil: 'load', timeout: 60_000 });
      const shown = await page.evaluate(() => Array.from(document.querySelectorAll('.code-link'), (a) => a.textContent?.trim() ?? ''));
      expect(shown).toHaveLength(300);
      await waitFor(() => countStore(s.ext), (n) => n >= 300, 30_000);
      await new Promise((r) => setTimeout(r, 1500)); // anything late would show now
      const stored = (await s.records()).map((r) => String(r.code));
      expect(stored.filter((c) => !shown.includes(c))).toEqual([]);
      expect(new Set(stored).size).toBe(300);
      expect(stored).toHaveLength(300);
    } finally {
      await page.close();
    }
  });
});
