/**
 * Small key/value facts about the store: schema info, counters of rows the capture
 * refused (by reason) and the last error, for the popup's status line.
 */
import type { KiemDemDB } from './db';

export const META_REJECTED = 'rejected';
export const META_LAST_ERROR = 'lastError';

export interface LastError {
  message: string;
  at: number;
}

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

export async function setLastError(db: KiemDemDB, message: string, at: number = Date.now()): Promise<void> {
  await db.meta.put({ key: META_LAST_ERROR, value: { message: message.slice(0, 500), at } satisfies LastError });
}

export async function getLastError(db: KiemDemDB): Promise<LastError | null> {
  const row = await db.meta.get(META_LAST_ERROR);
  return (row?.value as LastError | undefined) ?? null;
}
