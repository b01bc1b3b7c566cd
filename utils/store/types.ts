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

/** Validity class of a cell: '' = always in force (permanent or no end date), else the month (YYYY-MM) of validUntil. */
export type ValidityClass = string;

/** Count of existing, dated results per (department, month, digitization, validity month). */
export interface CellRow {
  /** `${dept}|${month}|${state}|${validity}` */
  id: string;
  dept: string;
  /** Month of the result's date, YYYY-MM. */
  date: string;
  state: DigitizedState;
  validity: ValidityClass;
  count: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
