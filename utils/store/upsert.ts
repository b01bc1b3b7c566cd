/**
 * Writes to the store. Every write goes through one path: merge the incoming records
 * into the stored ones, settle which result each belongs to, then recompute the results
 * they touch and move those results' contributions between tally cells — all in one
 * transaction, so a crash never leaves counts that disagree with the records.
 *
 * Every export is an `async` function returning a native Promise: Chrome drops a
 * Dexie promise returned from a message listener (TOOLCHAIN.md, "Messaging trap").
 */
import { guardRecord, sanitizeSourceUrl } from '../privacy/guard';
import {
  assignResultKeys,
  MANUAL_FIELDS,
  mergeFacts,
  pickFacts,
  readOrder,
  recordKey,
  resultKey,
  storedRecord,
  type PortalRecord,
  type StoredRecord,
} from '../records';
import { vnDayNumber } from '../text/dates';
import type { DepartmentIndex } from '../vocab/departments';
import { deriveAllResults, type KiemDemDB } from './db';
import { CellDelta, cellOf, cellsFromResults, deriveResult } from './derive';
import { applyCellChanges, monthRowsOf, monthsOf } from './month-cells';
import { META_DATA_STAMP, META_TALLY_SNAPSHOT } from './stamp-keys';
import type { ResultRow } from './types';
import { getPresent } from './get-present';
import { countRejected, META_REBUILT, META_STORE_ID, type RejectedRows } from './meta';

export { assignDepartment, correctResult, undoCorrection, type Correction, type CorrectionUndo } from './corrections';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Where and when a batch was read. `readAt[i]`: when record i was read on the page
 * (defaults to `at`, the arrival); `readBy`: the page reading's id. `rejected`: rows the
 * content script refused, by reason — as deltas, or, with `pageId`, as that page's totals;
 * `refused`: rows refused on the way to the store (deltas, whatever the page id).
 */
export interface BatchSource {
  /** The page's address, sanitised (sanitizeSourceUrl) by the caller. */
  url: string;
  at: number;
  readAt?: readonly number[];
  readBy?: string;
  rejected?: Record<string, number>;
  refused?: Record<string, number>;
  pageId?: string;
  /** Configured department names: a reading that resolves a department better wins whatever its age. */
  departments?: ReadonlySet<string>;
}

/** A record arriving with its provenance (a captured row, or a row of another clerk's file). */
export interface Incoming {
  record: PortalRecord;
  firstSeen: number;
  lastSeen: number;
  sourceUrl: string;
  readAt: number;
  readBy?: string;
  digitizedFrom?: 'manual' | null;
  departments?: ReadonlySet<string>;
}

/** Store a batch of captured records (one transaction for the whole batch). */
export async function upsertBatch(db: KiemDemDB, records: readonly PortalRecord[], source: BatchSource): Promise<UpsertCounts> {
  return (await upsertBatches(db, [{ records, source }]))[0]!;
}

export interface Batch {
  records: readonly PortalRecord[];
  source: BatchSource;
}

/**
 * Store several batches in one transaction, as if one after another (a record in two of
 * them is merged twice, in order); the counts come back per batch.
 */
export async function upsertBatches(db: KiemDemDB, batches: readonly Batch[]): Promise<UpsertCounts[]> {
  const items: Incoming[] = [];
  const rejected: RejectedRows[] = [];
  const ends: number[] = [];
  for (const { records, source } of batches) {
    // Records and address come checked, guarded and sanitised from the worker's boundary (storeRecords).
    records.forEach((record, i) => {
      // A read time from the page is trusted only up to the arrival (a page clock cannot win the future).
      const r = source.readAt?.[i];
      const readAt = r !== undefined && Number.isFinite(r) && r <= source.at ? r : source.at;
      items.push({ record, firstSeen: source.at, lastSeen: source.at, sourceUrl: source.url, readAt, readBy: source.readBy ?? source.url, departments: source.departments });
    });
    ends.push(items.length);
    if (source.rejected || source.refused) rejected.push({ pageId: source.pageId, pageTotals: source.rejected, added: source.refused });
  }
  const outcomes = await mergeIncoming(db, items, rejected);
  return ends.map((end, b) => countOf(outcomes, b === 0 ? 0 : ends[b - 1]!, end));
}

function countOf(outcomes: readonly (keyof UpsertCounts)[], from: number, to: number): UpsertCounts {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = from; i < to; i++) counts[outcomes[i]!]++;
  return counts;
}

