import { afterEach, describe, expect, it } from 'vitest';
import { csvFileName, summaryCsv } from '../../utils/csv';
import { addUnitReport, consolidatedTally } from '../../utils/consolidation';
import { KiemDemDB } from '../../utils/store/db';
import { parseSummaryCsv } from '../../utils/summary-file';
import { DEFAULT_PERIOD, type Period } from '../../utils/period';
import { tallyFromRecords, withAllYears } from '../../utils/tally';
import { buildXlsx } from '../../utils/xlsx';
import { DEPT_A, DEPT_B, result } from './tally-helpers';

const enc = new TextEncoder();
const unitTally = (dept: string, n: number, period: Period = DEFAULT_PERIOD) =>
  withAllYears(
    tallyFromRecords(
      Array.from({ length: n }, (_, i) => result(null, `${dept.length}-${i}`, { department: dept, issuedAt: `${2018 + (i % 5)}-03-01`, digitized: i % 2 === 0, synced: i % 3 === 0 ? true : null })),
      period,
    ),
    [DEPT_A, DEPT_B],
  );
const csvFile = (dept: string, n: number, name = csvFileName('tong-hop', DEFAULT_PERIOD, undefined, Date.UTC(2026, 0, 1)), lastModified = 1) => ({
  name,
  lastModified,
  bytes: enc.encode(summaryCsv(unitTally(dept, n))),
});

let db: KiemDemDB | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

describe('consolidation of units\' summary files', () => {
  it('sums three units (CSV and XLSX) department by department, year by year', async () => {
    db = new KiemDemDB(`consolidation-${Math.random()}`);
    const third = 'Văn phòng Sở';
    const t3 = withAllYears(tallyFromRecords([result(null, 'v1', { department: third, issuedAt: '2020-05-05', digitized: true, synced: true })]), [third]);
    const xlsx = new Uint8Array(await (await buildXlsx(t3, null, { unit: third, exportedAt: 5 })).arrayBuffer());
    const outcomes = [
      await addUnitReport(db, csvFile(DEPT_A, 7), DEFAULT_PERIOD),
      await addUnitReport(db, csvFile(DEPT_B, 4), DEFAULT_PERIOD),
      await addUnitReport(db, { name: 'vp.xlsx', lastModified: 1, bytes: xlsx }, DEFAULT_PERIOD),
    ];
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    const reports = await db.unitReports.toArray();
    expect(reports.map((r) => r.unit).sort()).toEqual([DEPT_B, DEPT_A, third].sort());
    const sum = consolidatedTally(reports, DEFAULT_PERIOD);
    const a = unitTally(DEPT_A, 7);
    const b = unitTally(DEPT_B, 4);
    expect(sum.grand.total).toBe(a.grand.total + b.grand.total + 1);
    expect(sum.grand.digitized).toBe(a.grand.digitized + b.grand.digitized + 1);
    expect(sum.grand.synced).toBe(a.grand.synced + b.grand.synced + 1);
    for (const r of [...a.rows, ...b.rows].filter((x) => x.total > 0)) {
      expect(sum.rows.find((x) => x.department === r.department && x.year === r.year)).toMatchObject({ total: r.total, digitized: r.digitized, pending: r.pending, unknown: r.unknown });
    }
  });

  it('a newer file of the same unit and period replaces the older; an older one is refused', async () => {
    db = new KiemDemDB(`consolidation-${Math.random()}`);
    expect((await addUnitReport(db, csvFile(DEPT_A, 3, undefined, 100), DEFAULT_PERIOD)).ok).toBe(true);
    const again = await addUnitReport(db, csvFile(DEPT_A, 5, undefined, 200), DEFAULT_PERIOD);
    expect(again).toMatchObject({ ok: true, replaced: true });
    expect(await db.unitReports.count()).toBe(1);
    expect(consolidatedTally(await db.unitReports.toArray(), DEFAULT_PERIOD).grand.total).toBe(5);
    const older = await addUnitReport(db, csvFile(DEPT_A, 9, undefined, 50), DEFAULT_PERIOD);
    expect(older.ok).toBe(false);
    expect(consolidatedTally(await db.unitReports.toArray(), DEFAULT_PERIOD).grand.total).toBe(5);
  });

  it('refuses another period or reference date with a Vietnamese message, and changes nothing', async () => {
    db = new KiemDemDB(`consolidation-${Math.random()}`);
    const other: Period = { from: '2019-01-01', to: '2023-06-30', reference: '2023-06-30' };
    const byName = await addUnitReport(db, csvFile(DEPT_A, 2, csvFileName('tong-hop', other, undefined, 0)), DEFAULT_PERIOD);
    expect(byName).toEqual({ ok: false, errors: [expect.stringMatching(/^Tệp .* là kỳ 01\/01\/2019 – 30\/06\/2023, khác kỳ đang gộp 01\/01\/2018 – 30\/06\/2023\. Tệp không được gộp\.$/u)] });
    const t = withAllYears(tallyFromRecords([], { ...DEFAULT_PERIOD, reference: '2022-12-31' }), [DEPT_A]);
    const x = new Uint8Array(await (await buildXlsx(t, null, { unit: DEPT_A, exportedAt: 1 })).arrayBuffer());
    const byRef = await addUnitReport(db, { name: 'a.xlsx', lastModified: 1, bytes: x }, DEFAULT_PERIOD);
    expect(byRef.ok ? '' : byRef.errors[0]).toMatch(/ngày tham chiếu 31\/12\/2022, khác ngày tham chiếu đang gộp 30\/06\/2023/u);
    // A renamed CSV of a wider period is caught by its years.
    const wide = withAllYears(tallyFromRecords([result(null, 'w', { department: DEPT_A, issuedAt: '2024-01-01' })], { from: '2018-01-01', to: '2024-12-31', reference: '2024-12-31' }));
    const byYears = await addUnitReport(db, { name: 'don-vi-a.csv', lastModified: 1, bytes: enc.encode(summaryCsv(wide)) }, DEFAULT_PERIOD);
    expect(byYears.ok ? '' : byYears.errors[0]).toMatch(/năm 2024, ngoài kỳ đang gộp/u);
    expect(await db.unitReports.count()).toBe(0);
  });

  it('reads the unit from the rows and refuses broken files (a detail CSV, totals that do not add up)', () => {
    const ok = parseSummaryCsv(summaryCsv(unitTally(DEPT_B, 3)), 'x.csv');
    expect(ok.ok && ok.file.unit).toBe(DEPT_B);
    expect(parseSummaryCsv('\uFEFFLoại,Mã hồ sơ\r\nHồ sơ,1', 'ct.csv')).toMatchObject({ ok: false, errors: [expect.stringMatching(/tiêu đề cột không đúng mẫu tổng hợp/u)] });
    const text = summaryCsv(unitTally(DEPT_B, 3)).replace(/,2018,1,1,0,0/u, ',2018,5,1,0,0');
    expect(parseSummaryCsv(text, 'x.csv')).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.stringMatching(/Tổng còn hiệu lực 5 khác/u)]) });
  });
});
