/**
 * `useSettings`: the settings as React state, kept in step with changes made elsewhere
 * (reads and writes go through utils/settings-storage.ts).
 */
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../utils/settings';
import { parseSettings, type LoadedSettings } from '../utils/settings-storage';
import { useStorageValue } from './useStorageValue';

export function useSettings(): LoadedSettings | undefined {
  return useStorageValue('local', SETTINGS_KEY, parseSettings, () => ({ settings: DEFAULT_SETTINGS, fellBack: true }));
}
