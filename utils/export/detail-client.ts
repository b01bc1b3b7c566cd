/**
 * The popup's side of the detail export worker: start it, relay its progress, get the
 * Blob. Resolves null when the worker cannot do the job (no Worker here, the script did
 * not load, the store not openable as it is): the caller then exports in the page.
 */
import type { DetailJobMessage } from './detail-job';

/** Where the built extension has the worker (entrypoints/detail-export.ts). */
export const DETAIL_WORKER_URL = '/detail-export.js';

export function exportDetailInWorker(
  makeWorker: () => Worker,
  onProgress: (done: number, total: number) => void,
): Promise<Blob | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = makeWorker();
    } catch {
      resolve(null);
      return;
    }
    let started = false;
    const end = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<DetailJobMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') {
        started = true;
        onProgress(m.done, m.total);
      } else if (m.kind === 'done') {
        end();
        resolve(m.blob);
      } else if (m.kind === 'unavailable') {
        end();
        resolve(null);
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      // Before any progress the script itself failed to load or start: the page can still do it.
      if (started) reject(new Error(e.message || 'detail export worker failed'));
      else resolve(null);
    };
    worker.postMessage('start');
  });
}
