/**
 * Settings in browser.storage.local under SETTINGS_KEY: read with fallback to the
 * defaults (an invalid stored value is reported, never used), write only after zod
 * validation. `useSettings` keeps a page in step with changes made elsewhere.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, settingsSchema, type Settings } from '../utils/settings';
import { parseSettings, type LoadedSettings } from '../utils/settings-storage';
import { useStorageValue } from './useStorageValue';

export { loadSettings, parseSettings, type LoadedSettings } from '../utils/settings-storage';

/** Validate, then save. Throws (and saves nothing) when the value is not valid settings. */
export async function saveSettings(value: Settings): Promise<Settings> {
  const settings = settingsSchema.parse(value);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

export function useSettings(): LoadedSettings | undefined {
  return useStorageValue('local', SETTINGS_KEY, parseSettings, () => ({ settings: DEFAULT_SETTINGS, fellBack: true }));
}
