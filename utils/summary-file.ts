/**
 * Reading back a unit's summary file (the project's own "Xuất CSV tổng hợp" or XLSX) for
 * the office's consolidation, pure. The CSV keeps its column contract, so it carries no
 * metadata lines: its unit is read from its "Đơn vị" rows, its period from the export's
 * file name (…_tong-hop_<from>_<to>_<date>.csv) when it has one, and its reference date
 * is the one the office states in the form. The XLSX carries all three in its sheet
 * "Thông tin". Every problem is reported in Vietnamese and nothing is kept.
 */
import Papa from 'papaparse';
import { SUMMARY_COLUMNS } from './csv';
import { isoToVn, vnToIso } from './dates-vn';
import { fold } from './text/fold';
import { periodYears, unitOfDepartments, type Period } from './tally';
import type { UnitReportLine } from './store/types';
import { readWorkbook, type SheetRows } from './xlsx-read';

export const SUMMARY_SHEET = 'Tổng hợp';
export const META_SHEET = 'Thông tin';
/** Labels of the "Thông tin" sheet (column A), values in column B. */
export const META_LABELS = {
  app: 'Tệp của',
  unit: 'Đơn vị báo cáo',
  from: 'Từ ngày',
  to: 'Đến ngày',
  reference: 'Ngày tham chiếu',
  exportedAt: 'Xuất lúc',
} as const;
export const META_APP = 'Kiểm đếm TTHC';

/** Columns of the contract every summary file has; the two sync columns came later and may be missing. */
const REQUIRED = 7;
const MAX_LINES = 20_000;

export interface SummaryFile {
  unit: string;
  /** From the file itself (XLSX metadata, or the CSV's file name); null when it does not say. */
  from: string | null;
  to: string | null;
  reference: string | null;
  /** When the file was made, when it says so (ms); else null. */
  exportedAt: number | null;
  lines: UnitReportLine[];
}

export type SummaryParse = { ok: true; file: SummaryFile } | { ok: false; errors: string[] };

const fail = (...errors: string[]): SummaryParse => ({ ok: false, errors });
const nfc = (s: string) => s.normalize('NFC').trim();
const unescapeCell = (c: string) => (/^'+[=+\-@\t\r]/u.test(c) ? c.slice(1) : c);

/**
 * The unit a file speaks for: its departments with something counted (the zero rows of
 * every named department say nothing), joined; "Không rõ đơn vị" when none.
 */
export function unitOfLines(lines: readonly UnitReportLine[]): string {
  return unitOfDepartments(lines.filter((l) => l.total > 0).map((l) => l.department));
}

/** The consolidation key: same unit and period → the newer file replaces the older. */
export function unitReportId(unit: string, from: string, to: string): string {
  return `${fold(unit)}|${from}|${to}`;
}

/** Year rows of a summary table (header first) → lines; "Cộng" and "Tổng cộng" are checked, not kept. */
export function linesFromRows(rows: SheetRows, where: string): { lines: UnitReportLine[] } | { errors: string[] } {
  const header = (rows[0] ?? []).map((h) => nfc(h));
  while (header.length && header[header.length - 1] === '') header.pop();
  const ok =
    header.length >= REQUIRED && header.length <= SUMMARY_COLUMNS.length && header.every((h, i) => h === SUMMARY_COLUMNS[i]);
  if (!ok) return { errors: [`${where}: tiêu đề cột không đúng mẫu tổng hợp. Cần đúng các cột: ${SUMMARY_COLUMNS.join(', ')}`] };
  const hasSync = header.length === SUMMARY_COLUMNS.length;
  if (rows.length > MAX_LINES) return { errors: [`${where}: quá nhiều dòng (tối đa ${MAX_LINES})`] };
  const errors: string[] = [];
  const lines: UnitReportLine[] = [];
  const seen = new Set<string>();
  const sums = new Map<string, number[]>();
  let grand: number[] | null = null;
  for (let i = 1; i < rows.length && errors.length < 20; i++) {
    const cells = (rows[i] ?? []).map((c) => nfc(unescapeCell(c)));
    if (cells.every((c) => c === '')) continue;
    const bad = (what: string) => errors.push(`${where}, dòng ${i + 1}: ${what}`);
    const [dept = '', yearText = ''] = cells;
    const nums: number[] = [];
    const cols = hasSync ? [2, 3, 4, 5, 7, 8] : [2, 3, 4, 5];
    let numbersOk = true;
    for (const c of cols) {
      const v = cells[c] ?? '';
      if (!/^\d{1,9}$/u.test(v)) {
        bad(`cột ${SUMMARY_COLUMNS[c]} phải là số nguyên không âm (đang là "${v}")`);
        numbersOk = false;
        break;
      }
      nums.push(Number(v));
    }
    if (!numbersOk) continue;
    const [total, digitized, pending, unknown, synced = 0, unsynced = 0] = nums as [number, number, number, number, number?, number?];
    if (digitized + pending + unknown !== total) {
      bad(`Tổng còn hiệu lực ${total} khác Đã số hóa + Chưa số hóa + Chưa rõ (${digitized + pending + unknown})`);
      continue;
    }
    if (synced + unsynced > total) {
      bad('số đã/chưa đồng bộ kho lớn hơn tổng');
      continue;
    }
    const v = [total, digitized, pending, unknown, synced, unsynced];
    if (dept === 'Tổng cộng') {
      grand = v;
      continue;
    }
    if (!dept) {
      bad('thiếu tên đơn vị');
      continue;
    }
    if (yearText === 'Cộng') {
      const sum = sums.get(dept) ?? [0, 0, 0, 0, 0, 0];
      if (sum.some((x, k) => x !== v[k])) bad(`dòng "Cộng" của ${dept} khác tổng các năm`);
      continue;
    }
    if (!/^\d{4}$/u.test(yearText)) {
      bad(`Năm "${yearText}" không hợp lệ`);
      continue;
    }
    const key = `${dept}|${yearText}`;
    if (seen.has(key)) {
      bad(`${dept} năm ${yearText} có hai dòng`);
      continue;
    }
    seen.add(key);
    const sum = sums.get(dept) ?? [0, 0, 0, 0, 0, 0];
    sums.set(dept, sum.map((x, k) => x + v[k]!));
    lines.push({ department: dept, year: Number(yearText), total, digitized, pending, unknown, synced, unsynced });
  }
  if (!errors.length && grand) {
    const all = [...sums.values()].reduce((a, s) => a.map((x, k) => x + s[k]!), [0, 0, 0, 0, 0, 0]);
    if (all.some((x, k) => x !== grand![k])) errors.push(`${where}: dòng "Tổng cộng" khác tổng các dòng`);
  }
  if (!errors.length && !grand) errors.push(`${where}: thiếu dòng "Tổng cộng" (tệp không đầy đủ?)`);
  return errors.length ? { errors } : { lines };
}

/** A summary CSV (not a detail one): its header starts with the summary's columns. */
export function looksLikeSummaryCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/u, '').split(/\r?\n/u, 1)[0] ?? '';
  return first.normalize('NFC').startsWith(SUMMARY_COLUMNS.slice(0, 3).join(','));
}

