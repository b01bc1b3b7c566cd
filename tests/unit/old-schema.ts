/** A store as an earlier version of the extension left it: the product's schemas 1…version, no upgrades. */
import { Dexie } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10 } from '../../utils/store/db';

const HISTORY = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10];

export function storeAtVersion(name: string, version: number): Dexie {
  if (version < 1 || version > HISTORY.length) throw new Error(`no schema version ${version}`);
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(HISTORY[v - 1]!);
  return db;
}
