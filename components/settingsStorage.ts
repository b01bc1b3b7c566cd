/**
 * Settings in browser.storage.local under SETTINGS_KEY: read with fallback to the
 * defaults (an invalid stored value is reported, never used), write only after zod
 * validation. A hook keeps a page in step with changes made elsewhere.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, settingsSchema, type Settings } from '../utils/settings';
import { loadSettings, parseSettings, type LoadedSettings } from '../utils/settings-storage';

export { loadSettings, parseSettings, type LoadedSettings } from '../utils/settings-storage';

/** Validate, then save. Throws (and saves nothing) when the value is not valid settings. */
export async function saveSettings(value: Settings): Promise<Settings> {
  const settings = settingsSchema.parse(value);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

export function useSettings(): LoadedSettings | undefined {
  const [state, setState] = useState<LoadedSettings>();
  useEffect(() => {
    let alive = true;
    loadSettings()
      .then((s) => alive && setState(s))
      .catch(() => alive && setState({ settings: DEFAULT_SETTINGS, fellBack: true }));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setState(parseSettings(changes[SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
