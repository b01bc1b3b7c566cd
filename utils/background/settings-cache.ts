/**
 * The worker's settings, read once and kept until they change: every capture batch needs
 * the allowed portals and the department index, and reading extension storage for each
 * batch costs a round trip to the browser (slow while a long page loads). A failed read is
 * not kept.
 */
import type { LoadedSettings } from '../settings-storage';
import { departmentIndex, type DepartmentIndex } from '../vocab/departments';

export interface SettingsCache {
  settings(): Promise<LoadedSettings>;
  departments(): Promise<DepartmentIndex>;
  /** The stored settings changed (storage.onChanged): read them again next time. */
  changed(): void;
}

export function settingsCache(load: () => Promise<LoadedSettings>): SettingsCache {
  let loaded: Promise<LoadedSettings> | null = null;
  let index: { of: LoadedSettings; idx: DepartmentIndex } | null = null;
  const settings = (): Promise<LoadedSettings> => {
    if (!loaded) {
      const p = load();
      loaded = p;
      p.catch(() => {
        if (loaded === p) loaded = null;
      });
    }
    return loaded;
  };
  return {
    settings,
    async departments() {
      const s = await settings();
      if (index?.of !== s) index = { of: s, idx: departmentIndex(s.settings) };
      return index.idx;
    },
    changed() {
      loaded = null;
      index = null;
    },
  };
}
