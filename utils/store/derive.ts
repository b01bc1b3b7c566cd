/**
 * Pure derivation of the store's aggregate rows from stored records: the result row of
 * a group of records and the cell it adds to. Shared by the upsert path and the
 * schema upgrade so both build the same rows.
 */
import type { StoredRecord } from '../records';
import { fold } from '../text/fold';
import { resultFacts, stateOf, syncStateOf, validityOf } from '../result-rules';
import type { CellRow, ResultRow } from './types';

/** The result row made of the records sharing one resultKey. */
export function deriveResult(rkey: string, group: readonly StoredRecord[]): ResultRow {
  const f = resultFacts(group);
  // The worklist links to where the result was last seen, preferring its result row.
  const byRecency = [...group].sort(
    (a, b) => (a.kind === b.kind ? b.lastSeen - a.lastSeen : a.kind === 'result' ? -1 : 1),
  );
  return {
    rkey,
    dept: f.department ?? '',
    exists: f.exists ? 1 : 0,
    date: f.date,
    validUntil: f.validUntil,
    permanent: f.permanent,
    digitized: f.digitized,
    state: stateOf(f.digitized),
    synced: f.synced,
    sync: syncStateOf(f.synced),
    code: f.code,
    resultNumber: f.resultNumber,
    procedure: f.procedure,
    sourceUrl: byRecency[0]?.sourceUrl ?? '',
    ownPageUrl: byRecency.map((r) => r.sourceUrl).find((u) => namesCode(u, f.code)) ?? '',
    sources: group.map((r) => r.key).sort(),
  };
}

/**
 * A page address that names the dossier's code (…?ma_ho_so=000.00.13.H37-…, …/ho-so/000.00…)
 * is that dossier's own page: the worklist links there rather than to the list.
 */
export function namesCode(url: string, code: string | null): boolean {
  if (!url || !code || code.length < 8) return false;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a malformed escape: compare the raw address
  }
  return fold(decoded).includes(fold(code));
}

export type CellKey = Omit<CellRow, 'count'>;

/**
 * The cell a result adds one to, or null when it can never count (no result yet, no date).
 * Cells are by month (of the date and of the validity end), so a store of any size has a
 * few thousand; the days a period or its reference date cut through are read from the
 * results (tallyFromCells, tallyDetails).
 */
export function cellOf(r: ResultRow | undefined): CellKey | null {
  if (r?.exists !== 1 || r.date === null) return null;
  const validity = validityOf(r.permanent, r.validUntil).slice(0, 7);
  const month = r.date.slice(0, 7);
  return {
    id: `${r.dept}|${month}|${r.state}|${r.sync}|${validity}`,
    dept: r.dept,
    date: month,
    state: r.state,
    sync: r.sync,
    validity,
  };
}

/** Net change of cell counts, keyed by cell id. */
export class CellDelta {
  readonly changes = new Map<string, { cell: CellKey; delta: number }>();

  move(before: CellKey | null, after: CellKey | null): void {
    if (before && after && before.id === after.id) return;
    if (before) this.bump(before, -1);
    if (after) this.bump(after, +1);
  }

  private bump(cell: CellKey, d: number): void {
    const c = this.changes.get(cell.id);
    if (c) c.delta += d;
    else this.changes.set(cell.id, { cell, delta: d });
  }
}

/** Cells built from scratch (schema upgrade, checks). */
export function cellsFromResults(results: Iterable<ResultRow>): CellRow[] {
  const cells = new Map<string, CellRow>();
  for (const r of results) {
    const k = cellOf(r);
    if (!k) continue;
    const c = cells.get(k.id);
    if (c) c.count += 1;
    else cells.set(k.id, { ...k, count: 1 });
  }
  return [...cells.values()];
}
