import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KiemDemDB } from '../../utils/store/db';
import { checkStoreKept, checkStoreKeptAtStart, parseStoreLost, type LocalArea } from '../../utils/store/lost';
import { STORE_ID_KEY, STORE_LOST_KEY, storeIdentity } from '../../utils/store/meta';
import { clearAll } from '../../utils/store/upsert';

/** Extension storage as a map (it survives what happens to IndexedDB). */
function localArea(): LocalArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
}

let n = 0;
let db: KiemDemDB;
beforeEach(() => {
  db = new KiemDemDB(`store-lost-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a store the browser wiped', () => {
  it('first start publishes the identity and raises nothing; later starts find it kept', async () => {
    const local = localArea();
    expect(await checkStoreKept(db, local, 1)).toBe(false);
    expect(local.data[STORE_ID_KEY]).toBe(await storeIdentity(db));
    expect(await checkStoreKept(db, local, 2)).toBe(false);
    expect(local.data[STORE_LOST_KEY]).toBeUndefined();
  });

  it('"Xóa dữ liệu" keeps the identity: emptying on purpose is not a loss', async () => {
    const local = localArea();
    await checkStoreKept(db, local, 1);
    await clearAll(db);
    expect(await checkStoreKept(db, local, 2)).toBe(false);
    expect(local.data[STORE_LOST_KEY]).toBeUndefined();
  });

  it('a database deleted under the extension is found lost once, with the time', async () => {
    const local = localArea();
    await checkStoreKept(db, local, 1);
    const before = local.data[STORE_ID_KEY];
    await db.delete();
    db = new KiemDemDB(db.name);
    expect(await checkStoreKept(db, local, 5_000)).toBe(true);
    expect(local.data[STORE_ID_KEY]).not.toBe(before);
    expect(parseStoreLost(local.data[STORE_LOST_KEY])).toEqual({ at: 5_000, id: local.data[STORE_ID_KEY] });
    expect(await checkStoreKept(db, local, 6_000)).toBe(false);
  });
});

describe('the check at worker start', () => {
  it('a new install (no database, nothing published) makes no database', async () => {
    const local = localArea();
    expect(await checkStoreKeptAtStart(db, local, async () => [], 1)).toBe(false);
    expect(db.isOpen()).toBe(false);
    expect(local.data[STORE_ID_KEY]).toBeUndefined();
  });
  it('no database but an identity published: the store was wiped', async () => {
    const local = localArea();
    local.data[STORE_ID_KEY] = 'earlier';
    expect(await checkStoreKeptAtStart(db, local, async () => [], 7)).toBe(true);
    expect(parseStoreLost(local.data[STORE_LOST_KEY])?.at).toBe(7);
  });
  it('the database there: checked as usual (the list not available: checked too)', async () => {
    const local = localArea();
    expect(await checkStoreKeptAtStart(db, local, async () => [db.name], 1)).toBe(false);
    expect(local.data[STORE_ID_KEY]).toBe(await storeIdentity(db));
    local.data[STORE_ID_KEY] = 'another';
    expect(await checkStoreKeptAtStart(db, local, async () => null, 2)).toBe(true);
  });
});
