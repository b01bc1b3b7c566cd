/**
 * CSV exports and the detail import, pure (DESIGN.md "CSV contract"): UTF-8 with BOM,
 * RFC 4180 quoting, CRLF, dd/MM/yyyy dates, text in NFC, and cells that Excel would
 * run as a formula neutralised with a leading apostrophe.
 */
import Papa from 'papaparse';
import { todayIsoVn } from './text/dates';
import { DETAIL_COLUMNS, DETAIL_TABLE, columnOfField, type DetailDraft } from './detail-columns';
import { recordSchema, storedRecord, type PortalRecord, type StoredRecord } from './records';
import { importTooBig, maxTimestamp, MIN_TIMESTAMP } from './import-limits';
import { fold } from './text/fold';
import { makeYield } from './capture/slicer';
import { compareDepartments, departmentLabel } from './department-label';
import type { Period } from './period';
import type { Counts, Tally } from './tally';

export const BOM = '\uFEFF';
const NEWLINE = '\r\n';

/**
 * Leading = + - @ tab CR make Excel evaluate a cell. Papaparse's own `escapeFormulae: true`
 * uses /^[=+\-@\t\r].*$/, which misses values holding a line break; this pattern looks at
 * the first character only. Leading apostrophes are included so that an escaped value
 * and a value that really starts with "'=" stay distinct when read back.
 */
const FORMULA = /^'*[=+\-@\t\r]/u;

function unparse(rows: string[][]): string {
  return Papa.unparse(rows, { newline: NEWLINE, escapeFormulae: FORMULA, header: false, quotes: false });
}

/** Undo the apostrophe the export put before a formula-leading value. */
function unescapeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
}

// A detail export normalises about two million cells: plain ASCII needs nothing, and the
// Vietnamese texts repeat (procedures, departments, statuses), so each is normalised once.
const ASCII = /^[ -~]*$/u; // printable ASCII: nothing to normalise
const nfcSeen = new Map<string, string>();
const nfc = (s: string): string => {
  if (ASCII.test(s)) return s;
  let n = nfcSeen.get(s);
  if (n === undefined) {
    n = s.normalize('NFC');
    if (nfcSeen.size > 20_000) nfcSeen.clear();
    nfcSeen.set(s, n);
  }
  return n;
};

// ---------------------------------------------------------------------------- summary

export const SUMMARY_COLUMNS = [
  'Đơn vị',
  'Năm',
  'Tổng còn hiệu lực',
  'Đã số hóa',
  'Chưa số hóa',
  'Chưa rõ',
  'Tỷ lệ số hóa (%)',
  // Appended, never inserted: the columns above keep their place.
  'Đã đồng bộ kho',
  'Chưa đồng bộ kho',
] as const;

/**
 * Rate with one decimal and a decimal comma ("80,0"), empty when nothing counts.
 * The comma is what a vi-VN Excel reads as a decimal; an en-US Excel keeps it as the
 * text "80,0" — readable, and never silently read as 800 the way "80.0" can be where
 * '.' groups thousands. The cell is quoted, so the comma never splits columns.
 */
export function formatRate(rate: number | null): string {
  if (rate === null) return '';
  return (Math.round(rate * 10) / 10).toFixed(1).replace('.', ',');
}

function countCells(c: Counts): string[] {
  return [String(c.total), String(c.digitized), String(c.pending), String(c.unknown), formatRate(c.rate), String(c.synced), String(c.unsynced)];
}

/**
 * Per department its years then "Cộng", and a final "Tổng cộng" row. Pass the tally
 * through withAllYears first so every year of the period shows, with zeros.
 */
export function summaryCsv(tally: Tally): string {
  const rows: string[][] = [[...SUMMARY_COLUMNS]];
  for (const dept of tally.perDepartment) {
    for (const r of tally.rows) if (r.department === dept.department) rows.push([r.department, String(r.year), ...countCells(r)]);
    rows.push([dept.department, 'Cộng', ...countCells(dept)]);
  }
  rows.push(['Tổng cộng', '', ...countCells(tally.grand)]);
  return BOM + unparse(rows.map((r) => r.map(nfc)));
}

