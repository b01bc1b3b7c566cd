/** Size of the built content scripts, as shipped and gzipped (what every portal frame parses). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../support/browser';
import { fmtKb, type BenchRow } from './report';

export function benchContentScriptSize(): BenchRow[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return {
        what: `content script size (content-scripts/${f})`,
        ours: `${fmtKb(bytes.length)} (${fmtKb(gzipSync(bytes, { level: 9 }).length)} gzip)`,
        reference: '',
        ratio: '',
        goal: '≤ 30 kB',
      };
    });
}
