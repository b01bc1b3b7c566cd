/**
 * The database's name and current schema version, apart from the Dexie schema (db.ts) so
 * the popup's raw preload (tally-preload.ts) can check the version without loading Dexie.
 * A new `this.version(n)` in db.ts moves SCHEMA_VERSION with it (a unit test holds them equal).
 */
export const DB_NAME = 'kiem-dem-tthc';
export const SCHEMA_VERSION = 10;
/** What IndexedDB itself reports: Dexie opens version n as n × 10. */
export const IDB_VERSION = SCHEMA_VERSION * 10;
