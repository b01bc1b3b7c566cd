import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { recordKey, type PortalRecord, type StoredRecord } from '../../utils/records';
import { DEFAULT_PERIOD } from '../../utils/period';
import { tallyFromRecords, withAllYears } from '../../utils/tally';
import { parseSummaryXlsx } from '../../utils/summary-file';
import { buildXlsx } from '../../utils/xlsx';
import { DEPT_A, DEPT_B, dossier, result } from './tally-helpers';

const stored = (r: PortalRecord): StoredRecord => ({ ...r, key: recordKey(r), dept: r.department ?? '', firstSeen: 0, lastSeen: Date.UTC(2023, 5, 15, 1, 5), sourceUrl: 'https://a/b' });

/** Cell XML of a sheet by reference, e.g. "B2" → the <c …>…</c> element. */
function cellXml(sheet: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`, 'u').exec(sheet);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}

describe('buildXlsx', () => {
  it('writes two sheets and keeps code-like values as text cells', async () => {
    const recs = [
      stored(dossier('000.00.13.H37-230615-0007', { department: DEPT_A, statusCode: 10, receivedAt: '2023-06-15' })),
      stored(result('000.00.13.H37-230615-0007', '2.002709', { department: DEPT_A, issuedAt: '2023-06-20', digitized: true })),
    ];
    const blob = await buildXlsx(tallyFromRecords(recs), recs, { unit: DEPT_A, exportedAt: 0 });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Tổng hợp"');
    expect(workbook).toContain('name="Chi tiết"');

    const shared = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<t[^>]*>(.*?)<\/t>/gu)].map((m) => m[1]);
    const detail = strFromU8(files['xl/worksheets/sheet2.xml']!);
    const textOf = (ref: string) => {
      const c = cellXml(detail, ref);
      expect(c).toMatch(/t="(s|inlineStr)"/u);
      return shared[Number(/<v>(\d+)<\/v>/u.exec(c)![1])];
    };
    // Row 2 = the dossier, row 3 = its result (dossiers first).
    expect(textOf('B2')).toBe('000.00.13.H37-230615-0007');
    expect(textOf('B3')).toBe('000.00.13.H37-230615-0007');
    expect(textOf('C3')).toBe('2.002709');
    // Dates are numbers with a date style, not text.
    expect(cellXml(detail, 'J3')).not.toMatch(/t="/u);
    expect(cellXml(detail, 'J3')).toMatch(/<v>45097<\/v>/u); // 2023-06-20 as an Excel serial date

    const summary = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(cellXml(summary, 'C2')).toMatch(/<v>1<\/v>/u); // counts stay numbers
    expect(cellXml(summary, 'C2')).not.toMatch(/t="s"/u);
  });

  it('adds the "Độ phủ" sheet: per list read, captured, stated total and percent', async () => {
    const lists = [
      { id: 'motcua.langson.gov.vn/ds|Phòng QLKH', label: 'Hồ sơ · Phòng QLKH', statedTotal: 1284, captured: 642, pages: ['p1'], pagesRead: 26, firstRead: 0, lastRead: Date.UTC(2023, 5, 1) },
      { id: 'motcua.langson.gov.vn/kq', label: 'Kết quả', statedTotal: null, captured: 15, pages: [], pagesRead: 1, firstRead: 0, lastRead: Date.UTC(2023, 4, 1) },
    ];
    const blob = await buildXlsx(tallyFromRecords([]), [], { unit: '', exportedAt: 0 }, lists);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Độ phủ"');
    const sheet = strFromU8(files['xl/worksheets/sheet3.xml']!);
    const shared = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<t[^>]*>(.*?)<\/t>/gu)].map((m) => m[1]);
    const value = (ref: string) => /<v>([^<]*)<\/v>/u.exec(cellXml(sheet, ref))![1]!;
    expect(shared[Number(value('A1'))]).toBe('Danh sách');
    expect(shared[Number(value('A2'))]).toBe('Hồ sơ · Phòng QLKH');
    expect(shared[Number(value('B2'))]).toBe('motcua.langson.gov.vn/ds');
    expect(value('C2')).toBe('642');
    expect(value('D2')).toBe('1284');
    expect(value('E2')).toBe('50');
    expect(value('F2')).toBe('26');
    // No stated total: the cell is empty (not written).
    expect(sheet).not.toMatch(/<c r="D3"[^>]*>\s*<v>/u);
    expect(value('C3')).toBe('15');
  });
});

describe('the workbook read back (consolidation import)', () => {
  it('gives the summary lines, the unit, the period and the reference date of its "Thông tin" sheet', async () => {
    const recs = [
      stored(result(null, '1/GCN', { department: DEPT_A, issuedAt: '2019-02-01', digitized: true, synced: true })),
      stored(result(null, '2/GCN', { department: DEPT_A, issuedAt: '2021-03-01', digitized: false, synced: false })),
      stored(result(null, '3/GCN', { department: DEPT_A, issuedAt: '2021-03-02', digitized: null })),
    ];
    const tally = withAllYears(tallyFromRecords(recs), [DEPT_B]);
    const blob = await buildXlsx(tally, recs, { unit: 'Phòng QLKH & "Văn phòng" <Sở>', exportedAt: Date.UTC(2026, 0, 2, 3, 4) });
    const parsed = parseSummaryXlsx(new Uint8Array(await blob.arrayBuffer()), 'a.xlsx');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const f = parsed.file;
    expect([f.unit, f.from, f.to, f.reference, f.exportedAt]).toEqual(['Phòng QLKH & "Văn phòng" <Sở>', DEFAULT_PERIOD.from, DEFAULT_PERIOD.to, DEFAULT_PERIOD.reference, Date.UTC(2026, 0, 2, 3, 4)]);
    expect(f.lines).toHaveLength(12); // 2 departments × 6 years, zeros included
    expect(f.lines.find((l) => l.department === DEPT_A && l.year === 2021)).toEqual({ department: DEPT_A, year: 2021, total: 2, digitized: 0, pending: 1, unknown: 1, synced: 0, unsynced: 1 });
    expect(f.lines.filter((l) => l.department === DEPT_B).every((l) => l.total === 0)).toBe(true);
  });
  it('refuses a workbook that is not a summary file', async () => {
    const parsed = parseSummaryXlsx(new Uint8Array([80, 75, 3, 4, 0, 0]), 'x.xlsx');
    expect(parsed.ok).toBe(false);
  });
});
