import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTally, readCells } from '../../utils/store/tally-read';
import { recordKey, resultKey, type PortalRecord, type StoredRecord } from '../../utils/records';
import { deriveAllResults, KiemDemDB } from '../../utils/store/db';
import { cellsFromResults } from '../../utils/store/derive';
import { getRejected } from '../../utils/store/meta';
import { assignDepartment, clearAll, importRecords, rebuildDerived, upsertBatch, upsertBatches } from '../../utils/store/upsert';
import { DEFAULT_PERIOD, type Period } from '../../utils/period';
import { tallyFromRecords } from '../../utils/tally';
import { DEPT_A, DEPT_B, dossier, prng, randomRecords, result } from './tally-helpers';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { departmentIndex } from '../../utils/vocab/departments';

const IDX = departmentIndex(DEFAULT_SETTINGS);

let db: KiemDemDB;
let n = 0;
beforeEach(() => {
  db = new KiemDemDB(`store-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const src = (url: string, at: number) => ({ url, at });
const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The derived tables must equal a rebuild from the records, whatever path wrote them. */
async function expectConsistent(): Promise<void> {
  const records = await db.records.toArray();
  const results = deriveAllResults(records);
  const byKey = (a: { rkey: string }, b: { rkey: string }) => (a.rkey < b.rkey ? -1 : 1);
  expect((await db.results.toArray()).sort(byKey)).toEqual(results.sort(byKey));
  expect(sortById(await readCells(db))).toEqual(sortById(cellsFromResults(results)));
}

describe('upsertBatch', () => {
  it('returns a native Promise (a Dexie promise would be dropped by runtime.onMessage)', async () => {
    const p = upsertBatch(db, [], src('https://a', 1));
    expect(p.constructor).toBe(Promise);
    await p;
  });

  it('inserts, then reports the same batch as unchanged without moving any count', async () => {
    const batch = [
      dossier('H37-200101-1', { department: DEPT_A, statusCode: 10, digitized: true }),
      result('H37-200101-1', '1/GCN', { department: DEPT_A, issuedAt: '2020-01-05' }),
      result(null, '7/QĐ', { department: DEPT_B, issuedAt: '2021-01-01', digitized: false }),
    ];
    expect(await upsertBatch(db, batch, src('https://p/1', 1000))).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    const cells = sortById(await readCells(db));
    expect(await upsertBatch(db, batch, src('https://p/1', 2000))).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(sortById(await readCells(db))).toEqual(cells);
    expect(await db.results.count()).toBe(2);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(2);
    // A later reading moves the read time (and last-seen) on.
    const r = await db.records.get(recordKey(batch[0]!));
    expect(r).toMatchObject({ firstSeen: 1000, lastSeen: 2000, readAt: 2000, sourceUrl: 'https://p/1', dept: DEPT_A });
    // The same reading arriving again the same day (a batch re-sent from the outbox): not
    // rewritten, last-seen is kept by the day.
    expect(await upsertBatch(db, batch, { ...src('https://p/1', 3000), readAt: [2000, 2000, 2000] })).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await db.records.get(recordKey(batch[0]!))).toMatchObject({ lastSeen: 2000, readAt: 2000 });
    // A later day moves last-seen on, still without counting anything twice.
    const nextDay = 1000 + 86_400_000;
    expect(await upsertBatch(db, batch, { ...src('https://p/1', nextDay), readAt: [2000, 2000, 2000] })).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await db.records.get(recordKey(batch[0]!))).toMatchObject({ firstSeen: 1000, lastSeen: nextDay });
    expect(sortById(await readCells(db))).toEqual(cells);
    await expectConsistent();
  });

  it('merges field by field: nulls never erase, a status moves on, the latest page is kept', async () => {
    const code = '000.00.13.H37-210305-0002';
    await upsertBatch(db, [dossier(code, { department: DEPT_A, receivedAt: '2021-03-05', status: 'Đang xử lý', statusCode: 4 })], src('https://p/1', 1));
    expect((await readTally(db, DEFAULT_PERIOD)).grand.total).toBe(0); // no result yet

    const c = await upsertBatch(db, [dossier(code, { status: 'Đã trả kết quả', statusCode: 10, digitized: false })], src('https://p/2', 2));
    expect(c).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const stored = await db.records.get(`d|${code.toLowerCase()}`);
    expect(stored).toMatchObject({ department: DEPT_A, receivedAt: '2021-03-05', statusCode: 10, status: 'Đã trả kết quả', sourceUrl: 'https://p/2', firstSeen: 1, lastSeen: 2 });
    const t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.rows).toEqual([expect.objectContaining({ department: DEPT_A, year: 2021, total: 1, pending: 1 })]);
    await expectConsistent();
  });

  it('handles duplicate keys inside one batch', async () => {
    const c = await upsertBatch(
      db,
      [
        result(null, '9/GCN', { department: DEPT_A, issuedAt: '2019-01-01', digitized: false }),
        result(null, '9/gcn ', { issuedAt: '2019-01-01', digitized: true }), // same identity, folded
        result(null, '9/GCN', { issuedAt: '2019-01-01' }),
      ],
      src('https://p', 5),
    );
    expect(c).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await db.records.count()).toBe(1);
    expect((await readTally(db, DEFAULT_PERIOD)).grand).toMatchObject({ total: 1, digitized: 1, pending: 0 });
    await expectConsistent();
  });

  it('moves a result between cells when a later result row completes its dossier', async () => {
    const code = 'H37-190410-3';
    await upsertBatch(db, [dossier(code, { department: DEPT_B, statusCode: 9, resolvedAt: '2019-04-20' })], src('https://a', 1));
    let t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.rows).toEqual([expect.objectContaining({ department: DEPT_B, year: 2019, unknown: 1 })]);
    await upsertBatch(db, [result(code, '3/GCN', { department: DEPT_A, issuedAt: '2020-01-02', digitized: true, validUntil: '2025-01-01' })], src('https://b', 2));
    t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.rows).toEqual([expect.objectContaining({ department: DEPT_A, year: 2020, total: 1, digitized: 1 })]);
    expect((await readCells(db)).length).toBe(1);
    const row = await db.results.get(resultKey({ code, resultNumber: null }));
    expect(row).toMatchObject({ sourceUrl: 'https://b', resultNumber: '3/GCN', sources: [`d|${code.toLowerCase()}`, `r|${code.toLowerCase()}|3/gcn`] });
    await expectConsistent();
  });

  it('stays exact over many random overlapping batches, for any period', async () => {
    const rand = prng(42);
    const all: PortalRecord[] = [];
    for (let b = 0; b < 25; b++) {
      const batch = randomRecords(rand, 30);
      all.push(...batch);
      await upsertBatch(db, batch, src(`https://p/${b}`, (b + 1) * 60_000)); // readings a minute apart: the later wins
    }
    await expectConsistent();
    const periods: Period[] = [
      DEFAULT_PERIOD,
      { from: '2018-01-01', to: '2024-12-31', reference: '2023-06-29' },
      { from: '2019-05-06', to: '2019-05-06', reference: '2010-01-01' },
      // Starting and ending inside months, reference inside a month where validities end.
      { from: '2018-03-15', to: '2022-11-20', reference: '2022-11-20' },
      { from: '2020-02-10', to: '2020-02-20', reference: '2021-07-16' },
      { from: '2018-02-01', to: '2023-05-31', reference: '2025-01-01' },
    ];
    for (const p of periods) expect(await readTally(db, p)).toEqual(tallyFromRecords(all, p));
    expect(tallyFromRecords(all).grand.total).toBeGreaterThan(5); // the data exercises the counts
  });

  it('stores several batches in one call as it stores them one after another (group commit)', async () => {
    const rand = prng(7);
    const batches = Array.from({ length: 12 }, (_, b) => ({
      records: randomRecords(rand, 25, 30), // 30 codes: the batches share records
      source: { ...src(`https://p/${b}`, (b + 1) * 60_000), pageId: 'page-1', rejected: { 'thiếu mã hồ sơ': b + 1 } },
    }));
    const one = new KiemDemDB(`store-test-one-${n}`);
    try {
      const each = [];
      for (const b of batches) each.push(await upsertBatch(one, b.records, b.source));
      const together = await upsertBatches(db, batches);
      expect(together).toEqual(each);
      expect(together.reduce((a, c) => a + c.inserted, 0)).toBeGreaterThan(5);
      expect(together.reduce((a, c) => a + c.updated + c.unchanged, 0)).toBeGreaterThan(5);
      const byKey = <T extends { key?: string; rkey?: string; id?: string }>(xs: T[]) => [...xs].sort((a, b) => ((a.key ?? a.rkey ?? a.id)! < (b.key ?? b.rkey ?? b.id)! ? -1 : 1));
      expect(byKey(await db.records.toArray())).toEqual(byKey(await one.records.toArray()));
      expect(byKey(await db.results.toArray())).toEqual(byKey(await one.results.toArray()));
      expect(byKey(await readCells(db))).toEqual(byKey(await readCells(one)));
      expect(await getRejected(db)).toEqual(await getRejected(one));
      expect(await getRejected(db)).toEqual({ 'thiếu mã hồ sơ': 12 }); // running page totals, not their sum
      await expectConsistent();
    } finally {
      one.close();
      await one.delete();
    }
  });

  it('adds rejected-row counters in the same write', async () => {
    await upsertBatch(db, [], { url: 'https://a', at: 1, rejected: { 'thiếu mã hồ sơ': 2 } });
    await upsertBatch(db, [], { url: 'https://a', at: 2, rejected: { 'thiếu mã hồ sơ': 1, 'ngày sai': 3 } });
    expect(await getRejected(db)).toEqual({ 'thiếu mã hồ sơ': 3, 'ngày sai': 3 });
  });

  it('stores only the record format fields (no stray page data such as an applicant)', async () => {
    const withExtra = { ...result(null, '1/X', { issuedAt: '2020-01-01' }), applicant: 'Nguyễn Văn A' } as PortalRecord;
    await upsertBatch(db, [withExtra], src('https://a', 1));
    const stored = (await db.records.toArray())[0]!;
    expect(stored).not.toHaveProperty('applicant');
  });
});

