import { describe, expect, it } from 'vitest';
import { extract } from './load';

describe('archive sync (đồng bộ kho) columns and labels', () => {
  const { records } = extract('sync-columns.html');
  const byNumber = (n: string) => records.find((r) => r.resultNumber === n);

  it('a "Trạng thái đồng bộ" column: words, an empty cell, a badge tooltip; digitization read beside it', () => {
    expect(['101/GCN-SKHCN', '102/GCN-SKHCN', '103/GCN-SKHCN', '104/GCN-SKHCN'].map((n) => [byNumber(n)?.digitized, byNumber(n)?.synced])).toEqual([
      [true, true],
      [true, false],
      [false, null],
      [true, true],
    ]);
  });
  it('a sync log: "Thành công" and "Thất bại (…)"', () => {
    expect(byNumber('201/QĐ-SKHCN')).toMatchObject({ code: '000.00.13.H37-200105-0001', synced: true, digitized: null });
    expect(byNumber('202/QĐ-SKHCN')?.synced).toBe(false);
  });
  it('under a "Số hóa" group, "Kho quốc gia" stays digitization and "Đồng bộ kho" is the sync (checkboxes)', () => {
    expect([byNumber('301/TB-CCTĐC'), byNumber('302/TB-CCTĐC')].map((r) => [r?.digitized, r?.synced])).toEqual([
      [true, true],
      [true, false],
    ]);
  });
  it('packed cells: a "Đồng bộ kho:" label, and "Đã số hóa và đồng bộ" saying both', () => {
    expect([byNumber('401/GP-SKHCN'), byNumber('402/GP-SKHCN')].map((r) => [r?.digitized, r?.synced])).toEqual([
      [true, false],
      [true, true],
    ]);
  });
  it('pages without a sync column say nothing about it', () => {
    const other = extract('no-thead.html').records;
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((r) => r.synced === null)).toBe(true);
  });
});
