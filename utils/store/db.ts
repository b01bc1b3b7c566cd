/**
 * The extension's IndexedDB database. Records are the captured facts; `results` and the
 * tally cells (`monthCells`) are derived from them inside the same transaction as every
 * write, so the popup reads a small aggregate instead of scanning every record.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { assignResultKeys, linkKey, mergeFacts, recordKey, type StoredRecord } from '../records';
import { groupByResult } from '../result-rules';
import { cellsFromResults, deriveResult } from './derive';
import { groupListKeys } from './list-sets';
import { monthRowsOf, type MonthCellsRow } from './month-cells';
import { dataStampMiddleware } from './data-stamp';
import { DB_NAME, SCHEMA_VERSION } from './schema-version';
import type { CellRow, ListKeyRow, ListRow, ListSetRow, MetaRow, ResultRow, UnitReportRow } from './types';

export { DB_NAME, SCHEMA_VERSION } from './schema-version';

/** First release: records only, tallied by scanning them. */
export const SCHEMA_V1 = {
  records: 'key, dept, kind, lastSeen',
} as const;

/** Current: derived results (worklist by department and state) and tally cells. */
export const SCHEMA_V2 = {
  records: 'key, dept, kind, lastSeen',
  results: 'rkey, dept, [dept+state], date',
  cells: 'id, dept, date',
  meta: 'key',
} as const;

/**
 * v3 adds per-list coverage: `lists` (stated total, distinct records captured, pages read,
 * last read) and `listKeys` (which record, by key hash, came from which list). New tables
 * only: every existing table and row stays as it was.
 */
export const SCHEMA_V3 = {
  lists: 'id, lastRead',
  listKeys: '[list+key], list',
} as const;

/**
 * v4: records know the result they belong to (`rkey`) and their number + issue date
 * (`link`, how a code-less result finds its coded twin); keys drop invisible characters.
 * Only the tables that change are listed (other versions add their own tables).
 */
export const SCHEMA_V4 = {
  records: 'key, dept, kind, lastSeen, rkey, link',
} as const;

/**
 * v5: results and cells carry archive sync (cells are keyed by it), results the
 * procedure and the dossier's own page; `unitReports` holds the units' summary files
 * the office consolidates. Records are kept; the derived tables are rebuilt from them.
 */
export const SCHEMA_V5 = {
  unitReports: 'id, importedAt',
} as const;

/**
 * v6: tally cells by month (a popup reads a few thousand, not one per day), and results
 * indexed by validUntil (the reference month's validities are read day by day). Records
 * lose the kind and lastSeen indexes: nothing reads through them, and every record write
 * paid for them.
 */
export const SCHEMA_V6 = {
  records: 'key, dept, rkey, link',
  results: 'rkey, dept, [dept+state], date, validUntil',
} as const;

/**
 * v7: a list's record keys are kept in buckets (`listSets`, a few dozen rows per list, not
 * one per record: a 10,000-row list was 10,000 writes), and results lose the `dept` index
 * (the `[dept+state]` index answers by department). v8 drops the old `listKeys` table once
 * v7 has copied it.
 */
export const SCHEMA_V7 = {
  results: 'rkey, [dept+state], date, validUntil',
  listSets: '[list+bucket]',
} as const;
export const SCHEMA_V8 = {
  listKeys: null,
} as const;

/**
 * v9: the tally cells in one row per month (`monthCells`, utils/store/month-cells.ts): the
 * popup reads them all when its snapshot does not fit, and IndexedDB pays per row. Copied
 * from the old table, which v10 drops.
 */
export const SCHEMA_V9 = {
  monthCells: 'month',
} as const;
export const SCHEMA_V10 = {
  cells: null,
} as const;

export class KiemDemDB extends Dexie {
  records!: EntityTable<StoredRecord, 'key'>;
  results!: EntityTable<ResultRow, 'rkey'>;
  monthCells!: EntityTable<MonthCellsRow, 'month'>;
  meta!: EntityTable<MetaRow, 'key'>;
  unitReports!: EntityTable<UnitReportRow, 'id'>;
  lists!: EntityTable<ListRow, 'id'>;
  listSets!: Table<ListSetRow, [string, number]>;
  /**
   * Called inside a writing transaction with every result it replaced ([before, after]),
   * after it wrote them: keeps the popup's tally snapshot moving (utils/snapshot-moves.ts;
   * set by the pages and the worker, so the store itself never counts).
   */
  resultsMoved?: (moves: readonly (readonly [ResultRow | undefined, ResultRow | undefined])[]) => Promise<void>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(buildDerivedTables);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(rekeyRecords);
    this.version(5).stores(SCHEMA_V5).upgrade(rebuildDerivedTables);
    this.version(6).stores(SCHEMA_V6).upgrade(rebuildMonthCells);
    this.version(7).stores(SCHEMA_V7).upgrade(bucketListKeys);
    this.version(8).stores(SCHEMA_V8);
    this.version(9).stores(SCHEMA_V9).upgrade(groupCellsByMonth);
    this.version(10).stores(SCHEMA_V10);
    this.use(dataStampMiddleware);
  }
}

