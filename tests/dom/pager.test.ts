/**
 * Pager detection over varied markup (no site selectors): which control a walk would
 * press, whether it is disabled, and that row actions or menus are never taken.
 */
import { describe, expect, it } from 'vitest';
import { findNext, findTurn, isUnsafe, largestPageSize, pagerCurrent } from '../../utils/crawl/pager';
import { findStatedTotal } from '../../utils/crawl/totals';
import { activeFilters, listHeading } from '../../utils/crawl/list-id';
import { loadDoc } from './load';

const TABLE = `<table id="t"><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Thao tác</th></tr></thead>
<tbody><tr><td>000.00.13.H37-230601-0001</td><td>Cấp giấy phép</td><td><a href="#" id="del">Xóa</a> <button id="ret">Trả kết quả</button> <a href="#" id="rowsau">Sau</a></td></tr></tbody></table>`;

function next(html: string) {
  const doc = loadDoc(`<nav class="side-menu"><ul><li class="active"><a href="/">Trang chủ</a></li><li><a href="/tiep-nhan">Tiếp nhận hồ sơ</a></li></ul></nav><main><h2>Danh sách hồ sơ</h2>${TABLE}${html}</main>`);
  const root = doc.getElementById('t')!;
  return { doc, root, found: findNext(root) };
}

