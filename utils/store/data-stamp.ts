/**
 * Dexie middleware: every transaction that writes records, results or cells also puts a new
 * data stamp into `meta` (once per transaction, in it), which is what makes a tally snapshot
 * checkable (tally-snapshot.ts). A writing transaction without `meta` in its scope fails
 * loudly instead of leaving a snapshot that looks current.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { META_DATA_STAMP } from './stamp-keys';

const WATCHED: ReadonlySet<string> = new Set(['records', 'results', 'monthCells']);

/** A value no earlier transaction of this store had (time, then randomness). */
export function newStamp(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The stamp a writing transaction found and the one it put (see stampsOf). */
export interface TransactionStamps {
  before: Promise<unknown>;
  after: string;
}

/** By native transaction, which is unique to one database connection. */
const stamped = new WeakMap<object, TransactionStamps>();

/**
 * The stamps of a transaction that has written records, results or cells (Dexie's
 * `Transaction.idbtrans`), else undefined: lets a writer that keeps the tally snapshot
 * moving inside the same transaction tell whether it was current before the write.
 */
export function stampsOf(idbtrans: object): TransactionStamps | undefined {
  return stamped.get(idbtrans);
}

/**
 * An empty put or delete (a batch whose rows were all unchanged ends in `bulkPut([])`)
 * changes no data: renewing the stamp for it would only make a current snapshot unfit.
 */
function writesNothing(req: DBCoreMutateRequest): boolean {
  if (req.type === 'add' || req.type === 'put') return req.values.length === 0;
  if (req.type === 'delete') return req.keys.length === 0;
  return false;
}

export const dataStampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dataStamp',
  create(down) {
    const metaMissing = (req: DBCoreMutateRequest) => {
      const names = (req.trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
      return names !== undefined && !names.contains('meta');
    };
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            if (stamped.has(req.trans) || writesNothing(req)) return table.mutate(req);
            // Checked before anything is written, so the refused write changes nothing.
            if (metaMissing(req)) return Promise.reject(new Error(`Ghi vào bảng ${name} cần cả bảng meta trong cùng giao dịch (dấu dữ liệu của bảng tổng hợp).`));
            const meta = down.table('meta');
            // Requests of a transaction run in order: the read sees the stamp before this one.
            const before = meta.get({ trans: req.trans, key: META_DATA_STAMP }).then((row: { value?: unknown } | undefined) => row?.value);
            const after = newStamp();
            stamped.set(req.trans, { before, after });
            const put = meta.mutate({ type: 'put', trans: req.trans, values: [{ key: META_DATA_STAMP, value: after }] });
            return Promise.all([before, put, table.mutate(req)]).then(([, , res]) => res);
          },
        };
      },
    };
  },
};
