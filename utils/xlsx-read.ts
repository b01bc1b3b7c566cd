/**
 * A small reader for the workbooks this project writes (and Excel re-saves): sheet
 * names and each sheet's cells as text. Pure over the file's bytes (fflate unzips), so
 * it runs in a page, a worker and the unit tests alike. Formulas are never evaluated:
 * a cell gives its stored value only.
 */
import { strFromU8, unzipSync } from 'fflate';

export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e.toLowerCase()]!,
  );
}
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag)?.[1];

/** Text of the <t> runs inside one shared string or inline string. */
function runs(xml: string): string {
  return decode([...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/gu)].map((m) => m[1]).join('')).normalize('NFC');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/u.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export type SheetRows = string[][];

/** Every sheet of a workbook by name, as rows of text cells (empty cells are ''). Throws on a file that is not a workbook. */
export function readWorkbook(bytes: Uint8Array): Map<string, SheetRows> {
  if (bytes.length > MAX_XLSX_BYTES) throw new Error('Tệp Excel quá lớn');
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (total > MAX_XLSX_BYTES * 5) throw new Error('Tệp Excel quá lớn khi giải nén');
      return f.name.startsWith('xl/') && f.name.endsWith('.xml') || f.name.endsWith('.rels');
    },
  });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('Không phải tệp Excel (.xlsx)');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/gu)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) => runs(m[1]!));
  const out = new Map<string, SheetRows>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/gu)) {
    const name = decode(attr(m[0], 'name') ?? '').normalize('NFC');
    const path = rels.get(attr(m[0], 'r:id') ?? '');
    const xml = path ? text(path) : undefined;
    if (!xml) continue;
    const rows: SheetRows = [];
    for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/gu)) {
      const r = Number(attr(row[0], 'r') ?? rows.length + 1) - 1;
      const cells: string[] = [];
      for (const c of row[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
        const head = c[1]!;
        const body = c[2] ?? '';
        const t = attr(head, 't');
        const v = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1];
        let value = '';
        if (t === 's') value = shared[Number(v)] ?? '';
        else if (t === 'inlineStr') value = runs(body);
        else if (v !== undefined) value = decode(v);
        const i = columnIndex(attr(head, 'r') ?? '');
        while (cells.length < i) cells.push('');
        cells[i] = value;
      }
      while (rows.length < r) rows.push([]);
      rows[r] = cells;
    }
    out.set(name, rows);
  }
  return out;
}
