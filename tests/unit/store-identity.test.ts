import { describe, expect, it } from 'vitest';
import { KiemDemDB } from '../../utils/store/db';
import { storeIdentity } from '../../utils/store/meta';
import { clearAll } from '../../utils/store/upsert';

describe('store identity (what page row memos are valid for)', () => {
  it('stays the same while the store lives, also through "Xóa dữ liệu" (which removes the row memos itself); a wiped store gets a new one', async () => {
    const db = new KiemDemDB(`identity-${Math.random()}`);
    const first = await storeIdentity(db);
    expect(await storeIdentity(db)).toBe(first);
    await clearAll(db);
    expect(await storeIdentity(db)).toBe(first);
    await db.meta.clear(); // what a wipe leaves: no identity
    const after = await storeIdentity(db);
    expect(after).not.toBe(first);
    expect(await storeIdentity(db)).toBe(after);
    db.close();
    await db.delete();
  });
});
