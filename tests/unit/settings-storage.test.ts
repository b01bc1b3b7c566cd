/**
 * The settings' one reader/writer over extension storage (WXT's in-memory fake browser):
 * what is saved reads back, an invalid value is never written, and a stored value that
 * does not validate is replaced by the defaults with `fellBack` set.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../utils/settings';
import { loadSettings, saveSettings } from '../../utils/settings-storage';

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('nothing stored: the defaults, not a fallback', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, fellBack: false });
  });
  it('saves a valid value and reads it back', async () => {
    const mine: Settings = { ...DEFAULT_SETTINGS, portals: ['https://motcua.example.gov.vn/*'] };
    await saveSettings(mine);
    expect(await loadSettings()).toEqual({ settings: mine, fellBack: false });
  });
  it('refuses to write an invalid value and keeps what was stored', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    await expect(saveSettings({ ...DEFAULT_SETTINGS, portals: ['not a pattern'] })).rejects.toThrow();
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
  });
  it('an invalid stored value is reported and never used', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 99 } });
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, fellBack: true });
  });
});
