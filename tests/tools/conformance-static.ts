/**
 * node --import tsx scripts/conformance-static.ts [DIR]
 * Extracts every static fixture page (interaction "none") at its own address and compares
 * with its expected records. Interactive pages need a real browser and are skipped here.
 * Exit code 1 on any difference, 2 when the folder cannot be read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { extractPage } from '../../utils/extract/index';
import { toOutput } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { compareRecords } from './lib/compare';
import { loadPage } from './lib/load-page';

interface Expected {
  page: string;
  url: string;
  interaction: string;
  records: object[];
}

async function main(): Promise<number> {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared/fixtures/portal'));
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.expected.json') && f !== 'tally.expected.json').sort();
  } catch {
    process.stderr.write(`Không đọc được thư mục: ${dir}\n`);
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    const exp = JSON.parse(await readFile(join(dir, f), 'utf8')) as Expected;
    if (exp.interaction !== 'none') {
      console.log(`${exp.page}: skipped (interaction: ${exp.interaction})`);
      continue;
    }
    const page = await loadPage(join(dir, exp.page), exp.url);
    const { records, rejected } = extractPage(page.document, { url: exp.url, settings: DEFAULT_SETTINGS });
    await page.close();
    const c = compareRecords(exp.records, records.map(toOutput));
    const bad = c.missing.length + c.extra.length + c.wrong.length;
    if (bad) failed++;
    const rej = Object.entries(rejected).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `${exp.page}: expected ${c.expected}, found ${c.found}, missing ${c.missing.length}, extra ${c.extra.length}, wrong ${c.wrong.length}${rej ? ` (rejected: ${rej})` : ''}`,
    );
    for (const k of c.missing) console.log(`  missing ${k}`);
    for (const k of c.extra) console.log(`  extra   ${k}`);
    for (const w of c.wrong) console.log(`  wrong   ${w.key} ${w.field}: expected ${JSON.stringify(w.expected)}, found ${JSON.stringify(w.found)}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
