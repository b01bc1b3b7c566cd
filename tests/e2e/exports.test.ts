/**
 * Exports from the real popup after capturing the demo pages: the summary and
 * detail CSVs (DESIGN.md "CSV contract"), the Excel file, and the period form
 * changing what the table shows.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { DEMO_PAGES, DEMO_TOTAL_RECORDS, E2E_PAGES, E2E_PREFIX } from '../demo/routes';
import { openSession, type Session } from '../support/session';
import { parseInteraction, perform } from '../support/interact';
import { waitForStoreQuiet } from '../support/popup';
import { waitFor } from '../support/store';
import { downloadByButton, onlyCrlf, UTF8_BOM } from '../support/downloads';
import type { StoredRecord } from '../../utils/records';

// The contract's headers, written out here (not imported from the product).
// New columns are appended at the end, never inserted (archive sync).
const SUMMARY_HEADER = ['Đơn vị', 'Năm', 'Tổng còn hiệu lực', 'Đã số hóa', 'Chưa số hóa', 'Chưa rõ', 'Tỷ lệ số hóa (%)', 'Đã đồng bộ kho', 'Chưa đồng bộ kho'];
const DETAIL_HEADER = [
  'Loại', 'Mã hồ sơ', 'Số ký hiệu', 'Thủ tục', 'Lĩnh vực', 'Đơn vị', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả',
  'Ngày ban hành', 'Hiệu lực đến', 'Vĩnh viễn', 'Trạng thái', 'Mã trạng thái', 'Số hóa', 'Nguồn', 'Thu thập lúc', 'Đồng bộ kho',
];

type Stored = StoredRecord;

/** A row of the popup's table as shown: department, year ("Cộng" rows = 'total'), counts and rate. */
interface ShownRow {
  dept: string;
  year: string;
  total: number;
  digitized: number;
  pending: number;
  unknown: number;
  rate: string;
  synced: number;
  unsynced: number;
}

const HOSTILE = E2E_PAGES.find((p) => p.file === 'hostile.html')!.expectedRecords;
let s: Session;
let popup: Page;

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: E2E_PREFIX, dir: resolve(import.meta.dirname, 'pages') }] });
  for (const d of DEMO_PAGES.filter((p) => p.expectedRecords > 0)) {
    const page = await s.browser.context.newPage();
    await page.goto(s.url(d.host, d.path));
    await perform(page, parseInteraction(d.interaction));
    await page.close();
  }
  // Plus the hostile page: formula-leading cells, markup as text, NFD text, a 100,000-character cell.
  const hostile = await s.browser.context.newPage();
  await hostile.goto(s.url('motcua.langson.gov.vn', `${E2E_PREFIX}hostile.html`));
  await waitFor(s.records, (r) => r.length >= DEMO_TOTAL_RECORDS + HOSTILE, 60_000);
  await hostile.close();
  await waitForStoreQuiet(s.ext);
  popup = await s.browser.openExtensionPage('popup.html');
  await popup.waitForSelector('[data-testid="tally-table"] tr[data-dept][data-year]');
});
afterAll(async () => {
  await s?.close();
});

async function shownRows(page: Page): Promise<{ rows: ShownRow[]; grand: ShownRow }> {
  return page.evaluate(() => {
    const read = (tr: Element, dept: string, year: string) => {
      const v = (col: string) => tr.querySelector(`[data-col="${col}"]`)?.getAttribute('data-value') ?? '';
      return { dept, year, total: Number(v('total')), digitized: Number(v('digitized')), pending: Number(v('pending')), unknown: Number(v('unknown')), rate: v('rate'), synced: Number(v('synced')), unsynced: Number(v('unsynced')) };
    };
    const rows = Array.from(document.querySelectorAll('[data-testid="tally-table"] tr[data-dept][data-year]'), (tr) =>
      read(tr, tr.getAttribute('data-dept')!, tr.getAttribute('data-year')!),
    );
    return { rows, grand: read(document.querySelector('[data-testid="tally-grand"]')!, 'Tổng cộng', '') };
  });
}

/** "80,0" (CSV) and "80.00" (table data-value) are the same rate to one decimal. */
const csvRate = (tableRate: string) => (tableRate === '' ? '' : (Math.round(Number(tableRate) * 10) / 10).toFixed(1).replace('.', ','));
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

