/**
 * When the rules fail, say so — in real Chromium with the production build: a table the
 * rules cannot read gives the amber "?" badge and the popup notice with its reason and
 * headers; the clerk maps the columns in the popup ("Ánh xạ cột"), the mapping lands in
 * the settings and the page's rows are captured; "Lưu mẫu trang" downloads a sample with
 * none of the page's personal data; the options page lists the mapping and removes it.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadByButton } from '../support/downloads';
import { badgeFor, openSession, type Session } from '../support/session';
import { waitFor } from '../support/store';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');
const HOST = 'motcua.langson.gov.vn';
const PATH = '/e2e/unread-table.html';
const CODES = ['000.00.13.H37-230912-0001', '000.00.13.H37-230913-0004', '000.00.13.H37-230915-0002'];
const PLANTED = [
  'Lường Thị Mến', 'Bế Văn Quảng', 'Hoàng Thị Dịu', '020188009876', '0912 345 678', '0912345678', '0203.876.543',
  'men.lt@example.vn', 'Bà Triệu', 'Khòn Pát', 'Yên Trạch', 'Khối 5',
];

let s: Session;
let page: Page;

async function tabIdOf(url: string): Promise<number> {
  const worker = await s.browser.worker();
  return worker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    const [tab] = await chrome.tabs.query({ url: u });
    return tab?.id ?? -1;
  }, url);
}

/** The badge of the portal tab itself (the popup tab may be the active one). */
async function badge(): Promise<string> {
  const tabId = await tabIdOf(page.url());
  const worker = await s.browser.worker();
  return worker.evaluate(async (id) => {
    const chrome = (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
    return chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

async function storedSettings(): Promise<Record<string, unknown> | undefined> {
  return s.ext.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
  });
}

beforeAll(async () => {
  s = await openSession({ extraRoots: [{ prefix: '/e2e/', dir: PAGES_DIR }] });
  page = await s.browser.context.newPage();
  await page.goto(s.url(HOST, PATH));
});
afterAll(async () => {
  await s?.close();
});

describe('a table the rules cannot read', () => {
  it('stores nothing, shows the amber "?" badge and the notice with reason and headers', async () => {
    expect(await waitFor(() => badgeFor(s, page), (b) => b === '?')).toBe('?');
    expect(await badge()).toBe('?');
    expect(await s.records()).toHaveLength(0);
    const tabId = await tabIdOf(page.url());
    const popup = await s.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const notice = popup.getByTestId('unread-notice');
    await expect.poll(() => notice.getByRole('heading', { name: 'Trang này có bảng nhưng chưa đọc được' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.getByTestId('unread-reason').textContent()).toContain('không thấy cột mã hồ sơ');
    const headers = await popup.getByTestId('unread-headers').locator('li').allTextContents();
    expect(headers).toEqual(['STT', 'Số phiếu', 'Tên thủ tục', 'Người nộp', 'Số điện thoại', 'Địa chỉ', 'Ngày nộp', 'Hẹn trả', 'Tình trạng', 'Ghi chú']);
    await popup.close();
  });

  it('"Lưu mẫu trang" downloads the tables with structure and headers kept and no planted personal string', async () => {
    const tabId = await tabIdOf(page.url());
    const popup = await s.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const file = await downloadByButton(popup, 'Lưu mẫu trang');
    const html = file.text();
    expect(file.name).toMatch(/^mau-trang-motcua\.langson\.gov\.vn-\d{4}-\d{2}-\d{2}\.html$/u);
    expect(html).toContain('class="tbl-phieu"');
    expect(html).toContain('<th>Số phiếu</th>');
    expect(html).toContain('000.00.13.H37-230912-0001');
    expect(html).toContain('Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ');
    for (const p of PLANTED) expect(html, p).not.toContain(p);
    expect(html).not.toMatch(/<script/iu);
    await popup.close();
  });

  it('the clerk maps the columns in the popup; personal columns cannot be mapped; the rows are captured', async () => {
    const tabId = await tabIdOf(page.url());
    const popup = await s.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Ánh xạ cột' }).click();
    const form = popup.getByTestId('column-mapping-form');
    // Without a key column the form refuses to save.
    await form.getByRole('button', { name: 'Lưu ánh xạ' }).click();
    await expect.poll(() => popup.getByTestId('column-mapping-status-error').textContent()).toContain('Mã hồ sơ');
    expect(await storedSettings()).toBeUndefined();
    expect(await form.getByLabel('Cột “Người nộp”').isDisabled()).toBe(true);
    expect(await form.getByLabel('Cột “Số điện thoại”').isDisabled()).toBe(true);
    expect(await form.getByLabel('Cột “Địa chỉ”').isDisabled()).toBe(true);
    // The rules' reading is offered; the clerk names the key column.
    expect(await form.getByLabel('Cột “Ngày nộp”').inputValue()).toBe('receivedAt');
    await form.getByLabel('Cột “Số phiếu”').selectOption({ label: 'Mã hồ sơ' });
    await form.getByRole('button', { name: 'Lưu ánh xạ' }).click();

    const stored = await waitFor(s.records, (r) => r.length >= 3);
    expect(stored.map((r) => r.code).sort()).toEqual([...CODES].sort());
    const first = stored.find((r) => r.code === CODES[0]);
    expect(first).toMatchObject({ kind: 'dossier', receivedAt: '2023-09-12', dueAt: '2023-09-26', status: 'Đang xử lý', department: 'Phòng Quản lý khoa học' });
    const dump = JSON.stringify(stored);
    for (const p of PLANTED) expect(dump).not.toContain(p);

    const settings = await storedSettings();
    const mappings = settings?.columnMappings as { host: string; fields: string[] }[];
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ host: HOST });
    expect(mappings[0]?.fields).toEqual(['skip', 'code', 'procedure', 'skip', 'skip', 'skip', 'receivedAt', 'dueAt', 'status', 'skip']);
    // The notice is gone and the badge counts the rows.
    expect(await waitFor(badge, (b) => b === '3')).toBe('3');
    await expect.poll(() => popup.getByRole('heading', { name: 'Trang này có bảng nhưng chưa đọc được' }).count(), { timeout: 15_000 }).toBe(0);
    await popup.close();
  });

  it('a reload reads the page with the saved mapping; the options page lists it and removes it', async () => {
    await page.reload();
    expect(await waitFor(badge, (b) => b === '3')).toBe('3');
    const options = await s.browser.openExtensionPage('options.html');
    const list = options.getByTestId('column-mappings');
    await expect.poll(() => list.getByTestId('column-mapping-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await list.getByTestId('column-mapping-row').textContent()).toContain('Số phiếu → Mã hồ sơ');
    await list.getByRole('button', { name: `Xóa ánh xạ cột của ${HOST} (1)` }).click();
    await expect.poll(async () => ((await storedSettings())?.columnMappings as unknown[] | undefined)?.length ?? 0).toBe(0);
    await options.close();
    // Without the mapping the page is unread again: the records stay, the notice comes back.
    await page.reload();
    expect(await waitFor(badge, (b) => b === '?')).toBe('?');
    expect(await s.records()).toHaveLength(3);
  });
});
