import { describe, expect, it } from 'vitest';
import { recordSchema } from '../../utils/records';
import { extract } from './load';

describe('Telerik RadGrid (rgMasterTable)', () => {
  const { records, byCode, tables, output } = extract('telerik-grid.html');

  it('finds one dossier table and reads its four rows, skipping pager, filter and footer rows', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind).toBe('dossier');
    expect(tables[0]!.root.getAttribute('class')).toBe('rgMasterTable');
    expect(records.map((r) => r.code)).toEqual([
      '000.00.13.H37-230615-0007', '000.00.13.H37-230502-0011', '000.00.13.H37-230410-0003', '000.00.13.H37-230401-0001',
    ]);
  });
  it('reads dash and dot dates, and leaves an impossible date empty', () => {
    expect(byCode('000.00.13.H37-230615-0007')).toMatchObject({ receivedAt: '2023-06-15', dueAt: '2023-07-05' });
    expect(byCode('000.00.13.H37-230502-0011')).toMatchObject({ receivedAt: '2023-05-02', dueAt: '2023-05-16' });
    expect(byCode('000.00.13.H37-230410-0003').dueAt).toBeNull();
  });
  it('strips timeliness flags from statuses', () => {
    expect(byCode('000.00.13.H37-230615-0007')).toMatchObject({ status: 'Đang xử lý', statusCode: 4 });
    expect(byCode('000.00.13.H37-230502-0011')).toMatchObject({ status: 'Đã trả kết quả', statusCode: 10 });
  });
  it('reads digitization from checkboxes, null for a dossier without result', () => {
    expect(byCode('000.00.13.H37-230502-0011').digitized).toBe(true);
    expect(byCode('000.00.13.H37-230410-0003').digitized).toBe(false);
    expect(byCode('000.00.13.H37-230615-0007').digitized).toBeNull();
  });
  it('resolves department aliases in the row and keeps an unknown one as shown', () => {
    expect(byCode('000.00.13.H37-230615-0007')).toMatchObject({
      department: 'Phòng Quản lý công nghệ và chuyên ngành', departmentFrom: 'column',
    });
    expect(byCode('000.00.13.H37-230410-0003').department).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(byCode('000.00.13.H37-230401-0001')).toMatchObject({ department: 'Ban Quản lý khu kinh tế', departmentFrom: 'column' });
  });
  it('never outputs the applicant', () => {
    const text = JSON.stringify(output);
    for (const name of ['Trịnh Văn Khải', 'Đàm Thị Hoa', 'Hoa Sen', 'Lò Văn Pá']) expect(text).not.toContain(name);
    for (const r of records) expect(recordSchema.safeParse(r).success).toBe(true);
  });
});

describe('ARIA div grid and Angular Material element table', () => {
  const { records, byCode, tables } = extract('aria-grid.html');

  it('finds both grids with their kinds', () => {
    expect(tables.map((t) => t.kind)).toEqual(['result', 'dossier']);
    expect(tables[0]!.rows()).toHaveLength(3);
    expect(records).toHaveLength(4);
  });
  it('reads ISO timestamps as Hà Nội dates', () => {
    expect(byCode('000.00.13.H37-190311-0004').issuedAt).toBe('2019-03-25');
    expect(byCode('000.00.13.H37-200102-0002').issuedAt).toBe('2020-01-16');
  });
  it('reads validity and icon title/alt digitization', () => {
    expect(byCode('000.00.13.H37-190311-0004')).toMatchObject({ permanent: true, validUntil: null, digitized: true });
    expect(byCode('000.00.13.H37-200102-0002')).toMatchObject({ permanent: false, validUntil: '2025-01-15', digitized: false });
  });
  it('keeps a result without dossier code by its number', () => {
    const r = byCode(null, '45/QĐ-SKHCN');
    expect(r).toMatchObject({ kind: 'result', issuedAt: '2021-08-05', digitized: null, permanent: null });
  });
  it('takes the department from an aria-labelledby filter', () => {
    expect(byCode('000.00.13.H37-190311-0004')).toMatchObject({ department: 'Phòng Quản lý khoa học', departmentFrom: 'page' });
  });
  it('reads mat-row/mat-cell elements', () => {
    expect(byCode('000.00.13.H37-210907-0001')).toMatchObject({
      kind: 'dossier', field: 'Sở hữu trí tuệ', receivedAt: '2021-09-07', status: 'Đã tiếp nhận', statusCode: 2,
    });
  });
});

describe('multi-row header with two digitization columns', () => {
  const { records, byCode, tables } = extract('multi-header.html');

  it('flattens groups to leaf columns', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind).toBe('result');
    expect(records).toHaveLength(4);
    expect(byCode('000.00.13.H37-220317-0005')).toMatchObject({
      resultNumber: '41/GCN-SKHCN',
      procedure: 'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ',
      receivedAt: '2022-03-17',
      resolvedAt: '2022-03-30',
    });
  });
  it('reads either digitization column: any yes is yes, both no or both blank is no', () => {
    expect(byCode('000.00.13.H37-220317-0005').digitized).toBe(true);
    expect(byCode('000.00.13.H37-220420-0002').digitized).toBe(true);
    expect(byCode('000.00.13.H37-220512-0001').digitized).toBe(false);
    // Under a "Số hóa" group that shows values on other rows, two blank cells mean "not digitized".
    expect(byCode('000.00.13.H37-220601-0003').digitized).toBe(false);
  });
  it('resolves the department column through aliases', () => {
    expect(byCode('000.00.13.H37-220420-0002').department).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(byCode('000.00.13.H37-220512-0001').department).toBe('Phòng Quản lý công nghệ và chuyên ngành');
  });
});

describe('table without thead (GridView), header in th cells of the first row', () => {
  const { records, byCode, rejected, tables } = extract('no-thead.html');

  it('reads results, skips the pager row and merges the duplicated row', () => {
    expect(tables).toHaveLength(1);
    expect(records.map((r) => r.resultNumber)).toEqual(['15/TB-CCTĐC', '22/TB-CCTĐC', '23/TB-CCTĐC']);
    expect(rejected).toEqual({});
    // The repeated row adds its file link: a later non-null fact wins.
    expect(byCode('000.00.13.H37-180709-0002', '22/TB-CCTĐC')).toMatchObject({ permanent: true, digitized: true });
  });
  it('reads result files, "Chưa có tệp" and empty file cells', () => {
    expect(byCode('000.00.13.H37-180305-0001', '15/TB-CCTĐC')).toMatchObject({
      digitized: true, validUntil: '2021-03-11', permanent: false, issuedAt: '2018-03-12',
    });
    expect(byCode('000.00.13.H37-180709-0002', '23/TB-CCTĐC')).toMatchObject({ digitized: false, permanent: null });
  });
  it('takes the department from the selected option of the "Đơn vị xử lý" select', () => {
    for (const r of records) expect(r).toMatchObject({ department: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', departmentFrom: 'page' });
  });
});
