/**
 * `npm run conformance [-- DIR]` (default ../shared/fixtures/portal): checks every
 * `*.expected.json` page of a fixture folder.
 *  1. static pages through the `extract` code path (happy-dom, page scripts off);
 *  2. every page in real Chromium with the built extension, at its own address,
 *     after performing its `interaction`, comparing what the extension STORED;
 *  3. the tally: the pure rules and the store's cells against tally.expected.json, and
 *     the popup's "Xuất CSV tổng hợp" file after capturing all pages in one profile.
 * Prints expected / found / missing / extra / wrong per page; exits 1 on any difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext } from 'playwright-core';
import { hostResolverRules, startPortalServer, type PortalServer } from '../demo/server';
import { toOutput, type PortalRecord } from '../../utils/records';
import { launchWithExtension } from '../support/browser';
import { parseInteraction, perform } from '../support/interact';
import { waitForStoreQuiet } from '../support/popup';
import { readTable } from '../support/store';
import { compareRecords } from './lib/compare';

interface ExpectedPage {
  page: string;
  url: string;
  interaction: string;
  records: object[];
}
interface ExpectedTally {
  period: { from: string; to: string; reference: string };
  unassigned: string;
  tally: Record<string, Record<string, { total: number; digitized: number; pending: number; unknown: number }>>;
}

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
// Without an argument: the shared fixtures beside the repository, or beside the current folder.
const DEFAULT_CANDIDATES = [...new Set([join(import.meta.dirname, '../../../shared/fixtures/portal'), resolve('../shared/fixtures/portal')])];
const given = args.find((a) => !a.startsWith('--'));
const dir = given ? resolve(given) : DEFAULT_CANDIDATES.find((d) => existsSync(d));
if (!dir || !existsSync(dir)) {
  console.error(
    given
      ? `Không có thư mục mẫu: ${resolve(given)}\nNo fixture folder at ${resolve(given)}.`
      : 'Không tìm thấy thư mục mẫu cổng (shared/fixtures/portal). Hãy chỉ rõ thư mục: npm run conformance -- ĐƯỜNG/DẪN/fixtures/portal\n' +
          `No portal fixture folder found (looked in ${DEFAULT_CANDIDATES.join(', ')}). Pass one: npm run conformance -- PATH/TO/fixtures/portal`,
  );
  process.exit(2);
}
const pages: ExpectedPage[] = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json') && f !== 'tally.expected.json')
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExpectedPage);

let problems = 0;
const tsx = (script: string) => spawnSync('node', ['--import', 'tsx', script, dir], { stdio: 'inherit' }).status === 0;

console.log(`\n== 1. Static pages through the extract path (${dir})`);
if (!tsx(join(import.meta.dirname, 'conformance-static.ts'))) problems++;

if (!noBuild) {
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('wxt build failed');
    process.exit(1);
  }
}

/** Serve each fixture at its own address (exact URL) inside the browser context. */
async function routeFixtures(context: BrowserContext): Promise<void> {
  const byUrl = new Map(pages.map((p) => [p.url, readFileSync(join(dir as string, p.page))]));
  await context.route(
    (url) => byUrl.has(url.href),
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: byUrl.get(route.request().url())! }),
  );
}

async function withBrowser<T>(server: PortalServer, fn: (b: Awaited<ReturnType<typeof launchWithExtension>>) => Promise<T>): Promise<T> {
  const b = await launchWithExtension({ hostRules: hostResolverRules(server.port) });
  try {
    await routeFixtures(b.context);
    return await fn(b);
  } finally {
    await b.close();
  }
}

