/**
 * The same two tables as the CSV exports, as an Excel workbook (sheets "Tổng hợp" and
 * "Chi tiết"), and the coverage of each list read (sheet "Độ phủ"). Codes and numbers such as 000.00.13.H37-230615-0007 or 2.002709 are
 * written as text cells so Excel never turns them into numbers or dates; string cells
 * are never evaluated, so no formula escaping is needed here. Dates are real dates.
 * The popup loads this module with a dynamic import, only when the user asks for it.
 */
import writeXlsxFile, { type Cell, type Row, type SheetData } from 'write-excel-file/browser';
import { SUMMARY_COLUMNS, detailOrder } from './csv';
import { DETAIL_COLUMNS, DETAIL_TABLE, type SheetValue } from './detail-columns';
import { isoToVn } from './dates-vn';
import type { StoredRecord } from './records';
import { META_APP, META_LABELS, META_SHEET, SUMMARY_SHEET } from './summary-file';
import type { Counts, Tally } from './tally';
import { coveragePercent } from './store/lists';
import type { ListRow } from './store/types';

const VN_OFFSET_MS = 7 * 3600 * 1000; // Vietnam wall time, written as a UTC serial date

const header = (cols: readonly string[]): Row => cols.map((value) => ({ value, type: String, fontWeight: 'bold' }));
const text = (v: string | null | undefined): Cell => (v ? { value: v.normalize('NFC'), type: String } : null);
const num = (v: number): Cell => ({ value: v, type: Number });
const date = (iso: string | null): Cell => {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'dd/mm/yyyy' };
};

function countCells(c: Counts): Cell[] {
  const rate: Cell = c.rate === null ? null : { value: Math.round(c.rate * 10) / 10, type: Number, format: '0.0' };
  return [num(c.total), num(c.digitized), num(c.pending), num(c.unknown), rate, num(c.synced), num(c.unsynced)];
}

export function summarySheet(tally: Tally): SheetData {
  const rows: SheetData = [header(SUMMARY_COLUMNS)];
  for (const dept of tally.perDepartment) {
    for (const r of tally.rows) if (r.department === dept.department) rows.push([text(r.department), num(r.year), ...countCells(r)]);
    rows.push([text(dept.department), { value: 'Cộng', type: String, fontWeight: 'bold' }, ...countCells(dept)]);
  }
  rows.push([{ value: 'Tổng cộng', type: String, fontWeight: 'bold' }, null, ...countCells(tally.grand)]);
  return rows;
}

/** The writer's cell for a column's value (dates as real dates, times in Vietnam wall time). */
function cellOf(v: SheetValue): Cell {
  if (v === null) return null;
  if (v.type === 'text') return text(v.value);
  if (v.type === 'number') return num(v.value);
  if (v.type === 'date') return date(v.iso);
  return { value: new Date(v.ms + VN_OFFSET_MS), type: Date, format: 'dd/mm/yyyy hh:mm' };
}

export function detailSheet(records: readonly StoredRecord[]): SheetData {
  const rows: SheetData = [header(DETAIL_COLUMNS)];
  for (const r of detailOrder(records)) rows.push(DETAIL_TABLE.map((c) => cellOf(c.xlsx(r))));
  return rows;
}

/** Columns of the "Độ phủ" sheet: the popup's "Danh sách đã đọc" table. */
export const COVERAGE_COLUMNS = ['Danh sách', 'Địa chỉ', 'Đã đọc', 'Tổng số trên cổng', 'Độ phủ (%)', 'Số trang đã đọc', 'Đọc lần cuối'] as const;

export function coverageSheet(lists: readonly ListRow[]): SheetData {
  const rows: SheetData = [header(COVERAGE_COLUMNS)];
  for (const l of [...lists].sort((a, b) => b.lastRead - a.lastRead)) {
    const pct = coveragePercent(l);
    rows.push([
      text(l.label),
      text(l.id.split('|')[0]),
      num(l.captured),
      l.statedTotal === null ? null : num(l.statedTotal),
      pct === null ? null : { value: pct, type: Number, format: '0.0' },
      num(l.pagesRead),
      { value: new Date(l.lastRead + VN_OFFSET_MS), type: Date, format: 'dd/mm/yyyy hh:mm' },
    ]);
  }
  return rows;
}

/** Who, which period and when, so the office's consolidation can read the file back (summary-file.ts). */
export interface WorkbookMeta {
  unit: string;
  exportedAt: number;
}

export function metaSheet(tally: Tally, meta: WorkbookMeta): SheetData {
  const row = (label: string, value: string): Row => [{ value: label, type: String, fontWeight: 'bold' }, { value: value.normalize('NFC'), type: String }];
  return [
    row(META_LABELS.app, META_APP),
    row(META_LABELS.unit, meta.unit),
    row(META_LABELS.from, isoToVn(tally.period.from)),
    row(META_LABELS.to, isoToVn(tally.period.to)),
    row(META_LABELS.reference, isoToVn(tally.period.reference)),
    row(META_LABELS.exportedAt, new Date(meta.exportedAt).toISOString()),
  ];
}

/** Workbook with the summary, every record (when given), the coverage of each list read and the "Thông tin" sheet. */
export async function buildXlsx(tally: Tally, records: readonly StoredRecord[] | null, meta: WorkbookMeta, lists: readonly ListRow[] = []): Promise<Blob> {
  const widths = (ws: number[]) => ws.map((width) => ({ width }));
  return await writeXlsxFile([
    { sheet: SUMMARY_SHEET, data: summarySheet(tally), columns: widths([40, 10, 18, 12, 12, 10, 16, 15, 16]), stickyRowsCount: 1 },
    ...(records
      ? [{ sheet: 'Chi tiết', data: detailSheet(records), columns: widths(DETAIL_TABLE.map((c) => c.width)), stickyRowsCount: 1 }]
      : []),
    { sheet: 'Độ phủ', data: coverageSheet(lists), columns: widths([50, 50, 10, 16, 11, 14, 17]), stickyRowsCount: 1 },
    { sheet: META_SHEET, data: metaSheet(tally, meta), columns: widths([20, 50]) },
  ]).toBlob();
}
