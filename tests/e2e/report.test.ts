/**
 * The office's report in real Chromium: after capturing the demo portal (including its
 * page with an archive-sync column), the summary CSV has every year of the period for
 * every department and the sync columns at the end; report.html (opened by the popup's
 * "Báo cáo") shows the same figures in the Nghị định 30 layout, and its PDF holds the
 * table; consolidate.html sums three units' files and refuses another period.
 * Set KIEM_DEM_SHOTS=DIR to keep screenshots of the report and the consolidation view.
 */
import Papa from 'papaparse';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PAGES, DEMO_TOTAL_RECORDS } from '../demo/routes';
import { openSession, type Session } from '../support/session';
import { parseInteraction, perform } from '../support/interact';
import { waitForStoreQuiet } from '../support/popup';
import { readTable, waitFor } from '../support/store';
import { downloadByButton, type DownloadedFile } from '../support/downloads';

// The contract, written out here: the seven columns, then the two appended sync columns.
const SUMMARY_HEADER = ['Đơn vị', 'Năm', 'Tổng còn hiệu lực', 'Đã số hóa', 'Chưa số hóa', 'Chưa rõ', 'Tỷ lệ số hóa (%)', 'Đã đồng bộ kho', 'Chưa đồng bộ kho'];
const YEARS = ['2018', '2019', '2020', '2021', '2022', '2023'];
const TDC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';
const SHOTS = process.env.KIEM_DEM_SHOTS;

let s: Session;
let popup: Page;
let summary: string[][];
let summaryFile: DownloadedFile;

const csvRows = (f: DownloadedFile) => Papa.parse<string[]>(f.text().replace(/^\uFEFF/u, ''), { skipEmptyLines: true }).data;

/** The rows of a page's tally table as the CSV writes them (dept, year|Cộng, counts…, rate with a comma). */
async function tableAsCsv(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const cols = ['total', 'digitized', 'pending', 'unknown', 'rate', 'synced', 'unsynced'];
    const out: string[][] = [];
    for (const tr of Array.from(document.querySelectorAll('[data-testid="tally-table"] tr[data-row]'))) {
      const v = (c: string) => tr.querySelector(`[data-col="${c}"]`)?.getAttribute('data-value') ?? '';
      const row = tr.getAttribute('data-row');
      const first = row === 'grand' ? 'Tổng cộng' : tr.getAttribute('data-dept')!;
      const second = row === 'grand' ? '' : row === 'subtotal' ? 'Cộng' : tr.getAttribute('data-year')!;
      out.push([first, second, ...cols.map((c) => (c === 'rate' && v(c) !== '' ? (Math.round(Number(v(c)) * 10) / 10).toFixed(1).replace('.', ',') : v(c)))]);
    }
    return out;
  });
}

beforeAll(async () => {
  s = await openSession();
  for (const d of DEMO_PAGES.filter((p) => p.expectedRecords > 0)) {
    const page = await s.browser.context.newPage();
    await page.goto(s.url(d.host, d.path));
    await perform(page, parseInteraction(d.interaction));
    await page.close();
  }
  await waitFor(s.records, (r) => r.length >= DEMO_TOTAL_RECORDS, 60_000);
  await waitForStoreQuiet(s.ext);
  popup = await s.browser.openExtensionPage('popup.html');
  await popup.waitForSelector('[data-testid="tally-table"] tr[data-dept][data-year]');
  summaryFile = await downloadByButton(popup, 'Xuất CSV tổng hợp');
  summary = csvRows(summaryFile);
});
afterAll(async () => {
  await s?.close();
});

