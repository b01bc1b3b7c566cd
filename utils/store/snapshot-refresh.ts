/**
 * Keeps the tally snapshot (tally-snapshot.ts) current: the popup after its live reads,
 * the worker once capture has gone quiet. Read in one read-only transaction, stored in a
 * second one on `meta` alone only if the data stamp is still the one read — a write in
 * between renewed it, so nothing out of date is ever stored, and writers are never held up
 * by the read.
 */
import type { Period } from '../period';
import { newStamp } from './data-stamp';
import type { KiemDemDB } from './db';
import { IDB_VERSION } from './schema-version';
import { readTally } from './tally-read';
import { fittingSnapshot, META_DATA_STAMP, META_TALLY_SNAPSHOT, type TallySnapshot } from './tally-snapshot';

/** True when a new snapshot was stored; false when the current one already fits or a write came in between. */
export async function refreshTallySnapshot(db: KiemDemDB, period: Period, app: string): Promise<boolean> {
  const read = await db.transaction('r', [db.monthCells, db.results, db.records, db.meta], async () => {
    const [stampRow, snapRow] = await db.meta.bulkGet([META_DATA_STAMP, META_TALLY_SNAPSHOT]);
    const stamp = stampRow?.value;
    if (fittingSnapshot(snapRow?.value, stamp, period, IDB_VERSION, app)) return null;
    const [tally, keys] = await Promise.all([readTally(db, period), db.records.limit(1).primaryKeys()]);
    return { stamp, tally, hasAny: keys.length > 0 ? 1 : 0 };
  });
  if (!read) return false;
  return await db.transaction('rw', db.meta, async () => {
    const now = (await db.meta.get(META_DATA_STAMP))?.value;
    if (now !== read.stamp) return false;
    // A store written before stamps existed: none since the read either, so one can start here.
    const stamp = typeof now === 'string' && now !== '' ? now : newStamp();
    if (stamp !== now) await db.meta.put({ key: META_DATA_STAMP, value: stamp });
    const snapshot: TallySnapshot = { stamp, version: IDB_VERSION, app, tally: read.tally, hasAny: read.hasAny };
    await db.meta.put({ key: META_TALLY_SNAPSHOT, value: snapshot });
    return true;
  });
}
