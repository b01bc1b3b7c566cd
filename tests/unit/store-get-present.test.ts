import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie, type Table } from 'dexie';
import { getPresent } from '../../utils/store/get-present';

class Db extends Dexie {
  rows!: Table<{ k: string; v: number }, string>;
  pairs!: Table<{ list: string; key: string }, [string, string]>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'k', pairs: '[list+key]' });
  }
}

let db: Db;
let n = 0;
beforeEach(() => {
  db = new Db(`get-present-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const keys = (from: number, count: number) => Array.from({ length: count }, (_, i) => `k${String(from + i).padStart(5, '0')}`);

describe('getPresent', () => {
  it('answers like bulkGet, in the asked order, for absent, present and repeated keys', async () => {
    await db.rows.bulkPut(keys(0, 50).filter((_, i) => i % 3 === 0).map((k, i) => ({ k, v: i })));
    const asked = [...keys(0, 50).reverse(), 'k00003', 'zzz', 'a'];
    expect(await getPresent(db.rows, asked)).toEqual(await db.rows.bulkGet(asked));
  });

  it('gives every key of an empty range as absent', async () => {
    await db.rows.bulkPut(keys(900, 10).map((k) => ({ k, v: 1 })));
    const got = await getPresent(db.rows, keys(0, 100));
    expect(got).toHaveLength(100);
    expect(got.every((r) => r === undefined)).toBe(true);
  });

  it('falls back to plain gets when the range holds many other keys, with the same answer', async () => {
    await db.rows.bulkPut(keys(0, 2000).map((k, i) => ({ k, v: i })));
    const asked = keys(0, 2000).filter((_, i) => i % 100 === 0); // 20 keys spread over 2,000 stored
    const got = await getPresent(db.rows, asked);
    expect(got.map((r) => r?.v)).toEqual(asked.map((_, i) => i * 100));
  });

  it('works for compound keys', async () => {
    await db.pairs.bulkPut([{ list: 'L', key: 'k00002' }, { list: 'L', key: 'k00009' }, { list: 'M', key: 'k00003' }]);
    const asked = keys(0, 12).map((k) => ['L', k] as [string, string]);
    const got = await getPresent(db.pairs, asked);
    expect(got.map((r) => r?.key ?? null)).toEqual(asked.map(([, k]) => (k === 'k00002' || k === 'k00009' ? k : null)));
  });
});
