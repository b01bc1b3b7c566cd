/**
 * The record contract: the extraction output format of the portal fixtures, its zod
 * schema (bounded, so a hostile page cannot push megabytes through a message),
 * identity keys and the field-level merge rule.
 */
import { z } from 'zod';
import './zod-config';
import { fold } from './text/fold';

export const MAX_TEXT = 2000; // longest text field kept; longer portal text is cut, not rejected
export const MAX_CODE = 200;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'date must be YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

export const DEPARTMENT_FROM = ['column', 'page', 'field-mapping', 'alias', 'manual'] as const;

// Marked pure: the content script shares this module but must not carry zod (wxt.config.ts).
export const recordSchema = /* @__PURE__ */ z
  .object({
    kind: z.enum(['dossier', 'result']),
    code: text(MAX_CODE).nullable(),
    resultNumber: text(MAX_CODE).nullable(),
    procedure: text(MAX_TEXT).nullable(),
    field: text(MAX_TEXT).nullable(),
    department: text(300).nullable(),
    departmentFrom: z.enum(DEPARTMENT_FROM).nullable().optional(),
    receivedAt: isoDate.nullable(),
    dueAt: isoDate.nullable(),
    resolvedAt: isoDate.nullable(),
    issuedAt: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    permanent: z.boolean().nullable(),
    status: text(500).nullable(),
    statusCode: z.number().int().min(1).max(10).nullable(),
    digitized: z.boolean().nullable(),
  })
  .strict()
  .refine((r) => r.code !== null || r.resultNumber !== null, {
    message: 'a record needs a dossier code or a result number',
  })
  .refine((r) => r.kind === 'result' || r.code !== null, {
    message: 'a dossier record needs a dossier code',
  });

export type PortalRecord = z.infer<typeof recordSchema>;

/** The record format of the fixtures, in its field order (for `extract` and conformance). */
export const OUTPUT_FIELDS = [
  'kind',
  'code',
  'resultNumber',
  'procedure',
  'field',
  'department',
  'departmentFrom',
  'receivedAt',
  'dueAt',
  'resolvedAt',
  'issuedAt',
  'validUntil',
  'permanent',
  'status',
  'statusCode',
  'digitized',
] as const;

/** Fields of a record that carry facts (everything but identity). */
export const FACT_FIELDS = OUTPUT_FIELDS.filter(
  (f): f is Exclude<(typeof OUTPUT_FIELDS)[number], 'kind' | 'code' | 'resultNumber'> => f !== 'kind' && f !== 'code' && f !== 'resultNumber',
);

/** Identity: dossier → folded code; result → folded code + number, or number alone. */
export function recordKey(r: Pick<PortalRecord, 'kind' | 'code' | 'resultNumber'>): string {
  const code = r.code ? fold(r.code).replace(/\s+/gu, '') : '';
  if (r.kind === 'dossier') return `d|${code}`;
  const num = r.resultNumber ? fold(r.resultNumber).replace(/\s+/gu, '') : '';
  return `r|${code}|${num}`;
}

/**
 * Identity of the result a record stands for in the tally: a dossier and its result
 * share the dossier code; a result without a code counts by its number.
 */
export function resultKey(r: Pick<PortalRecord, 'code' | 'resultNumber'>): string {
  if (r.code) return `c|${fold(r.code).replace(/\s+/gu, '')}`;
  return `n|${fold(r.resultNumber ?? '').replace(/\s+/gu, '')}`;
}

/** A record as stored: the facts plus identity and provenance. */
export interface StoredRecord extends PortalRecord {
  key: string;
  /** Department key for the index: canonical name, or '' when unresolved. */
  dept: string;
  firstSeen: number;
  lastSeen: number;
  sourceUrl: string;
}

/**
 * One field of the merge rule: a value once seen never becomes null because a later
 * page lacks the column; the newer non-null value replaces the older one (a status moves
 * on) — except digitization, which only moves forward: once a result file has been seen,
 * an older or cached list showing "no file" does not undo it, whichever tab wrote last.
 */
export function mergeValue<T>(field: string, current: T | null | undefined, incoming: T | null | undefined, incomingIsNewer: boolean): T | null {
  const cur = current ?? null;
  const inc = incoming ?? null;
  if (inc === null) return cur;
  if (cur === null) return inc;
  if (field === 'digitized') return ((cur as unknown) === true || (inc as unknown) === true) as T;
  return incomingIsNewer ? inc : cur;
}

/** Field-level merge of another reading into a record (see mergeValue). */
export function mergeFacts<T extends PortalRecord>(old: T, incoming: PortalRecord, incomingIsNewer = true): { merged: T; changed: boolean } {
  const merged = { ...old } as T;
  const out = merged as Record<string, unknown>;
  let changed = false;
  for (const f of FACT_FIELDS) {
    const v = mergeValue(f, old[f], incoming[f], incomingIsNewer);
    if ((old[f] ?? null) !== v) {
      out[f] = v;
      changed = true;
    }
  }
  // Identity fields: keep the shown form once known.
  if (!merged.code && incoming.code) {
    merged.code = incoming.code;
    changed = true;
  }
  if (!merged.resultNumber && incoming.resultNumber) {
    merged.resultNumber = incoming.resultNumber;
    changed = true;
  }
  return { merged, changed };
}

/** Records merged by identity, in first-seen order (later values win, nulls never erase). */
export function mergeByKey<T extends PortalRecord>(records: readonly T[]): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const r of records) {
    const k = recordKey(r);
    const old = byKey.get(k);
    byKey.set(k, old ? mergeFacts(old, r).merged : { ...r });
  }
  return byKey;
}

export function toOutput(r: PortalRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of OUTPUT_FIELDS) out[f] = r[f] ?? null;
  return out;
}
