/**
 * The worker's walk state (utils/background/walks.ts) over a fake session area: start,
 * page reports, two pages without new records, stop, a new document (full page load),
 * navigation elsewhere, a closed tab; and the per-list coverage store with its upgrade.
 */
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { Walks, type SessionArea, type WalkState } from '../../utils/background/walks';
import { routeWalkMessage } from '../../utils/background/walk-router';
import type { PageState } from '../../utils/messages';
import { KiemDemDB, SCHEMA_V2 } from '../../utils/store/db';
import { recordListRead } from '../../utils/store/lists';

function fakeSession(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  return {
    data,
    async get(keys) {
      if (keys === null) return clone(data);
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in data) out[k] = clone(data[k]);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = clone(v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

const LIST = { id: 'motcua.langson.gov.vn/ds', label: 'Danh sách hồ sơ', total: 30, page: 'p1' };
const state = (keys: string[], list: PageState['list'] = LIST): PageState => ({ type: 'page/state', title: 'Danh sách', records: keys.length, list, keys });
const sender = (documentId = 'doc1', url = 'https://motcua.langson.gov.vn/ds') => ({ tabId: 7, frameId: 0, documentId, url });

let session: ReturnType<typeof fakeSession>;
let injected: string[];
let halted: number;
let lists: { id: string; keys: string[] }[];
let clock: number;
let walks: Walks;

beforeEach(() => {
  session = fakeSession();
  injected = [];
  halted = 0;
  lists = [];
  clock = 1_000_000;
  walks = new Walks({
    session,
    inject: async (tabId, frameId) => void injected.push(`${tabId}/${frameId}`),
    clickInPage: async () => undefined,
    halt: async () => void halted++,
    options: async () => ({ delayMs: 10, pageLimit: 500, largestPageSize: false }),
    recordList: async (list, keys) => void lists.push({ id: list.id, keys }),
    badge: () => undefined,
    now: () => clock++,
  });
});

const walk = async () => (await session.get('walk:7'))['walk:7'] as WalkState;

describe('walk state in the worker', () => {
  it('starts only on a frame that shows a list, injects the walker, counts distinct records', async () => {
    expect((await walks.start(7, 0)).ok).toBe(false);
    await walks.pageState(sender(), state(['a', 'b']));
    expect(lists).toEqual([{ id: LIST.id, keys: ['a', 'b'] }]);
    expect(await walks.start(7, 0)).toEqual({ ok: true });
    expect(injected).toEqual(['7/0']);
    expect((await walks.start(7, 0)).ok).toBe(false); // one walk per tab

    const resume = await walks.resume(sender());
    expect(resume).toMatchObject({ go: true, page: 1, fresh: true, delayMs: 10 });
    expect((await walks.resume(sender())).fresh).toBe(false);

    const r1 = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 1, listId: LIST.id, total: 30, keys: ['a', 'b'] });
    expect(r1).toMatchObject({ go: true, noNew: 0, records: 2 });
    await walks.report(sender(), { type: 'walk/report', event: 'turn', page: 2 });
    const r2 = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 2, listId: LIST.id, total: 30, keys: ['b', 'c'] });
    expect(r2).toMatchObject({ noNew: 0, records: 3 });
    // The same report again (its reply lost with a stopped worker): not another page, not one without news.
    const again = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 2, listId: LIST.id, total: 30, keys: ['b', 'c'] });
    expect(again).toMatchObject({ go: true, noNew: 0, records: 3 });
    expect(await walk()).toMatchObject({ pagesRead: 2 });
    const r3 = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 3, listId: LIST.id, total: 30, keys: ['a', 'c'] });
    const r4 = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 4, listId: LIST.id, total: 30, keys: ['c'] });
    expect([r3.noNew, r4.noNew]).toEqual([1, 2]);
    await walks.report(sender(), { type: 'walk/report', event: 'end', reason: 'nothing-new' });
    expect(await walk()).toMatchObject({ status: 'ended', reason: 'nothing-new', pagesRead: 4, records: 3, total: 30 });
    expect((await walks.report(sender(), { type: 'walk/report', event: 'page', page: 5, listId: LIST.id, total: 30, keys: ['z'] })).go).toBe(false);
  });

  it('a full page load: the next document of the same list gets the walker again; elsewhere ends the walk', async () => {
    await walks.pageState(sender(), state(['a']));
    await walks.start(7, 0);
    await walks.resume(sender());
    await walks.report(sender(), { type: 'walk/report', event: 'turn', page: 2 });
    // The new document has no table yet: wait for it.
    await walks.pageState(sender('doc2', 'https://motcua.langson.gov.vn/ds?page=2'), state([], null));
    expect((await walk()).status).toBe('running');
    await walks.pageState(sender('doc2', 'https://motcua.langson.gov.vn/ds?page=2'), state(['b']));
    expect(injected).toEqual(['7/0', '7/0']);
    expect((await walk()).documentId).toBe('doc2');
    // The same document reporting again does not inject twice.
    await walks.pageState(sender('doc2', 'https://motcua.langson.gov.vn/ds?page=2'), state(['b']));
    expect(injected).toHaveLength(2);
    // The user goes to a report page: the walk ends.
    await walks.pageState(sender('doc3', 'https://motcua.langson.gov.vn/bao-cao'), state([], null));
    expect(await walk()).toMatchObject({ status: 'ended', reason: 'navigated' });
  });

  it('Dừng stops it and tells the page; another site or a closed tab ends it', async () => {
    await walks.pageState(sender(), state(['a']));
    await walks.start(7, 0);
    expect(await walks.stop(7)).toEqual({ ok: true });
    expect(halted).toBe(1);
    expect(await walk()).toMatchObject({ status: 'ended', reason: 'stopped' });

    await walks.start(7, 0);
    await walks.tabUpdated(7, 'https://motcua.langson.gov.vn/ds?page=3');
    expect((await walk()).status).toBe('running');
    await walks.tabUpdated(7, undefined); // an address we may not see: another site
    expect(await walk()).toMatchObject({ status: 'ended', reason: 'navigated' });

    await walks.tabRemoved(7);
    expect(Object.keys(session.data)).toEqual([]);
  });

  it('a frame of a new page heard before its top document stays listed; frames of the old page go', async () => {
    const frame = (id: number, doc: string) => ({ tabId: 7, frameId: id, documentId: doc, url: 'https://motcua.langson.gov.vn/ds' });
    await walks.pageState(sender('top1'), state([], null));
    await walks.pageState(frame(3, 'old-frame'), state(['a']));
    clock += 60_000;
    await walks.pageState(frame(5, 'new-frame'), state(['b']));
    await walks.pageState(sender('top2'), state([], null));
    const entry = (await session.get('tab:7'))['tab:7'] as { frames: Record<string, unknown>; topDocument: string };
    expect(Object.keys(entry.frames).sort()).toEqual(['0', '5']);
    expect(entry.topDocument).toBe('top2');
  });

  it('a report from another frame or list never moves the walk', async () => {
    await walks.pageState(sender(), state(['a']));
    await walks.start(7, 0);
    expect((await walks.report({ ...sender(), frameId: 3 }, { type: 'walk/report', event: 'page', page: 1, listId: LIST.id, total: 1, keys: ['x'] })).go).toBe(false);
    const r = await walks.report(sender(), { type: 'walk/report', event: 'page', page: 1, listId: 'other/list', total: 1, keys: ['x'] });
    expect(r.go).toBe(false);
    expect(await walk()).toMatchObject({ status: 'ended', reason: 'navigated' });
  });
});

