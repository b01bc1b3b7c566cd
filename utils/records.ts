/**
 * The record contract: the extraction output format of the portal fixtures, its zod
 * schema (bounded, so a hostile page cannot push megabytes through a message),
 * identity keys and the field-level merge rule.
 */
import { z } from 'zod';
import './zod-config';
import { isIsoDate } from './text/dates';
import { fold } from './text/fold';

export const MAX_TEXT = 2000; // longest text field kept; longer portal text is cut, not rejected
export const MAX_CODE = 200;

/** A real calendar date between 1900 and 2100 (no 2020-13-45, no year 9999). */
export const isRealIsoDate = (iso: string): boolean => isIsoDate(iso, 1900, 2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'date must be YYYY-MM-DD').refine(isRealIsoDate, 'not a real date');
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
    /** Synchronized to the archive (đồng bộ kho); optional so records written before it stay valid. */
    synced: z.boolean().nullable().optional(),
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
  'synced',
] as const;

/** Fields of a record that carry facts (everything but identity). */
export const FACT_FIELDS = OUTPUT_FIELDS.filter(
  (f): f is Exclude<(typeof OUTPUT_FIELDS)[number], 'kind' | 'code' | 'resultNumber'> => f !== 'kind' && f !== 'code' && f !== 'resultNumber',
);

/** Invisible characters a page may put inside a code (soft hyphen, zero-width, BOM, word joiner). */
const INVISIBLE = /[\u00ad\u200b-\u200d\ufeff\u2060]/gu;

/** Matching form of a code or number: folded, invisible characters and spaces dropped. */
export function idKey(text: string | null | undefined): string {
  return fold((text ?? '').replace(INVISIBLE, '')).replace(/\s+/gu, '');
}

/**
 * Identity: dossier → folded code; result → folded code + number, or — without a code —
 * number + issue date (numbers such as "01/GP-UBND" restart every year).
 */
export function recordKey(r: Pick<PortalRecord, 'kind' | 'code' | 'resultNumber'> & { issuedAt?: string | null }): string {
  const code = idKey(r.code);
  if (r.kind === 'dossier') return `d|${code}`;
  const base = `r|${code}|${idKey(r.resultNumber)}`;
  return code || !r.issuedAt ? base : `${base}|${r.issuedAt}`;
}

/**
 * The result a record stands for on its own: a dossier and its result share the dossier
 * code; a result without a code counts by its number and issue date, so two results
 * numbered "01/GP-UBND" in different years stay two.
 */
export function resultKey(r: Pick<PortalRecord, 'code' | 'resultNumber'> & { issuedAt?: string | null }): string {
  if (r.code) return `c|${idKey(r.code)}`;
  return `n|${idKey(r.resultNumber)}|${r.issuedAt ?? ''}`;
}

/**
 * Number + issue date of a result record ("12/gcn|2021-03-10", "12/gcn|" without a date;
 * '' without a number): how a code-less result finds its coded twin.
 */
export function linkKey(r: Pick<PortalRecord, 'kind' | 'resultNumber' | 'issuedAt'>): string {
  if (r.kind !== 'result' || !r.resultNumber) return '';
  return `${idKey(r.resultNumber)}|${r.issuedAt ?? ''}`;
}

/** Procedures agree when either is unknown or both fold to the same words. */
export function sameProcedure(a: string | null | undefined, b: string | null | undefined): boolean {
  return !a || !b || fold(a) === fold(b);
}

type Linkable = Pick<PortalRecord, 'kind' | 'code' | 'resultNumber' | 'issuedAt' | 'procedure'>;

/**
 * The result each record belongs to. A code-less result joins the coded result with the
 * same number and issue date (and the same procedure when both name one) — when exactly
 * one coded result fits; a code-less result without a date joins the one result of that
 * number when there is exactly one; otherwise it stays its own result. Pure: the store
 * applies it to each number's records, the reference tally to all records.
 */
export function assignResultKeys<T extends Linkable>(records: readonly T[]): Map<T, string> {
  const out = new Map<T, string>();
  const coded = new Map<string, T[]>();
  for (const r of records) {
    out.set(r, resultKey(r));
    const l = r.code && r.issuedAt ? linkKey(r) : '';
    if (l) coded.set(l, [...(coded.get(l) ?? []), r]);
  }
  const byNumber = new Map<string, T[]>();
  for (const r of records) {
    if (r.kind !== 'result' || !r.resultNumber) continue;
    const num = idKey(r.resultNumber);
    byNumber.set(num, [...(byNumber.get(num) ?? []), r]);
    if (r.code || !r.issuedAt) continue;
    const fits = (coded.get(linkKey(r)) ?? []).filter((c) => sameProcedure(c.procedure, r.procedure));
    const keys = new Set(fits.map((c) => resultKey(c)));
    if (keys.size === 1) out.set(r, [...keys][0]!);
  }
  for (const r of records) {
    if (r.kind !== 'result' || r.code || r.issuedAt || !r.resultNumber) continue;
    const others = (byNumber.get(idKey(r.resultNumber)) ?? []).filter((o) => o !== r && (o.code || o.issuedAt) && sameProcedure(o.procedure, r.procedure));
    const keys = new Set(others.map((o) => out.get(o)!));
    if (keys.size === 1) out.set(r, [...keys][0]!);
  }
  return out;
}

