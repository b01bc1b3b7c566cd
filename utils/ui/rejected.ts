/** Status-line helpers over the `meta` table values (pure). */

/** meta 'rejected' → [reason, count] pairs with count > 0, largest first. */
export function rejectedEntries(value: unknown): [string, number][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export interface LastError {
  message: string;
  at: number | string | null;
}

/** meta 'lastError' → { message, at } or null when absent or malformed. */
export function parseLastError(value: unknown): LastError | null {
  if (!value || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  if (typeof o.message !== 'string' || o.message === '') return null;
  const at = typeof o.at === 'number' || typeof o.at === 'string' ? o.at : null;
  return { message: o.message, at };
}
