/**
 * The page walk engine over a live DOM (happy-dom) wired to the worker's real walk state
 * (fake session storage): it reads each page, presses only "Sau", stops at the disabled
 * control, and halts when told. And the watcher's guarantees the walk relies on: rows
 * changed in a known table are read at once, and a page that never stops changing is
 * still read.
 */
import { describe, expect, it } from 'vitest';
import { Walks, type SessionArea } from '../../utils/background/walks';
import { PageCapture } from '../../utils/capture/page-capture';
import type { WalkBridge } from '../../utils/crawl/bridge';
import { PageWalker } from '../../utils/crawl/walker';
import { ctx, loadDoc } from './load';

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const code = (i: number) => `000.00.13.H37-230601-${String(i).padStart(4, '0')}`;

function session(): SessionArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (k) => (k === null ? { ...data } : Object.fromEntries((Array.isArray(k) ? k : [k]).filter((x) => x in data).map((x) => [x, structuredClone(data[x])]))),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (k) => {
      for (const x of Array.isArray(k) ? k : [k]) delete data[x];
    },
  };
}

/** A 3-page list (7 rows a page, 20 in all) paging in place; row actions count presses. */
function pagedDoc() {
  const doc = loadDoc(`<h2>Hồ sơ</h2><p id="total">Tổng số 20 bản ghi</p><table id="t"><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Thao tác</th></tr></thead><tbody id="rows"></tbody></table>
    <ul class="pagination"><li><a id="prev" href="#">Trước</a></li><li id="next-item"><a id="next" href="#">Sau</a></li></ul>`);
  let page = 1;
  let actions = 0;
  const render = () => {
    const body = doc.getElementById('rows')!;
    body.textContent = '';
    for (let i = (page - 1) * 7; i < Math.min(page * 7, 20); i++) {
      const tr = doc.createElement('tr');
      for (const text of [code(i), 'Cấp giấy phép']) {
        const td = doc.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const td = doc.createElement('td');
      const del = doc.createElement('button');
      del.textContent = 'Xóa';
      del.addEventListener('click', () => actions++);
      td.append(del);
      tr.append(td);
      body.append(tr);
    }
    doc.getElementById('next-item')!.className = page === 3 ? 'disabled' : '';
  };
  doc.getElementById('next')!.addEventListener('click', (e) => {
    e.preventDefault();
    if (page < 3)
      setTimeout(() => {
        page += 1;
        render();
      }, 20);
  });
  render();
  return { doc, actions: () => actions };
}

async function setup(doc: Document, pageLimit = 500) {
  const walks = new Walks({
    session: session(),
    inject: async () => undefined,
    clickInPage: async () => undefined,
    halt: async () => undefined,
    options: async () => ({ delayMs: 5, pageLimit: 500, largestPageSize: false }),
    recordList: async () => undefined,
    badge: () => undefined,
    now: () => Date.now(),
  });
  const sender = { tabId: 1, frameId: 0, documentId: 'd', url: 'https://motcua.langson.gov.vn/ds' };
  const root = () => doc.getElementById('t');
  const keys = () => Array.from(doc.querySelectorAll('#rows tr td:first-child'), (td) => td.textContent ?? '');
  const list = { id: 'motcua.langson.gov.vn/ds', label: 'Hồ sơ', total: 20, page: null };
  const bridge: WalkBridge = { table: root, readNow: async () => undefined, pageKeys: keys, list: () => list, pending: () => 0 };
  await walks.pageState(sender, { type: 'page/state', title: 'Hồ sơ', records: 7, list, keys: [] });
  await walks.start(1, 0);
  const resume = await walks.resume(sender);
  const walker = new PageWalker(
    bridge,
    { report: (r) => walks.report(sender, r), clickInPage: async () => undefined, sleep: wait, now: () => Date.now() },
    { page: resume.page!, fresh: true, delayMs: 5, pageLimit, largestPageSize: false, turnTimeoutMs: 500 },
  );
  return { walks, walker };
}

describe('PageWalker', () => {
  it('walks every page with "Sau", never a row action, and ends at the disabled control', async () => {
    const { doc, actions } = pagedDoc();
    const { walks, walker } = await setup(doc);
    await walker.run();
    expect(await walks.walk(1)).toMatchObject({ status: 'ended', reason: 'done', pagesRead: 3, records: 20, total: 20 });
    expect(actions()).toBe(0);
  });

  it('halts when told, keeping the pages read', async () => {
    const { doc } = pagedDoc();
    const { walks, walker } = await setup(doc);
    const run = walker.run();
    await wait(10);
    walker.halt();
    await walks.stop(1);
    await run;
    const w = await walks.walk(1);
    expect(w).toMatchObject({ status: 'ended', reason: 'stopped' });
    expect(w!.records).toBeGreaterThanOrEqual(7);
    expect(w!.records).toBeLessThan(20);
  });

  it('"Đọc tiếp" on a later page counts from the number the pager shows', async () => {
    const { doc } = pagedDoc();
    // Page 2 of 3 is on screen when the walk starts; the pager marks it as current.
    doc.getElementById('next')!.click();
    await wait(40);
    doc.getElementById('next-item')!.insertAdjacentHTML('beforebegin', '<li class="active"><span>2</span></li>');
    const { walks, walker } = await setup(doc);
    await walker.run();
    expect(await walks.walk(1)).toMatchObject({ status: 'ended', reason: 'done', page: 3, pagesRead: 2 });
  });

  it('stops at the page limit', async () => {
    const { doc } = pagedDoc();
    const { walks, walker } = await setup(doc, 2);
    await walker.run();
    expect(await walks.walk(1)).toMatchObject({ status: 'ended', reason: 'limit', pagesRead: 2, records: 14 });
  });

  it('a list without any pager ends at once with "no pager"', async () => {
    const doc = loadDoc(`<table id="t"><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody id="rows"><tr><td>${code(1)}</td><td>Cấp phép</td></tr></tbody></table>`);
    const { walks, walker } = await setup(doc);
    await walker.run();
    expect(await walks.walk(1)).toMatchObject({ status: 'ended', reason: 'no-pager', pagesRead: 1 });
  });
});

describe('PageCapture for a walk', () => {
  it('reads rows changed inside a known table at once, without waiting for the debounce', async () => {
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody><tr><td id="c">${code(1)}</td><td>Cấp phép</td></tr></tbody></table>`);
    const seen: string[] = [];
    const capture = new PageCapture({ doc, context: () => ctx, emit: (_k, r) => seen.push(r.code!), scanned: () => undefined, debounceMs: 5000, maxWaitMs: 5000 });
    capture.start();
    await capture.scanNow();
    expect(seen).toEqual([code(1)]);
    // Virtual scrolling: the same row element shows the next records, one every 30 ms.
    for (let i = 2; i <= 6; i++) {
      doc.getElementById('c')!.textContent = code(i);
      await wait(30);
    }
    capture.stop();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6].map(code));
  });

  it('a page that never stops changing still gets its table read (maximum wait)', async () => {
    const doc = loadDoc(`<div id="tick"><span>0</span></div>`);
    const seen: string[] = [];
    const capture = new PageCapture({ doc, context: () => ctx, emit: (_k, r) => seen.push(r.code!), scanned: () => undefined, debounceMs: 50, maxWaitMs: 120 });
    capture.start();
    await wait(20);
    const table = doc.createElement('div');
    table.innerHTML = `<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody><tr><td>${code(9)}</td><td>Cấp phép</td></tr></tbody></table>`;
    doc.body.append(table);
    // An element replaced every 10 ms, forever: the debounce alone would never end.
    let n = 0;
    const ticker = setInterval(() => {
      const s = doc.createElement('span');
      s.textContent = String(++n);
      doc.getElementById('tick')!.replaceChildren(s);
    }, 10);
    await wait(400);
    clearInterval(ticker);
    capture.stop();
    expect(seen).toEqual([code(9)]);
  });

  it('says when the page leaves its list (no record table any more)', async () => {
    const doc = loadDoc(`<div id="app"><table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th></tr></thead><tbody><tr><td>${code(3)}</td><td>Cấp phép</td></tr></tbody></table></div>`);
    let idle = 0;
    const capture = new PageCapture({ doc, context: () => ctx, emit: () => undefined, scanned: () => undefined, idle: () => void idle++, debounceMs: 10 });
    capture.start();
    await capture.scanNow();
    expect(idle).toBe(0);
    doc.getElementById('app')!.textContent = 'Trang chủ';
    await wait(100);
    capture.stop();
    expect(idle).toBe(1);
  });
});
