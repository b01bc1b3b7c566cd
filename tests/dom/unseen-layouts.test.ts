/**
 * Layouts of portals the rules were not written for (tests/pages, written from scratch):
 * one saved page per class of failure seen on unseen portals, with the records expected.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../utils/extract/index';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { URL, extract, loadPage } from './load';

const QLKH = 'Phòng Quản lý khoa học';
const QLCN = 'Phòng Quản lý công nghệ và chuyên ngành';
const TDC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';

describe('class 1 — two code columns (Liferay receipts, Bootstrap "Số biên nhận")', () => {
  const { records } = extract('liferay-receipts.html');
  it('keys every row by the dossier code, never by the receipt number beside it', () => {
    expect(records.map((r) => r.code)).toEqual([
      '000.00.13.H37-210412-0006', '000.00.13.H37-210413-0002', '000.00.13.H37-210419-0011',
      '000.00.13.H37-220105-0003', '000.00.13.H37-220107-0001',
    ]);
    const text = JSON.stringify(records);
    for (const s of ['BN-2021', '0512/BN', 'Nông Văn Thắng', '020088001234', 'Minh Khai']) expect(text).not.toContain(s);
  });
  it('reads the other columns as before, and hidden row-menu items are no facts', () => {
    expect(records[0]).toMatchObject({ kind: 'dossier', receivedAt: '2021-04-12', dueAt: '2021-04-26', status: 'Đã trả kết quả', statusCode: 10, digitized: null });
    expect(records[3]).toMatchObject({ procedure: 'Công bố sử dụng dấu định lượng', resolvedAt: '2022-01-20' });
  });
});

describe('class 2 — result-number wordings (Vuetify archive, "Số quyết định")', () => {
  const { records, rejected } = extract('vuetify-archive.html');
  it('reads "Số hiệu giấy tờ" as the result number: archive rows are results, also without a dossier code', () => {
    expect(records.filter((r) => r.kind === 'result').map((r) => r.resultNumber)).toEqual([
      '18/ĐK-KHCN', '205/QĐ-SKHCN', '07/2019/GCN', '112/2018', '14/QĐ-UBND',
    ]);
    expect(rejected).toEqual({});
    expect(records[1]).toMatchObject({ code: null, issuedAt: '2021-09-14', department: QLKH });
    expect(records[4]).toMatchObject({ permanent: false, validUntil: '2024-01-21' });
    expect(JSON.stringify(records)).not.toContain('Trần Đức Long');
  });
  it('sort-icon ligatures are not part of a header', () => {
    const { tables } = extract('vuetify-archive.html');
    expect(tables[0]?.columns?.map((c) => c.text)).toContain('Số hiệu giấy tờ');
    expect(tables[0]?.columns?.some((c) => c.text.includes('arrow_upward'))).toBe(false);
  });
});

describe('class 4 — mark columns and a two-column "Số hóa" group (PHP adminlist)', () => {
  const { byCode } = extract('mark-columns.html');
  it('a blank cell in a column of marks means "no"', () => {
    expect(byCode('000.00.13.H37-200303-0001').digitized).toBe(true);
    expect(byCode('000.00.13.H37-200305-0002').digitized).toBe(false);
    expect(byCode('000.00.13.H37-200311-0004').digitized).toBe(false);
    expect(byCode('000.00.13.H37-200320-0001').digitized).toBe(true);
  });
  it('under a "Số hóa" group: either yes is yes, both blank is no', () => {
    expect(byCode('000.00.13.H37-210104-0003').digitized).toBe(true);
    expect(byCode('000.00.13.H37-210111-0001').digitized).toBe(true);
    expect(byCode('000.00.13.H37-210118-0007').digitized).toBe(false);
    expect(byCode('000.00.13.H37-210125-0002').digitized).toBe(true);
  });
  it('a column of words with blanks stays unknown where blank', () => {
    expect(byCode('000.00.13.H37-190104-0001').digitized).toBeNull();
    expect(byCode('000.00.13.H37-190110-0002').digitized).toBeNull();
  });
  it('"Số GCN" is a result number; the department comes from the selected filter', () => {
    expect(byCode('000.00.13.H37-200303-0001')).toMatchObject({ kind: 'result', resultNumber: '11/CN-TĐC', department: TDC, departmentFrom: 'page' });
  });
});

describe('class 5 — totals and subtotal rows', () => {
  const { records, rejected } = extract('totals-rows.html');
  it('"Tổng cộng", "Cộng trang", "Cộng tháng", "Tổng số: 18 hồ sơ" rows make no records and no rejections', () => {
    expect(records.map((r) => r.code)).toEqual([
      '000.00.13.H37-220110-0002', '000.00.13.H37-220118-0005', '000.00.13.H37-220207-0001', '000.00.13.H37-230301-0009',
    ]);
    expect(rejected).toEqual({});
    expect(records.some((r) => r.resultNumber === '30' || r.resultNumber === '2' || r.resultNumber === '3')).toBe(false);
  });
  it('a bare count under "Số ký hiệu" is not a result number', () => {
    expect(records[1]).toMatchObject({ kind: 'result', resultNumber: null, digitized: false, department: QLKH });
  });
});

describe('class 6 — departments as bare abbreviations or tooltips', () => {
  it('reads <abbr title>/title tooltips and abbreviations derived from the configured names', () => {
    const { records } = extract('dept-abbr.html');
    // An unconfigured department: its tooltip name reads as an agency and is kept; a bare unknown abbreviation is not.
    expect(records.map((r) => r.department)).toEqual([QLCN, TDC, QLKH, QLCN, TDC, 'Phòng Pháp chế và Thông tin', null]);
    expect(records.slice(0, 6).every((r) => r.departmentFrom === 'column')).toBe(true);
  });
  it('a department added in the settings gets its abbreviations without hand-written aliases', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, departments: [...DEFAULT_SETTINGS.departments, { name: 'Phòng Pháp chế và Thông tin', aliases: [] }] };
    const { records } = extractPage(loadPage('dept-abbr.html'), { url: URL, settings });
    expect(records.slice(5).map((r) => r.department)).toEqual(['Phòng Pháp chế và Thông tin', 'Phòng Pháp chế và Thông tin']);
  });
  it('reads a header abbreviation from its tooltip', () => {
    const { tables } = extract('dept-abbr.html');
    expect(tables[0]?.columns?.[2]).toMatchObject({ text: 'Đơn vị xử lý', field: 'department' });
  });
});

describe('class 7 — group-header rows (plain table, Telerik)', () => {
  const { byCode, records } = extract('grouped-plain-telerik.html');
  it('a "Lĩnh vực: … (N hồ sơ)" caption gives its lĩnh vực, and through it the department, to the rows below', () => {
    expect(byCode('000.00.13.H37-210301-0001')).toMatchObject({ field: 'Sở hữu trí tuệ', department: QLCN, departmentFrom: 'field-mapping' });
    expect(byCode('000.00.13.H37-210322-0002')).toMatchObject({ field: 'Sở hữu trí tuệ', department: QLCN });
    expect(byCode('000.00.13.H37-210405-0003')).toMatchObject({ field: 'Hoạt động khoa học và công nghệ', department: QLKH });
    expect(byCode('000.00.13.H37-210407-0001')).toMatchObject({ field: 'Tiêu chuẩn, Đo lường, Chất lượng', department: TDC });
  });
  it('Telerik group headers "Đơn vị: …" give the department; group footers make no record', () => {
    expect(byCode('000.00.13.H37-230612-0002')).toMatchObject({ department: QLKH, departmentFrom: 'page', status: 'Đang xử lý' });
    expect(byCode('000.00.13.H37-230613-0001')).toMatchObject({ department: QLKH, statusCode: 10 });
    expect(byCode('000.00.13.H37-230614-0004')).toMatchObject({ department: TDC });
    expect(records).toHaveLength(7);
  });
});

describe('class 7 — group-header rows (DevExtreme, jqGrid, Ant Design tree)', () => {
  const { byCode, records, rejected } = extract('grouped-dx-jq-antd.html');
  it('DevExtreme group rows (split header table) give "Đơn vị xử lý: …"', () => {
    expect(byCode('000.00.13.H37-220815-0003')).toMatchObject({ department: QLCN, receivedAt: '2022-08-15' });
    expect(byCode('000.00.13.H37-220816-0001')).toMatchObject({ department: QLCN, statusCode: 10 });
    expect(byCode('000.00.13.H37-220817-0002')).toMatchObject({ department: QLKH });
  });
  it('jqGrid groups show the bare value: a known lĩnh vực maps to its department, another one is kept as lĩnh vực', () => {
    expect(byCode('000.00.13.H37-190402-0001')).toMatchObject({ resultNumber: '21/GCN-SKHCN', field: 'Chuyển giao công nghệ', department: QLCN, permanent: true });
    expect(byCode('000.00.13.H37-190509-0003')).toMatchObject({ field: 'Chuyển giao công nghệ', validUntil: '2024-05-20' });
    expect(byCode('000.00.13.H37-190611-0002')).toMatchObject({ field: 'Đo lường', department: null });
  });
  it('Ant Design tree rows: level-0 captions give the department; expanded rows are no caption and no record', () => {
    expect(byCode('000.00.13.H37-230704-0006')).toMatchObject({ department: TDC, dueAt: '2023-07-18', field: null });
    expect(byCode('000.00.13.H37-230705-0001')).toMatchObject({ department: TDC, statusCode: 5 });
    expect(byCode('000.00.13.H37-230706-0002')).toMatchObject({ department: QLKH, field: null });
    expect(records).toHaveLength(9);
    expect(rejected).toEqual({});
  });
});

describe('class 8 — icon ligatures and row menus (ag-Grid virtual DOM, Bootstrap and Liferay menus)', () => {
  const { byCode, tables, records } = extract('aggrid-icons.html');
  it('headers lose their sort-icon glyphs; rows and cells are read in aria-rowindex/colindex order', () => {
    expect(tables[0]?.columns?.map((c) => c.text)).toEqual(['Mã hồ sơ', 'Số ký hiệu', 'Tên thủ tục', 'Ngày ban hành', 'Số hóa', 'Tác vụ']);
    expect(records.slice(0, 3).map((r) => r.resultNumber)).toEqual(['38/CN-TĐC', '39/CN-TĐC', '40/CN-TĐC']);
    expect(byCode('000.00.13.H37-200707-0005')).toMatchObject({ procedure: 'Chứng nhận chuẩn đo lường', issuedAt: '2020-07-21' });
  });
  it('a glyph alone says yes or no; a hidden menu item ("Số hóa", a linked file) says nothing', () => {
    expect(byCode('000.00.13.H37-200701-0002').digitized).toBe(true);
    expect(byCode('000.00.13.H37-200703-0001').digitized).toBe(false);
    expect(byCode('000.00.13.H37-200707-0005').digitized).toBe(false);
  });
  it('a status cell with a hidden dropdown keeps its own status', () => {
    expect(byCode('000.00.13.H37-230801-0004')).toMatchObject({ status: 'Đang xử lý', statusCode: 4, dueAt: '2023-08-15' });
    const text = JSON.stringify(records);
    for (const s of ['visibility', 'file_download', 'arrow_upward', 'Trả kết quả', 'Số hóa giấy tờ']) expect(text).not.toContain(s);
  });
});

describe('a "Kết quả" column that holds the result file', () => {
  const { records } = extract('result-file-column.html');
  const digitized = (code: string) => records.find((r) => r.code === code)?.digitized;
  it('reads a linked file as digitized and an empty cell as not, once the column holds only files', () => {
    expect(digitized('000.00.13.H37-190312-0003')).toBe(true);
    expect(digitized('000.00.13.H37-190313-0004')).toBe(false);
    expect(digitized('000.00.13.H37-190314-0005')).toBe(true);
  });
  it('a "Kết quả" column with words, or with links to pages, says nothing of digitization', () => {
    for (const code of ['000.00.13.H37-200105-0010', '000.00.13.H37-200106-0011', '000.00.13.H37-210105-0020', '000.00.13.H37-210106-0021']) {
      expect(digitized(code)).toBeNull();
    }
    expect(records).toHaveLength(7);
  });
});