describe('assignDepartment', () => {
  it('moves unassigned results to the chosen department and keeps the choice over later pages', async () => {
    const recs = [
      result(null, '1/A', { issuedAt: '2020-01-01', digitized: false }),
      result(null, '2/A', { issuedAt: '2020-01-01', digitized: true }),
    ];
    await upsertBatch(db, recs, src('https://a', 1));
    expect((await readTally(db, DEFAULT_PERIOD)).rows.map((r) => r.department)).toEqual(['Chưa phân loại']);

    const changed = await assignDepartment(db, [recordKey(recs[0]!), recordKey(recs[1]!), 'missing'], DEPT_B);
    expect(changed).toBe(2);
    let t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.rows).toEqual([expect.objectContaining({ department: DEPT_B, total: 2, digitized: 1, pending: 1 })]);
    expect(await db.records.where('dept').equals(DEPT_B).count()).toBe(2);

    await upsertBatch(db, [result(null, '1/A', { department: DEPT_A, departmentFrom: 'page' })], src('https://b', 2));
    t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.perDepartment.map((d) => [d.department, d.total])).toEqual([[DEPT_B, 2]]);
    expect(await db.records.get(recordKey(recs[0]!))).toMatchObject({ department: DEPT_B, departmentFrom: 'manual' });
    await expectConsistent();
  });
});

