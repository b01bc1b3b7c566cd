/**
 * The office's consolidation ("Gộp báo cáo các đơn vị"): units' summary files kept one
 * per unit and period (a newer file replaces the older, an older one is refused), all of
 * one period and reference date, summed into one department × year table.
 */
import { checkPeriod, parseSummaryCsv, parseSummaryXlsx, unitReportId, type SummaryFile } from './summary-file';
import { samePeriod, type Period } from './period';
import { countsOf, tallyFromRows, type Tally } from './tally';
import type { KiemDemDB } from './store/db';
import type { UnitReportRow } from './store/types';

export interface IncomingFile {
  name: string;
  /** File.lastModified: the file's date when the file itself does not say. */
  lastModified: number;
  bytes: Uint8Array;
}

export type AddOutcome =
  | { ok: true; replaced: boolean; report: UnitReportRow }
  | { ok: false; errors: string[] };

/** Read a unit's file (CSV or XLSX by its name or its first bytes). */
export function readUnitFile(file: IncomingFile): { ok: true; file: SummaryFile } | { ok: false; errors: string[] } {
  // A zip (PK…) is a workbook whatever its name; anything else is read as the summary CSV.
  const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (zip || /\.xlsx$/iu.test(file.name)) return parseSummaryXlsx(file.bytes, file.name);
  return parseSummaryCsv(new TextDecoder('utf-8').decode(file.bytes), file.name);
}

/** Check and build the stored row; nothing is written. */
export function prepareUnitReport(file: IncomingFile, period: Period, now: number): AddOutcome {
  const read = readUnitFile(file);
  if (!read.ok) return read;
  const problem = checkPeriod(read.file, period, file.name);
  if (problem) return { ok: false, errors: [problem] };
  const f = read.file;
  return {
    ok: true,
    replaced: false,
    report: {
      id: unitReportId(f.unit, period.from, period.to),
      unit: f.unit,
      from: period.from,
      to: period.to,
      reference: period.reference,
      fileName: file.name,
      fileTime: f.exportedAt ?? file.lastModified,
      importedAt: now,
      lines: f.lines,
    },
  };
}

/**
 * Add a unit's file to the consolidation of `period`. Files of another period or
 * reference date than the sources already kept are refused; the same unit and period
 * again replaces the kept file when this one is newer (or as new), else is refused.
 */
export async function addUnitReport(db: KiemDemDB, file: IncomingFile, period: Period, now: number = Date.now()): Promise<AddOutcome> {
  const prepared = prepareUnitReport(file, period, now);
  if (!prepared.ok) return prepared;
  const report = prepared.report;
  return await db.transaction('rw', db.unitReports, async (): Promise<AddOutcome> => {
    const others = await db.unitReports.toArray();
    const foreign = others.find((o) => !samePeriod(o, period));
    if (foreign) {
      return {
        ok: false,
        errors: [`Danh sách đang gộp có tệp của kỳ khác (${foreign.unit}). Xóa các tệp cũ trước khi gộp kỳ mới.`],
      };
    }
    const old = others.find((o) => o.id === report.id);
    if (old && old.fileTime > report.fileTime) {
      return {
        ok: false,
        errors: [`Tệp ${file.name} cũ hơn tệp đã gộp của ${report.unit} (${old.fileName}). Giữ tệp mới hơn.`],
      };
    }
    await db.unitReports.put(report);
    return { ok: true, replaced: old !== undefined, report };
  });
}

/** Every department the kept files name (their zero rows included), for withAllYears. */
export function departmentsOf(reports: readonly UnitReportRow[]): string[] {
  return [...new Set(reports.flatMap((r) => r.lines.map((l) => l.department)))];
}

/** The sum of the kept files, as a tally of `period` (pass it through withAllYears with departmentsOf). */
export function consolidatedTally(reports: readonly UnitReportRow[], period: Period): Tally {
  return tallyFromRows(
    period,
    reports
      .filter((r) => samePeriod(r, period))
      .flatMap((r) => r.lines.map((l) => ({ department: l.department, year: l.year, counts: countsOf([l.digitized, l.pending, l.unknown, l.synced, l.unsynced]) }))),
  );
}
