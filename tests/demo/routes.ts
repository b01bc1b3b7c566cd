/**
 * The demo portal: which page answers which URL path, and what each page is for.
 *
 * Routing is by path only (query string and hash ignored); every portal host serves
 * every path, so a page can be opened at any of PORTAL_HOSTS. `DEMO_PAGES[].host` is the
 * address a page pretends to live at, and `path` is what to open there (it may carry a
 * query string or a `#/route` hash that the page's own script reads).
 */

export type DemoInteraction = 'none' | 'paginate' | 'scroll' | 'hash';

export interface DemoPage {
  /** Path (plus query/hash when the page needs one) to open on `host`. */
  path: string;
  host: string;
  title: string;
  /**
   * What a user does on the page before all its records are on screen:
   * - none: everything is in the DOM after load (scripted pages render within ~0.5 s);
   * - paginate: click the button named "Trang sau" until it is disabled;
   * - scroll: scroll the grid's viewport (`#kq-viewport`) to the bottom in steps;
   * - hash: visit every tab link (`a[href^="#/"]` in `nav.route-tabs`).
   */
  interaction: DemoInteraction;
  /** Distinct records the extension must store after the interaction (this page alone). */
  expectedRecords: number;
  /** Canonical department names the page's records resolve to. */
  departments: string[];
}

export const DEPT_QLKH = 'Phòng Quản lý khoa học';
export const DEPT_QLCN = 'Phòng Quản lý công nghệ và chuyên ngành';
export const DEPT_TDC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';

/** URL path → file in demo/pages/. Trailing slashes are ignored, except for "/". */
export const ROUTES: Readonly<Record<string, string>> = {
  '/': 'home.html',
  '/index.html': 'home.html',
  '/vi/dossier/search': 'igate-dossier-search.html',
  '/Portal/KetQua/DanhSach': 'bootstrap-results.html',
  '/app/ho-so/dang-xu-ly': 'spa-paged-dossiers.html',
  '/kho-ket-qua/so-hoa': 'virtual-grid-results.html',
  '/tiep-nhan': 'hash-routed-dossiers.html',
  '/p/home/dvc-tra-cuu-ho-so.html': 'dvcqg-lookup.html',
  '/bao-cao/tong-hop-linh-vuc': 'report-and-calendar.html',
  '/kho-ket-qua/dong-bo': 'sync-log-results.html',
  '/so-theo-doi/phieu-tiep-nhan': 'unread-receipts.html',
};

/** Generated page: an Angular-Material-like dossier table with `?rows=N` rows (N ≤ BENCH_MAX_ROWS). */
export const BENCH_PATH = '/bench/large';
export const BENCH_MAX_ROWS = 20000;
export const BENCH_DEFAULT_ROWS = 1000;

