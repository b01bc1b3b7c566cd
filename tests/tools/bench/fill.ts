/**
 * Fill the extension's store quickly for the popup and export figures. The rows are built
 * in Node by the product's own pure store code — the privacy guard, then `rekeyAll`
 * (record keys, number + date links, result keys: what the v4 upgrade stores) and the
 * derived results and month cells (`deriveAllResults`, `cellsFromResults`) — and checked
 * (the cells' tally must equal the tally of the records) before they are written with
 * raw IndexedDB from an extension page, in chunks. Restoring 100,000 records through
 * "Nhập dữ liệu" takes many minutes on a busy machine; this takes seconds and gives the
 * store the same rows.
 */
import type { Page } from 'playwright-core';
import { guardRecord } from '../../../utils/privacy/guard';
import type { StoredRecord } from '../../../utils/records';
import { pickFacts } from '../../../utils/store/upsert';
import { deriveAllResults, rekeyAll } from '../../../utils/store/db';
import { cellsFromResults } from '../../../utils/store/derive';
import { monthRowsOf } from '../../../utils/store/month-cells';
import type { ResultRow } from '../../../utils/store/types';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { DEFAULT_PERIOD, type Period } from '../../../utils/period';
import { tallyFromCells, tallyFromRecords, splitPeriod } from '../../../utils/tally';
import { departmentIndex } from '../../../utils/vocab/departments';
import { META_DATA_STAMP } from '../../../utils/store/stamp-keys';
import { note } from './report';

const CHUNK = 5_000;

/** Results the month cells cannot decide for this period (what tallyDetails reads by index). */
function details(results: readonly ResultRow[], p: Period): ResultRow[] {
  const s = splitPeriod(p);
  return results.filter(
    (r) => (r.date !== null && s.partial.some(([from, to]) => r.date! >= from && r.date! <= to)) || (r.validUntil !== null && r.validUntil.slice(0, 7) === s.refMonth),
  );
}

/** The store's rows for these generated records, checked against a tally of the records themselves. */
export function storeRows(generated: readonly Record<string, unknown>[], periods: readonly Period[] = [DEFAULT_PERIOD]) {
  const idx = departmentIndex(DEFAULT_SETTINGS);
  const stored = generated.map((g) => {
    const r = g as unknown as StoredRecord;
    // As importRecords stores a new record of a file (pickFacts, the guard, provenance).
    const facts = guardRecord(pickFacts(r), idx);
    return {
      ...facts, key: '', dept: facts.department ?? '', firstSeen: Math.min(r.firstSeen, r.lastSeen), lastSeen: r.lastSeen, sourceUrl: r.sourceUrl,
      readAt: r.lastSeen, readBy: 'import', digitizedFrom: null,
    } as StoredRecord;
  });
  const records = rekeyAll(stored).map((r) => ({ ...r, dept: r.department ?? '' }));
  const results = deriveAllResults(records);
  const cells = cellsFromResults(results);
  for (const p of periods) {
    const a = JSON.stringify(tallyFromCells(cells, p, details(results, p)));
    const b = JSON.stringify(tallyFromRecords(records, p));
    if (a !== b) throw new Error(`store fill: the cells' tally differs from the records' for ${JSON.stringify(p)}`);
  }
  return { records, results, cells };
}

/** Put rows into one object store of the extension's database (raw IndexedDB, one transaction per chunk). */
async function putAll(ext: Page, store: string, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await ext.evaluate(
      ({ store, rows }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kiem-dem-tthc');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readwrite');
            const os = tx.objectStore(store);
            for (const r of rows) os.put(r);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { store, rows: rows.slice(i, i + CHUNK) },
    );
  }
}

/** Write the records `generated` (and their derived rows) into an emptied store. */
export async function fillStore(ext: Page, generated: readonly Record<string, unknown>[], periods: readonly Period[]): Promise<void> {
  const t0 = Date.now();
  const { records, results, cells } = storeRows(generated, periods);
  const built = Date.now();
  await putAll(ext, 'records', records);
  await putAll(ext, 'results', results);
  await putAll(ext, 'monthCells', monthRowsOf(cells));
  // Raw writes pass by the store's data stamp: without a new one, a tally snapshot stored
  // before the fill (the worker's, of the empty store) would still fit, and the popup would
  // show the empty store until its live reads answer. Every product write renews it.
  await putAll(ext, 'meta', [{ key: META_DATA_STAMP, value: `bench-fill-${Date.now()}` }]);
  note(`store filled with ${records.length} records, ${results.length} results, ${cells.length} cells: built in ${((built - t0) / 1000).toFixed(1)} s, written in ${((Date.now() - built) / 1000).toFixed(1)} s`);
}
