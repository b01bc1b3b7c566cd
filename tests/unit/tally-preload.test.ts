/**
 * The popup's raw preload (utils/store/tally-preload.ts) and the tally snapshot it prefers
 * (tally-snapshot.ts, snapshot-refresh.ts, data-stamp.ts): without a fitting snapshot it
 * reads what the popup's own Dexie reads would; with one it gives exactly the tally those
 * reads give; after any write through the product's write paths the snapshot no longer fits.
 * And it leaves alone a store it must not touch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { correctResult } from '../../utils/store/corrections';
import { KiemDemDB } from '../../utils/store/db';
import { IDB_VERSION } from '../../utils/store/schema-version';
import { refreshTallySnapshot } from '../../utils/store/snapshot-refresh';
import { META_DATA_STAMP } from '../../utils/store/stamp-keys';
import { preloadTally, type TallyPreload } from '../../utils/store/tally-preload';
import { readTally, tallyDetails, readCells } from '../../utils/store/tally-read';
import { clearAll, importRecords, rebuildDerived, upsertBatch, upsertBatches } from '../../utils/store/upsert';
import { keepSnapshotMoving } from '../../utils/snapshot-moves';
import { recordKey } from '../../utils/records';
import { DEFAULT_PERIOD, type Period } from '../../utils/period';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { tallyFromCells, type Tally } from '../../utils/tally';
import { departmentIndex } from '../../utils/vocab/departments';
import { dossier, prng, randomRecords } from './tally-helpers';

const APP = '1.2.3';
const SRC = { url: 'https://motcua.example.gov.vn/dossier', at: 1 };
let name: string;
let n = 0;
beforeEach(() => {
  name = `tally-preload-${++n}`;
});
afterEach(async () => {
  await Dexie.delete(name);
});

const byKey = <T extends { rkey: string }>(xs: T[]) => [...xs].sort((a, b) => (a.rkey < b.rkey ? -1 : a.rkey > b.rkey ? 1 : 0));
const PERIODS: Period[] = [DEFAULT_PERIOD, { from: '2019-03-15', to: '2022-11-20', reference: '2022-11-20' }, { from: '2023-06-05', to: '2023-06-20', reference: '2023-06-30' }];

/** The tally a preload gives, whichever way it was read. */
const tallyOf = (p: TallyPreload): Tally => ('tally' in p ? p.tally : tallyFromCells(p.cells, p.period, p.details));
const usedSnapshot = (p: TallyPreload | null) => p !== null && 'tally' in p;

describe('preloadTally without a snapshot', () => {
  it('reads the same cells, details and tally as the popup’s live queries, for whole and cut months', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(7), 400), SRC);
    const cells = await readCells(db);
    expect(cells.length).toBeGreaterThan(0);
    for (const period of PERIODS) {
      const pre = await preloadTally(indexedDB, period, APP, name);
      if (!pre || 'tally' in pre) throw new Error('expected the cells path');
      const details = await tallyDetails(db, period);
      expect(pre.period).toEqual(period);
      expect(pre.hasAny).toBe(1);
      expect(pre.cells).toEqual(cells);
      expect(byKey(pre.details)).toEqual(byKey(details));
      expect(tallyOf(pre)).toEqual(await readTally(db, period));
    }
    db.close();
  });

  it('says the store is empty when it holds no record', async () => {
    const db = new KiemDemDB(name);
    await db.open();
    expect(await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name)).toEqual({ period: DEFAULT_PERIOD, cells: [], details: [], hasAny: 0 });
    db.close();
  });
});

