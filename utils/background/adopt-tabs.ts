/**
 * After the extension is installed, updated, reloaded or re-enabled, the portal tabs that
 * were already open have no live content script (the old one lost its extension). Inject
 * it again so capture goes on without the user reloading every tab. Once per extension
 * session: session storage is emptied exactly on those events.
 */
import { browser } from 'wxt/browser';
import { CONTENT_FILE } from './registration';

const ADOPTED_KEY = 'adoptedOpenTabs';

export async function adoptOpenPortalTabs(patterns: readonly string[]): Promise<number> {
  const done = await browser.storage.session.get(ADOPTED_KEY);
  if (done[ADOPTED_KEY]) return 0;
  await browser.storage.session.set({ [ADOPTED_KEY]: true });
  // Host permissions let us see these tabs' addresses; no "tabs" permission needed.
  const tabs = await browser.tabs.query({ url: [...patterns] });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [`/${CONTENT_FILE}`] });
      injected++;
    } catch {
      // A tab that is loading, crashed or an error page: its next load runs the script anyway.
    }
  }
  return injected;
}
