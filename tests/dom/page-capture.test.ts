/**
 * The page watcher over a live DOM (happy-dom): what it emits as the page changes, and
 * that ticking text outside the record tables causes no scan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PageCapture } from '../../utils/capture/page-capture';
import type { PortalRecord } from '../../utils/records';
import { ctx, loadDoc } from './load';

const row = (code: string, status: string) => `<tr><td>${code}</td><td>Cấp Giấy chứng nhận</td><td>${status}</td></tr>`;
const PAGE = `<div id="clock">08:00:00</div>
  <table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Trạng thái</th></tr></thead>
  <tbody id="rows">${row('000.00.13.H37-230601-0001', 'Đang xử lý')}${row('000.00.13.H37-230602-0002', 'Đã trả kết quả')}</tbody></table>`;

/** A table row built with DOM calls (HTML fragments of <tr> parse differently outside a table). */
function addRow(doc: Document, code: string, status: string): void {
  const tr = doc.createElement('tr');
  for (const text of [code, 'Cấp Giấy chứng nhận', status]) {
    const td = doc.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  doc.getElementById('rows')!.append(tr);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function watch(doc: Document) {
  const emitted: PortalRecord[] = [];
  let scans = 0;
  const capture = new PageCapture({
    doc,
    context: () => ctx,
    emit: (_key, r) => emitted.push(r),
    scanned: () => void scans++,
    debounceMs: 20,
  });
  capture.start();
  return { emitted, scans: () => scans, capture };
}

let stopLast: (() => void) | null = null;
afterEach(() => stopLast?.());

/** PAGE as the reader sees it while the parser is still at work, read with timers out of the way. */
function parsingPage(): { doc: Document; emitted: string[] } {
  const doc = loadDoc(PAGE);
  Object.defineProperty(doc, 'readyState', { configurable: true, get: () => 'loading' });
  const emitted: string[] = [];
  const capture = new PageCapture({ doc, context: () => ctx, emit: (_key, r) => emitted.push(r.code!), scanned: () => undefined, debounceMs: 10_000, maxWaitMs: 10_000 });
  stopLast = () => capture.stop();
  capture.start();
  return { doc, emitted };
}

describe('PageCapture', () => {
  it('emits each record once, and again only when its facts change', async () => {
    const doc = loadDoc(PAGE);
    const w = watch(doc);
    stopLast = () => w.capture.stop();
    await wait(150);
    expect(w.emitted.map((r) => r.code)).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002']);

    // In-place paging / virtual scrolling: the same row element now shows another dossier.
    const first = doc.querySelector('#rows tr td')!;
    first.textContent = '000.00.13.H37-230603-0003';
    await wait(150);
    expect(w.emitted.map((r) => r.code)).toContain('000.00.13.H37-230603-0003');

    // A status moves on: the record is sent again with the new facts.
    const n = w.emitted.length;
    doc.querySelectorAll('#rows tr')[1]!.querySelectorAll('td')[2]!.textContent = 'Đã trả kết quả';
    await wait(150);
    expect(w.emitted.length).toBe(n); // same text: nothing new
    doc.querySelectorAll('#rows tr')[1]!.querySelectorAll('td')[2]!.textContent = 'Dừng xử lý';
    await wait(150);
    expect(w.emitted.at(-1)).toMatchObject({ code: '000.00.13.H37-230602-0002', statusCode: 8 });
  });

  it('does not rescan while only text outside the tables ticks', async () => {
    const doc = loadDoc(PAGE);
    const w = watch(doc);
    stopLast = () => w.capture.stop();
    await wait(150);
    const scans = w.scans();
    for (let i = 1; i <= 10; i++) {
      doc.getElementById('clock')!.textContent = `08:00:${String(i).padStart(2, '0')}`;
      await wait(30);
    }
    await wait(100);
    expect(w.scans()).toBe(scans);
    // A row added to the table is picked up promptly.
    addRow(doc, '000.00.13.H37-230604-0004', 'Đang xử lý');
    await wait(150);
    expect(w.scans()).toBeGreaterThan(scans);
    expect(w.emitted.map((r) => r.code)).toContain('000.00.13.H37-230604-0004');
  });

  it('finds a table rendered after load and stops watching when stopped', async () => {
    const doc = loadDoc('<main id="app"><p>Đang tải…</p></main>');
    const w = watch(doc);
    await wait(100);
    expect(w.emitted).toHaveLength(0);
    const app = doc.getElementById('app')!;
    // The app renders its list: parse it in a detached document and move it in.
    const rendered = loadDoc(PAGE);
    for (const node of Array.from(rendered.body.childNodes)) app.append(doc.importNode(node, true));
    await wait(150);
    expect(w.emitted).toHaveLength(2);
    w.capture.stop();
    addRow(doc, '000.00.13.H37-230605-0005', 'Đang xử lý');
    await wait(150);
    expect(w.emitted).toHaveLength(2);
  });

  it('while the document is parsed, reads rows between the parser\'s chunks, never the last one until DOMContentLoaded', async () => {
    const doc = loadDoc(PAGE);
    // The parser's state as the reader sees it (happy-dom has finished parsing already).
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    let parsedCalls = 0;
    const emitted: string[] = [];
    const capture = new PageCapture({
      doc,
      context: () => ctx,
      emit: (_key, r) => emitted.push(r.code!),
      scanned: () => undefined,
      parsed: () => void parsedCalls++,
      debounceMs: 10_000,
      maxWaitMs: 10_000,
    });
    stopLast = () => capture.stop();
    capture.start();
    // The parser adds a row: the observer looks for the tables (its share of that chunk), then,
    // after the next chunk, reads every row but the last, which may be incomplete.
    addRow(doc, '000.00.13.H37-230603-0003', 'Đang xử lý');
    await wait(20);
    expect(parsedCalls).toBeGreaterThan(0);
    doc.getElementById('clock')!.append(doc.createElement('span'));
    await wait(20);
    expect(emitted).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002']);
    addRow(doc, '000.00.13.H37-230604-0004', 'Đang xử lý');
    await wait(20);
    expect(emitted).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002', '000.00.13.H37-230603-0003']);
    // Parsed: the last row is read at DOMContentLoaded, without waiting for a timer.
    state = 'interactive';
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('DOMContentLoaded'));
    expect(emitted).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002', '000.00.13.H37-230603-0003', '000.00.13.H37-230604-0004']);
  });

  it('while parsing, reads each new row once, and again a row read before that a script changes', async () => {
    const doc = loadDoc(PAGE);
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const emitted: { code: string; status: string }[] = [];
    const capture = new PageCapture({
      doc,
      context: () => ctx,
      emit: (_key, r) => emitted.push({ code: r.code!, status: String(r.statusCode) }),
      scanned: () => undefined,
      debounceMs: 10_000,
      maxWaitMs: 10_000,
    });
    stopLast = () => capture.stop();
    capture.start();
    for (let i = 3; i <= 8; i++) {
      addRow(doc, `000.00.13.H37-23060${i}-000${i}`, 'Đang xử lý');
      await wait(20);
    }
    // A callback too soon after the last read leaves its rows to the next one, or to a timer.
    await wait(150);
    const before = emitted.length;
    expect(before).toBe(7); // every row but the last, each once
    // A script rewrites the first row's status while the document is still parsed.
    doc.querySelectorAll('#rows tr')[0]!.querySelectorAll('td')[2]!.textContent = 'Dừng xử lý';
    await wait(20);
    state = 'interactive';
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('DOMContentLoaded'));
    const after = emitted.slice(before);
    expect(after.map((e) => e.code).sort()).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230608-0008']);
    expect(after.find((e) => e.code === '000.00.13.H37-230601-0001')?.status).toBe('8');
  });

  it('while parsing, a header cell arriving in a known table still makes its columns be read again', async () => {
    const { doc, emitted } = parsingPage();
    for (const i of [3, 4, 5]) {
      addRow(doc, `000.00.13.H37-23060${i}-000${i}`, 'Đang xử lý');
      await wait(20);
    }
    await wait(150); // rows a callback left (too soon after the last read) go by a timer
    const before = emitted.length;
    expect(before).toBe(4);
    // Cells arrive one by one in a row (as the parser adds them), a header cell among them:
    // the column map is stale from that row on, so it and the rows after it wait for a full
    // read instead of being read with it (the complete row before it is read as it was parsed).
    const tr = doc.createElement('tr');
    doc.getElementById('rows')!.append(tr);
    for (const text of ['000.00.13.H37-230609-0009', 'Cấp Giấy chứng nhận']) {
      const td = doc.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const th = doc.createElement('th');
    th.textContent = 'Trạng thái';
    tr.append(th);
    addRow(doc, '000.00.13.H37-230610-0010', 'Đang xử lý');
    await wait(150);
    expect(emitted.slice(before)).toEqual(['000.00.13.H37-230605-0005']);
    addRow(doc, '000.00.13.H37-230611-0011', 'Đang xử lý');
    await wait(150);
    expect(emitted.slice(before)).toEqual(['000.00.13.H37-230605-0005']);
  });

  it('while parsing, a whole header row a script appends after a body row is noticed too', async () => {
    const { doc, emitted } = parsingPage();
    addRow(doc, '000.00.13.H37-230603-0003', 'Đang xử lý');
    // Longer than the parse-time reads' spacing (a fifth of the time since the last, 4 ms at least).
    await wait(30);
    const before = emitted.length;
    // Two complete rows appended in one go (two records on the row group, one after the other).
    addRow(doc, '000.00.13.H37-230604-0004', 'Đang xử lý');
    const head = doc.createElement('tr');
    for (const text of ['Mã hồ sơ', 'Trạng thái', 'Tên thủ tục']) {
      const th = doc.createElement('th');
      th.textContent = text;
      head.append(th);
    }
    doc.getElementById('rows')!.append(head);
    addRow(doc, '000.00.13.H37-230605-0005', 'Đang xử lý');
    await wait(150);
    // The body rows before the header row are read as parsed; nothing from the header row on.
    expect(emitted.slice(before)).toEqual(['000.00.13.H37-230603-0003', '000.00.13.H37-230604-0004']);
  });

  it('at DOMContentLoaded, rows the memo knows run past the read budget: a long reload is counted before the first layout', async () => {
    // 300 rows the memo knows, each costing about 0.5 ms to recognise: 150 ms in all, more than
    // the 120 ms a read at DOMContentLoaded may take, well within the share known rows get when
    // the page took 8 s to get there (400 ms: room for a slow test machine's own cost per row).
    const rows = Array.from({ length: 300 }, (_, i) => row(`000.00.13.H37-230601-${String(i + 1).padStart(4, '0')}`, 'Đang xử lý')).join('');
    const doc = loadDoc(`<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Trạng thái</th></tr></thead><tbody id="rows">${rows}</tbody></table>`);
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // a row's hash, slowly
      }
    };
    let counted = 0;
    let emitted = 0;
    const capture = new PageCapture({
      doc,
      context: () => ctx,
      emit: () => void emitted++,
      scanned: (total) => {
        counted = total;
      },
      memo: {
        keyOf: (sig) => {
          busy(0.5);
          return `known-${sig}`;
        },
        read: () => undefined,
      },
      sinceNavigation: () => 8000,
      debounceMs: 10_000,
      maxWaitMs: 10_000,
    });
    stopLast = () => capture.stop();
    capture.start();
    // The parser's next chunk: the observer finds the table (and reads what its share allows).
    addRow(doc, '000.00.13.H37-230602-0999', 'Đang xử lý');
    await Promise.resolve();
    await Promise.resolve();
    // Parsed: every row is counted in the DOMContentLoaded task itself, without a timer.
    state = 'interactive';
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('DOMContentLoaded'));
    expect(counted).toBe(301);
    expect(emitted).toBe(0);
  });

  it('a list the parser finished with no call of the observer is read at DOMContentLoaded, before any timer', () => {
    // The reader arrived while the document was parsed, and the parser added the rest of a short
    // list in that one chunk: no observer call found the table before the document was parsed.
    const doc = loadDoc(PAGE);
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const emitted: string[] = [];
    let counted = 0;
    const capture = new PageCapture({
      doc,
      context: () => ctx,
      emit: (_key, r) => emitted.push(r.code!),
      scanned: (total) => {
        counted = total;
      },
      debounceMs: 10_000,
      maxWaitMs: 10_000,
    });
    stopLast = () => capture.stop();
    capture.start();
    expect(emitted).toEqual([]);
    state = 'interactive';
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('DOMContentLoaded'));
    // In the DOMContentLoaded task itself: the rows reach the worker before the page's first layout.
    expect(emitted).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002']);
    expect(counted).toBe(2);
  });

  it('columns a script changes while the document is parsed are read after it: every row again', async () => {
    const doc = loadDoc(PAGE);
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
    const emitted: { code: string; procedure: string | null }[] = [];
    const capture = new PageCapture({
      doc,
      context: () => ctx,
      emit: (_key, r) => emitted.push({ code: r.code!, procedure: r.procedure }),
      scanned: () => undefined,
      debounceMs: 10_000,
      maxWaitMs: 10_000,
    });
    stopLast = () => capture.stop();
    capture.start();
    addRow(doc, '000.00.13.H37-230603-0003', 'Đang xử lý');
    await wait(150);
    expect(emitted.map((e) => e.procedure)).toEqual(['Cấp Giấy chứng nhận', 'Cấp Giấy chứng nhận']);
    // The second and third headers swap while the parser is still at work (no record of the parse is looked at).
    const ths = doc.querySelectorAll('thead th');
    ths[1]!.textContent = 'Trạng thái';
    ths[2]!.textContent = 'Tên thủ tục';
    await wait(30);
    state = 'interactive';
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('DOMContentLoaded'));
    await wait(400);
    const last = new Map(emitted.map((e) => [e.code, e.procedure]));
    expect(last.get('000.00.13.H37-230601-0001')).toBe('Đang xử lý');
    expect(last.get('000.00.13.H37-230603-0003')).toBe('Đang xử lý');
  });
});
