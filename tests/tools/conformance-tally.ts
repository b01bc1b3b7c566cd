/**
 * Tally conformance: merge the records of every `*.expected.json` page in the fixture
 * folder, tally them with the reference (tallyFromRecords) and through a fresh store
 * (upsertBatch → cells → readTally), and compare both with tally.expected.json.
 * Usage: node --import tsx scripts/conformance-tally.ts [DIR]   (exit 1 on any difference)
 */
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recordSchema, type PortalRecord } from '../../utils/records';
import { KiemDemDB } from '../../utils/store/db';
import { upsertBatch } from '../../utils/store/upsert';
import { readTally, readCells } from '../../utils/store/tally-read';
import { DEFAULT_PERIOD, type Period } from '../../utils/period';
import { tallyFromRecords, type Tally } from '../../utils/tally';

type Expected = Record<string, Record<string, { total: number; digitized: number; pending: number; unknown: number }>>;

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared/fixtures/portal'));
const expectedFile = JSON.parse(readFileSync(join(dir, 'tally.expected.json'), 'utf8')) as {
  period: Period;
  tally: Expected;
};

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json') && f !== 'tally.expected.json')
  .sort();
const perPage: { url: string; records: PortalRecord[] }[] = pages.map((f) => {
  const page = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url?: string; records: unknown[] };
  return { url: page.url ?? `file://${f}`, records: page.records.map((r) => recordSchema.parse(r)) };
});
const all = perPage.flatMap((p) => p.records);

function asExpected(t: Tally): Expected {
  const out: Expected = {};
  for (const r of t.rows) {
    const years = out[r.department] ?? {};
    out[r.department] = years;
    years[String(r.year)] = { total: r.total, digitized: r.digitized, pending: r.pending, unknown: r.unknown };
  }
  return out;
}

function diff(label: string, got: Expected, want: Expected): number {
  let problems = 0;
  const depts = new Set([...Object.keys(got), ...Object.keys(want)]);
  for (const d of [...depts].sort()) {
    const years = new Set([...Object.keys(got[d] ?? {}), ...Object.keys(want[d] ?? {})]);
    for (const y of [...years].sort()) {
      const g = got[d]?.[y];
      const w = want[d]?.[y];
      if (JSON.stringify(g) === JSON.stringify(w)) continue;
      problems++;
      console.log(`  ${label} ✗ ${d} ${y}: got ${JSON.stringify(g ?? null)} want ${JSON.stringify(w ?? null)}`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  console.log(`${pages.length} pages, ${all.length} records, period ${JSON.stringify(expectedFile.period)}`);
  const reference = tallyFromRecords(all, expectedFile.period);

  const db = new KiemDemDB(`conformance-${Date.now()}`);
  let at = Date.UTC(2026, 0, 1);
  for (const p of perPage) {
    at += 60_000;
    await upsertBatch(db, p.records, { url: p.url, at });
  }
  const fast = await readTally(db, expectedFile.period);
  const cellCount = (await readCells(db)).length;
  const resultCount = await db.results.count();
  db.close();

  let problems = 0;
  if (JSON.stringify(expectedFile.period) !== JSON.stringify(DEFAULT_PERIOD)) {
    problems++;
    console.log(`  ✗ the worked answer's period differs from DEFAULT_PERIOD ${JSON.stringify(DEFAULT_PERIOD)}`);
  }
  problems += diff('records', asExpected(reference), expectedFile.tally);
  problems += diff('cells', asExpected(fast), expectedFile.tally);
  if (JSON.stringify(reference) !== JSON.stringify(fast)) {
    problems++;
    console.log('  ✗ tallyFromRecords and tallyFromCells differ');
  }
  const g = reference.grand;
  console.log(
    `grand total ${g.total} (digitized ${g.digitized}, pending ${g.pending}, unknown ${g.unknown}); ` +
      `store: ${resultCount} results in ${cellCount} cells`,
  );
  console.log(problems === 0 ? 'OK: tally matches tally.expected.json' : `FAIL: ${problems} difference(s)`);
  return problems === 0 ? 0 : 1;
}

process.exitCode = await main();
