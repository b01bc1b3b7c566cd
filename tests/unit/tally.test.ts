import { describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../../utils/settings';
import type { ResultRow } from '../../utils/store/types';
import {
  DEFAULT_PERIOD,
  dateFromCode,
  pendingResults,
  periodSchema,
  periodYears,
  resultFacts,
  tallyFromRecords,
  withAllYears,
  worklistResults,
  type Tally,
} from '../../utils/tally';
import { namesCode } from '../../utils/store/derive';
import { DEPT_A, DEPT_B, dossier, result } from './tally-helpers';

const cell = (t: Tally, dept: string, year: number) => t.rows.find((r) => r.department === dept && r.year === year);

describe('dateFromCode', () => {
  it('reads yyMMdd between dashes', () => {
    expect(dateFromCode('000.00.13.H37-230615-0007')).toBe('2023-06-15');
    expect(dateFromCode('H37-180101-1')).toBe('2018-01-01');
  });
  it('refuses impossible dates and codes without a date', () => {
    expect(dateFromCode('000.00.13.H37-230231-0007')).toBeNull();
    expect(dateFromCode('000.00.13.H37-231301-0007')).toBeNull();
    expect(dateFromCode('194/GCN-SKHCN')).toBeNull();
    expect(dateFromCode(null)).toBeNull();
  });
});

describe('resultFacts', () => {
  it('lets the result row win over the dossier and the dossier fill gaps', () => {
    const f = resultFacts([
      dossier('X-230101-1', { department: DEPT_B, receivedAt: '2023-01-01', digitized: null, validUntil: '2024-01-01' }),
      result('X-230101-1', '1/GCN', { department: DEPT_A, digitized: false, validUntil: '2030-01-01', issuedAt: null }),
    ]);
    expect(f).toMatchObject({ exists: true, department: DEPT_A, digitized: false, validUntil: '2030-01-01', date: '2023-01-01', resultNumber: '1/GCN' });
  });
  it('a dossier alone exists only when resolved (status 9/10 or a resolved date)', () => {
    expect(resultFacts([dossier('A-1', { statusCode: 4 })]).exists).toBe(false);
    expect(resultFacts([dossier('A-1', { statusCode: 9 })]).exists).toBe(true);
    expect(resultFacts([dossier('A-1', { statusCode: 10 })]).exists).toBe(true);
    expect(resultFacts([dossier('A-1', { statusCode: 4, resolvedAt: '2020-01-01' })]).exists).toBe(true);
  });
  it('takes the year date from issuedAt, then resolvedAt, receivedAt, the code', () => {
    const code = 'H37-190203-1';
    expect(resultFacts([result(code, '1', { issuedAt: '2020-01-01', resolvedAt: '2021-01-01', receivedAt: '2022-01-01' })]).date).toBe('2020-01-01');
    expect(resultFacts([result(code, '1', { resolvedAt: '2021-01-01', receivedAt: '2022-01-01' })]).date).toBe('2021-01-01');
    expect(resultFacts([result(code, '1', { receivedAt: '2022-01-01' })]).date).toBe('2022-01-01');
    expect(resultFacts([result(code, '1')]).date).toBe('2019-02-03');
  });
  it('does not depend on the order of the records', () => {
    const a = result('C-1', '1/A', { digitized: true, department: DEPT_A });
    const b = result('C-1', '2/B', { digitized: false });
    const d = dossier('C-1', { department: DEPT_B, statusCode: 10 });
    expect(resultFacts([a, b, d])).toEqual(resultFacts([d, b, a]));
  });
});

describe('tallyFromRecords', () => {
  it('counts a dossier and its result once, with the result row facts', () => {
    const t = tallyFromRecords([
      dossier('H37-200101-1', { department: DEPT_A, statusCode: 10, resolvedAt: '2020-02-01', digitized: null }),
      result('H37-200101-1', '5/GCN', { department: DEPT_A, digitized: true, issuedAt: '2020-02-02' }),
    ]);
    expect(t.rows).toHaveLength(1);
    expect(cell(t, DEPT_A, 2020)).toMatchObject({ total: 1, digitized: 1, pending: 0, unknown: 0 });
  });

  it('counts results without a code by their number', () => {
    const t = tallyFromRecords([
      result(null, '1/QĐ', { department: DEPT_A, issuedAt: '2019-01-01', digitized: false }),
      result(null, '2/QĐ', { department: DEPT_A, issuedAt: '2019-01-01', digitized: false }),
      result(null, '2/QĐ', { department: DEPT_A, issuedAt: '2019-01-01' }), // same result seen again
    ]);
    expect(cell(t, DEPT_A, 2019)).toMatchObject({ total: 2, pending: 2 });
  });

  it('keeps period bounds and the reference date inclusive', () => {
    const base = { department: DEPT_A, digitized: true };
    const t = tallyFromRecords([
      result(null, 'a', { ...base, issuedAt: '2017-12-31' }),
      result(null, 'b', { ...base, issuedAt: '2018-01-01' }),
      result(null, 'c', { ...base, issuedAt: '2023-06-30' }),
      result(null, 'd', { ...base, issuedAt: '2023-07-01' }),
      result(null, 'e', { ...base, issuedAt: '2019-01-01', validUntil: '2023-06-30' }),
      result(null, 'f', { ...base, issuedAt: '2019-01-01', validUntil: '2023-06-29' }),
      result(null, 'g', { ...base, issuedAt: '2019-01-01', validUntil: '2020-01-01', permanent: true }),
      result(null, 'h', { ...base, issuedAt: '2019-01-01', validUntil: null }),
    ]);
    expect(cell(t, DEPT_A, 2018)?.total).toBe(1);
    expect(cell(t, DEPT_A, 2023)?.total).toBe(1);
    expect(cell(t, DEPT_A, 2017)).toBeUndefined();
    expect(cell(t, DEPT_A, 2019)?.total).toBe(3); // e (valid on the day), g (permanent), h (no end)
    expect(t.grand.total).toBe(5);
  });

  it('uses the chosen period and reference date', () => {
    const recs = [result(null, 'x', { department: DEPT_A, issuedAt: '2024-02-01', validUntil: '2024-12-31', digitized: true })];
    expect(tallyFromRecords(recs).grand.total).toBe(0);
    expect(tallyFromRecords(recs, { from: '2024-01-01', to: '2024-12-31', reference: '2024-12-31' }).grand.total).toBe(1);
    expect(tallyFromRecords(recs, { from: '2024-01-01', to: '2024-12-31', reference: '2025-01-01' }).grand.total).toBe(0);
  });

  it('splits digitized, pending and unknown; unknown is never pending', () => {
    const t = tallyFromRecords([
      result(null, '1', { department: DEPT_B, issuedAt: '2021-03-01', digitized: true }),
      result(null, '2', { department: DEPT_B, issuedAt: '2021-03-01', digitized: false }),
      result(null, '3', { department: DEPT_B, issuedAt: '2021-03-01', digitized: null }),
    ]);
    expect(cell(t, DEPT_B, 2021)).toMatchObject({ total: 3, digitized: 1, pending: 1, unknown: 1, meets: false });
    expect(cell(t, DEPT_B, 2021)?.rate).toBeCloseTo(100 / 3, 10);
  });

  it('marks 80 % as met and sums departments and the grand total', () => {
    const recs = [
      ...[1, 2, 3, 4].map((i) => result(null, `d${i}`, { department: DEPT_A, issuedAt: '2022-01-01', digitized: true })),
      result(null, 'p', { department: DEPT_A, issuedAt: '2022-01-01', digitized: false }),
      result(null, 'q', { department: DEPT_A, issuedAt: '2021-01-01', digitized: false }),
      result(null, 'r', { department: DEPT_B, issuedAt: '2021-01-01', digitized: true }),
    ];
    const t = tallyFromRecords(recs);
    expect(cell(t, DEPT_A, 2022)).toMatchObject({ total: 5, rate: 80, meets: true });
    expect(t.perDepartment.find((d) => d.department === DEPT_A)).toMatchObject({ total: 6, digitized: 4, pending: 2 });
    expect(t.grand).toMatchObject({ total: 7, digitized: 5, pending: 2, unknown: 0 });
    expect(t.grand.rate).toBeCloseTo(500 / 7, 10);
  });

  it('puts unresolved departments under "Chưa phân loại", last; departments by Vietnamese name, years ascending', () => {
    const t = tallyFromRecords([
      result(null, '1', { department: null, issuedAt: '2020-01-01' }),
      result(null, '2', { department: 'Phòng Quản lý khoa học', issuedAt: '2021-01-01' }),
      result(null, '3', { department: 'Phòng Quản lý khoa học', issuedAt: '2019-01-01' }),
      result(null, '4', { department: 'Đội Kiểm tra', issuedAt: '2019-01-01' }),
      result(null, '5', { department: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', issuedAt: '2019-01-01' }),
    ]);
    expect(t.rows.map((r) => `${r.department} ${r.year}`)).toEqual([
      'Chi cục Tiêu chuẩn Đo lường Chất lượng 2019',
      'Đội Kiểm tra 2019', // đ sorts after d, before p in Vietnamese
      'Phòng Quản lý khoa học 2019',
      'Phòng Quản lý khoa học 2021',
      `${UNASSIGNED} 2020`,
    ]);
  });

  it('never lets a later page without a column erase a value', () => {
    const t = tallyFromRecords([
      result('K-1', '1', { department: DEPT_A, issuedAt: '2020-05-05', digitized: false }),
      result('K-1', '1', { department: null, issuedAt: null, digitized: true }),
    ]);
    expect(cell(t, DEPT_A, 2020)).toMatchObject({ total: 1, digitized: 1, pending: 0 });
  });
});

describe('pendingResults', () => {
  const row = (rkey: string, over: Partial<ResultRow>): ResultRow => ({
    rkey,
    dept: DEPT_A,
    exists: 1,
    date: '2020-01-01',
    validUntil: null,
    permanent: null,
    digitized: false,
    state: 'pending',
    synced: null,
    sync: 'unknown',
    code: rkey,
    resultNumber: null,
    procedure: null,
    sourceUrl: 'https://x/1',
    ownPageUrl: '',
    sources: [`d|${rkey}`],
    ...over,
  });
  it('lists counted, known-undigitized results of a department in date order', () => {
    const rows = [
      row('b', { date: '2021-01-01' }),
      row('a', { date: '2019-01-01' }),
      row('digitized', { digitized: true, state: 'digitized' }),
      row('unknown', { digitized: null, state: 'unknown' }),
      row('not-yet', { exists: 0 }),
      row('expired', { validUntil: '2022-01-01' }),
      row('late', { date: '2023-07-01' }),
      row('other', { dept: DEPT_B }),
      row('nodept', { dept: '' }),
    ];
    expect(pendingResults(rows, DEFAULT_PERIOD, DEPT_A).map((p) => p.rkey)).toEqual(['a', 'b']);
    expect(pendingResults(rows, DEFAULT_PERIOD, UNASSIGNED).map((p) => [p.rkey, p.department])).toEqual([['nodept', UNASSIGNED]]);
    expect(pendingResults(rows).map((p) => p.rkey)).toEqual(['other', 'a', 'b', 'nodept']);
  });
});

describe('periodSchema', () => {
  it('accepts the preset and refuses a reversed period', () => {
    expect(periodSchema.safeParse(DEFAULT_PERIOD).success).toBe(true);
    expect(periodSchema.safeParse({ ...DEFAULT_PERIOD, from: '2024-01-01' }).success).toBe(false);
  });
});

describe('archive sync in the tally', () => {
  it('counts synced and not synced beside digitization; unknown sync is neither; merged like digitization', () => {
    const t = tallyFromRecords([
      result(null, '1', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true, synced: true }),
      result(null, '2', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true, synced: false }),
      result(null, '3', { department: DEPT_A, issuedAt: '2020-01-01', digitized: false }),
      result(null, '4', { department: DEPT_A, issuedAt: '2020-01-01', digitized: false, synced: false }),
      // A later list without the sync shown erases nothing; a later reading saying "Đã đồng bộ" wins.
      result(null, '1', { department: DEPT_A, issuedAt: '2020-01-01', synced: null }),
      result(null, '4', { department: DEPT_A, issuedAt: '2020-01-01', synced: true }),
    ]);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ total: 4, digitized: 2, pending: 2, synced: 2, unsynced: 1 });
    expect(t.grand).toMatchObject({ synced: 2, unsynced: 1 });
  });
  it('a dossier and its result: the result row\'s sync completes the dossier', () => {
    const t = tallyFromRecords([
      dossier('H37-200101-1', { department: DEPT_A, statusCode: 10, resolvedAt: '2020-01-02' }),
      result('H37-200101-1', '9/GCN', { issuedAt: '2020-01-03', synced: true }),
    ]);
    expect(t.grand).toMatchObject({ total: 1, synced: 1, unsynced: 0 });
  });
});

