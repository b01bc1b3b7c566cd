import { describe, expect, it } from 'vitest';
import { extractPage, findRecordTables } from '../../utils/extract/index';
import { ctx, extract, loadDoc } from './load';

describe('detail pages', () => {
  const { records, output } = extract('detail-dl.html');

  it('reads a <dl> of labels into one dossier, department from the lĩnh vực mapping', () => {
    const d = records.find((r) => r.kind === 'dossier');
    expect(d).toEqual({
      kind: 'dossier',
      code: '000.00.13.H37-230615-0007',
      resultNumber: null,
      procedure: 'Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
      field: 'Hoạt động khoa học và công nghệ',
      department: 'Phòng Quản lý khoa học',
      departmentFrom: 'field-mapping',
      receivedAt: '2023-06-15',
      dueAt: '2023-07-06',
      resolvedAt: '2023-07-04',
      issuedAt: null,
      validUntil: null,
      permanent: null,
      status: 'Hoàn thành',
      statusCode: 10,
      digitized: true,
      synced: null,
    });
  });
  it('reads label/value divs into one result', () => {
    const r = records.find((x) => x.kind === 'result');
    expect(r).toMatchObject({
      resultNumber: '77/GCN-SKHCN', issuedAt: '2023-07-20', permanent: true, department: 'Phòng Quản lý khoa học', departmentFrom: 'column',
    });
  });
  it('never reads the applicant or the address', () => {
    const text = JSON.stringify(output);
    expect(text).not.toContain('Bế Thị Lan');
    expect(text).not.toContain('Bà Triệu');
  });
});

