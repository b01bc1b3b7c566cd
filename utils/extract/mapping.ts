/**
 * "Ánh xạ cột": a clerk's choice of meaning for each column of a table layout the rules
 * could not read, saved per portal host and header signature. The signature is a hash of
 * the folded leaf headers, so the same layout on any page of that portal matches, and a
 * changed layout (a column added) does not pick up a mapping made for another one.
 */
import type { ColumnMapping } from '../settings';
import { matchKey } from '../text/keys';
import { isPersonalHeader } from '../vocab/personal-columns';
import type { Column } from './columns';

/** FNV-1a over the folded headers, plus their count: "3f2a9c01-6". */
export function headerSignature(headers: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = headers.map((t) => matchKey(t)).join('|');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}-${Math.min(headers.length, 99)}`;
}

/** The host a mapping is saved under (lower case, port kept). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** The saved mapping for these columns on this page's host, if any. */
export function findMapping(mappings: readonly ColumnMapping[] | undefined, url: string, columns: readonly Column[]): ColumnMapping | null {
  if (!mappings || mappings.length === 0 || columns.length === 0) return null;
  const host = hostOf(url);
  const mine = mappings.filter((m) => m.host === host);
  if (mine.length === 0) return null;
  const sig = headerSignature(columns.map((c) => c.text));
  return mine.find((m) => m.signature === sig && m.fields.length === columns.length) ?? null;
}

/** Columns with the clerk's meanings; a personal-data column stays unread whatever was saved. */
export function applyMapping(columns: readonly Column[], mapping: ColumnMapping): Column[] {
  return columns.map((c, i) => {
    if (c.field === 'applicant' || isPersonalHeader(c.text)) return { ...c, field: 'applicant' };
    const f = mapping.fields[i] ?? 'skip';
    return { ...c, field: f === 'skip' ? null : f };
  });
}
