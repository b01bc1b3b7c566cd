/**
 * Popup open time on a large store (npm run bench:popup), in real Chromium with the
 * built extension. The store is filled through the product's own write path: a
 * generated backup file given to the popup's "Nhập dữ liệu" input (restoreBackup →
 * importRecords, the same upsert as capture). Then popup.html is opened in a new tab
 * five times per size and the time from navigation start to the first data row of the
 * tally table is measured in the page (performance.now, recorded by a MutationObserver).
 * Prints figures only; no pass/fail.
 *
 *   npm run bench:popup                       # 1,000 then 100,000 records
 *   BENCH_RECORDS=50000 npm run bench:popup   # another large size
 *   KIEM_DEM_PREBUILT=1 npm run bench:popup   # skip `wxt build`
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, type Session } from '../support/session';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const LARGE = Number(process.env.BENCH_RECORDS ?? 100_000);
const SMALL = 1_000;
const RUNS = 5;

const DEPTS = DEFAULT_SETTINGS.departments.map((d) => d.name);
const PROCEDURES = [
  'Thủ tục cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
  'Cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế',
  'Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa sản xuất trong nước',
  'Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ',
];

let seed = 20230630;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1);
const SPAN_DAYS = Math.floor((Date.UTC(2024, 11, 31) - START) / DAY);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Records `from`…`to - 1` of a deterministic population: pairs of a dossier and, for
 * three in four, its result (so the tally joins them), every tenth a result known only
 * by its number. Each index gives distinct keys.
 */
function generate(from: number, to: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const at = 1_700_000_000_000;
  for (let i = from; i < to; i++) {
    const received = START + Math.floor(rand() * SPAN_DAYS) * DAY;
    const d = iso(received);
    const code = `000.00.13.H37-${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${String(i).padStart(6, '0')}`;
    const dept = rand() < 0.03 ? null : pick(DEPTS);
    const base = {
      code: null, resultNumber: null, procedure: pick(PROCEDURES), field: null, department: dept, departmentFrom: dept ? 'column' : null,
      receivedAt: null, dueAt: null, resolvedAt: null, issuedAt: null, validUntil: null, permanent: null, status: null, statusCode: null,
      digitized: null, firstSeen: at, lastSeen: at + i, sourceUrl: `https://motcua.langson.gov.vn/vi/dossier/search?page=${Math.floor(i / 50)}`,
    };
    const resolved = iso(received + Math.floor(rand() * 20) * DAY);
    if (i % 10 === 9) {
      out.push({ ...base, kind: 'result', resultNumber: `${i}/GCN-SKHCN`, issuedAt: resolved, permanent: true, digitized: rand() < 0.7 });
    } else if (i % 4 === 3) {
      out.push({ ...base, kind: 'dossier', code, receivedAt: d, dueAt: iso(received + 15 * DAY), status: 'Đang xử lý', statusCode: 4 });
    } else {
      const v = rand();
      out.push({ ...base, kind: i % 2 === 0 ? 'dossier' : 'result', code, ...(i % 2 === 0
        ? { receivedAt: d, resolvedAt: resolved, status: 'Đã trả kết quả', statusCode: 10, digitized: rand() < 0.1 ? null : rand() < 0.7 }
        : { resultNumber: `${i}/GP-SKHCN`, issuedAt: resolved, permanent: v < 0.5 ? true : null, validUntil: v >= 0.8 ? `${Number(resolved.slice(0, 4)) + 5}${resolved.slice(4)}` : null, digitized: rand() < 0.1 ? null : rand() < 0.7 }) });
    }
  }
  return out;
}