/** Who set a field by hand: the clerk's correction stays until the clerk changes it. */
export type ManualMark = 'manual' | null;

/** A record as stored: the facts plus identity and provenance. */
export interface StoredRecord extends PortalRecord {
  key: string;
  /** Department key for the index: canonical name, or '' when unresolved. */
  dept: string;
  firstSeen: number;
  lastSeen: number;
  sourceUrl: string;
  /** When the facts now stored were read on the page (merges order by it). */
  readAt?: number;
  /** Which page reading (a random id per page load, 'import' for files) gave them. */
  readBy?: string;
  /** The result this record belongs to (see assignResultKeys). */
  rkey?: string;
  /** linkKey(): number + issue date of a result record, '' otherwise (indexed). */
  link?: string;
  /** 'manual' when the clerk corrected digitization by hand. */
  digitizedFrom?: ManualMark;
}

/** Only the record format's fields: nothing else (no applicant, no stray page data) is stored. */
export function pickFacts(r: PortalRecord): PortalRecord {
  const out: Record<string, unknown> = {};
  for (const f of OUTPUT_FIELDS) out[f] = r[f] ?? null;
  return out as PortalRecord;
}

/** Where and when a stored record's facts were read, and what the store settled about it. */
export type Provenance = Pick<StoredRecord, 'firstSeen' | 'lastSeen' | 'sourceUrl'> & Partial<Pick<StoredRecord, 'readAt' | 'readBy' | 'rkey' | 'digitizedFrom'>>;

/**
 * The one way a stored record is made (capture, merge, backup and CSV import): the
 * record format's facts only, what is derived from them — the key (unless the stored
 * one is kept), the department index and the link — and the provenance. Derived fields
 * are never copied from elsewhere, so they cannot disagree with the facts.
 */
export function storedRecord(facts: PortalRecord, provenance: Provenance, key: string = recordKey(facts)): StoredRecord {
  const f = pickFacts(facts);
  return { ...f, key, dept: f.department ?? '', link: linkKey(f), ...provenance };
}

/** Two readings by different pages this close are "at the same time" (two tabs racing). */
export const TIE_MS = 10_000;

/**
 * How an incoming reading compares to the stored one: newer by the time it was read on
 * the page; a tie when two different pages read it within TIE_MS (two tabs racing).
 */
export function readOrder(curAt: number, curBy: string | undefined, incAt: number, incBy: string | undefined): { newer: boolean; tie: boolean } {
  const sameReader = curBy !== undefined && curBy === incBy;
  return { newer: incAt >= curAt, tie: !sameReader && Math.abs(incAt - curAt) < TIE_MS };
}

/**
 * Per-field merge rules beyond "the newer reading wins". A yes/no fact that a clerk
 * would rather see confirmed (a result file seen) wins a tie between two tabs, so two
 * tabs racing never flip it back and forth; outside the tie window the later reading
 * wins and may undo it. Add a field here to give it the same rule.
 */
export const TIE_PREFERS_TRUE: ReadonlySet<string> = new Set(['digitized', 'synced']);

/** Fields a clerk can set by hand, and the mark that says so. */
export const MANUAL_FIELDS: Readonly<Record<string, 'departmentFrom' | 'digitizedFrom'>> = {
  department: 'departmentFrom',
  digitized: 'digitizedFrom',
};

/**
 * One field of the merge rule: a value once seen never becomes null because a later
 * page lacks the column; the newer reading's value replaces the older one (a status
 * moves on, a digitization seen by mistake is undone); in a tie (two tabs within
 * TIE_MS) a TIE_PREFERS_TRUE field keeps a yes, so racing tabs never flip it.
 */
export function mergeValue<T>(field: string, current: T | null | undefined, incoming: T | null | undefined, incomingIsNewer: boolean, tie = false): T | null {
  const cur = current ?? null;
  const inc = incoming ?? null;
  if (inc === null) return cur;
  if (cur === null) return inc;
  if (tie && TIE_PREFERS_TRUE.has(field)) return ((cur as unknown) === true || (inc as unknown) === true) as T;
  return incomingIsNewer ? inc : cur;
}

/** Field-level merge of another reading into a record (see mergeValue). */
export function mergeFacts<T extends PortalRecord>(old: T, incoming: PortalRecord, incomingIsNewer = true, tie = false): { merged: T; changed: boolean } {
  const merged = { ...old } as T;
  const out = merged as Record<string, unknown>;
  let changed = false;
  for (const f of FACT_FIELDS) {
    const v = mergeValue(f, old[f], incoming[f], incomingIsNewer, tie);
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
  return pickFacts(r) as unknown as Record<string, unknown>;
}
