/**
 * Helpers for the fault suite: stopping the service worker on a schedule, reading the
 * codes a page shows, counting duplicates in the real store, watching a page for
 * uncaught errors and long tasks, and printing measured figures in one stable format.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** `[faults] name: k v, k v` — one line per scenario, so figures are easy to grep. */
export function report(name: string, figures: Record<string, string | number | boolean>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k} ${v}`);
  console.log(`[faults] ${name}: ${parts.join(', ')}`);
}

/** The folded identity of a dossier code as a comparison key (trim, collapse spaces, lower case). */
export function codeKey(code: unknown): string {
  return String(code ?? '')
    .normalize('NFC')
    .replace(/\s+/gu, '')
    .toLowerCase();
}

export interface StoreCount {
  /** Rows in the records table. */
  stored: number;
  /** Distinct primary keys (must equal `stored`: IndexedDB guarantees it, checked anyway). */
  uniqueKeys: number;
  /** Rows whose dossier code (or code + result number) appears more than once. */
  duplicates: number;
}

/** Counts of a set of stored records, with duplicates judged by the visible identity, not the key. */
export function countStore(records: Record<string, unknown>[]): StoreCount {
  const keys = new Set(records.map((r) => String(r.key)));
  const seen = new Map<string, number>();
  for (const r of records) {
    const id = `${r.kind}|${codeKey(r.code)}|${codeKey(r.resultNumber)}`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const n of seen.values()) if (n > 1) duplicates += n - 1;
  return { stored: records.length, uniqueKeys: keys.size, duplicates };
}

/** Codes in `expected` that no stored record carries, and stored records whose code is not expected. */
export function compareCodes(records: Record<string, unknown>[], expected: Iterable<string>): { missing: string[]; extra: string[] } {
  const want = new Set([...expected].map(codeKey));
  const have = new Set(records.map((r) => codeKey(r.code)));
  return { missing: [...want].filter((c) => !have.has(c)), extra: [...have].filter((c) => !want.has(c)) };
}

/** Dossier codes shown in the `Mã hồ sơ` cells of the bench page (mat-column-code). */
export async function benchPageCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('td.mat-column-code'), (td) => (td.textContent ?? '').trim()));
}

/**
 * Stops the extension's service worker through one CDP session kept open on its own
 * blank page (a page of the portal would be disturbed by the debugger session).
 */
export class WorkerStopper {
  private cdp: CDPSession | null = null;
  private page: Page | null = null;
  stops = 0;

  constructor(private readonly context: BrowserContext) {}

  private async session(): Promise<CDPSession> {
    if (this.cdp) return this.cdp;
    this.page = await this.context.newPage();
    this.cdp = await this.context.newCDPSession(this.page);
    await this.cdp.send('ServiceWorker.enable');
    return this.cdp;
  }

  async stopOnce(): Promise<void> {
    const cdp = await this.session();
    await cdp.send('ServiceWorker.stopAllWorkers');
    this.stops += 1;
  }

  /** Stop every `everyMs` until `until()` is true or `maxMs` passed. Returns the number of stops. */
  async stopRepeatedly(opts: { everyMs: number; maxMs: number; until?: () => Promise<boolean> | boolean }): Promise<number> {
    const end = Date.now() + opts.maxMs;
    let n = 0;
    while (Date.now() < end) {
      await this.stopOnce();
      n += 1;
      await new Promise((r) => setTimeout(r, opts.everyMs));
      if (opts.until && (await opts.until())) break;
    }
    return n;
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    await this.page?.close().catch(() => undefined);
    this.cdp = null;
    this.page = null;
  }
}

/** Collects uncaught errors and dialogs of a page from the moment it is watched. */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const out = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => out.errors.push(String(e?.message ?? e)));
  page.on('dialog', (d) => {
    out.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return out;
}

/**
 * Installed with `page.addInitScript` before navigation: records every long task
 * (PerformanceObserver 'longtask', buffered) with its start time, and the `load` time.
 */
export const LONG_TASK_RECORDER = `(() => {
  const w = window;
  w.__longTasks = [];
  w.__loadAt = null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  // Long animation frames name the scripts that ran in them (a content script by its URL).
  w.__loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts || []).map((x) => ({ src: x.sourceURL, fn: x.sourceFunctionName, invoker: x.invoker, duration: Math.round(x.duration), layout: Math.round(x.forcedStyleAndLayoutDuration) })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
  w.addEventListener('load', () => { w.__loadAt = performance.now(); });
})();`;

export interface LongTaskFigures {
  loadAt: number;
  /** Long tasks that started before `load` ended (the page parsing its own HTML). */
  beforeLoad: { count: number; longest: number };
  /** Long tasks that started after `load` (when the content script does its work). */
  afterLoad: { count: number; longest: number; over200: number };
  /** Long animation frames over 200 ms after load, with the scripts that ran in them. */
  slowFrames: { start: number; duration: number; render: number; layout: number; scripts: { src: string; fn: string; invoker: string; duration: number; layout: number }[] }[];
}

export async function readLongTasks(page: Page): Promise<LongTaskFigures> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __longTasks?: { start: number; duration: number }[]; __loadAt?: number | null };
    const loafs = (window as unknown as { __loafs?: LongTaskFigures['slowFrames'] }).__loafs ?? [];
    return { tasks: w.__longTasks ?? [], loadAt: w.__loadAt ?? Number.POSITIVE_INFINITY, loafs };
  });
  const before = raw.tasks.filter((t) => t.start < raw.loadAt);
  const after = raw.tasks.filter((t) => t.start >= raw.loadAt);
  const longest = (xs: { duration: number }[]) => Math.round(xs.reduce((m, t) => Math.max(m, t.duration), 0));
  return {
    loadAt: Math.round(raw.loadAt),
    beforeLoad: { count: before.length, longest: longest(before) },
    afterLoad: { count: after.length, longest: longest(after), over200: after.filter((t) => t.duration > 200).length },
    slowFrames: raw.loafs
      .filter((f) => f.start >= raw.loadAt && f.duration > 200)
      .map((f) => ({ ...f, start: Math.round(f.start), duration: Math.round(f.duration), render: Math.round(f.render), layout: Math.round(f.layout) })),
  };
}

/** Waits until `read()` gives the same number for `quietMs` (or time runs out). */
export async function waitQuiet(read: () => Promise<number>, quietMs = 2000, timeoutMs = 60_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const n = await read();
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return n;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

/**
 * Opens an extension page, retrying while the extension is away (during a reload
 * `chrome-extension://` navigations fail with ERR_BLOCKED_BY_CLIENT).
 */
