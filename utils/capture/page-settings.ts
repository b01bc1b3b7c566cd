/**
 * Settings as the content script reads them, without zod: the options page and the
 * worker validate every value they store with `settingsSchema`, so here a value is only
 * checked to have the shape the extraction reads; anything else means the defaults.
 * Keys added to the defaults later are filled in when a stored value lacks them.
 */
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings';

const isArrayOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): boolean => typeof x === 'string';

export function pageSettings(value: unknown): Settings {
  if (!isObj(value) || value.version !== 1) return DEFAULT_SETTINGS;
  const ok =
    isArrayOf(value.departments, (d) => isObj(d) && isStr(d.name) && isArrayOf(d.aliases, isStr)) &&
    isArrayOf(value.fieldMapping, (m) => isObj(m) && isStr(m.field) && isStr(m.department)) &&
    isArrayOf(value.portals, isStr) &&
    (value.columnMappings === undefined ||
      isArrayOf(value.columnMappings, (m) => isObj(m) && isStr(m.host) && isStr(m.signature) && isArrayOf(m.headers, isStr) && isArrayOf(m.fields, isStr)));
  return ok ? ({ ...DEFAULT_SETTINGS, ...value } as Settings) : DEFAULT_SETTINGS;
}

export { SETTINGS_KEY };