describe('the tally snapshot', () => {
  it('once refreshed, gives exactly the live tally for its period, and nothing for another period or build', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(11), 300), SRC);
    for (const period of PERIODS) {
      expect(await refreshTallySnapshot(db, period, APP)).toBe(true);
      expect(await refreshTallySnapshot(db, period, APP)).toBe(false); // already current
      const pre = await preloadTally(indexedDB, period, APP, name);
      expect(usedSnapshot(pre)).toBe(true);
      expect(pre!.hasAny).toBe(1);
      expect(tallyOf(pre!)).toEqual(await readTally(db, period));
    }
    const last = PERIODS.at(-1)!;
    expect(usedSnapshot(await preloadTally(indexedDB, PERIODS[0]!, APP, name))).toBe(false);
    expect(usedSnapshot(await preloadTally(indexedDB, last, '1.2.4', name))).toBe(false);
    db.close();
  });

  it('no longer fits after a write through any of the product’s write paths', async () => {
    const db = new KiemDemDB(name);
    const idx = departmentIndex(DEFAULT_SETTINGS);
    const code = '000.00.13.H37-220101-0002';
    await upsertBatch(db, [...randomRecords(prng(5), 60), dossier(code, { statusCode: 10, resolvedAt: '2022-01-03', digitized: false })], SRC);
    const writes: [string, () => Promise<unknown>][] = [
      ['a batch that changes a row', () => upsertBatch(db, [dossier(code, { statusCode: 10, resolvedAt: '2022-01-03', digitized: true })], { ...SRC, at: 2 })],
      ['a correction', async () => correctResult(db, [(await db.records.get((await db.records.toCollection().first())!.key))!.rkey!], { department: 'Phòng Pháp chế' })],
      ['a rebuild of the derived tables', () => rebuildDerived(db)],
      // Seen again two days later: last-seen is kept by the day, so the records are rewritten.
      ['an import', async () => importRecords(db, (await db.records.toArray()).map((r) => ({ ...r, lastSeen: r.lastSeen + 2 * 86_400_000 })), idx)],
      ['clearing the store', () => clearAll(db)],
    ];
    for (const [what, write] of writes) {
      await refreshTallySnapshot(db, DEFAULT_PERIOD, APP);
      expect(usedSnapshot(await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name)), what).toBe(true);
      const before = (await db.meta.get(META_DATA_STAMP))?.value;
      await write();
      expect((await db.meta.get(META_DATA_STAMP))?.value, what).not.toBe(before);
      const pre = await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name);
      expect(usedSnapshot(pre), what).toBe(false);
      expect(tallyOf(pre!), what).toEqual(await readTally(db, DEFAULT_PERIOD));
    }
    db.close();
  });

  it('kept moving through writes (keepSnapshotMoving), it stays current and exact: random batches, corrections, several batches in one transaction', async () => {
    const db = keepSnapshotMoving(new KiemDemDB(name));
    const rand = prng(21);
    await upsertBatch(db, randomRecords(rand, 120), SRC);
    for (const period of PERIODS) {
      await refreshTallySnapshot(db, period, APP);
      for (let round = 0; round < 6; round++) {
        if (round % 3 === 2) {
          const some = (await db.results.toArray()).slice(0, 3).map((r) => r.rkey);
          await correctResult(db, some, { department: round % 2 ? 'Phòng Pháp chế' : '' });
        } else if (round % 3 === 1) {
          await upsertBatches(db, [
            { records: randomRecords(rand, 25), source: { ...SRC, at: 10 + round } },
            { records: randomRecords(rand, 25), source: { ...SRC, at: 20 + round } },
          ]);
        } else {
          await upsertBatch(db, randomRecords(rand, 40), { ...SRC, at: 30 + round });
        }
        const pre = await preloadTally(indexedDB, period, APP, name);
        expect(usedSnapshot(pre), `${period.from} round ${round}`).toBe(true);
        expect(tallyOf(pre!), `${period.from} round ${round}`).toEqual(await readTally(db, period));
      }
    }
    // A rebuild counts from the records again: the snapshot moved so far is dropped, never trusted.
    await rebuildDerived(db);
    expect(usedSnapshot(await preloadTally(indexedDB, PERIODS.at(-1)!, APP, name))).toBe(false);
    db.close();
  });

  it('an unchanged batch (the same rows, read at the same time) keeps it: nothing was written', async () => {
    const db = new KiemDemDB(name);
    // One row per record (a page lists each once), so the batch read again is unchanged.
    const rows = [...new Map(randomRecords(prng(9), 40).map((r) => [recordKey(r), r])).values()];
    await upsertBatch(db, rows, SRC);
    await refreshTallySnapshot(db, DEFAULT_PERIOD, APP);
    const stamp = (await db.meta.get(META_DATA_STAMP))?.value;
    const written = await db.records.toArray();
    await upsertBatch(db, rows, SRC);
    expect(await db.records.toArray()).toEqual(written);
    const pre = await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name);
    // The batch ends in an empty put: that must not renew the stamp.
    expect((await db.meta.get(META_DATA_STAMP))?.value).toBe(stamp);
    expect(usedSnapshot(pre)).toBe(true);
    expect(tallyOf(pre!)).toEqual(await readTally(db, DEFAULT_PERIOD));
    db.close();
  });

  it('with the period still being read when the store opens: the same answers, for the period that arrives', async () => {
    const db = keepSnapshotMoving(new KiemDemDB(name));
    await upsertBatch(db, randomRecords(prng(13), 80), SRC);
    await refreshTallySnapshot(db, PERIODS[1]!, APP);
    const later = (p: Period) => new Promise<Period>((resolve) => setTimeout(() => resolve(p), 30));
    // The snapshot's period: the snapshot; another period: counted from the rows, for that period.
    const fits = await preloadTally(indexedDB, later(PERIODS[1]!), APP, name);
    expect(usedSnapshot(fits)).toBe(true);
    expect(fits).toEqual(await preloadTally(indexedDB, PERIODS[1]!, APP, name));
    const other = await preloadTally(indexedDB, later(PERIODS[2]!), APP, name);
    expect(usedSnapshot(other)).toBe(false);
    expect(other!.period).toEqual(PERIODS[2]);
    expect(tallyOf(other!)).toEqual(await readTally(db, PERIODS[2]!));
    db.close();
  });

  it('gives nothing (never throws) when the period cannot be read', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(14), 20), SRC);
    await refreshTallySnapshot(db, DEFAULT_PERIOD, APP);
    db.close();
    await expect(preloadTally(indexedDB, Promise.reject(new Error('storage')), APP, name)).resolves.toBeNull();
  });

  it('refuses a write of records, results or cells whose transaction leaves meta out, and that write changes nothing', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(4), 30), SRC);
    const [cells, records] = [(await readCells(db)).length, await db.records.count()];
    expect(records).toBeGreaterThan(0);
    await expect(db.monthCells.clear()).rejects.toThrow(/meta/u);
    await expect(db.transaction('rw', db.records, () => db.records.clear())).rejects.toThrow(/meta/u);
    expect((await readCells(db)).length).toBe(cells);
    expect(await db.records.count()).toBe(records);
    db.close();
  });
});

