/**
 * The page walk script, injected by the worker into the frame of a list only while a walk
 * runs (so the always-on content script stays small). It asks the worker whether and
 * where the walk goes on, then drives utils/crawl/walker over the content script's bridge.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BRIDGE_KEY, type WalkBridge } from '../utils/crawl/bridge';
import { showIndicator } from '../utils/crawl/indicator';
import { PageWalker } from '../utils/crawl/walker';
import type { WalkReply, WalkReport } from '../utils/messages';

const RUNNING_KEY = '__kiemDemTthcWalker';
const nf = new Intl.NumberFormat('vi-VN');

// Checked by hand, not with zod: this script is injected on every walk and stays small.
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One question to the worker. No answer at all means the worker was stopped while it ran
 * (it starts again on the next message): ask again. Only an answer "go: false" ends the walk.
 */
async function ask(message: unknown): Promise<WalkReply> {
  let r: Record<string, unknown> | undefined;
  for (let attempt = 0; attempt < 6 && r === undefined; attempt++) {
    if (attempt > 0) await pause(250 * attempt);
    r = (await browser.runtime.sendMessage(message).catch(() => undefined)) as Record<string, unknown> | undefined;
  }
  if (r?.go !== true) return { go: false };
  return {
    go: true, page: int(r.page), noNew: int(r.noNew), records: int(r.records), delayMs: int(r.delayMs), pageLimit: int(r.pageLimit),
    fresh: r.fresh === true, largestPageSize: r.largestPageSize === true,
  };
}

async function start(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const bridge = g[BRIDGE_KEY] as WalkBridge | undefined;
  if (!bridge || g[RUNNING_KEY]) return;
  g[RUNNING_KEY] = true;
  try {
    const resume = await ask({ type: 'walk/resume', ...(bridge.doc ? { doc: bridge.doc } : {}) });
    if (!resume.go) return;
    let walker: PageWalker | null = null;
    const indicator = showIndicator(document, () => {
      walker?.halt();
      void ask({ type: 'walk/report', event: 'end', reason: 'stopped' } satisfies WalkReport).catch(() => undefined);
    });
    const onMessage = (m: unknown) => {
      if ((m as { type?: unknown } | null)?.type === 'walk/halt') walker?.halt();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    walker = new PageWalker(
      bridge,
      {
        report: (r) => ask(r.event === 'page' && bridge.doc ? { ...r, doc: bridge.doc } : r),
        clickInPage: async (el) => {
          const token = crypto.randomUUID();
          el.setAttribute('data-kiem-dem-click', token);
          try {
            await ask({ type: 'walk/click', token });
          } finally {
            el.removeAttribute('data-kiem-dem-click');
          }
        },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
        progress: ({ page, records, total }) =>
          indicator.update(`Kiểm đếm TTHC: trang ${nf.format(page)} · ${nf.format(records)}${total !== null ? `/${nf.format(total)}` : ''} bản ghi`),
      },
      {
        page: resume.page ?? 1,
        fresh: resume.fresh ?? false,
        delayMs: resume.delayMs ?? 1000,
        pageLimit: resume.pageLimit ?? 500,
        largestPageSize: resume.largestPageSize ?? false,
      },
    );
    addEventListener('pagehide', () => walker?.unloading());
    await walker.run();
    indicator.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  } catch {
    // The extension went away or the frame is closing: the worker's state says what happened.
  } finally {
    g[RUNNING_KEY] = false;
  }
}

export default defineUnlistedScript(() => {
  // Not awaited: the worker's executeScript must not wait for the whole walk.
  void start();
});