/** The file serving `pathname`, or undefined. Lookup is exact on the path, trailing slash ignored. */
export function routeFile(pathname: string): string | undefined {
  const p = pathname.length > 1 ? pathname.replace(/\/+$/u, '') : pathname;
  return Object.hasOwn(ROUTES, p) ? ROUTES[p] : undefined;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    path: '/',
    host: 'motcua.langson.gov.vn',
    title: 'Trang chủ cổng một cửa (bảng "Thống kê hồ sơ theo trạng thái", thẻ số liệu, menu)',
    interaction: 'none',
    expectedRecords: 0,
    departments: [],
  },
  {
    path: '/vi/dossier/search',
    host: 'motcua.langson.gov.vn',
    title: 'iGate: Tra cứu hồ sơ (mat-table, bộ lọc "Đơn vị xử lý", chip số hóa, cột chủ hồ sơ)',
    interaction: 'none',
    expectedRecords: 15,
    departments: [DEPT_QLKH],
  },
  {
    path: '/Portal/KetQua/DanhSach',
    host: 'dichvucong.langson.gov.vn',
    title: 'Bootstrap: Danh sách kết quả (số ký hiệu, hiệu lực, đơn vị viết tắt, file kết quả)',
    interaction: 'none',
    expectedRecords: 15,
    departments: [DEPT_QLKH, DEPT_QLCN, DEPT_TDC],
  },
  {
    path: '/app/ho-so/dang-xu-ly',
    host: 'motcua.langson.gov.vn',
    title: 'SPA: Hồ sơ đang xử lý (vẽ sau spinner, "Trang sau" tại chỗ, 3 trang × 8)',
    interaction: 'paginate',
    expectedRecords: 24,
    departments: [DEPT_QLKH, DEPT_QLCN, DEPT_TDC],
  },
  {
    path: '/kho-ket-qua/so-hoa',
    host: 'motcua.langson.gov.vn',
    title: 'Kho kết quả số hóa (lưới ARIA cuộn ảo, 60 dòng, ~12 phần tử dòng tái sử dụng)',
    interaction: 'scroll',
    expectedRecords: 60,
    departments: [DEPT_QLKH, DEPT_QLCN, DEPT_TDC],
  },
  {
    path: '/tiep-nhan/#/cho-tiep-nhan',
    host: 'motcua.langson.gov.vn',
    title: 'SPA định tuyến bằng hash (#/cho-tiep-nhan, #/da-tra-ket-qua; 2 × 6 hồ sơ)',
    interaction: 'hash',
    expectedRecords: 12,
    departments: [DEPT_QLKH, DEPT_QLCN, DEPT_TDC],
  },
  {
    path: '/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.13.H37-220316-0018',
    host: 'dichvucong.gov.vn',
    title: 'Cổng DVC quốc gia: tra cứu một hồ sơ (bảng nhãn/giá trị, đơn vị theo lĩnh vực)',
    interaction: 'none',
    expectedRecords: 1,
    departments: [DEPT_QLCN],
  },
  {
    path: '/bao-cao/tong-hop-linh-vuc',
    host: 'motcua.langson.gov.vn',
    title: 'Báo cáo "Tổng hợp theo lĩnh vực" và lịch làm việc (không có khóa hồ sơ)',
    interaction: 'none',
    expectedRecords: 0,
    departments: [],
  },
  {
    path: '/kho-ket-qua/dong-bo',
    host: 'motcua.langson.gov.vn',
    title: 'Kho kết quả: trạng thái đồng bộ kho (Đã đồng bộ / Thành công / Thất bại / Chưa đồng bộ), 2 chưa rõ số hóa',
    interaction: 'none',
    expectedRecords: 8,
    departments: [DEPT_TDC],
  },
  {
    path: '/so-theo-doi/phieu-tiep-nhan',
    host: 'motcua.langson.gov.vn',
    title: 'Sổ phiếu tiếp nhận: bảng chưa đọc được (cột "Số phiếu"; huy hiệu "?", "Ánh xạ cột", "Lưu mẫu trang")',
    interaction: 'none',
    expectedRecords: 0,
    departments: [],
  },
];

/**
 * Distinct records after visiting every demo page (pages share no record key: the five
 * results on the Bootstrap page that carry dossier codes from the iGate page are
 * `result` records, distinct from the `dossier` records, though the tally counts each
 * such pair as one result).
 */
export const DEMO_TOTAL_RECORDS = DEMO_PAGES.reduce((n, p) => n + p.expectedRecords, 0);

/** Fault-test pages in tests/e2e/pages/ (serve with extraRoots `{ prefix: E2E_PREFIX, dir }`); details in its README.md. */
export const E2E_PREFIX = '/e2e/';
export const E2E_PAGES: { file: string; expectedRecords: number; note: string }[] = [
  { file: 'hostile.html', expectedRecords: 11, note: '14 body rows: 11 valid, 1 duplicate of #h1, 1 colspan filler, 1 without code; payloads are text' },
  { file: 'status-before.html', expectedRecords: 5, note: 'status "Đang xử lý", has Ngày hẹn trả and Trạng thái số hóa' },
  { file: 'status-after.html', expectedRecords: 5, note: 'same 5 codes, "Đã trả kết quả" with Ngày có kết quả, no digitization or due-date column' },
  { file: 'overlap-a.html', expectedRecords: 20, note: 'results 501–520' },
  { file: 'overlap-b.html', expectedRecords: 20, note: 'results 511–530 (with a: 30 distinct; 512 and 515 gain a file)' },
];
