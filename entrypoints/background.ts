/**
 * Background service worker: wires listeners only. Handlers live in
 * utils/background (capture, portal registration) and utils/store (writes).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleContentMessage } from '../utils/background/capture-handler';
import { adoptOpenPortalTabs } from '../utils/background/adopt-tabs';
import { badgeText, TabBadges } from '../utils/background/badges';
import { READER_FILE, syncRegistration } from '../utils/background/registration';
import { purgeRowMemos } from '../utils/capture/memo-storage';
import { DEFAULT_MATCHES } from '../utils/portals';
import { SETTINGS_KEY } from '../utils/settings';
import { loadSettings } from '../utils/settings-storage';
import { getDb } from '../utils/store/db';
import { bumpRejected, STORE_ID_KEY, storeIdentity } from '../utils/store/meta';
import { STORAGE_ERROR_KEY } from '../utils/storage-error';
import { upsertBatch } from '../utils/store/upsert';


export default defineBackground(() => {
  const db = getDb();
  // Cleared once after a successful write (also after a worker restart, when unknown).
  let errorShown = true;
  let publishedStoreId: string | undefined;
  const badges = new TabBadges(async (tabId, total) => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1b5e20' });
    await browser.action.setBadgeText({ tabId, text: badgeText(total) });
  });
  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));

  browser.runtime.onMessage.addListener((message, sender) => {
    // Chrome only honours a real Promise returned here: handleContentMessage is async, so
    // the reply is sent after the Dexie transaction has committed.
    return handleContentMessage(
      message,
      {
        id: sender.id,
        url: sender.url,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        documentId: (sender as { documentId?: string }).documentId,
      },
      {
        extensionId: browser.runtime.id,
        allowedPatterns: async () => [...DEFAULT_MATCHES, ...(await loadSettings()).settings.portals],
        upsert: (records, source) => upsertBatch(db, records, source),
        countRejected: (reasons) => bumpRejected(db, reasons),
        setBadge: (tabId, frameId, documentId, count) => badges.set(tabId, frameId, documentId, count),
        loadReader: async (tabId, frameId) => {
          // The reader's row memo is valid only for this store (see storeIdentity).
          const id = await storeIdentity(db);
          if (id !== publishedStoreId) {
            await browser.storage.local.set({ [STORE_ID_KEY]: id });
            publishedStoreId = id;
          }
          await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [`/${READER_FILE}`], injectImmediately: true });
        },
        reportError: async (text) => {
          errorShown = true;
          await browser.storage.local.set({ [STORAGE_ERROR_KEY]: { message: text, at: Date.now() } });
        },
        clearError: async () => {
          if (errorShown) await browser.storage.local.remove(STORAGE_ERROR_KEY);
          errorShown = false;
        },
        now: () => Date.now(),
      },
    ).catch(() => undefined);
  });

  // Portal tabs opened before this install/update/reload get a live content script again.
  void loadSettings()
    .then(({ settings }) => adoptOpenPortalTabs([...DEFAULT_MATCHES, ...settings.portals]))
    .catch(() => undefined);

  // Portals added in the options page get the content script once access is granted.
  const resync = () => void loadSettings().then(({ settings }) => syncRegistration(settings.portals)).catch(() => undefined);
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  // Row memos are for the day's reloads; a new browser session starts without them.
  browser.runtime.onStartup.addListener(() => void purgeRowMemos().catch(() => undefined));
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) resync();
  });
});
