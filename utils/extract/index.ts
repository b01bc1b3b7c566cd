/**
 * The extraction engine: DOM in, records out. Finds record tables by structure and header
 * meaning (never by site), reads rows into zod-checked records. Runs in a content script
 * (no browser.* APIs, no heavy dependencies) and in Node over happy-dom.
 */
import { mergeByKey, type PortalRecord } from '../records';
import type { Settings } from '../settings';
import { departmentIndex } from '../vocab/departments';
import type { HeaderField } from '../vocab/headers';
import { isNoDataText, isTotalsText } from '../vocab/noise';
import { isRecordHeader, kindOf, mapColumns, type Column } from './columns';
import { findCards } from './cards';
import { findDetailBlocks } from './detail';
import { findGrids, tableGrid, type Grid } from './grid';
import { GroupTracker, groupCaption, isNotDataRow, mayHoldCaptions } from './groups';
import { applyMapping, findMapping } from './mapping';
import { blankMeansNo } from './marks';
import { mayHoldResultFiles, resultFileColumns } from './file-columns';
import { pageDepartment } from './page';
import { buildRecord, type Entry, type RecordContext, type RowRejection } from './record';
import { readingOnce, textOf } from './text';

export type { RowRejection } from './record';
export { diagnosePage } from './diagnose';

export interface ExtractContext {
  url: string;
  settings: Settings;
}

export interface RecordTable {
  root: Element;
  kind: 'dossier' | 'result';
  rows(): Element[];
  /** The rows after `row`, at most `limit` (see Grid.bodyRowsAfter), when the table can say so cheaply. */
  rowsAfter?(row: Element, limit?: number): Element[] | null;
  readRow(row: Element): PortalRecord | RowRejection | null;
  /** The columns of a list table (for the "chưa đọc được" notice). */
  columns?: Column[];
}

function span(el: Element): number {
  const n = Number.parseInt(el.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function isHeaderCell(c: Element): boolean {
  return c.tagName.toLowerCase() === 'th' || c.getAttribute('role') === 'columnheader';
}

/** Cells of a row laid on the header's columns (a cell spanning two columns takes the first). */
function placeCells(cells: Element[], columns: readonly Column[]): { cell: Element; col: number; field: HeaderField | null }[] {
  const out: { cell: Element; col: number; field: HeaderField | null }[] = [];
  let pos = 0;
  for (const cell of cells) {
    out.push({ cell, col: pos, field: columns[pos]?.field ?? null });
    pos += span(cell);
  }
  return out;
}

/** A totals or subtotal row: its first text cell is a totals label ("Tổng cộng", "Tổng số: 18 hồ sơ"). */
function isTotalsRow(cells: Element[]): boolean {
  for (const cell of cells.slice(0, 4)) {
    const t = textOf(cell);
    if (!t) continue;
    return isTotalsText(t);
  }
  return false;
}

function listTable(grid: Grid, columns: Column[], ctx: RecordContext): RecordTable {
  const kind = kindOf(columns.map((c) => c.field));
  const width = columns.length;
  const groups = new GroupTracker((row) => groupCaption(row, grid.cells(row), width, ctx.departments));
  let captions: boolean | null = null; // looked up once per scan
  const hasCaptions = () => (captions ??= mayHoldCaptions(grid.bodyRows(), grid.cells, width));
  const cellAt = (row: Element, col: number) => placeCells(grid.cells(row), columns).find((p) => p.col === col)?.cell;
  // Mark columns are judged on the rows present when first needed (once per scan).
  let marks: Set<number> | null = null;
  const markColumns = (): Set<number> => {
    marks ??= blankMeansNo(columns, grid.bodyRows(), cellAt);
    return marks;
  };
  // "Kết quả" columns holding result files, judged the same way (see file-columns.ts).
  let files: Set<number> | null = null;
  const fileColumns = (): Set<number> => {
    files ??= mayHoldResultFiles(columns)
      ? resultFileColumns(columns, grid.bodyRows(), cellAt)
      : new Set();
    return files;
  };
  return {
    root: grid.root,
    kind,
    columns,
    rows: () => grid.bodyRows(),
    rowsAfter: grid.bodyRowsAfter ? (row, limit) => grid.bodyRowsAfter!(row, limit) : undefined,
    readRow: (row) => readingOnce(() => readListRow(row)),
  };

  function readListRow(row: Element): PortalRecord | RowRejection | null {
    const cells = grid.cells(row);
    if (cells.length === 0) return null;
    if (isNotDataRow(row)) return null; // expansions, group footers, summaries
    // A group caption ("Lĩnh vực: …") gives its value to the rows under it; it is no record.
    if (hasCaptions() && groupCaption(row, cells, width, ctx.departments)) return null;
    // One cell across the table: "Không có dữ liệu", a pager, an expansion.
    if (cells.length === 1 && width > 1) return null;
    if (cells.every(isHeaderCell)) return null; // a repeated header row
    if (cells.length <= 2 && isNoDataText(textOf(row))) return null;
    if (isTotalsRow(cells)) return null;
    const fileCols = fileColumns();
    const placed = placeCells(cells, columns).map((p) => (fileCols.has(p.col) ? { ...p, field: 'resultFile' as const } : p));
    const hasDigit = placed.some((p) => p.field === 'digitized');
    const blankNo = hasDigit ? markColumns() : null;
    const entries: Entry[] = placed.map((p) => ({ field: p.field, cell: p.cell, blankIsNo: blankNo?.has(p.col) ?? false }));
    if (entries.every((e) => e.field === 'applicant' || !textOf(e.cell))) {
      if (!cells.some((c) => c.querySelector('a[href], img, [title], [aria-label], input'))) return null;
    }
    return buildRecord(entries, kind, ctx, hasCaptions() ? groups.contextOf(row) : []);
  }
}

/** The grid's columns, read by the rules or, when the clerk mapped this layout, by the mapping. */
function columnsOf(g: Grid, ctx: ExtractContext): Column[] {
  const columns = mapColumns(g.headerRows);
  const mapping = findMapping(ctx.settings.columnMappings, ctx.url, columns);
  return mapping ? applyMapping(columns, mapping) : columns;
}

/**
 * Every record table of the page (and detail block), in document order. Cheap on pages
 * without any: one query for grids, header texts only, a few queries for detail blocks.
 */
export function findRecordTables(doc: Document, ctx: ExtractContext): RecordTable[] {
  return findRecordTablesWithin(doc, ctx, Number.POSITIVE_INFINITY) ?? [];
}

/** The same search, given up (null) once it has taken `ms`: checked between its steps. */
export function findRecordTablesWithin(doc: Document, ctx: ExtractContext, ms: number): RecordTable[] | null {
  const start = performance.now();
  const steps = findRecordTablesInSteps(doc, ctx);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= ms) return null;
  }
}

