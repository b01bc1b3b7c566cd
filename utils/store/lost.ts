/**
 * A store the browser wiped behind the clerk's back. Chromium deletes an extension's
 * IndexedDB it finds damaged when it opens it (a disk that filled up during a write can
 * leave it so). The store's identity is mirrored in extension storage, which survives:
 * a database found with another identity than the mirrored one was lost. Then the
 * pages still open give their rows again and the popup says what happened.
 */
import { z } from 'zod';
import '../zod-config';
import type { KiemDemDB } from './db';
import { STORE_ID_KEY, STORE_LOST_KEY, storeIdentity } from './meta';

export const storeLostSchema = z.object({ at: z.number(), id: z.string().min(1).max(200) });
export type StoreLost = z.infer<typeof storeLostSchema>;

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Publish the store's identity; true (and the notice set) when an earlier store was lost. */
export async function checkStoreKept(db: KiemDemDB, local: LocalArea, now: number): Promise<boolean> {
  const id = await storeIdentity(db);
  const known = (await local.get(STORE_ID_KEY))[STORE_ID_KEY];
  if (known === id) return false;
  const lost = typeof known === 'string' && known !== '';
  const notice: StoreLost = { at: now, id };
  await local.set(lost ? { [STORE_ID_KEY]: id, [STORE_LOST_KEY]: notice } : { [STORE_ID_KEY]: id });
  return lost;
}

/**
 * The check at worker start, without making a database nobody asked for: with no
 * database yet and no identity published, this is a new install (its first write makes
 * the store, and the check after it publishes the identity).
 */
export async function checkStoreKeptAtStart(db: KiemDemDB, local: LocalArea, databaseNames: () => Promise<string[] | null>, now: number): Promise<boolean> {
  const names = await databaseNames().catch(() => null);
  if (names && !names.includes(db.name)) {
    const known = (await local.get(STORE_ID_KEY))[STORE_ID_KEY];
    if (typeof known !== 'string' || known === '') return false;
  }
  return await checkStoreKept(db, local, now);
}

export function parseStoreLost(value: unknown): StoreLost | null {
  const r = storeLostSchema.safeParse(value);
  return r.success ? r.data : null;
}
