/**
 * CSV exports and the detail import, pure (DESIGN.md "CSV contract"): UTF-8 with BOM,
 * RFC 4180 quoting, CRLF, dd/MM/yyyy dates, text in NFC, and cells that Excel would
 * run as a formula neutralised with a leading apostrophe.
 */
import Papa from 'papaparse';
import { isoToVn, formatDateTimeVn, parseDateTimeVn, todayIsoVn, vnToIso } from './dates-vn';
import { recordKey, recordSchema, type PortalRecord, type StoredRecord } from './records';
import { importTooBig, maxTimestamp, MIN_TIMESTAMP } from './import-limits';
import { UNASSIGNED } from './settings';
import { fold } from './text/fold';
import { makeYield } from './capture/slicer';
import { compareDepartments, departmentLabel, type Counts, type Period, type Tally } from './tally';

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
  return [String(c.total), String(c.digitized), String(c.pending), String(c.unknown), formatRate(c.rate)];
}

/** Per department its years then "Cộng", and a final "Tổng cộng" row. */
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

export const DETAIL_COLUMNS = [
  'Loại',
  'Mã hồ sơ',
  'Số ký hiệu',
  'Thủ tục',
  'Lĩnh vực',
  'Đơn vị',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Ngày có kết quả',
  'Ngày ban hành',
  'Hiệu lực đến',
  'Vĩnh viễn',
  'Trạng thái',
  'Mã trạng thái',
  'Số hóa',
  'Nguồn',
  'Thu thập lúc',
] as const;

export const KIND_LABEL = { dossier: 'Hồ sơ', result: 'Kết quả' } as const;
export const DIGITIZED_LABEL = { yes: 'Đã số hóa', no: 'Chưa số hóa', unknown: 'Chưa rõ' } as const;

function detailRow(r: StoredRecord): string[] {
  return [
    KIND_LABEL[r.kind],
    r.code ?? '',
    r.resultNumber ?? '',
    r.procedure ?? '',
    r.field ?? '',
    departmentLabel(r.department),
    isoToVn(r.receivedAt),
    isoToVn(r.dueAt),
    isoToVn(r.resolvedAt),
    isoToVn(r.issuedAt),
    isoToVn(r.validUntil),
    r.permanent === true ? 'Có' : '',
    r.status ?? '',
    r.statusCode === null ? '' : String(r.statusCode),
    r.digitized === true ? DIGITIZED_LABEL.yes : r.digitized === false ? DIGITIZED_LABEL.no : DIGITIZED_LABEL.unknown,
    r.sourceUrl,
    formatDateTimeVn(r.lastSeen),
  ].map(nfc);
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
  return BOM + unparse([[...DETAIL_COLUMNS], ...detailOrder(records).map(detailRow)]);
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
    parts.push(NEWLINE + unparse(sorted.slice(i, i + CHUNK_ROWS).map(detailRow)));
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

const FIELD_COLUMN: Record<string, string> = {
  kind: 'Loại',
  code: 'Mã hồ sơ',
  resultNumber: 'Số ký hiệu',
  procedure: 'Thủ tục',
  field: 'Lĩnh vực',
  department: 'Đơn vị',
  receivedAt: 'Ngày tiếp nhận',
  dueAt: 'Ngày hẹn trả',
  resolvedAt: 'Ngày có kết quả',
  issuedAt: 'Ngày ban hành',
  validUntil: 'Hiệu lực đến',
  permanent: 'Vĩnh viễn',
  status: 'Trạng thái',
  statusCode: 'Mã trạng thái',
  digitized: 'Số hóa',
};

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
  if (header.length !== DETAIL_COLUMNS.length || header.some((h, i) => nfc(h.trim()) !== DETAIL_COLUMNS[i])) {
    return fail([`Tiêu đề cột không đúng mẫu CSV chi tiết. Cần đúng các cột: ${wanted}`]);
  }
  if (rows.length - 1 > MAX_IMPORT_ROWS) return fail([`Tệp có quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS})`]);

  const errors: string[] = parsed.errors.map((e) => `Dòng ${(e.row ?? 0) + 1}: lỗi định dạng CSV (${e.message})`);
  const records: StoredRecord[] = [];
  for (let i = 1; i < rows.length && errors.length < MAX_ERRORS; i++) {
    const r = readDetailRow(rows[i]!, i + 1, now);
    if (typeof r === 'string') errors.push(r);
    else records.push(r);
  }
  if (errors.length >= MAX_ERRORS) errors.push('… và có thể còn lỗi khác');
  return errors.length ? fail(errors) : { records, errors: [] };
}

