import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordKey, type StoredRecord } from '../../utils/records';
import { KiemDemDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from '../../utils/store/db';
import { tallyFromCells, tallyFromRecords } from '../../utils/tally';
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

    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
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
    expect(tallyFromCells(await db.cells.toArray())).toEqual(expected);
    expect(await db.results.count()).toBeGreaterThan(0);
    expect((await db.meta.get('schema'))?.value).toMatchObject({ version: SCHEMA_VERSION });
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
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
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
    const cells = await db.cells.toArray();
    expect(cells.every((c) => c.id.split('|').length === 5 && ['synced', 'unsynced', 'unknown'].includes(c.sync))).toBe(true);
    expect(await db.results.get('c|stale')).toBeUndefined();
    const expected = tallyFromRecords(stored);
    expect(expected.grand.synced + expected.grand.unsynced).toBeGreaterThan(0);
    expect(tallyFromCells(cells)).toEqual(expected);
    expect(await db.unitReports.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
