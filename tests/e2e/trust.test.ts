/**
 * Trust in real Chromium: a tab closed while its rows still wait for the store (they are
 * stored from the durable outbox, and the popup shows them waiting meanwhile); a stale tab
 * re-sending old rows after a settings change does not undo a newer status; hidden tables
 * are not read; a 20,000-deep cell is read; the page learns no extension id and cannot
 * stop capture with a forged "started" event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { report, watchPage } from '../support/faults';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';

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

const records = () => readTable(store, 'records');
const byCode = async (prefix: string | RegExp) =>
  (await records()).filter((r) => (typeof prefix === 'string' ? String(r.code).startsWith(prefix) : prefix.test(String(r.code))));
type Chrome = { storage: { local: { get(k: null | string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };

/** Rows waiting in the durable outbox (extension storage). */
const outboxRows = () =>
  store.evaluate(async () => {
    const all = await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null);
    const items = (v: unknown) => ((typeof v === 'string' ? JSON.parse(v) : v) as { items?: unknown[] }).items?.length ?? 0;
    return Object.entries(all).filter(([k]) => k.startsWith('kd-outbox:')).reduce((n, [, v]) => n + items(v), 0);
  });

describe('nothing lost when the tab goes', () => {
  it('a tab closed while 1,200 rows wait for a busy store: all are stored afterwards, the popup shows them waiting', async () => {
    // Hold a write transaction on the records from an extension page: the worker's writes wait.
    await store.evaluate(
      () =>
        new Promise<void>((ok) => {
          const open = indexedDB.open('kiem-dem-tthc');
          open.onsuccess = () => {
            const tx = open.result.transaction(['records'], 'readwrite');
            const os = tx.objectStore('records');
            const w = globalThis as unknown as { __release?: () => void };
            let held = true;
            w.__release = () => {
              held = false;
            };
            const spin = () => {
              if (held) os.count().onsuccess = spin;
            };
            spin();
            ok();
          };
        }),
    );
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, '/e2e/many-rows.html?n=1200'));
    const waiting = await waitFor(outboxRows, (n) => n >= 1200, 30_000);
    expect(waiting).toBe(1200);
    await page.close(); // the tab goes before the store confirmed anything
    const popup = await s.browser.openExtensionPage('popup.html');
    const notice = popup.getByTestId('outbox-waiting');
    await notice.waitFor({ timeout: 20_000 });
    const shown = Number(await notice.getAttribute('data-rows'));
    expect(shown).toBe(1200);
    expect(await notice.innerText()).toContain('đang chờ lưu');
    await store.evaluate(() => (globalThis as unknown as { __release: () => void }).__release());
    const stored = await waitFor(() => byCode('000.00.13.H37-230701-'), (r) => r.length >= 1200, 60_000);
    const left = await waitFor(outboxRows, (n) => n === 0, 30_000);
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    report('tab closed mid-capture', { 'rows on page': 1200, 'waiting in outbox at close': waiting, 'shown waiting in popup': shown, stored: stored.length, 'left in outbox': left });
    expect(stored).toHaveLength(1200);
    expect(new Set(stored.map((r) => r.key)).size).toBe(1200);
    await popup.close();
  });
});

describe('a stale tab re-sending old rows', () => {
  it('after a settings change the old tab re-reads its unchanged rows: the newer status and digitization stay', async () => {
    const a = await s.browser.context.newPage();
    await a.goto(s.url(HOST, '/e2e/stale-before.html'));
    await waitFor(() => byCode('000.00.13.H37-23062'), (r) => r.length === 2 && r.every((x) => x.statusCode === 9), 20_000);
    // The portal moves on; read in another tab well after the first reading.
    await a.waitForTimeout(11_000);
    const b = await s.browser.context.newPage();
    await b.goto(s.url(HOST, '/e2e/stale-after.html'));
    await waitFor(() => byCode('000.00.13.H37-23062'), (r) => r.every((x) => x.statusCode === 10), 20_000);
    await b.close();
    // A settings change makes the still-open old tab read its page again (a department now resolves).
    await store.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const cur = (await chrome.storage.local.get('settings')).settings as { departments: { name: string; aliases: string[] }[] } | undefined;
      const base = cur ?? { version: 1, departments: [], fieldMapping: [], portals: [] };
      const departments = [...(base.departments ?? []), { name: 'Phòng Pháp chế', aliases: ['Phòng Pháp chế Sở'] }];
      await chrome.storage.local.set({ settings: { version: 1, fieldMapping: [], portals: [], ...base, departments } });
    });
    const after = await waitFor(() => byCode('000.00.13.H37-23062'), (r) => r.every((x) => x.department === 'Phòng Pháp chế'), 30_000);
    report('stale tab re-send', {
      'department from the re-send': after.map((r) => r.department).join('/'),
      status: after.map((r) => r.statusCode).join('/'),
      digitized: after.map((r) => String(r.digitized)).join('/'),
    });
    expect(after.map((r) => r.department)).toEqual(['Phòng Pháp chế', 'Phòng Pháp chế']);
    expect(after.map((r) => [r.statusCode, r.status, r.digitized])).toEqual([
      [10, 'Đã trả kết quả', false],
      [10, 'Đã trả kết quả', false],
    ]);
    await a.close();
  });
});

describe('what the page can see and do', () => {
  it('hidden tables are not read, a 20,000-deep cell is, and no message reveals the extension id or stops capture', async () => {
    const page = await s.browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(s.url(HOST, '/e2e/deep-and-hidden.html'));
    const got = await waitFor(() => byCode(/-23070[234]-/u), (r) => r.filter((x) => String(x.code).startsWith('000.00.13.H37-230702')).length >= 2, 30_000);
    const codes = got.map((r) => r.code).sort();
    expect(codes).toEqual(['000.00.13.H37-230702-0981', '000.00.13.H37-230702-0982']); // 0983 only in the hidden table
    expect(got.find((r) => r.code === '000.00.13.H37-230702-0982')?.digitized).toBe(false); // the hidden "Đã số hóa" is not read
    const messages = await page.evaluate(() => (globalThis as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(s.browser.extensionId))).toEqual([]);

    // A page script that knows the id forges the "started" event: capture goes on.
    await page.evaluate((id) => {
      const type = `${id}:portal:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'portal', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'portal', messageId: 'forged' }, '*');
    }, s.browser.extensionId);
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      document.querySelector('#tbl-visible tbody')!.insertAdjacentHTML(
        'beforeend',
        '<tr><td>3</td><td>000.00.13.H37-230704-0984</td><td>Cấp Giấy chứng nhận</td><td>Đã trả kết quả</td><td>Đã số hóa</td></tr>',
      );
      document.getElementById('panel')!.style.display = 'block'; // the hidden panel is shown
    });
    const later = await waitFor(() => byCode(/-23070[234]-/u), (r) => r.some((x) => x.code === '000.00.13.H37-230704-0984') && r.some((x) => x.code === '000.00.13.H37-230703-0983'), 30_000);
    report('page isolation', {
      'messages seen by the page': messages.length,
      'carrying the extension id': messages.filter((m) => m.includes(s.browser.extensionId)).length,
      'captured after a forged started event': later.some((x) => x.code === '000.00.13.H37-230704-0984'),
      'hidden table read once shown': later.some((x) => x.code === '000.00.13.H37-230703-0983'),
    });
    expect(later.map((r) => r.code)).toContain('000.00.13.H37-230704-0984');
    expect(later.map((r) => r.code)).toContain('000.00.13.H37-230703-0983');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
