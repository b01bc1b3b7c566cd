/**
 * Bounds on what an import may bring in (backup JSON, detail CSV), shared by both
 * readers: reading times from 2000 to now + 1 day, a file size checked before parsing.
 */
import { formatCount } from './ui/format';

/** Earliest time a reading can carry: the portals are younger than 2000. */
export const MIN_TIMESTAMP = Date.UTC(2000, 0, 1);
/** Latest: now + 1 day (a clock a little ahead), never year 275,760 winning every later merge. */
export const maxTimestamp = (now: number = Date.now()) => now + 86_400_000;

/** Largest file read at all, checked before a byte of it is parsed. */
export const MAX_IMPORT_BYTES = { backup: 400 * 1024 * 1024, csv: 200 * 1024 * 1024 } as const;

/** Vietnamese reason when a file is too big to import, else null. */
export function importTooBig(bytes: number, kind: keyof typeof MAX_IMPORT_BYTES): string | null {
  const max = MAX_IMPORT_BYTES[kind];
  if (bytes <= max) return null;
  return `Tệp quá lớn (${formatCount(Math.ceil(bytes / 1048576), 'vi')} MB, tối đa ${formatCount(max / 1048576, 'vi')} MB): không nhập gì`;
}