describe('exports from the popup', () => {
  it('"Xuất CSV tổng hợp": BOM, CRLF, the contract header, the rows the popup shows, then "Tổng cộng"', async () => {
    const { rows, grand } = await shownRows(popup);
    expect(rows.length).toBeGreaterThan(3);
    const file = await downloadByButton(popup, 'Xuất CSV tổng hợp');
    expect(file.name).toMatch(/\.csv$/u);
    expect(file.bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
    const text = file.text().slice(1);
    expect(onlyCrlf(text)).toBe(true);

    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual(SUMMARY_HEADER);
    // Raw header line is byte-exact too (no quoting, NFC).
    expect(text.split('\r\n')[0]).toBe(SUMMARY_HEADER.join(','));

    // Same rows, same order as the popup: years per department, its "Cộng", then "Tổng cộng".
    const expected = [
      ...rows.map((r) => [r.dept, r.year === 'total' ? 'Cộng' : r.year, String(r.total), String(r.digitized), String(r.pending), String(r.unknown), csvRate(r.rate), String(r.synced), String(r.unsynced)]),
      ['Tổng cộng', '', String(grand.total), String(grand.digitized), String(grand.pending), String(grand.unknown), csvRate(grand.rate), String(grand.synced), String(grand.unsynced)],
    ];
    expect(body).toEqual(expected);
    expect(body.at(-1)![0]).toBe('Tổng cộng');
    // Each department's "Cộng" is the sum of its years.
    for (const dept of new Set(rows.map((r) => r.dept))) {
      const years = body.filter((r) => r[0] === dept && /^\d{4}$/u.test(r[1]!));
      const sub = body.find((r) => r[0] === dept && r[1] === 'Cộng')!;
      for (const col of [2, 3, 4, 5]) expect(years.reduce((n, r) => n + Number(r[col]), 0)).toBe(Number(sub[col]));
    }
    await expect.poll(() => popup.getByTestId('export-status').textContent(), { timeout: 10_000 }).toContain(file.name);
  });

  it('"Xuất CSV chi tiết": one line per stored record, round-trips through papaparse to the stored values', async () => {
    const stored = (await s.records()) as unknown as Stored[];
    expect(stored).toHaveLength(DEMO_TOTAL_RECORDS + HOSTILE);
    // The file is built off the popup's thread, in the detail export's worker.
    const workers: string[] = [];
    const onWorker = (w: { url(): string }) => workers.push(w.url());
    popup.on('worker', onWorker);
    const file = await downloadByButton(popup, 'Xuất CSV chi tiết');
    popup.off('worker', onWorker);
    expect(workers).toEqual([`chrome-extension://${s.browser.extensionId}/detail-export.js`]);
    expect(file.bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
    const text = file.text().slice(1);
    expect(onlyCrlf(text)).toBe(true);
    expect(text.split('\r\n')[0]).toBe(DETAIL_HEADER.join(','));

    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(DETAIL_HEADER);
    expect(parsed.data).toHaveLength(stored.length);

    const byId = new Map(parsed.data.map((row) => [`${row.Loại}|${row['Mã hồ sơ']}|${row['Số ký hiệu']}`, row]));
    expect(byId.size).toBe(stored.length);
    // A cell Excel would run as a formula carries a leading apostrophe; undo it to compare.
    const cell = (v: string | undefined, want: string) => (v?.startsWith("'") && !want.startsWith("'") ? v.slice(1) : v);
    const kinds = { dossier: 0, result: 0 };
    for (const r of stored) {
      const label = r.kind === 'dossier' ? 'Hồ sơ' : 'Kết quả';
      kinds[r.kind]++;
      const row = byId.get(`${label}|${r.code ?? ''}|${r.resultNumber ?? ''}`);
      expect(row, `record ${r.key} in the detail CSV`).toBeDefined();
      const want: Record<string, string> = {
        'Loại': label,
        'Mã hồ sơ': r.code ?? '',
        'Số ký hiệu': r.resultNumber ?? '',
        'Thủ tục': (r.procedure ?? '').normalize('NFC'),
        'Lĩnh vực': (r.field ?? '').normalize('NFC'),
        'Đơn vị': r.department ?? 'Chưa phân loại',
        'Ngày tiếp nhận': vnDate(r.receivedAt),
        'Ngày hẹn trả': vnDate(r.dueAt),
        'Ngày có kết quả': vnDate(r.resolvedAt),
        'Ngày ban hành': vnDate(r.issuedAt),
        'Hiệu lực đến': vnDate(r.validUntil),
        'Vĩnh viễn': r.permanent === true ? 'Có' : '',
        'Trạng thái': r.status ?? '',
        'Mã trạng thái': r.statusCode === null ? '' : String(r.statusCode),
        'Số hóa': r.digitized === true ? 'Đã số hóa' : r.digitized === false ? 'Chưa số hóa' : 'Chưa rõ',
        'Nguồn': r.sourceUrl,
        'Đồng bộ kho': r.synced === true ? 'Đã đồng bộ' : r.synced === false ? 'Chưa đồng bộ' : 'Chưa rõ',
      };
      for (const [col, v] of Object.entries(want)) expect(cell(row![col], v), `${r.key} ${col}`).toBe(v);
      // Thu thập lúc: dd/MM/yyyy HH:mm in Vietnam time of lastSeen.
      const t = new Date(r.lastSeen + 7 * 3600_000);
      const p = (n: number) => String(n).padStart(2, '0');
      expect(row!['Thu thập lúc']).toBe(`${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`);
    }
    // Every date cell of the file is empty or dd/MM/yyyy; Số hóa uses exactly the three words.
    for (const row of parsed.data) {
      for (const col of ['Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả', 'Ngày ban hành', 'Hiệu lực đến']) expect(row[col]).toMatch(/^(|\d{2}\/\d{2}\/\d{4})$/u);
      expect(['Đã số hóa', 'Chưa số hóa', 'Chưa rõ']).toContain(row['Số hóa']);
      expect(['Có', '']).toContain(row['Vĩnh viễn']);
      expect(['Đã đồng bộ', 'Chưa đồng bộ', 'Chưa rõ']).toContain(row['Đồng bộ kho']);
    }
    // Formula-leading text is neutralised in the file (leading apostrophe), and only there.
    const formula = parsed.data.find((r) => r['Mã hồ sơ'] === '000.00.13.H37-230105-0903')!;
    expect(formula['Thủ tục']).toMatch(/^'=HYPERLINK\(/u);
    const plus = parsed.data.find((r) => r['Mã hồ sơ'] === '000.00.13.H37-230106-0904')!;
    expect([plus['Thủ tục']!.slice(0, 2), plus['Lĩnh vực']]).toEqual(["'+", "'@cmd"]);
    expect(parsed.data.filter((r) => Object.values(r).some((v) => /^[=+\-@\t\r]/u.test(v)))).toEqual([]);
    expect(kinds.dossier).toBeGreaterThan(0);
    expect(kinds.result).toBeGreaterThan(0);
    expect(new Set(parsed.data.map((r) => r['Số hóa']))).toEqual(new Set(['Đã số hóa', 'Chưa số hóa', 'Chưa rõ']));
  });

  it('"Xuất Excel (XLSX)": a non-empty .xlsx (a zip with workbook sheets)', async () => {
    const file = await downloadByButton(popup, 'Xuất Excel (XLSX)');
    expect(file.name).toMatch(/\.xlsx$/u);
    expect(file.bytes.length).toBeGreaterThan(1000);
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Zip entry names are stored uncompressed in the local and central headers.
    const names = file.bytes.toString('latin1');
    expect(names).toContain('xl/workbook.xml');
    expect(names).toMatch(/xl\/worksheets\/sheet\d\.xml/u);
  });

  it('the period form changes the table: a later "Từ ngày" removes earlier years, the summary follows', async () => {
    const before = await shownRows(popup);
    const yearsBefore = new Set(before.rows.filter((r) => r.year !== 'total').map((r) => Number(r.year)));
    expect([...yearsBefore].some((y) => y < 2021)).toBe(true);

    await popup.getByLabel('Từ ngày').fill('2021-01-01');
    const after = await waitFor(
      () => shownRows(popup),
      (v) => v.rows.length > 0 && v.rows.every((r) => r.year === 'total' || Number(r.year) >= 2021),
    );
    const yearsAfter = new Set(after.rows.filter((r) => r.year !== 'total').map((r) => Number(r.year)));
    expect([...yearsAfter].every((y) => y >= 2021)).toBe(true);
    expect(yearsAfter.size).toBeGreaterThan(0);
    // Rows of the years still in the period are unchanged; the grand total drops by the removed years.
    for (const r of after.rows.filter((x) => x.year !== 'total')) {
      expect(before.rows.find((b) => b.dept === r.dept && b.year === r.year)).toEqual(r);
    }
    const removed = before.rows.filter((r) => r.year !== 'total' && Number(r.year) < 2021).reduce((n, r) => n + r.total, 0);
    expect(removed).toBeGreaterThan(0);
    expect(after.grand.total).toBe(before.grand.total - removed);
    expect(await popup.getByTestId('tally-table').locator('caption').textContent()).toContain('01/01/2021');

    // An earlier "Đến ngày" cuts the later years too.
    await popup.getByLabel('Đến ngày').fill('2021-12-31');
    const one = await waitFor(() => shownRows(popup), (v) => v.rows.every((r) => r.year === 'total' || r.year === '2021'));
    expect(one.rows.filter((r) => r.year !== 'total').every((r) => r.year === '2021')).toBe(true);

    const file = await downloadByButton(popup, 'Xuất CSV tổng hợp');
    expect(file.name).toContain('2021-01-01_2021-12-31');
    const body = Papa.parse<string[]>(file.text().slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(body.filter((r) => /^\d{4}$/u.test(r[1]!)).every((r) => r[1] === '2021')).toBe(true);
    expect(body.at(-1)!.slice(0, 3)).toEqual(['Tổng cộng', '', String(one.grand.total)]);

    // The period is kept for the next popup opening, and "Mặc định" brings the preset back.
    const again = await s.browser.openExtensionPage('popup.html');
    await again.waitForSelector('[data-testid="tally-table"] caption');
    expect(await again.getByLabel('Từ ngày').inputValue()).toBe('2021-01-01');
    await again.getByTestId('period-reset').click();
    await waitFor(() => shownRows(again), (v) => v.grand.total === before.grand.total);
    expect((await shownRows(again)).rows).toEqual(before.rows);
    await again.close();
  });
});