// ---------------------------------------------------------------------------- detail

export { DETAIL_COLUMNS, DIGITIZED_LABEL, KIND_LABEL, SYNCED_LABEL } from './detail-columns';

// Papaparse's quoting (unparse with the options above) for one string cell, without its
// per-cell generality: a detail export writes about two million cells. A unit test holds
// the two equal on every kind of cell.
const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/u;
function csvCell(value: string): string {
  let s = value;
  let quote = false;
  if (FORMULA.test(s)) {
    s = `'${s}`;
    quote = true;
  }
  if (s.includes('"')) {
    s = s.replaceAll('"', '""');
    quote = true;
  }
  return quote || NEEDS_QUOTES.test(s) ? `"${s}"` : s;
}

/** Cells joined as unparse would join them (same quoting, no line break). */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i > 0 ? ',' : '') + csvCell(cells[i]!);
  return line;
}

/** One record's line of the detail CSV (its cells, normalised and quoted). */
function detailLine(r: StoredRecord): string {
  let line = '';
  for (let i = 0; i < DETAIL_TABLE.length; i++) line += (i > 0 ? ',' : '') + csvCell(nfc(DETAIL_TABLE[i]!.csv(r)));
  return line;
}

/** Stable order for the office: department, then dossiers before results, then code and number. */
export function detailOrder(records: readonly StoredRecord[]): StoredRecord[] {
  // Departments are few: rank them once, and give each record its sort keys once, instead
  // of collating and looking them up on every one of a large store's million comparisons.
  const labels = [...new Set(records.map((r) => departmentLabel(r.department)))].sort(compareDepartments);
  const rank = new Map(labels.map((l, i) => [l, i]));
  const keyed = records.map((r) => ({
    r,
    d: rank.get(departmentLabel(r.department)) ?? 0,
    k: r.kind === 'dossier' ? 0 : 1,
    c: r.code ?? '',
    n: r.resultNumber ?? '',
  }));
  keyed.sort((a, b) => a.d - b.d || a.k - b.k || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0) || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return keyed.map((x) => x.r);
}

/** Every stored record, one line each (synchronous; see detailCsvChunks for big stores). */
export function detailCsv(records: readonly StoredRecord[]): string {
  const lines = detailOrder(records).map(detailLine);
  return BOM + unparse([[...DETAIL_COLUMNS]]) + (lines.length > 0 ? NEWLINE + lines.join(NEWLINE) : '');
}

export const CHUNK_ROWS = 2000;

/**
 * The same bytes as detailCsv, built in slices that yield to the event loop between
 * them so the popup keeps painting. Returns Blob parts: `new Blob(parts, { type })`.
 */
export async function detailCsvChunks(
  records: readonly StoredRecord[],
  onProgress?: (done: number, total: number) => void,
): Promise<string[]> {
  const sorted = detailOrder(records);
  const parts = [BOM + unparse([[...DETAIL_COLUMNS]])];
  const yieldNow = makeYield();
  for (let i = 0; i < sorted.length; i += CHUNK_ROWS) {
    const end = Math.min(i + CHUNK_ROWS, sorted.length);
    let part = '';
    for (let j = i; j < end; j++) part += NEWLINE + detailLine(sorted[j]!);
    parts.push(part);
    onProgress?.(Math.min(i + CHUNK_ROWS, sorted.length), sorted.length);
    await yieldNow();
  }
  return parts;
}

// ---------------------------------------------------------------------------- import

export const MAX_IMPORT_ROWS = 300_000;
const MAX_ERRORS = 50;

export interface DetailImport {
  /** Empty when there is any error: a bad file changes nothing. */
  records: StoredRecord[];
  errors: string[];
}

/** Files exported before the archive-sync column still import: their header is the first 17 columns. */
const FIRST_DETAIL_COLUMNS = 17;

