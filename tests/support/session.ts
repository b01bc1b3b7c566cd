/** One demo server + one Chromium with the extension, shared by the tests of a file. */
import type { Page } from 'playwright-core';
import { hostResolverRules, startPortalServer, type PortalServer } from '../demo/server';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { readTable } from './store';

export interface Session {
  server: PortalServer;
  browser: ExtensionBrowser;
  /** An extension page kept open for reading the store. */
  ext: Page;
  url(host: string, path: string): string;
  records(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * `probePage`: the extension page `ext` shows once the popup has opened the store at its
 * schema. The default is the popup; a page of no queries of its own (`manifest.json`) lets a
 * measurement see the extension without an open popup re-reading the store at each write.
 */
export async function openSession(opts: { extraRoots?: { prefix: string; dir: string }[]; profileDir?: string; probePage?: string } = {}): Promise<Session> {
  const server = await startPortalServer({ extraRoots: opts.extraRoots });
  const browser = await launchWithExtension({ hostRules: hostResolverRules(server.port), profileDir: opts.profileDir });
  const ext = await browser.openExtensionPage('popup.html');
  if (opts.probePage) {
    await ext.locator('[data-testid="popup"]').waitFor();
    await ext.goto(`chrome-extension://${browser.extensionId}/${opts.probePage}`);
  }
  return {
    server,
    browser,
    ext,
    url: (host, path) => `${server.origin(host)}${path}`,
    records: () => readTable(ext, 'records'),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The toolbar badge text of the tab showing `page` (read in the service worker). */
export async function badgeFor(session: Session, page: Page): Promise<string> {
  const worker = await session.browser.worker();
  const url = page.url();
  return worker.evaluate(async (u) => {
    // Runs in the service worker, where `chrome` is the extension API.
    const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const tabs = await chrome.tabs.query({});
    // Without the "tabs" permission urls are hidden, so pick by elimination: the non-extension tab that is active.
    const candidates = tabs.filter((t) => !t.url || t.url === u);
    const tab = candidates.find((t) => t.active) ?? candidates[0];
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

interface ChromeLike {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; active: boolean }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}
