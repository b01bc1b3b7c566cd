/**
 * One shape for every kind of record list: native tables (with or without thead, ASP.NET
 * GridView/Telerik, Ant Design, `<table mat-table>`), Angular Material element tables and
 * ARIA grids built from divs. A Grid knows its header rows, its data rows and a row's
 * cells; it never looks into nested tables.
 */

export interface Grid {
  root: Element;
  /** Header rows, top to bottom, as their cells. */
  headerRows: Element[][];
  /** Current data rows, in order. */
  bodyRows(): Element[];
  /**
   * The data rows after `row`, in order, without a pass over the rows before it (a list
   * still being parsed is read in steps), at most `limit` of them; null when `row` is no longer
   * a row of this grid.
   */
  bodyRowsAfter?(row: Element, limit?: number): Element[] | null;
  /** Cells of a row (direct cells only). */
  cells(row: Element): Element[];
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// An HTML element's localName is its lower-case tag already (no string made per call).
const lower = (el: Element) => (el.namespaceURI === HTML_NS ? el.localName : el.tagName.toLowerCase());

/** Rows a user never sees: measure rows, aria-hidden and hidden template rows. */
export function isHiddenRow(row: Element): boolean {
  if (!row.hasAttributes()) return false; // most rows: no attribute to look at
  if (row.getAttribute('aria-hidden') === 'true' || row.hasAttribute('hidden')) return true;
  const cls = row.getAttribute('class') ?? '';
  if (/measure-row|placeholder-row/u.test(cls)) return true;
  const style = row.getAttribute('style') ?? '';
  return /display\s*:\s*none/u.test(style);
}

// ---------- native <table> ----------

function tableRows(table: Element): { head: Element[]; body: Element[] } {
  const head: Element[] = [];
  const body: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = lower(child);
    if (tag === 'tr') body.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const r of Array.from(child.children)) {
        if (lower(r) !== 'tr') continue;
        if (tag === 'thead') head.push(r);
        else if (tag === 'tbody') body.push(r);
        // tfoot: totals and pagers, never records
      }
    }
  }
  return { head, body };
}

function tableCells(row: Element): Element[] {
  // Sibling steps, not Array.from(children).filter: called for every row, often more than once.
  const out: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const t = lower(c);
    if (t === 'td' || t === 'th') out.push(c);
  }
  return out;
}

function isHeaderLikeRow(row: Element): boolean {
  const cells = tableCells(row);
  if (cells.length === 0) return false;
  return cells.every((c) => lower(c) === 'th' || c.getAttribute('role') === 'columnheader');
}

/** A header-only table placed just before this table's container (split fixed headers). */
function splitHeader(table: Element): Element[][] | null {
  let el: Element | null = table;
  for (let depth = 0; depth < 6 && el; depth++) { // DevExtreme nests its body table five levels below the header
    let sib = el.previousElementSibling;
    for (let n = 0; sib && n < 3; n++, sib = sib.previousElementSibling) {
      const t = lower(sib) === 'table' ? sib : sib.querySelector('table');
      if (t && t !== table) {
        const { head, body } = tableRows(t);
        const rows = head.length ? head : body.filter(isHeaderLikeRow);
        if (rows.length && body.filter((r) => !isHeaderLikeRow(r)).length === 0) return rows.map(tableCells);
      }
    }
    el = el.parentElement;
  }
  return null;
}

export function tableGrid(table: Element, firstRowAsHeader = false): Grid {
  const { head, body } = tableRows(table);
  let headerRows = head.filter((r) => !isHiddenRow(r));
  let skip = 0;
  if (!headerRows.length) {
    while (skip < body.length && isHeaderLikeRow(body[skip]!)) skip++;
    headerRows = body.slice(0, skip);
  }
  let header = headerRows.map(tableCells);
  if (!header.length) {
    const split = splitHeader(table);
    if (split) header = split;
    else if (firstRowAsHeader && body.length) {
      header = [tableCells(body[0]!)];
      skip = 1;
    }
  }
  const headerSet = new Set(headerRows);
  return {
    root: table,
    headerRows: header,
    bodyRows: () => {
      const { body: now } = tableRows(table);
      return now.slice(skip).filter((r) => !headerSet.has(r) && !isHiddenRow(r));
    },
    bodyRowsAfter: (row, limit = Number.POSITIVE_INFINITY) => {
      const section = row.parentElement;
      if (!section || lower(row) !== 'tr') return null;
      const inBody = section === table || (section.parentElement === table && lower(section) === 'tbody');
      if (!inBody) return null;
      const out: Element[] = [];
      const take = (r: Element) => {
        if (out.length < limit && lower(r) === 'tr' && !headerSet.has(r) && !isHiddenRow(r)) out.push(r);
      };
      for (let r = row.nextElementSibling; r && out.length < limit; r = r.nextElementSibling) {
        if (section !== table) take(r);
        else if (lower(r) === 'tbody') for (const c of Array.from(r.children)) take(c);
        else take(r);
      }
      // The table's later sections: rows of later tbodies and rows placed straight in the table.
      if (section !== table) {
        for (let el = section.nextElementSibling; el && out.length < limit; el = el.nextElementSibling) {
          const tag = lower(el);
          if (tag === 'tr') take(el);
          else if (tag === 'tbody') for (const c of Array.from(el.children)) take(c);
        }
      }
      return out;
    },
    cells: tableCells,
  };
}

