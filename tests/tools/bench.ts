/**
 * `npm run bench`: the extension's performance, measured in real Chromium with the
 * production build, each figure against a floor or reference measured in the same
 * browser run (median of BENCH_RUNS, ratios paired run by run). Prints a table; no
 * pass/fail (performance is never a timed test).
 *
 *   npm run bench                              # everything (a few minutes on 2 cores)
 *   BENCH_RUNS=3 npm run bench                 # fewer runs per figure
 *   BENCH_CAPTURE_ROWS=1000 BENCH_RECORDS=20000 npm run bench
 *   BENCH_ONLY=capture,popup npm run bench     # some sections only (size, capture, popup, export)
 *   BENCH_OUT=bench.txt npm run bench          # also write the table to a file
 *   KIEM_DEM_PREBUILT=1 npm run bench          # skip `wxt build`
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { findChromium } from '../support/chromium';
import { openSession, type Session } from '../support/session';
import { benchCapture } from './bench/capture';
import { benchExport, benchPopup } from './bench/popup';
import { note, printTable, RUNS, type BenchRow } from './bench/report';
import { benchContentScriptSize } from './bench/size';

const list = (v: string | undefined, dflt: number[]) => (v ? v.split(',').map(Number).filter((n) => n > 0) : dflt);
const CAPTURE_ROWS = list(process.env.BENCH_CAPTURE_ROWS, [1_000, 10_000]);
const LARGE = Number(process.env.BENCH_RECORDS ?? 100_000);
const SMALL = Number(process.env.BENCH_SMALL_RECORDS ?? 1_000);

/** One section of the table; each gets the same browser session. */
export interface BenchSection {
  name: string;
  run(s: Session): Promise<BenchRow[]>;
}

const SECTIONS: BenchSection[] = [
  { name: 'size', run: async () => benchContentScriptSize() },
  { name: 'capture', run: (s) => benchCapture(s, CAPTURE_ROWS) },
  // Further sections (e.g. the page walk) go here: { name: 'walk', run: (s) => benchWalk(s) }.
  { name: 'popup', run: (s) => benchPopup(s, SMALL, LARGE) },
  { name: 'export', run: (s) => benchExport(s, LARGE) },
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
  if (process.env.KIEM_DEM_PREBUILT !== '1') {
    const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  const started = Date.now();
  const rows: BenchRow[] = [];
  // The store is read through an extension page with no queries of its own: a popup left
  // open re-reads the store at each commit, which a clerk's capture does not pay (the
  // popup closes when the page is clicked). BENCH_PROBE_PAGE=popup.html measures with it open.
  const s = await openSession({ probePage: process.env.BENCH_PROBE_PAGE ?? 'manifest.json' });
  try {
    for (const section of SECTIONS) {
      if (only && !only.includes(section.name)) continue;
      note(`── ${section.name}`);
      rows.push(...(await section.run(s)));
    }
  } finally {
    await s.close();
  }
  const chromium = spawnSync(findChromium() ?? 'chromium', ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n').pop();
  const title = `Kiểm đếm TTHC benchmark — ${new Date().toISOString().slice(0, 16)}Z, ${chromium}, production build, ${cpus().length} cores, median of ${RUNS} (took ${((Date.now() - started) / 1000).toFixed(0)} s)`;
  const text = printTable(rows, title);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${text}\n`);
}

await main();
