/**
 * Small key/value facts about the store: schema info, counters of rows the capture
 * refused (by reason), for the popup's status line. (Storage errors are kept outside
 * IndexedDB: see utils/storage-error.ts.)
 */
import type { KiemDemDB } from './db';

export const META_REJECTED = 'rejected';

/** Add to the per-reason rejected-row counters (call inside or outside a transaction). */
export async function bumpRejected(db: KiemDemDB, counts: Record<string, number>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_REJECTED);
    const total: Record<string, number> = { ...((row?.value as Record<string, number> | undefined) ?? {}) };
    for (const [reason, n] of Object.entries(counts)) {
      if (!Number.isInteger(n) || n <= 0) continue;
      total[reason] = (total[reason] ?? 0) + n;
    }
    await db.meta.put({ key: META_REJECTED, value: total });
  });
}

export async function getRejected(db: KiemDemDB): Promise<Record<string, number>> {
  const row = await db.meta.get(META_REJECTED);
  return { ...((row?.value as Record<string, number> | undefined) ?? {}) };
}

export const META_STORE_ID = 'storeId';
/** Where pages find the store's identity (extension storage: content scripts cannot open the database). */
export const STORE_ID_KEY = 'store.id';

/**
 * This store's identity: a random id kept in meta, made anew when the store is emptied
 * ("Xóa dữ liệu" removes it) or found without one (wiped some other way). Row memos of
 * pages carry it, so no page skips rows as "already given" to a store that lost them.
 */
export async function storeIdentity(db: KiemDemDB): Promise<string> {
  return await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_STORE_ID);
    if (typeof row?.value === 'string') return row.value;
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    await db.meta.put({ key: META_STORE_ID, value: id });
    return id;
  });
}
