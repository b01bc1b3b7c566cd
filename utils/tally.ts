/**
 * The tally, pure: which results count, and the per department × year table the
 * popup and the exports show. Two ways to the same table — from records (the
 * reference, straight from the rules) and from the store's cells (the fast path) —
 * so each checks the other.
 */
import { DEFAULT_PERIOD, periodYears, type Period } from './period';
import { mergeByKey, type PortalRecord } from './records';
import { cmp, countsIn, groupByResult, resultFacts, stateOf, syncStateOf, validityOf, type CellRow, type DigitizedState, type LineCounts, type ResultRow, type SyncState } from './result-rules';
import { compareDepartments, departmentKey, departmentLabel, UNASSIGNED } from './department-label';
import { splitPeriod } from './period-split';

export { splitPeriod, type PeriodSplit } from './period-split';

/** Rate at or above which a row is marked "Đạt" (QĐ 766/QĐ-TTg service index). */
export const TARGET_RATE = 80;

export interface Counts extends LineCounts {
  /** digitized / total × 100, null when total is 0. */
  rate: number | null;
  meets: boolean;
}
export interface TallyRow extends Counts {
  department: string;
  year: number;
}
/** A department's "Cộng" row. */
export interface DepartmentTotal extends Counts {
  department: string;
}
export interface Tally {
  period: Period;
  /** Per department and year, departments by name (vi), "Chưa phân loại" last, years ascending. */
  rows: TallyRow[];
  perDepartment: DepartmentTotal[];
  /** "Tổng cộng". */
  grand: Counts;
}

/** Per department and year: [digitized, pending, unknown, synced, unsynced]. */
type Acc = Map<string, Map<number, number[]>>;

function add(acc: Acc, dept: string, date: string, state: DigitizedState, sync: SyncState, n: number): void {
  const year = Number(date.slice(0, 4));
  let years = acc.get(dept);
  if (!years) {
    years = new Map();
    acc.set(dept, years);
  }
  let c = years.get(year);
  if (!c) {
    c = [0, 0, 0, 0, 0];
    years.set(year, c);
  }
  c[state === 'digitized' ? 0 : state === 'pending' ? 1 : 2]! += n;
  if (sync !== 'unknown') c[sync === 'synced' ? 3 : 4]! += n;
}

/** Reference tally straight from the rules (fixtures/portal/README.md "Tally rules"). */
export function tallyFromRecords(records: readonly PortalRecord[], period: Period = DEFAULT_PERIOD): Tally {
  const acc: Acc = new Map();
  for (const group of groupByResult(mergeByKey(records).values()).values()) {
    const f = resultFacts(group);
    if (!f.exists || f.date === null || !countsIn(period, f.date, validityOf(f.permanent, f.validUntil))) continue;
    add(acc, departmentLabel(f.department), f.date, stateOf(f.digitized), syncStateOf(f.synced), 1);
  }
  return buildTally(acc, period);
}

/**
 * Fast path: the same table from the store's month cells plus `details`, the results the
 * cells cannot decide (tallyDetails reads them: results dated in the partial months, and
 * results whose validity ends in the reference month). Exact, whatever the period.
 */
export function tallyFromCells(cells: readonly CellRow[], period: Period, details: readonly ResultRow[]): Tally {
  const acc: Acc = new Map();
  const split = splitPeriod(period);
  for (const c of cells) {
    if (c.count <= 0 || c.date < split.fullFrom || c.date > split.fullTo) continue;
    // Ends before the reference month: not in force; ends in it: decided day by day below.
    if (c.validity !== '' && c.validity <= split.refMonth) continue;
    add(acc, departmentLabel(c.dept), c.date, c.state, c.sync ?? 'unknown', c.count);
  }
  const seen = new Set<string>();
  for (const r of details) {
    if (seen.has(r.rkey) || r.exists !== 1 || r.date === null) continue;
    seen.add(r.rkey);
    const month = r.date.slice(0, 7);
    const validity = validityOf(r.permanent, r.validUntil);
    // In a whole month of the period, only a validity ending in the reference month is left to decide.
    const whole = month >= split.fullFrom && month <= split.fullTo;
    if (whole && validity.slice(0, 7) !== split.refMonth) continue; // counted by its cell
    if (!countsIn(period, r.date, validity)) continue;
    add(acc, departmentLabel(r.dept), r.date, r.state, r.sync ?? 'unknown', 1);
  }
  return buildTally(acc, period);
}

