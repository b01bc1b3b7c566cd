/**
 * Writes to the store. Every write goes through one path: merge the incoming records
 * into the stored ones, then recompute the results they touch and move those results'
 * contributions between tally cells — all in one transaction, so a crash never leaves
 * counts that disagree with the records.
 *
 * Every export is an `async` function returning a native Promise: Chrome drops a
 * Dexie promise returned from a message listener (TOOLCHAIN.md, "Messaging trap").
 */
import { clean } from '../text/fold';
import { mergeFacts, OUTPUT_FIELDS, recordKey, resultKey, type PortalRecord, type StoredRecord } from '../records';
import { UNASSIGNED } from '../settings';
import { deriveAllResults, type KiemDemDB } from './db';
import { CellDelta, cellOf, cellsFromResults, deriveResult } from './derive';
import { bumpRejected } from './meta';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Where and when a batch was read; `rejected` = rows the content script refused, by reason. */
export interface BatchSource {
  url: string;
  at: number;
  rejected?: Record<string, number>;
}

/** A record arriving with its provenance (a captured row, or a row of another clerk's file). */
interface Incoming {
  record: PortalRecord;
  firstSeen: number;
  lastSeen: number;
  sourceUrl: string;
}

/** Store a batch of captured records (one transaction for the whole batch). */
export async function upsertBatch(db: KiemDemDB, records: readonly PortalRecord[], source: BatchSource): Promise<UpsertCounts> {
  const items = records.map((record) => ({ record, firstSeen: source.at, lastSeen: source.at, sourceUrl: source.url }));
  return await mergeIncoming(db, items, source.rejected);
}

/**
 * Merge records another clerk exported (backup or detail CSV). Same path as capture:
 * the same record is merged, not added, so nothing is counted twice; the earliest
 * firstSeen and the latest lastSeen are kept, and the newer side's facts win.
 */
export async function importRecords(db: KiemDemDB, stored: readonly StoredRecord[]): Promise<UpsertCounts> {
  const items = stored.map((s) => ({
    record: pickFacts(s),
    firstSeen: Math.min(s.firstSeen, s.lastSeen),
    lastSeen: s.lastSeen,
    sourceUrl: s.sourceUrl,
  }));
  return await mergeIncoming(db, items);
}

/**
 * The user assigns records (typically "Chưa phân loại" ones) to a department. A manual
 * choice is kept over what later pages infer. Assigning UNASSIGNED (or '') clears it.
 * Returns how many records changed.
 */
export async function assignDepartment(db: KiemDemDB, recordKeys: readonly string[], department: string): Promise<number> {
  const name = clean(department);
  if (name.length > 300) throw new Error('Tên đơn vị quá dài');
  const value = name === '' || name === UNASSIGNED ? null : name;
  return await db.transaction('rw', [db.records, db.results, db.cells], async () => {
    const keys = [...new Set(recordKeys)];
    const found = await db.records.bulkGet(keys);
    const state = new Map<string, StoredRecord>();
    const touched = new Set<string>();
    for (const r of found) {
      if (!r || (r.department === value && r.departmentFrom === 'manual')) continue;
      state.set(r.key, { ...r, department: value, departmentFrom: 'manual', dept: value ?? '' });
      touched.add(resultKey(r));
    }
    await db.records.bulkPut([...state.values()]);
    await refreshResults(db, state, touched);
    return state.size;
  });
}

/** Forget every record and count (settings live elsewhere and stay). */
export async function clearAll(db: KiemDemDB): Promise<void> {
  await db.transaction('rw', [db.records, db.results, db.cells, db.meta], async () => {
    await Promise.all([db.records.clear(), db.results.clear(), db.cells.clear()]);
    await db.meta.where('key').notEqual('schema').delete();
  });
}

const vnDay = (t: number): number => Math.floor((t + 7 * 3_600_000) / 86_400_000);

/** Only the record format's fields: nothing else (no applicant, no stray page data) is stored. */
function pickFacts(r: PortalRecord): PortalRecord {
  const out: Record<string, unknown> = {};
  for (const f of OUTPUT_FIELDS) out[f] = r[f] ?? null;
  return out as PortalRecord;
}

/** Field-level merge where the more recently seen side wins; a manual department stays. */
function mergeInto(cur: StoredRecord, it: Incoming): { next: StoredRecord; factsChanged: boolean } {
  const incoming = pickFacts(it.record);
  if (cur.departmentFrom === 'manual') {
    incoming.department = null;
    incoming.departmentFrom = null;
  }
  const incomingIsNewer = it.lastSeen >= cur.lastSeen;
  // The newer side's non-null values win; the older side only fills gaps; nulls never erase.
  const { merged, changed } = mergeFacts(cur, incoming, incomingIsNewer);
  const next: StoredRecord = {
    ...merged,
    key: cur.key,
    dept: merged.department ?? '',
    firstSeen: Math.min(cur.firstSeen, it.firstSeen),
    lastSeen: Math.max(cur.lastSeen, it.lastSeen),
    sourceUrl: incomingIsNewer ? it.sourceUrl || cur.sourceUrl : cur.sourceUrl || it.sourceUrl,
  };
  return { next, factsChanged: changed };
}

