/**
 * "Never let a page in": a hostile portal page is stored as plain, bounded, clean text;
 * nothing of it runs in the popup or in an exported CSV; and the extension itself makes
 * no network request while capturing and exporting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page, Request } from 'playwright-core';
import { DEMO_PAGES } from '../demo/routes';
import { DETAIL_COLUMNS, parseDetailCsv } from '../../utils/csv';
import { MAX_TEXT } from '../../utils/records';
import { openSession, type Session } from '../support/session';
import { readTable, waitFor } from '../support/store';
import { countStore, report, waitQuiet, watchPage } from '../support/faults';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');
const HOST = 'motcua.langson.gov.vn';
const QLKH = 'Phòng Quản lý khoa học';
const QLCN = 'Phòng Quản lý công nghệ và chuyên ngành';
const TDC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';
const C = (n: string) => `000.00.13.H37-${n}`;
const IMG = "<img src=x onerror=alert('xss')>Thủ tục cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ";
const SCRIPT = "<script>document.title='hacked'</script>";
/** Control, bidi and zero-width characters that must never reach the store. */
const UNCLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

let s: Session;
let store: Page;

/** Every request seen in the browser, with who made it. */
const requests: { url: string; by: string }[] = [];
function originOf(req: Request): string {
  const worker = req.serviceWorker();
  if (worker) return worker.url();
  try {
    return req.frame().url() || req.frame().page().url();
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: '/e2e/', dir: PAGES_DIR }] });
  s.browser.context.on('request', (req) => requests.push({ url: req.url(), by: originOf(req) }));
  store = await s.browser.openExtensionPage('manifest.json');
  await s.ext.close();
});
afterAll(async () => {
  await s?.close();
});

