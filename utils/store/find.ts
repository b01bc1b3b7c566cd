/** Looking results up for the clerk's corrections (by code or result number, by department). */
import { Dexie } from 'dexie';
import { idKey } from '../records';
import type { KiemDemDB } from './db';
import type { ResultRow } from './types';

/** Results whose dossier code or result number is the query (folded, invisible characters ignored). */
export async function findResults(db: KiemDemDB, query: string): Promise<ResultRow[]> {
  const q = idKey(query);
  if (!q) return [];
  const rkeys = new Set<string>();
  const byCode = await db.results.get(`c|${q}`);
  if (byCode) rkeys.add(byCode.rkey);
  for (const r of await db.records.where('link').startsWith(`${q}|`).toArray()) if (r.rkey) rkeys.add(r.rkey);
  const rows = await db.results.bulkGet([...rkeys]);
  return rows.filter((r): r is ResultRow => r !== undefined);
}

/** Department names of stored results that are not configured departments, with how many results each. */
export async function unknownDepartments(db: KiemDemDB, known: readonly string[]): Promise<{ name: string; count: number }[]> {
  const pairs = (await db.results.orderBy('[dept+state]').uniqueKeys()) as unknown as [string, string][];
  const names = [...new Set(pairs.map(([dept]) => dept))];
  const set = new Set(known);
  const out: { name: string; count: number }[] = [];
  for (const name of names) {
    if (!name || set.has(name)) continue;
    out.push({ name, count: await resultsOfDept(db, name).count() });
  }
  return out;
}

/** The results of one department (by the department + state index: results have no department index of their own). */
export function resultsOfDept(db: KiemDemDB, dept: string) {
  return db.results.where('[dept+state]').between([dept, Dexie.minKey], [dept, Dexie.maxKey], true, true);
}
