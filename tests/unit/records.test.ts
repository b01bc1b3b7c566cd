import { describe, expect, it } from 'vitest';
import { mergeFacts, mergeValue, readOrder, recordKey, recordSchema, resultKey, TIE_MS, type PortalRecord } from '../../utils/records';

const base: PortalRecord = {
  kind: 'result', code: '000.00.13.H37-230615-0007', resultNumber: '125/GCN-SKHCN', procedure: 'Thủ tục', field: null,
  department: null, receivedAt: null, dueAt: '2023-07-06', resolvedAt: null, issuedAt: '2023-07-04', validUntil: null,
  permanent: null, status: 'Đang xử lý', statusCode: 4, digitized: false,
};

describe('merge rule', () => {
  it('never erases a value with null, and lets a newer value replace an older one', () => {
    const later = { ...base, dueAt: null, status: 'Đã trả kết quả', statusCode: 10 };
    const { merged, changed } = mergeFacts(base, later);
    expect(changed).toBe(true);
    expect(merged).toMatchObject({ dueAt: '2023-07-06', status: 'Đã trả kết quả', statusCode: 10 });
  });

  it('keeps the current value when the other reading is older', () => {
    expect(mergeValue('status', 'Đã trả kết quả', 'Đang xử lý', false)).toBe('Đã trả kết quả');
    expect(mergeValue('status', null, 'Đang xử lý', false)).toBe('Đang xử lý');
  });

  it('lets a later reading undo a digitization; two tabs within the tie window keep the yes', () => {
    expect(mergeValue('digitized', true, false, true)).toBe(false); // the portal corrected it later
    expect(mergeValue('digitized', false, true, false)).toBe(false); // an older reading changes nothing
    expect(mergeValue('digitized', true, false, true, true)).toBe(true); // a tie: yes stays
    expect(mergeValue('digitized', false, true, false, true)).toBe(true);
    expect(mergeValue('status', 'A', 'B', false, true)).toBe('A'); // other fields: the later reading
    expect(readOrder(1000, 'tab-a', 4000, 'tab-b')).toEqual({ newer: true, tie: true });
    expect(readOrder(1000, 'tab-a', 4000, 'tab-a')).toEqual({ newer: true, tie: false });
    expect(readOrder(1000, 'tab-a', 1000 + TIE_MS, 'tab-b')).toEqual({ newer: true, tie: false });
    const a = mergeFacts({ ...base, digitized: true }, { ...base, digitized: false }, true, true).merged;
    const b = mergeFacts({ ...base, digitized: false }, { ...base, digitized: true }, true, true).merged;
    expect([a.digitized, b.digitized]).toEqual([true, true]);
  });

  it('reports no change for an identical reading (idempotent)', () => {
    expect(mergeFacts(base, { ...base }).changed).toBe(false);
  });
});

describe('identity', () => {
  it('folds codes so case, spaces and NFD do not split one dossier in two', () => {
    const a = recordKey({ kind: 'dossier', code: '000.00.13.H37-230615-0007', resultNumber: null });
    const b = recordKey({ kind: 'dossier', code: ' 000.00.13.h37-230615-0007 ', resultNumber: null });
    expect(a).toBe(b);
    expect(recordKey({ kind: 'result', code: null, resultNumber: '125/GCN-SKHCN' })).toBe(recordKey({ kind: 'result', code: null, resultNumber: '125/gcn-skhcn' }));
  });

  it('gives a dossier and its result the same tally identity', () => {
    expect(resultKey({ code: base.code, resultNumber: null })).toBe(resultKey(base));
    expect(resultKey({ code: null, resultNumber: 'QĐ 12' })).not.toBe(resultKey({ code: null, resultNumber: 'QĐ 13' }));
  });

  it('bounds what a message may carry', () => {
    expect(recordSchema.safeParse({ ...base, procedure: 'x'.repeat(2001) }).success).toBe(false);
    expect(recordSchema.safeParse({ ...base, receivedAt: '15/06/2023' }).success).toBe(false);
    expect(recordSchema.safeParse({ ...base, code: null, resultNumber: null }).success).toBe(false);
    expect(recordSchema.safeParse({ ...base, applicant: 'Nguyễn Văn A' }).success).toBe(false);
  });
});
