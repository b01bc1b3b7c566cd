/**
 * Pager wording and structure as data: what a pager container looks like, what a "next"
 * control says or shows, what a load-more button says, and the words of controls a walk
 * must never activate. Texts are compared as matchKey()s (folded, punctuation as spaces),
 * except the arrow symbols, which are compared as written.
 */

/** Containers of a list's pager (framework classes and ARIA). */
export const PAGER_CONTAINERS = [
  '.pagination', '.ant-pagination', 'mat-paginator', '.mat-paginator', '.mat-mdc-paginator', '.v-pagination',
  '.k-pager-wrap', '.k-pager', '.rgPager', '.dataTables_paginate', '.dx-pager', '.el-pagination', '.p-paginator',
  '.ui-jqgrid-pager', '.ui-pg-table',
  '.pager', '.paging', '.pagination-container', '.page-navigation', 'nav', '[role="navigation"]', 'tr.pgr', 'tr.pager',
].join(',');

/** Next-page wordings of a control's text, aria-label or title. */
export const NEXT_WORDS: readonly string[] = [
  'sau', 'trang sau', 'tiep', 'tiep theo', 'trang tiep', 'trang tiep theo', 'trang ke', 'trang ke tiep', 'ke tiep',
  'next', 'next page', 'go to next page', 'siguiente',
];
/** Arrow glyphs that mean "next" (compared on the trimmed text). */
export const NEXT_SYMBOLS: readonly string[] = ['›', '>', '→', '⟩', '❯', '▶', '►', '>>', '»'];
/** "»" is "last page" on some pagers: used only when nothing better is found. */
export const WEAK_NEXT_SYMBOLS: readonly string[] = ['»', '>>'];

/** Words of "last page" and "previous" controls: never taken for next. */
export const NOT_NEXT_WORDS: readonly string[] = ['cuoi', 'trang cuoi', 'last', 'last page', 'truoc', 'trang truoc', 'dau', 'trang dau', 'previous', 'prev', 'first'];

/** Icon-only next controls: ligature texts, icon classes, framework button classes. */
export const NEXT_ICON_LIGATURES: readonly string[] = ['chevron_right', 'navigate_next', 'keyboard_arrow_right', 'arrow_forward_ios', 'arrow_right'];
export const NEXT_CLASS_PATTERNS: readonly RegExp[] = [
  /(?:^|\s)anticon-right(?:\s|$)/u, /(?:^|\s)fa-(?:chevron|angle|caret|arrow)-right(?:\s|$)/u, /(?:^|\s)(?:bi|glyphicon|icon|mdi|ti|la)-(?:chevron|arrow|caret)-right/u,
  /(?:^|\s)k-i-arrow-(?:e|60-right)(?:\s|$)/u, /(?:^|\s)ant-pagination-next(?:\s|$)/u, /mat-(?:mdc-)?paginator-navigation-next/u,
  /(?:^|\s)(?:paginate_button\s+)?next(?:\s|$)/u, /(?:^|\s)page-next(?:\s|$)/u, /(?:^|\s)rgPageNext(?:\s|$)/u, /(?:^|\s)k-pager-next/u,
  // PrimeNG, Element UI, jqGrid
  /(?:^|\s)p-paginator-next(?:\s|$)/u, /(?:^|\s)pi-(?:angle|chevron|arrow)-right(?:\s|$)/u, /(?:^|\s)btn-next(?:\s|$)/u,
  /(?:^|\s)el-icon-arrow-right(?:\s|$)/u, /(?:^|\s)ui-icon-(?:seek-next|triangle-1-e|carat-1-e)(?:\s|$)/u,
];
export const NOT_NEXT_CLASS_PATTERNS: readonly RegExp[] = [/last|prev|first|double-right|angle-double|chevron-double|k-pager-last/u];

/** Load-more buttons. */
export const LOAD_MORE_WORDS: readonly string[] = ['xem them', 'tai them', 'hien thi them', 'xem tiep', 'load more', 'show more', 'more'];

/** Current page markers in numbered pagers. */
export const CURRENT_ITEM = [
  '[aria-current="page"]', '[aria-current="true"]', '.active', '.current', '.selected', '.ant-pagination-item-active',
  '.v-pagination__item--active', '.k-state-selected', '.k-selected', '.rgCurrentPage', '.paginate_button.current',
].join(',');

/**
 * Words of controls a walk never activates, whatever else they say: row actions and
 * anything that changes data or sends something.
 */
export const UNSAFE_WORDS: readonly string[] = [
  'xoa', 'huy', 'tra ket qua', 'tu choi', 'ky', 'ky so', 'gui', 'luu', 'duyet', 'phe duyet', 'tiep nhan', 'dong bo',
  'thu hoi', 'sua', 'cap nhat', 'delete', 'remove', 'cancel', 'reject', 'sign', 'send', 'submit', 'save', 'approve',
];

/** Page-size options (as matchKey()s): "200 bản ghi", "100 / trang", "50", "Hiển thị 100". */
export const PAGE_SIZE_OPTION = /^(?:hien thi )?(\d{1,5})(?: (?:ban ghi|ho so|dong|muc|items?|rows?|records?))?(?: (?:trang|tren trang|moi trang|per page|page))?$/u;

/** Query/hash parameters that page a list (dropped from a list's identity). */
export const PAGING_PARAMS: readonly string[] = [
  'page', 'p', 'pg', 'trang', 'pageindex', 'page_index', 'pagenumber', 'page_number', 'pageno', 'pagenum', 'currentpage',
  'current_page', 'offset', 'start', 'skip', 'from', 'size', 'pagesize', 'page_size', 'per_page', 'perpage', 'limit', 'rows',
  'length', 'take', 'sotrang', 'sodong', '_', 'v', 't', 'ts',
];
/** Parameters that may carry what a clerk typed or a person's details: never part of a stored list address. */
export const PERSONAL_PARAMS = /(?:ten|name|chu|hoten|cmnd|cccd|cmt|dinhdanh|phone|sdt|dienthoai|email|mail|diachi|address|keyword|tukhoa|search|query|^q$|^s$|token|session|sid|code|mahoso|ma_ho_so)/u;