// ---------- element tables: mat-table, cdk-table, ARIA grids ----------

const ROW_SEL =
  '[role="row"], mat-row, mat-header-row, mat-footer-row, cdk-row, cdk-header-row, cdk-footer-row, .mat-row, .mat-header-row, .mat-mdc-row, .mat-mdc-header-row, .mat-footer-row';
const CELL_SEL =
  '[role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"], mat-cell, mat-header-cell, mat-footer-cell, cdk-cell, cdk-header-cell, .mat-cell, .mat-header-cell, .mat-mdc-cell, .mat-mdc-header-cell';
export const ELEMENT_GRID_SEL =
  '[role="grid"], [role="table"], [role="treegrid"], mat-table, cdk-table, .mat-table, .mat-mdc-table, .cdk-table';

function isHeaderRow(row: Element): boolean {
  const tag = lower(row);
  if (tag.endsWith('header-row')) return true;
  const cls = row.getAttribute('class') ?? '';
  if (/\b(mat-mdc-header-row|mat-header-row|cdk-header-row)\b/u.test(cls)) return true;
  if (/footer-row/u.test(tag + cls)) return false;
  const cells = Array.from(row.querySelectorAll(CELL_SEL));
  return cells.length > 0 && cells.every((c) => c.getAttribute('role') === 'columnheader' || lower(c).endsWith('header-cell'));
}

function isFooterRow(row: Element): boolean {
  return /footer-row/u.test(`${lower(row)} ${row.getAttribute('class') ?? ''}`);
}

/** The grid root an element belongs to (nearest ancestor grid). */
function ownerGrid(el: Element): Element | null {
  return el.parentElement?.closest(`${ELEMENT_GRID_SEL}, table`) ?? null;
}

/**
 * Virtual grids (ag-Grid) keep rows and cells in the DOM in the order they were created,
 * not as shown; aria-rowindex/aria-colindex say where each one is. Sorted by them when
 * every element carries one.
 */
function byAriaIndex(els: Element[], attr: 'aria-rowindex' | 'aria-colindex'): Element[] {
  if (els.length < 2) return els;
  const idx = els.map((e) => Number.parseInt(e.getAttribute(attr) ?? '', 10));
  if (idx.some((n) => !Number.isFinite(n))) return els;
  return els.map((e, i) => ({ e, n: idx[i] ?? 0, i })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.e);
}

export function elementGrid(root: Element): Grid {
  const ownRows = () => byAriaIndex(Array.from(root.querySelectorAll(ROW_SEL)).filter((r) => ownerGrid(r) === root), 'aria-rowindex');
  const all = ownRows();
  const headerRows = all.filter(isHeaderRow);
  const cells = (row: Element) =>
    byAriaIndex(Array.from(row.querySelectorAll(CELL_SEL)).filter((c) => c.parentElement?.closest(ROW_SEL) === row), 'aria-colindex');
  return {
    root,
    headerRows: headerRows.map(cells),
    bodyRows: () => ownRows().filter((r) => !isHeaderRow(r) && !isFooterRow(r) && !isHiddenRow(r)),
    cells,
  };
}

/** Every grid-like element of the document, outermost first (document order). */
export function findGrids(doc: Document): Grid[] {
  const grids: Grid[] = [];
  for (const el of Array.from(doc.querySelectorAll(`table, ${ELEMENT_GRID_SEL}`))) {
    if (lower(el) === 'table') grids.push(tableGrid(el));
    else if (!el.closest('table')) grids.push(elementGrid(el));
  }
  return grids;
}
