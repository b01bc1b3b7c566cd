/**
 * meta keys of the tally snapshot (tally-snapshot.ts) and of the data stamp every writing
 * transaction renews (data-stamp.ts): apart, so the write path names them without reaching
 * the tally.
 */
export const META_DATA_STAMP = 'dataStamp';
export const META_TALLY_SNAPSHOT = 'tallySnapshot';
