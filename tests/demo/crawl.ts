/**
 * `/crawl/<slug>`: multi-page dossier lists for the page walk ("Đọc tất cả các trang"),
 * one per pager kind seen on real portals, with deterministic invented rows and the
 * portal's own total printed near the table. Client-rendered lists embed their data and
 * page in place (or by hash route); server-rendered ones answer `?page=N` links and an
 * ASP.NET-style postback form (POST with __EVENTTARGET/__EVENTARGUMENT). Every row carries
 * row actions ("Xóa", "Trả kết quả") that a walk must never press: pressing one is
 * counted in `window.__rowActions` (client lists) or by the server (`crawlActions`).
 */

export interface CrawlList {
  slug: string;
  title: string;
  /** Records in the list. */
  total: number;
  /** Default rows per page (`?size=N` overrides). */
  size: number;
  kind: 'numbered' | 'icons' | 'links' | 'postback' | 'more' | 'hash' | 'ticker';
  /** How the page prints its total (the walk must parse it). */
  totalText: (total: number, from: number, to: number, page: number, pages: number) => string;
}

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');

export const CRAWL_PREFIX = '/crawl/';
export const CRAWL_LISTS: CrawlList[] = [
  { slug: 'so-trang', title: 'Hồ sơ đã tiếp nhận (phân trang số, nút "Sau")', total: 37, size: 10, kind: 'numbered', totalText: (t, a, b) => `Hiển thị ${a} - ${b} / ${t} kết quả` },
  { slug: 'bieu-tuong', title: 'Kho giấy tờ số hóa (nút trang chỉ có biểu tượng)', total: 47, size: 10, kind: 'icons', totalText: (t) => `Tổng số ${t} bản ghi` },
  { slug: 'tai-trang', title: 'Hồ sơ theo đơn vị (mỗi trang tải lại, ?page=N)', total: 45, size: 15, kind: 'links', totalText: (t, a, b) => `${a}–${b} trên ${t}` },
  { slug: 'postback', title: 'Danh sách kết quả (ASP.NET, __doPostBack)', total: 36, size: 10, kind: 'postback', totalText: (t) => `Tổng số ${t} giấy tờ` },
  { slug: 'xem-them', title: 'Hồ sơ trực tuyến (nút "Xem thêm")', total: 30, size: 8, kind: 'more', totalText: (t) => `Có ${t} hồ sơ` },
  { slug: 'lon', title: 'Tất cả hồ sơ 2018–2023 (25 trang × 20, định tuyến hash)', total: 500, size: 20, kind: 'hash', totalText: (t, _a, _b, p, ps) => `Trang ${p}/${ps} — ${fmt(t)} hồ sơ` },
  { slug: 'ticker', title: 'Bảng điều hành (đồng hồ thay phần tử mỗi 100 ms)', total: 12, size: 12, kind: 'ticker', totalText: (t) => `Tổng số: ${fmt(t)} hồ sơ` },
];

/** The 50-page list of the walk benchmark: `/crawl/lon?n=1000&size=20`. */
export const BENCH_WALK = { slug: 'lon', records: 1000, size: 20 };

const DEPTS = ['Phòng Quản lý khoa học', 'Phòng Quản lý công nghệ và chuyên ngành', 'Chi cục Tiêu chuẩn Đo lường Chất lượng'];
const PROCS = [
  'Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ',
  'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ',
  'Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa sản xuất trong nước',
  'Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế',
];

