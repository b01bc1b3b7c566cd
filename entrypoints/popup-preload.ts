/**
 * Loaded by popup.html before the popup's own code (a classic script in <head>, so it runs
 * while the modules are still being fetched): reads the stored period and, meanwhile, opens
 * the store and reads the tally's snapshot (or the rows to count from) in plain IndexedDB
 * (utils/store/tally-preload.ts), and leaves the promise for the popup. Kept tiny, like the
 * content script: no polyfill, no zod, no Dexie.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PERIOD_STORAGE_KEY, storedPeriodIn } from '../utils/period';
import { PRELOAD_ANSWER_GLOBAL, PRELOAD_GLOBAL, preloadTally, type TallyPreload } from '../utils/store/tally-preload';

export default defineUnlistedScript(() => {
  // The stored period and the store's open go side by side: neither waits for the other.
  const period = browser.storage.local.get(PERIOD_STORAGE_KEY).then(storedPeriodIn);
  const started: Promise<TallyPreload | null> = preloadTally(indexedDB, period, browser.runtime.getManifest().version)
    .catch(() => null)
    .then((answer) => {
      (globalThis as Record<string, unknown>)[PRELOAD_ANSWER_GLOBAL] = answer;
      return answer;
    });
  (globalThis as Record<string, unknown>)[PRELOAD_GLOBAL] = started;
});
