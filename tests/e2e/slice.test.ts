/**
 * The vertical slice in real Chromium with the production build: portal page →
 * content script → service worker → IndexedDB → popup counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo/routes';
import { openSession, badgeFor, type Session } from '../support/session';
import { readPopupTally, waitForStoreQuiet } from '../support/popup';
import { waitFor } from '../support/store';

const igate = DEMO_PAGES.find((p) => p.path === '/vi/dossier/search')!;
let s: Session;

beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

describe('vertical slice', () => {
  it('a page without a record table produces nothing', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(s.url('motcua.langson.gov.vn', '/'));
    await page.waitForTimeout(2000);
    expect(await s.records()).toHaveLength(0);
    expect(await badgeFor(s, page)).toBe('');
    await page.close();
  });

  it('rows on an iGate page end up in the store and in the popup counts', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(s.url(igate.host, igate.path));
    const stored = await waitFor(s.records, (r) => r.length >= igate.expectedRecords);
    expect(stored).toHaveLength(igate.expectedRecords);
    expect(new Set(stored.map((r) => r.dept))).toEqual(new Set(igate.departments));
    // No applicant names in the store: the page's applicant column is never read.
    const applicants = await page.evaluate(() =>
      Array.from(document.querySelectorAll('td.mat-column-applicant, td.cdk-column-applicant'), (td) => td.textContent?.trim() ?? ''),
    );
    const dump = JSON.stringify(stored);
    for (const name of applicants.filter(Boolean)) expect(dump).not.toContain(name);
    expect(await badgeFor(s, page)).toBe(String(igate.expectedRecords));

    const popup = await s.browser.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="tally-table"] tr[data-dept]');
    const tally = await readPopupTally(popup);
    const dept = tally.find((d) => d.department === igate.departments[0]);
    expect(dept?.total ?? 0).toBeGreaterThan(0);
    expect(dept!.digitized + dept!.pending + dept!.unknown).toBe(dept!.total);
    await popup.close();
    await page.close();
  });

  it('reloading the page does not double-count', async () => {
    const before = await s.records();
    const page = await s.browser.context.newPage();
    await page.goto(s.url(igate.host, igate.path));
    await page.reload();
    await page.waitForTimeout(1500);
    await waitForStoreQuiet(s.ext);
    const after = await s.records();
    expect(after).toHaveLength(before.length);
    // A reload is a new page reading of the same rows: only when and by whom it was seen move.
    const strip = (r: Record<string, unknown>) => ({ ...r, lastSeen: 0, readAt: 0, readBy: '' });
    expect(after.map(strip)).toEqual(before.map(strip));
    await page.close();
  });
});