export interface CrawlRow {
  code: string;
  procedure: string;
  received: string;
  due: string;
  status: string;
  dept: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Row i of list `slug`: the same on every request; codes distinct across lists. */
export function crawlRows(list: CrawlList, count = list.total): CrawlRow[] {
  const idx = CRAWL_LISTS.findIndex((l) => l.slug === list.slug);
  const rows: CrawlRow[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2018, 0, 3) + (i * 3 + idx * 7) * 86_400_000);
    const y = day.getUTCFullYear();
    const due = new Date(day.getTime() + 15 * 86_400_000);
    const done = i % 3 !== 2;
    rows.push({
      code: `000.00.13.H37-${p2(y % 100)}${p2(day.getUTCMonth() + 1)}${p2(day.getUTCDate())}-${String(idx + 1)}${String(i).padStart(4, '0')}`,
      procedure: PROCS[(i + idx) % PROCS.length]!,
      received: `${p2(day.getUTCDate())}/${p2(day.getUTCMonth() + 1)}/${y}`,
      due: `${p2(due.getUTCDate())}/${p2(due.getUTCMonth() + 1)}/${due.getUTCFullYear()}`,
      status: done ? 'Đã trả kết quả' : 'Đang xử lý',
      dept: DEPTS[i % DEPTS.length]!,
    });
  }
  return rows;
}

export function crawlList(slug: string): CrawlList | undefined {
  return CRAWL_LISTS.find((l) => l.slug === slug);
}

const esc = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

