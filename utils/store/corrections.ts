/**
 * A clerk's corrections, made for a whole result (every record of it): its department
 * and its digitization, marked 'manual' so later readings never override them, with an
 * undo that puts back exactly what the records held before.
 */
import { MAX_TEXT, type StoredRecord } from '../records';
import { clean } from '../text/fold';
import type { KiemDemDB } from './db';
import { refreshResults } from './upsert';

export interface Correction {
  /** A department name ('' = none: the store never sees display labels); undefined leaves it as it is. */
  department?: string;
  /** Digitized yes/no; undefined leaves it as it is. */
  digitized?: boolean;
}

type Saved = Pick<StoredRecord, 'key' | 'department' | 'departmentFrom' | 'dept' | 'digitized' | 'digitizedFrom'>;

/** What undoCorrection needs: the fields of each changed record as they were. */
export interface CorrectionUndo {
  rkeys: string[];
  before: Saved[];
}

function save(r: StoredRecord): Saved {
  return { key: r.key, department: r.department, departmentFrom: r.departmentFrom ?? null, dept: r.dept, digitized: r.digitized, digitizedFrom: r.digitizedFrom ?? null };
}

/** Correct the given results; returns how many records changed and how to undo it. */
export async function correctResult(db: KiemDemDB, rkeys: readonly string[], change: Correction): Promise<{ changed: number; undo: CorrectionUndo }> {
  let value: string | null | undefined;
  if (change.department !== undefined) {
    const name = clean(change.department);
    if (name.length > 300 || name.length > MAX_TEXT) throw new Error('Tên đơn vị quá dài');
    value = name === '' ? null : name;
  }
  const wanted = [...new Set(rkeys)];
  return await db.transaction('rw', [db.records, db.results, db.monthCells, db.meta], async () => {
    const records = await db.records.where('rkey').anyOf(wanted).toArray();
    const before: Saved[] = [];
    const puts: StoredRecord[] = [];
    for (const r of records) {
      const next: StoredRecord = { ...r };
      if (value !== undefined) Object.assign(next, { department: value, departmentFrom: 'manual', dept: value ?? '' });
      if (change.digitized !== undefined) Object.assign(next, { digitized: change.digitized, digitizedFrom: 'manual' });
      const same = next.department === r.department && next.departmentFrom === r.departmentFrom && next.digitized === r.digitized && next.digitizedFrom === r.digitizedFrom;
      if (same) continue;
      before.push(save(r));
      puts.push(next);
    }
    await db.records.bulkPut(puts);
    await refreshResults(db, new Set(wanted));
    return { changed: puts.length, undo: { rkeys: wanted, before } };
  });
}

/** Put back what a correction changed (records read since keep their other facts). */
export async function undoCorrection(db: KiemDemDB, undo: CorrectionUndo): Promise<number> {
  return await db.transaction('rw', [db.records, db.results, db.monthCells, db.meta], async () => {
    const found = await db.records.bulkGet(undo.before.map((b) => b.key));
    const puts: StoredRecord[] = [];
    found.forEach((r, i) => {
      if (r) puts.push({ ...r, ...undo.before[i]! });
    });
    await db.records.bulkPut(puts);
    await refreshResults(db, new Set(undo.rkeys));
    return puts.length;
  });
}

/**
 * The user assigns records (typically unresolved ones) to a department: the
 * assignment applies to the whole result each record belongs to. Assigning '' clears
 * it. Returns how many records changed.
 */
export async function assignDepartment(db: KiemDemDB, recordKeys: readonly string[], department: string): Promise<number> {
  const found = await db.records.bulkGet([...new Set(recordKeys)]);
  const rkeys = found.filter((r): r is StoredRecord => r !== undefined).map((r) => r.rkey ?? '');
  const { changed } = await correctResult(db, rkeys.filter(Boolean), { department });
  return changed;
}
