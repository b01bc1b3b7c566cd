/**
 * Popup figures on a large store: open → first tally row at 1,000 and 100,000 records
 * (for the preset period and for one that starts and ends mid-month; with nothing written
 * since the popup was last open, right after a capture — both read the tally snapshot —
 * and with the snapshot out of date, when it counts from the month cells), and the
 * "Xuất CSV chi tiết" click → download against a raw getAll + join + Blob in the same
 * page. The store is filled with the product's own rows, written straight into its
 * database (fill.ts), then the popup is reloaded so nothing it holds predates the fill.
 */
import type { Page } from 'playwright-core';
import { BENCH_PATH } from '../../demo/routes';
import type { Session } from '../../support/session';
import { generateRecords } from './data';
import { fillStore } from './fill';
import { countStore, resetStore } from './probe';
import { fmtMs, median, note, pairedRatio, RUNS, type BenchRow } from './report';

const FIRST_ROW = '[data-testid="tally-table"] tr[data-dept][data-year]';
const PERIODS = [
  { label: 'preset period 01/01/2018–30/06/2023', value: { from: '2018-01-01', to: '2023-06-30', reference: '2023-06-30' } },
  { label: 'period 15/03/2019–20/11/2022', value: { from: '2019-03-15', to: '2022-11-20', reference: '2022-11-20' } },
];

export async function setPeriod(s: Session, value: { from: string; to: string; reference: string }): Promise<void> {
  await s.ext.evaluate(async (v) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
    await c.storage.local.set({ 'popup.period': v });
  }, value);
}

interface Open {
  /** ms from navigation start to the first tally row. */
  firstRow: number;
  /** ms from navigation start until the popup's document exists (the browser's share). */
  document: number;
}

/**
 * One popup open, timed in the popup page itself. The page reports on its console: waiting
 * with a Playwright locator (or any evaluate) would inject Playwright's own script into the
 * popup's main thread while it is still loading (about 15 ms in a trace), which is not the
 * popup's time. `lingerMs`: stay open after the first row (the popup stores its tally
 * snapshot once its live reads are in, as it does when a clerk looks at it).
 */
export async function openPopupOnce(s: Session, lingerMs = 0): Promise<Open> {
  const page = await s.browser.context.newPage();
  try {
    await page.addInitScript(`(() => {
      const documentAt = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector(${JSON.stringify(FIRST_ROW)})) {
          obs.disconnect();
          console.debug('kiem-dem-first-row ' + performance.now() + ' ' + documentAt);
        }
      });
      obs.observe(document, { childList: true, subtree: true });
    })()`);
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('kiem-dem-first-row '), timeout: 120_000 });
    await page.goto(`chrome-extension://${s.browser.extensionId}/popup.html`, { waitUntil: 'commit' });
    const [, firstRow, documentAt] = (await reported).text().split(' ');
    if (lingerMs > 0) await new Promise((r) => setTimeout(r, lingerMs));
    return { firstRow: Number(firstRow), document: Number(documentAt) };
  } finally {
    await page.close();
    // Each open from a quiet browser: the closed page's later reads (record count, worklist)
    // would otherwise still be running in the database when the next one opens.
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The snapshot made out of date: a new data stamp with no move of the snapshot (as a repair leaves it). */
async function stampWrite(s: Session): Promise<void> {
  await s.ext.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'dataStamp', value: `bench-${Date.now()}-${Math.random()}` });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

interface PeriodRuns {
  /** Nothing written since the popup was last open: its tally snapshot fits. */
  unchanged: Open[];
  /** A list was captured just before (new rows): the write moved the snapshot along. */
  afterCapture: Open[];
  /** The snapshot is out of date (as after a repair, or another period): the popup counts from the month cells. */
  outOfDate: Open[];
}