/**
 * The same search in steps. Each document-wide query costs tens of milliseconds on a page
 * of 10,000 rows; between steps (each `yield`) a caller may give the page its turn.
 */
export function* findRecordTablesInSteps(doc: Document, ctx: ExtractContext): Generator<void, RecordTable[], void> {
  const departments = departmentIndex(ctx.settings);
  let rctx: RecordContext | null = null;
  // Page context is looked up only once a record table is found.
  const recordCtx = (): RecordContext => (rctx ??= { departments, page: pageDepartment(doc, departments) });

  const found: RecordTable[] = [];
  const others: { el: Element; rows: Element[]; cells: (r: Element) => Element[] }[] = [];
  const inside = (el: Element) => found.some((t) => t.root === el || t.root.contains(el));

  const grids = findGrids(doc);
  yield;
  for (const grid of grids) {
    if (inside(grid.root)) continue; // nested tables (attachments) inside a record row
    let g = grid;
    let columns = columnsOf(g, ctx);
    if (!isRecordHeader(columns) && g.headerRows.length === 0 && g.root.tagName.toLowerCase() === 'table') {
      g = tableGrid(g.root, true); // header row written with <td> cells
      columns = columnsOf(g, ctx);
    }
    if (isRecordHeader(columns)) {
      if (rctx === null) yield; // the page context is a few more document-wide queries
      found.push(listTable(g, columns, recordCtx()));
    }
    else if (grid.root.tagName.toLowerCase() === 'table') {
      others.push({ el: grid.root, rows: grid.bodyRows(), cells: grid.cells });
    }
  }

  yield;
  for (const block of findDetailBlocks(doc, others, inside)) {
    const kind = kindOf(block.entries.map((e) => e.field));
    const c = recordCtx();
    found.push({
      root: block.root,
      kind,
      rows: () => [block.root],
      readRow: () => buildRecord(block.entries, kind, c),
    });
  }
  // Card lists: several blocks of labelled lines, each one record, read like a packed cell.
  // Looked for only on pages without record tables, so big list pages pay nothing for it.
  const cards = found.length === 0 ? findCards(doc, () => false) : [];
  if (cards.length > 0) {
    const c = recordCtx();
    const readCard = (card: Element): PortalRecord | RowRejection | null => {
      let r = buildRecord([{ field: null, cell: card }], 'dossier', c);
      if ('reason' in r) return r;
      if (r.resultNumber !== null || r.issuedAt !== null || r.validUntil !== null || r.permanent !== null) {
        r = buildRecord([{ field: null, cell: card }], 'result', c);
        if ('reason' in r) return r;
      }
      // A card is a record when it tells more than its code.
      const facts = [r.procedure, r.status, r.receivedAt, r.dueAt, r.resolvedAt, r.field, r.issuedAt, r.resultNumber];
      return facts.some((v) => v !== null) ? r : null;
    };
    found.push({ root: cards[0]!.parentElement ?? cards[0]!, kind: 'dossier', rows: () => findCards(doc, () => false), readRow: readCard });
  }
  found.sort((a, b) => (a.root === b.root ? 0 : a.root.compareDocumentPosition(b.root) & 4 ? -1 : 1));
  return found;
}

/** All records of the page, one per identity (later rows' facts merged in), and rejections by reason. */
export function extractPage(
  doc: Document,
  ctx: ExtractContext,
): { records: PortalRecord[]; rejected: Record<string, number> } {
  const read: PortalRecord[] = [];
  const rejected: Record<string, number> = {};
  for (const table of findRecordTables(doc, ctx)) {
    for (const row of table.rows()) {
      const r = table.readRow(row);
      if (r === null) continue;
      if ('reason' in r) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
      else read.push(r);
    }
  }
  return { records: [...mergeByKey(read).values()], rejected };
}
