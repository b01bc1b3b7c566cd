/**
 * How the tally cells are stored: one row per month holding that month's cells as tuples
 * (`monthCells`, schema v9). The popup reads every cell at open when its snapshot does not
 * fit; IndexedDB pays per row read far more than per byte (in Chromium, 3,091 cell rows
 * took 25–45 ms, the same cells in 66 month rows 2–3 ms), so a store of any size is a
 * row per month. Everything else still works with `CellRow`s: these functions convert, and
 * apply a transaction's cell changes to the month rows they touch. Pure.
 */
import type { CellKey } from './derive';
import type { CellRow, DigitizedState, SyncState, ValidityClass } from './types';

/** One cell of a month: department, digitization, sync, validity month, count. */
export type MonthCell = [dept: string, state: DigitizedState, sync: SyncState, validity: ValidityClass, count: number];

export interface MonthCellsRow {
  /** YYYY-MM of the results' date. */
  month: string;
  /** Tuples rather than objects: an object's named properties cost more to read back. */
  cells: MonthCell[];
}

function cellId(dept: string, month: string, state: string, sync: string, validity: string): string {
  return `${dept}|${month}|${state}|${sync}|${validity}`;
}

/** Every cell of the given month rows, as the tally reads them. */
export function cellsOfMonths(rows: readonly MonthCellsRow[]): CellRow[] {
  const out: CellRow[] = [];
  for (const row of rows) {
    for (const [dept, state, sync, validity, count] of row.cells) {
      out.push({ id: cellId(dept, row.month, state, sync, validity), dept, date: row.month, state, sync, validity, count });
    }
  }
  return out;
}

/** Cells grouped into their month rows (rebuilds, upgrades, fills). Cells of one id are summed. */
export function monthRowsOf(cells: Iterable<CellRow>): MonthCellsRow[] {
  const byMonth = new Map<string, Map<string, MonthCell>>();
  for (const c of cells) {
    let month = byMonth.get(c.date);
    if (!month) {
      month = new Map();
      byMonth.set(c.date, month);
    }
    const have = month.get(c.id);
    if (have) have[4] += c.count;
    else month.set(c.id, [c.dept, c.state, c.sync, c.validity, c.count]);
  }
  return [...byMonth].map(([month, cells]) => ({ month, cells: [...cells.values()].filter((c) => c[4] > 0) }));
}

/** The months a set of cell changes touches (the rows to read before applying them). */
export function monthsOf(changes: Iterable<{ cell: CellKey }>): string[] {
  const months = new Set<string>();
  for (const c of changes) months.add(c.cell.date);
  return [...months];
}

export type ApplyOutcome =
  | { ok: true; puts: MonthCellsRow[]; deletes: string[] }
  /** A count would fall below zero: the derived tables disagree with the records. */
  | { ok: false; cell: string };

/**
 * The month rows after `changes` (net count changes by cell). `rows` are the current rows
 * of `monthsOf(changes)`, in that order (undefined: none stored). A month left with no cell
 * is deleted, a cell at zero dropped.
 */
export function applyCellChanges(
  months: readonly string[],
  rows: readonly (MonthCellsRow | undefined)[],
  changes: Iterable<{ cell: CellKey; delta: number }>,
): ApplyOutcome {
  const byMonth = new Map<string, Map<string, MonthCell>>();
  months.forEach((m, i) => {
    const cells = new Map<string, MonthCell>();
    for (const c of rows[i]?.cells ?? []) cells.set(cellId(c[0], m, c[1], c[2], c[3]), [...c]);
    byMonth.set(m, cells);
  });
  for (const { cell, delta } of changes) {
    const cells = byMonth.get(cell.date);
    if (!cells) throw new Error(`month ${cell.date} was not read`);
    const have = cells.get(cell.id);
    const count = (have?.[4] ?? 0) + delta;
    if (count < 0) return { ok: false, cell: cell.id };
    if (count === 0) cells.delete(cell.id);
    else if (have) have[4] = count;
    else cells.set(cell.id, [cell.dept, cell.state, cell.sync, cell.validity, count]);
  }
  const puts: MonthCellsRow[] = [];
  const deletes: string[] = [];
  for (const [month, cells] of byMonth) {
    if (cells.size === 0) deletes.push(month);
    else puts.push({ month, cells: [...cells.values()] });
  }
  return { ok: true, puts, deletes };
}
