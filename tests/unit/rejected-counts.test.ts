/**
 * Rejected rows reach the counters on one path (countRejected): a page's running totals
 * count by their growth, rows refused on the way to the store count as they come, and
 * the two never mix (a smaller batch of refused rows after a larger one still counts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { KiemDemDB } from '../../utils/store/db';
import { countRejected, getRejected } from '../../utils/store/meta';
import { upsertBatch } from '../../utils/store/upsert';

describe('rejected counters', () => {
  let db: KiemDemDB;
  beforeEach(async () => {
    db = new KiemDemDB(`rejected-${Math.random()}`);
    await db.open();
  });

  it('page totals by growth, refused rows as they come', async () => {
    const src = { url: 'https://a.gov.vn/x', at: 1, pageId: 'p1' };
    await upsertBatch(db, [], { ...src, rejected: { 'no-key': 2 }, refused: { invalid: 2 } });
    await upsertBatch(db, [], { ...src, rejected: { 'no-key': 2 }, refused: { invalid: 1 } }); // same page totals, one more refused
    expect(await getRejected(db)).toEqual({ 'no-key': 2, invalid: 3 });
  });
  it('totals without a page id are added as they are; zero and bad counts are ignored', async () => {
    await countRejected(db, { pageTotals: { 'no-key': 1 } });
    await countRejected(db, { pageTotals: { 'no-key': 1 }, added: { invalid: 0, other: -3, odd: 1.5 } });
    expect(await getRejected(db)).toEqual({ 'no-key': 2 });
  });
});
