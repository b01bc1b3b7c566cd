/**
 * Size of the built content scripts, as shipped and gzipped: the one in the manifest
 * (parsed in every frame of every portal page) and the reader the worker loads only into
 * frames that may hold records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../support/browser';
import { fmtKb, type BenchRow } from './report';

export function benchContentScriptSize(): BenchRow[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const everyFrame = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => Number(everyFrame.has(`content-scripts/${b}`)) - Number(everyFrame.has(`content-scripts/${a}`)))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const manifestScript = everyFrame.has(`content-scripts/${f}`);
      return {
        what: manifestScript ? `content script of every portal frame (content-scripts/${f})` : `  reader, loaded only where records may be (content-scripts/${f})`,
        ours: `${fmtKb(bytes.length)} (${fmtKb(gzipSync(bytes, { level: 9 }).length)} gzip)`,
        reference: '',
        ratio: '',
        goal: manifestScript ? '≤ 30 kB' : '',
      };
    });
}
