/**
 * What a user does on a portal page, performed through Playwright: page through
 * with "Trang sau", scroll a virtual list to its end, or follow hash-route links.
 * Interactions are described in words (as in the fixtures' `interaction` field).
 */
import type { Page } from 'playwright-core';

const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

export interface Interaction {
  kind: 'none' | 'paginate' | 'scroll' | 'hash';
  times: number;
  label: string;
}

/** "paginate: click the button with text Trang sau twice" → { paginate, 2, 'Trang sau' } */
export function parseInteraction(text: string | undefined): Interaction {
  const t = (text ?? 'none').trim();
  if (t === '' || t === 'none') return { kind: 'none', times: 0, label: '' };
  const kind = t.split(':')[0]!.trim().toLowerCase();
  const word = /\b(once|twice|thrice)\b/iu.exec(t)?.[1]?.toLowerCase();
  const num = /\b(\d+)\s*(?:times|lần)\b/iu.exec(t)?.[1];
  const times = word ? COUNT_WORDS[word]! : num ? Number(num) : kind === 'paginate' ? 99 : 1;
  const label = /text\s+["“]?(.+?)["”]?\s+(?:once|twice|thrice|\d+\s*times)?\s*$/iu.exec(t)?.[1]?.trim() ?? 'Trang sau';
  if (kind === 'paginate' || kind === 'scroll' || kind === 'hash') return { kind, times, label };
  return { kind: 'none', times: 0, label: '' };
}

async function rowsSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('tbody tr, [role="row"], mat-row, .ant-table-row');
    return `${rows.length}:${Array.from(rows, (r) => r.textContent ?? '').join('|').slice(0, 20000)}`;
  });
}

async function waitForChange(page: Page, before: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await rowsSignature(page)) !== before) return;
    await page.waitForTimeout(100);
  }
}

/** Give the content script's debounced scan time to read what is on screen. */
export async function settle(page: Page, ms = 900): Promise<void> {
  await page.waitForTimeout(ms);
}

export async function perform(page: Page, interaction: Interaction): Promise<void> {
  await settle(page);
  if (interaction.kind === 'paginate') {
    for (let i = 0; i < interaction.times; i++) {
      const button = page.getByRole('button', { name: interaction.label }).or(page.getByRole('link', { name: interaction.label })).first();
      if (!(await button.count()) || !(await button.isEnabled())) break;
      const before = await rowsSignature(page);
      await button.click();
      await waitForChange(page, before);
      await settle(page);
    }
  } else if (interaction.kind === 'scroll') {
    // Scroll every scrollable container (and the window) to its end in viewport-sized steps.
    for (let step = 0; step < 200; step++) {
      const moved = await page.evaluate(() => {
        let any = false;
        const boxes = [document.scrollingElement, ...Array.from(document.querySelectorAll('*'))].filter(
          (el): el is Element => !!el && el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).overflowY !== 'visible',
        );
        for (const el of boxes) {
          const before = el.scrollTop;
          el.scrollTop = before + Math.max(40, el.clientHeight * 0.8);
          if (el.scrollTop !== before) any = true;
        }
        return any;
      });
      await page.waitForTimeout(350);
      if (!moved) break;
    }
    await settle(page);
  } else if (interaction.kind === 'hash') {
    const links = await page.evaluate(() => Array.from(document.querySelectorAll('a[href^="#/"]'), (a) => a.getAttribute('href')!));
    for (const href of links) {
      const before = await rowsSignature(page);
      await page.evaluate((h) => (location.hash = h), href);
      await waitForChange(page, before, 3000);
      await settle(page);
    }
  }
}