/**
 * `tally` after results changed: each pair takes one result's row out (before) and puts it
 * back in (after; either may be missing), each counted as tallyFromRecords counts a result.
 * Exact, like counting the store again. Null when a count would go below zero (the tally
 * was not the store's): the caller then drops it.
 */
export function moveResults(tally: Tally, moves: readonly (readonly [ResultRow | undefined, ResultRow | undefined])[]): Tally | null {
  const acc: Acc = new Map();
  for (const r of tally.rows) {
    const years = acc.get(r.department) ?? new Map<number, number[]>();
    acc.set(r.department, years);
    years.set(r.year, vectorOf(r));
  }
  const period = tally.period;
  const counted = (r: ResultRow | undefined): r is ResultRow & { date: string } =>
    r?.exists === 1 && r.date !== null && countsIn(period, r.date, validityOf(r.permanent, r.validUntil));
  let moved = false;
  for (const [before, after] of moves) {
    if (counted(before)) {
      add(acc, departmentLabel(before.dept), before.date, before.state, before.sync ?? 'unknown', -1);
      moved = true;
    }
    if (counted(after)) {
      add(acc, departmentLabel(after.dept), after.date, after.state, after.sync ?? 'unknown', 1);
      moved = true;
    }
  }
  if (!moved) return tally;
  for (const years of acc.values()) for (const v of years.values()) if (v.some((x) => x < 0)) return null;
  return buildTally(acc, period);
}

/** Counts of one row from [digitized, pending, unknown, synced, unsynced]. */
export function countsOf(v: readonly number[]): Counts {
  const [digitized = 0, pending = 0, unknown = 0, synced = 0, unsynced = 0] = v;
  const total = digitized + pending + unknown;
  const rate = total === 0 ? null : (digitized / total) * 100;
  return { total, digitized, pending, unknown, synced, unsynced, rate, meets: rate !== null && rate >= TARGET_RATE };
}

function sumInto(into: number[], v: readonly number[]): void {
  for (const [i, x] of v.entries()) into[i] = (into[i] ?? 0) + x;
}


function buildTally(acc: Acc, period: Period): Tally {
  const rows: TallyRow[] = [];
  const perDepartment: DepartmentTotal[] = [];
  const grand = [0, 0, 0, 0, 0];
  for (const dept of [...acc.keys()].sort(compareDepartments)) {
    const years = acc.get(dept)!;
    const sub = [0, 0, 0, 0, 0];
    for (const year of [...years.keys()].sort((a, b) => a - b)) {
      const v = years.get(year)!;
      if (v[0]! + v[1]! + v[2]! === 0) continue;
      rows.push({ department: dept, year, ...countsOf(v) });
      sumInto(sub, v);
    }
    if (sub[0]! + sub[1]! + sub[2]! === 0) continue;
    perDepartment.push({ department: dept, ...countsOf(sub) });
    sumInto(grand, sub);
  }
  return { period, rows, perDepartment, grand: countsOf(grand) };
}

const ZERO: readonly number[] = [0, 0, 0, 0, 0];
const vectorOf = (c: Counts): number[] => [c.digitized, c.pending, c.unknown, c.synced, c.unsynced];

/**
 * The table the office reads: every year of the period for every department — the
 * tally's and the named ones (settings) — with zeros where nothing counts, so "0" and
 * "not in the table" never look alike. Totals are unchanged.
 */
