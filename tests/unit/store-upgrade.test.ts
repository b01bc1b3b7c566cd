import { readCells, readTally } from '../../utils/store/tally-read';
import { describe, expect, it } from 'vitest';
import { storeAtVersion } from './old-schema';
import { recordKey, type StoredRecord } from '../../utils/records';
import { deriveAllResults, KiemDemDB, SCHEMA_VERSION } from '../../utils/store/db';
import { monthRowsOf } from '../../utils/store/month-cells';
import { cellsFromResults } from '../../utils/store/derive';
import { DEFAULT_PERIOD } from '../../utils/period';
import { tallyFromRecords } from '../../utils/tally';
import { prng, randomRecords } from './tally-helpers';

describe('schema upgrade v1 → current', () => {
  it('keeps every record and builds results and cells that tally like the records', async () => {
    const name = 'upgrade-test';
    const raw = randomRecords(prng(7), 300);
    // A first-release database: records only, merged by key as that release stored them.
    const byKey = new Map<string, StoredRecord>();
    raw.forEach((r, i) => {
      const key = recordKey(r);
      const old = byKey.get(key);
      byKey.set(key, { ...(old ?? {}), ...r, key, dept: r.department ?? '', firstSeen: old?.firstSeen ?? i, lastSeen: i, sourceUrl: `https://p/${i}` });
    });
    const v1Rows = [...byKey.values()];

    const v1 = storeAtVersion(name, 1);
    await v1.table('records').bulkPut(v1Rows);
    v1.close();

    const db = new KiemDemDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const records = await db.records.toArray();
    const sorted = records.sort((a, b) => (a.key < b.key ? -1 : 1));
    const v1Sorted = v1Rows.sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(sorted).toHaveLength(v1Sorted.length);
    // Every v1 field kept; v4 adds the read time (= lastSeen), the number + date link and the result key.
    sorted.forEach((r, i) => {
      expect(r).toEqual({ ...v1Sorted[i], readAt: v1Sorted[i]!.lastSeen, link: expect.any(String), rkey: expect.any(String) });
    });
    const expected = tallyFromRecords(v1Rows);
    expect(expected.grand.total).toBeGreaterThan(0);
    expect((await readTally(db, DEFAULT_PERIOD))).toEqual(expected);
    expect(await db.results.count()).toBeGreaterThan(0);
    expect((await db.meta.get('schema'))?.value).toMatchObject({ version: SCHEMA_VERSION });
    db.close();
    await db.delete();
  });

  it('v2 (tally cells by day) → v6: cells by month from the kept results, the same counts for any period', async () => {
    const name = 'upgrade-test-v2';
    const rows = [...new Map(randomRecords(prng(11), 300).map((r, i) => [recordKey(r), { ...r, key: recordKey(r), dept: r.department ?? '', firstSeen: i, lastSeen: i, sourceUrl: `https://p/${i}` } as StoredRecord])).values()];
    const results = deriveAllResults(rows);
    // The cells as version 2 wrote them: one per day of date and of validity end.
    const dayCells = new Map<string, { id: string; dept: string; date: string; state: string; validity: string; count: number }>();
    for (const r of results) {
      if (r.exists !== 1 || r.date === null) continue;
      const validity = r.permanent === true || !r.validUntil ? '' : r.validUntil;
      const id = `${r.dept}|${r.date}|${r.state}|${validity}`;
      const c = dayCells.get(id);
      if (c) c.count++;
      else dayCells.set(id, { id, dept: r.dept, date: r.date, state: r.state, validity, count: 1 });
    }
    const v2 = storeAtVersion(name, 2);
    await v2.table('records').bulkPut(rows);
    await v2.table('results').bulkPut(results);
    await v2.table('cells').bulkPut([...dayCells.values()]);
    v2.close();

    const db = new KiemDemDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.records.count()).toBe(rows.length);
    const cells = await readCells(db);
    expect(cells.every((c) => /^\d{4}-\d{2}$/u.test(c.date) && (c.validity === '' || /^\d{4}-\d{2}$/u.test(c.validity)))).toBe(true);
    // Never more than cells by day of the same dimensions (version 5 keyed them by sync too).
    const daySync = new Set(results.filter((r) => r.exists === 1 && r.date !== null).map((r) => `${r.dept}|${r.date}|${r.state}|${r.sync}|${r.permanent === true || !r.validUntil ? '' : r.validUntil}`));
    expect(cells.length).toBeLessThanOrEqual(daySync.size);
    expect(cells.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(cellsFromResults(results).sort((a, b) => (a.id < b.id ? -1 : 1)));
    for (const p of [DEFAULT_PERIOD, { from: '2019-03-15', to: '2022-11-20', reference: '2022-11-20' }]) {
      expect(await readTally(db, p)).toEqual(tallyFromRecords(rows, p));
    }
    db.close();
    await db.delete();
  });
});

