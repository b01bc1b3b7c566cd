/**
 * Portal content script: observe → extract → send. Silent: it never throws into
 * the portal page and does no work while the page does not change.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DurableOutbox, type KeyValueStore } from '../utils/capture/outbox';
import { CaptureQueue, type BatchToSend, type SendOutcome } from '../utils/capture/queue';
import { sanitizeSourceUrl } from '../utils/privacy/url';
import { PageCapture } from '../utils/capture/page-capture';
import { pageSettings, SETTINGS_KEY } from '../utils/capture/page-settings';
import { hashText, MEMO_PREFIX, RowMemo, vnDay, type SavedMemo } from '../utils/capture/row-memo';
import { showToast } from '../utils/capture/toast';
import { PageReporter } from '../utils/crawl/page-report';
import { BRIDGE_KEY, type WalkBridge } from '../utils/crawl/bridge';
import { MAX_BATCH, type ContentToBackground, type PageState } from '../utils/messages';
import { DEFAULT_MATCHES } from '../utils/portals';
import type { Settings } from '../utils/settings';
import { samplePage } from '../utils/extract/sample';
import { READER_STORE_ID_KEY, STORE_LOST_KEY } from '../utils/store/meta';
import type { SampleReply, UnreadMessage } from '../utils/unread';

const ACK_TIMEOUT_MS = 15_000;
/** Rows read while the document is parsed are sent once this many wait. */
const PARSE_BATCH = 250;
const LIVE_COPY = '__kiemDemTthcLiveCopy';
const RELOAD_HINT = 'Kiểm đếm TTHC vừa được cập nhật hoặc tải lại. Hãy tải lại trang này (F5) để tiếp tục đếm hồ sơ.';

function readMemo(raw: unknown): SavedMemo | null {
  if (typeof raw !== 'string') return null;
  try {
    return JSON.parse(raw) as SavedMemo;
  } catch {
    return null;
  }
}