/** Period in an export's file name: kiem-dem-tthc_tong-hop[_<dept>]_<from>_<to>_<date>.csv */
export function periodFromFileName(name: string): { from: string; to: string; exportedOn: string } | null {
  const m = /_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.(?:csv|xlsx)$/iu.exec(name);
  return m ? { from: m[1]!, to: m[2]!, exportedOn: m[3]! } : null;
}

export function parseSummaryCsv(text: string, fileName: string): SummaryParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { header: false, skipEmptyLines: 'greedy', delimiter: ',' });
  if (parsed.errors.length) return fail(`${fileName}: lỗi định dạng CSV (${parsed.errors[0]!.message})`);
  const got = linesFromRows(parsed.data, fileName);
  if ('errors' in got) return fail(...got.errors);
  const named = periodFromFileName(fileName);
  return {
    ok: true,
    file: { unit: unitOfLines(got.lines), from: named?.from ?? null, to: named?.to ?? null, reference: null, exportedAt: null, lines: got.lines },
  };
}

export function parseSummaryXlsx(bytes: Uint8Array, fileName: string): SummaryParse {
  let book: Map<string, SheetRows>;
  try {
    book = readWorkbook(bytes);
  } catch (e) {
    return fail(`${fileName}: ${e instanceof Error ? e.message : 'không đọc được tệp Excel'}`);
  }
  const sheet = book.get(SUMMARY_SHEET);
  if (!sheet) return fail(`${fileName}: không có trang tính "${SUMMARY_SHEET}"`);
  const got = linesFromRows(sheet, `${fileName} (${SUMMARY_SHEET})`);
  if ('errors' in got) return fail(...got.errors);
  const meta = new Map((book.get(META_SHEET) ?? []).map((r) => [nfc(r[0] ?? ''), nfc(r[1] ?? '')]));
  const date = (label: string) => {
    const v = meta.get(label) ?? '';
    return v ? vnToIso(v) : null;
  };
  const from = date(META_LABELS.from);
  const to = date(META_LABELS.to);
  const reference = date(META_LABELS.reference);
  if (meta.size && (!from || !to || !reference)) return fail(`${fileName}: trang "${META_SHEET}" thiếu hoặc sai Từ ngày / Đến ngày / Ngày tham chiếu (dd/MM/yyyy)`);
  const exported = /^(\d{4}-\d{2}-\d{2})T/u.test(meta.get(META_LABELS.exportedAt) ?? '') ? Date.parse(meta.get(META_LABELS.exportedAt)!) : null;
  return {
    ok: true,
    file: {
      unit: meta.get(META_LABELS.unit) || unitOfLines(got.lines),
      from,
      to,
      reference,
      exportedAt: Number.isFinite(exported) ? exported : null,
      lines: got.lines,
    },
  };
}

/**
 * A file joins the consolidation only for the same period and reference date: what the
 * file says must equal the form's; years outside the period refuse it too.
 */
export function checkPeriod(file: SummaryFile, period: Period, fileName: string): string | null {
  const show = (p: { from: string; to: string }) => `${isoToVn(p.from)} – ${isoToVn(p.to)}`;
  if ((file.from && file.from !== period.from) || (file.to && file.to !== period.to)) {
    return `Tệp ${fileName} là kỳ ${show({ from: file.from ?? period.from, to: file.to ?? period.to })}, khác kỳ đang gộp ${show(period)}. Tệp không được gộp.`;
  }
  if (file.reference && file.reference !== period.reference) {
    return `Tệp ${fileName} có ngày tham chiếu ${isoToVn(file.reference)}, khác ngày tham chiếu đang gộp ${isoToVn(period.reference)}. Tệp không được gộp.`;
  }
  const years = new Set(periodYears(period));
  const outside = [...new Set(file.lines.map((l) => l.year))].filter((y) => !years.has(y)).sort();
  if (outside.length) return `Tệp ${fileName} có số liệu năm ${outside.join(', ')}, ngoài kỳ đang gộp ${show(period)}. Tệp không được gộp.`;
  return null;
}
