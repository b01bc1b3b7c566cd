/**
 * Header rows → one meaning per leaf column. Multi-row headers (colspan/rowspan) are laid
 * out on a grid first; a leaf is read alone, then with its group ("Ngày" + "Tiếp nhận"),
 * and a digitization group ("Số hóa" over "Hệ thống tỉnh", "Kho quốc gia") lends its
 * meaning to every leaf below it.
 */
import { clean } from '../text/fold';
import { keyRank, lookupHeader, type HeaderField } from '../vocab/headers';
import { textOf } from './text';

export interface Column {
  index: number;
  text: string; // leaf header text
  field: HeaderField | null;
  /** Text of the group header right above the leaf, when there is one ("Số hóa"). */
  group?: string | null;
}

/**
 * A header cell's text; an abbreviation ("SKH", "ĐV") that names nothing is read from
 * its tooltip (`<abbr title>`, `title`) when that does.
 */
export function headerText(cell: Element): string {
  const text = textOf(cell);
  if (text && lookupHeader(text)) return text;
  const holder = cell.matches('abbr[title], [title]') ? cell : cell.querySelector('abbr[title], [title]');
  const tip = clean(holder?.getAttribute('title'));
  if (tip && lookupHeader(tip)) return tip;
  return text;
}

function span(el: Element, attr: string): number {
  const n = Number.parseInt(el.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 50) : 1;
}

/** Texts per column index, top to bottom (a spanning cell's text repeated under it once). */
export function layoutHeader(headerRows: Element[][]): string[][] {
  const cols: string[][] = [];
  const taken: boolean[][] = [];
  headerRows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]?.[c]) c++;
      const text = headerText(cell);
      const cs = span(cell, 'colspan');
      const rs = span(cell, 'rowspan');
      for (let dc = 0; dc < cs; dc++) {
        cols[c + dc] ??= [];
        const list = cols[c + dc]!;
        if (text && list[list.length - 1] !== text) list.push(text);
        for (let dr = 0; dr < rs; dr++) {
          taken[r + dr] ??= [];
          taken[r + dr]![c + dc] = true;
        }
      }
      c += cs;
    }
  });
  return Array.from({ length: cols.length }, (_, i) => cols[i] ?? []);
}

const GROUP_FIELDS: ReadonlySet<HeaderField> = new Set(['digitized', 'resultFile']);

export function mapColumns(headerRows: Element[][]): Column[] {
  return rankKeys(layoutHeader(headerRows).map((texts, index) => {
    const leaf = texts[texts.length - 1] ?? '';
    const groups = texts.slice(0, -1);
    let field = lookupHeader(leaf);
    if (!field && groups.length) field = lookupHeader(`${groups.join(' ')} ${leaf}`);
    if (!field && groups.length) {
      const g = lookupHeader(groups[groups.length - 1]);
      if (g && GROUP_FIELDS.has(g)) field = g;
    }
    // A digitization group turns a leaf read as something vaguer into a digitization column.
    if (field && groups.length && !GROUP_FIELDS.has(field)) {
      const g = lookupHeader(groups[groups.length - 1]);
      if (g && GROUP_FIELDS.has(g) && field !== 'applicant' && field !== 'synced') field = g;
    }
    return { index, text: leaf, field, group: groups[groups.length - 1] ?? null };
  }));
}

/**
 * One key column of each kind: when a table shows both a receipt number and the dossier
 * code, the dossier code is the key (ranked, not the first found); the others are left
 * to be read as packed cells (their labelled parts only).
 */
function rankKeys(columns: Column[]): Column[] {
  const codes = columns.filter((c) => c.field === 'code');
  if (codes.length > 1) {
    let best = codes[0] as Column;
    for (const c of codes) if (keyRank(c.text) > keyRank(best.text)) best = c;
    for (const c of codes) if (c !== best) c.field = null;
  }
  const numbers = columns.filter((c) => c.field === 'resultNumber');
  for (const c of numbers.slice(1)) c.field = null;
  return columns;
}

/** A record table names a key (code or number) and at least one more readable field. */
export function isRecordHeader(columns: Column[]): boolean {
  const fields = new Set(columns.map((c) => c.field).filter((f): f is HeaderField => f !== null && f !== 'applicant'));
  const hasKey = fields.has('code') || fields.has('resultNumber');
  return hasKey && fields.size >= 2;
}

/** Results lists show a result number, an issue date or a validity. */
export function kindOf(fields: Iterable<HeaderField | null>): 'dossier' | 'result' {
  for (const f of fields) if (f === 'resultNumber' || f === 'issuedAt' || f === 'validUntil') return 'result';
  return 'dossier';
}
