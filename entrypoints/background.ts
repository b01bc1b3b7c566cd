/**
 * Background service worker: wires listeners only. Handlers live in
 * utils/background (capture, portal registration) and utils/store (writes).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleContentMessage, storeRecords, type CaptureDeps } from '../utils/background/capture-handler';
import { drainOutboxes, LivePages, STALE_MS, type KeyValueStore } from '../utils/capture/outbox';
import { outboxDrainSchema } from '../utils/messages';
import { adoptOpenPortalTabs } from '../utils/background/adopt-tabs';
import { badgeText, TabBadges } from '../utils/background/badges';
import { READER_FILE, syncRegistration } from '../utils/background/registration';
import { purgeRowMemos } from '../utils/capture/memo-storage';
import { badgeLook, UnreadNotices } from '../utils/background/unread-notices';
import { DEFAULT_MATCHES } from '../utils/portals';
import { SETTINGS_KEY } from '../utils/settings';
import { loadSettings } from '../utils/settings-storage';
import { settingsCache } from '../utils/background/settings-cache';
import { keepSnapshotMoving } from '../utils/snapshot-moves';
import { getDb } from '../utils/store/db';
import { READER_STORE_ID_KEY, storeIdentity } from '../utils/store/meta';
import { STORAGE_ERROR_KEY } from '../utils/storage-error';
import { upsertBatches, type Batch, type UpsertCounts } from '../utils/store/upsert';
import { groupCommit } from '../utils/store/group-commit';
import { recordListRead } from '../utils/store/lists';
import { Walks } from '../utils/background/walks';
import { routeWalkMessage } from '../utils/background/walk-router';
import { walkOptions } from '../utils/settings';
import { checkStoreKept, checkStoreKeptAtStart, type LocalArea } from '../utils/store/lost';
import { snapshotSoon } from '../utils/background/snapshot-soon';
import { refreshTallySnapshot } from '../utils/store/snapshot-refresh';
import { PERIOD_STORAGE_KEY, storedPeriodIn } from '../utils/period';

/** Rows one group commit holds at most: a transaction of a few seconds at worst. */
const GROUP_ROWS = 5000;