describe('walk messages through the router', () => {
  const deps = () => ({ extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', allowedPatterns: async () => ['*://*.langson.gov.vn/*'], walks });
  const portal = (doc?: string) => ({ id: 'ext', url: 'https://motcua.langson.gov.vn/ds', tab: { id: 7 }, frameId: 0, ...(doc ? { documentId: doc } : {}) });

  it('without sender.documentId (Firefox) the content script\'s own document id tells page loads apart', async () => {
    await routeWalkMessage({ ...state(['a']), doc: 'd1' }, portal(), deps());
    expect(await routeWalkMessage({ type: 'walk/start', tabId: 7, frameId: 0 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }, deps())).toEqual({ ok: true });
    await routeWalkMessage({ type: 'walk/resume', doc: 'd1' }, portal(), deps());
    await routeWalkMessage({ type: 'walk/report', event: 'turn', page: 2 }, portal(), deps());
    await routeWalkMessage({ ...state(['b']), doc: 'd2' }, portal(), deps());
    expect(injected).toEqual(['7/0', '7/0']);
    expect((await walk()).documentId).toBe('d2');
  });

  it('start and stop only from the extension\'s own pages; reports only from portal pages', async () => {
    await routeWalkMessage(state(['a']), portal('x'), deps());
    expect(await routeWalkMessage({ type: 'walk/start', tabId: 7, frameId: 0 }, portal('x'), deps())).toEqual({ ok: false });
    expect(await walk()).toBeUndefined();
    const elsewhere = { id: 'ext', url: 'https://evil.example/', tab: { id: 7 }, frameId: 0 };
    expect(await routeWalkMessage(state(['z']), elsewhere, deps())).toEqual({ ok: false, go: false });
    expect(routeWalkMessage({ type: 'capture/batch' }, portal('x'), deps())).toBeUndefined();
    expect(routeWalkMessage(state(['a']), { ...portal('x'), id: 'other' }, deps())).toBeUndefined();
  });
});

describe('per-list coverage store', () => {
  it('counts distinct records per list, idempotently; keeps the stated total and pages', async () => {
    const db = new KiemDemDB('lists-test');
    const list = { id: 'x.gov.vn/a', label: 'A', total: 37, page: 'p1' };
    await recordListRead(db, list, ['k1', 'k2', 'k2'], 10);
    await recordListRead(db, list, ['k1', 'k2'], 20);
    const row = await recordListRead(db, { ...list, page: 'p2', total: null }, ['k3'], 30);
    expect(row).toMatchObject({ captured: 3, statedTotal: 37, pagesRead: 2, firstRead: 10, lastRead: 30 });
    await recordListRead(db, { ...list, id: 'x.gov.vn/a|QLKH' }, ['k1'], 40);
    expect((await db.lists.get('x.gov.vn/a|QLKH'))?.captured).toBe(1);
    const sets = await db.listSets.toArray();
    expect(sets.flatMap((r) => r.keys.map((k) => `${r.list} ${k}`)).sort()).toEqual(['x.gov.vn/a k1', 'x.gov.vn/a k2', 'x.gov.vn/a k3', 'x.gov.vn/a|QLKH k1']);
    db.close();
    await db.delete();
  });

  it('upgrading a v2 store keeps every record and adds empty coverage tables', async () => {
    const name = 'upgrade-v2-v3';
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('records').put({ key: 'd|abc', kind: 'dossier', code: 'ABC', dept: 'X', lastSeen: 1 });
    await v2.table('meta').put({ key: 'schema', value: { version: 2 } });
    v2.close();
    const db = new KiemDemDB(name);
    await db.open();
    const records = await db.records.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'dossier', code: 'ABC', dept: 'X', lastSeen: 1 });
    expect(await db.lists.count()).toBe(0);
    expect(await db.listSets.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