describe('next control', () => {
  it.each([
    ['Bootstrap "Sau"', '<ul class="pagination"><li><a href="#">Trước</a></li><li class="active"><a>1</a></li><li><a href="#">2</a></li><li><a id="n" href="#">Sau</a></li></ul>'],
    ['"Trang sau" button', '<div class="pager"><button>Trang trước</button><button id="n">Trang sau</button></div>'],
    ['"Tiếp theo" DataTables', '<div class="dataTables_paginate"><a class="paginate_button previous">Trước</a><a class="paginate_button next" id="n">Tiếp theo</a></div>'],
    ['rel=next', '<nav aria-label="Phân trang"><a href="?page=1">1</a><span aria-current="page">2</span><a id="n" rel="next" href="?page=3">›</a></nav>'],
    ['"›" symbol', '<ul class="pagination"><li><a href="#">‹</a></li><li><a href="#" id="n">›</a></li><li><a href="#">»</a></li></ul>'],
    ['mat-paginator aria-label', '<mat-paginator><button class="mat-mdc-paginator-navigation-previous" aria-label="Previous page"></button><button id="n" class="mat-mdc-paginator-navigation-next" aria-label="Next page"><svg></svg></button></mat-paginator>'],
    ['Vuetify ligature, first/last icons present', '<ul class="v-pagination"><li><button><i class="material-icons">first_page</i></button></li><li><button><i class="material-icons">chevron_left</i></button></li><li><button class="v-pagination__item v-pagination__item--active">1</button></li><li><button id="n"><i class="material-icons">chevron_right</i></button></li><li><button><i class="material-icons">last_page</i></button></li></ul>'],
    ['Ant Design anticon-right', '<ul class="ant-pagination"><li class="ant-pagination-prev"><button><span class="anticon anticon-left"></span></button></li><li class="ant-pagination-item ant-pagination-item-active"><a>1</a></li><li class="ant-pagination-next"><button id="n"><span class="anticon anticon-right"></span></button></li></ul>'],
    ['Font Awesome chevron', '<div class="paging"><a href="#"><i class="fa fa-angle-double-right"></i></a><a href="#" id="n"><i class="fa fa-chevron-right"></i></a></div>'],
    ['Telerik title', '<div class="k-pager-wrap"><a class="k-link" title="Go to the previous page"><span class="k-icon k-i-arrow-w"></span></a><a id="n" class="k-link" title="Go to the next page"><span class="k-icon k-i-arrow-e"></span></a></div>'],
    ['numbered item after the current one only', '<div class="pagination"><a href="#">1</a><a href="#" class="current">2</a><a href="#" id="n">3</a><a href="#">4</a></div>'],
    ['PrimeNG', '<div class="p-paginator"><button class="p-paginator-first"><span class="p-paginator-icon pi pi-angle-double-left"></span></button><button class="p-paginator-prev"><span class="pi pi-angle-left"></span></button><span class="p-paginator-pages"><button class="p-paginator-page p-highlight">1</button><button class="p-paginator-page">2</button></span><button id="n" class="p-paginator-next"><span class="p-paginator-icon pi pi-angle-right"></span></button><button class="p-paginator-last"><span class="pi pi-angle-double-right"></span></button></div>'],
    ['Element UI', '<div class="el-pagination"><button class="btn-prev" disabled><i class="el-icon el-icon-arrow-left"></i></button><ul class="el-pager"><li class="number active">1</li><li class="number">2</li></ul><button id="n" class="btn-next"><i class="el-icon el-icon-arrow-right"></i></button></div>'],
    ['jqGrid', '<div class="ui-pg-table"><table><tr><td class="ui-pg-button" id="first_p"><span class="ui-icon ui-icon-seek-first"></span></td><td class="ui-pg-button" id="prev_p"><span class="ui-icon ui-icon-seek-prev"></span></td><td id="n" class="ui-pg-button"><span class="ui-icon ui-icon-seek-next"></span></td><td class="ui-pg-button"><span class="ui-icon ui-icon-seek-end"></span></td></tr></table></div>'],
    ['DevExtreme', '<div class="dx-pager"><div class="dx-pages"><div class="dx-navigate-button dx-prev-button"></div><div class="dx-page dx-selection">1</div><div class="dx-page">2</div><div id="n" class="dx-navigate-button dx-next-button" role="button" aria-label="Next page"></div></div></div>'],
    ['Trang kế', '<div class="paging"><a href="?p=1">Trang đầu</a> <a href="?p=2" id="n">Trang kế</a> <a href="?p=9">Trang cuối</a></div>'],
    ['Kế tiếp', '<div class="paging"><a href="?p=1">Trước</a> <a href="?p=2" id="n">Kế tiếp</a></div>'],
    ['Trang sau »', '<div class="paging"><a href="?p=1">« Trang trước</a> <a href="?p=2" id="n">Trang sau »</a></div>'],
    ['> only', '<ul class="pagination"><li><a href="#">&lt;</a></li><li class="active"><a href="#">1</a></li><li><a href="#">2</a></li><li><a href="#" id="n">&gt;</a></li><li><a href="#">&gt;&gt;</a></li></ul>'],
    ['bootstrap-icons', '<nav><ul class="pagination"><li class="page-item"><a class="page-link" href="#"><i class="bi bi-chevron-left"></i></a></li><li class="page-item active"><a class="page-link" href="#">1</a></li><li class="page-item"><a class="page-link" id="n" href="#"><i class="bi bi-chevron-right"></i></a></li></ul></nav>'],
    ['aria-label Trang tiếp theo', '<nav aria-label="Phân trang"><a href="#" aria-label="Trang trước">‹</a><a href="#" id="n" aria-label="Trang tiếp theo">›</a></nav>'],
    ['svg title', '<div class="pager"><button aria-label="Trang trước"><svg><title>Trước</title></svg></button><button id="n" aria-label="Trang sau"><svg></svg></button></div>'],
    ['MUI', '<div class="MuiTablePagination-root"><p class="MuiTablePagination-displayedRows">1–10 of 57</p><div class="MuiTablePagination-actions"><button class="MuiIconButton-root" aria-label="Go to previous page" title="Go to previous page" disabled><svg data-testid="KeyboardArrowLeftIcon"></svg></button><button id="n" class="MuiIconButton-root" aria-label="Go to next page" title="Go to next page"><svg data-testid="KeyboardArrowRightIcon"></svg></button></div></div>'],
  ])('%s', (_name, pager) => {
    const { doc, found } = next(pager);
    expect(found?.control).toBe(doc.getElementById('n'));
    expect(found?.disabled).toBe(false);
  });

  it.each([
    ['the disabled attribute', '<div class="pager"><button id="n" disabled>Sau</button></div>'],
    ['aria-disabled', '<div class="pager"><a id="n" aria-disabled="true">Sau</a></div>'],
    ['a disabled class on its item', '<ul class="pagination"><li class="page-item disabled"><a id="n">Sau</a></li></ul>'],
    ['inside .disabled', '<ul class="pagination"><li class="disabled"><span><a id="n">Sau</a></span></li></ul>'],
    ['a --disabled modifier', '<ul class="v-pagination"><li><button id="n" class="v-pagination__navigation v-pagination__navigation--disabled"><i class="material-icons">chevron_right</i></button></li></ul>'],
  ])('disabled by %s', (_name, pager) => {
    const { doc, found } = next(pager);
    expect(found?.control).toBe(doc.getElementById('n'));
    expect(found?.disabled).toBe(true);
  });

  it('a list without a pager has no next control (the site menu and row actions are never taken)', () => {
    const { found, root } = next('');
    expect(found).toBeNull();
    expect(findTurn(root)).toBeNull();
  });

  it('the GridView pager row inside the table is found; record rows are not', () => {
    const doc = loadDoc(`<table id="t"><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr><tr><td>000.00.13.H37-230601-0001</td><td>Cấp phép <a href="#">Sau</a></td></tr>
      <tr class="pgr"><td colspan="2"><table><tr><td><span>1</span></td><td><a href="javascript:__doPostBack('gv','Page$2')">2</a></td><td><a id="n" href="javascript:__doPostBack('gv','Page$Next')">Sau</a></td></tr></table></td></tr></table>`);
    const root = doc.getElementById('t')!;
    expect(findNext(root)?.control).toBe(doc.getElementById('n'));
    expect(pagerCurrent(root)).toBe(1);
  });

  it('never names a dangerous control as next', () => {
    const { doc, found } = next('<div class="pager"><button>Lưu</button><button title="Xóa tất cả">›</button><a id="n" href="#">Sau</a></div>');
    expect(found?.control).toBe(doc.getElementById('n'));
    for (const id of ['del', 'ret']) expect(isUnsafe(doc.getElementById(id)!)).toBe(true);
    expect(isUnsafe(doc.getElementById('n')!)).toBe(false);
  });

  it('load-more buttons and page-size selects', () => {
    const { doc, root } = next('<div class="more"><button id="m">Xem thêm</button></div><select id="s"><option value="20">20 bản ghi</option><option value="200">200 bản ghi</option><option value="100">100 / trang</option></select>');
    const turn = findTurn(root);
    expect(turn?.kind).toBe('more');
    expect(turn && turn.kind === 'more' ? turn.control : null).toBe(doc.getElementById('m'));
    expect(largestPageSize(root)).toEqual({ select: doc.getElementById('s'), value: '200' });
  });
});

