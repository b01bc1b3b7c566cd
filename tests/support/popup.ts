/** Reading what the popup shows, as a user would see it (its table), for tests and the demo. */
import type { Page } from 'playwright-core';
import { readTable } from './store';

export interface DeptCounts {
  department: string;
  total: number;
  digitized: number;
  pending: number;
  unknown: number;
}

/** Per-department sums of the popup's department × year rows. */
export async function readPopupTally(popup: Page): Promise<DeptCounts[]> {
  return popup.evaluate(() => {
    const out = new Map<string, { department: string; total: number; digitized: number; pending: number; unknown: number }>();
    const rows = document.querySelectorAll('[data-testid="tally-table"] tr[data-dept][data-year]');
    for (const row of Array.from(rows)) {
      const year = row.getAttribute('data-year') ?? '';
      if (!/^\d{4}$/u.test(year)) continue; // skip "Cộng"/"Tổng cộng" rows
      const dept = row.getAttribute('data-dept')!;
      const cur = out.get(dept) ?? { department: dept, total: 0, digitized: 0, pending: 0, unknown: 0 };
      for (const col of ['total', 'digitized', 'pending', 'unknown'] as const) {
        const text = row.querySelector(`[data-col="${col}"]`)?.textContent ?? '0';
        cur[col] += Number(text.replace(/[^\d]/gu, '')) || 0;
      }
      out.set(dept, cur);
    }
    return [...out.values()];
  });
}

/** Wait until the record count has stopped moving (all batches acked and committed). */
export async function waitForStoreQuiet(page: Page, quietMs = 1500, timeoutMs = 30_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const n = (await readTable(page, 'records')).length;
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return n;
    await page.waitForTimeout(250);
  }
  return last;
}