async function mergeIncoming(db: KiemDemDB, items: readonly Incoming[], rejected?: Record<string, number>): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (items.length === 0 && !rejected) return counts;
  return await db.transaction('rw', [db.records, db.results, db.cells, db.meta], async () => {
    const keys = items.map((it) => recordKey(it.record));
    const unique = [...new Set(keys)];
    const existing = await db.records.bulkGet(unique);
    const state = new Map<string, StoredRecord>();
    existing.forEach((r) => r && state.set(r.key, r));
    const dirty = new Set<string>();
    const touched = new Set<string>(); // result keys whose row must be recomputed

    items.forEach((it, i) => {
      const key = keys[i]!;
      const cur = state.get(key);
      if (!cur) {
        const facts = pickFacts(it.record);
        state.set(key, { ...facts, key, dept: facts.department ?? '', firstSeen: it.firstSeen, lastSeen: it.lastSeen, sourceUrl: it.sourceUrl });
        dirty.add(key);
        touched.add(resultKey(facts));
        counts.inserted++;
        return;
      }
      const { next, factsChanged } = mergeInto(cur, it);
      if (factsChanged) counts.updated++;
      else counts.unchanged++;
      if (factsChanged || next.sourceUrl !== cur.sourceUrl) {
        touched.add(resultKey(cur));
        touched.add(resultKey(next));
      }
      // A record read again with the same facts is not rewritten: last-seen is kept by the
      // day (Hà Nội time), so a clerk reloading the same list costs reads, not writes.
      if (factsChanged || next.sourceUrl !== cur.sourceUrl || next.firstSeen !== cur.firstSeen || vnDay(next.lastSeen) !== vnDay(cur.lastSeen)) {
        state.set(key, next);
        dirty.add(key);
      }
    });

    // The derived rows need only what is in memory (and records this write does not touch),
    // so the record writes and the result/cell work go to the database side by side.
    await Promise.all([db.records.bulkPut([...dirty].map((k) => state.get(k)!)), refreshResults(db, state, touched)]);
    if (rejected) await bumpRejected(db, rejected);
    return counts;
  });
}

/**
 * Recompute the given results from their records and move their cell contributions:
 * subtract the old cell, add the new one. Runs inside the caller's transaction;
 * `known` holds records already read or written in it.
 */
async function refreshResults(db: KiemDemDB, known: Map<string, StoredRecord>, touched: Set<string>): Promise<void> {
  if (touched.size === 0) return;
  const rkeys = [...touched];
  const oldRows = await db.results.bulkGet(rkeys);

  // Members of each result: its known sources plus records of this write that belong to it.
  const members = new Map<string, Set<string>>(rkeys.map((k, i) => [k, new Set(oldRows[i]?.sources ?? [])]));
  for (const r of known.values()) members.get(resultKey(r))?.add(r.key);
  const missing = [...new Set([...members.values()].flatMap((s) => [...s]))].filter((k) => !known.has(k));
  const loaded = await db.records.bulkGet(missing);
  const byKey = new Map(known);
  loaded.forEach((r) => r && byKey.set(r.key, r));

  const delta = new CellDelta();
  const puts = [];
  const deletes = [];
  for (const [i, rkey] of rkeys.entries()) {
    const group = [...members.get(rkey)!]
      .map((k) => byKey.get(k))
      .filter((r): r is StoredRecord => r !== undefined && resultKey(r) === rkey);
    const next = group.length ? deriveResult(rkey, group) : undefined;
    delta.move(cellOf(oldRows[i]), cellOf(next));
    if (next) puts.push(next);
    else deletes.push(rkey);
  }
  const resultsWritten = Promise.all([db.results.bulkPut(puts), deletes.length ? db.results.bulkDelete(deletes) : undefined]);

  const changes = [...delta.changes.values()].filter((c) => c.delta !== 0);
  if (changes.length === 0) {
    await resultsWritten;
    return;
  }
  const cells = await db.cells.bulkGet(changes.map((c) => c.cell.id));
  const cellPuts = [];
  const cellDeletes = [];
  for (const [i, c] of changes.entries()) {
    const count = (cells[i]?.count ?? 0) + c.delta;
    // A negative count means the derived tables disagree with the records: abort the write.
    if (count < 0) throw new Error(`Số đếm âm ở ô ${c.cell.id}: cần dựng lại bảng đếm`);
    if (count === 0) cellDeletes.push(c.cell.id);
    else cellPuts.push({ ...c.cell, count });
  }
  await Promise.all([resultsWritten, db.cells.bulkPut(cellPuts), cellDeletes.length ? db.cells.bulkDelete(cellDeletes) : undefined]);
}

/** Rebuild results and cells from the records (repair tool; same rows as the upgrade builds). */
export async function rebuildDerived(db: KiemDemDB): Promise<void> {
  await db.transaction('rw', [db.records, db.results, db.cells], async () => {
    const results = deriveAllResults(await db.records.toArray());
    await db.results.clear();
    await db.cells.clear();
    await db.results.bulkPut(results);
    await db.cells.bulkPut(cellsFromResults(results));
  });
}
