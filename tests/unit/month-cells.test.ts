import { describe, expect, it } from 'vitest';
import { CellDelta, cellOf, cellsFromResults } from '../../utils/store/derive';
import { applyCellChanges, cellsOfMonths, monthRowsOf, monthsOf, type MonthCellsRow } from '../../utils/store/month-cells';
import { deriveAllResults } from '../../utils/store/db';
import { recordKey, type StoredRecord } from '../../utils/records';
import type { ResultRow } from '../../utils/store/types';
import { prng, randomRecords } from './tally-helpers';

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

function resultsOf(seed: number, n: number): ResultRow[] {
  const rows = [...new Map(randomRecords(prng(seed), n).map((r, i) => [recordKey(r), { ...r, key: recordKey(r), dept: r.department ?? '', firstSeen: i, lastSeen: i, sourceUrl: '' } as StoredRecord])).values()];
  return deriveAllResults(rows);
}

describe('tally cells stored by month', () => {
  it('month rows give back exactly the cells they were made of, one row per month', () => {
    const cells = cellsFromResults(resultsOf(3, 500));
    const rows = monthRowsOf(cells);
    expect(rows.map((r) => r.month).sort()).toEqual([...new Set(cells.map((c) => c.date))].sort());
    expect(byId(cellsOfMonths(rows))).toEqual(byId(cells));
  });

  it('a department whose name could clash with an object property is kept like any other', () => {
    const cells = ['__proto__', 'constructor', 'a|b', ''].map((dept, i) => ({ id: `${dept}|2020-01|digitized|synced|`, dept, date: '2020-01', state: 'digitized' as const, sync: 'synced' as const, validity: '', count: i + 1 }));
    expect(byId(cellsOfMonths(structuredClone(monthRowsOf(cells))))).toEqual(byId(cells));
  });

  it('applying a move of results gives the month rows a rebuild from the new results would', () => {
    const before = resultsOf(5, 400);
    const rows = monthRowsOf(cellsFromResults(before));
    // Move some results to other dates and states, drop others: the cells' net change.
    const rnd = prng(9);
    const after = before.flatMap((r): ResultRow[] => {
      const x = rnd();
      if (x < 0.1) return [];
      if (x < 0.3 && r.date) return [{ ...r, date: `20${19 + Math.floor(rnd() * 4)}-0${1 + Math.floor(rnd() * 9)}-15`, state: rnd() < 0.5 ? 'digitized' : 'pending' }];
      return [r];
    });
    const delta = new CellDelta();
    for (const r of before) delta.move(cellOf(r), cellOf(after.find((a) => a.rkey === r.rkey)));
    const changes = [...delta.changes.values()].filter((c) => c.delta !== 0);
    expect(changes.length).toBeGreaterThan(0);
    const months = monthsOf(changes);
    const stored = new Map(rows.map((r) => [r.month, r]));
    const out = applyCellChanges(months, months.map((m) => stored.get(m)), changes);
    if (!out.ok) throw new Error('unexpected negative count');
    for (const m of out.deletes) stored.delete(m);
    for (const r of out.puts) stored.set(r.month, r);
    expect(byId(cellsOfMonths([...stored.values()]))).toEqual(byId(cellsFromResults(after)));
    expect([...stored.values()].every((r) => r.cells.length > 0 && r.cells.every((c) => c[4] > 0))).toBe(true);
  });

  it('a month whose last cell goes is deleted; a count below zero is refused', () => {
    const cell = { id: 'Sở X|2021-04|pending|unknown|', dept: 'Sở X', date: '2021-04', state: 'pending' as const, sync: 'unknown' as const, validity: '' };
    const row: MonthCellsRow = { month: '2021-04', cells: [['Sở X', 'pending', 'unknown', '', 2]] };
    expect(applyCellChanges(['2021-04'], [row], [{ cell, delta: -2 }])).toEqual({ ok: true, puts: [], deletes: ['2021-04'] });
    expect(applyCellChanges(['2021-04'], [row], [{ cell, delta: -3 }])).toEqual({ ok: false, cell: cell.id });
    expect(applyCellChanges(['2021-04'], [undefined], [{ cell, delta: 1 }])).toEqual({ ok: true, puts: [{ month: '2021-04', cells: [['Sở X', 'pending', 'unknown', '', 1]] }], deletes: [] });
    // The stored row itself is not changed in place.
    expect(row.cells[0]![4]).toBe(2);
  });
});