/**
 * Read a detail CSV another clerk exported. The header must be exactly the export's;
 * every line is checked and each problem reported in Vietnamese with its line number
 * (the header is line 1). Vĩnh viễn is "Có" or empty, so a non-permanent result
 * comes back with permanent = null; both count the same.
 */
export function parseDetailCsv(text: string, now: number = Date.now()): DetailImport {
  const fail = (errors: string[]): DetailImport => ({ records: [], errors });
  const big = importTooBig(text.length, 'csv');
  if (big) return fail([big]);
  const parsed = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: ',',
  });
  const rows = parsed.data;
  const header = rows[0];
  if (!header) return fail(['Tệp CSV trống']);
  const wanted = DETAIL_COLUMNS.join(', ');
  if (header.length < FIRST_DETAIL_COLUMNS || header.length > DETAIL_COLUMNS.length || header.some((h, i) => nfc(h.trim()) !== DETAIL_COLUMNS[i])) {
    return fail([`Tiêu đề cột không đúng mẫu CSV chi tiết. Cần đúng các cột: ${wanted}`]);
  }
  const width = header.length;
  if (rows.length - 1 > MAX_IMPORT_ROWS) return fail([`Tệp có quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS})`]);

  const errors: string[] = parsed.errors.map((e) => `Dòng ${(e.row ?? 0) + 1}: lỗi định dạng CSV (${e.message})`);
  const records: StoredRecord[] = [];
  for (let i = 1; i < rows.length && errors.length < MAX_ERRORS; i++) {
    const r = readDetailRow(rows[i]!, i + 1, width, now);
    if (typeof r === 'string') errors.push(r);
    else records.push(r);
  }
  if (errors.length >= MAX_ERRORS) errors.push('… và có thể còn lỗi khác');
  return errors.length ? fail(errors) : { records, errors: [] };
}

function readDetailRow(raw: string[], line: number, width: number, now: number): StoredRecord | string {
  const bad = (what: string) => `Dòng ${line}: ${what}`;
  if (raw.length !== width) return bad(`có ${raw.length} cột, cần ${width}`);
  const draft: DetailDraft = { departmentFrom: null, synced: null };
  for (const [i, col] of DETAIL_TABLE.slice(0, width).entries()) {
    const problem = col.parse(nfc(unescapeCell(raw[i]!)).trim(), draft);
    if (problem) return bad(problem);
  }
  if (draft.kind === 'dossier' && !draft.code) return bad('thiếu mã hồ sơ');
  if (!draft.code && !draft.resultNumber) return bad('thiếu mã hồ sơ và số ký hiệu');
  const { sourceUrl, lastSeen, ...facts } = draft as DetailDraft & { sourceUrl: string; lastSeen: number };
  // A reading time in 9999 would win every later merge.
  const seen = raw[DETAIL_COLUMNS.indexOf('Thu thập lúc')] ?? '';
  if (lastSeen < MIN_TIMESTAMP || lastSeen > maxTimestamp(now)) return bad(`Thu thập lúc "${nfc(seen).trim()}" phải từ 01/01/2000 đến nay`);
  const checked = recordSchema.safeParse(facts);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const col = columnOfField(String(issue?.path[0] ?? ''));
    return bad(col ? `cột ${col.header} không hợp lệ` : 'dữ liệu không hợp lệ');
  }
  const record: PortalRecord = checked.data;
  return storedRecord(record, { firstSeen: lastSeen, lastSeen, sourceUrl });
}

// ---------------------------------------------------------------------------- file names

/** ASCII file name: kiem-dem-tthc_<kind>[_<department>]_<from>_<to>_<export date>.csv */
export function csvFileName(kind: 'tong-hop' | 'chi-tiet', period: Period, department?: string, now: number = Date.now()): string {
  const slug = department
    ? fold(department)
        .replace(/[^a-z0-9]+/gu, '-')
        .replace(/^-+|-+$/gu, '')
        .slice(0, 60)
    : '';
  return `${['kiem-dem-tthc', kind, ...(slug ? [slug] : []), period.from, period.to, todayIsoVn(now)].join('_')}.csv`;
}
