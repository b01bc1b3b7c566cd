/**
 * Row shapes of the store's tables. Kept free of Dexie so the pure export code can
 * use them without pulling the database in.
 */

import type { LineCounts } from '../result-rules';

// The result and cell rows are the result rules' (shared with the tally); re-exported for the store's readers.
export type { CellRow, DigitizedState, ResultRow, SyncState, ValidityClass } from '../result-rules';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** One department × year line of a unit's summary file. */
export interface UnitReportLine extends LineCounts {
  department: string;
  year: number;
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
  /** Distinct records captured from this list (keys of its listSets). */
  captured: number;
  /** Pages seen (pager number "p3", or the hash of the page's first record). */
  pages: string[];
  pagesRead: number;
  firstRead: number;
  lastRead: number;
}

/** One record (by key hash) read from one list: the rows of v3–v6's `listKeys`. */
export interface ListKeyRow {
  list: string;
  key: string;
}

/** Some of the record keys (hashes) read from one list: those whose bucket (bucketOf) is `bucket`. */
export interface ListSetRow {
  list: string;
  bucket: number;
  keys: string[];
}
