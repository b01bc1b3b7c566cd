/**
 * Page-level lookups skip the items of long lists: a 10,000-row list is most of the
 * document, and its items are records, never the page's filters or headings.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../utils/extract/index';
import { LONG_LIST, queryOutsideLongLists } from '../../utils/extract/outside-lists';
import { ctx, loadDoc } from './load';

const items = (n: number, html: (i: number) => string) => Array.from({ length: n }, (_, i) => html(i)).join('');

describe('queryOutsideLongLists', () => {
  it('matches in document order, the long list itself included, never inside its items, up to the limit', () => {
    const doc = loadDoc(`<h1 id="a">A</h1><div id="wrap"><h2 id="b">B</h2><ul id="long">${items(LONG_LIST, (i) => `<li><h3>item ${i}</h3></li>`)}</ul></div>
      <ul id="short">${items(LONG_LIST - 1, (i) => `<li><h3 id="s${i}">short ${i}</h3></li>`)}</ul><h2 id="c">C</h2>`);
    const ids = (els: Element[]) => els.map((e) => e.id);
    expect(ids(queryOutsideLongLists(doc.documentElement, 'h1, h2, #long'))).toEqual(['a', 'b', 'long', 'c']);
    const headings = queryOutsideLongLists(doc.documentElement, 'h1, h2, h3');
    expect(headings).toHaveLength(3 + LONG_LIST - 1);
    expect(ids(headings.slice(0, 4))).toEqual(['a', 'b', 's0', 's1']);
    expect(ids(queryOutsideLongLists(doc.documentElement, 'h1, h2, h3', 3))).toEqual(['a', 'b', 's0']);
  });
});

describe('the page department', () => {
  it('comes from the page’s heading, not from the headings of a long list’s items before it', () => {
    const doc = loadDoc(`<ul class="news">${items(LONG_LIST, (i) => `<li><h3>Đơn vị: Thanh tra Sở</h3><p>Tin ${i}</p></li>`)}</ul>
      <h2>Danh sách hồ sơ — Đơn vị: Phòng Quản lý khoa học</h2>
      <table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Trạng thái</th></tr></thead>
      <tbody><tr><td>000.00.13.H37-230601-0001</td><td>Cấp Giấy chứng nhận</td><td>Đang xử lý</td></tr></tbody></table>`);
    const { records } = extractPage(doc, ctx);
    expect(records.map((r) => r.department)).toEqual(['Phòng Quản lý khoa học']);
  });
});
