/**
 * The popup's raw preload (utils/store/tally-preload.ts) reads what the popup's own Dexie
 * reads would (same cells, same details, same "any record" answer) from a store the real
 * write path filled, and leaves alone a store it must not touch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KiemDemDB } from '../../utils/store/db';
import { IDB_VERSION } from '../../utils/store/schema-version';
import { preloadTally } from '../../utils/store/tally-preload';
import { tallyDetails } from '../../utils/store/tally-read';
import { upsertBatch } from '../../utils/store/upsert';
import { DEFAULT_PERIOD, type Period } from '../../utils/period';
import { tallyFromCells } from '../../utils/tally';
import { prng, randomRecords } from './tally-helpers';

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

describe('preloadTally', () => {
  it('reads the same cells, details and tally as the popup’s live queries, for whole and cut months', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(7), 400), { url: 'https://motcua.example.gov.vn/dossier', at: 1 });
    const cells = await db.cells.toArray();
    expect(cells.length).toBeGreaterThan(0);
    for (const period of PERIODS) {
      const pre = await preloadTally(indexedDB, period, name);
      expect(pre).not.toBeNull();
      const details = await tallyDetails(db, period);
      expect(pre!.period).toEqual(period);
      expect(pre!.hasAny).toBe(1);
      expect(pre!.cells).toEqual(cells);
      expect(byKey(pre!.details)).toEqual(byKey(details));
      expect(tallyFromCells(pre!.cells, period, pre!.details)).toEqual(tallyFromCells(cells, period, details));
    }
    // The preload closed its connection: the store can still be deleted (nothing blocks).
    db.close();
  });

  it('says the store is empty when it holds no record', async () => {
    const db = new KiemDemDB(name);
    await db.open();
    const pre = await preloadTally(indexedDB, DEFAULT_PERIOD, name);
    expect(pre).toEqual({ period: DEFAULT_PERIOD, cells: [], details: [], hasAny: 0 });
    db.close();
  });

  it('creates no database where there is none', async () => {
    expect(await preloadTally(indexedDB, DEFAULT_PERIOD, name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('gives nothing for a store at another schema version, and leaves it at that version', async () => {
    const old = new Dexie(name);
    old.version(1).stores({ records: 'key, dept, kind, lastSeen' });
    await old.table('records').put({ key: 'k1', dept: 'x', kind: 'dossier', lastSeen: 1 });
    old.close();
    expect(IDB_VERSION).not.toBe(10);
    expect(await preloadTally(indexedDB, DEFAULT_PERIOD, name)).toBeNull();
    const reopened = new Dexie(name);
    await reopened.open();
    expect(reopened.verno).toBe(1);
    expect(await reopened.table('records').count()).toBe(1);
    reopened.close();
  });

  it('never stands in the way of an upgrade: a newer version opens while the preload reads', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(3), 50), { url: 'https://motcua.example.gov.vn/dossier', at: 1 });
    db.close();
    const pre = preloadTally(indexedDB, DEFAULT_PERIOD, name);
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
