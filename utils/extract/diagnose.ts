/**
 * When the rules fail, say so. A page that gave no record but shows a table with
 * Vietnamese headers and rows that look like records (dates, codes) gets a notice: the
 * reason, the headers seen and their signature, so the clerk can map the columns. Runs
 * only on pages that gave nothing, so pages that are read pay nothing for it.
 */
import type { ExtractContext, RecordTable } from './index';
import type { MappableField } from '../settings';
import { looksLikeDate } from '../text/dates';
import type { UnreadNotice } from '../unread';
import { isNoDataText } from '../vocab/noise';
import { isPersonalHeader } from '../vocab/personal-columns';
import { pickCode } from './cells';
import { isRecordHeader, mapColumns, type Column } from './columns';
import { findGrids, tableGrid } from './grid';
import { applyMapping, findMapping, headerSignature } from './mapping';
import { textOf } from './text';

const LOOK_ROWS = 20;
const MAX_HEADER = 200;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

function suggestion(c: Column): MappableField {
  const f = c.field;
  if (f === null || f === 'applicant') return 'skip';
  return f === 'resultFile' ? 'digitized' : f;
}

function noticeFor(reason: UnreadNotice['reason'], columns: Column[], rows: number): UnreadNotice {
  const headers = columns.map((c) => c.text.slice(0, MAX_HEADER));
  return {
    reason,
    headers,
    personal: columns.map((c) => c.field === 'applicant' || isPersonalHeader(c.text)),
    suggested: columns.map(suggestion),
    signature: headerSignature(columns.map((c) => c.text)),
    rows,
  };
}

/** Rows that look like records: two filled cells, and a date or a code somewhere (not a table of counts). */
function looksLikeRecords(rows: readonly Element[], cellsOf: (row: Element) => Element[]): boolean {
  let filledRows = 0;
  let facts = 0;
  for (const row of rows.slice(0, LOOK_ROWS)) {
    const texts = cellsOf(row).map(textOf).filter(Boolean);
    if (texts.length < 2 || isNoDataText(texts.join(' '))) continue;
    filledRows++;
    for (const t of texts) {
      const code = pickCode(t);
      if (looksLikeDate(t) || (code && /[\p{L}.\-/]/u.test(code))) facts++;
    }
  }
  return filledRows > 0 && facts > 0;
}

function vietnameseHeaders(columns: Column[]): boolean {
  const named = columns.filter((c) => c.text !== '');
  const vi = named.filter((c) => c.field !== null || VIETNAMESE.test(c.text));
  return named.length >= 3 && vi.length >= 2;
}

/**
 * The notice for a page that gave `recordsRead` records from `tables` with `rejected`
 * rows refused, or null when there is nothing to say.
 */
export function diagnosePage(doc: Document, ctx: ExtractContext, tables: readonly RecordTable[], rejected: number, recordsRead: number): UnreadNotice | null {
  if (recordsRead > 0) return null;
  // A record table whose rows were all refused.
  if (rejected > 0) {
    for (const t of tables) {
      const rows = t.rows();
      if (!t.columns || rows.length === 0 || !looksLikeRecords(rows, (r) => Array.from(r.children))) continue;
      return noticeFor('rows-rejected', t.columns, rows.length);
    }
  }
  const inside = (el: Element) => tables.some((t) => t.root === el || t.root.contains(el));
  for (const grid of findGrids(doc)) {
    if (inside(grid.root)) continue;
    let g = grid;
    if (g.headerRows.length === 0 && g.root.tagName.toLowerCase() === 'table') g = tableGrid(g.root, true);
    let columns = mapColumns(g.headerRows);
    const mapping = findMapping(ctx.settings.columnMappings, ctx.url, columns);
    if (mapping) columns = applyMapping(columns, mapping);
    if (isRecordHeader(columns) || !vietnameseHeaders(columns) || !looksLikeRecords(g.bodyRows(), g.cells)) continue;
    const hasKey = columns.some((c) => c.field === 'code' || c.field === 'resultNumber');
    return noticeFor(hasKey ? 'one-field' : 'no-key', columns, g.bodyRows().length);
  }
  return null;
}
