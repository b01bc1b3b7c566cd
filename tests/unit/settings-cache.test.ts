import { describe, expect, it } from 'vitest';
import { settingsCache } from '../../utils/background/settings-cache';
import { parseSettings, type LoadedSettings } from '../../utils/settings-storage';
import { DEFAULT_SETTINGS } from '../../utils/settings';

describe('the worker settings cache', () => {
  it('reads the settings once until they change, and builds the department index once per reading', async () => {
    let reads = 0;
    let current: LoadedSettings = parseSettings(DEFAULT_SETTINGS);
    const cache = settingsCache(async () => {
      reads++;
      return current;
    });
    const [a, b] = await Promise.all([cache.settings(), cache.settings()]);
    expect(a).toBe(b);
    const idx = await cache.departments();
    expect(await cache.departments()).toBe(idx);
    expect(reads).toBe(1);
    current = parseSettings({ ...DEFAULT_SETTINGS, portals: ['https://dichvucong.example.gov.vn/*'] });
    cache.changed();
    expect((await cache.settings()).settings.portals).toEqual(['https://dichvucong.example.gov.vn/*']);
    expect(await cache.departments()).not.toBe(idx);
    expect(reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = settingsCache(async () => {
      if (fail) throw new Error('storage busy');
      return parseSettings(DEFAULT_SETTINGS);
    });
    await expect(cache.settings()).rejects.toThrow('storage busy');
    fail = false;
    await expect(cache.settings()).resolves.toBeTruthy();
  });
});
