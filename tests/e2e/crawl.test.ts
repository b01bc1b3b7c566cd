/**
 * "Đọc tất cả các trang" in real Chromium with the production build, on demo lists of
 * every pager kind (tests/demo/crawl.ts): numbered pager with "Sau" in place, icon-only
 * pager, full page loads (?page=N), ASP.NET postback, load-more, and 25 pages × 20 rows
 * by hash route. For each: every row stored, none missing, none doubled, the portal's
 * total read and coverage 100 %; no row action pressed. Then: Dừng midway, the worker
 * stopped during a walk, navigating away, and a disabled next control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CRAWL_LISTS, crawlActions, crawlRows, type CrawlList } from '../demo/crawl';
import { stopServiceWorkers } from '../support/browser';
import { coverage, listFor, setWalkOptions, startWalk, walkEnded } from '../support/crawl';
import { compareCodes, countStore, report } from '../support/faults';
import { openSession, type Session } from '../support/session';
import { waitFor } from '../support/store';

const HOST = 'motcua.langson.gov.vn';
let s: Session;
let popup: Page;

beforeAll(async () => {
  s = await openSession();
  popup = s.ext; // the popup opened as an ordinary tab
  await setWalkOptions(s.ext, { walkDelayMs: 100 });
});
afterAll(async () => {
  await s?.close();
});

const list = (slug: string) => CRAWL_LISTS.find((l) => l.slug === slug)!;
const codesOf = (l: CrawlList, n?: number) => crawlRows(l, n).map((r) => r.code);

async function open(path: string): Promise<Page> {
  const p = await s.browser.context.newPage();
  await p.goto(s.url(HOST, path));
  return p;
}

async function storedOf(l: CrawlList) {
  const want = new Set(codesOf(l));
  return (await s.records()).filter((r) => want.has(String(r.code)));
}

async function walkAll(l: CrawlList, path = `/crawl/${l.slug}`) {
  const page = await open(path);
  await popup.bringToFront();
  const item = await startWalk(popup, l.title);
  const end = await walkEnded(item);
  const stored = await waitFor(() => storedOf(l), (r) => r.length >= l.total, 15_000);
  const row = await listFor(s.ext, `${HOST}${path.split('?')[0]}`, (x) => x.captured >= l.total);
  return { page, end, stored, row };
}

describe('walk every page of a list', () => {
  for (const slug of ['so-trang', 'bieu-tuong', 'tai-trang', 'postback', 'xem-them', 'lon']) {
    it(`${slug}: every row stored once, total read, coverage 100 %`, async () => {
      const l = list(slug);
      const actionsBefore = crawlActions.count;
      const { page, end, stored, row } = await walkAll(l);
      const { missing, extra } = compareCodes(stored, codesOf(l));
      const counts = countStore(stored);
      const pages = Math.ceil(l.total / l.size);
      report(`walk ${slug}`, { kind: l.kind, pages: row?.pagesRead ?? 0, records: stored.length, stated: row?.statedTotal ?? 'none', coverage: `${coverage(row)} %`, end: end.text });
      expect(end.reason).toBe('done');
      expect(end.text).toBe(`Đã đọc hết ${pages} trang`);
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
      expect(counts.duplicates).toBe(0);
      expect(stored).toHaveLength(l.total);
      expect(row?.statedTotal).toBe(l.total);
      expect(row?.captured).toBe(l.total);
      expect(coverage(row)).toBe(100);
      // Row actions ("Xóa", "Trả kết quả") and "Lưu bộ lọc" were never pressed.
      expect(crawlActions.count).toBe(actionsBefore);
      const clientActions = await page.evaluate(() => (window as unknown as { __rowActions?: number }).__rowActions ?? 0);
      expect(clientActions).toBe(0);
      // The popup's coverage table shows the list complete, and the tally caption has no warning for it.
      const popupRow = popup.getByTestId('list-row').filter({ hasText: l.total === 500 ? '500/500' : `${l.total}/${l.total}` });
      await expect.poll(() => popupRow.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.close();
    });
  }
});

describe('walk a GET-form pager', () => {
  it('"Trang sau" submits a GET form (full page loads): every row stored, coverage 100 %', async () => {
    const l = list('tai-trang');
    const path = `/crawl/${l.slug}?pager=form&size=10`;
    const page = await open(path);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    const end = await walkEnded(item);
    const row = await listFor(s.ext, `${HOST}/crawl/tai-trang?pager=form`, (x) => x.captured >= l.total);
    report('walk GET form', { kind: 'form', pages: row?.pagesRead ?? 0, records: row?.captured ?? 0, stated: row?.statedTotal ?? 'none', coverage: `${coverage(row)} %`, end: end.text });
    expect(end.text).toBe('Đã đọc hết 5 trang');
    expect(row!.statedTotal).toBe(l.total);
    expect(coverage(row)).toBe(100);
    expect(compareCodes(await storedOf(l), codesOf(l)).missing).toEqual([]);
    await page.close();
  });
});

describe('walk a list inside an iframe', () => {
  it('the frame is listed under "Trang đang mở" and walked in place', async () => {
    const l = list('so-trang');
    const page = await open('/crawl/khung');
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    expect(await item.getAttribute('data-list')).toContain('dv=khung');
    const end = await walkEnded(item);
    const row = await listFor(s.ext, `${HOST}/crawl/so-trang?dv=khung`, (x) => x.captured >= l.total);
    report('walk iframe', { pages: row?.pagesRead ?? 0, records: row?.captured ?? 0, stated: row?.statedTotal ?? 'none', coverage: `${coverage(row)} %`, end: end.text });
    expect(end.text).toBe('Đã đọc hết 4 trang');
    expect(coverage(row)).toBe(100);
    await page.close();
  });
});

describe('walk a virtual grid', () => {
  it('scrolls the grid to its end: all 60 rows stored, the summary total read, coverage 100 %', async () => {
    const page = await open('/kho-ket-qua/so-hoa');
    await popup.bringToFront();
    const item = await startWalk(popup, 'Kho kết quả số hóa');
    const end = await walkEnded(item);
    const row = await listFor(s.ext, `${HOST}/kho-ket-qua/so-hoa`, (x) => x.captured >= 60);
    report('walk virtual grid', { kind: 'scroll', pages: row?.pagesRead ?? 0, records: row?.captured ?? 0, stated: row?.statedTotal ?? 'none', coverage: `${coverage(row)} %`, end: end.text });
    expect(end.reason).toBe('done');
    expect(row!.captured).toBe(60);
    expect(row!.statedTotal).toBe(60);
    const stored = (await s.records()).filter((r) => String(r.sourceUrl).includes('/kho-ket-qua/so-hoa'));
    expect(stored).toHaveLength(60);
    await page.close();
  });
});

describe('walk controls and stops', () => {
  it('Dừng midway keeps what was read and shows coverage below 100 %', async () => {
    const l = list('lon');
    await setWalkOptions(s.ext, { walkDelayMs: 600 });
    const page = await open(`/crawl/${l.slug}?size=10&dv=dung`);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    // A progress bar (value = records read, max = the stated total) and a "Trang N · a/b bản ghi" line while it runs.
    const bar = item.getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    expect(await bar.getAttribute('aria-valuemax')).toBe('500');
    expect(await item.getByTestId('walk-line').textContent()).toMatch(/^Trang \d+ · \d+\/500 bản ghi$/u);
    await item.getByRole('button', { name: 'Dừng', exact: true }).click();
    const end = await walkEnded(item);
    expect(end.text).toBe('Đã dừng');
    await expect.poll(() => item.getByRole('button', { name: 'Dừng', exact: true }).count()).toBe(0);
    const row = await listFor(s.ext, `${HOST}/crawl/lon?dv=dung`, (x) => x.captured >= 20);
    expect(row!.statedTotal).toBe(500);
    expect(coverage(row)).toBeLessThan(100);
    expect(coverage(row)).toBeGreaterThan(0);
    // What was read stays stored, and the tally says plainly that a list is not complete.
    expect((await storedOf(l)).length).toBeGreaterThanOrEqual(row!.captured);
    await expect.poll(() => popup.getByTestId('coverage-warning').textContent(), { timeout: 10_000 }).toBe('Có danh sách chưa đọc hết — số liệu có thể thiếu');
    report('walk stopped', { captured: row!.captured, stated: row!.statedTotal ?? 0, coverage: `${coverage(row)} %` });
    // The office report names the list and how far it was read.
    const reportPage = await s.browser.openExtensionPage('report.html');
    const named = reportPage.getByTestId('report-incomplete');
    await expect.poll(async () => ((await named.count()) > 0 ? await named.textContent() : ''), { timeout: 10_000 }).toContain(`${row!.label} (`);
    const read = Number(/\((\d+)\/500\)/u.exec((await named.textContent()) ?? '')?.[1]);
    expect(read).toBeGreaterThanOrEqual(row!.captured);
    expect(read).toBeLessThan(500);
    await reportPage.close();
    // "Đọc tiếp" is offered for the list while its tab is open.
    const cont = popup.getByTestId('list-row').filter({ hasText: row!.label.split(' · ')[0]! }).getByRole('button', { name: 'Đọc tiếp', exact: true });
    await expect.poll(() => cont.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
    await setWalkOptions(s.ext, { walkDelayMs: 100 });
  });

  it('the service worker stopped during a walk of full page loads does not stop it', async () => {
    const l = list('tai-trang');
    const page = await open(`/crawl/${l.slug}?size=5&dv=qlkh`);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    let stops = 0;
    const stopper = (async () => {
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 700));
        await stopServiceWorkers(s.browser.context).catch(() => undefined);
        stops++;
      }
    })();
    const end = await walkEnded(item, 120_000);
    await stopper;
    const row = await listFor(s.ext, `${HOST}/crawl/tai-trang?dv=qlkh`, (x) => x.captured >= l.total);
    report('walk worker stopped', { stops, pages: row?.pagesRead ?? 0, records: row?.captured ?? 0, end: end.text });
    expect(stops).toBeGreaterThan(0);
    expect(end.text).toBe(`Đã đọc hết ${Math.ceil(l.total / 5)} trang`);
    expect(row!.captured).toBe(l.total);
    expect(coverage(row)).toBe(100);
    await page.close();
  });

  it('navigating the tab elsewhere ends the walk', async () => {
    const l = list('lon');
    await setWalkOptions(s.ext, { walkDelayMs: 800 });
    const page = await open(`/crawl/${l.slug}?size=10&dv=nav`);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    await expect.poll(async () => Number(await item.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    await page.goto(s.url(HOST, '/bao-cao/tong-hop-linh-vuc'));
    // The tab no longer shows the list; the section still says why its walk ended.
    const line = popup.getByTestId('walk-orphan').filter({ hasText: 'Đã dừng: thẻ đã chuyển sang trang khác' });
    await expect.poll(() => line.count(), { timeout: 20_000 }).toBeGreaterThan(0).catch(async (e: unknown) => {
      console.log(await popup.getByTestId('open-tabs').innerHTML());
      throw e;
    });
    const states = await s.ext.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      return Object.values(await chrome.storage.session.get(null)) as { status?: string; reason?: string; listId?: string }[];
    });
    const mine = states.find((w) => w.listId?.includes('/crawl/lon') && w.reason === 'navigated');
    report('walk navigated away', { status: mine?.status ?? 'none', reason: mine?.reason ?? 'none' });
    expect(mine?.status).toBe('ended');
    await page.close();
    await setWalkOptions(s.ext, { walkDelayMs: 100 });
  });

  it('a disabled next control ends the walk at once', async () => {
    const l = list('so-trang');
    const page = await open(`/crawl/${l.slug}?size=50`);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    const end = await walkEnded(item);
    expect(end.reason).toBe('done');
    expect(end.text).toBe('Đã đọc hết 1 trang');
    const row = await listFor(s.ext, `${HOST}/crawl/so-trang`, (x) => x.captured >= l.total);
    expect(coverage(row)).toBe(100);
    await page.close();
  });

  it('option "Chọn cỡ trang lớn nhất trước khi đọc" (options page) picks the largest page size first', async () => {
    const l = list('so-trang');
    const options = await s.browser.openExtensionPage('options.html');
    const panel = options.getByTestId('walk-options');
    await panel.getByLabel('Chọn cỡ trang lớn nhất trước khi đọc').check();
    await panel.getByLabel('Thời gian chờ giữa hai trang (giây)').fill('0,1');
    await panel.getByRole('button', { name: 'Lưu tùy chọn đọc trang' }).click();
    await expect.poll(() => options.getByTestId('walk-options-status').textContent()).toBe('Đã lưu tùy chọn đọc trang.');
    await options.close();
    const page = await open(`/crawl/${l.slug}?dv=size`);
    await popup.bringToFront();
    const item = await startWalk(popup, l.title);
    const end = await walkEnded(item);
    expect(end.text).toBe('Đã đọc hết 1 trang');
    expect(await page.locator('#page-size').inputValue()).toBe('50');
    expect(await storedOf(l)).toHaveLength(l.total);
    await page.close();
    await setWalkOptions(s.ext, { walkLargestPageSize: false });
  });
});
