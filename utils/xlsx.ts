/**
 * The same two tables as the CSV exports, as an Excel workbook (sheets "Tổng hợp" and
 * "Chi tiết"), and the coverage of each list read (sheet "Độ phủ"). Codes and numbers such as 000.00.13.H37-230615-0007 or 2.002709 are
 * written as text cells so Excel never turns them into numbers or dates; string cells
 * are never evaluated, so no formula escaping is needed here. Dates are real dates.
 * The popup loads this module with a dynamic import, only when the user asks for it.
 */
import writeXlsxFile, { type Cell, type Row, type SheetData } from 'write-excel-file/browser';
import { DETAIL_COLUMNS, DIGITIZED_LABEL, KIND_LABEL, SUMMARY_COLUMNS, detailOrder } from './csv';
import type { StoredRecord } from './records';
import { departmentLabel, type Counts, type Tally } from './tally';
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
  return [num(c.total), num(c.digitized), num(c.pending), num(c.unknown), rate];
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

export function detailSheet(records: readonly StoredRecord[]): SheetData {
  const rows: SheetData = [header(DETAIL_COLUMNS)];
  for (const r of detailOrder(records)) {
    rows.push([
      text(KIND_LABEL[r.kind]),
      text(r.code),
      text(r.resultNumber),
      text(r.procedure),
      text(r.field),
      text(departmentLabel(r.department)),
      date(r.receivedAt),
      date(r.dueAt),
      date(r.resolvedAt),
      date(r.issuedAt),
      date(r.validUntil),
      text(r.permanent === true ? 'Có' : null),
      text(r.status),
      r.statusCode === null ? null : num(r.statusCode),
      text(r.digitized === true ? DIGITIZED_LABEL.yes : r.digitized === false ? DIGITIZED_LABEL.no : DIGITIZED_LABEL.unknown),
      text(r.sourceUrl),
      { value: new Date(r.lastSeen + VN_OFFSET_MS), type: Date, format: 'dd/mm/yyyy hh:mm' },
    ]);
  }
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

/** Workbook with the summary, every record and the coverage of each list read. */
export async function buildXlsx(tally: Tally, records: readonly StoredRecord[], lists: readonly ListRow[] = []): Promise<Blob> {
  const widths = (ws: number[]) => ws.map((width) => ({ width }));
  return await writeXlsxFile([
    { sheet: 'Tổng hợp', data: summarySheet(tally), columns: widths([40, 10, 18, 12, 12, 10, 16]), stickyRowsCount: 1 },
    {
      sheet: 'Chi tiết',
      data: detailSheet(records),
      columns: widths([9, 28, 20, 50, 30, 36, 12, 12, 12, 12, 12, 9, 20, 8, 13, 40, 17]),
      stickyRowsCount: 1,
    },
    { sheet: 'Độ phủ', data: coverageSheet(lists), columns: widths([50, 50, 10, 16, 11, 14, 17]), stickyRowsCount: 1 },
  ]).toBlob();
}
