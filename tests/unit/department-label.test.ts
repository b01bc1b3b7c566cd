/**
 * "Chưa phân loại" is a display label only: the store keeps '' for an unresolved
 * department, and a correction given '' clears it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { compareDepartments, departmentKey, departmentLabel, UNASSIGNED } from '../../utils/department-label';
import { KiemDemDB } from '../../utils/store/db';
import { correctResult, upsertBatch } from '../../utils/store/upsert';
import { DEPT_A, result } from './tally-helpers';

describe('department labels', () => {
  it('label and key are inverses', () => {
    expect(departmentLabel('')).toBe(UNASSIGNED);
    expect(departmentLabel(null)).toBe(UNASSIGNED);
    expect(departmentKey(UNASSIGNED)).toBe('');
    expect(departmentKey(departmentLabel(DEPT_A))).toBe(DEPT_A);
  });
  it('the unassigned bucket sorts last', () => {
    expect([UNASSIGNED, 'Văn phòng Sở', 'Chi cục TĐC'].sort(compareDepartments)).toEqual(['Chi cục TĐC', 'Văn phòng Sở', UNASSIGNED]);
  });
});

describe('the store never reads display labels', () => {
  let db: KiemDemDB;
  beforeEach(async () => {
    db = new KiemDemDB(`label-${Math.random()}`);
    await db.open();
  });
  it("'' clears a department (the popup turns the label into '' before it asks)", async () => {
    const r = result('000.00.13.H37-230615-0001', '1/GCN', { department: DEPT_A });
    await upsertBatch(db, [r], { url: 'https://motcua.langson.gov.vn/ket-qua', at: Date.now() });
    const rkey = (await db.results.toArray())[0]!.rkey;
    await correctResult(db, [rkey], { department: '' });
    expect((await db.results.get(rkey))?.dept).toBe('');
  });
});
