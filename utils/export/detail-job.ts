/**
 * The detail export as a job off the popup's thread (the `detail-export` worker runs it):
 * every record read in one transaction, the CSV built in chunks, one Blob handed back.
 * A Blob crosses to the popup by reference, so the popup only starts the download.
 */
import { detailCsvChunks } from '../csv';
import type { StoredRecord } from '../records';
import { openExisting, request } from '../store/raw-open';
import { DB_NAME } from '../store/schema-version';
import { CSV_MIME } from '../ui/download';

export type DetailJobMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; blob: Blob; rows: number }
  /** The store could not be opened as it is (absent, or at another version): the page exports itself. */
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string };

export async function detailExportJob(idb: IDBFactory, post: (m: DetailJobMessage) => void, name: string = DB_NAME): Promise<void> {
  const db = await openExisting(idb, name);
  if (!db) {
    post({ kind: 'unavailable' });
    return;
  }
  let records: StoredRecord[];
  try {
    // One getAll: nothing here has a page to keep painting, and one transaction is one snapshot.
    records = (await request(db.transaction('records', 'readonly').objectStore('records').getAll())) as StoredRecord[];
  } finally {
    db.close();
  }
  post({ kind: 'progress', done: 0, total: records.length });
  const parts = await detailCsvChunks(records, (done, total) => post({ kind: 'progress', done, total }));
  post({ kind: 'done', blob: new Blob(parts, { type: CSV_MIME }), rows: records.length });
}

/** Runs the job, turning any failure into an error message for the page. */
export async function runDetailJob(idb: IDBFactory, post: (m: DetailJobMessage) => void, name: string = DB_NAME): Promise<void> {
  try {
    await detailExportJob(idb, post, name);
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
