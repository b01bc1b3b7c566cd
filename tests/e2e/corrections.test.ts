/**
 * Manual corrections in the real popup, with the keyboard: find a result, set its
 * department and digitization by hand (the whole result: dossier and result record),
 * see the tally follow, undo; move an unknown department name to a known one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { readPopupTally } from '../support/popup';
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

const code = '000.00.13.H37-230620-0971';
const mine = async () => (await readTable(store, 'records')).filter((r) => String(r.code).startsWith('000.00.13.H37-23062'));

describe('corrections by hand in the popup', () => {
  it('corrects department and digitization of a result, keeps it marked manual, and undoes it', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(s.url(HOST, '/e2e/stale-before.html'));
    await waitFor(mine, (r) => r.length === 2, 20_000);
    await page.close();
    const popup = await s.browser.openExtensionPage('popup.html');

    // Unknown department "Phòng Pháp chế Sở" (read as shown) is offered for reassignment.
    const item = popup.getByTestId('unknown-dept-item').filter({ hasText: 'Phòng Pháp chế Sở' });
    await item.waitFor({ timeout: 20_000 });
    await item.getByRole('combobox').selectOption('Thanh tra Sở');
    await item.getByRole('button', { name: 'Chuyển “Phòng Pháp chế Sở” sang đơn vị đã chọn' }).click();
    await waitFor(mine, (r) => r.every((x) => x.department === 'Thanh tra Sở' && x.departmentFrom === 'manual'), 20_000);

    // Keyboard only: type the code, Enter searches; choose and save.
    const search = popup.getByLabel('Mã hồ sơ hoặc số ký hiệu');
    await search.focus();
    await popup.keyboard.type(code);
    await popup.keyboard.press('Enter');
    await popup.getByTestId('fix-found').waitFor();
    await popup.getByLabel('Đơn vị', { exact: true }).selectOption('Phòng Quản lý khoa học');
    await popup.getByLabel('Số hóa', { exact: true }).selectOption('no');
    await popup.getByRole('button', { name: 'Lưu sửa tay' }).focus();
    await popup.keyboard.press('Enter');
    const fixed = await waitFor(mine, (r) => r.find((x) => x.code === code)?.digitizedFrom === 'manual', 20_000);
    expect(fixed.find((x) => x.code === code)).toMatchObject({ department: 'Phòng Quản lý khoa học', departmentFrom: 'manual', digitized: false, digitizedFrom: 'manual' });
    const tally = await waitFor(() => readPopupTally(popup), (t) => t.some((d) => d.department === 'Phòng Quản lý khoa học' && d.pending >= 1), 20_000);
    expect(tally.find((d) => d.department === 'Phòng Quản lý khoa học')?.pending).toBeGreaterThanOrEqual(1);

    // A later reading of the portal does not override the clerk's values.
    const again = await s.browser.context.newPage();
    await again.goto(s.url(HOST, '/e2e/stale-before.html?page=2'));
    await again.waitForTimeout(2000);
    await again.close();
    expect((await mine()).find((x) => x.code === code)).toMatchObject({ department: 'Phòng Quản lý khoa học', digitized: false });

    await popup.getByRole('button', { name: 'Hoàn tác' }).click();
    const undone = await waitFor(mine, (r) => r.find((x) => x.code === code)?.digitizedFrom !== 'manual', 20_000);
    expect(undone.find((x) => x.code === code)).toMatchObject({ department: 'Thanh tra Sở', digitized: true });
    await popup.close();
  });
});
