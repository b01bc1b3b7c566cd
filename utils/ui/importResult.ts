/** Import helpers for the popup (pure): which kind of file, and what happened. */

export type ImportKind = 'backup' | 'csv';

/** A backup is JSON (an object); a detail CSV is text with a header line. null: neither. */
export function detectImportKind(name: string, text: string): ImportKind | null {
  const body = text.replace(/^\ufeff/u, '').trimStart();
  const lower = name.toLowerCase();
  if (body.startsWith('{')) return 'backup';
  if (lower.endsWith('.json')) return 'backup';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (/^[^\n]*[,;][^\n]*\r?\n/u.test(body)) return 'csv';
  return null;
}

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: string[];
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const msg = typeof o.message === 'string' ? o.message : JSON.stringify(o);
    const line = typeof o.line === 'number' ? o.line : typeof o.row === 'number' ? o.row : null;
    return line !== null ? `Dòng ${line}: ${msg}` : msg;
  }
  return String(e);
}

/**
 * Normalise what an import step returned ({ inserted, updated, unchanged, errors?,
 * rejected? } or { ok: false, errors }) into counts and readable error lines.
 */
export function summariseImport(value: unknown): ImportSummary {
  const out: ImportSummary = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
  if (!value || typeof value !== 'object') return out;
  const o = value as Record<string, unknown>;
  const counts = o.counts && typeof o.counts === 'object' ? (o.counts as Record<string, unknown>) : o;
  out.inserted = num(counts.inserted);
  out.updated = num(counts.updated);
  out.unchanged = num(counts.unchanged);
  out.rejected = Array.isArray(o.rejected) ? o.rejected.length : num(o.rejected);
  if (Array.isArray(o.errors)) out.errors = o.errors.map(errorText);
  if (o.ok === false && out.errors.length === 0) out.errors = [typeof o.error === 'string' ? o.error : 'Tệp không hợp lệ'];
  return out;
}