export default defineBackground(() => {
  // Its writes keep the popup's tally snapshot current (utils/snapshot-moves.ts).
  const db = keepSnapshotMoving(getDb());
  // Settings read once, again after they change (each capture batch needs them).
  const stored = settingsCache(loadSettings);
  // Cleared once after a successful write (also after a worker restart, when unknown).
  let errorShown = true;
  let publishedStoreId: string | undefined;
  // While a walk runs its progress takes the badge (blue); the page's count, or the amber "?", comes back after.
  const walkBadge = new Map<number, string>();
  // Was the store wiped by the browser (see utils/store/lost.ts)? Asked at start and after
  // the first write of each worker life or after a failure: when a lost database shows up.
  const local = browser.storage.local as unknown as LocalArea;
  const checkKept = () => void checkStoreKept(db, local, Date.now()).catch(() => undefined);
  const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name ?? '');
  void checkStoreKeptAtStart(db, local, databaseNames, Date.now()).catch(() => undefined);
  const unread = new UnreadNotices(browser.storage.session, () => Date.now());
  const totals = new Map<number, number>();
  // The count when the page gave records, else an amber "?" when it shows a table left unread.
  const paint = async (tabId: number) => {
    const walking = walkBadge.get(tabId);
    if (walking) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#0d47a1' });
      await browser.action.setBadgeText({ tabId, text: walking });
      return;
    }
    const look = badgeLook(totals.get(tabId) ?? 0, await unread.has(tabId), badgeText);
    await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
    await browser.action.setBadgeText({ tabId, text: look.text });
  };
  const badges = new TabBadges(async (tabId, total) => {
    totals.set(tabId, total);
    await paint(tabId);
  });
  const walks = new Walks({
    session: browser.storage.session,
    inject: async (tabId, frameId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/walker.js'] });
    },
    clickInPage: async (tabId, frameId, token) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        world: 'MAIN',
        func: (t: string) => {
          const el = document.querySelector(`[data-kiem-dem-click="${t}"]`);
          if (el instanceof HTMLElement) el.click();
        },
        args: [token],
      });
    },
    halt: async (tabId, frameId) => {
      await browser.tabs.sendMessage(tabId, { type: 'walk/halt' }, { frameId });
    },
    options: async () => walkOptions((await loadSettings()).settings),
    recordList: async (list, keys, at) => {
      await recordListRead(db, list, keys, at);
    },
    badge: (tabId, text) => {
      if (text === null) walkBadge.delete(tabId);
      else walkBadge.set(tabId, text);
      void paint(tabId).catch(() => undefined);
    },
    now: () => Date.now(),
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    badges.forget(tabId);
    totals.delete(tabId);
    void unread.forgetTab(tabId).catch(() => undefined);
    void walks.tabRemoved(tabId).catch(() => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url) void walks.tabUpdated(tabId, tab.url).catch(() => undefined);
  });

  // The popup's first tally comes from this snapshot when it still fits (writes move it along;
  // an update of the extension makes it unfit, so it is counted again once installed).
  const refreshSnapshot = snapshotSoon(async () => {
    const got = await browser.storage.local.get(PERIOD_STORAGE_KEY);
    await refreshTallySnapshot(db, storedPeriodIn(got), browser.runtime.getManifest().version);
  });
  browser.runtime.onInstalled.addListener(() => refreshSnapshot());
  // Batches that arrive while one is being written go together in the next transaction
  // (a long list sends many at once); a group holds at most a few thousand rows.
  const write = groupCommit<Batch, UpsertCounts>((batches) => upsertBatches(db, batches), { weight: (b) => b.records.length, maxWeight: GROUP_ROWS });
  const deps: CaptureDeps = {
    extensionId: browser.runtime.id,
    allowedPatterns: async () => [...DEFAULT_MATCHES, ...(await stored.settings()).settings.portals],
    upsert: async (records, source) => {
      const counts = await write({ records, source });
      refreshSnapshot();
      return counts;
    },
    departments: () => stored.departments(),
    setBadge: (tabId, frameId, documentId, count) => badges.set(tabId, frameId, documentId, count),
    loadReader: async (tabId, frameId) => {
      // The reader's row memo is valid only for this store (see storeIdentity), read from the
      // database now: a store wiped since the last check gets a new identity, so no memo of
      // the old one is used (and the check below tells open pages to give their rows again).
      // A busy store must not hold the reader back: then the id is published as unknown (no memo).
      const id = await Promise.race([storeIdentity(db), new Promise<string>((r) => setTimeout(() => r(''), 300))]);
      if (id !== publishedStoreId) {
        await browser.storage.local.set({ [READER_STORE_ID_KEY]: id });
        publishedStoreId = id;
      }
      if (id === '') void storeIdentity(db).then((late) => {
        publishedStoreId = late;
        return browser.storage.local.set({ [READER_STORE_ID_KEY]: late });
      }).catch(() => undefined);
      else checkKept();
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [`/${READER_FILE}`], injectImmediately: true });
    },
    setUnread: async (tabId, frameId, url, notice) => {
      // Every new document says it has no notice: only a change needs the badge painted.
      if (await unread.set(tabId, frameId, url, notice)) await paint(tabId);
    },
    reportError: async (text) => {
      errorShown = true;
      await browser.storage.local.set({ [STORAGE_ERROR_KEY]: { message: text, at: Date.now() } });
    },
    clearError: async () => {
      if (errorShown) {
        await browser.storage.local.remove(STORAGE_ERROR_KEY);
        checkKept();
      }
      errorShown = false;
    },
    now: () => Date.now(),
  };

  // Rows a closed (or navigated, or frozen) tab left in the durable outbox are stored here.
  // One drain at a time, in order (a tab closing during a drain gets its own pass after it).
  let draining: Promise<number> = Promise.resolve(0);
  // Only entries of pages that are gone (tab closed, navigated, or silent for a while):
  // a live page's rows are on their way in its own batches.
  const live = new LivePages();
  let lastIdleDrain = Date.now();
  const drain = () => {
    draining = draining
      .catch(() => 0)
      .then(() =>
        drainOutboxes(browser.storage.local as unknown as KeyValueStore, async (entry) => {
          await storeRecords(entry.items.map((i) => i.record), { url: entry.url, readAt: entry.items.map((i) => i.readAt), pageId: entry.pageId, rejected: entry.rejected }, deps);
        }, live.eligible(Date.now())),
      )
      .catch(() => 0);
    return draining;
  };
  browser.tabs.onRemoved.addListener((tabId) => {
    live.tabClosed(tabId);
    void drain();
  });
  void drain();

  browser.runtime.onMessage.addListener((message, sender) => {
    const routed = routeWalkMessage(message, sender, {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      allowedPatterns: async () => [...DEFAULT_MATCHES, ...(await stored.settings()).settings.portals],
      walks,
    });
    if (routed) return routed;
    if (outboxDrainSchema.safeParse(message).success && sender.id === browser.runtime.id && !sender.tab) {
      return drain().then((rows) => ({ ok: true, rows }));
    }
    // Chrome only honours a real Promise returned here: handleContentMessage is async, so
    // the reply is sent after the Dexie transaction has committed. After a page's batch,
    // outbox entries no page has touched for a few seconds (a tab gone) are stored too.
    const reply = handleContentMessage(
      message,
      {
        id: sender.id,
        url: sender.url,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        documentId: (sender as { documentId?: string }).documentId,
      },
      deps,
    ).catch(() => undefined);
    const m = message as { type?: unknown; pageId?: unknown };
    if (m?.type === 'capture/batch' && typeof m.pageId === 'string' && sender.tab?.id !== undefined) {
      // A new page reading in a frame means the frame's previous page is gone.
      if (live.seen(m.pageId, sender.tab.id, sender.frameId ?? 0).length > 0) void drain();
    }
    // After a stored batch, pages silent for a while (a tab frozen or gone) are stored too.
    void reply.then((r) => {
      if (r?.ok && Date.now() - lastIdleDrain > STALE_MS) {
        lastIdleDrain = Date.now();
        void drain();
      }
    });
    return reply;
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
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    stored.changed();
    resync();
  });
});
