/** "When the rules fail, say so" and "Lưu mẫu trang" over saved pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosePage, findRecordTables } from '../../utils/extract/index';
import { maskText, samplePage } from '../../utils/extract/sample';
import { ctx, loadDoc, loadPage } from './load';

const e2ePage = (name: string) => loadDoc(readFileSync(join(import.meta.dirname, '../e2e/pages', name), 'utf8'));
const noticeOf = (doc: Document, rejected = 0) => diagnosePage(doc, ctx, findRecordTables(doc, ctx), rejected, 0);

describe('the notice for a table that was not read', () => {
  it('names the reason and the headers of a record-like table without a key column', () => {
    const n = noticeOf(e2ePage('unread-table.html'));
    expect(n).toMatchObject({ reason: 'no-key', rows: 3 });
    expect(n?.headers.slice(0, 4)).toEqual(['STT', 'Số phiếu', 'Tên thủ tục', 'Người nộp']);
    expect(n?.personal.slice(0, 6)).toEqual([false, false, false, true, true, true]);
    expect(n?.suggested.slice(6, 9)).toEqual(['receivedAt', 'dueAt', 'status']);
  });
  it('says "rows rejected" when a record table gave only rejections', () => {
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Ngày nhận</th></tr></thead>
      <tbody><tr><td>1024</td><td>Cấp giấy phép</td><td>01/02/2023</td></tr><tr><td>1025</td><td>Cấp lại</td><td>02/02/2023</td></tr></tbody></table>`);
    expect(noticeOf(doc, 2)).toMatchObject({ reason: 'rows-rejected', headers: ['Mã hồ sơ', 'Tên thủ tục', 'Ngày nhận'] });
  });
  it('says nothing for statistics tables, calendars, menus and read pages', () => {
    const stats = loadDoc(`<table><thead><tr><th>Trạng thái</th><th>Số lượng</th><th>Tỷ lệ</th></tr></thead>
      <tbody><tr><td>Đang xử lý</td><td>12</td><td>40%</td></tr><tr><td>Đã trả kết quả</td><td>18</td><td>60%</td></tr></tbody></table>
      <table><tr><th>T2</th><th>T3</th><th>T4</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>`);
    expect(noticeOf(stats)).toBeNull();
    // The demo portal's home page: a status count table headed "Số hồ sơ", whose rows are all refused.
    const home = loadDoc(readFileSync(join(import.meta.dirname, '../demo/pages/home.html'), 'utf8'));
    expect(findRecordTables(home, ctx).length).toBeGreaterThan(0);
    expect(noticeOf(home, 7)).toBeNull();
    const read = loadPage('dept-abbr.html');
    expect(diagnosePage(read, ctx, findRecordTables(read, ctx), 0, 7)).toBeNull();
  });
});

describe('Lưu mẫu trang', () => {
  it('masks names, ID numbers, phones, e-mails and labelled addresses in free text', () => {
    const t = maskText('Người nộp: Nguyễn Văn Bình; CCCD 001099012345, ĐT 0912 345 678, binh.nv@mail.vn, Địa chỉ: 12 Lê Lợi');
    for (const s of ['Nguyễn Văn Bình', '001099012345', '0912 345 678', 'binh.nv@mail.vn', '12 Lê Lợi']) expect(t).not.toContain(s);
    expect(maskText('Ông NGUYỄN VĂN AN nộp hồ sơ')).not.toContain('NGUYỄN VĂN AN');
    // Codes, dates and procedure names stay readable.
    expect(maskText('000.00.13.H37-230615-0007 ngày 15/06/2023')).toBe('000.00.13.H37-230615-0007 ngày 15/06/2023');
    expect(maskText('Trạng thái hồ sơ: Đã trả kết quả')).toBe('Trạng thái hồ sơ: Đã trả kết quả');
  });
  it('keeps structure, classes and headers, at most 20 rows, no scripts, links without their query', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr class="r"><td><a href="/ho-so?id=${i}&cccd=001099012345">000.00.13.H37-230101-${String(i).padStart(4, '0')}</a></td><td>Trần Thị Hạnh</td><td onclick="x()">Đang xử lý</td></tr>`).join('');
    const doc = loadDoc(`<div class="wrap"><table class="grid" id="t"><thead><tr><th>Mã hồ sơ</th><th>Chủ hồ sơ</th><th>Trạng thái</th></tr></thead><tbody>${rows}</tbody></table></div><script>alert(1)</script>`);
    const { html, tables } = samplePage(doc, 'https://motcua.langson.gov.vn/ds?cccd=001099012345');
    expect(tables).toBe(1);
    expect(html).toContain('<div class="wrap"><table class="grid" id="t">');
    expect(html).toContain('<th>Chủ hồ sơ</th>');
    expect((html.match(/<tr class="r">/gu) ?? []).length).toBe(20);
    expect(html).toContain('href="/ho-so"');
    for (const s of ['Trần Thị Hạnh', '001099012345', 'onclick', '<script', 'alert(1)']) expect(html).not.toContain(s);
  });
  it('the antd packed applicant cell of a saved page leaves no name, phone or address', () => {
    const doc = loadPage('grouped-dx-jq-antd.html');
    const { html } = samplePage(doc, 'https://x.gov.vn/');
    expect(html).toContain('dx-group-row');
    expect(html).toContain('Đơn vị: Chi cục TĐC (2)');
  });
});