describe('summary with archive sync and zero years', () => {
  it('appends "Đã đồng bộ kho", "Chưa đồng bộ kho" after the unchanged columns', () => {
    expect(summary[0]).toEqual(SUMMARY_HEADER);
    expect(summary.every((r) => r.length === SUMMARY_HEADER.length)).toBe(true);
  });

  it('every year 2018–2023 for every department, with zeros (popup table and CSV alike)', async () => {
    const body = summary.slice(1);
    const departments = [...new Set(body.filter((r) => /^\d{4}$/u.test(r[1]!)).map((r) => r[0]!))];
    // The six departments of the default settings, plus what the pages gave ("Chưa phân loại" when any).
    expect(departments.length).toBeGreaterThanOrEqual(6);
    expect(departments).toContain('Thanh tra Sở');
    for (const d of departments) expect(body.filter((r) => r[0] === d && /^\d{4}$/u.test(r[1]!)).map((r) => r[1])).toEqual(YEARS);
    // A department no demo page names shows its years with zeros, and an empty rate.
    expect(body.filter((r) => r[0] === 'Thanh tra Sở')).toEqual([...YEARS.map((y) => ['Thanh tra Sở', y, '0', '0', '0', '0', '', '0', '0']), ['Thanh tra Sở', 'Cộng', '0', '0', '0', '0', '', '0', '0']]);
    expect(body.some((r) => r[0] !== 'Thanh tra Sở' && /^\d{4}$/u.test(r[1]!) && r[2] === '0')).toBe(true);
    expect(await tableAsCsv(popup)).toEqual(body);
  });

  it('the demo page with a sync column is tallied: Đã đồng bộ / Thành công vs Thất bại / Chưa đồng bộ, per year', () => {
    const row = (y: string) => summary.find((r) => r[0] === TDC && r[1] === y)!;
    // Only that page shows sync; its 8 results (2019–2022) give 4 synced, 3 not, 1 unknown.
    expect(YEARS.map((y) => row(y).slice(7))).toEqual([['0', '0'], ['1', '1'], ['1', '1'], ['1', '0'], ['1', '1'], ['0', '0']]);
    expect(summary.at(-1)!.slice(7)).toEqual(['4', '3']);
  });

  it('the popup\'s record import points a summary file to the consolidation and changes nothing', async () => {
    const before = (await s.records()).length;
    await popup.getByLabel('Nhập dữ liệu').setInputFiles({ name: summaryFile.name, mimeType: 'text/csv', buffer: summaryFile.bytes });
    const err = popup.getByTestId('import-status-error');
    await err.waitFor();
    expect(await err.innerText()).toContain('Gộp báo cáo các đơn vị');
    expect((await s.records()).length).toBe(before);
  });
});

describe('"Chưa rõ" worklist', () => {
  it('lists results of unknown digitization with the procedure and a link to the dossier\'s own page when one was seen', async () => {
    const list = popup.getByTestId('worklist-unknown');
    await expect.poll(() => list.locator('details').count()).toBeGreaterThan(0);
    const grandUnknown = Number(summary.at(-1)![5]);
    expect(grandUnknown).toBeGreaterThan(0);
    let items = 0;
    for (const d of await list.locator('details').all()) {
      const dept = (await d.getAttribute('data-dept'))!;
      const want = Number(summary.find((r) => r[0] === dept && r[1] === 'Cộng')![5]);
      await d.locator('summary').click();
      // Each department lists exactly its "Chưa rõ" count of the summary.
      await expect.poll(() => d.locator('[data-testid="worklist-item"]').count(), { timeout: 10_000 }).toBe(want);
      items += want;
    }
    expect(items).toBe(grandUnknown);
    // The sync page's result without digitization: its procedure shown, the list page as link.
    const tdc = list.locator('[data-testid="worklist-item"]', { hasText: '000.00.13.H37-210608-0905' });
    await expect.poll(() => tdc.locator('td.procedure').textContent()).toBe('Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu');
    expect(await tdc.getByRole('link').getAttribute('href')).toMatch(/\/kho-ket-qua\/dong-bo$/u);
    // The national portal's look-up page names its dossier: that is the dossier's own page.
    const own = list.locator('[data-testid="worklist-item"]', { hasText: '000.00.13.H37-220316-0018' });
    const link = own.getByRole('link', { name: /Mở trang của hồ sơ/u });
    expect(await link.getAttribute('href')).toContain('ma_ho_so=000.00.13.H37-220316-0018');
  });
});

