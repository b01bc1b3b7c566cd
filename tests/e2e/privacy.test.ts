/**
 * Privacy scan in real Chromium: a page of our own plants applicant names, ID numbers,
 * phones, e-mails and addresses in every place (packed cells, applicant and organisation
 * columns, abstracts, a flat detail page, the page address), another clerk's backup and
 * CSV bring more; then the real IndexedDB, extension storage, both CSVs, the XLSX and the
 * backup are scanned for every planted string. Reports "strings planted / strings found".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_APP, BACKUP_VERSION } from '../../utils/backup';
import { DETAIL_COLUMNS } from '../../utils/csv';
import { PLANTED, PLANTED_IN_URL } from '../pages/personal-planted';
import { downloadByButton } from '../support/downloads';
import { report } from '../support/faults';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { unzipEntries } from '../support/unzip';

const HOST = 'motcua.langson.gov.vn';
let s: Session;
let store: Page;

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: '/pages/', dir: resolve(import.meta.dirname, '../pages') }] });
  store = await s.browser.openExtensionPage('manifest.json');
});
afterAll(async () => {
  await s?.close();
});

/** Every planted string, also in the forms an address or a file may carry it. */
function variants(x: string): string[] {
  return [...new Set([x, x.normalize('NFD'), encodeURIComponent(x), encodeURIComponent(x).replace(/%20/gu, '+'), x.replace(/\s/gu, '')])];
}
const ALL_PLANTED = [...PLANTED, ...Object.values(PLANTED_IN_URL)];

function found(text: string): string[] {
  return ALL_PLANTED.filter((p) => variants(p).some((v) => text.includes(v)));
}

describe('no applicant data stored or exported', () => {
  it(`plants ${ALL_PLANTED.length} strings; none is found in the store, extension storage, CSVs, XLSX or backup`, async () => {
    const q = new URLSearchParams({ ...PLANTED_IN_URL, page: '2' }).toString();
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, `/pages/personal-everywhere.html?${q}#/tra-cuu?keyword=${encodeURIComponent(PLANTED_IN_URL.tuKhoa)}&pageIndex=3`));
    const recs = await waitFor(() => readTable(store, 'records'), (r) => r.length >= 7, 30_000);
    expect(recs).toHaveLength(7);

    // Another clerk's files carry planted strings in every text field and the address.
    const popup = await s.browser.openExtensionPage('popup.html');
    const input = popup.getByLabel('Nhập dữ liệu', { exact: true });
    await input.waitFor({ state: 'attached' });
    const now = Date.now();
    const backup = JSON.stringify({
      app: BACKUP_APP, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(),
      records: [{
        kind: 'result', code: null, resultNumber: '77/GP-SKHCN', procedure: 'Cấp phép cho ông Nguyễn Văn An', field: '0912 345 678',
        department: 'Hộ kinh doanh Lê Thị Bình', departmentFrom: 'manual', receivedAt: null, dueAt: null, resolvedAt: null,
        issuedAt: '2022-05-05', validUntil: null, permanent: true, status: 'Người nộp: Đỗ Minh Tuấn', statusCode: 10, digitized: true,
        firstSeen: now - 1000, lastSeen: now - 1000, sourceUrl: `https://${HOST}/tra-cuu?tuKhoa=${encodeURIComponent('Vũ Thị Lan')}&page=1`,
      }],
    });
    const csvRow = ['Kết quả', '', '78/GP-SKHCN', 'Nguyễn Thị Thu Hà', 'annguyen@example.vn', 'Hộ kinh doanh Ngô Thị Mận', '', '', '', '06/05/2022', '', 'Có', 'CCCD 020188001234', '10', 'Đã số hóa', `https://${HOST}/x?soGiayTo=020188001234`, '06/05/2022 08:00', 'Chưa rõ'];
    const csv = `\ufeff${DETAIL_COLUMNS.join(',')}\r\n${csvRow.join(',')}\r\n`;
    for (const f of [
      { name: 'sao-luu-khac.json', mimeType: 'application/json', buffer: Buffer.from(backup) },
      { name: 'chi-tiet-khac.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    ]) {
      await input.setInputFiles(f);
      await popup.getByTestId('import-status').filter({ hasText: 'Đã thêm' }).waitFor({ timeout: 30_000 });
      await popup.reload();
      await input.waitFor({ state: 'attached' });
    }
    const all = await waitFor(() => readTable(store, 'records'), (r) => r.length >= 9, 30_000);
    expect(all).toHaveLength(9);

    const places: Record<string, string> = {};
    places.records = JSON.stringify(all);
    places.results = JSON.stringify(await readTable(store, 'results'));
    places.monthCells = JSON.stringify(await readTable(store, 'monthCells'));
    places.meta = JSON.stringify(await readTable(store, 'meta'));
    places.storageLocal = await store.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null)));
    places.summaryCsv = (await downloadByButton(popup, 'Xuất CSV tổng hợp')).text();
    places.detailCsv = (await downloadByButton(popup, 'Xuất CSV chi tiết')).text();
    const xlsx = unzipEntries((await downloadByButton(popup, 'Xuất Excel (XLSX)')).bytes);
    places.xlsx = [...xlsx.values()].map((b) => b.toString('utf8')).join('\n');
    places.backup = (await downloadByButton(popup, 'Sao lưu')).text();

    // The scan is real: the planted strings are in what the page shows.
    expect(found(await page.content()).length).toBeGreaterThan(PLANTED.length / 2);
    expect(places.detailCsv).toContain('Gia hạn Giấy chứng nhận đăng ký hoạt động');
    expect(places.xlsx).toContain('77/GP-SKHCN');

    const hits = Object.fromEntries(Object.entries(places).map(([k, v]) => [k, found(v)]));
    const total = Object.values(hits).reduce((n, h) => n + h.length, 0);
    report('privacy scan', {
      'strings planted': ALL_PLANTED.length,
      'places scanned': Object.keys(places).join(', '),
      'strings found': total,
      ...Object.fromEntries(Object.entries(hits).filter(([, h]) => h.length > 0).map(([k, h]) => [k, h.join(' | ')])),
    });
    expect(hits).toEqual(Object.fromEntries(Object.keys(places).map((k) => [k, []])));
    await page.close();
    await popup.close();
  });
});
