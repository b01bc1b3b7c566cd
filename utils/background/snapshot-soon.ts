/**
 * The worker brings the popup's tally snapshot up to date (utils/store/snapshot-refresh.ts)
 * once writes have been quiet for a while, so the next popup open finds it current: never
 * while a list is being captured, and at most once per quiet spell.
 */
export const SNAPSHOT_QUIET_MS = 3000;

export function snapshotSoon(run: () => Promise<unknown>, quietMs = SNAPSHOT_QUIET_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run().catch(() => undefined);
    }, quietMs);
  };
}
