/**
 * Keeps the dynamically registered content script in step with the portals the
 * user added in the options page (and was granted access to).
 */
import { browser } from 'wxt/browser';
import { DEFAULT_MATCHES } from '../portals';

export const EXTRA_SCRIPT_ID = 'portal-extra';
/** The built content script of every portal frame (the cheap look), as registration and injection name it. */
export const CONTENT_FILE = 'content-scripts/look.js';
/** The reader, loaded by the worker only into frames the look found records in. */
export const READER_FILE = 'content-scripts/portal.js';

export async function grantedPortals(portals: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of portals) {
    try {
      if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
    } catch {
      // an invalid pattern is simply not granted
    }
  }
  return granted;
}

export async function syncRegistration(portals: readonly string[]): Promise<string[]> {
  const matches = (await grantedPortals(portals)).filter((p) => !DEFAULT_MATCHES.includes(p));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: EXTRA_SCRIPT_ID, js: [CONTENT_FILE], matches, runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
    ]);
  }
  return matches;
}