describe('noise, nested attachment tables and empty tables', () => {
  const { records, rejected, byCode } = extract('noise-nested.html');

  it('yields only the dossier list rows', () => {
    expect(records.map((r) => r.code)).toEqual([
      '000.00.13.H37-210204-0006', '000.00.13.H37-210311-0001', '000.00.13.H37-210415-0002',
    ]);
  });
  it('counts rows without a key by reason instead of throwing', () => {
    expect(rejected['no-key']).toBeGreaterThanOrEqual(1);
  });
  it('reads a nested file table as the row’s result file, a dash as no file', () => {
    expect(byCode('000.00.13.H37-210204-0006').digitized).toBe(true);
    expect(byCode('000.00.13.H37-210311-0001').digitized).toBe(false);
    expect(byCode('000.00.13.H37-210415-0002').digitized).toBe(true);
  });
  it('maps lĩnh vực to departments, leaves unknown ones unresolved', () => {
    expect(byCode('000.00.13.H37-210311-0001')).toMatchObject({
      department: 'Phòng Quản lý công nghệ và chuyên ngành', departmentFrom: 'field-mapping',
    });
    expect(byCode('000.00.13.H37-210415-0002')).toMatchObject({ department: null, departmentFrom: null });
  });
  it('finds nothing on a page of menus, statistics and a calendar', () => {
    const doc = loadDoc(`<html><body>
      <table><tr><td><a href="/">Trang chủ</a></td><td><a href="/hs">Hồ sơ</a></td></tr></table>
      <table><thead><tr><th>Trạng thái</th><th>Số lượng</th></tr></thead><tbody><tr><td>Đang xử lý</td><td>17</td></tr></tbody></table>
      <table role="grid"><thead><tr><th>T2</th><th>T3</th></tr></thead><tbody><tr><td aria-label="01/09/2023">1</td><td>2</td></tr></tbody></table>
    </body></html>`);
    expect(findRecordTables(doc, ctx)).toEqual([]);
    expect(extractPage(doc, ctx)).toEqual({ records: [], rejected: {} });
  });
  it('reads no identity from a statistics table whose "Số hồ sơ" column holds counts', () => {
    const doc = loadDoc(`<table><thead><tr><th>Trạng thái</th><th>Số hồ sơ</th><th>Tỷ lệ (%)</th></tr></thead>
      <tbody><tr><td>Đã trả kết quả</td><td>1.284</td><td>91,4</td></tr><tr><td>Đang xử lý</td><td>41</td><td>2,9</td></tr>
      <tr><td>Chờ bổ sung</td><td>1 405</td><td>12,5</td></tr></tbody></table>`);
    expect(extractPage(doc, ctx).records).toEqual([]);
  });
  it('reads an icon-only status badge from its tooltip and a ticked checkbox as digitized', () => {
    const doc = loadDoc(`<table><thead><tr><th><span>Mã hồ sơ</span><i class="sort"></i></th><th>Trạng thái</th><th>Đã số hóa</th></tr></thead>
      <tbody><tr><td>000.00.13.H37-220303-0001</td><td><span class="badge" title="Đã trả kết quả"><i class="icon"></i></span></td>
      <td><input type="checkbox" checked disabled></td></tr></tbody></table>`);
    expect(extractPage(doc, ctx).records[0]).toMatchObject({ status: 'Đã trả kết quả', statusCode: 10, digitized: true });
  });
  it('keeps an empty record table (for observing) but reads "Không có dữ liệu" as no row', () => {
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Trạng thái</th></tr></thead>
      <tbody><tr><td colspan="2">Không có dữ liệu</td></tr></tbody></table>`);
    const tables = findRecordTables(doc, ctx);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows().map((r) => tables[0]!.readRow(r))).toEqual([null]);
  });
});

describe('packed cells', () => {
  const { records, byCode, output } = extract('packed.html');

  it('reads code, procedure, lĩnh vực and dates from labelled lines', () => {
    expect(records).toHaveLength(2);
    expect(byCode('000.00.13.H37-230105-0002')).toMatchObject({
      procedure: 'Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ',
      field: 'Hoạt động khoa học và công nghệ',
      receivedAt: '2023-01-05',
      dueAt: '2023-01-19',
      resolvedAt: '2023-01-18',
      digitized: true,
    });
  });
  it('reads <br>-separated lines, commas inside lĩnh vực, and drops an impossible due date', () => {
    expect(byCode('000.00.13.H37-230211-0001')).toMatchObject({
      field: 'Tiêu chuẩn, Đo lường, Chất lượng', receivedAt: '2023-02-11', dueAt: null, status: 'Chờ bổ sung', statusCode: 5,
    });
  });
  it('takes the department from the page heading "Đơn vị: …"', () => {
    for (const r of records) expect(r).toMatchObject({ department: 'Phòng Quản lý khoa học', departmentFrom: 'page' });
  });
  it('never outputs the applicant column', () => {
    expect(JSON.stringify(output)).not.toMatch(/Nông Văn Tới|Lê Lợi|Hoàng Thị Mai/u);
  });
});

describe('rows as the content script sees them', () => {
  it('reads rows added after the table was found (same RecordTable)', () => {
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody></tbody></table>`);
    const [table] = findRecordTables(doc, ctx);
    expect(table!.rows()).toEqual([]);
    const tr = doc.createElement('tr');
    for (const t of ['000.00.13.H37-230615-0007', 'Cấp chứng chỉ nhân viên bức xạ']) {
      const td = doc.createElement('td');
      td.textContent = t;
      tr.append(td);
    }
    doc.querySelector('tbody')!.append(tr);
    expect(table!.rows()).toHaveLength(1);
    expect(table!.readRow(tr)).toMatchObject({ code: '000.00.13.H37-230615-0007', procedure: 'Cấp chứng chỉ nhân viên bức xạ' });
  });
  it('clips over-long texts to the schema limits and counts keyless rows by reason', () => {
    const long = 'Thủ tục '.repeat(400);
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead>
      <tbody><tr><td>000.00.13.H37-230615-0007</td><td>${long}</td></tr><tr><td></td><td>Cấp lại giấy phép</td></tr></tbody></table>`);
    const { records, rejected } = extractPage(doc, ctx);
    expect(records).toHaveLength(1);
    expect(records[0]!.procedure!.length).toBeLessThanOrEqual(2000);
    expect(rejected).toEqual({ 'no-key': 1 });
  });
});

describe('card lists', () => {
  const { records } = extract('card-list.html');

  it('reads each card of labelled lines as one record, without the applicant', () => {
    expect(records.map((r) => [r.kind, r.code])).toEqual([
      ['dossier', '000.00.13.H37-230104-0001'],
      ['dossier', '000.00.13.H37-230105-0002'],
      ['result', '000.00.13.H37-230106-0003'],
    ]);
    expect(records[0]).toMatchObject({
      procedure: 'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ',
      department: 'Phòng Quản lý công nghệ và chuyên ngành',
      departmentFrom: 'field-mapping',
      receivedAt: '2023-01-04',
      status: 'Đã trả kết quả',
      statusCode: 10,
    });
    expect(records[2]).toMatchObject({ resultNumber: '12/GCN-SKHCN', issuedAt: '2023-01-20', permanent: true, digitized: true });
    expect(JSON.stringify(records)).not.toMatch(/Trang|Khải/u);
  });

  it('finds no cards on a page with a single labelled block or none', () => {
    const doc = loadDoc('<div><div>Mã hồ sơ: 000.00.13.H37-230104-0001</div><div>Hướng dẫn: nhập mã hồ sơ</div></div>');
    expect(extractPage(doc, ctx).records).toEqual([]);
  });
});
