/**
 * The benchmark's table: one row per figure, paired ratios against a floor or a
 * reference measured in the same run. Figures only, never pass/fail.
 */

export interface BenchRow {
  what: string;
  /** The product's figure (median), already formatted. */
  ours: string;
  /** The floor or reference it is compared with (median), formatted; '' when none. */
  reference: string;
  /** Median of the per-run ratios with their range, formatted; '' when none. */
  ratio: string;
  /** The goal, for the reader. */
  goal: string;
}

export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmtMs = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
export const fmtKb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** Median of ours/reference taken run by run (pairs measured back to back), with the range. */
export function pairedRatio(ours: readonly number[], reference: readonly number[]): string {
  const ratios = ours.map((o, i) => o / reference[i]!).filter(Number.isFinite);
  if (ratios.length === 0) return 'n/a';
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  return `${median(ratios).toFixed(2)}× (${lo.toFixed(2)}–${hi.toFixed(2)})`;
}

export function printTable(rows: readonly BenchRow[], title: string): string {
  const head: BenchRow = { what: 'what', ours: 'product (median)', reference: 'floor / reference (median)', ratio: 'ratio (median, range)', goal: 'goal' };
  const all = [head, ...rows];
  const keys = ['what', 'ours', 'reference', 'ratio', 'goal'] as const;
  const width = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: BenchRow) => `| ${keys.map((k, i) => r[k].padEnd(width[i]!)).join(' | ')} |`;
  const sep = `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const text = [title, '', line(head), sep, ...rows.map(line)].join('\n');
  console.log(`\n${text}\n`);
  return text;
}

/** A progress line on stderr, so the table on stdout stays clean when redirected. */
export function note(text: string): void {
  process.stderr.write(`  ${text}\n`);
}
