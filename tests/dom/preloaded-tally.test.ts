// @vitest-environment happy-dom
/**
 * The popup's hook over the preload script's answer (components/usePreloadedTally.ts): an
 * answer already in is there in the first render (the first commit shows the table, not
 * "loading"); one still on its way arrives through the promise; no preload script gives null.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { usePreloadedTally } from '../../components/usePreloadedTally';
import { DEFAULT_PERIOD } from '../../utils/period';
import { PRELOAD_ANSWER_GLOBAL, PRELOAD_GLOBAL, type TallyPreload } from '../../utils/store/tally-preload';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const g = globalThis as Record<string, unknown>;
const ANSWER: TallyPreload = { period: DEFAULT_PERIOD, hasAny: 1, cells: [], details: [] };

function Probe({ seen }: { seen: unknown[] }) {
  seen.push(usePreloadedTally());
  return null;
}

/** Every value the hook gave, render by render. */
async function renders(): Promise<unknown[]> {
  const seen: unknown[] = [];
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe, { seen })));
  await act(async () => new Promise((r) => setTimeout(r, 10)));
  root.unmount();
  return seen;
}

afterEach(() => {
  delete g[PRELOAD_GLOBAL];
  delete g[PRELOAD_ANSWER_GLOBAL];
});

describe('usePreloadedTally', () => {
  it('gives an answer already in at the first render', async () => {
    g[PRELOAD_GLOBAL] = Promise.resolve(ANSWER);
    g[PRELOAD_ANSWER_GLOBAL] = ANSWER;
    const seen = await renders();
    expect(seen[0]).toBe(ANSWER);
    expect(new Set(seen)).toEqual(new Set([ANSWER]));
  });

  it('waits for an answer still on its way, then gives it', async () => {
    g[PRELOAD_GLOBAL] = new Promise((r) => setTimeout(() => r(ANSWER), 5));
    const seen = await renders();
    expect(seen[0]).toBeUndefined();
    expect(seen.at(-1)).toBe(ANSWER);
  });

  it('gives null without a preload script', async () => {
    const seen = await renders();
    expect(seen.at(-1)).toBeNull();
  });
});
