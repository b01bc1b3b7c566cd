/**
 * "Ánh xạ cột" as data: the clerk's choices for an unread table become one validated
 * ColumnMapping (zod, same schema as the settings), saved in Settings.columnMappings
 * per host and header signature; a newer mapping of the same layout replaces the older.
 */
import { columnMappingSchema, MAPPABLE_FIELDS, type ColumnMapping, type MappableField, type Settings } from '../settings';
import type { UnreadNotice } from '../unread';

export { MAPPABLE_FIELDS };

/** The choices the form starts with: what the rules read now; personal columns skipped. */
export function initialChoices(notice: UnreadNotice): MappableField[] {
  return notice.headers.map((_, i) => (notice.personal[i] ? 'skip' : (notice.suggested[i] ?? 'skip')));
}

export type BuildResult = { ok: true; mapping: ColumnMapping } | { ok: false; error: 'need-key' | 'invalid' };

export function buildMapping(host: string, notice: UnreadNotice, choices: readonly MappableField[], now: number): BuildResult {
  const fields = notice.headers.map((_, i) => (notice.personal[i] ? 'skip' : (choices[i] ?? 'skip')));
  if (!fields.includes('code') && !fields.includes('resultNumber')) return { ok: false, error: 'need-key' };
  const parsed = columnMappingSchema.safeParse({ host, signature: notice.signature, headers: notice.headers, fields, savedAt: now });
  return parsed.success ? { ok: true, mapping: parsed.data } : { ok: false, error: 'invalid' };
}

/** Settings with this mapping added (replacing one for the same host and layout). */
export function withMapping(settings: Settings, mapping: ColumnMapping): Settings {
  const others = (settings.columnMappings ?? []).filter((m) => !(m.host === mapping.host && m.signature === mapping.signature));
  return { ...settings, columnMappings: [...others, mapping] };
}

export function withoutMapping(settings: Settings, host: string, signature: string): Settings {
  return { ...settings, columnMappings: (settings.columnMappings ?? []).filter((m) => !(m.host === host && m.signature === signature)) };
}
