/**
 * Capture-side trust over a live DOM: a row keeps the time it first appeared while it
 * does not change (a re-read after a settings change is not a newer reading), tables the
 * user cannot see are skipped, and the text walk survives a very deep DOM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PageCapture } from '../../utils/capture/page-capture';
import { linesOf, textOf } from '../../utils/extract/text';
import type { PortalRecord } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { ctx, loadDoc } from './load';

const row = (code: string, status: string) => `<tr><td>${code}</td><td>Cấp Giấy chứng nhận</td><td>${status}</td></tr>`;
const table = (id: string, rows: string, style = '') =>
  `<table id="${id}" style="${style}"><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Trạng thái</th></tr></thead><tbody>${rows}</tbody></table>`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stop: (() => void) | null = null;
afterEach(() => stop?.());

function watch(doc: Document, clock: { now: number }) {
  const emitted: { record: PortalRecord; readAt: number }[] = [];
  const capture = new PageCapture({ doc, context: () => ctx, emit: (_k, record, readAt) => emitted.push({ record, readAt }), scanned: () => undefined, debounceMs: 10, now: () => clock.now });
  capture.start();
  stop = () => capture.stop();
  return { emitted, capture };
}

describe('read time and visibility', () => {
  it('an unchanged row keeps its first read time across a refresh; a changed row gets a new one', async () => {
    const clock = { now: 1_000 };
    const doc = loadDoc(
      '<table><thead><tr><th>Mã hồ sơ</th><th>Trạng thái</th><th>Đơn vị xử lý</th></tr></thead><tbody>' +
        '<tr><td>000.00.13.H37-230601-0001</td><td>Đang xử lý</td><td>Phòng Pháp chế Sở</td></tr></tbody></table>',
    );
    let settings = DEFAULT_SETTINGS;
    const emitted: { record: PortalRecord; readAt: number }[] = [];
    const capture = new PageCapture({ doc, context: () => ({ url: ctx.url, settings }), emit: (_k, record, readAt) => emitted.push({ record, readAt }), scanned: () => undefined, debounceMs: 10, now: () => clock.now });
    capture.start();
    stop = () => capture.stop();
    await wait(150);
    expect(emitted.map((e) => [e.readAt, e.record.department])).toEqual([[1_000, 'Phòng Pháp chế Sở']]);
    clock.now = 50_000;
    // Settings change: the department now resolves, the row is emitted again — with its old read time.
    settings = { ...DEFAULT_SETTINGS, departments: [...DEFAULT_SETTINGS.departments, { name: 'Phòng Pháp chế', aliases: ['Phòng Pháp chế Sở'] }] };
    capture.refresh();
    await wait(150);
    expect(emitted.map((e) => [e.readAt, e.record.department])).toEqual([[1_000, 'Phòng Pháp chế Sở'], [1_000, 'Phòng Pháp chế']]);
    doc.querySelector('td:nth-child(2)')!.textContent = 'Đã trả kết quả';
    await wait(500);
    expect(emitted.at(-1)).toMatchObject({ readAt: 50_000, record: { statusCode: 10 } });
  });
  it('skips a table the user cannot see (display:none, hidden)', async () => {
    const doc = loadDoc(
      table('v', row('000.00.13.H37-230601-0001', 'Đang xử lý')) +
        table('h1', row('000.00.13.H37-230601-0002', 'Đang xử lý'), 'display:none') +
        `<div hidden>${table('h2', row('000.00.13.H37-230601-0003', 'Đang xử lý'))}</div>`,
    );
    const { emitted } = watch(doc, { now: 1 });
    await wait(100);
    expect(emitted.map((e) => e.record.code)).toEqual(['000.00.13.H37-230601-0001']);
  });
});

describe('a store the browser wiped', () => {
  it('resendAll gives every record again, rows scrolled away included, with their first read time', async () => {
    const clock = { now: 2_000 };
    const doc = loadDoc(table('t', row('000.00.13.H37-230601-0001', 'Đang xử lý') + row('000.00.13.H37-230601-0002', 'Đã trả kết quả')));
    const { emitted, capture } = watch(doc, clock);
    await wait(100);
    expect(emitted).toHaveLength(2);
    // A virtual grid drops the first row from the DOM; the store is then found wiped.
    doc.querySelector('tbody tr')!.remove();
    await wait(100);
    clock.now = 90_000;
    capture.resendAll();
    expect(emitted.slice(2).map((e) => [e.record.code, e.readAt])).toEqual([
      ['000.00.13.H37-230601-0001', 2_000],
      ['000.00.13.H37-230601-0002', 2_000],
    ]);
  });
});

describe('iterative text walk', () => {
  it('reads text under 100,000 nested elements without overflowing the stack', () => {
    const doc = loadDoc('<div id="root"></div>');
    const root = doc.createElement('div');
    let el: Element = root;
    for (let i = 0; i < 100_000; i++) {
      const child = doc.createElement(i % 2 ? 'div' : 'span');
      el.appendChild(child);
      el = child;
    }
    el.textContent = '000.00.13.H37-230702-0981';
    root.insertBefore(doc.createTextNode('Mã: '), root.firstChild);
    expect(textOf(root)).toBe('Mã: 000.00.13.H37-230702-0981');
    expect(linesOf(root)).toEqual(['Mã:', '000.00.13.H37-230702-0981']);
    // Building 100,000 happy-dom elements is slow on a busy machine: correctness, not speed, is tested.
  }, 60_000);
});
