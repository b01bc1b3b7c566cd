/**
 * The detail export's worker (a dedicated Worker the popup starts on "Xuất CSV chi tiết"):
 * reading and formatting 100,000 records here leaves the popup's thread free to paint and
 * answer the keyboard. Plain IndexedDB, no Dexie: it only reads.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runDetailJob, type DetailJobMessage } from '../utils/export/detail-job';

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(m: DetailJobMessage): void;
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = () => {
    void runDetailJob(indexedDB, (m) => scope.postMessage(m));
  };
});
