/**
 * The detail export off the popup's thread: the worker's job (utils/export/detail-job.ts)
 * gives exactly the bytes of the in-page export, reports its progress, and leaves alone a
 * store it must not touch; the popup's client (detail-client.ts) falls back to the page only
 * when the worker cannot do the job, and reports a failure once it has started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { detailCsv } from '../../utils/csv';
import { detailExportJob, runDetailJob, type DetailJobMessage } from '../../utils/export/detail-job';
import { exportDetailInWorker } from '../../utils/export/detail-client';
import { KiemDemDB } from '../../utils/store/db';
import { IDB_VERSION } from '../../utils/store/schema-version';
import { upsertBatch } from '../../utils/store/upsert';
import { prng, randomRecords } from './tally-helpers';

const SRC = { url: 'https://motcua.example.gov.vn/dossier', at: 1 };
let name: string;
let n = 0;
beforeEach(() => {
  name = `detail-job-${++n}`;
});
afterEach(async () => {
  await Dexie.delete(name);
});

/** The file's text with its BOM kept (Blob.text() drops it). */
const bytesOf = async (b: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.arrayBuffer());

async function job(dbName: string): Promise<DetailJobMessage[]> {
  const got: DetailJobMessage[] = [];
  await detailExportJob(indexedDB, (m) => got.push(m), dbName);
  return got;
}

describe('detailExportJob', () => {
  it('hands back the in-page export’s exact bytes, with progress up to every record', async () => {
    const db = new KiemDemDB(name);
    await upsertBatch(db, randomRecords(prng(11), 5000, 3000), SRC);
    const records = await db.records.toArray();
    db.close();
    const got = await job(name);
    const done = got.at(-1);
    if (done?.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.rows).toBe(records.length);
    expect(done.blob.type).toBe('text/csv;charset=utf-8');
    expect(await bytesOf(done.blob)).toBe(detailCsv(records));
    const progress = got.filter((m) => m.kind === 'progress');
    expect(progress[0]).toEqual({ kind: 'progress', done: 0, total: records.length });
    expect(progress.at(-1)).toEqual({ kind: 'progress', done: records.length, total: records.length });
    const dones = progress.map((m) => m.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it('an empty store gives the header alone', async () => {
    const db = new KiemDemDB(name);
    await db.open();
    db.close();
    const done = (await job(name)).at(-1);
    if (done?.kind !== 'done') throw new Error('expected done');
    expect(await bytesOf(done.blob)).toBe(detailCsv([]));
  });

  it('no store: "unavailable", and no empty database is left behind', async () => {
    expect(await job(name)).toEqual([{ kind: 'unavailable' }]);
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('a store at another schema version: "unavailable", the store untouched', async () => {
    const old = new Dexie(name);
    old.version(1).stores({ records: 'key' });
    await old.table('records').put({ key: 'a' });
    old.close();
    expect(await job(name)).toEqual([{ kind: 'unavailable' }]);
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(1);
    expect(await again.table('records').count()).toBe(1);
    again.close();
  });

  it('runDetailJob turns a failure inside the job into an error message', async () => {
    // At the current version but without a records table (no release has one): the read fails.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, IDB_VERSION);
      req.onupgradeneeded = () => req.result.createObjectStore('meta');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const got: DetailJobMessage[] = [];
    await runDetailJob(indexedDB, (m) => got.push(m), name);
    expect(got).toHaveLength(1);
    expect(got[0]?.kind).toBe('error');
    expect((got[0] as { message: string }).message).toMatch(/records|not found/iu);
  });
});

/** A Worker that answers as the script would, driven by a list of replies or an error. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private script: (w: FakeWorker) => void) {}
  postMessage() {
    queueMicrotask(() => this.script(this));
  }
  terminate() {
    this.terminated = true;
  }
  say(m: DetailJobMessage) {
    this.onmessage?.({ data: m } as MessageEvent);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

describe('exportDetailInWorker', () => {
  const run = (script: (w: FakeWorker) => void) => {
    const seen: [number, number][] = [];
    let made: FakeWorker | undefined;
    const p = exportDetailInWorker(
      () => {
        made = new FakeWorker(script);
        return made as unknown as Worker;
      },
      (d, t) => seen.push([d, t]),
    );
    return { p, seen, worker: () => made! };
  };

  it('relays progress and resolves with the worker’s Blob, then ends the worker', async () => {
    const blob = new Blob(['x']);
    const r = run((w) => {
      w.say({ kind: 'progress', done: 0, total: 2 });
      w.say({ kind: 'progress', done: 2, total: 2 });
      w.say({ kind: 'done', blob, rows: 2 });
    });
    expect(await r.p).toBe(blob);
    expect(r.seen).toEqual([
      [0, 2],
      [2, 2],
    ]);
    expect(r.worker().terminated).toBe(true);
  });

  it('null (export in the page) when the worker cannot be made, does not load, or finds no store', async () => {
    expect(await exportDetailInWorker(() => { throw new Error('no Worker'); }, () => {})).toBeNull();
    expect(await run((w) => w.fail('script failed to load')).p).toBeNull();
    expect(await run((w) => w.say({ kind: 'unavailable' })).p).toBeNull();
  });

  it('rejects with the worker’s message once the job has started', async () => {
    await expect(run((w) => w.say({ kind: 'error', message: 'QuotaExceededError' })).p).rejects.toThrow('QuotaExceededError');
    const late = run((w) => {
      w.say({ kind: 'progress', done: 0, total: 9 });
      w.fail('out of memory');
    });
    await expect(late.p).rejects.toThrow('out of memory');
    expect(late.worker().terminated).toBe(true);
  });
});