function readDetailRow(raw: string[], line: number, now: number): StoredRecord | string {
  const bad = (what: string) => `Dòng ${line}: ${what}`;
  if (raw.length !== DETAIL_COLUMNS.length) return bad(`có ${raw.length} cột, cần ${DETAIL_COLUMNS.length}`);
  const c = raw.map((v) => nfc(unescapeCell(v)).trim());
  const [kindL, code, num, procedure, field, dept, rec, due, res, iss, valid, perm, status, statusCode, dig, url, seen] = c as [
    string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string,
  ];
  const kind = kindL === KIND_LABEL.dossier ? 'dossier' : kindL === KIND_LABEL.result ? 'result' : null;
  if (!kind) return bad(`Loại phải là "${KIND_LABEL.dossier}" hoặc "${KIND_LABEL.result}"`);
  if (kind === 'dossier' && !code) return bad('thiếu mã hồ sơ');
  if (!code && !num) return bad('thiếu mã hồ sơ và số ký hiệu');

  const dates: [string, string][] = [['Ngày tiếp nhận', rec], ['Ngày hẹn trả', due], ['Ngày có kết quả', res], ['Ngày ban hành', iss], ['Hiệu lực đến', valid]];
  const iso: (string | null)[] = [];
  for (const [name, v] of dates) {
    const d = v ? vnToIso(v) : null;
    if (v && !d) return bad(`${name} "${v}" không phải ngày hợp lệ dạng dd/MM/yyyy`);
    iso.push(d);
  }
  if (perm !== '' && perm !== 'Có') return bad('Vĩnh viễn phải là "Có" hoặc để trống');
  const digitized = dig === DIGITIZED_LABEL.yes ? true : dig === DIGITIZED_LABEL.no ? false : dig === DIGITIZED_LABEL.unknown || dig === '' ? null : undefined;
  if (digitized === undefined) return bad(`Số hóa phải là "${DIGITIZED_LABEL.yes}", "${DIGITIZED_LABEL.no}" hoặc "${DIGITIZED_LABEL.unknown}"`);
  const lastSeen = parseDateTimeVn(seen);
  if (lastSeen === null) return bad(`Thu thập lúc "${seen}" phải có dạng dd/MM/yyyy HH:mm`);
  // A reading time in 9999 would win every later merge.
  if (lastSeen < MIN_TIMESTAMP || lastSeen > maxTimestamp(now)) return bad(`Thu thập lúc "${seen}" phải từ 01/01/2000 đến nay`);
  if (statusCode !== '' && !/^\d{1,2}$/u.test(statusCode)) return bad(`Mã trạng thái "${statusCode}" phải là số từ 1 đến 10`);

  const candidate = {
    kind,
    code: code || null,
    resultNumber: num || null,
    procedure: procedure || null,
    field: field || null,
    department: dept === '' || dept === UNASSIGNED ? null : dept,
    departmentFrom: null,
    receivedAt: iso[0]!,
    dueAt: iso[1]!,
    resolvedAt: iso[2]!,
    issuedAt: iso[3]!,
    validUntil: iso[4]!,
    permanent: perm === 'Có' ? true : null,
    status: status || null,
    statusCode: statusCode === '' ? null : Number(statusCode),
    digitized,
  };
  const checked = recordSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const col = FIELD_COLUMN[String(issue?.path[0] ?? '')];
    return bad(col ? `cột ${col} không hợp lệ` : 'dữ liệu không hợp lệ');
  }
  const record: PortalRecord = checked.data;
  return { ...record, key: recordKey(record), dept: record.department ?? '', firstSeen: lastSeen, lastSeen, sourceUrl: url };
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
  return ['kiem-dem-tthc', kind, ...(slug ? [slug] : []), period.from, period.to, todayIsoVn(now)].join('_') + '.csv';
}