export async function openExtensionPageWhenBack(context: BrowserContext, extensionId: string, path = 'manifest.json', timeoutMs = 30_000): Promise<Page> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/**
 * Reloads the extension as an update does (`chrome.runtime.reload()` from its worker).
 * Chromium without developer mode leaves a command-line-loaded extension disabled after
 * such a reload ("unsupportedDeveloperExtension"), so it is switched back on from
 * chrome://extensions with chrome.management.setEnabled, as a user would. Returns the
 * states seen: right after the reload, and after switching it on.
 */
export async function reloadExtension(context: BrowserContext, extensionId: string): Promise<{ afterReload: string; afterEnable: string }> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('extension worker not running');
  const manager = await context.newPage();
  await manager.goto('chrome://extensions/');
  type Api = {
    developerPrivate: { getExtensionsInfo(o: object, cb: (xs: { id: string; state: string }[]) => void): void };
    management: { setEnabled(id: string, on: boolean, cb: () => void): void };
  };
  const state = () =>
    manager.evaluate(
      (id) =>
        new Promise<string>((resolve) =>
          (globalThis as unknown as { chrome: Api }).chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true, includeTerminated: true }, (xs) =>
            resolve(xs.find((x) => x.id === id)?.state ?? 'MISSING'),
          ),
        ),
      extensionId,
    );
  await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  let afterReload = await state();
  const end = Date.now() + 10_000;
  while (afterReload === 'ENABLED' && Date.now() < end) {
    // The reload may still be on its way; give it a moment before reading the state again.
    await new Promise((r) => setTimeout(r, 200));
    afterReload = await state();
  }
  if (afterReload !== 'ENABLED') {
    await manager.evaluate(
      (id) => new Promise<void>((resolve) => (globalThis as unknown as { chrome: Api }).chrome.management.setEnabled(id, true, resolve)),
      extensionId,
    );
  }
  const afterEnable = await state();
  await manager.close();
  return { afterReload, afterEnable };
}
