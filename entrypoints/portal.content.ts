/**
 * Portal content script: observe → extract → send. Silent: it never throws into
 * the portal page and does no work while the page does not change.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CaptureQueue, type SendOutcome } from '../utils/capture/queue';
import { PageCapture } from '../utils/capture/page-capture';
import { showToast } from '../utils/capture/toast';
import { PageReporter } from '../utils/crawl/page-report';
import { BRIDGE_KEY, type WalkBridge } from '../utils/crawl/bridge';
import { captureAckSchema, MAX_BATCH, type ContentToBackground, type PageState } from '../utils/messages';
import { DEFAULT_MATCHES } from '../utils/portals';
import { SETTINGS_KEY, type Settings } from '../utils/settings';
import { loadSettings, parseSettings } from '../utils/settings-storage';

const ACK_TIMEOUT_MS = 15_000;
const RELOAD_HINT = 'Kiểm đếm TTHC vừa được cập nhật hoặc tải lại. Hãy tải lại trang này (F5) để tiếp tục đếm hồ sơ.';

function contextGone(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /context invalidated|Extension context|receiving end does not exist.*extension/i.test(text) || !browser.runtime?.id;
}

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  runAt: 'document_idle',
  // Some portals (older ASP.NET ones) list rows inside an iframe of the same portal.
  allFrames: true,
  async main(ctx) {
    // One live copy per page: WXT's context lets the newest copy invalidate older ones (a
    // second registration, or the copy injected after an extension update into a tab whose
    // old copy lost its extension). An invalidated copy stops and takes its notice with it.
    let capture: PageCapture | null = null;
    let superseded = false;
    let removeToast: (() => void) | null = null;
    ctx.onInvalidated(() => {
      superseded = true;
      capture?.stop();
      removeToast?.();
    });

    let settings: Settings;
    try {
      settings = (await loadSettings()).settings;
    } catch {
      return; // extension is gone already
    }

    let pageTotal = 0;
    // Rejected rows by reason: all seen on this page, and what the background has acked.
    let rejectedSeen: Record<string, number> = {};
    const rejectedAcked: Record<string, number> = {};

    const send = async (batch: { batchId: string; records: unknown[] }): Promise<SendOutcome> => {
      // Send only the rejections not yet counted, so retries and re-scans never count twice.
      const rejected: Record<string, number> = {};
      for (const [reason, n] of Object.entries(rejectedSeen)) {
        const d = n - (rejectedAcked[reason] ?? 0);
        if (d > 0) rejected[reason] = d;
      }
      const message: ContentToBackground = {
        type: 'capture/batch',
        batchId: batch.batchId,
        pageUrl: location.href,
        records: batch.records,
        pageTotal,
        rejected,
      };
      try {
        const reply = await Promise.race([
          browser.runtime.sendMessage(message),
          new Promise((resolve) => setTimeout(() => resolve(undefined), ACK_TIMEOUT_MS)),
        ]);
        const ack = captureAckSchema.safeParse(reply);
        if (ack.success && ack.data.batchId === batch.batchId) {
          for (const [reason, d] of Object.entries(rejected)) rejectedAcked[reason] = (rejectedAcked[reason] ?? 0) + d;
          return { kind: 'acked' };
        }
        const err = (reply as { error?: unknown } | undefined)?.error;
        return { kind: 'retry', error: typeof err === 'string' ? err : 'no ack' };
      } catch (error) {
        if (contextGone(error)) return { kind: 'dead' };
        return { kind: 'retry', error: String(error) };
      }
    };

    const queue = new CaptureQueue({
      send,
      maxRecords: MAX_BATCH,
      maxChars: 512 * 1024,
      newId: () => crypto.randomUUID(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      onDead: () => {
        capture?.stop();
        if (!superseded) removeToast = showToast(document, RELOAD_HINT);
      },
    });

    let reportedOnce = false;
    const docId = crypto.randomUUID();
    // Coverage: the list this frame shows and the records read from it (see utils/crawl).
    const reporter = new PageReporter({
      doc: document,
      docId,
      url: () => location.href,
      table: () => capture?.recordTables[0]?.root ?? null,
      records: () => capture?.distinctRecords ?? 0,
      keysOnScreen: () => capture?.keysOnScreen() ?? [],
      spanKeys: () => capture?.spanKeys() ?? [],
      send: async (state: PageState) => {
        try {
          const reply = (await browser.runtime.sendMessage(state)) as { ok?: boolean } | undefined;
          return reply?.ok === true;
        } catch {
          return false;
        }
      },
      setTimer: (fn, ms) => setTimeout(fn, ms),
    });

    capture = new PageCapture({
      doc: document,
      context: () => ({ url: location.href, settings }),
      emit: (key, record) => queue.add(key, record),
      seen: (key) => reporter.seen(key),
      scanned: (total, rej) => {
        pageTotal = total;
        rejectedSeen = rej;
        if (queue.size > 0) queue.flushSoon();
        // Once per document even without a table: a walk learns that its tab went elsewhere.
        if ((capture?.recordTables.length ?? 0) > 0 || !reportedOnce) reporter.soon();
        reportedOnce = true;
      },
      // A SPA left its list: the badge must not keep the old count.
      idle: () => {
        const idle: ContentToBackground = { type: 'capture/idle' };
        browser.runtime.sendMessage(idle).catch(() => undefined);
      },
    });

    // What "Đọc tất cả các trang" (the walker, injected only while a walk runs) needs from this copy.
    const bridge: WalkBridge = {
      doc: docId,
      table: () => capture?.recordTables[0]?.root ?? null,
      async readNow() {
        await capture?.scanNow();
        if (queue.size > 0) await queue.flush();
        await reporter.flush();
      },
      pageKeys: () => reporter.pageHashes(),
      list: () => reporter.list(),
      pending: () => queue.size,
    };
    (globalThis as Record<string, unknown>)[BRIDGE_KEY] = bridge;

    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      settings = parseSettings(changes[SETTINGS_KEY]?.newValue).settings;
      capture?.refresh();
    });

    if (superseded) return;
    capture.start();
  },
});