describe('schema upgrade v2 → v5 (archive sync in results and cells)', () => {
  it('keeps the records and rebuilds results and cells keyed by sync state', async () => {
    const name = 'upgrade-v2-test';
    const raw = randomRecords(prng(11), 200);
    const rows = raw.map((r, i) => ({ ...r, key: recordKey(r), dept: r.department ?? '', firstSeen: i, lastSeen: i, sourceUrl: `https://p/${i}` }));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const v2 = storeAtVersion(name, 2);
    await v2.table('records').bulkPut([...byKey.values()]);
    // Derived rows as version 2 wrote them: no sync state in the cell key.
    await v2.table('cells').put({ id: 'x|2020-01-01|digitized|', dept: 'x', date: '2020-01-01', state: 'digitized', validity: '', count: 3 });
    await v2.table('results').put({ rkey: 'c|stale', dept: 'x', exists: 1, date: '2020-01-01', validUntil: null, permanent: null, digitized: true, state: 'digitized', code: 'stale', resultNumber: null, sourceUrl: '', sources: [] });
    v2.close();

    const db = new KiemDemDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const stored = [...byKey.values()];
    expect(await db.records.count()).toBe(stored.length);
    const cells = await readCells(db);
    expect(cells.every((c) => c.id.split('|').length === 5 && ['synced', 'unsynced', 'unknown'].includes(c.sync))).toBe(true);
    expect(await db.results.get('c|stale')).toBeUndefined();
    const expected = tallyFromRecords(stored);
    expect(expected.grand.synced + expected.grand.unsynced).toBeGreaterThan(0);
    expect(await readTally(db, DEFAULT_PERIOD)).toEqual(expected);
    expect(await db.unitReports.count()).toBe(0);
    db.close();
    await db.delete();
  });
});

describe('schema upgrade v8 → v10 (tally cells in one row per month)', () => {
  it('copies every cell into its month row, drops the old table, and tallies the same', async () => {
    const name = 'upgrade-v8-test';
    const rows = [...new Map(randomRecords(prng(23), 400).map((r, i) => [recordKey(r), { ...r, key: recordKey(r), dept: r.department ?? '', firstSeen: i, lastSeen: i, readAt: i, sourceUrl: `https://p/${i}` } as StoredRecord])).values()];
    const results = deriveAllResults(rows);
    for (const r of rows) r.rkey = results.find((x) => x.sources.includes(r.key))?.rkey;
    const cells = cellsFromResults(results);
    expect(new Set(cells.map((c) => c.date)).size).toBeGreaterThan(3);
    const v8 = storeAtVersion(name, 8);
    await v8.table('records').bulkPut(rows);
    await v8.table('results').bulkPut(results);
    await v8.table('cells').bulkPut(cells);
    v8.close();

    const db = new KiemDemDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.backendDB().objectStoreNames.contains('cells')).toBe(false);
    const byMonth = (await db.monthCells.toArray()).sort((a, b) => (a.month < b.month ? -1 : 1));
    expect(byMonth).toHaveLength(new Set(cells.map((c) => c.date)).size);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await readCells(db))).toEqual(byId(cells));
    expect(byMonth.map((m) => m.month)).toEqual(monthRowsOf(cells).map((m) => m.month).sort());
    for (const p of [DEFAULT_PERIOD, { from: '2019-03-15', to: '2022-11-20', reference: '2022-11-20' }]) {
      expect(await readTally(db, p)).toEqual(tallyFromRecords(rows, p));
    }
    db.close();
    await db.delete();
  });
});
