/**
 * Runs work over a list in slices so the portal page never sees a long task:
 * each slice stops after `budgetMs` and yields to the event loop.
 */
export interface SliceOptions {
  budgetMs: number;
  now(): number;
  yieldToPage(): Promise<void>;
  /** Checked between slices: stop early (a newer scan superseded this one). */
  cancelled?(): boolean;
}

export async function forEachSliced<T>(items: readonly T[], fn: (item: T, index: number) => void, opts: SliceOptions): Promise<boolean> {
  let i = 0;
  while (i < items.length) {
    const start = opts.now();
    do {
      fn(items[i]!, i);
      i += 1;
    } while (i < items.length && opts.now() - start < opts.budgetMs);
    if (i < items.length) {
      await opts.yieldToPage();
      if (opts.cancelled?.()) return false;
    }
  }
  return true;
}

/** setTimeout(0) is clamped after nesting; a MessageChannel post yields without the 4 ms floor. */
export function makeYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}