describe('list context near the table', () => {
  it('stated total from a split text, heading, filter values', () => {
    const doc = loadDoc(`<h1>Cổng</h1><form><select id="dv"><option value="">-- Tất cả --</option><option value="1" selected>Phòng Quản lý khoa học</option></select>
      <select><option>10 bản ghi</option><option selected>50 bản ghi</option></select></form>
      <div class="card"><h2>Danh sách hồ sơ đã tiếp nhận</h2><div class="toolbar">Hiển thị <b>1</b> - <b>25</b> / <b>1.284</b> kết quả</div>${TABLE}</div>`);
    const root = doc.getElementById('t')!;
    expect(findStatedTotal(root)).toBe(1284);
    expect(listHeading(doc, root)).toBe('Danh sách hồ sơ đã tiếp nhận');
    expect(activeFilters(doc, root)).toEqual(['Phòng Quản lý khoa học']);
  });

  it('a short last row is read alone, never grown into the record rows above it', () => {
    // The row group's text is short enough to be a phrase and states "tổng 6" (a procedure's
    // name): growing from the last row into it would read a total from inside the records.
    const doc = loadDoc(`<div><table id="t"><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody>
      <tr><td>000.00.13.H37-230101-0001</td><td>Báo cáo tổng 6 tháng</td></tr>
      <tr><td>000.00.13.H37-230101-0002</td><td>Cấp phép</td></tr></tbody></table></div>`);
    expect(findStatedTotal(doc.getElementById('t')!)).toBeNull();
  });

  it('no total printed: null (the STT and code digits in rows are not totals)', () => {
    const doc = loadDoc(`<div>${TABLE}</div>`);
    expect(findStatedTotal(doc.getElementById('t')!)).toBeNull();
  });
});