export function withAllYears(tally: Tally, departments: readonly string[] = []): Tally {
  const years = periodYears(tally.period);
  const names = [...new Set([...tally.perDepartment.map((d) => d.department), ...departments.filter((d) => d && d !== UNASSIGNED)])].sort(compareDepartments);
  const byKey = new Map(tally.rows.map((r) => [`${r.department}|${r.year}`, r]));
  const rows: TallyRow[] = [];
  const perDepartment: DepartmentTotal[] = [];
  for (const dept of names) {
    for (const year of years) rows.push(byKey.get(`${dept}|${year}`) ?? { department: dept, year, ...countsOf(ZERO) });
    // Rows outside the period's years cannot exist (the tally keeps dates inside it).
    perDepartment.push(tally.perDepartment.find((d) => d.department === dept) ?? { department: dept, ...countsOf(ZERO) });
  }
  return { period: tally.period, rows, perDepartment, grand: tally.grand };
}

/** A tally built from per department × year counts (consolidation of units' files). */
export function tallyFromRows(period: Period, rows: readonly { department: string; year: number; counts: Counts }[]): Tally {
  const acc: Acc = new Map();
  for (const r of rows) {
    const years = acc.get(r.department) ?? new Map<number, number[]>();
    acc.set(r.department, years);
    const v = years.get(r.year) ?? [0, 0, 0, 0, 0];
    sumInto(v, vectorOf(r.counts));
    years.set(r.year, v);
  }
  return buildTally(acc, period);
}

/** A result on a worklist (still to digitize, or digitization unknown). */
export interface PendingItem {
  rkey: string;
  department: string;
  code: string | null;
  resultNumber: string | null;
  procedure: string | null;
  date: string;
  sourceUrl: string;
  /** Where to go to act on it: the dossier's own page when one was seen, else the list page. */
  openUrl: string;
  /** openUrl is the dossier's own page. */
  ownPage: boolean;
  sources: string[];
}

/**
 * Results that count in the period (exist, dated inside it, in force on the reference
 * date) in one digitization state — "pending" for the worklist to digitize, "unknown"
 * for the "Chưa rõ" worklist to check — optionally of one department (display name).
 * Sorted by department, then date, then code.
 */
export function worklistResults(
  results: readonly ResultRow[],
  state: 'pending' | 'unknown',
  period: Period = DEFAULT_PERIOD,
  department?: string,
): PendingItem[] {
  const want = department === undefined ? undefined : departmentKey(department);
  const out: PendingItem[] = [];
  for (const r of results) {
    if (r.exists !== 1 || r.state !== state || r.date === null) continue;
    if (want !== undefined && r.dept !== want) continue;
    if (!countsIn(period, r.date, validityOf(r.permanent, r.validUntil))) continue;
    out.push({
      rkey: r.rkey,
      department: departmentLabel(r.dept),
      code: r.code,
      resultNumber: r.resultNumber,
      procedure: r.procedure ?? null,
      date: r.date,
      sourceUrl: r.sourceUrl,
      openUrl: r.ownPageUrl || r.sourceUrl,
      ownPage: Boolean(r.ownPageUrl),
      sources: r.sources,
    });
  }
  return out.sort(
    (a, b) =>
      compareDepartments(a.department, b.department) ||
      cmp(a.date, b.date) ||
      cmp(a.code ?? a.resultNumber ?? '', b.code ?? b.resultNumber ?? ''),
  );
}

/** Results known not digitized (the worklist "Danh sách chưa số hóa"). */
export function pendingResults(results: readonly ResultRow[], period: Period = DEFAULT_PERIOD, department?: string): PendingItem[] {
  return worklistResults(results, 'pending', period, department);
}

/** The unit a summary speaks for: its departments with something counted, joined (the zero rows say nothing). */
export function unitOfDepartments(counted: Iterable<string>): string {
  const names = [...new Set(counted)].sort((a, b) => a.localeCompare(b, 'vi'));
  return names.length ? names.join('; ') : NO_UNIT;
}

export function unitOfTally(tally: Tally): string {
  return unitOfDepartments(tally.perDepartment.filter((d) => d.total > 0).map((d) => d.department));
}

export const NO_UNIT = 'Không rõ đơn vị';