/**
 * Merge records another clerk exported (backup or detail CSV). Same path as capture,
 * behind the same privacy guard: the same record is merged, not added, so nothing is
 * counted twice; the earliest firstSeen and the latest lastSeen are kept, and the side
 * read later wins field by field.
 */
export async function importRecords(db: KiemDemDB, stored: readonly StoredRecord[], departments: DepartmentIndex): Promise<UpsertCounts> {
  const items: Incoming[] = stored.map((s) => ({
    record: guardRecord(pickFacts(s), departments),
    firstSeen: Math.min(s.firstSeen, s.lastSeen),
    lastSeen: s.lastSeen,
    sourceUrl: sanitizeSourceUrl(s.sourceUrl),
    readAt: s.readAt ?? s.lastSeen,
    readBy: s.readBy ?? 'import',
    digitizedFrom: s.digitizedFrom === 'manual' && s.digitized !== null ? 'manual' : null,
  }));
  return countOf(await mergeIncoming(db, items), 0, items.length);
}

/** Forget every record and count (settings live elsewhere and stay; so does the store's identity). */
export async function clearAll(db: KiemDemDB): Promise<void> {
  await db.transaction('rw', [db.records, db.results, db.monthCells, db.meta, db.lists, db.listSets], async () => {
    await Promise.all([db.records.clear(), db.results.clear(), db.monthCells.clear(), db.lists.clear(), db.listSets.clear()]);
    await db.meta.where('key').noneOf(['schema', META_STORE_ID, META_DATA_STAMP]).delete();
  });
}

export { pickFacts } from '../records';

/** Field-level merge ordered by read time; a clerk's manual value stays. */
function mergeInto(cur: StoredRecord, it: Incoming): { next: StoredRecord; factsChanged: boolean } {
  const incoming = pickFacts(it.record) as PortalRecord & Record<string, unknown>;
  const marks = cur as unknown as Record<string, unknown>;
  for (const [field, mark] of Object.entries(MANUAL_FIELDS)) {
    if (marks[mark] === 'manual') {
      incoming[field] = null;
      if (mark in incoming) incoming[mark] = null;
    }
  }
  const curAt = cur.readAt ?? cur.lastSeen;
  const { newer, tie } = readOrder(curAt, cur.readBy, it.readAt, it.readBy);
  // The later reading's non-null values win; the earlier only fills gaps; nulls never erase.
  const { merged, changed } = mergeFacts(cur, incoming, newer, tie);
  // A department is the settings' reading of the page, not a fact of it: when a re-read
  // (settings changed) resolves to a configured department the stored one is not, it wins.
  const known = it.departments;
  if (known && incoming.department && known.has(incoming.department) && !(cur.department && known.has(cur.department)) && marks.departmentFrom !== 'manual') {
    merged.department = incoming.department;
    merged.departmentFrom = incoming.departmentFrom ?? null;
  }
  let manualChanged = false;
  if (it.digitizedFrom === 'manual' && cur.digitizedFrom !== 'manual' && newer) {
    merged.digitized = it.record.digitized;
    merged.digitizedFrom = 'manual';
    manualChanged = true;
  }
  const next = storedRecord(
    merged,
    {
      firstSeen: Math.min(cur.firstSeen, it.firstSeen),
      lastSeen: Math.max(cur.lastSeen, it.lastSeen),
      readAt: Math.max(curAt, it.readAt),
      readBy: newer ? it.readBy : cur.readBy,
      sourceUrl: newer ? it.sourceUrl || cur.sourceUrl : cur.sourceUrl || it.sourceUrl,
      rkey: cur.rkey,
      digitizedFrom: merged.digitizedFrom,
    },
    cur.key,
  );
  return { next, factsChanged: changed || manualChanged || (merged.digitized ?? null) !== (cur.digitized ?? null) || merged.department !== cur.department };
}

function sameRow(a: StoredRecord, b: StoredRecord): boolean {
  // Last-seen is kept by the day (Hà Nội time): a record read again with the same facts the
  // same day is not rewritten, so a clerk reloading the same list costs reads, not writes.
  return (
    a.sourceUrl === b.sourceUrl && vnDayNumber(a.lastSeen) === vnDayNumber(b.lastSeen) && a.firstSeen === b.firstSeen && a.readAt === b.readAt &&
    a.readBy === b.readBy && a.rkey === b.rkey && a.link === b.link
  );
}

