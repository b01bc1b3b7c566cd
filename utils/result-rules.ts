/**
 * The result rules, shared by the tally (tally.ts) and the store (store/*): which records
 * make one result, its merged facts, its digitization and sync state, when it counts in
 * a period, and the row shapes of the store's derived tables. It imports neither the
 * tally nor the store, so neither has to import the other.
 * Rules: /work/shared/fixtures/portal/README.md "Tally rules".
 */
import type { Period } from './period';
import { assignResultKeys, MANUAL_FIELDS, mergeFacts, recordKey, type PortalRecord } from './records';
import { isIsoDate } from './text/dates';

/** Digitization state of a result, as an indexable string (IndexedDB cannot index booleans or null). */
export type DigitizedState = 'digitized' | 'pending' | 'unknown';

/** Archive-sync state of a result, indexable like DigitizedState. */
export type SyncState = 'synced' | 'unsynced' | 'unknown';

/** One row per result (tally identity = resultKey()): the merged facts the tally needs. */
export interface ResultRow {
  rkey: string;
  /** Canonical department, or '' when unresolved. */
  dept: string;
  /** 1 when a result exists (result record, or dossier with status 9/10 or a resolved date). */
  exists: 0 | 1;
  /** Date that gives the year: issuedAt ?? resolvedAt ?? receivedAt ?? yyMMdd of the code. */
  date: string | null;
  validUntil: string | null;
  permanent: boolean | null;
  digitized: boolean | null;
  state: DigitizedState;
  synced: boolean | null;
  sync: SyncState;
  /** Shown identity, for the worklist. */
  code: string | null;
  resultNumber: string | null;
  /** Procedure name, for the worklists. */
  procedure: string | null;
  /** Page where the result (preferably its result row) was last seen. */
  sourceUrl: string;
  /** The dossier's own page (an address naming its code), when one was seen; else ''. */
  ownPageUrl: string;
  /** Keys of the records this result is made of. */
  sources: string[];
}

/** Validity class of a cell: '' = always in force (permanent or no end date), else the month (YYYY-MM) of validUntil. */
export type ValidityClass = string;

/** Count of existing, dated results per (department, month, digitization, sync, validity month). */
export interface CellRow {
  /** `${dept}|${month}|${state}|${sync}|${validity}` */
  id: string;
  dept: string;
  /** Month of the result's date, YYYY-MM. */
  date: string;
  state: DigitizedState;
  sync: SyncState;
  validity: ValidityClass;
  count: number;
}

/** The counts of one department × year line (the tally's rows, a unit's summary file). */
export interface LineCounts {
  total: number;
  digitized: number;
  pending: number;
  unknown: number;
  /** Archive sync (đồng bộ kho): known synced, known not synced (the rest is not shown). */
  synced: number;
  unsynced: number;
}

export function stateOf(digitized: boolean | null | undefined): DigitizedState {
  return digitized === true ? 'digitized' : digitized === false ? 'pending' : 'unknown';
}

export function syncStateOf(synced: boolean | null | undefined): SyncState {
  return synced === true ? 'synced' : synced === false ? 'unsynced' : 'unknown';
}

/** When a result stops being in force: '' when always (permanent or no end date), else its end date (a cell keeps its month). */
export function validityOf(permanent: boolean | null | undefined, validUntil: string | null | undefined): ValidityClass {
  return permanent === true || !validUntil ? '' : validUntil;
}

/**
 * The one in-period / in-force rule: a result dated `date` with validity class `validity`
 * counts in `period` when its date is inside the period and it is still in force on the
 * reference date (always in force, or valid until that day or later).
 */
export function countsIn(period: Period, date: string | null, validity: ValidityClass): boolean {
  if (date === null || date < period.from || date > period.to) return false;
  return validity === '' || validity >= period.reference;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The yyMMdd inside a dossier code (000.00.13.H37-230615-0007 → 2023-06-15), or null. */
export function dateFromCode(code: string | null | undefined): string | null {
  if (!code) return null;
  for (const m of code.matchAll(/(?:^|[-_./])(\d{2})(\d{2})(\d{2})(?=$|[-_./])/gu)) {
    const iso = `20${m[1]}-${m[2]}-${m[3]}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

/** Merged facts of one result, as the tally sees it. */
export interface ResultFacts {
  exists: boolean;
  department: string | null;
  date: string | null;
  validUntil: string | null;
  permanent: boolean | null;
  digitized: boolean | null;
  synced: boolean | null;
  code: string | null;
  resultNumber: string | null;
  procedure: string | null;
}

/**
 * One result from the records sharing its resultKey: the dossier's facts first, then
 * each result record's non-null facts over them (result rows know validity and
 * digitization better). Result records apply in key order so the answer never
 * depends on the order pages were visited.
 */
export function resultFacts(group: readonly PortalRecord[]): ResultFacts {
  const dossiers = group.filter((r) => r.kind === 'dossier');
  const results = group
    .filter((r) => r.kind === 'result')
    .sort((a, b) => cmp(recordKey(a), recordKey(b)));
  const ordered = [...dossiers, ...results];
  const first = ordered[0];
  if (!first) throw new Error('resultFacts needs at least one record');
  let merged: PortalRecord = { ...first };
  for (const r of ordered.slice(1)) merged = mergeFacts(merged, r).merged;
  // A clerk's correction is made for the whole result: it wins over every reading.
  const out = merged as Record<string, unknown>;
  for (const [field, mark] of Object.entries(MANUAL_FIELDS)) {
    const manual = group.find((r) => (r as unknown as Record<string, unknown>)[mark] === 'manual');
    if (manual) out[field] = (manual as unknown as Record<string, unknown>)[field] ?? null;
  }
  const exists =
    results.length > 0 || dossiers.some((d) => d.statusCode === 9 || d.statusCode === 10 || d.resolvedAt !== null);
  const code = ordered.find((r) => r.code)?.code ?? null;
  const resultNumber = results.find((r) => r.resultNumber)?.resultNumber ?? null;
  return {
    exists,
    department: merged.department ?? null,
    date: merged.issuedAt ?? merged.resolvedAt ?? merged.receivedAt ?? dateFromCode(code),
    validUntil: merged.validUntil ?? null,
    permanent: merged.permanent ?? null,
    digitized: merged.digitized ?? null,
    synced: merged.synced ?? null,
    code,
    resultNumber,
    procedure: merged.procedure ?? null,
  };
}

/** Records grouped by the result they stand for (a code-less result joins its coded twin). */
export function groupByResult<T extends PortalRecord>(records: Iterable<T>): Map<string, T[]> {
  const list = [...records];
  const keys = assignResultKeys(list);
  const groups = new Map<string, T[]>();
  for (const r of list) {
    const k = keys.get(r)!;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}
