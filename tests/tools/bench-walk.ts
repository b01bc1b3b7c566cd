/**
 * Walk benchmark (part of `npm run bench`): "Đọc tất cả các trang" over a 50-page list
 * (1,000 dossiers, 20 a page, in place by hash route) in Chromium with the production
 * build. Prints seconds per page beyond the polite delay: what the walk itself costs
 * (reading, reporting, waiting for the table to change). Measurements only; no pass/fail.
 *   BENCH_WALK_DELAY_MS (default 250)  the polite delay used for the run
 */
import { spawnSync } from 'node:child_process';
import { BENCH_WALK, crawlList } from '../demo/crawl';
import { hostResolverRules, startPortalServer } from '../demo/server';
import { launchWithExtension } from '../support/browser';
import { listFor, setWalkOptions, startWalk, walkEnded } from '../support/crawl';

const DELAY = Number(process.env.BENCH_WALK_DELAY_MS ?? 250);
const HOST = 'motcua.langson.gov.vn';

if (process.env.KIEM_DEM_PREBUILT !== '1') {
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}

const server = await startPortalServer();
const browser = await launchWithExtension({ hostRules: hostResolverRules(server.port) });
try {
  const popup = await browser.openExtensionPage('popup.html');
  await setWalkOptions(popup, { walkDelayMs: DELAY, walkPageLimit: 500 });
  const list = crawlList(BENCH_WALK.slug)!;
  const path = `/crawl/${BENCH_WALK.slug}?n=${BENCH_WALK.records}&size=${BENCH_WALK.size}`;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin(HOST)}${path}`);
  await popup.bringToFront();
  const t0 = performance.now();
  const item = await startWalk(popup, list.title);
  const end = await walkEnded(item, 600_000);
  const seconds = (performance.now() - t0) / 1000;
  const row = await listFor(popup, `${HOST}/crawl/${BENCH_WALK.slug}`, (l) => l.captured >= BENCH_WALK.records);
  const pages = BENCH_WALK.records / BENCH_WALK.size;
  const perPage = seconds / pages;
  console.log(`\nĐọc tất cả các trang — ${pages} trang × ${BENCH_WALK.size} dòng (${BENCH_WALK.records} hồ sơ), chờ lịch sự ${DELAY} ms/trang:`);
  console.log(`  ${end.text}; đã lưu ${row?.captured ?? 0}/${row?.statedTotal ?? '?'} bản ghi`);
  console.log(`  tổng ${seconds.toFixed(1)} s, ${perPage.toFixed(3)} s/trang, ngoài thời gian chờ: ${(perPage - DELAY / 1000).toFixed(3)} s/trang`);
  console.log(`  walk: ${pages} pages in ${seconds.toFixed(1)} s = ${perPage.toFixed(3)} s/page; beyond the polite delay ${(perPage - DELAY / 1000).toFixed(3)} s/page`);
} finally {
  await browser.close();
  await server.close();
}
