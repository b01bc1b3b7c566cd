/**
 * `/bench/large?rows=N`: a large Angular-Material-like dossier list rendered on the
 * server, for load tests. The data is invented and deterministic: row i always gives the
 * same dossier, and every code in one page is distinct.
 */
import { BENCH_DEFAULT_ROWS, BENCH_MAX_ROWS } from './routes';

const PROCEDURES: { name: string; dept: string }[] = [
  { name: 'Thủ tục cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ', dept: 'Phòng Quản lý khoa học' },
  { name: 'Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ', dept: 'Phòng Quản lý khoa học' },
  { name: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước', dept: 'Phòng QLKH' },
  { name: 'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ', dept: 'Phòng Quản lý công nghệ và chuyên ngành' },
  { name: 'Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế', dept: 'Phòng QLCN&CN' },
  { name: 'Cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế', dept: 'Phòng Quản lý công nghệ và chuyên ngành' },
  { name: 'Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu', dept: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' },
  { name: 'Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa sản xuất trong nước', dept: 'Chi cục TĐC' },
  { name: 'Thủ tục cấp đăng ký hoạt động thử nghiệm chất lượng sản phẩm, hàng hóa', dept: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' },
];

const FAMILY = ['Nguyễn', 'Hoàng', 'Lăng', 'Nông', 'Vi', 'Chu', 'Lương', 'Hà', 'Triệu', 'Mã'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thu', 'Minh', 'Quang'];
const GIVEN = ['An', 'Bình', 'Chiến', 'Dung', 'Giang', 'Hạnh', 'Khánh', 'Loan', 'Phúc', 'Thảo', 'Vinh'];

const STATUSES: { text: string; done: boolean }[] = [
  { text: 'Đã trả kết quả', done: true },
  { text: 'Đã trả kết quả', done: true },
  { text: 'Đã có kết quả', done: true },
  { text: 'Đang xử lý', done: false },
  { text: 'Chờ bổ sung', done: false },
  { text: 'Đã trả kết quả', done: true },
  { text: 'Từ chối tiếp nhận', done: false },
];

/** 2018-01-01 .. 2023-12-31: 2191 days. */
const BASE_DAY = Date.UTC(2018, 0, 1) / 86_400_000;
const SPAN_DAYS = 2191;

/** A small deterministic generator (mulberry32) so the page is the same on every request. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function ymd(dayNumber: number): { y: number; m: number; d: number } {
  const dt = new Date(dayNumber * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const dmy = (dayNumber: number): string => {
  const { y, m, d } = ymd(dayNumber);
  return `${p2(d)}/${p2(m)}/${y}`;
};

export function benchRowCount(param: string | null): number {
  const n = param === null || param === '' ? BENCH_DEFAULT_ROWS : Number.parseInt(param, 10);
  if (!Number.isFinite(n) || n < 0) return BENCH_DEFAULT_ROWS;
  return Math.min(n, BENCH_MAX_ROWS);
}

const ATTR = '_ngcontent-ng-c4127';
function cell(col: string, inner: string): string {
  return `<td ${ATTR} mat-cell class="mat-mdc-cell mdc-data-table__cell cdk-cell cdk-column-${col} mat-column-${col}" role="cell">${inner}</td>`;
}
function head(col: string, label: string): string {
  return `<th ${ATTR} mat-header-cell class="mat-mdc-header-cell mdc-data-table__header-cell cdk-header-cell cdk-column-${col} mat-column-${col}" role="columnheader">${label}</th>`;
}

/** The full HTML of the bench page with `rows` dossier rows. */
export function renderBenchPage(rows: number): string {
  const rnd = mulberry32(20230630);
  const parts: string[] = [];
  for (let i = 0; i < rows; i++) {
    // (i mod SPAN, i div SPAN) determines i, and 3 is prime to SPAN: codes never repeat.
    const day = BASE_DAY + ((i * 3) % SPAN_DAYS);
    const seq = Math.floor(i / SPAN_DAYS) + 1;
    const { y, m, d } = ymd(day);
    const code = `000.00.13.H37-${p2(y % 100)}${p2(m)}${p2(d)}-${String(seq).padStart(4, '0')}`;
    const proc = PROCEDURES[Math.floor(rnd() * PROCEDURES.length)]!;
    const who = `${FAMILY[Math.floor(rnd() * FAMILY.length)]} ${MIDDLE[Math.floor(rnd() * MIDDLE.length)]} ${GIVEN[Math.floor(rnd() * GIVEN.length)]}`;
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const due = day + 10 + Math.floor(rnd() * 15);
    const resolved = status.done ? day + 5 + Math.floor(rnd() * 20) : null;
    const r = rnd();
    const chip = !status.done
      ? ''
      : r < 0.6
        ? '<span class="chip ok">Đã số hóa</span>'
        : r < 0.9
          ? '<span class="chip no">Chưa số hóa</span>'
          : '';
    parts.push(
      `<tr ${ATTR} mat-row class="mat-mdc-row mdc-data-table__row cdk-row" role="row">` +
        cell('index', String(i + 1)) +
        cell('code', `<a ${ATTR} class="code-link" href="/vi/dossier/${escapeHtml(code)}">${escapeHtml(code)}</a>`) +
        cell('procedureName', escapeHtml(proc.name)) +
        cell('applicant', escapeHtml(who)) +
        cell('acceptedDate', `${dmy(day)} 08:${p2(i % 60)}`) +
        cell('appointmentDate', dmy(due)) +
        cell('completedDate', resolved === null ? '' : dmy(resolved)) +
        cell('status', `<span class="status">${escapeHtml(status.text)}</span>`) +
        cell('agency', escapeHtml(proc.dept)) +
        cell('digitized', chip) +
        '</tr><!--container-->\n',
    );
  }
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Tra cứu hồ sơ (${rows} dòng) - Hệ thống thông tin giải quyết TTHC tỉnh Lạng Sơn</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;margin:0;font-size:13px;background:#fafafa;color:#212121}
.topbar{background:#c62828;color:#fff;padding:10px 18px;font-weight:bold}
main{padding:12px 18px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e0e0e0;padding:4px 6px;text-align:left}
.chip{padding:1px 7px;border-radius:9px;font-size:12px}.chip.ok{background:#e8f5e9;color:#1b5e20}.chip.no{background:#fff3e0;color:#e65100}
</style>
</head>
<body>
<div class="topbar">Hệ thống thông tin giải quyết TTHC tỉnh Lạng Sơn — Tra cứu hồ sơ</div>
<main>
<p class="range-label">Hiển thị ${rows} hồ sơ (dữ liệu mẫu hư cấu để đo tải)</p>
<table ${ATTR} mat-table class="mat-mdc-table mdc-data-table__table cdk-table" role="table">
<thead role="rowgroup"><tr ${ATTR} mat-header-row class="mat-mdc-header-row mdc-data-table__header-row cdk-header-row" role="row">${head('index', 'STT')}${head('code', 'Mã hồ sơ')}${head('procedureName', 'Tên thủ tục')}${head('applicant', 'Chủ hồ sơ')}${head('acceptedDate', 'Ngày tiếp nhận')}${head('appointmentDate', 'Ngày hẹn trả')}${head('completedDate', 'Ngày có kết quả')}${head('status', 'Trạng thái')}${head('agency', 'Đơn vị xử lý')}${head('digitized', 'Số hóa kết quả')}</tr></thead>
<tbody class="mdc-data-table__content" role="rowgroup">
${parts.join('')}</tbody>
</table>
</main>
</body>
</html>
`;
}
