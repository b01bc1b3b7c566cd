/**
 * Header rows → one meaning per leaf column. Multi-row headers (colspan/rowspan) are laid
 * out on a grid first; a leaf is read alone, then with its group ("Ngày" + "Tiếp nhận"),
 * and a digitization group ("Số hóa" over "Hệ thống tỉnh", "Kho quốc gia") lends its
 * meaning to every leaf below it.
 */
import { lookupHeader, type HeaderField } from '../vocab/headers';
import { textOf } from './text';

export interface Column {
  index: number;
  text: string; // leaf header text
  field: HeaderField | null;
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
      const text = textOf(cell);
      const cs = span(cell, 'colspan');
      const rs = span(cell, 'rowspan');
      for (let dc = 0; dc < cs; dc++) {
        const list = (cols[c + dc] ??= []);
        if (text && list[list.length - 1] !== text) list.push(text);
        for (let dr = 0; dr < rs; dr++) (taken[r + dr] ??= [])[c + dc] = true;
      }
      c += cs;
    }
  });
  return Array.from({ length: cols.length }, (_, i) => cols[i] ?? []);
}

const GROUP_FIELDS: ReadonlySet<HeaderField> = new Set(['digitized', 'resultFile']);

export function mapColumns(headerRows: Element[][]): Column[] {
  return layoutHeader(headerRows).map((texts, index) => {
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
    return { index, text: leaf, field };
  });
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
