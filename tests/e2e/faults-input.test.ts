/**
 * Faults in what comes in: two tabs capturing overlapping result lists at once, a status
 * that moves on between two visits, bad files offered to "Nhập dữ liệu", and a store
 * written by the first release opened by the current one (v1 → v2 upgrade).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_APP, BACKUP_VERSION } from '../../utils/backup';
import { SCHEMA_VERSION } from '../../utils/store/db';
import { launchWithExtension } from '../support/browser';
import { readPopupTally } from '../support/popup';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { countStore, report, waitQuiet, watchPage } from '../support/faults';
import { hostResolverRules } from '../demo/server';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');
const HOST = 'motcua.langson.gov.vn';
let s: Session;
let store: Page;

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.key) < String(b.key) ? -1 : 1);
const sorted = (rows: Record<string, unknown>[]) => [...rows].sort(byKey);

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: '/e2e/', dir: PAGES_DIR }] });
  store = await s.browser.openExtensionPage('manifest.json');
  await s.ext.close();
});
afterAll(async () => {
  await s?.close();
});

describe('two tabs at once', () => {
  it('overlapping result lists loaded simultaneously: 30 distinct results, no duplicates', async () => {
    const [a, b] = await Promise.all([s.browser.context.newPage(), s.browser.context.newPage()]);
    const wa = watchPage(a);
    const wb = watchPage(b);
    await Promise.all([a.goto(s.url(HOST, '/e2e/overlap-a.html')), b.goto(s.url(HOST, '/e2e/overlap-b.html'))]);
    const got = await waitFor(() => readTable(store, 'records'), (r) => r.length >= 30, 30_000);
    await waitQuiet(async () => (await readTable(store, 'records')).length, 2000, 30_000);
    const all = await readTable(store, 'records');
    const c = countStore(all);
    const numbers = new Set(all.map((r) => String(r.resultNumber).split('/')[0]));
    const concurrent = Object.fromEntries(
      all.filter((r) => /^51[25]\//u.test(String(r.resultNumber))).map((r) => [String(r.resultNumber).split('/')[0], r.digitized]),
    );
    expect(got.length).toBeGreaterThanOrEqual(30);
    expect(all).toHaveLength(30);
    expect(c.uniqueKeys).toBe(30);
    expect(c.duplicates).toBe(0);
    expect(all.every((r) => r.kind === 'result')).toBe(true);
    expect([...numbers].sort()).toEqual(Array.from({ length: 30 }, (_, i) => String(501 + i)));

    // Which tab's batch lands last is up to the scheduler; digitization only moves forward,
    // so the two results that have a .pdf on b are digitized whatever the order.
    const after = all;
    const gained = after.filter((r) => /^51[25]\//u.test(String(r.resultNumber)));
    // Every third result has no file on either page: it stays not digitized.
    const noFile = after.filter((r) => {
      const n = Number(String(r.resultNumber).split('/')[0]);
      return (n - 500) % 3 === 0 && n !== 512 && n !== 515;
    });
    report('concurrency overlap', {
      expected: 30,
      stored: all.length,
      duplicates: c.duplicates,
      'digitized 512/515 after the race': `${concurrent['512']}/${concurrent['515']}`,
    });
    expect(after).toHaveLength(30);
    expect(gained.map((r) => r.digitized)).toEqual([true, true]);
    expect(noFile).toHaveLength(8);
    expect(noFile.every((r) => r.digitized === false)).toBe(true);
    expect([...wa.errors, ...wb.errors]).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('status moving on', () => {
  it('status-before then status-after: code 10, resolved date gained, due date and digitization kept', async () => {
    const codes = ['0951', '0952', '0953', '0954', '0955'].map((n, i) => `000.00.13.H37-23061${2 + i}-${n}`);
    const mine = async () => (await readTable(store, 'records')).filter((r) => codes.includes(String(r.code)));
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, '/e2e/status-before.html'));
    const before = await waitFor(mine, (r) => r.length === 5, 30_000);
    expect(before.every((r) => r.statusCode === 9)).toBe(true);
    await page.goto(s.url(HOST, '/e2e/status-after.html'));
    const after = sorted(await waitFor(mine, (r) => r.length === 5 && r.every((x) => x.statusCode === 10), 30_000));
    // Due dates come from "before" only; "after" has no such column.
    const dueBefore: Record<string, string> = {
      '000.00.13.H37-230612-0951': '2023-07-03',
      '000.00.13.H37-230613-0952': '2023-07-04',
      '000.00.13.H37-230614-0953': '2023-06-28',
      '000.00.13.H37-230615-0954': '2023-06-29',
      '000.00.13.H37-230616-0955': '2023-06-30',
    };
    const resolvedAfter: Record<string, string> = {
      '000.00.13.H37-230612-0951': '2023-06-28',
      '000.00.13.H37-230613-0952': '2023-06-30',
      '000.00.13.H37-230614-0953': '2023-06-27',
      '000.00.13.H37-230615-0954': '2023-06-29',
      '000.00.13.H37-230616-0955': '2023-06-30',
    };
    // Digitization is shown only on "before" (the results exist: status 9) and must survive "after".
    const digBefore: Record<string, boolean | null> = {
      '000.00.13.H37-230612-0951': true,
      '000.00.13.H37-230613-0952': false,
      '000.00.13.H37-230614-0953': true,
      '000.00.13.H37-230615-0954': false,
      '000.00.13.H37-230616-0955': null,
    };
    expect(Object.fromEntries(before.map((r) => [String(r.code), r.digitized]))).toEqual(digBefore);
    const got = Object.fromEntries(after.map((r) => [String(r.code), { resolvedAt: r.resolvedAt, dueAt: r.dueAt, digitized: r.digitized }]));
    const want = Object.fromEntries(
      codes.map((c) => [c, { resolvedAt: resolvedAfter[c], dueAt: dueBefore[c], digitized: digBefore[c] }]),
    );
    report('status moving on', {
      records: after.length,
      statusCode10: after.filter((r) => r.statusCode === 10).length,
      resolvedGained: after.filter((r) => r.resolvedAt === resolvedAfter[String(r.code)]).length,
      dueKept: after.filter((r) => r.dueAt === dueBefore[String(r.code)]).length,
      digitizedBefore: codes.map((c) => String(digBefore[c])).join('/'),
      digitizedAfter: codes.map((c) => String(got[c]?.digitized)).join('/'),
    });
    expect(after).toHaveLength(5);
    expect(after.every((r) => r.status === 'Đã trả kết quả' && r.statusCode === 10)).toBe(true);
    expect(got).toEqual(want);
    await page.close();
  });
});

describe('bad files offered to "Nhập dữ liệu"', () => {
  it('a malformed backup, a backup with one bad record and a CSV with a wrong header change nothing and say why in Vietnamese', async () => {
    const before = sorted(await readTable(store, 'records'));
    expect(before.length).toBeGreaterThan(0);
    const popup = await s.browser.openExtensionPage('popup.html');
    const watch = watchPage(popup);
    const input = popup.getByLabel('Nhập dữ liệu', { exact: true });
    await input.waitFor({ state: 'attached' });

    // Every valid record of the half-good backup would change the store if it were applied.
    const tampered = before.slice(0, 3).map((r) => ({ ...r, procedure: 'ĐÃ BỊ SỬA', lastSeen: Date.now() + 86_400_000 }));
    const halfGood = JSON.stringify({
      app: BACKUP_APP,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      records: [...tampered, { ...before[3], kind: 'giấy phép', receivedAt: '31/02/2023' }],
    });
    const files = [
      { name: 'sao-luu-hong.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"kiem-dem-tthc","version":1,"records":[{"key":"d|x",') },
      { name: 'sao-luu-mot-dong-sai.json', mimeType: 'application/json', buffer: Buffer.from(halfGood) },
      {
        name: 'chi-tiet-sai-tieu-de.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('\ufeffMã,Tên,Ngày\r\n000.00.13.H37-230612-0951,Thủ tục,01/01/2023\r\n'),
      },
    ];
    const messages: string[] = [];
    for (const f of files) {
      await input.setInputFiles(f);
      const alert = popup.getByTestId('import-status-error');
      await alert.waitFor({ timeout: 30_000 });
      const text = (await alert.innerText()).trim();
      messages.push(`${f.name}: ${text.replace(/\s+/gu, ' ').slice(0, 160)}`);
      expect(text).toContain(`Không nhập được tệp ${f.name}. Dữ liệu chưa thay đổi.`);
      // Details are Vietnamese too (letters with Vietnamese marks in every detail line).
      const details = await alert.locator('li').allInnerTexts();
      expect(details.length).toBeGreaterThan(0);
      for (const d of details) expect(d).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu);
      const now = sorted(await readTable(store, 'records'));
      expect(now).toEqual(before);
      // Clear the notice for the next file: the same alert must not be read twice.
      await popup.reload();
      await input.waitFor({ state: 'attached' });
    }
    for (const m of messages) console.log(`[faults] bad import: ${m}`);
    report('bad import', { files: files.length, recordsBefore: before.length, recordsAfter: (await readTable(store, 'records')).length, changed: 0 });
    expect(watch.errors).toEqual([]);
    await popup.close();
  });
});

describe('store written by the first release', () => {
  it('a v1 database (records only) is upgraded in place when the popup opens: every record kept and tallied', async () => {
    // A fresh profile whose database is created by hand, before any page of the extension opens it.
    const { startPortalServer } = await import('../demo/server');
    const server = await startPortalServer();
    const browser = await launchWithExtension({ hostRules: hostResolverRules(server.port) });
    try {
      const worker = await browser.worker();
      const base = {
        kind: 'dossier',
        resultNumber: null,
        field: 'Hoạt động khoa học và công nghệ',
        departmentFrom: 'column',
        dueAt: null,
        issuedAt: null,
        validUntil: null,
        permanent: null,
        status: 'Đã trả kết quả',
        statusCode: 10,
        sourceUrl: 'https://motcua.langson.gov.vn/vi/dossier/search',
      };
      const rows = Array.from({ length: 40 }, (_, i) => {
        const code = `000.00.13.H37-2${i % 5}0301-${String(700 + i).padStart(4, '0')}`;
        const department = i % 2 ? 'Phòng Quản lý khoa học' : 'Chi cục Tiêu chuẩn Đo lường Chất lượng';
        return {
          ...base,
          key: `d|${code.toLowerCase()}`,
          code,
          procedure: `Thủ tục mẫu ${i}`,
          department,
          dept: department,
          receivedAt: `202${i % 5}-03-01`,
          resolvedAt: `202${i % 5}-03-1${i % 10}`,
          digitized: i % 4 === 0 ? null : i % 3 !== 0,
          firstSeen: 1_690_000_000_000 + i,
          lastSeen: 1_690_000_000_000 + i,
        };
      });
      const made = await worker.evaluate(
        (records) =>
          new Promise<{ version: number; stores: string[] }>((resolveOpen, reject) => {
            // Dexie stores version n as IndexedDB version n × 10.
            const req = indexedDB.open('kiem-dem-tthc', 10);
            req.onupgradeneeded = () => {
              const os = req.result.createObjectStore('records', { keyPath: 'key' });
              os.createIndex('dept', 'dept');
              os.createIndex('kind', 'kind');
              os.createIndex('lastSeen', 'lastSeen');
            };
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction('records', 'readwrite');
              for (const r of records) tx.objectStore('records').put(r);
              tx.oncomplete = () => {
                const out = { version: db.version, stores: Array.from(db.objectStoreNames) };
                db.close();
                resolveOpen(out);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        rows,
      );
      expect(made).toEqual({ version: 10, stores: ['records'] });

      const popup = await browser.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-testid="tally-table"] tr[data-dept]', { timeout: 30_000 });
      const version = await popup.evaluate(
        () =>
          new Promise<{ version: number; stores: string[] }>((res) => {
            const req = indexedDB.open('kiem-dem-tthc');
            req.onsuccess = () => {
              const out = { version: req.result.version, stores: Array.from(req.result.objectStoreNames).sort() };
              req.result.close();
              res(out);
            };
          }),
      );
      const records = sorted(await readTable(popup, 'records'));
      const tally = await readPopupTally(popup);
      const total = tally.reduce((n, d) => n + d.total, 0);
      const digitized = tally.reduce((n, d) => n + d.digitized, 0);
      const unknown = tally.reduce((n, d) => n + d.unknown, 0);
      const shownCount = await popup.getAttribute('[data-testid="popup"]', 'data-records');
      report('upgrade v1→v5', {
        v1Records: rows.length,
        storedAfter: records.length,
        idbVersion: version.version,
        popupRecords: shownCount ?? '',
        tallyTotal: total,
        tallyDigitized: digitized,
        tallyUnknown: unknown,
      });
      // Dexie stores version × 10; v3 added the coverage tables, v5 the units' summary files, v7 put a list's keys in buckets (listSets), v9 the tally cells in a row per month (monthCells).
      expect(version).toEqual({ version: SCHEMA_VERSION * 10, stores: ['listSets', 'lists', 'meta', 'monthCells', 'records', 'results', 'unitReports'] });
      // Every v1 field kept; later versions add the read time (= lastSeen), number + date link and result key.
      expect(records).toEqual(sorted(rows).map((r) => ({ ...r, readAt: r.lastSeen, link: expect.any(String), rkey: expect.any(String) })));
      expect(shownCount).toBe(String(rows.length));
      // Received 2020–2024, all resolved: the preset period 2018 … 30/06/2023 holds years 2020–2023.
      const inPeriod = rows.filter((r) => r.resolvedAt < '2023-07-01');
      expect(total).toBe(inPeriod.length);
      expect(digitized).toBe(inPeriod.filter((r) => r.digitized === true).length);
      expect(unknown).toBe(inPeriod.filter((r) => r.digitized === null).length);
      await popup.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
