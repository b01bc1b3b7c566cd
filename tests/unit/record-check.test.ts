/**
 * The content script's zod-free record check says exactly what the zod contract says
 * (the worker parses with zod; the page must not send what the worker refuses, nor
 * drop what it accepts): over valid records and many one-field mutations of them.
 */
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../utils/record-check';
import { MAX_CODE, MAX_TEXT, recordSchema, type PortalRecord } from '../../utils/records';

const base: PortalRecord = {
  kind: 'dossier', code: '000.00.13.H37-230615-0007', resultNumber: null, procedure: 'Thủ tục', field: null,
  department: 'Phòng Quản lý khoa học', departmentFrom: 'column', receivedAt: '2023-06-15', dueAt: null, resolvedAt: null,
  issuedAt: null, validUntil: null, permanent: null, status: 'Đang xử lý', statusCode: 4, digitized: null,
};
const result: PortalRecord = { ...base, kind: 'result', code: null, resultNumber: '12/GCN', issuedAt: '2021-03-10', permanent: true, digitized: true };

const VALUES: unknown[] = [
  null, undefined, '', 'x', 'a'.repeat(MAX_CODE), 'a'.repeat(MAX_CODE + 1), 'a'.repeat(301), 'a'.repeat(501), 'a'.repeat(MAX_TEXT + 1),
  '2023-02-29', '2024-02-29', '2023-13-01', '1899-12-31', '2101-01-01', '15/06/2023', '2023-06-15', 0, 1, 10, 11, 4.5, Number.NaN,
  true, false, 'dossier', 'result', 'column', 'manual', 'other', [], {},
];

describe('checkRecord (content script) = recordSchema (worker)', () => {
  it('agrees on valid records and on every one-field change of them', () => {
    let cases = 0;
    for (const rec of [base, result]) {
      expect(checkRecord({ ...rec })).not.toBeNull();
      for (const field of Object.keys(rec)) {
        for (const v of VALUES) {
          const candidate: Record<string, unknown> = { ...rec, [field]: v };
          expect(checkRecord(candidate) !== null, `${field} = ${JSON.stringify(v)}`).toBe(recordSchema.safeParse(candidate).success);
          cases++;
        }
        const without: Record<string, unknown> = { ...rec };
        delete without[field];
        expect(checkRecord(without) !== null, `without ${field}`).toBe(recordSchema.safeParse(without).success);
      }
    }
    expect(checkRecord({ ...base, extra: 1 })).toBeNull();
    expect(recordSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(checkRecord({ ...base, kind: 'dossier', code: null })).toBeNull();
    expect(checkRecord({ ...result, resultNumber: null })).toBeNull();
    expect(checkRecord(null)).toBeNull();
    expect(checkRecord([])).toBeNull();
    expect(cases).toBeGreaterThan(500);
  });
});
