/**
 * The popup's tally read from the store: every month cell (a few thousand at most) plus
 * the results the cells cannot decide for this period — those dated in the months it
 * starts or ends inside, and those whose validity ends in the reference month — read
 * through their indexes. Exact for any period (tallyFromCells).
 */
import type { Period } from '../period';
import { detailRanges } from '../period-split';
import { tallyFromCells, type Tally } from '../tally';
import type { KiemDemDB } from './db';
import { cellsOfMonths } from './month-cells';
import type { CellRow, ResultRow } from './types';

export async function tallyDetails(db: KiemDemDB, period: Period): Promise<ResultRow[]> {
  const parts = await Promise.all(detailRanges(period).map((r) => db.results.where(r.index).between(r.from, r.to, true, true).toArray()));
  return parts.flat();
}

/** Every tally cell (a row per month in the store). */
export async function readCells(db: KiemDemDB): Promise<CellRow[]> {
  return cellsOfMonths(await db.monthCells.toArray());
}

export async function readTally(db: KiemDemDB, period: Period): Promise<Tally> {
  const [cells, details] = await Promise.all([readCells(db), tallyDetails(db, period)]);
  return tallyFromCells(cells, period, details);
}
