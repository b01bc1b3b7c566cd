/**
 * Group commit: writes that arrive while one is under way wait for it, then go together
 * in one call (one transaction). A page that sends many batches at once then costs a few
 * transactions, each with a handful of round trips, rather than a transaction per batch.
 *
 * Each job still gets its own answer. A group that fails is run again job by job, in
 * order, so a batch that cannot be stored fails alone and the others are kept.
 */
export interface GroupCommitOptions<J> {
  /** A job's size (e.g. its rows); a group stops growing at `maxWeight` (one job always fits). */
  weight?: (job: J) => number;
  maxWeight?: number;
}

interface Waiting<J, R> {
  job: J;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function groupCommit<J, R>(run: (jobs: J[]) => Promise<R[]>, options: GroupCommitOptions<J> = {}): (job: J) => Promise<R> {
  const weight = options.weight ?? (() => 1);
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  const queue: Waiting<J, R>[] = [];
  let busy = false;

  const take = (): Waiting<J, R>[] => {
    const group: Waiting<J, R>[] = [];
    let w = 0;
    while (queue.length > 0) {
      const next = weight(queue[0]!.job);
      if (group.length > 0 && w + next > maxWeight) break;
      group.push(queue.shift()!);
      w += next;
    }
    return group;
  };

  const settle = async (group: Waiting<J, R>[]): Promise<void> => {
    try {
      const results = await run(group.map((g) => g.job));
      for (const [i, g] of group.entries()) g.resolve(results[i]!);
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const g of group) {
        try {
          g.resolve((await run([g.job]))[0]!);
        } catch (e) {
          g.reject(e);
        }
      }
    }
  };

  const pump = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      while (queue.length > 0) await settle(take());
    } finally {
      busy = false;
    }
  };

  return (job: J) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      void pump();
    });
}