describe('stores the preload must not touch', () => {
  it('creates no database where there is none', async () => {
    expect(await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('gives nothing for a store at another schema version, and leaves it at that version', async () => {
    const old = new Dexie(name);
    old.version(1).stores({ records: 'key, dept, kind, lastSeen' });
    await old.table('records').put({ key: 'k1', dept: 'x', kind: 'dossier', lastSeen: 1 });
    old.close();
    expect(IDB_VERSION).not.toBe(10);
    expect(await preloadTally(indexedDB, DEFAULT_PERIOD, APP, name)).toBeNull();
    const reopened = new Dexie(name);
    await reopened.open();
    expect(reopened.verno).toBe(1);
    expect(await reopened.table('records').count()).toBe(1);
    reopened.close();
  });

  it('never stands in the way of an upgrade: a newer version opens while the preload reads', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(3), 50), SRC);
    db.close();
    const pre = preloadTally(indexedDB, DEFAULT_PERIOD, APP, name);
    const events: string[] = [];
    const upgraded = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(name, IDB_VERSION + 10);
      req.onblocked = () => events.push('blocked');
      req.onupgradeneeded = () => events.push('upgrade');
      req.onsuccess = () => {
        const v = req.result.version;
        req.result.close();
        resolve(v);
      };
      req.onerror = () => reject(req.error);
    });
    expect(upgraded).toBe(IDB_VERSION + 10);
    expect(events).toEqual(['upgrade']);
    // Whatever it got before the upgrade, it never throws.
    const got = await pre;
    expect(got === null || got.hasAny === 1).toBe(true);
  });
});
