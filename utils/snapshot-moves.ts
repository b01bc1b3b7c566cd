/**
 * Keeps the popup's tally snapshot (utils/store/tally-snapshot.ts) current through writes:
 * inside the writing transaction, the results it replaced move the snapshot's tally
 * (moveResults) and the snapshot takes the transaction's new data stamp — but only when it
 * was current before the write (or was moved earlier in the same transaction). Otherwise it
 * is left as it is, and the new stamp makes it unfit: a snapshot is never wrong, at worst
 * out of date. Installed by each page and the worker on their store (the store never counts).
 */
import { Dexie } from 'dexie';
import { moveResults } from './tally';
import { stampsOf } from './store/data-stamp';
import type { KiemDemDB } from './store/db';
import { IDB_VERSION } from './store/schema-version';
import { fittingSnapshot, META_TALLY_SNAPSHOT, type TallySnapshot } from './store/tally-snapshot';

export function keepSnapshotMoving(db: KiemDemDB): KiemDemDB {
  db.resultsMoved = async (moves) => {
    const idbtrans = Dexie.currentTransaction?.idbtrans;
    const stamps = idbtrans ? stampsOf(idbtrans) : undefined;
    if (!stamps) return;
    const before = await stamps.before;
    const raw = (await db.meta.get(META_TALLY_SNAPSHOT))?.value as TallySnapshot | undefined;
    if (!raw?.tally?.period) return;
    const current = fittingSnapshot(raw, raw.stamp === stamps.after ? stamps.after : before, raw.tally.period, IDB_VERSION, raw.app);
    if (!current) return;
    const tally = moveResults(current.tally, moves);
    if (!tally) {
      await db.meta.delete(META_TALLY_SNAPSHOT);
      return;
    }
    const hasAny = current.hasAny === 1 || moves.some(([, after]) => after !== undefined) ? 1 : 0;
    const next: TallySnapshot = { ...current, stamp: stamps.after, tally, hasAny };
    await db.meta.put({ key: META_TALLY_SNAPSHOT, value: next });
  };
  return db;
}
