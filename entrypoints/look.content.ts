/**
 * The content script of every portal frame: one cheap look (utils/capture/look.ts), then,
 * only where records may be, it asks the worker to load the reader (portal.content.ts)
 * into this frame. Watches for later rendering (SPA pages) with a debounced look; stops
 * once the reader is asked for. Silent: never throws into the page.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mayHoldRecords, RECORD_STRUCTURE } from '../utils/capture/look';
import type { ContentToBackground } from '../utils/messages';
import { DEFAULT_MATCHES } from '../utils/portals';

const LOOK_DEBOUNCE_MS = 300;
/** While the document is parsed: at most one look for a record structure this often. */
const EARLY_CHECK_MS = 20;

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  // Registered before the page's own scripts so the look runs at DOMContentLoaded: on a long
  // list the page's first layout can take seconds, and the reader then starts after it.
  runAt: 'document_start',
  // Some portals (older ASP.NET ones) list rows inside an iframe of the same portal.
  allFrames: true,
  // WXT would also post "content-script-started" to the page with target "*", telling any
  // page script the extension's id (the reader opts out the same way).
  noScriptStartedPostMessage: true,
  main(ctx) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((mutations) => {
      if (timer !== undefined || !mutations.some((m) => m.addedNodes.length > 0)) return;
      timer = setTimeout(look, LOOK_DEBOUNCE_MS);
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    // A page script can forge WXT's "started" event once it knows the id: stop only when this
    // copy really lost its extension (update, reload).
    const gone = () => !browser.runtime?.id;
    ctx.onInvalidated(() => setTimeout(() => gone() && stop(), 0));
    function look(): void {
      timer = undefined;
      try {
        if (gone() || !mayHoldRecords(document)) return;
        stop();
        ask(0);
      } catch {
        stop(); // the extension is gone (updated or removed): stay silent
      }
    }
    // Ask the worker for the reader until it runs here: a worker stopped between the request
    // and the injection must not leave the page unread. The reader marks its shared world.
    const world = globalThis as unknown as { __kiemDemTthcLiveCopy?: string };
    function ask(attempt: number): void {
      if (gone() || world.__kiemDemTthcLiveCopy !== undefined || attempt > 8) return;
      const message: ContentToBackground = { type: 'capture/load' };
      void browser.runtime.sendMessage(message).catch(() => undefined);
      setTimeout(() => ask(attempt + 1), 1500 * 2 ** Math.min(attempt, 4));
    }
    const start = () => {
      if (gone()) return;
      observer.observe(document.documentElement, { childList: true, subtree: true });
      look();
    };
    if (document.readyState === 'loading') {
      // While a long list is still arriving, a record structure already parsed brings the
      // reader now: it reads the rows as the parser adds them, before the page's first layout.
      let lastCheck = 0;
      let askedEarly = false;
      const early = new MutationObserver(() => {
        const now = performance.now();
        if (now - lastCheck < EARLY_CHECK_MS) return;
        lastCheck = now;
        try {
          if (gone() || !document.querySelector(RECORD_STRUCTURE)) return;
          early.disconnect();
          askedEarly = true;
          ask(0);
        } catch {
          early.disconnect();
        }
      });
      early.observe(document, { childList: true, subtree: true });
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          early.disconnect();
          if (!askedEarly) start(); // else the reader is on its way (ask() retries until it runs)
        },
        { once: true },
      );
    } else start();
  },
});
