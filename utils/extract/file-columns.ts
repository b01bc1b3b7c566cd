/**
 * A column headed only "Kết quả" (or "KQ") says the result, not what of it: on some
 * portals its cells hold the result file itself (a PDF icon linking …/kq-0003.pdf). Such
 * a column is read as a result-file column — a linked file is digitized, an empty cell
 * is not — when its cells hold nothing but document-file links, and some sampled row
 * has one. A cell with words ("Đúng hạn", "Xem") keeps the column unread.
 */
import { matchKey } from '../text/keys';
import { isResultFileHref } from '../vocab/digitized';
import type { Column } from './columns';
import { textOf } from './text';

const SAMPLE_ROWS = 200;
const RESULT_HEADER = /^(?:ket qua|kq|ket qua giai quyet|file|tep)$/u;

function fileLinks(cell: Element): number {
  let n = 0;
  for (const a of Array.from(cell.querySelectorAll('a[href]'))) if (isResultFileHref(a.getAttribute('href'))) n++;
  return n;
}

const candidate = (c: Column) => c.field === null && RESULT_HEADER.test(matchKey(c.text));

/** Whether any column could be one (cheap: headers only). */
export function mayHoldResultFiles(columns: readonly Column[]): boolean {
  return columns.some(candidate);
}

/** Indexes of unread "Kết quả" columns that hold result files. */
export function resultFileColumns(columns: readonly Column[], rows: readonly Element[], cellAt: (row: Element, col: number) => Element | undefined): Set<number> {
  const out = new Set<number>();
  for (const c of columns) {
    if (!candidate(c)) continue;
    let files = 0;
    let words = 0;
    for (const row of rows.slice(0, SAMPLE_ROWS)) {
      const cell = cellAt(row, c.index);
      if (!cell) continue;
      const n = fileLinks(cell);
      const text = textOf(cell);
      if (n > 0 && (!text || isResultFileHref(text) || text.split(/\s+/u).every((w) => isResultFileHref(w)))) files++;
      else if (text || cell.querySelector('a[href]')) words++;
    }
    if (files > 0 && words === 0) out.add(c.index);
  }
  return out;
}