let captured = 0;
/** Capture a portal list holding CAPTURE_STEP rows the store does not have yet; wait for their commit. */
const CAPTURE_STEP = 20;
async function captureNewRows(s: Session): Promise<void> {
  const before = await countStore(s.ext);
  captured += CAPTURE_STEP;
  const page = await s.browser.context.newPage();
  try {
    await page.goto(s.url('motcua.langson.gov.vn', `${BENCH_PATH}?rows=${captured}`));
    const end = Date.now() + 60_000;
    while ((await countStore(s.ext)) < before + CAPTURE_STEP && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await page.close();
  }
}

async function popupRuns(s: Session): Promise<PeriodRuns[]> {
  const byPeriod: PeriodRuns[] = [];
  for (const p of PERIODS) {
    await setPeriod(s, p.value);
    await openPopupOnce(s, 2000); // warm-up (code cache; the snapshot is stored), not counted
    const runs: PeriodRuns = { unchanged: [], afterCapture: [], outOfDate: [] };
    for (let i = 0; i < RUNS; i++) runs.unchanged.push(await openPopupOnce(s));
    for (let i = 0; i < RUNS; i++) {
      await captureNewRows(s);
      runs.afterCapture.push(await openPopupOnce(s));
    }
    for (let i = 0; i < RUNS; i++) {
      await stampWrite(s);
      runs.outOfDate.push(await openPopupOnce(s));
    }
    byPeriod.push(runs);
  }
  await setPeriod(s, PERIODS[0]!.value);
  return byPeriod;
}

/** Long tasks and the moment the file's <a download> is clicked (a string: see probe.ts). */
const EXPORT_PROBE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__downloadAt = performance.now();
    return click.call(this);
  };
})()`;

/** Click "Xuất CSV chi tiết"; ms until the file is handed to the browser, and the longest task meanwhile. */
async function exportOnce(page: Page): Promise<{ ms: number; longest: number }> {
  const downloaded = page.waitForEvent('download', { timeout: 600_000 });
  const clickAt = await page.evaluate(() => {
    const w = window as unknown as { __downloadAt?: number };
    w.__downloadAt = undefined;
    const t = performance.now();
    (document.querySelector('[data-testid="export-detail"]') as HTMLButtonElement).click();
    return t;
  });
  await page.waitForFunction(() => (window as unknown as { __downloadAt?: number }).__downloadAt !== undefined, undefined, { timeout: 600_000, polling: 100 });
  const d = await downloaded;
  await d.path();
  await d.delete();
  const { at, tasks } = await page.evaluate(() => {
    const w = window as unknown as { __downloadAt: number; __longTasks: { start: number; duration: number }[] };
    return { at: w.__downloadAt, tasks: w.__longTasks };
  });
  const during = tasks.filter((t) => t.start + t.duration >= clickAt && t.start <= at);
  // Let the notice settle before the next run.
  await page.waitForFunction(() => document.querySelector('[data-testid="exports"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60_000 });
  return { ms: at - clickAt, longest: during.length ? Math.max(...during.map((t) => t.duration)) : 0 };
}

/** The floor: one getAll, each record's fields joined, one Blob (ms, in the same page). */
async function rawExportOnce(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const open = indexedDB.open('kiem-dem-tthc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('records').objectStore('records').getAll();
          req.onsuccess = () => {
            const f = ['kind', 'code', 'resultNumber', 'procedure', 'field', 'department', 'receivedAt', 'dueAt', 'resolvedAt', 'issuedAt', 'validUntil', 'permanent', 'status', 'statusCode', 'digitized', 'sourceUrl', 'lastSeen'];
            const lines = (req.result as Record<string, unknown>[]).map((r) => f.map((k) => String(r[k] ?? '')).join(','));
            const blob = new Blob(['\uFEFF', f.join(','), '\r\n', lines.join('\r\n')], { type: 'text/csv' });
            URL.revokeObjectURL(URL.createObjectURL(blob));
            db.close();
            resolve(performance.now() - t0);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export async function benchPopup(s: Session, small: number, large: number): Promise<BenchRow[]> {
  const periods = PERIODS.map((p) => p.value);
  const fill = async (n: number) => {
    await resetStore(s.ext);
    await fillStore(s.ext, generateRecords(0, n), periods);
    const got = await countStore(s.ext);
    if (got !== n) throw new Error(`store holds ${got} records, expected ${n}`);
    await s.ext.reload();
  };
  await fill(small);
  const atSmall = await popupRuns(s);
  await fill(large);
  note(`store: ${await countStore(s.ext)} records, ${await countStore(s.ext, 'monthCells')} months of tally cells`);
  const atLarge = await popupRuns(s);

  const out: BenchRow[] = [];
  const [S, L] = [small.toLocaleString('en'), large.toLocaleString('en')];
  const first = (xs: Open[]) => xs.map((o) => o.firstRow);
  PERIODS.forEach((p, i) => {
    const [sm, lg] = [atSmall[i]!, atLarge[i]!];
    for (const [key, label] of [
      ['unchanged', 'nothing written since the last open'],
      ['afterCapture', `${CAPTURE_STEP} new rows captured just before`],
      ['outOfDate', 'its snapshot out of date'],
    ] as const) {
      note(`popup ${p.label}, ${label}: ${S}: ${first(sm[key]).map(fmtMs).join(', ')}; ${L}: ${first(lg[key]).map(fmtMs).join(', ')}`);
      out.push({
        what: `popup open → first tally row, ${L} vs ${S} records (${p.label}; ${label})`,
        ours: fmtMs(median(first(lg[key]))),
        reference: `${fmtMs(median(first(sm[key])))} at ${S}`,
        ratio: pairedRatio(first(lg[key]), first(sm[key])),
        goal: '≤ 1.3×, ≤ 120 ms',
      });
    }
  });
  const docs = atLarge.flatMap((r) => [...r.unchanged, ...r.afterCapture, ...r.outOfDate]).map((o) => o.document);
  out.push({
    what: `  of which before the popup's page exists (the browser's own share, every ${L} open)`,
    ours: fmtMs(median(docs)),
    reference: '',
    ratio: '',
    goal: '',
  });

  return out;
}

/**
 * "Xuất CSV chi tiết" against the raw floor, in a popup of its own. Runs after the popup
 * section on its store (the large store plus the rows its runs captured), or fills the
 * large store itself when run alone (BENCH_ONLY=export).
 */
export async function benchExport(s: Session, large: number): Promise<BenchRow[]> {
  if ((await countStore(s.ext)) < large) {
    await resetStore(s.ext);
    await fillStore(s.ext, generateRecords(0, large), PERIODS.map((p) => p.value));
    await s.ext.reload();
  }
  const L = large.toLocaleString('en');
  const out: BenchRow[] = [];
  const page = await s.browser.context.newPage();
  try {
    await page.addInitScript(EXPORT_PROBE);
    await page.goto(`chrome-extension://${s.browser.extensionId}/popup.html`);
    await page.getByTestId('export-detail').waitFor({ timeout: 120_000 });
    // The large store plus the rows the runs above captured.
    const total = await countStore(s.ext);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="record-count"]')?.getAttribute('data-value')) === n, total, { timeout: 300_000, polling: 200 });
    await rawExportOnce(page); // warm-up
    const ours: number[] = [];
    const raw: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) raw.push(await rawExportOnce(page));
      const r = await exportOnce(page);
      if (i % 2 === 1) raw.push(await rawExportOnce(page));
      ours.push(r.ms);
      longest.push(r.longest);
      note(`detail export ${L}: run ${i + 1}/${RUNS}: ${fmtMs(r.ms)} (longest task ${fmtMs(r.longest)}), raw ${fmtMs(raw[i]!)}`);
    }
    out.push({
      what: `"Xuất CSV chi tiết" of ${L} records: click → download`,
      ours: fmtMs(median(ours)),
      reference: `raw getAll + join + Blob ${fmtMs(median(raw))}`,
      ratio: pairedRatio(ours, raw),
      goal: '≤ 1.5×',
    });
    out.push({
      what: '  longest popup task during that export',
      ours: fmtMs(median(longest)),
      reference: '',
      ratio: '',
      goal: 'popup responsive',
    });
  } finally {
    await page.close();
  }
  return out;
}