describe('hostile page', () => {
  it('stores exactly the 11 valid records as plain, clipped, clean NFC text', async () => {
    const page = await s.browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(s.url(HOST, '/e2e/hostile.html'));
    await waitFor(() => readTable(store, 'records'), (r) => r.length >= 11, 30_000);
    await waitQuiet(async () => (await readTable(store, 'records')).length, 2000, 30_000);
    const all = await readTable(store, 'records');
    const by = (code: string) => all.find((r) => r.code === C(code))!;
    const c = countStore(all);
    const h5 = by('230109-0905');
    const h6 = by('230110-0906');
    const h8 = by('230112-0908');
    report('hostile page', {
      expected: 11,
      stored: all.length,
      duplicates: c.duplicates,
      'h5 procedure length': String(h5?.procedure ?? '').length,
      'h6 unclean chars': (String(h6?.procedure ?? '').match(new RegExp(UNCLEAN, 'gu')) ?? []).length,
      'h7 receivedAt': String(by('230111-0907')?.receivedAt),
      'h8 NFC': String(h8?.procedure) === String(h8?.procedure).normalize('NFC'),
      dialogs: watch.dialogs.length,
      pageErrors: watch.errors.length,
    });
    expect(all).toHaveLength(11);
    expect(c.duplicates).toBe(0);
    expect(all.every((r) => r.kind === 'dossier')).toBe(true);

    expect(by('230103-0901')).toMatchObject({ procedure: IMG, department: QLKH, digitized: true, statusCode: 10 });
    expect(by('230104-0902')).toMatchObject({ procedure: SCRIPT, statusCode: 4, resolvedAt: null, digitized: null });
    expect(by('230105-0903')).toMatchObject({ procedure: '=HYPERLINK("http://x","bấm")', department: QLCN, digitized: false });
    expect(by('230106-0904')).toMatchObject({ procedure: '+SUM(1,2)', field: '@cmd', department: TDC, digitized: true });
    expect(h5).toMatchObject({ digitized: false });
    expect(String(h5.procedure)).toHaveLength(MAX_TEXT);
    expect(String(h5.procedure).startsWith('Thủ tục cấp Giấy chứng nhận doanh nghiệp')).toBe(true);
    expect(h6).toMatchObject({ statusCode: 4 });
    expect(String(h6.procedure)).not.toMatch(UNCLEAN);
    expect(String(h6.procedure)).toContain('Đăng ký kết quả');
    expect(by('230111-0907')).toMatchObject({ receivedAt: null, resolvedAt: '2023-03-15', digitized: true });
    expect(h8).toMatchObject({
      procedure: 'Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa sản xuất trong nước'.normalize('NFC'),
      statusCode: 10,
      department: TDC,
      digitized: true,
    });
    // Every text field of every record is NFC and free of control characters.
    for (const r of all) {
      for (const f of ['procedure', 'field', 'department', 'status', 'code'] as const) {
        const v = r[f];
        if (typeof v !== 'string') continue;
        expect(v, `${r.code} ${f}`).toBe(v.normalize('NFC'));
        expect(v, `${r.code} ${f}`).not.toMatch(UNCLEAN);
      }
    }
    expect(by('230113-0909')).toMatchObject({
      field: null,
      department: null,
      dept: '',
      receivedAt: null,
      dueAt: null,
      resolvedAt: null,
      status: null,
      statusCode: null,
      digitized: null,
    });
    expect(by('230116-0910')).toMatchObject({ department: QLCN, digitized: false });
    expect(String(by('230117-0912').procedure).startsWith('Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ')).toBe(true);
    // No applicant value is stored.
    const dump = JSON.stringify(all);
    for (const applicantText of ['Nguyễn Văn Mẫu', 'onmouseover', '<svg', 'Công ty TNHH Mẫu Thử', 'Lăng Thị Mẫu', 'Viện Mẫu', 'Phòng khám Mẫu', '-2+3'].map((x) => x.normalize('NFC'))) {
      expect(dump.includes(applicantText), `applicant text "${applicantText}" stored`).toBe(false);
    }
    expect(await page.title()).not.toBe('hacked');
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the popup shows payloads as text, runs none of them, and the detail CSV neutralises formulas and round-trips', async () => {
    // One more unassigned row whose procedure is markup, so the popup's "Chưa phân loại" list shows it.
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, '/e2e/hostile.html'));
    const payload = `<img src=x onerror=alert('popup')><script>alert(3)</script><b onmouseover=alert(4)>Thủ tục mẫu</b>`;
    await page.evaluate((text) => {
      const tr = document.createElement('tr');
      for (const t of ['15', '000.00.13.H37-230118-0915', text]) {
        const td = document.createElement('td');
        td.textContent = t;
        tr.append(td);
      }
      document.querySelector('#tbl-hostile tbody')!.append(tr);
    }, payload);
    const all = await waitFor(() => readTable(store, 'records'), (r) => r.length >= 12, 30_000);
    expect(all).toHaveLength(12);
    expect(all.find((r) => r.code === '000.00.13.H37-230118-0915')).toMatchObject({ procedure: payload, dept: '' });
    await page.close();

    const popup = await s.browser.openExtensionPage('popup.html');
    const watch = watchPage(popup);
    const item = popup.locator('[data-testid="unassigned-item"]').filter({ hasText: '000.00.13.H37-230118-0915' });
    await item.waitFor({ timeout: 30_000 });
    const shown = await item.innerText();
    expect(shown).toContain(payload);
    const injected = await popup.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
      handlers: document.querySelectorAll('[onmouseover], [onerror], [onload]').length,
      svgs: document.querySelectorAll('#root svg[onload]').length,
      inlineScripts: Array.from(document.scripts).filter((sc) => !sc.src).length,
      title: document.title,
    }));

    // "Xuất CSV chi tiết": the file is downloaded from the popup page itself.
    const [download] = await Promise.all([
      popup.waitForEvent('download', { timeout: 60_000 }),
      popup.getByRole('button', { name: 'Xuất CSV chi tiết', exact: true }).click(),
    ]);
    const file = await download.path();
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: true }).data;
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const rowOf = (code: string) => rows.find((r) => r[col('Mã hồ sơ')] === code)!;
    const h3 = rowOf(C('230105-0903'));
    const h4 = rowOf(C('230106-0904'));
    const formulaCells = rows.slice(1).flat().filter((v) => /^[=+\-@\t\r]/u.test(v));
    const roundTrip = parseDetailCsv(text);
    const back = new Map(roundTrip.records.map((r) => [r.key, r]));
    const stored = await readTable(store, 'records');
    const mismatched = stored.filter((r) => {
      const b = back.get(String(r.key)) as Record<string, unknown> | undefined;
      return !b || ['code', 'procedure', 'field', 'department', 'status', 'statusCode', 'digitized', 'receivedAt', 'resolvedAt'].some((f) => (b[f] ?? null) !== (r[f] ?? null));
    });
    report('hostile popup and CSV', {
      popupDialogs: watch.dialogs.length,
      popupErrors: watch.errors.length,
      injectedImgs: injected.imgs,
      inlineHandlers: injected.handlers,
      csvRows: rows.length - 1,
      bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
      'formula-leading cells': formulaCells.length,
      'h3 procedure cell': h3[col('Thủ tục')]!,
      'round-trip records': roundTrip.records.length,
      'round-trip errors': roundTrip.errors.length,
      mismatched: mismatched.length,
    });
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(injected).toMatchObject({ imgs: 0, handlers: 0, svgs: 0, inlineScripts: 0 });
    expect(injected.title).not.toBe('hacked');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(header).toEqual([...DETAIL_COLUMNS]);
    expect(rows).toHaveLength(1 + 12);
    expect(h3[col('Thủ tục')]).toBe(`'=HYPERLINK("http://x","bấm")`);
    expect(h4[col('Thủ tục')]).toBe(`'+SUM(1,2)`);
    expect(h4[col('Lĩnh vực')]).toBe(`'@cmd`);
    expect(formulaCells).toEqual([]);
    expect(rowOf(C('230103-0901'))[col('Thủ tục')]).toBe(IMG);
    expect(rowOf(C('230104-0902'))[col('Thủ tục')]).toBe(SCRIPT);
    expect(roundTrip.errors).toEqual([]);
    expect(roundTrip.records).toHaveLength(12);
    expect(mismatched.map((r) => r.code)).toEqual([]);
    await popup.close();
  });
});