function shell(title: string, body: string, script = ''): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(title)} - Hệ thống một cửa điện tử tỉnh Lạng Sơn</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#263238;font-size:13px}
.hdr{background:#0d47a1;color:#fff;padding:10px 18px}.main{padding:14px 20px}
table.grid{border-collapse:collapse;width:100%}table.grid th,table.grid td{border:1px solid #cfd8dc;padding:4px 6px;text-align:left}
.pagination,.v-pagination,.ant-pagination{list-style:none;display:flex;gap:4px;padding:0;margin:10px 0}
.pagination li a,.v-pagination button,.ant-pagination li{border:1px solid #90a4ae;padding:2px 8px;border-radius:3px;background:#fff;cursor:pointer}
.active a,.v-pagination__item--active,.ant-pagination-item-active{background:#0d47a1!important;color:#fff}
.disabled a,[class*="--disabled"],.ant-pagination-disabled{opacity:.4;pointer-events:none}
.total{color:#546e7a;margin:6px 0}.material-icons{font-family:monospace;font-style:normal}
</style></head>
<body><div class="hdr"><b>Hệ thống một cửa điện tử tỉnh Lạng Sơn</b> — Sở Khoa học và Công nghệ</div>
<div class="main"><h1>${esc(title)}</h1>${body}
<p class="foot">Trang mẫu dùng cho trình diễn và kiểm thử — mọi số liệu đều là hư cấu.</p></div>${script}</body></html>`;
}

const HEAD = '<thead><tr><th>STT</th><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Ngày tiếp nhận</th><th>Ngày hẹn trả</th><th>Trạng thái</th><th>Đơn vị</th><th>Thao tác</th></tr></thead>';

function rowHtml(r: CrawlRow, n: number, actions: string): string {
  return `<tr><td>${n}</td><td>${esc(r.code)}</td><td>${esc(r.procedure)}</td><td>${r.received}</td><td>${r.due}</td><td>${r.status}</td><td>${esc(r.dept)}</td><td>${actions}</td></tr>`;
}

function sizeOf(list: CrawlList, url: URL): number {
  const n = Number(url.searchParams.get('size'));
  return Number.isInteger(n) && n > 0 && n <= 1000 ? n : list.size;
}

function countOf(list: CrawlList, url: URL): number {
  const n = Number(url.searchParams.get('n'));
  return Number.isInteger(n) && n > 0 && n <= 20_000 ? n : list.total;
}

/** Client-rendered lists: data embedded, the page's script renders the current page. */
function clientPage(list: CrawlList, url: URL): string {
  const rows = crawlRows(list, countOf(list, url));
  const size = sizeOf(list, url);
  const data = JSON.stringify(rows).replace(/</gu, '\\u003c');
  const totals = JSON.stringify(CRAWL_LISTS.map((l) => l.slug));
  void totals;
  const body = `
<form class="filters" onsubmit="return false"><label>Đơn vị xử lý <select id="dv"><option value="">-- Tất cả --</option><option value="qlkh">Phòng Quản lý khoa học</option></select></label>
${list.kind === 'numbered' ? '<label> Hiển thị <select id="page-size"><option value="10">10 bản ghi</option><option value="20">20 bản ghi</option><option value="50">50 bản ghi</option></select></label>' : ''}
<button type="button" id="save-filter">Lưu bộ lọc</button></form>
<div id="list"><p class="total" id="total"></p><table class="grid" id="grid">${HEAD}<tbody id="rows"></tbody></table><div id="pager"></div></div>
<script type="application/json" id="data">${data}</script>`;
  const script = `<script>
(function(){
  var KIND=${JSON.stringify(list.kind)}, SIZE=${size}, ROWS=JSON.parse(document.getElementById('data').textContent);
  var TOTAL_TEXT=${JSON.stringify(list.totalText(rows.length, 0, 0, 0, 0))};
  var page=1, shown=SIZE; window.__rowActions=0; window.__renders=0;
  function fmt(n){return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g,'.');}
  function pages(){return Math.max(1,Math.ceil(ROWS.length/SIZE));}
  function totalText(a,b){
    if(KIND==='numbered') return 'Hiển thị '+a+' - '+b+' / '+ROWS.length+' kết quả';
    if(KIND==='hash') return 'Trang '+page+'/'+pages()+' — '+fmt(ROWS.length)+' hồ sơ';
    return TOTAL_TEXT;
  }
  function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!=null)e.textContent=text;return e;}
  function row(r,n){
    var tr=document.createElement('tr');
    [n,r.code,r.procedure,r.received,r.due,r.status,r.dept].forEach(function(v){tr.appendChild(el('td',{},String(v)));});
    var td=el('td',{});
    var del=el('button',{type:'button'},'Xóa');del.onclick=function(){window.__rowActions++;tr.remove();};
    var ret=el('button',{type:'button'},'Trả kết quả');ret.onclick=function(){window.__rowActions++;};
    td.appendChild(del);td.appendChild(ret);tr.appendChild(td);return tr;
  }
  function render(){
    window.__renders++;
    var from=KIND==='more'?0:(page-1)*SIZE, to=KIND==='more'?Math.min(shown,ROWS.length):Math.min(page*SIZE,ROWS.length);
    var body=document.getElementById('rows');body.textContent='';
    ROWS.slice(from,to).forEach(function(r,i){body.appendChild(row(r,from+i+1));});
    document.getElementById('total').textContent=totalText(from+1,to);
    var pager=document.getElementById('pager');pager.textContent='';
    var n=pages();
    if(KIND==='numbered'){
      var ul=el('ul',{'class':'pagination'});
      function item(label,target,disabled,active){var li=el('li',{'class':(disabled?'disabled ':'')+(active?'active':'')});var a=el('a',{href:'#'},label);a.onclick=function(e){e.preventDefault();if(!disabled)go(target);};li.appendChild(a);ul.appendChild(li);}
      item('Trước',page-1,page===1,false);
      for(var i=1;i<=n;i++)item(String(i),i,false,i===page);
      item('Sau',page+1,page===n,false);
      pager.appendChild(ul);
    } else if(KIND==='icons'){
      var ul2=el('ul',{'class':'v-pagination'});
      function nav(icon,target,disabled){var li=el('li',{});var b=el('button',{type:'button','class':'v-pagination__navigation'+(disabled?' v-pagination__navigation--disabled':'')});b.appendChild(el('i',{'class':'v-icon material-icons'},icon));b.onclick=function(){if(!disabled)go(target);};li.appendChild(b);ul2.appendChild(li);}
      nav('first_page',1,page===1);nav('chevron_left',page-1,page===1);
      for(var j=1;j<=n;j++)(function(j){var li=el('li',{});var b=el('button',{type:'button','class':'v-pagination__item'+(j===page?' v-pagination__item--active':'')},String(j));b.onclick=function(){go(j);};li.appendChild(b);ul2.appendChild(li);})(j);
      nav('chevron_right',page+1,page===n);nav('last_page',n,page===n);
      pager.appendChild(ul2);
    } else if(KIND==='hash'){
      var ul3=el('ul',{'class':'ant-pagination'});
      function li(cls,title,href,content){var l=el('li',{'class':cls,title:title});var a=el('a',href?{'class':'ant-pagination-item-link',href:href}:{'class':'ant-pagination-item-link'});if(content)a.appendChild(content);l.appendChild(a);ul3.appendChild(l);return a;}
      li('ant-pagination-prev'+(page===1?' ant-pagination-disabled':''),'Trang trước',page===1?null:'#/ds?page='+(page-1),el('span',{'class':'anticon anticon-left'}));
      for(var k=Math.max(1,page-2);k<=Math.min(n,page+2);k++){var a=li('ant-pagination-item ant-pagination-item-'+k+(k===page?' ant-pagination-item-active':''),String(k),'#/ds?page='+k,null);a.textContent=String(k);}
      li('ant-pagination-next'+(page===n?' ant-pagination-disabled':''),'Trang sau',page===n?null:'#/ds?page='+(page+1),el('span',{'class':'anticon anticon-right'}));
      pager.appendChild(ul3);
    } else if(KIND==='more'){
      if(shown<ROWS.length){var m=el('button',{type:'button','class':'btn-more'},'Xem thêm');m.onclick=function(){m.disabled=true;setTimeout(function(){shown+=SIZE;render();},150);};pager.appendChild(m);}
    }
  }
  // A fetch-like delay before the new page is drawn.
  function go(p){if(p<1||p>pages())return;setTimeout(function(){page=p;render();},150);}
  var ps=document.getElementById('page-size');
  if(ps)ps.onchange=function(){SIZE=Number(ps.value);page=1;setTimeout(render,150);};
  document.getElementById('save-filter').onclick=function(){window.__rowActions++;};
  if(KIND==='hash'){
    var fromHash=function(){var m=/page=(\\d+)/.exec(location.hash);page=m?Number(m[1]):1;render();};
    addEventListener('hashchange',function(){setTimeout(fromHash,100);});
    if(!location.hash)history.replaceState(null,'','#/ds?page=1');
    setTimeout(fromHash,200);
  } else setTimeout(render,200);
  if(KIND==='ticker'){
    var clock=el('span',{id:'clock'},'');document.querySelector('.hdr').appendChild(clock);
    setInterval(function(){var c=el('span',{id:'clock'},' '+new Date().toISOString());var old=document.getElementById('clock');old.replaceWith(c);},100);
  }
})();
</script>`;
  return shell(list.title, body, script);
}

/** Server-rendered lists: `?page=N` links, or a postback form. */
function serverPage(list: CrawlList, url: URL, form: URLSearchParams | null): string {
  const rows = crawlRows(list, countOf(list, url));
  const size = sizeOf(list, url);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  let page = 1;
  if (list.kind === 'links') page = Number(url.searchParams.get('page')) || 1;
  if (list.kind === 'postback' && form) {
    const arg = form.get('__EVENTARGUMENT') ?? '';
    const cur = Number(form.get('__CURRENT')) || 1;
    const m = /^Page\$(\d+|Next|Prev)$/u.exec(arg);
    if (m) page = m[1] === 'Next' ? cur + 1 : m[1] === 'Prev' ? cur - 1 : Number(m[1]);
    else page = cur;
  }
  page = Math.min(Math.max(page, 1), pages);
  const from = (page - 1) * size;
  const to = Math.min(page * size, rows.length);
  const body = rows.slice(from, to).map((r, i) => rowHtml(r, from + i + 1, list.kind === 'postback'
    ? `<a href="javascript:__doPostBack('ctl00$MainContent$gvKetQua','Delete$${i}')">Xóa</a>`
    : `<a href="/crawl/action?what=delete">Xóa</a> <a href="/crawl/action?what=return">Trả kết quả</a>`)).join('\n');
  const totalText = list.totalText(rows.length, from + 1, to, page, pages);
  if (list.kind === 'links') {
    const q = (p: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      return esc(u.pathname + u.search);
    };
    const nums = Array.from({ length: pages }, (_, i) => (i + 1 === page ? `<span aria-current="page">${i + 1}</span>` : `<a href="${q(i + 1)}">${i + 1}</a>`)).join(' ');
    const prev = page > 1 ? `<a href="${q(page - 1)}" rel="prev">‹</a>` : '';
    // On the last page the next control is gone.
    const next = page < pages ? `<a href="${q(page + 1)}" rel="next">›</a>` : '';
    const dv = url.searchParams.get('dv') ?? '';
    // `?pager=form`: the pager is a GET form ("Trang sau" submits page=N+1), as older portals do.
    if (url.searchParams.get('pager') === 'form') {
      const hidden = [...url.searchParams].filter(([k]) => k !== 'page').map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      const html = `<p class="total">${totalText}</p><table class="grid">${HEAD}<tbody>${body}</tbody></table>
<form method="get" class="pager" action="${esc(url.pathname)}">${hidden}<input type="hidden" name="page" value="${page + 1}"><span>Trang ${page}/${pages}</span>
<button type="submit"${page < pages ? '' : ' disabled'}>Trang sau</button></form>`;
      return shell(list.title, html);
    }
    const html = `<form method="get" class="filters"><label>Đơn vị <select name="dv"><option value="">Tất cả</option><option value="qlkh"${dv === 'qlkh' ? ' selected' : ''}>Phòng Quản lý khoa học</option></select></label> <button type="submit">Tìm kiếm</button></form>
<p class="total">${totalText}</p><table class="grid">${HEAD}<tbody>${body}</tbody></table>
<nav class="paging" aria-label="Phân trang">${prev} ${nums} ${next}</nav>`;
    return shell(list.title, html);
  }
  // ASP.NET GridView: the pager is the table's last row, links post the form back.
  const pb = (arg: string, text: string) => `<a href="javascript:__doPostBack('ctl00$MainContent$gvKetQua','${arg}')">${text}</a>`;
  const cells = Array.from({ length: pages }, (_, i) => `<td>${i + 1 === page ? `<span>${i + 1}</span>` : pb(`Page$${i + 1}`, String(i + 1))}</td>`).join('');
  const next = page < pages ? pb('Page$Next', 'Sau') : '<a disabled="disabled">Sau</a>';
  const html = `<form name="aspnetForm" method="post" action="${esc(url.pathname + url.search)}" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKLTk0NjQ3MzE2OWRk"><input type="hidden" name="__CURRENT" value="${page}">
<script>function __doPostBack(t,a){var f=document.forms.aspnetForm;f.__EVENTTARGET.value=t;f.__EVENTARGUMENT.value=a;f.submit();}</script>
<p class="total"><span id="lblTong">${totalText}</span></p>
<table class="grid" id="ctl00_MainContent_gvKetQua" cellspacing="0" rules="all" border="1">${HEAD.replace('<thead>', '<tbody>').replace('</thead>', '')}
${body}
<tr class="pgr"><td colspan="8"><table><tr>${cells}<td>${next}</td></tr></table></td></tr></tbody></table></form>`;
  return shell(list.title, html);
}

/** The HTML for a `/crawl/...` request, or undefined for an unknown list. */
export function renderCrawlPage(url: URL, form: URLSearchParams | null): string | undefined {
  // `/crawl/khung`: an older portal shell showing the numbered list inside an iframe.
  if (url.pathname.replace(/\/+$/u, '') === `${CRAWL_PREFIX}khung`) {
    return shell('Khung trang cũ (danh sách trong iframe)', '<iframe src="/crawl/so-trang?dv=khung" title="Danh sách" style="width:100%;height:700px;border:1px solid #ccc"></iframe>');
  }
  const list = crawlList(url.pathname.slice(CRAWL_PREFIX.length).replace(/\/+$/u, ''));
  if (!list) return undefined;
  if (list.kind === 'postback' && form && /^Delete\$/u.test(form.get('__EVENTARGUMENT') ?? '')) crawlActions.count++;
  return list.kind === 'links' || list.kind === 'postback' ? serverPage(list, url, form) : clientPage(list, url);
}

/** Row actions the server saw (a walk must never press one). */
export const crawlActions = { count: 0 };
