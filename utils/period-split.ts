/**
 * How a period splits over month cells (pure, no dependencies: the popup's preload script
 * uses it too). The results the cells cannot decide are read by `detailRanges`.
 */
import type { Period } from './period';
import { endOfMonth, shiftMonth } from './text/dates';

/**
 * What month cells answer for a period, and what they cannot: the whole months inside it,
 * the date ranges of the (at most two) months it starts or ends inside, and the month of
 * the reference date (a validity ending in it needs the day).
 */
export interface PeriodSplit {
  fullFrom: string;
  fullTo: string;
  partial: [string, string][];
  refMonth: string;
}

export function splitPeriod(p: Period): PeriodSplit {
  const fm = p.from.slice(0, 7);
  const tm = p.to.slice(0, 7);
  const fromWhole = p.from === `${fm}-01`;
  const toWhole = p.to === endOfMonth(tm);
  const partial: [string, string][] = [];
  if (fm === tm) {
    if (!(fromWhole && toWhole)) partial.push([p.from, p.to]);
  } else {
    if (!fromWhole) partial.push([p.from, endOfMonth(fm)]);
    if (!toWhole) partial.push([`${tm}-01`, p.to]);
  }
  return {
    fullFrom: fromWhole ? fm : shiftMonth(fm, 1),
    fullTo: toWhole ? tm : shiftMonth(tm, -1),
    partial,
    refMonth: p.reference.slice(0, 7),
  };
}


/** Index ranges (inclusive) of the results a tally of `p` reads besides the month cells. */
export function detailRanges(p: Period): { index: 'date' | 'validUntil'; from: string; to: string }[] {
  const split = splitPeriod(p);
  return [
    ...split.partial.map(([from, to]) => ({ index: 'date' as const, from, to })),
    { index: 'validUntil', from: `${split.refMonth}-01`, to: `${split.refMonth}-31` },
  ];
}
