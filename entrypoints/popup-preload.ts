/**
 * Loaded by popup.html before the popup's own code (a classic script in <head>, so it runs
 * while the modules are still being fetched): reads the stored period, then the tally's
 * snapshot or rows in plain IndexedDB (utils/store/tally-preload.ts), and leaves the
 * promise for the popup. Kept tiny, like the content script: no polyfill, no zod, no Dexie.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PERIOD_STORAGE_KEY, storedPeriodIn } from '../utils/period';
import { PRELOAD_GLOBAL, preloadTally, type TallyPreload } from '../utils/store/tally-preload';

export default defineUnlistedScript(() => {
  const started: Promise<TallyPreload | null> = browser.storage.local
    .get(PERIOD_STORAGE_KEY)
    .then((got) => preloadTally(indexedDB, storedPeriodIn(got), browser.runtime.getManifest().version))
    .catch(() => null);
  (globalThis as Record<string, unknown>)[PRELOAD_GLOBAL] = started;
});