function backupText(records: Record<string, unknown>[]): string {
  return `{"app":"kiem-dem-tthc","version":1,"exportedAt":"${new Date().toISOString()}","records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** Give the file to "Nhập dữ liệu" and wait for the popup's result line; returns ms. */
async function restore(popup: Page, file: string, expectTotal: number): Promise<number> {
  const t0 = performance.now();
  await popup.getByTestId('import-file').setInputFiles(file);
  const status = popup.getByTestId('import-status');
  await popup.waitForFunction(
    () => /Đã thêm|Không nhập được/u.test(document.querySelector('[data-testid="import-status"]')?.textContent ?? ''),
    undefined,
    { timeout: 20 * 60_000, polling: 500 },
  );
  const ms = performance.now() - t0;
  const text = (await status.textContent()) ?? '';
  if (!text.includes('Đã thêm')) throw new Error(`restore failed: ${text}`);
  await popup.waitForFunction((n) => Number(document.querySelector('[data-testid="record-count"]')?.getAttribute('data-value')) === n, expectTotal, {
    timeout: 5 * 60_000,
    polling: 500,
  });
  console.log(`  restore: ${text.trim()} in ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

const FIRST_ROW = '[data-testid="tally-table"] tr[data-dept][data-year]';

/** Open popup.html in a new tab; ms from navigation start to the first tally row in the DOM. */
async function openPopupOnce(s: Session): Promise<{ firstRow: number; recordsShown: number }> {
  const page = await s.browser.context.newPage();
  await page.addInitScript((sel) => {
    const w = window as unknown as { __firstRowAt?: number };
    const check = () => {
      if (w.__firstRowAt === undefined && document.querySelector(sel)) {
        w.__firstRowAt = performance.now();
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true });
  }, FIRST_ROW);
  await page.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
  await page.waitForSelector(FIRST_ROW, { timeout: 120_000 });
  const observed = await page.evaluate(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt);
  // Fallback when the init script did not run in the extension page: the time we saw it.
  const firstRow = observed ?? (await page.evaluate(() => performance.now()));
  const recordsShown = Number(await page.getByTestId('record-count').getAttribute('data-value'));
  await page.close();
  return { firstRow, recordsShown };
}

/** Where the time goes: raw IndexedDB reads the popup makes at open, timed in an extension page. */
async function readCosts(s: Session): Promise<Record<string, number>> {
  return s.ext.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const t0 = performance.now();
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const t1 = performance.now();
          const tx = db.transaction(['cells', 'records'], 'readonly');
          const cells = tx.objectStore('cells').getAll();
          cells.onsuccess = () => {
            const t2 = performance.now();
            const count = tx.objectStore('records').count();
            count.onsuccess = () => {
              const t3 = performance.now();
              const unassigned = tx.objectStore('records').index('dept').count(IDBKeyRange.only(''));
              unassigned.onsuccess = () => {
                const t4 = performance.now();
                db.close();
                resolve({ open: t1 - t0, cellsGetAll: t2 - t1, recordsCount: t3 - t2, unassignedCount: t4 - t3 });
              };
            };
          };
        };
      }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(s: Session, label: string, expect: number): Promise<number> {
  await openPopupOnce(s); // warm-up (code cache), not counted
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await openPopupOnce(s);
    if (r.recordsShown !== expect) console.log(`  note: popup showed ${r.recordsShown} records, expected ${expect}`);
    runs.push(r.firstRow);
  }
  const costs = await readCosts(s);
  console.log(`  reads at open: ${Object.entries(costs).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
  console.log(`${label}: popup first tally row after ${runs.map((x) => x.toFixed(0)).join(', ')} ms → median ${median(runs).toFixed(0)} ms`);
  return median(runs);
}

async function main(): Promise<void> {
  if (process.env.KIEM_DEM_PREBUILT !== '1') {
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiem-dem-bench-popup-'));
  const s = await openSession();
  try {
    const popup = s.ext;
    await popup.getByTestId('import-file').waitFor();

    const smallFile = join(dir, 'small.json');
    writeFileSync(smallFile, backupText(generate(0, SMALL)));
    console.log(`Filling ${SMALL} records through "Nhập dữ liệu" (${(statSync(smallFile).size / 1e6).toFixed(1)} MB backup)…`);
    await restore(popup, smallFile, SMALL);
    const small = await measure(s, `${SMALL.toLocaleString('en')} records`, SMALL);

    const largeFile = join(dir, 'large.json');
    writeFileSync(largeFile, backupText(generate(SMALL, LARGE)));
    console.log(`Adding ${LARGE - SMALL} records through "Nhập dữ liệu" (${(statSync(largeFile).size / 1e6).toFixed(1)} MB backup)…`);
    const restoreMs = await restore(popup, largeFile, LARGE);
    console.log(`  restore throughput: ${Math.round((LARGE - SMALL) / (restoreMs / 1000))} records/s (parse + zod check + upsert in the popup)`);
    const cells = (await popup.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('kiem-dem-tthc');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('cells').objectStore('cells').count();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
        }),
    )) as number;
    console.log(`  store: ${LARGE} records, ${cells} tally cells`);
    const large = await measure(s, `${LARGE.toLocaleString('en')} records`, LARGE);

    console.log('');
    console.log(`popup open (navigation start → first tally row), median of ${RUNS}:`);
    console.log(`  ${SMALL.toLocaleString('en')} records: ${small.toFixed(0)} ms`);
    console.log(`  ${LARGE.toLocaleString('en')} records: ${large.toFixed(0)} ms`);
    console.log(`  ratio ${LARGE.toLocaleString('en')} / ${SMALL.toLocaleString('en')}: ${(large / small).toFixed(2)}×`);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
