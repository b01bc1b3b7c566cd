/**
 * Smoke check of the demo portal in real Chromium (no extension loaded):
 *   node --import tsx demo/check-pages.ts [--shots DIR]
 * Opens every DEMO_PAGES entry at its portal address through the local server, performs
 * its interaction, and counts the distinct record keys (dossier code + result number)
 * visible in table/grid rows along the way, comparing them with `expectedRecords`.
 * The counting is a deliberately naive pattern match: it checks the pages, not the
 * extension's extractor. Exit code 1 on any mismatch.
 */
import { chromium, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PAGES, E2E_PAGES, E2E_PREFIX, type DemoPage } from './routes';
import { hostResolverRules, startPortalServer } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shotsArg = process.argv.indexOf('--shots');
const shotsDir = shotsArg >= 0 ? process.argv[shotsArg + 1] : undefined;

/** Record keys in the rows currently in the DOM (runs in the page). */
function visibleKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CODE = /\d{3}\.\d{2}\.\d{2}\.H37-\d{6}-\d{4}/u;
    const NUMBER = /^\s*\d+\/[A-ZĐ]+(?:-[A-ZĐ]+)+\s*$/u;
    const keys: string[] = [];
    for (const row of Array.from(document.querySelectorAll('tr, [role="row"]'))) {
      const cells = Array.from(row.children).map((c) => c.textContent ?? '');
      const code = cells.map((t) => CODE.exec(t)?.[0]).find(Boolean) ?? '';
      const num = cells.find((t) => NUMBER.test(t))?.trim() ?? '';
      if (code || num) keys.push(`${code}|${num}`);
    }
    return keys;
  });
}

async function interact(page: Page, p: DemoPage, seen: Set<string>): Promise<void> {
  const collect = async (): Promise<void> => {
    for (const k of await visibleKeys(page)) seen.add(k);
  };
  await page.waitForTimeout(700); // scripted pages render after a short fake fetch
  await collect();
  if (p.interaction === 'paginate') {
    const next = page.getByRole('button', { name: 'Trang sau' });
    while (await next.isEnabled()) {
      await next.click();
      await page.waitForTimeout(450);
      await collect();
    }
  } else if (p.interaction === 'scroll') {
    const viewport = page.locator('#kq-viewport');
    for (let i = 0; i < 40; i++) {
      const done = await viewport.evaluate((el) => {
        el.scrollTop += 150;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      });
      await page.waitForTimeout(40);
      await collect();
      if (done) break;
    }
  } else if (p.interaction === 'hash') {
    const hrefs = await page.locator('nav.route-tabs a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const h of hrefs) {
      await page.locator(`nav.route-tabs a[href="${h}"]`).click();
      await page.waitForTimeout(400);
      await collect();
    }
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'); // tests/
const server = await startPortalServer({ extraRoots: [{ prefix: E2E_PREFIX, dir: path.join(root, 'e2e/pages') }] });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--headless=new', '--ignore-certificate-errors', `--host-resolver-rules=${hostResolverRules(server.port)}`],
});
let failed = 0;
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 800 } });
  const errors: string[] = [];
  const external: string[] = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['motcua.langson.gov.vn', 'dichvucong.langson.gov.vn', 'dichvucong.gov.vn', 'congdichvu.example-tinh.gov.vn'].includes(u.hostname) && u.protocol !== 'data:') external.push(r.url());
  });
  if (shotsDir) await mkdir(shotsDir, { recursive: true });
  for (const p of DEMO_PAGES) {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${p.path}: ${e.message}`));
    const url = server.origin(p.host) + p.path;
    const res = await page.goto(url);
    const seen = new Set<string>();
    await interact(page, p, seen);
    const ok = res?.status() === 200 && seen.size === p.expectedRecords;
    if (!ok) failed++;
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${String(seen.size).padStart(3)} / ${String(p.expectedRecords).padStart(3)}  ${url}\n`);
    if (shotsDir) {
      const name = (p.path.replace(/[^a-z0-9]+/giu, '-').replace(/^-|-$/gu, '') || 'home').slice(0, 60);
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
    }
    await page.close();
  }
  for (const e of E2E_PAGES) {
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`${e.file}: ${err.message}`));
    page.on('dialog', (d) => {
      errors.push(`${e.file}: a dialog opened (${d.message()})`);
      void d.dismiss();
    });
    const url = server.origin('motcua.langson.gov.vn') + E2E_PREFIX + e.file;
    const res = await page.goto(url);
    const seen = new Set(await visibleKeys(page));
    const ok = res?.status() === 200 && seen.size === e.expectedRecords;
    if (!ok) failed++;
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${String(seen.size).padStart(3)} / ${String(e.expectedRecords).padStart(3)}  ${url}\n`);
    await page.close();
  }
  const bench = await context.newPage();
  const t0 = Date.now();
  await bench.goto(`${server.origin('motcua.langson.gov.vn')}/bench/large?rows=20000`);
  const rows = await bench.locator('tbody tr').count();
  process.stdout.write(`${rows === 20000 ? 'ok  ' : 'FAIL'} bench 20000 rows: ${rows} rows in ${Date.now() - t0} ms\n`);
  if (rows !== 20000) failed++;
  for (const e of errors) process.stdout.write(`page error: ${e}\n`);
  for (const u of external) process.stdout.write(`external request: ${u}\n`);
  if (errors.length || external.length) failed++;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