describe('importRecords', () => {
  const stored = (r: PortalRecord, firstSeen: number, lastSeen: number, sourceUrl = 'https://other'): StoredRecord => ({
    ...r,
    key: 'ignored',
    dept: 'ignored',
    firstSeen,
    lastSeen,
    sourceUrl,
  });

  it('merges another clerk\'s overlapping data without double counting', async () => {
    await upsertBatch(
      db,
      [result(null, '1/A', { department: DEPT_A, issuedAt: '2020-01-01', digitized: false }), result(null, '2/A', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true })],
      src('https://mine', 100),
    );
    const theirs = [
      stored(result(null, '1/A', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true }), 50, 200),
      stored(result(null, '3/A', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true }), 60, 60),
    ];
    expect(await importRecords(db, theirs, IDX)).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    expect(await importRecords(db, theirs, IDX)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.grand).toMatchObject({ total: 3, digitized: 3, pending: 0 });
    expect(await db.records.get(recordKey(result(null, '1/A', { issuedAt: '2020-01-01' })))).toMatchObject({ firstSeen: 50, lastSeen: 200, sourceUrl: 'https://other', key: 'r||1/a|2020-01-01', dept: DEPT_A });
    await expectConsistent();
  });

  it('lets older imported facts fill gaps only', async () => {
    await upsertBatch(db, [result(null, '5/B', { issuedAt: '2021-01-01', digitized: true, department: null })], src('https://mine', 500));
    await importRecords(db, [stored(result(null, '5/B', { issuedAt: '2021-01-01', status: 'Cũ', digitized: false, department: DEPT_B }), 10, 20)], IDX);
    const r = await db.records.get('r||5/b|2021-01-01');
    expect(r).toMatchObject({ issuedAt: '2021-01-01', digitized: true, department: DEPT_B, firstSeen: 10, lastSeen: 500, sourceUrl: 'https://mine' });
    await expectConsistent();
  });
});

describe('clearAll and rebuildDerived', () => {
  it('clearAll empties records, results and cells', async () => {
    await upsertBatch(db, randomRecords(prng(1), 50), src('https://a', 1));
    await clearAll(db);
    expect([await db.records.count(), await db.results.count(), (await readCells(db)).length]).toEqual([0, 0, 0]);
  });

  it('rebuildDerived repairs damaged aggregate tables', async () => {
    await upsertBatch(db, randomRecords(prng(2), 80), src('https://a', 1));
    const good = sortById(await readCells(db));
    // Damage done as any write must be done: with meta in the transaction (data-stamp.ts).
    await db.transaction('rw', db.monthCells, db.results, db.meta, async () => {
      await db.monthCells.clear();
      await db.results.limit(3).delete();
    });
    await rebuildDerived(db);
    expect(sortById(await readCells(db))).toEqual(good);
    await expectConsistent();
  });
});
