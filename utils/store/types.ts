/**
 * Row shapes of the store's derived tables. Kept free of Dexie so the pure tally
 * and export code can use them without pulling the database in.
 */

/** Digitization state of a result, as an indexable string (IndexedDB cannot index booleans or null). */
export type DigitizedState = 'digitized' | 'pending' | 'unknown';

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
  /** Shown identity, for the worklist. */
  code: string | null;
  resultNumber: string | null;
  /** Page where the result (preferably its result row) was last seen. */
  sourceUrl: string;
  /** Keys of the records this result is made of. */
  sources: string[];
}

/** Validity class of a cell: '' = always in force (permanent or no end date), else validUntil. */
export type ValidityClass = string;

/** Count of existing, dated results per (department, date, digitization, validity). */
export interface CellRow {
  /** `${dept}|${date}|${state}|${validity}` */
  id: string;
  dept: string;
  date: string;
  state: DigitizedState;
  validity: ValidityClass;
  count: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
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