describe('report.html', () => {
  let report: Page;
  beforeAll(async () => {
    const [page] = await Promise.all([s.browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Báo cáo', exact: true }).click()]);
    report = page;
    await report.waitForSelector('[data-testid="report"] [data-testid="tally-table"] tfoot');
  });

  it('is opened by "Báo cáo" as report.html and carries the document layout of Nghị định 30', async () => {
    expect(new URL(report.url()).pathname).toBe('/report.html');
    const text = (id: string) => report.getByTestId(id).innerText();
    expect(await text('report-governing')).toBe('UBND TỈNH LẠNG SƠN');
    expect(await text('report-issuing')).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(await report.getByTestId('report-title').textContent()).toBe('BÁO CÁO Kết quả rà soát, kiểm đếm số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực');
    const page = await report.locator('article').innerText();
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(await text('report-number')).toBe('Số: ......../BC-SKHCN');
    expect(await text('report-date')).toMatch(/^Lạng Sơn, ngày \d{2} tháng \d{1,2} năm \d{4}$/u);
    expect(await text('report-period')).toContain('từ ngày 01/01/2018 đến ngày 30/06/2023');
    expect(await text('report-period')).toContain('30/06/2023');
    expect(await text('report-recipients')).toContain('Nơi nhận:');
    expect(await text('report-signer')).toContain('GIÁM ĐỐC');
    expect(await text('report-notes')).toMatch(/“Chưa rõ”: \d+ kết quả/u);
    // Coverage: the lists the store knows, and by name each one below the portal's total.
    const lists = await readTable<{ label: string; statedTotal: number | null; captured: number }>(report, 'lists');
    const short = lists.filter((l) => l.statedTotal !== null && l.captured < l.statedTotal);
    expect(lists.length).toBeGreaterThan(0);
    console.log(`[report] coverage note: lists ${lists.length}, below their stated total ${short.length}`);
    const listNote = report.getByTestId('report-lists');
    expect(await listNote.getAttribute('data-lists')).toBe(String(lists.length));
    expect(await listNote.getAttribute('data-incomplete')).toBe(String(short.length));
    if (short.length > 0) {
      const named = await text('report-incomplete');
      for (const l of short) expect(named).toContain(`${l.label} (${l.captured}/${l.statedTotal})`);
    }
    expect(await report.getByRole('button', { name: 'In / Lưu PDF', exact: true }).isVisible()).toBe(true);
  });

  it('its figures equal the summary CSV, row by row, with the 80 % "Đạt" mark where the rate reaches it', async () => {
    expect(await tableAsCsv(report)).toEqual(summary.slice(1));
    const meets = await report.locator('[data-testid="tally-table"] [data-col="rate"]').evaluateAll((tds) =>
      tds.map((td) => [Number(td.getAttribute('data-value') || -1) >= 80, td.querySelector('[data-testid="meets"]') !== null]),
    );
    expect(meets.length).toBeGreaterThan(10);
    expect(meets.every(([reach, mark]) => reach === mark)).toBe(true);
    expect(meets.some(([reach]) => reach)).toBe(true);
  });

  it('prints to an A4 PDF that holds the table (portrait and landscape)', async () => {
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('.toolbar').isVisible()).toBe(false);
    expect(await report.getByTestId('tally-table').isVisible()).toBe(true);
    await report.emulateMedia({ media: 'screen' });
    const dir = mkdtempSync(join(tmpdir(), 'kiem-dem-pdf-'));
    try {
      for (const orientation of ['portrait', 'landscape'] as const) {
        await report.getByLabel('Hướng giấy').selectOption(orientation);
        const pdf = await report.pdf({ preferCSSPageSize: true, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(20_000);
        // The page box of the first page: A4 is 595 × 842 points.
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/u.exec(pdf.toString('latin1'));
        expect(box).not.toBeNull();
        const [w, h] = [Number(box![1]), Number(box![2])];
        expect(orientation === 'portrait' ? [Math.round(w), Math.round(h)] : [Math.round(h), Math.round(w)]).toEqual([595, 842]);
        const file = join(dir, `${orientation}.pdf`);
        writeFileSync(file, pdf);
        let text: string | null = null;
        try {
          text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        } catch {
          text = null; // no poppler-utils here: the bytes, the page box and the print DOM above are the check
        }
        if (text !== null) {
          const flat = text.replace(/\s+/gu, ' ');
          expect(flat).toContain('BÁO CÁO');
          expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
          expect(flat).toContain('Tổng cộng');
          expect(flat).toContain(TDC.split(' ')[0]!);
          // The grand total row's figures, in the CSV's order.
          const g = summary.at(-1)!;
          expect(flat).toMatch(new RegExp(`Tổng cộng ${g[2]} ${g[3]} ${g[4]} ${g[5]}`, 'u'));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await report.getByLabel('Hướng giấy').selectOption('portrait');
    if (SHOTS) await report.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
  });
});

describe('consolidate.html ("Gộp báo cáo các đơn vị")', () => {
  let cons: Page;
  // Two units' files written by hand in the contract's format (another clerk's exports).
  const unitCsv = (dept: string, counts: number[][]) =>
    '\uFEFF' +
    [
      SUMMARY_HEADER.join(','),
      ...YEARS.map((y, i) => [dept, y, ...counts[i]!.map(String)]).map(([d, y, t, dg, p, u, sy, un]) => `${d},${y},${t},${dg},${p},${u},,${sy},${un}`),
      `${dept},Cộng,${[0, 1, 2, 3].map((k) => counts.reduce((n, c) => n + c[k]!, 0)).join(',')},,${[4, 5].map((k) => counts.reduce((n, c) => n + c[k]!, 0)).join(',')}`,
      `Tổng cộng,,${[0, 1, 2, 3].map((k) => counts.reduce((n, c) => n + c[k]!, 0)).join(',')},,${[4, 5].map((k) => counts.reduce((n, c) => n + c[k]!, 0)).join(',')}`,
    ].join('\r\n');
  const vp = [[2, 1, 1, 0, 1, 0], [0, 0, 0, 0, 0, 0], [3, 3, 0, 0, 2, 1], [1, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0], [4, 2, 1, 1, 0, 0]];
  const tt = [[1, 1, 0, 0, 0, 0], [1, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [2, 2, 0, 0, 2, 0], [0, 0, 0, 0, 0, 0]];
  const name = (from: string, to: string) => `kiem-dem-tthc_tong-hop_${from}_${to}_2026-12-01.csv`;

  beforeAll(async () => {
    const xlsx = await downloadByButton(popup, 'Xuất Excel (XLSX)');
    const [page] = await Promise.all([s.browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Gộp báo cáo các đơn vị', exact: true }).click()]);
    cons = page;
    await cons.getByLabel('Chọn tệp của đơn vị').waitFor();
    await cons.getByLabel('Chọn tệp của đơn vị').setInputFiles([
      { name: xlsx.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx.bytes },
      { name: name('2018-01-01', '2023-06-30'), mimeType: 'text/csv', buffer: Buffer.from(unitCsv('Văn phòng Sở', vp)) },
      { name: name('2018-01-01', '2023-06-30').replace('2026-12-01', '2026-12-02'), mimeType: 'text/csv', buffer: Buffer.from(unitCsv('Thanh tra Sở', tt)) },
    ]);
    await waitFor(() => cons.getByTestId('cons-source').count(), (n) => n === 3);
  });

  it('lists each source with unit, period, reference date and import time', async () => {
    const rows = await cons.getByTestId('cons-source').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c as HTMLElement).innerText.trim())));
    expect(rows.map((r) => r[0]).sort()).toEqual(['Thanh tra Sở', 'Văn phòng Sở', expect.stringContaining(TDC)].sort());
    for (const r of rows) {
      expect(r[1]).toBe('01/01/2018 – 30/06/2023');
      expect(r[2]).toBe('30/06/2023');
      expect(r[4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/u);
    }
  });

  it('sums the three files department by department and year by year, and exports the sum', async () => {
    const want = new Map<string, number[]>();
    const addRow = (dept: string, year: string, v: number[]) => {
      const k = `${dept}|${year}`;
      want.set(k, (want.get(k) ?? [0, 0, 0, 0, 0, 0]).map((x, i) => x + v[i]!));
    };
    for (const r of summary.slice(1)) if (/^\d{4}$/u.test(r[1]!)) addRow(r[0]!, r[1]!, [2, 3, 4, 5, 7, 8].map((i) => Number(r[i])));
    for (const [i, y] of YEARS.entries()) {
      addRow('Văn phòng Sở', y, vp[i]!);
      addRow('Thanh tra Sở', y, tt[i]!);
    }
    const shown = await tableAsCsv(cons);
    for (const [k, v] of want) {
      const [dept, year] = k.split('|');
      expect(shown.find((r) => r[0] === dept && r[1] === year)?.filter((_, i) => [2, 3, 4, 5, 7, 8].includes(i)).map(Number), k).toEqual(v);
    }
    const grand = shown.at(-1)!;
    const total = [...want.values()].reduce((n, v) => n + v[0]!, 0);
    expect(grand[0]).toBe('Tổng cộng');
    expect(Number(grand[2])).toBe(total);
    expect(total).toBe(Number(summary.at(-1)![2]) + 10 + 4);

    const file = await downloadByButton(cons, 'Xuất CSV tổng hợp (gộp)');
    expect(file.name).toMatch(/_2018-01-01_2023-06-30_\d{4}-\d{2}-\d{2}\.csv$/u);
    const rows = csvRows(file);
    expect(rows[0]).toEqual(SUMMARY_HEADER);
    expect(rows.slice(1)).toEqual(shown);
    const x = await downloadByButton(cons, 'Xuất Excel (gộp)');
    expect(x.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses a file of another period with a clear message and keeps the sources', async () => {
    await cons.getByLabel('Chọn tệp của đơn vị').setInputFiles({ name: name('2019-01-01', '2023-06-30'), mimeType: 'text/csv', buffer: Buffer.from(unitCsv('Văn phòng Sở', vp)) });
    const err = cons.getByTestId('cons-status-error');
    await err.waitFor();
    expect(await err.innerText()).toMatch(/là kỳ 01\/01\/2019 – 30\/06\/2023, khác kỳ đang gộp 01\/01\/2018 – 30\/06\/2023\. Tệp không được gộp\./u);
    expect(await cons.getByTestId('cons-source').count()).toBe(3);
  });

  it('a newer file of the same unit and period replaces the older', async () => {
    const vp2 = vp.map((r, i) => (i === 0 ? [3, 2, 1, 0, 1, 0] : r));
    await cons.getByLabel('Chọn tệp của đơn vị').setInputFiles({ name: name('2018-01-01', '2023-06-30').replace('2026-12-01', '2026-12-05'), mimeType: 'text/csv', buffer: Buffer.from(unitCsv('Văn phòng Sở', vp2)) });
    await cons.getByTestId('cons-status').filter({ hasText: 'Đã thay tệp cũ của Văn phòng Sở' }).waitFor();
    expect(await cons.getByTestId('cons-source').count()).toBe(3);
    const shown = await tableAsCsv(cons);
    expect(shown.find((r) => r[0] === 'Văn phòng Sở' && r[1] === '2018')?.slice(2, 4)).toEqual(['3', '2']);
    if (SHOTS) await cons.screenshot({ path: join(SHOTS, 'consolidation.png'), fullPage: true });
  });

  it('"Báo cáo gộp" opens the report of the consolidated figures', async () => {
    const shown = await tableAsCsv(cons);
    const [page] = await Promise.all([s.browser.context.waitForEvent('page'), cons.getByRole('button', { name: 'Báo cáo gộp', exact: true }).click()]);
    await page.waitForSelector('[data-testid="report"][data-source="consolidated"] [data-testid="tally-table"] tfoot');
    expect(await tableAsCsv(page)).toEqual(shown);
    expect(await page.getByTestId('report-notes').innerText()).toContain('Số liệu gộp từ 3 tệp');
    await page.close();
  });
});

describe('the report header in options, and settings travelling in the backup', () => {
  const storedSettings = async () =>
    (await s.ext.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings)) as {
      report?: { unit: string; signerName: string };
      departments: { name: string }[];
    };

  it('the options page edits the header; the report shows it', async () => {
    const opt = await s.browser.openExtensionPage('options.html');
    await opt.getByLabel('Đơn vị báo cáo').fill('Phòng Quản lý khoa học');
    await opt.getByLabel('Họ tên người ký').fill('Nguyễn Văn Mẫu');
    expect(await opt.getByLabel('Cơ quan chủ quản').inputValue()).toBe('UBND TỈNH LẠNG SƠN');
    expect(await opt.getByLabel('Cơ quan ban hành').inputValue()).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    await opt.getByRole('button', { name: 'Lưu cài đặt', exact: true }).click();
    await opt.getByTestId('settings-status').filter({ hasText: 'Đã lưu cài đặt.' }).waitFor();
    await opt.close();
    const report = await s.browser.openExtensionPage('report.html');
    await report.getByTestId('report-unit').waitFor();
    expect(await report.getByTestId('report-unit').innerText()).toBe('PHÒNG QUẢN LÝ KHOA HỌC');
    expect(await report.getByTestId('report-signer').innerText()).toContain('Nguyễn Văn Mẫu');
    await report.close();
  });

  it('"Sao lưu" carries the settings; restoring asks, "Giữ" keeps the current ones, "Áp dụng" brings the file\'s back', async () => {
    const backup = await downloadByButton(popup, 'Sao lưu');
    const json = JSON.parse(backup.text()) as { version: number; settings: { report: { unit: string }; departments: unknown[] } };
    expect(json.version).toBe(2);
    expect(json.settings.report.unit).toBe('Phòng Quản lý khoa học');
    expect(json.settings.departments.length).toBe(6);

    const opt = await s.browser.openExtensionPage('options.html');
    await opt.getByRole('button', { name: 'Khôi phục mặc định', exact: true }).click();
    await opt.getByTestId('settings-status').filter({ hasText: 'Đã khôi phục' }).waitFor();
    await opt.close();
    expect((await storedSettings()).report?.unit).toBe('');

    const before = (await s.records()).length;
    const file = { name: backup.name, mimeType: 'application/json', buffer: backup.bytes };
    await popup.getByLabel('Nhập dữ liệu').setInputFiles(file);
    await popup.getByTestId('backup-settings').waitFor();
    expect(await popup.getByTestId('import-status').innerText()).toMatch(/không đổi/u);
    await popup.getByRole('button', { name: 'Giữ cài đặt hiện tại', exact: true }).click();
    await popup.getByTestId('backup-settings-status').filter({ hasText: 'Đã giữ cài đặt hiện tại.' }).waitFor();
    expect((await storedSettings()).report?.unit).toBe('');

    await popup.getByLabel('Nhập dữ liệu').setInputFiles(file);
    await popup.getByRole('button', { name: 'Áp dụng cài đặt trong tệp', exact: true }).click();
    await popup.getByTestId('backup-settings-status').filter({ hasText: 'Đã áp dụng cài đặt trong tệp sao lưu.' }).waitFor();
    expect((await storedSettings()).report).toMatchObject({ unit: 'Phòng Quản lý khoa học', signerName: 'Nguyễn Văn Mẫu' });
    // The records merged as before: nothing counted twice.
    expect((await s.records()).length).toBe(before);
  });
});
