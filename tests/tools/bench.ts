/**
 * Store benchmark (npm run bench): fill a fake-indexeddb store with 100,000 generated
 * records through upsertBatch, then time the popup's tally from cells against a scan
 * of every record, and the detail CSV. Prints measurements only; no pass/fail.
 * fake-indexeddb is much slower than a browser's IndexedDB: read ratios, not absolutes.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { detailCsv, detailCsvChunks } from '../../utils/csv';
import type { PortalRecord } from '../../utils/records';
import { KiemDemDB } from '../../utils/store/db';
import { upsertBatch } from '../../utils/store/upsert';
import { DEFAULT_PERIOD, tallyFromCells, tallyFromRecords } from '../../utils/tally';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 100_000);
const BATCH = 500; // MAX_BATCH of a capture message

const DEPTS = DEFAULT_SETTINGS.departments.map((d) => d.name);

let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const START = Date.UTC(2018, 0, 1);
const SPAN = Date.UTC(2024, 11, 31) - START;

const blank = {
  resultNumber: null, procedure: null, field: null, department: null, departmentFrom: null, receivedAt: null,
  dueAt: null, resolvedAt: null, issuedAt: null, validUntil: null, permanent: null, status: null, statusCode: null, digitized: null,
} satisfies Omit<PortalRecord, 'kind' | 'code'>;

/** About half dossiers, 40 % results of those dossiers, 10 % results known only by number. */
function generate(n: number): PortalRecord[] {
  const out: PortalRecord[] = [];
  const resolved: { code: string; dept: string | null; date: string }[] = [];
  let seq = 0;
  while (out.length < n) {
    const r = rand();
    if (r < 0.5 || resolved.length === 0) {
      const received = START + Math.floor(rand() * SPAN / DAY) * DAY;
      const d = iso(received);
      const code = `000.00.13.H37-${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${String(++seq).padStart(5, '0')}`;
      const done = rand() < 0.75;
      const dept = rand() < 0.03 ? null : pick(DEPTS);
      const resolvedAt = done ? iso(received + Math.floor(rand() * 20) * DAY) : null;
      out.push({
        ...blank, kind: 'dossier', code, procedure: 'Thủ tục hành chính mẫu', department: dept, receivedAt: d,
        dueAt: iso(received + 15 * DAY), resolvedAt, status: done ? 'Đã trả kết quả' : 'Đang xử lý', statusCode: done ? 10 : 4,
      });
      if (done) resolved.push({ code, dept, date: resolvedAt! });
    } else {
      const withCode = r < 0.9;
      const base = withCode ? resolved.splice(Math.floor(rand() * resolved.length), 1)[0]! : null;
      const issued = base ? base.date : iso(START + Math.floor(rand() * SPAN / DAY) * DAY);
      const v = rand();
      const years = pick([3, 5]);
      out.push({
        ...blank, kind: 'result', code: base?.code ?? null, resultNumber: `${++seq}/GCN-SKHCN`,
        department: base?.dept ?? pick(DEPTS), issuedAt: issued,
        permanent: v < 0.5 ? true : null,
        validUntil: v >= 0.8 ? `${Number(issued.slice(0, 4)) + years}${issued.slice(4)}` : null,
        digitized: rand() < 0.1 ? null : rand() < 0.7,
      });
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const records = generate(TOTAL);
  const db = new KiemDemDB(`bench-${Date.now()}`);
  console.log(`Generating and storing ${TOTAL} records in batches of ${BATCH} (fake-indexeddb)…`);

  const [, fillMs] = await time(async () => {
    for (let i = 0; i < records.length; i += BATCH) {
      await upsertBatch(db, records.slice(i, i + BATCH), { url: `https://motcua.langson.gov.vn/hs?page=${i / BATCH}`, at: 1_700_000_000_000 + i });
    }
  });
  const [again, againMs] = await time(() => upsertBatch(db, records.slice(0, 5000), { url: 'https://motcua.langson.gov.vn/hs', at: 1_800_000_000_000 }));

  const [nRecords, nResults, nCells] = [await db.records.count(), await db.results.count(), await db.cells.count()];

  const cellRuns: number[] = [];
  let viaCells;
  for (let i = 0; i < 7; i++) {
    const [t, d] = await time(async () => tallyFromCells(await db.cells.toArray(), DEFAULT_PERIOD));
    viaCells = t;
    cellRuns.push(d);
  }
  const scanRuns: number[] = [];
  let viaScan;
  for (let i = 0; i < 3; i++) {
    const [t, d] = await time(async () => tallyFromRecords(await db.records.toArray(), DEFAULT_PERIOD));
    viaScan = t;
    scanRuns.push(d);
  }
  const same = JSON.stringify(viaCells) === JSON.stringify(viaScan);
  const [stored, readMs] = await time(() => db.records.toArray());
  const [parts, chunkMs] = await time(() => detailCsvChunks(stored));
  const [, syncMs] = await time(() => detailCsv(stored));
  const bytes = new Blob(parts).size;

  console.log('');
  console.log(`records ${nRecords}, results ${nResults}, cells ${nCells} (${((nCells / nResults) * 100).toFixed(1)} % of results)`);
  console.log(`upsert: ${TOTAL} records in ${(fillMs / 1000).toFixed(1)} s → ${Math.round(TOTAL / (fillMs / 1000))} records/s`);
  console.log(`re-upsert of 5000 already-stored records: ${ms(againMs)} (${JSON.stringify(again)})`);
  console.log(`tally via cells (read cells + tallyFromCells), median of 7: ${ms(median(cellRuns))}`);
  console.log(`tally via scan (read records + tallyFromRecords), median of 3: ${ms(median(scanRuns))}`);
  console.log(`ratio scan / cells: ${(median(scanRuns) / median(cellRuns)).toFixed(1)}×; same table: ${same}; grand total ${viaCells!.grand.total}`);
  console.log(`detail CSV of ${stored.length} records: read ${ms(readMs)}, chunked ${ms(chunkMs)} (${parts.length} parts, ${(bytes / 1e6).toFixed(1)} MB), one-shot ${ms(syncMs)}`);
  db.close();
  await db.delete();
}

await main();
