/**
 * The one reader and writer of the settings in extension storage (storage.local under
 * SETTINGS_KEY), for the worker, the content script and the pages alike: a stored value
 * that does not validate is never used (the defaults stand in for it, and the reader says
 * so); nothing is written that does not validate.
 *
 * Why not WXT's `storage.defineItem` with versions: the settings value carries its own
 * `version` (checked by zod, and carried by backups, which restore through saveSettings),
 * so a second version in WXT's `settings$` meta key could disagree with it; an invalid
 * stored value must be reported (`fellBack`), where an item's fallback would hide it;
 * and the wrapper (about 16 kB before minifying) would ride in the content script that
 * runs in every portal frame. A future settings version is migrated in parseSettings.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, settingsSchema, type Settings } from './settings';

export interface LoadedSettings {
  settings: Settings;
  /** true when something was stored but did not validate (defaults used instead). */
  fellBack: boolean;
}

export function parseSettings(value: unknown): LoadedSettings {
  if (value === undefined || value === null) return { settings: DEFAULT_SETTINGS, fellBack: false };
  const parsed = settingsSchema.safeParse(value);
  return parsed.success ? { settings: parsed.data, fellBack: false } : { settings: DEFAULT_SETTINGS, fellBack: true };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

/** Validate, then save. Throws (and saves nothing) when the value is not valid settings. */
export async function saveSettings(value: Settings): Promise<Settings> {
  const settings = settingsSchema.parse(value);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}
