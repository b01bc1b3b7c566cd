/**
 * `npm run demo`: build the extension, serve the embedded demo portal at its real
 * host names, and open Chromium with the extension loaded.
 *   npm run demo                          a browser window to try it by hand
 *   npm run demo -- --headless --out DIR  visit every demo page, save DIR/popup.png,
 *                                         print the per-department counts, then walk the
 *                                         largest demo list ("Đọc tất cả các trang") and
 *                                         print its coverage line
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PAGES } from '../demo/routes';
import { hostResolverRules, startPortalServer } from '../demo/server';
import { launchWithExtension } from '../support/browser';
import { parseInteraction, perform } from '../support/interact';
import { readPopupTally, waitForStoreQuiet } from '../support/popup';
import { CRAWL_LISTS } from '../demo/crawl';
import { coverage, listFor, setWalkOptions, startWalk, walkEnded } from '../support/crawl';

/** The largest multi-page demo list: the one the demo walks. */
const LARGEST = [...CRAWL_LISTS].sort((a, b) => b.total - a.total)[0]!;

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const headless = values.headless || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');
if (!values.headless && headless) console.log('Không có màn hình (DISPLAY) — chạy ở chế độ headless. / No display: running headless.');
const outDir = resolve(values.out ?? 'out/demo');

if (!values['no-build']) {
  console.log('Đang đóng gói tiện ích (wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('Đóng gói thất bại: xem lỗi ở trên. / Build failed.');
    process.exit(1);
  }
}

const server = await startPortalServer();
const browser = await launchWithExtension({ hostRules: hostResolverRules(server.port), headless });
console.log(`Cổng demo chạy tại 127.0.0.1:${server.port}; tiện ích ${browser.extensionId}`);

if (!headless) {
  const home = await browser.context.newPage();
  await home.goto(`${server.origin('motcua.langson.gov.vn')}/`);
  // A multi-page list, so the popup's "Trang đang mở" offers "Đọc tất cả các trang".
  const list = await browser.context.newPage();
  await list.goto(`${server.origin('motcua.langson.gov.vn')}/crawl/${LARGEST.slug}`);
  await browser.openExtensionPage('popup.html');
  await home.bringToFront();
  console.log('Mở các trang trong menu cổng demo; bảng đếm ở thẻ "Kiểm đếm TTHC". Đóng trình duyệt hoặc nhấn Ctrl+C để dừng.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  browser.context.on('close', () => void stop());
} else {
  const page = await browser.context.newPage();
  for (const demo of DEMO_PAGES) {
    const url = `${server.origin(demo.host)}${demo.path}`;
    await page.goto(url, { waitUntil: 'load' });
    await perform(page, parseInteraction(demo.interaction === 'paginate' ? 'paginate: Trang sau' : demo.interaction));
    console.log(`  đã xem ${url}`);
  }
  const popup = await browser.openExtensionPage('popup.html');
  await waitForStoreQuiet(popup);
  await popup.setViewportSize({ width: 760, height: 900 });
  await popup.reload();
  await popup.waitForSelector('[data-testid="tally-table"]', { timeout: 15_000 });
  mkdirSync(outDir, { recursive: true });
  const shot = resolve(outDir, 'popup.png');
  await popup.screenshot({ path: shot, fullPage: true });
  const tally = await readPopupTally(popup);
  console.log('\nSố liệu theo đơn vị (kỳ 01/01/2018–30/06/2023, tham chiếu 30/06/2023):');
  console.log('Đơn vị | Tổng còn hiệu lực | Đã số hóa | Chưa số hóa | Chưa rõ');
  for (const d of tally) console.log(`${d.department} | ${d.total} | ${d.digitized} | ${d.pending} | ${d.unknown}`);
  console.log(`\nẢnh chụp bảng đếm: ${shot}`);

  // "Đọc tất cả các trang" on the largest demo list, from the popup, as a clerk would.
  await setWalkOptions(popup, { walkDelayMs: 200 });
  const listPage = await browser.context.newPage();
  await listPage.goto(`${server.origin('motcua.langson.gov.vn')}/crawl/${LARGEST.slug}`);
  await popup.bringToFront();
  const item = await startWalk(popup, LARGEST.title);
  const end = await walkEnded(item, 300_000);
  const row = await listFor(popup, `motcua.langson.gov.vn/crawl/${LARGEST.slug}`, (l) => l.captured >= LARGEST.total);
  console.log(
    `\nĐộ phủ — ${row?.label ?? LARGEST.title}: ${row?.pagesRead ?? 0} trang, ${row?.captured ?? 0}/${row?.statedTotal ?? '?'} bản ghi (${coverage(row) ?? '?'} %) — ${end.text}`,
  );
  await popup.screenshot({ path: resolve(outDir, 'popup-coverage.png'), fullPage: true });
  await browser.close();
  await server.close();
}
