/**
 * The browser wipes the extension's database (Chromium deletes an IndexedDB it finds
 * damaged, e.g. after the disk filled during a write). Here the database is deleted
 * from an extension page, so the wipe happens every run. Expected: the restarted worker
 * sees that the store is not the one it published, the portal page still open gives its
 * rows again (they are stored once more), and the popup says what happened and what to
 * do for the rest; the notice goes when the clerk dismisses it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorkers } from '../support/browser';
import { report } from '../support/faults';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

let s: Session;
let store: Page;
beforeAll(async () => {
  s = await openSession();
  store = await s.browser.openExtensionPage('manifest.json');
  await s.ext.close();
});
afterAll(async () => {
  await s?.close();
});

const publishedId = async () => (await s.browser.worker()).evaluate(async () => (await chrome.storage.local.get('store.id'))['store.id'] ?? null);

describe('a store the browser wiped', () => {
  it('the open portal page gives its rows again; the popup says the store was wiped until dismissed', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(s.url('motcua.langson.gov.vn', '/vi/dossier/search'));
    expect(await waitFor(() => readTable(store, 'records'), (r) => r.length === 15)).toHaveLength(15);
    const before = await waitFor(publishedId, (v) => typeof v === 'string');

    const deleted = await store.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.deleteDatabase('kiem-dem-tthc');
          req.onsuccess = () => resolve('deleted');
          req.onerror = () => resolve(`error ${req.error?.name}`);
          req.onblocked = () => resolve('blocked');
        }),
    );
    expect(deleted).toBe('deleted');
    await stopServiceWorkers(s.browser.context);

    // The popup wakes the worker (it asks for the outbox to be stored).
    const popup = await s.browser.openExtensionPage('popup.html');
    const banner = popup.getByTestId('store-lost');
    await banner.waitFor({ timeout: 20_000 });
    const after = await waitFor(
      () => readTable(store, 'records').catch(() => []),
      (r) => r.length === 15,
      30_000,
    );
    const text = (await banner.textContent()) ?? '';
    const now = await publishedId();
    report('store wiped', { before: 15, deleted, rowsGivenAgain: after.length, fromOpenPage: after.filter((r) => String(r.sourceUrl).includes('/vi/dossier/search')).length, newIdentity: now !== before, banner: text.slice(0, 60) });

    expect(after.filter((r) => String(r.sourceUrl).includes('/vi/dossier/search'))).toHaveLength(15);
    expect(now).not.toBe(before);
    expect(text).toMatch(/Trình duyệt đã xóa kho dữ liệu/u);
    expect(text).toMatch(/Nhập dữ liệu/u);

    await popup.getByRole('button', { name: 'Đã hiểu' }).click();
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    const worker = await s.browser.worker();
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('storeLost')).storeLost ?? null)).toBeNull();
    await Promise.all([page.close(), popup.close()]);
  });
});