describe('no network of its own', () => {
  it('capturing demo pages and exporting makes no request outside the extension', async () => {
    const before = requests.length;
    for (const demo of DEMO_PAGES.filter((p) => p.interaction === 'none' && p.expectedRecords > 0)) {
      const page = await s.browser.context.newPage();
      await page.goto(s.url(demo.host, demo.path));
      await page.waitForTimeout(1500);
      await page.close();
    }
    await waitQuiet(async () => (await readTable(store, 'records')).length, 2000, 30_000);
    const popup = await s.browser.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Xuất CSV chi tiết', exact: true }).waitFor();
    for (const name of ['Xuất CSV tổng hợp', 'Xuất CSV chi tiết']) {
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name, exact: true }).click()]);
      await download.path();
    }
    await popup.close();

    const seen = requests.slice(before);
    const ext = `chrome-extension://${s.browser.extensionId}/`;
    const byExtension = seen.filter((r) => r.by.startsWith(ext));
    const outside = byExtension.filter((r) => !/^(chrome-extension:|data:|blob:)/u.test(r.url));
    // Portal pages load only from their own server (the content script adds nothing).
    const portalHosts = new Set(DEMO_PAGES.map((p) => new URL(s.url(p.host, '/')).host));
    const fromPortal = seen.filter((r) => !r.by.startsWith(ext) && /^https?:/u.test(r.by));
    const portalOutside = fromPortal.filter((r) => /^https?:/u.test(r.url) && !portalHosts.has(new URL(r.url).host));

    // The recorder does see a request made by the worker (so an empty list means something).
    const worker = await s.browser.worker();
    await worker.evaluate(() => fetch('https://motcua.langson.gov.vn/kiem-tra-ghi-nhan').catch(() => undefined));
    const probe = await waitFor(async () => requests.filter((r) => r.url.endsWith('/kiem-tra-ghi-nhan')), (r) => r.length > 0, 10_000);

    report('no network', {
      requestsSeen: seen.length,
      byExtension: byExtension.length,
      'extension requests outside chrome-extension/data/blob': outside.length,
      'portal page requests to other hosts': portalOutside.length,
      'probe from worker recorded': probe.length > 0,
    });
    for (const r of outside) console.log(`[faults] extension request: ${r.url} (by ${r.by})`);
    expect(outside).toEqual([]);
    expect(portalOutside).toEqual([]);
    expect(probe[0]?.by.startsWith(ext)).toBe(true);
  });
});