const server = await startPortalServer();
try {
  console.log('\n== 2. Every page in Chromium with the built extension (what is stored)');
  for (const p of pages) {
    const stored = await withBrowser(server, async (b) => {
      const ext = await b.openExtensionPage('popup.html');
      const page = await b.context.newPage();
      await page.goto(p.url, { waitUntil: 'load' });
      await perform(page, parseInteraction(p.interaction));
      await waitForStoreQuiet(ext, 1500);
      return readTable<PortalRecord>(ext, 'records');
    });
    const c = compareRecords(p.records, stored.map(toOutput));
    const bad = c.missing.length + c.extra.length + c.wrong.length;
    if (bad) problems++;
    console.log(
      `${p.page}: expected ${c.expected}, found ${c.found}, missing ${c.missing.length}, extra ${c.extra.length}, wrong ${c.wrong.length}` +
        (p.interaction !== 'none' ? `  [${p.interaction}]` : ''),
    );
    for (const k of c.missing) console.log(`  missing ${k}`);
    for (const k of c.extra) console.log(`  extra   ${k}`);
    for (const w of c.wrong) console.log(`  wrong   ${w.key} ${w.field}: expected ${JSON.stringify(w.expected)}, found ${JSON.stringify(w.found)}`);
  }

  const tallyFile = join(dir, 'tally.expected.json');
  if (existsSync(tallyFile)) {
    console.log('\n== 3a. Tally rules and store cells over the expected records');
    if (!tsx(join(import.meta.dirname, 'conformance-tally.ts'))) problems++;

    console.log('\n== 3b. "Xuất CSV tổng hợp" after capturing every page in one browser');
    const expected = JSON.parse(readFileSync(tallyFile, 'utf8')) as ExpectedTally;
    const csv = await withBrowser(server, async (b) => {
      const ext = await b.openExtensionPage('popup.html');
      const page = await b.context.newPage();
      for (const p of pages) {
        await page.goto(p.url, { waitUntil: 'load' });
        await perform(page, parseInteraction(p.interaction));
      }
      await waitForStoreQuiet(ext, 1500);
      await ext.reload();
      await ext.waitForSelector('[data-testid="tally-table"] tr[data-dept]');
      const [download] = await Promise.all([ext.waitForEvent('download'), ext.getByRole('button', { name: 'Xuất CSV tổng hợp', exact: true }).click()]);
      const path = await download.path();
      return readFileSync(path, 'utf8');
    });
    problems += compareSummaryCsv(csv, expected);
  }
} finally {
  await server.close();
}

function compareSummaryCsv(csv: string, expected: ExpectedTally): number {
  let bad = 0;
  if (!csv.startsWith('\uFEFF')) {
    console.log('  ✗ no UTF-8 BOM');
    bad++;
  }
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/u, ''), { skipEmptyLines: true }).data;
  const header = rows.shift() ?? [];
  // The contract's columns, then the appended archive-sync columns.
  const want = ['Đơn vị', 'Năm', 'Tổng còn hiệu lực', 'Đã số hóa', 'Chưa số hóa', 'Chưa rõ', 'Tỷ lệ số hóa (%)', 'Đã đồng bộ kho', 'Chưa đồng bộ kho'];
  if (JSON.stringify(header) !== JSON.stringify(want)) {
    console.log(`  ✗ header ${JSON.stringify(header)}`);
    bad++;
  }
  const got = new Map<string, string>();
  for (const r of rows) if (/^\d{4}$/u.test(r[1] ?? '')) got.set(`${r[0]}|${r[1]}`, `${r[2]},${r[3]},${r[4]},${r[5]}`);
  let compared = 0;
  for (const [dept, years] of Object.entries(expected.tally)) {
    for (const [year, c] of Object.entries(years)) {
      const key = `${dept}|${year}`;
      const w = `${c.total},${c.digitized},${c.pending},${c.unknown}`;
      compared++;
      if (got.get(key) !== w) {
        console.log(`  ✗ ${key}: expected ${w}, CSV ${got.get(key) ?? '(missing)'}`);
        bad++;
      }
      got.delete(key);
    }
  }
  for (const [key, v] of got) {
    if (v === '0,0,0,0') continue; // every year of the period is listed, with zeros where nothing counts
    console.log(`  ✗ ${key}: extra row in CSV ${v}`);
    bad++;
  }
  console.log(bad === 0 ? `OK: summary CSV matches tally.expected.json (${compared} department × year rows)` : `FAIL: ${bad} difference(s) in the summary CSV`);
  return bad === 0 ? 0 : 1;
}

console.log(problems === 0 ? '\nconformance: all checks passed' : `\nconformance: ${problems} check(s) failed`);
process.exit(problems === 0 ? 0 : 1);
