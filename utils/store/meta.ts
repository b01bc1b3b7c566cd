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
