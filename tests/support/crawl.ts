/**
 * Driving "Đọc tất cả các trang" as a user does, from the popup opened as a tab, and
 * reading what it left: the walk's end line in the popup, the `lists` coverage rows and
 * the records in the real store.
 */
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { readTable, waitFor } from './store';

/** Saves walk options through extension storage, as the options page does. */
export async function setWalkOptions(ext: Page, opts: Partial<Pick<Settings, 'walkDelayMs' | 'walkPageLimit' | 'walkLargestPageSize'>>): Promise<void> {
  await ext.evaluate(
    async ({ defaults, opts }) => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
      const cur = ((await chrome.storage.local.get('settings')).settings as object | undefined) ?? defaults;
      await chrome.storage.local.set({ settings: { ...cur, ...opts } });
    },
    { defaults: DEFAULT_SETTINGS, opts },
  );
}

/** The popup's "Trang đang mở" item for the tab whose page title contains `title`. */
export function openTabItem(popup: Page, title: string): Locator {
  return popup.getByTestId('open-tab').filter({ hasText: title });
}

export async function startWalk(popup: Page, title: string): Promise<Locator> {
  const item = openTabItem(popup, title);
  await item.getByRole('button', { name: 'Đọc tất cả các trang', exact: true }).click({ timeout: 30_000 });
  return item;
}

/** Waits until the walk of `item` ended; returns the end line and its reason. */
export async function walkEnded(item: Locator, timeoutMs = 90_000): Promise<{ text: string; reason: string }> {
  const ended = item.getByTestId('walk-ended');
  await ended.waitFor({ timeout: timeoutMs });
  return { text: (await ended.textContent()) ?? '', reason: (await ended.getAttribute('data-reason')) ?? '' };
}

export interface ListRowSeen {
  id: string;
  label: string;
  statedTotal: number | null;
  captured: number;
  pagesRead: number;
}

export async function listRows(ext: Page): Promise<ListRowSeen[]> {
  return readTable<ListRowSeen>(ext, 'lists');
}

/** The list whose id starts with host+path (the list of one demo page). */
export async function listFor(ext: Page, hostPath: string, check: (l: ListRowSeen) => boolean = () => true): Promise<ListRowSeen | undefined> {
  return waitFor(
    async () => (await listRows(ext)).find((l) => l.id.startsWith(hostPath)),
    (l) => !!l && check(l),
    20_000,
  );
}

export function coverage(l: ListRowSeen | undefined): number | null {
  if (!l || l.statedTotal === null) return null;
  return l.statedTotal === 0 ? 100 : Math.floor((l.captured / l.statedTotal) * 1000) / 10;
}
