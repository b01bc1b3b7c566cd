/**
 * The trust findings at the store: one result counted once (code-less twin, invisible
 * characters, shared numbers), merges by read time, manual corrections with undo, rejected
 * counters written once, a negative cell repaired in the write, bounded imports.
 * Expectations are written by hand, not computed by the code under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup, parseBackup, restoreBackup, importTooBig, MAX_IMPORT_BYTES } from '../../utils/backup';
import { DETAIL_COLUMNS, parseDetailCsv } from '../../utils/csv';
import { recordKey, type StoredRecord } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { deriveAllResults, KiemDemDB, rekeyAll } from '../../utils/store/db';
import { cellsFromResults } from '../../utils/store/derive';
import { getRejected, META_REBUILT } from '../../utils/store/meta';
import { assignDepartment, correctResult, undoCorrection, upsertBatch } from '../../utils/store/upsert';
import { DEFAULT_PERIOD } from '../../utils/period';
import { tallyFromRecords } from '../../utils/tally';
import { readTally, readCells } from '../../utils/store/tally-read';
import { departmentIndex } from '../../utils/vocab/departments';
import { DEPT_A, DEPT_B, dossier, result } from './tally-helpers';

const IDX = departmentIndex(DEFAULT_SETTINGS);
const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;
let db: KiemDemDB;
let n = 0;
beforeEach(() => {
  db = new KiemDemDB(`trust-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const grand = async () => (await readTally(db, { from: '2018-01-01', to: '2025-12-31', reference: '2023-06-30' })).grand;
async function expectConsistent(): Promise<void> {
  const results = deriveAllResults(await db.records.toArray());
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(await readCells(db))).toEqual(byId(cellsFromResults(results)));
  expect(await db.results.count()).toBe(results.length);
}

describe('one result counted once', () => {
  const PERIOD = { from: '2018-01-01', to: '2025-12-31', reference: '2023-06-30' };
  it('a code-less result (old archive list) joins its coded twin by number + issue date, in either order', async () => {
    const coded = result('000.00.13.H37-210301-0001', '12/GCN-SKHCN', { issuedAt: '2021-03-10', department: DEPT_A, digitized: true, procedure: 'Cấp giấy chứng nhận' });
    const bare = result(null, '12/GCN-SKHCN', { issuedAt: '2021-03-10', procedure: 'Cấp giấy chứng nhận' });
    // Hand-written: one result, digitized, in DEPT_A 2021.
    expect(tallyFromRecords([coded, bare], PERIOD).grand).toMatchObject({ total: 1, digitized: 1 });
    await upsertBatch(db, [bare], { url: 'https://a.gov.vn/kho', at: T0 });
    expect((await grand()).total).toBe(1);
    await upsertBatch(db, [coded], { url: 'https://a.gov.vn/ds', at: T0 + MIN });
    expect(await grand()).toMatchObject({ total: 1, digitized: 1 });
    expect(new Set((await db.records.toArray()).map((r) => r.rkey))).toEqual(new Set(['c|000.00.13.h37-210301-0001']));
    await expectConsistent();
  });
  it('code-less results sharing a number but not the year stay separate; a different procedure does not join', async () => {
    const a = result(null, '01/GP-UBND', { issuedAt: '2020-02-01', digitized: false });
    const b = result(null, '01/GP-UBND', { issuedAt: '2021-02-01', digitized: false });
    const coded = result('000.00.13.H37-200201-0009', '01/GP-UBND', { issuedAt: '2020-02-01', procedure: 'Cấp giấy phép A' });
    const other = result(null, '01/GP-UBND', { issuedAt: '2020-02-01', procedure: 'Gia hạn giấy phép B' });
    expect(tallyFromRecords([a, b], PERIOD).grand.total).toBe(2);
    expect(tallyFromRecords([a, b, coded, other], PERIOD).grand.total).toBe(3); // a joins coded; other stays
    await upsertBatch(db, [a, b, coded, other], { url: 'https://a.gov.vn/x', at: T0 });
    expect((await grand()).total).toBe(3);
    await expectConsistent();
  });
  it('a code-less result seen without its date joins the one result of that number', async () => {
    const dated = result('000.00.13.H37-210301-0003', '14/GCN', { issuedAt: '2021-03-12', digitized: false });
    const undated = result(null, '14/GCN', { digitized: true });
    expect(tallyFromRecords([dated, undated], PERIOD).grand).toMatchObject({ total: 1 });
    await upsertBatch(db, [undated], { url: 'https://a.gov.vn/k', at: T0 });
    await upsertBatch(db, [dated], { url: 'https://a.gov.vn/d', at: T0 + MIN });
    expect((await grand()).total).toBe(1);
    await expectConsistent();
  });
  it('a code with a soft hyphen or zero-width characters is the same record', async () => {
    const plain = '000.00.13.H37-230601-0001';
    for (const ch of ['\u00ad', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2060']) {
      expect(recordKey(dossier(`000.00.13.H37-${ch}230601-0001`))).toBe(recordKey(dossier(plain)));
    }
    await upsertBatch(db, [dossier(plain, { statusCode: 10 }), dossier('000.00.13.H37-\u00ad230601-0001', { statusCode: 10 })], { url: 'https://a.gov.vn', at: T0 });
    expect(await db.records.count()).toBe(1);
  });
  it('the v4 upgrade merges records that differed only by an invisible character', () => {
    const base = { dept: '', firstSeen: T0, lastSeen: T0, sourceUrl: '' };
    const rows = rekeyAll([
      { ...dossier('000.00.13.H37-230601-0001', { status: 'A' }), key: 'd|000.00.13.h37-230601-0001', ...base },
      { ...dossier('000.00.13.H37-\u00ad230601-0001', { status: 'B' }), key: 'd|000.00.13.h37-\u00ad230601-0001', ...base, lastSeen: T0 + 1 },
    ] as StoredRecord[]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'B', readAt: T0 + 1, rkey: 'c|000.00.13.h37-230601-0001' });
  });
});

describe('merges order by read time', () => {
  const code = '000.00.13.H37-230601-0005';
  it('a later reading undoes a digitization; a stale tab re-sending old rows changes nothing', async () => {
    await upsertBatch(db, [result(code, '5/GCN', { issuedAt: '2023-06-01', digitized: true, status: 'Đang xử lý', statusCode: 4 })], { url: 'https://a', at: T0, readAt: [T0], readBy: 'tab-1' });
    await upsertBatch(db, [result(code, '5/GCN', { issuedAt: '2023-06-01', digitized: false, status: 'Đã trả kết quả', statusCode: 10 })], { url: 'https://a', at: T0 + 5 * MIN, readAt: [T0 + 5 * MIN], readBy: 'tab-2' });
    expect(await db.records.get(recordKey(result(code, '5/GCN')))).toMatchObject({ digitized: false, statusCode: 10 });
    // Tab 1, left open, sends its old reading again (arrives last, read first).
    await upsertBatch(db, [result(code, '5/GCN', { issuedAt: '2023-06-01', digitized: true, status: 'Đang xử lý', statusCode: 4 })], { url: 'https://a', at: T0 + 9 * MIN, readAt: [T0], readBy: 'tab-1' });
    expect(await db.records.get(recordKey(result(code, '5/GCN')))).toMatchObject({ digitized: false, statusCode: 10, status: 'Đã trả kết quả' });
    expect(await grand()).toMatchObject({ total: 1, digitized: 0, pending: 1 });
    await expectConsistent();
  });
  it('two tabs reading within seconds never flip the result back and forth', async () => {
    const yes = result(code, '5/GCN', { issuedAt: '2023-06-01', digitized: true });
    const no = result(code, '5/GCN', { issuedAt: '2023-06-01', digitized: false });
    const states: (boolean | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const tab = i % 2 === 0 ? 'tab-a' : 'tab-b';
      await upsertBatch(db, [i % 2 === 0 ? yes : no], { url: 'https://a', at: T0 + i * 1000, readAt: [T0 + i * 1000], readBy: tab });
      states.push((await db.records.get(recordKey(yes)))!.digitized);
    }
    expect(states).toEqual([true, true, true, true, true, true]);
  });
  it('a read time in the future is clamped to the arrival', async () => {
    await upsertBatch(db, [dossier(code, { status: 'A' })], { url: 'https://a', at: T0, readAt: [T0 + 1e12] });
    expect((await db.records.get(`d|${code.toLowerCase()}`))!.readAt).toBe(T0);
  });
});

describe('manual corrections', () => {
  const code = '000.00.13.H37-220101-0001';
  it('set department and digitization for the whole result, stay over later readings, and undo exactly', async () => {
    await upsertBatch(db, [dossier(code, { statusCode: 10, department: null }), result(code, '1/GCN', { issuedAt: '2022-01-05', digitized: true })], { url: 'https://a', at: T0 });
    const rkey = `c|${code.toLowerCase()}`;
    const { changed, undo } = await correctResult(db, [rkey], { department: DEPT_B, digitized: false });
    expect(changed).toBe(2);
    for (const r of await db.records.toArray()) expect(r).toMatchObject({ department: DEPT_B, departmentFrom: 'manual', digitized: false, digitizedFrom: 'manual' });
    expect(await grand()).toMatchObject({ total: 1, pending: 1 });
    // A later page says digitized and another department: the clerk's values stay.
    await upsertBatch(db, [result(code, '1/GCN', { issuedAt: '2022-01-05', digitized: true, department: DEPT_A })], { url: 'https://a', at: T0 + 10 * MIN });
    expect((await db.records.get(`r|${code.toLowerCase()}|1/gcn`))).toMatchObject({ department: DEPT_B, digitized: false });
    const t = await readTally(db, DEFAULT_PERIOD);
    expect(t.perDepartment.map((d) => d.department)).toEqual([DEPT_B]);
    await undoCorrection(db, undo);
    for (const r of await db.records.toArray()) expect(r.digitizedFrom ?? null).toBeNull();
    expect((await db.records.get(`r|${code.toLowerCase()}|1/gcn`))).toMatchObject({ digitized: true, department: null });
    await expectConsistent();
  });
  it('assigning a department from one record applies to every record of the result; unknown names can be reassigned', async () => {
    await upsertBatch(db, [dossier(code, { statusCode: 10, department: 'Trung tâm Cũ' }), result(code, '1/GCN', { issuedAt: '2022-01-05', department: 'Trung tâm Cũ' })], { url: 'https://a', at: T0 });
    expect(new Set((await db.records.toArray()).map((r) => r.department))).toEqual(new Set(['Trung tâm Cũ']));
    expect(await assignDepartment(db, [`d|${code.toLowerCase()}`], DEPT_A)).toBe(2);
    expect(new Set((await db.records.toArray()).map((r) => r.department))).toEqual(new Set([DEPT_A]));
    await expectConsistent();
  });
});

describe('counters and repair inside the write', () => {
  it('rejected totals of a page are counted once however often the batch is re-sent', async () => {
    const src = { url: 'https://a', at: T0, pageId: 'p1' };
    await upsertBatch(db, [], { ...src, rejected: { 'no-key': 2 } });
    await upsertBatch(db, [], { ...src, rejected: { 'no-key': 2 } }); // the ack was lost: sent again
    await upsertBatch(db, [], { ...src, rejected: { 'no-key': 3, invalid: 1 } });
    await upsertBatch(db, [], { ...src, pageId: 'p2', rejected: { 'no-key': 1 } });
    expect(await getRejected(db)).toEqual({ 'no-key': 4, invalid: 1 });
  });
  it('a cell found below zero makes the write rebuild the derived tables and note it', async () => {
    const code = '000.00.13.H37-220101-0002';
    await upsertBatch(db, [dossier(code, { statusCode: 10, resolvedAt: '2022-01-03', digitized: false })], { url: 'https://a', at: T0 });
    // Damaged aggregate (the next move would go below zero); a write names meta (data-stamp.ts).
    await db.transaction('rw', db.monthCells, db.meta, () => db.monthCells.clear());
    await upsertBatch(db, [dossier(code, { statusCode: 10, resolvedAt: '2022-01-03', digitized: true })], { url: 'https://a', at: T0 + MIN });
    expect(await grand()).toMatchObject({ total: 1, digitized: 1 });
    expect((await db.meta.get(META_REBUILT))?.value).toMatchObject({ cell: expect.any(String) });
    await expectConsistent();
  });
});

describe('bounded, atomic imports', () => {
  const rec = { kind: 'result', code: null, resultNumber: '9/B', issuedAt: '2020-01-01', firstSeen: T0, lastSeen: T0, sourceUrl: 'https://x' };
  const file = (records: object[]) => JSON.stringify({ app: 'kiem-dem-tthc', version: 1, exportedAt: 'x', records });
  it('refuses timestamps outside 2000…now + 1 day and impossible dates, with Vietnamese reasons', () => {
    const now = T0;
    expect(parseBackup(file([{ ...rec, lastSeen: 8.64e15 }]), now)).toMatchObject({ ok: false, errors: [expect.stringContaining('thời điểm thu thập cuối')] });
    expect(parseBackup(file([{ ...rec, firstSeen: 5 }]), now)).toMatchObject({ ok: false, errors: [expect.stringContaining('năm 2000')] });
    expect(parseBackup(file([{ ...rec, issuedAt: '2020-13-45' }]), now)).toMatchObject({ ok: false, errors: [expect.stringContaining('ngày ban hành')] });
    expect(parseBackup(file([{ ...rec, lastSeen: now + 3_600_000 }]), now).ok).toBe(true);
    const header = DETAIL_COLUMNS.join(',');
    const line = (seen: string) => `Kết quả,,9/B,,,,,,,01/01/2020,,,,,Chưa rõ,https://x,${seen},Chưa rõ`;
    expect(parseDetailCsv(`${header}\r\n${line('01/01/9999 00:00')}`, now).errors[0]).toMatch(/Thu thập lúc .* từ 01\/01\/2000 đến nay/u);
    expect(parseDetailCsv(`${header}\r\n${line('01/01/2023 08:00')}`, now).errors).toEqual([]);
  });
  it('checks the size before parsing', () => {
    expect(importTooBig(MAX_IMPORT_BYTES.backup + 1, 'backup')).toMatch(/^Tệp quá lớn/u);
    expect(importTooBig(1000, 'csv')).toBeNull();
  });
  it('keeps a manual department only when it is a known department; a bad file changes nothing', async () => {
    const ok = await restoreBackup(db, file([
      { ...rec, resultNumber: '1/B', department: 'Ban Giả Mạo', departmentFrom: 'manual' },
      { ...rec, resultNumber: '2/B', department: DEPT_A, departmentFrom: 'manual' },
      { ...rec, resultNumber: '3/B', department: 'Hộ kinh doanh Lê Thị Bình', procedure: 'Nguyễn Văn An' },
    ]), IDX, T0 + MIN);
    expect(ok).toMatchObject({ ok: true, inserted: 3 });
    const rows = Object.fromEntries((await db.records.toArray()).map((r) => [r.resultNumber, r]));
    expect(rows['1/B']).toMatchObject({ department: 'Ban Giả Mạo', departmentFrom: null });
    expect(rows['2/B']).toMatchObject({ department: DEPT_A, departmentFrom: 'manual' });
    expect(rows['3/B']).toMatchObject({ department: null, procedure: null });
    const before = await makeBackup(db, T0);
    const bad = await restoreBackup(db, file([{ ...rec, resultNumber: '4/B' }, { ...rec, lastSeen: 9e15 }]), IDX, T0 + MIN);
    expect(bad.ok).toBe(false);
    expect(await makeBackup(db, T0)).toBe(before);
  });
});