/**
 * Records as v4 stores them: keys re-derived (a code with a soft hyphen was a second
 * record: now merged into one, the more recently read facts winning), each record's
 * read time (its lastSeen when unknown), number + date link and result key, then the
 * derived tables rebuilt. Pure, so the upgrade is testable.
 */
export function rekeyAll(records: readonly StoredRecord[]): StoredRecord[] {
  const byKey = new Map<string, StoredRecord>();
  const sorted = [...records].sort((a, b) => (a.readAt ?? a.lastSeen) - (b.readAt ?? b.lastSeen));
  for (const r of sorted) {
    const key = recordKey(r);
    const base: StoredRecord = { ...r, key, readAt: r.readAt ?? r.lastSeen, link: linkKey(r) };
    const old = byKey.get(key);
    if (!old) {
      byKey.set(key, base);
      continue;
    }
    const merged = mergeFacts(old, base).merged;
    byKey.set(key, {
      ...merged,
      key,
      dept: merged.department ?? '',
      firstSeen: Math.min(old.firstSeen, r.firstSeen),
      lastSeen: Math.max(old.lastSeen, r.lastSeen),
      readAt: Math.max(old.readAt ?? 0, base.readAt ?? 0),
      sourceUrl: base.sourceUrl || old.sourceUrl,
      link: linkKey(merged),
    });
  }
  const list = [...byKey.values()];
  const rkeys = assignResultKeys(list);
  return list.map((r) => ({ ...r, rkey: rkeys.get(r)! }));
}

async function rekeyRecords(tx: Transaction): Promise<void> {
  const records = rekeyAll((await tx.table('records').toArray()) as StoredRecord[]);
  await tx.table('records').clear();
  await tx.table('records').bulkPut(records);
  const results = deriveAllResults(records);
  await tx.table('results').clear();
  await tx.table('cells').clear();
  await tx.table('results').bulkPut(results);
  await tx.table('cells').bulkPut(cellsFromResults(results));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
}

/** v1 → v2: derive results and cells from the records a first release stored. */
async function buildDerivedTables(tx: Transaction): Promise<void> {
  const records = (await tx.table('records').toArray()) as StoredRecord[];
  const results = deriveAllResults(records);
  await tx.table('results').bulkPut(results);
  await tx.table('cells').bulkPut(cellsFromResults(results));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
}

/** v5: the cells' key gained the sync state; rebuild both derived tables from the records. */
async function rebuildDerivedTables(tx: Transaction): Promise<void> {
  await tx.table('results').clear();
  await tx.table('cells').clear();
  await buildDerivedTables(tx);
}

/** v… → v6: the cells again, by month, from the results (which the upgrade keeps as they are). */
async function rebuildMonthCells(tx: Transaction): Promise<void> {
  const results = (await tx.table('results').toArray()) as ResultRow[];
  await tx.table('cells').clear();
  await tx.table('cells').bulkPut(cellsFromResults(results));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
}

/** v9: the cells (by month since v6) into one row per month. */
async function groupCellsByMonth(tx: Transaction): Promise<void> {
  const cells = (await tx.table('cells').toArray()) as CellRow[];
  await tx.table('monthCells').bulkPut(monthRowsOf(cells));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
}

/** v7: every list's keys, one row per list and key before, into that list's buckets. */
async function bucketListKeys(tx: Transaction): Promise<void> {
  const rows = (await tx.table('listKeys').toArray()) as ListKeyRow[];
  await tx.table('listSets').bulkPut(groupListKeys(rows));
}

export function deriveAllResults(records: readonly StoredRecord[]): ResultRow[] {
  return [...groupByResult(records).entries()].map(([rkey, group]) => deriveResult(rkey, group));
}

let shared: KiemDemDB | undefined;
/** The extension's one database handle (background, popup and options each open their own). */
export function getDb(): KiemDemDB {
  shared ??= new KiemDemDB();
  return shared;
}
