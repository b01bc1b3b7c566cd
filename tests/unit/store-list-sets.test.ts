import { describe, expect, it } from 'vitest';
import { storeAtVersion } from './old-schema';
import { KiemDemDB } from '../../utils/store/db';
import { addToBucket, bucketOf, byBucket, LIST_BUCKETS } from '../../utils/store/list-sets';
import { recordListRead } from '../../utils/store/lists';
import { resultsOfDept, unknownDepartments } from '../../utils/store/find';

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}`);

describe('list key buckets', () => {
  it('spreads keys over the buckets, each key always to the same one', () => {
    const ks = keys(5000);
    const b = byBucket([...ks, ...ks]);
    expect([...b.values()].reduce((n, l) => n + l.length, 0)).toBe(5000);
    expect(b.size).toBe(LIST_BUCKETS);
    for (const [bucket, list] of b) for (const k of list) expect(bucketOf(k)).toBe(bucket);
    // No bucket holds more than twice its share: a list's report rewrites small rows.
    expect(Math.max(...[...b.values()].map((l) => l.length))).toBeLessThan((2 * 5000) / LIST_BUCKETS);
  });

  it('adds only new keys, and asks for no write when none is new', () => {
    const stored = { list: 'L', bucket: 3, keys: ['a', 'b'] };
    expect(addToBucket('L', 3, stored, ['a', 'b'])).toEqual({ row: null, fresh: 0 });
    expect(addToBucket('L', 3, stored, ['b', 'c', 'c'])).toEqual({ row: { list: 'L', bucket: 3, keys: ['a', 'b', 'c'] }, fresh: 1 });
    expect(addToBucket('L', 3, undefined, ['x'])).toEqual({ row: { list: 'L', bucket: 3, keys: ['x'] }, fresh: 1 });
  });

  it('a large list counts each record once over overlapping reports, in a few dozen rows', async () => {
    const db = new KiemDemDB('list-sets-large');
    const list = { id: 'motcua.x.gov.vn/ds', label: 'DS', total: 12_000, page: null };
    const all = keys(12_000);
    let row = await recordListRead(db, list, all.slice(0, 7000), 1);
    expect(row.captured).toBe(7000);
    row = await recordListRead(db, list, all.slice(5000), 2);
    expect(row.captured).toBe(12_000);
    row = await recordListRead(db, list, all.slice(100, 200), 3);
    expect(row.captured).toBe(12_000);
    expect(await db.listSets.count()).toBe(LIST_BUCKETS);
    const stored = (await db.listSets.toArray()).flatMap((r) => r.keys);
    expect(stored.sort()).toEqual([...all].sort());
    db.close();
    await db.delete();
  });
});

describe('schema upgrade v6 → v8', () => {
  it('moves every list key into its list’s buckets, keeps the counts, and answers by department without the dropped index', async () => {
    const name = 'upgrade-v6-v8';
    const v6 = storeAtVersion(name, 6);
    const a = keys(300, 'a');
    const b = keys(5, 'b');
    await v6.table('listKeys').bulkPut([...a.map((key) => ({ list: 'A', key })), ...b.map((key) => ({ list: 'B', key }))]);
    await v6.table('lists').bulkPut([
      { id: 'A', label: 'A', statedTotal: 300, captured: 300, pages: [], pagesRead: 0, firstRead: 1, lastRead: 1 },
      { id: 'B', label: 'B', statedTotal: null, captured: 5, pages: [], pagesRead: 0, firstRead: 1, lastRead: 1 },
    ]);
    await v6.table('results').bulkPut([
      { rkey: 'c|1', dept: 'Phòng Lạ', state: 'digitized', date: '2020-01-01' },
      { rkey: 'c|2', dept: 'Phòng Lạ', state: 'pending', date: '2020-01-02' },
      { rkey: 'c|3', dept: 'Văn phòng Sở', state: 'pending', date: '2020-01-03' },
    ]);
    v6.close();

    const db = new KiemDemDB(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('listKeys');
    expect(db.table('results').schema.indexes.map((i) => i.name)).not.toContain('dept');
    const sets = await db.listSets.toArray();
    expect(sets.filter((r) => r.list === 'A').flatMap((r) => r.keys).sort()).toEqual([...a].sort());
    expect(sets.filter((r) => r.list === 'B').flatMap((r) => r.keys).sort()).toEqual([...b].sort());
    expect(new Set(sets.map((r) => `${r.list}|${r.bucket}`)).size).toBe(sets.length);
    // A known key reported again adds nothing; a new one adds one.
    const row = await recordListRead(db, { id: 'A', label: 'A', total: 300, page: null }, [a[7]!, 'new'], 2);
    expect(row.captured).toBe(301);
    expect(await resultsOfDept(db, 'Phòng Lạ').primaryKeys()).toEqual(['c|1', 'c|2']);
    expect(await unknownDepartments(db, ['Văn phòng Sở'])).toEqual([{ name: 'Phòng Lạ', count: 2 }]);
    db.close();
    await db.delete();
  });
});
