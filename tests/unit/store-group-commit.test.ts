import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../utils/store/group-commit';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A fake store call: records each call's jobs, answers when released. */
function recorder(fail?: (jobs: number[]) => boolean) {
  const calls: number[][] = [];
  const release: (() => void)[] = [];
  const run = async (jobs: number[]) => {
    calls.push(jobs);
    await new Promise<void>((r) => release.push(r));
    if (fail?.(jobs)) throw new Error(`bad ${jobs.join(',')}`);
    return jobs.map((j) => j * 10);
  };
  return { calls, release, run };
}

describe('groupCommit', () => {
  it('runs a lone job at once, and jobs that arrive meanwhile together in the next call', async () => {
    const r = recorder();
    const write = groupCommit(r.run);
    const a = write(1);
    await tick();
    expect(r.calls).toEqual([[1]]);
    const rest = [write(2), write(3), write(4)];
    await tick();
    expect(r.calls).toEqual([[1]]);
    r.release.shift()!();
    await tick();
    expect(r.calls).toEqual([[1], [2, 3, 4]]);
    r.release.shift()!();
    expect(await a).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('keeps a group under the weight limit (one heavy job still goes)', async () => {
    const r = recorder();
    const write = groupCommit(r.run, { weight: (j) => j, maxWeight: 5 });
    const all = [write(1), write(2), write(3), write(9), write(1)];
    for (let i = 0; i < 6; i++) {
      await tick();
      r.release.shift()?.();
    }
    await Promise.all(all);
    expect(r.calls).toEqual([[1], [2, 3], [9], [1]]);
  });

  it('runs a failed group again job by job: only the bad job fails', async () => {
    const r = recorder((jobs) => jobs.includes(3));
    const write = groupCommit(r.run);
    const first = write(1);
    await tick();
    const group = [write(2), write(3), write(4)].map((p) => p.then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    for (let i = 0; i < 8; i++) {
      await tick();
      r.release.shift()?.();
    }
    expect(await first).toBe(10);
    expect(await Promise.all(group)).toEqual([{ v: 20 }, { e: 'bad 3' }, { v: 40 }]);
    expect(r.calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
