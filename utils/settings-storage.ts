/**
 * Reading settings from extension storage (background, content script and pages alike):
 * a stored value that does not validate is never used; the defaults stand in for it.
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