describe('withAllYears', () => {
  it('lists every year of the period for every department (tally and named), zeros where nothing counts, totals unchanged', () => {
    const period = { from: '2019-03-01', to: '2021-06-30', reference: '2021-06-30' };
    const base = tallyFromRecords([result(null, '1', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true })], period);
    const t = withAllYears(base, [DEPT_B, UNASSIGNED, '']);
    expect(t.rows.map((r) => [r.department, r.year, r.total])).toEqual([
      [DEPT_B, 2019, 0], [DEPT_B, 2020, 0], [DEPT_B, 2021, 0],
      [DEPT_A, 2019, 0], [DEPT_A, 2020, 1], [DEPT_A, 2021, 0],
    ]);
    expect(t.perDepartment.map((d) => [d.department, d.total, d.rate])).toEqual([[DEPT_B, 0, null], [DEPT_A, 1, 100]]);
    expect(t.grand).toEqual(base.grand);
    expect(periodYears(period)).toEqual([2019, 2020, 2021]);
  });
});

describe('"Chưa rõ" worklist', () => {
  const row = (rkey: string, over: Partial<ResultRow>): ResultRow => ({
    rkey, dept: DEPT_A, exists: 1, date: '2020-01-01', validUntil: null, permanent: null, digitized: null, state: 'unknown', synced: null, sync: 'unknown',
    code: rkey, resultNumber: null, procedure: 'Cấp giấy phép', sourceUrl: 'https://x/list', ownPageUrl: '', sources: [], ...over,
  });
  it('lists unknown results with the procedure; links to the dossier\'s own page when one was seen', () => {
    const items = worklistResults([row('a', {}), row('b', { ownPageUrl: 'https://x/hs?ma=b' }), row('c', { state: 'pending', digitized: false })], 'unknown');
    expect(items.map((i) => [i.rkey, i.procedure, i.openUrl, i.ownPage])).toEqual([
      ['a', 'Cấp giấy phép', 'https://x/list', false],
      ['b', 'Cấp giấy phép', 'https://x/hs?ma=b', true],
    ]);
  });
  it('an address naming the dossier code is its own page', () => {
    expect(namesCode('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.13.H37-220316-0018', '000.00.13.H37-220316-0018')).toBe(true);
    expect(namesCode('https://x/ho-so/000.00.13.H37-220316-0018%20', '000.00.13.H37-220316-0018')).toBe(true);
    expect(namesCode('https://x/danh-sach?page=2', '000.00.13.H37-220316-0018')).toBe(false);
    expect(namesCode('https://x/a/12345', '12345')).toBe(false); // too short to be a code
  });
});
