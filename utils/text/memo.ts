/**
 * A bounded cache for a pure function of a string. A list repeats the same departments,
 * procedures and statuses on every row, and each is cleaned, folded and checked for
 * personal data many times per row: the cache makes a repeat a map lookup. Long texts are
 * not kept (they rarely repeat); the cache empties when full, so memory stays bounded.
 */
export function memoText<T>(fn: (text: string) => T, maxEntries = 4096, maxLength = 400): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    if (text.length > maxLength) return fn(text);
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= maxEntries) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
