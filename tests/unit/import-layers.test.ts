/**
 * Layering of the source, read from its relative imports (type-only ones included): the
 * tally and the store share the result rules (utils/result-rules.ts); the tally never
 * reaches the store, the store reaches the tally only through its read path for the
 * popup (store/tally-read.ts), and the result rules reach neither. A cycle between them would make the
 * pure tally carry the database layer, and the store depend on how the popup counts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'|import\s*\(\s*'(\.[^']+)'\s*\)|(?:^|\n)\s*import\s+'(\.[^']+)'/gu;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const base = join(dirname(file), spec);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
    if (found) out.push(found);
  }
  return out;
}

/** Every source file `start` reaches through relative imports (itself excluded). */
function reach(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    for (const next of importsOf(todo.pop()!)) {
      if (next === start || seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return seen;
}

/**
 * Store modules that read cells for the tally or keep the tally it gave (one way: the tally
 * itself never reaches the store): the popup's read path, its raw preload and the snapshot.
 */
const FEEDS_THE_TALLY: ReadonlySet<string> = new Set(['utils/store/tally-read.ts', 'utils/store/tally-preload.ts', 'utils/store/tally-snapshot.ts', 'utils/store/snapshot-refresh.ts']);

const storeFiles = readdirSync(join(ROOT, 'utils/store')).filter((f) => f.endsWith('.ts')).map((f) => `utils/store/${f}`);

describe('import layers', () => {
  it('reads imports, type-only ones included (so the checks below can fail)', () => {
    expect(importsOf('utils/tally.ts')).toContain('utils/result-rules.ts');
    expect(reach('utils/store/derive.ts')).toContain('utils/result-rules.ts');
    expect(importsOf('utils/store/types.ts')).toContain('utils/result-rules.ts');
  });
  it('the tally reaches no store module', () => {
    expect([...reach('utils/tally.ts')].filter((f) => f.startsWith('utils/store/'))).toEqual([]);
  });
  it('no store module reaches the tally but the popup\'s read path, which hands the cells to it', () => {
    for (const f of storeFiles) if (!FEEDS_THE_TALLY.has(f)) expect(reach(f).has('utils/tally.ts'), f).toBe(false);
    // …and the read path is reached by no other store module (the write path never counts).
    for (const f of storeFiles) for (const feed of FEEDS_THE_TALLY) if (!FEEDS_THE_TALLY.has(f)) expect(reach(f).has(feed), f).toBe(false);
  });
  it('the result rules reach neither the tally nor the store', () => {
    expect([...reach('utils/result-rules.ts')].filter((f) => f === 'utils/tally.ts' || f.startsWith('utils/store/'))).toEqual([]);
  });
});