function contextGone(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /context invalidated|Extension context|receiving end does not exist.*extension/i.test(text) || !browser.runtime?.id;
}

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  // The reader is not in the manifest: the worker loads it into the frames where the cheap
  // look (look.content.ts, in every portal frame) found something that may hold records.
  registration: 'runtime',
  runAt: 'document_idle',
  // Some portals (older ASP.NET ones) list rows inside an iframe of the same portal.
  allFrames: true,
  // WXT would also post "content-script-started" to the page with target "*": any page
  // script would learn the extension's id from it. Our copies find each other without it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // One live copy per page. Copies of one extension share their isolated world, which no
    // page script can see: the newest copy writes its id here first thing.
    const pageId = crypto.randomUUID();
    const world = globalThis as unknown as { [LIVE_COPY]?: string };
    world[LIVE_COPY] = pageId;

    let capture: PageCapture | null = null;
    let superseded = false;
    let removeToast: (() => void) | null = null;
    const stop = () => {
      superseded = true;
      capture?.stop();
      removeToast?.();
    };
    // WXT invalidates the context on a "started" DOM event, which a page script can forge
    // once it knows the id. Believe it only when it is true: this copy lost its extension
    // (update, reload), or a newer copy of ours took over (checked after that copy's start).
    ctx.onInvalidated(() => {
      setTimeout(() => {
        if (!browser.runtime?.id || world[LIVE_COPY] !== pageId) stop();
      }, 0);
    });

    // What this page gave before (across reloads, the same day), so unchanged rows are not read again.
    const memoKey = MEMO_PREFIX + hashText(location.href);
    let storeId = '';
    const memoContext = (s: Settings) => hashText(`${browser.runtime.getManifest().version}|${storeId}|${JSON.stringify(s)}`);
    let settings: Settings;
    let memo: RowMemo;
    try {
      const got = await browser.storage.local.get([SETTINGS_KEY, memoKey, READER_STORE_ID_KEY]);
      settings = pageSettings(got[SETTINGS_KEY]);
      storeId = String(got[READER_STORE_ID_KEY] ?? '');
      memo = new RowMemo(vnDay(Date.now()), memoContext(settings), readMemo(got[memoKey]));
    } catch {
      return; // extension is gone already
    }
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const saveMemo = () => {
      saveTimer = undefined;
      const changes = memo.takeChanges();
      // One string, not an object of thousands of keys: storage clones it in one cheap step.
      if (changes) void browser.storage.local.set({ [memoKey]: JSON.stringify(changes) }).catch(() => undefined);
    };

    let pageTotal = 0;
    let totalSent = -1;
    let totalAsked = -1;
    // Rejected rows by reason, all seen on this page: sent as totals with the page id, so the
    // worker counts each once however often a batch is re-sent (an ack lost to a timeout).
    let rejectedSeen: Record<string, number> = {};
    // The address kept with the rows: no keyword search or ID typed into a filter, and cut.
    const pageUrl = () => sanitizeSourceUrl(location.href) || location.origin;

    const send = async (batch: BatchToSend): Promise<SendOutcome> => {
      const message: ContentToBackground = {
        type: 'capture/batch',
        batchId: batch.batchId,
        pageUrl: pageUrl(),
        pageId,
        records: batch.records,
        readAt: batch.readAt,
        pageTotal,
        rejected: rejectedSeen,
      };
      try {
        const reply = await Promise.race([
          browser.runtime.sendMessage(message),
          new Promise((resolve) => setTimeout(() => resolve(undefined), ACK_TIMEOUT_MS)),
        ]);
        // The worker's reply, checked by hand: this script carries no zod.
        const ack = reply as { ok?: unknown; batchId?: unknown } | undefined;
        if (ack?.ok === true && ack.batchId === batch.batchId) {
          totalSent = message.pageTotal;
          memo.acked(batch.records);
          // Saved once the page's rows are all in (one write, not one per batch).
          if (saveTimer !== undefined) clearTimeout(saveTimer);
          saveTimer = setTimeout(saveMemo, queue.size <= batch.records.length ? 300 : 3000);
          return { kind: 'acked' };
        }
        const err = (reply as { error?: unknown } | undefined)?.error;
        return { kind: 'retry', error: typeof err === 'string' ? err : 'no ack' };
      } catch (error) {
        if (contextGone(error)) return { kind: 'dead' };
        return { kind: 'retry', error: String(error) };
      }
    };

    // A copy of what waits for an ack, in extension storage: stored by the worker even when
    // this tab closes or navigates before the ack came.
    let outbox: DurableOutbox | null = null;
    const queue: CaptureQueue = new CaptureQueue({
      send,
      maxRecords: MAX_BATCH,
      maxChars: 512 * 1024,
      newId: () => crypto.randomUUID(),
      // Until the page has loaded no ack may arrive (the parser, then the first layout, hold the
      // page's thread): every batch goes at once, and the worker writes them meanwhile.
      maxInFlight: () => (document.readyState === 'complete' ? 2 : 64),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      onDead: () => {
        capture?.stop();
        if (!superseded) removeToast = showToast(document, RELOAD_HINT);
      },
      onAdded: (item) => outbox?.added(item),
      // A failed or timed-out send: the rows may wait long, so copy them to storage now.
      onError: () => outbox?.arm(),
      onAcked: (keys) => outbox?.acked(keys),
    });
    outbox = new DurableOutbox(browser.storage.local as unknown as KeyValueStore, pageId, () => ({ url: pageUrl(), rejected: rejectedSeen }));
    // The page is going away (tab closed, navigation, bfcache) or hidden (may be discarded):
    // write the outbox now and try one more send.
    const handOver = () => {
      // A reload soon after the last ack (a clerk pressing F5) must find the rows known.
      if (saveTimer !== undefined) {
        clearTimeout(saveTimer);
        saveMemo();
      }
      if (queue.size === 0) return;
      void outbox?.now();
      void queue.flush();
    };
    window.addEventListener('pagehide', handOver);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') handOver();
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
      memo: { keyOf: (sig) => memo.keyOf(sig), read: (sig, key, record) => memo.read(sig, key, record) },
      emit: (key, record, readAt) => {
        queue.add(key, record, readAt);
        // Full batches go while the rest of the page is still being read (the worker writes in parallel).
        if (queue.size >= MAX_BATCH) queue.flushSoon(0);
      },
      seen: (key) => reporter.seen(key),
      // Read while the document is parsed: no timer of ours runs before the parse ends, so send now.
      parsed: (loaded) => {
        if (loaded ? queue.unsent > 0 : queue.unsent >= PARSE_BATCH) void queue.flush();
      },
      // "Trang này có bảng nhưng chưa đọc được": the worker shows "?" and the popup the notice.
      unread: (notice) => {
        const message: UnreadMessage = { type: 'capture/unread', notice };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
      scanned: (total, rej) => {
        pageTotal = total;
        rejectedSeen = rej;
        if (queue.size > 0) queue.flushSoon();
        // Nothing new to send (every row known): the badge still needs this page's count. While
        // the document is parsed the count only grows, and an ack waits for the first layout: the
        // count goes once the last rows are read, at DOMContentLoaded (a later count would wait).
        else if (total !== totalSent && total !== totalAsked && !queue.isDead && document.readyState !== 'loading') {
          // One count on its way at a time (an ack may wait until the page has loaded).
          totalAsked = total;
          void send({ batchId: crypto.randomUUID(), records: [], readAt: [] }).then((o) => {
            if (o.kind !== 'acked' && totalAsked === total) totalAsked = -1;
          });
        }
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
      if (area !== 'local') return;
      // The browser wiped the store: what this page gave is gone, so give it again (rows
      // known only by the row memo are read again).
      if (changes[STORE_LOST_KEY]?.newValue) {
        memo = new RowMemo(vnDay(Date.now()), memoContext(settings));
        capture?.resendAll();
        if (queue.size > 0) queue.flushSoon();
      }
      if (!(SETTINGS_KEY in changes)) return;
      settings = pageSettings(changes[SETTINGS_KEY]?.newValue);
      memo = new RowMemo(vnDay(Date.now()), memoContext(settings));
      capture?.refresh();
    });

    // "Lưu mẫu trang": the popup asks for a sanitised copy of this page's tables.
    browser.runtime.onMessage.addListener((message: unknown) => {
      // Checked by hand (this script carries no zod): exactly { type: 'page/sample' }.
      const m = message as { type?: unknown } | null;
      if (superseded || typeof m !== 'object' || m === null || m.type !== 'page/sample' || Object.keys(m).length !== 1) return undefined;
      const { html, tables } = samplePage(document, location.href);
      const reply: SampleReply = { ok: true, html, tables };
      return Promise.resolve(reply);
    });

    if (superseded) return;
    capture.start();
  },
});
