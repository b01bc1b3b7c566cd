/**
 * Plain IndexedDB access for code that runs without Dexie (the popup's preload, the detail
 * export's worker). Never creates, upgrades or holds the database: the extension's Dexie
 * owns its schema.
 */
import { IDB_VERSION } from './schema-version';

export const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Opens the store as it is; null when it does not exist or is not at `IDB_VERSION`. */
export function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No store yet: abort, so the read leaves no empty database behind.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      if (db.version !== IDB_VERSION) {
        db.close();
        resolve(null);
        return;
      }
      // Dexie may need to upgrade: never stand in its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}
