/**
 * The extension's IndexedDB database. Records are the captured facts; `results` and
 * `cells` are derived from them inside the same transaction as every write, so the
 * popup reads a small aggregate instead of scanning every record.
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { StoredRecord } from '../records';
import { groupByResult } from '../tally';
import { cellsFromResults, deriveResult } from './derive';
import type { CellRow, MetaRow, ResultRow } from './types';

export const DB_NAME = 'kiem-dem-tthc';

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
 * v6: tally cells by month (a popup reads a few thousand, not one per day), and results
 * indexed by validUntil (the reference month's validities are read day by day).
 */
export const SCHEMA_V6 = {
  results: 'rkey, dept, [dept+state], date, validUntil',
} as const;

export const SCHEMA_VERSION = 6;

export class KiemDemDB extends Dexie {
  records!: EntityTable<StoredRecord, 'key'>;
  results!: EntityTable<ResultRow, 'rkey'>;
  cells!: EntityTable<CellRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(buildDerivedTables);
    this.version(6).stores(SCHEMA_V6).upgrade(rebuildMonthCells);
  }
}

/** v1 → v2: derive results and cells from the records a first release stored. */
async function buildDerivedTables(tx: Transaction): Promise<void> {
  const records = (await tx.table('records').toArray()) as StoredRecord[];
  const results = deriveAllResults(records);
  await tx.table('results').bulkPut(results);
  await tx.table('cells').bulkPut(cellsFromResults(results));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
}

/** v… → v6: the cells again, by month, from the results (which the upgrade keeps as they are). */
async function rebuildMonthCells(tx: Transaction): Promise<void> {
  const results = (await tx.table('results').toArray()) as ResultRow[];
  await tx.table('cells').clear();
  await tx.table('cells').bulkPut(cellsFromResults(results));
  await tx.table('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, upgradedAt: Date.now() } });
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
