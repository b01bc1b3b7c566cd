/**
 * Row shapes of the store's derived tables. Kept free of Dexie so the pure tally
 * and export code can use them without pulling the database in.
 */

/** Digitization state of a result, as an indexable string (IndexedDB cannot index booleans or null). */
export type DigitizedState = 'digitized' | 'pending' | 'unknown';

/** Archive-sync state of a result, indexable like DigitizedState. */
export type SyncState = 'synced' | 'unsynced' | 'unknown';

/** One row per result (tally identity = resultKey()): the merged facts the tally needs. */
export interface ResultRow {
  rkey: string;
  /** Canonical department, or '' when unresolved. */
  dept: string;
  /** 1 when a result exists (result record, or dossier with status 9/10 or a resolved date). */
  exists: 0 | 1;
  /** Date that gives the year: issuedAt ?? resolvedAt ?? receivedAt ?? yyMMdd of the code. */
  date: string | null;
  validUntil: string | null;
  permanent: boolean | null;
  digitized: boolean | null;
  state: DigitizedState;
  synced: boolean | null;
  sync: SyncState;
  /** Shown identity, for the worklist. */
  code: string | null;
  resultNumber: string | null;
  /** Procedure name, for the worklists. */
  procedure: string | null;
  /** Page where the result (preferably its result row) was last seen. */
  sourceUrl: string;
  /** The dossier's own page (an address naming its code), when one was seen; else ''. */
  ownPageUrl: string;
  /** Keys of the records this result is made of. */
  sources: string[];
}

/** Validity class of a cell: '' = always in force (permanent or no end date), else the month (YYYY-MM) of validUntil. */
export type ValidityClass = string;

/** Count of existing, dated results per (department, month, digitization, sync, validity month). */
export interface CellRow {
  /** `${dept}|${month}|${state}|${sync}|${validity}` */
  id: string;
  dept: string;
  /** Month of the result's date, YYYY-MM. */
  date: string;
  state: DigitizedState;
  sync: SyncState;
  validity: ValidityClass;
  count: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** One department × year line of a unit's summary file. */
export interface UnitReportLine {
  department: string;
  year: number;
  total: number;
  digitized: number;
  pending: number;
  unknown: number;
  synced: number;
  unsynced: number;
}

/** A unit's summary file, imported by the office for consolidation ("Gộp báo cáo các đơn vị"). */
export interface UnitReportRow {
  /** `${folded unit}|${from}|${to}`: a newer file of the same unit and period replaces the older. */
  id: string;
  unit: string;
  from: string;
  to: string;
  reference: string;
  fileName: string;
  /** When the file was made (its own metadata, else the file's date), ms. */
  fileTime: number;
  importedAt: number;
  lines: UnitReportLine[];
}

/** Coverage of one list (address without paging + active filters), see utils/crawl/list-id.ts. */
export interface ListRow {
  id: string;
  /** Heading and filter values, for people. */
  label: string;
  /** The portal's own total for the list, when it prints one (latest read). */
  statedTotal: number | null;
  /** Distinct records captured from this list (rows of listKeys). */
  captured: number;
  /** Pages seen (pager number "p3", or the hash of the page's first record). */
  pages: string[];
  pagesRead: number;
  firstRead: number;
  lastRead: number;
}

/** One record (by key hash) read from one list. */
export interface ListKeyRow {
  list: string;
  key: string;
}