/** Merge the items in order, in one transaction; each item's outcome, by index. */
async function mergeIncoming(db: KiemDemDB, items: readonly Incoming[], rejected: readonly RejectedRows[] = []): Promise<(keyof UpsertCounts)[]> {
  const outcomes: (keyof UpsertCounts)[] = [];
  if (items.length === 0 && rejected.length === 0) return outcomes;
  return await db.transaction('rw', [db.records, db.results, db.monthCells, db.meta], async () => {
    const keys = items.map((it) => recordKey(it.record));
    const unique = [...new Set(keys)];
    const existing = await getPresent(db.records, unique);
    const before = new Map<string, StoredRecord>();
    for (const r of existing) if (r) before.set(r.key, r);
    const state = new Map<string, StoredRecord>(before);
    const dirty = new Set<string>();
    const touched = new Set<string>(); // result keys whose row must be recomputed
    const refresh = new Set<string>(); // records whose facts or link target changed

    items.forEach((it, i) => {
      const key = keys[i]!;
      const cur = state.get(key);
      if (!cur) {
        const fresh = storedRecord(
          it.record,
          { firstSeen: it.firstSeen, lastSeen: it.lastSeen, sourceUrl: it.sourceUrl, readAt: it.readAt, readBy: it.readBy, digitizedFrom: it.digitizedFrom ?? null },
          key,
        );
        state.set(key, fresh);
        dirty.add(key);
        refresh.add(key);
        outcomes[i] = 'inserted';
        return;
      }
      const { next, factsChanged } = mergeInto(cur, it);
      outcomes[i] = factsChanged ? 'updated' : 'unchanged';
      if (factsChanged || !sameRow(next, cur)) {
        state.set(key, next);
        dirty.add(key);
      }
      if (factsChanged || next.sourceUrl !== cur.sourceUrl) refresh.add(key);
    });

    // Which result each written record belongs to: a code-less result joins its coded
    // twin by number + issue date; every record sharing a link is settled together.
    const numbers = new Set<string>();
    const numberOf = (link: string | undefined) => (link ? link.slice(0, link.lastIndexOf('|') + 1) : '');
    for (const k of refresh) {
      const n = numberOf(state.get(k)!.link);
      if (n) numbers.add(n);
      const old = numberOf(before.get(k)?.link);
      if (old) numbers.add(old);
    }
    const group = new Map<string, StoredRecord>();
    // One query for every number (a query per number would wait a round trip each).
    if (numbers.size > 0) {
      for (const r of await db.records.where('link').startsWithAnyOf([...numbers]).toArray()) if (numbers.has(numberOf(r.link))) group.set(r.key, state.get(r.key) ?? r);
    }
    for (const k of refresh) {
      const r = state.get(k)!;
      if (r.link) group.set(k, r);
    }
    const list = [...group.values()];
    const assigned = assignResultKeys(list);
    const rkeyByKey = new Map(list.map((r) => [r.key, assigned.get(r)!]));
    for (const r of list) {
      const rk = rkeyByKey.get(r.key)!;
      if (r.rkey === rk) continue;
      if (r.rkey) touched.add(r.rkey);
      touched.add(rk);
      state.set(r.key, { ...r, rkey: rk });
      dirty.add(r.key);
    }
    for (const k of dirty) {
      const r = state.get(k)!;
      const rk = rkeyByKey.get(k) ?? resultKey(r);
      if (r.rkey !== rk || refresh.has(k)) {
        const old = before.get(k);
        if (old?.rkey) touched.add(old.rkey);
        touched.add(rk);
      }
      if (r.rkey !== rk) state.set(k, { ...r, rkey: rk });
    }

    // The results are read while the records are written: they need only this batch's state.
    const written = db.records.bulkPut([...dirty].map((k) => state.get(k)!));
    await Promise.all([written, refreshResults(db, touched, { records: state, written })]);
    for (const r of rejected) await countRejected(db, r);
    return outcomes;
  });
}

/**
 * Recompute the given results from their records and move their cell contributions:
 * subtract the old cell, add the new one. A count that would fall below zero means the
 * derived tables disagree with the records: they are rebuilt from the records at once, in
 * the same transaction, and the rebuild noted.
 *
 * Without `batch` the records are read back from the store (written already). With it —
 * the upsert's records as they now are, their write `written` perhaps still under way —
 * each result's members are the records its row lists (`sources`) plus the batch's records
 * now in it: no index query, and only members outside the batch are read.
 */
export async function refreshResults(
  db: KiemDemDB,
  touched: Set<string>,
  batch?: { records: ReadonlyMap<string, StoredRecord>; written: Promise<unknown> },
): Promise<void> {
  if (touched.size === 0) return;
  const rkeys = [...touched];
  const oldRows = await getPresent(db.results, rkeys);
  const members = batch ? await membersWith(db, rkeys, oldRows, batch.records) : await membersRead(db, rkeys);

  const delta = new CellDelta();
  const puts: ResultRow[] = [];
  const deletes: string[] = [];
  const moves: (readonly [ResultRow | undefined, ResultRow | undefined])[] = [];
  for (const [i, rkey] of rkeys.entries()) {
    const group = members.get(rkey)!;
    const next = group.length ? deriveResult(rkey, group) : undefined;
    delta.move(cellOf(oldRows[i]), cellOf(next));
    moves.push([oldRows[i], next]);
    if (next) puts.push(next);
    else deletes.push(rkey);
  }
  const changes = [...delta.changes.values()].filter((c) => c.delta !== 0);
  const months = monthsOf(changes);
  const [monthRows] = await Promise.all([
    months.length ? db.monthCells.bulkGet(months) : [],
    db.results.bulkPut(puts),
    deletes.length ? db.results.bulkDelete(deletes) : undefined,
  ]);
  await db.resultsMoved?.(moves);
  if (changes.length === 0) return;
  const applied = applyCellChanges(months, monthRows, changes);
  if (!applied.ok) {
    await batch?.written;
    await rebuildInside(db);
    await db.meta.put({ key: META_REBUILT, value: { at: Date.now(), cell: applied.cell } });
    return;
  }
  await Promise.all([db.monthCells.bulkPut(applied.puts), applied.deletes.length ? db.monthCells.bulkDelete(applied.deletes) : undefined]);
}

/** Each result's records, read back from the store. */
async function membersRead(db: KiemDemDB, rkeys: readonly string[]): Promise<Map<string, StoredRecord[]>> {
  const members = new Map<string, StoredRecord[]>(rkeys.map((k) => [k, []]));
  for (const r of await db.records.where('rkey').anyOf([...rkeys]).toArray()) members.get(r.rkey!)?.push(r);
  return members;
}

/** Each result's records: the batch's as they now are, the others its row lists, read. */
async function membersWith(
  db: KiemDemDB,
  rkeys: readonly string[],
  oldRows: readonly (ResultRow | undefined)[],
  records: ReadonlyMap<string, StoredRecord>,
): Promise<Map<string, StoredRecord[]>> {
  const keys = new Map<string, Set<string>>(rkeys.map((rk, i) => [rk, new Set(oldRows[i]?.sources ?? [])]));
  for (const r of records.values()) if (r.rkey) keys.get(r.rkey)?.add(r.key);
  const outside = new Set<string>();
  for (const ks of keys.values()) for (const k of ks) if (!records.has(k)) outside.add(k);
  const read = new Map<string, StoredRecord>();
  for (const r of outside.size ? await db.records.bulkGet([...outside]) : []) if (r) read.set(r.key, r);
  const members = new Map<string, StoredRecord[]>();
  for (const [rk, ks] of keys) {
    const group: StoredRecord[] = [];
    for (const k of ks) {
      const r = records.get(k) ?? read.get(k);
      if (r?.rkey === rk) group.push(r);
    }
    members.set(rk, group);
  }
  return members;
}

async function rebuildInside(db: KiemDemDB): Promise<void> {
  // Counted again from the records: a snapshot moved along this transaction no longer holds.
  await db.meta.delete(META_TALLY_SNAPSHOT);
  const results = deriveAllResults(await db.records.toArray());
  await db.results.clear();
  await db.monthCells.clear();
  await db.results.bulkPut(results);
  await db.monthCells.bulkPut(monthRowsOf(cellsFromResults(results)));
}

/** Rebuild results and cells from the records (repair tool; same rows as the upgrade builds). */
export async function rebuildDerived(db: KiemDemDB): Promise<void> {
  await db.transaction('rw', [db.records, db.results, db.monthCells, db.meta], async () => rebuildInside(db));
}
