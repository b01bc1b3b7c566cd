/**
 * Cheap re-reads: a page reloaded unchanged gives nothing to send (its rows are known by
 * signature once their records were committed); a changed row, an unacknowledged row, a
 * new day or other settings are read again. Runs the real page watcher over a live DOM.
 */
import { describe, expect, it } from 'vitest';
import { PageCapture } from '../../utils/capture/page-capture';
import { hashText, RowMemo, rowSignature, type SavedMemo } from '../../utils/capture/row-memo';
import type { PortalRecord } from '../../utils/records';
import { ctx, loadDoc } from './load';

const row = (code: string, status: string, extra = '') => `<tr><td>${code}</td><td>Cấp Giấy chứng nhận</td><td>${status}${extra}</td></tr>`;
const page = (rows: string) => `<table><thead><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Trạng thái</th><th>Số hóa</th></tr></thead><tbody>${rows}</tbody></table>`;
const A = row('000.00.13.H37-230601-0001', 'Đang xử lý');
const B = row('000.00.13.H37-230602-0002', 'Đã trả kết quả');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One page load: read with the memo, ack what was emitted (or not), return what went out and the memo saved. */
async function load(html: string, saved: SavedMemo | null, opts: { ack?: boolean; day?: number; context?: string } = {}) {
  const memo = new RowMemo(opts.day ?? 100, opts.context ?? 'c1', saved);
  const emitted: PortalRecord[] = [];
  let total = 0;
  const capture = new PageCapture({
    doc: loadDoc(html),
    context: () => ctx,
    memo: { keyOf: (s) => memo.keyOf(s), read: (s, k, r) => memo.read(s, k, r) },
    emit: (_k, r) => emitted.push(r),
    scanned: (n) => {
      total = n;
    },
    debounceMs: 10,
  });
  capture.start();
  await wait(120);
  capture.stop();
  if (opts.ack !== false) memo.acked(emitted);
  return { emitted, total, saved: memo.takeChanges() ?? saved };
}

describe('row memo (re-capture of an unchanged page)', () => {
  it('a reload of the same rows emits nothing and still counts them for the badge', async () => {
    const first = await load(page(A + B), null);
    expect(first.emitted.map((r) => r.code)).toEqual(['000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002']);
    expect(Object.keys(first.saved!.rows)).toHaveLength(2);
    const again = await load(page(A + B), first.saved);
    expect(again.emitted).toEqual([]);
    expect(again.total).toBe(2);
  });

  it('reads again a row whose text or attributes changed, and keeps the others known', async () => {
    const first = await load(page(A + B), null);
    const moved = row('000.00.13.H37-230602-0002', 'Đã trả kết quả', '<td><img alt="Đã số hóa" src="x.png"></td>');
    const again = await load(page(A + moved), first.saved);
    expect(again.emitted.map((r) => [r.code, r.digitized])).toEqual([['000.00.13.H37-230602-0002', true]]);
  });

  it('never skips rows whose records were not acknowledged, nor on another day or with other settings', async () => {
    const unacked = await load(page(A + B), null, { ack: false });
    expect(unacked.saved).toBeNull();
    const first = await load(page(A + B), null);
    expect((await load(page(A + B), first.saved, { day: 101 })).emitted).toHaveLength(2);
    expect((await load(page(A + B), first.saved, { context: 'c2' })).emitted).toHaveLength(2);
  });

  it('an ack covers the reading it carried, not a newer reading of the same record', () => {
    const memo = new RowMemo(1, 'c', null);
    const older = { code: 'x' };
    const newer = { code: 'x', status: 'moved' };
    memo.read('sig-old', 'd|x', older);
    memo.read('sig-new', 'd|x', newer);
    memo.acked([older]);
    expect(memo.keyOf('sig-old')).toBe('d|x');
    expect(memo.keyOf('sig-new')).toBeUndefined();
  });

  it('signatures see checkbox state and markup, not only text; hashes are stable', () => {
    const doc = loadDoc('<table><tr id="a"><td>1</td><td><input type="checkbox"></td></tr></table>');
    const tr = doc.getElementById('a')!;
    const before = rowSignature(tr);
    (tr.querySelector('input') as HTMLInputElement).checked = true;
    expect(rowSignature(tr)).not.toBe(before);
    // Markup that moves text between elements, an attribute, or a nesting change: a new signature.
    const sig = (html: string) => rowSignature(loadDoc(`<table><tr id="r">${html}</tr></table>`).getElementById('r')!);
    const variants = ['<td><a>x</a><b>y</b></td>', '<td><a>x<b>y</b></a></td>', '<td><a>xy</a></td>', '<td><a title="t">xy</a></td>', '<td><a title="u">xy</a></td>', '<td><a>x</a>y</td>'];
    expect(new Set(variants.map(sig)).size).toBe(variants.length);
    expect(sig(variants[3]!)).toBe(sig(variants[3]!));
    // A cell nested 20,000 deep (no recursion to overflow).
    const deep = loadDoc('<table><tr id="d"><td id="c"></td></tr></table>');
    let at: Element = deep.getElementById('c')!;
    for (let i = 0; i < 20_000; i++) at = at.appendChild(deep.createElement('span'));
    at.textContent = 'x';
    expect(rowSignature(deep.getElementById('d')!)).toMatch(/^[0-9a-z]+$/u);
    expect(hashText('Mã hồ sơ')).toBe(hashText('Mã hồ sơ'));
    expect(hashText('a')).not.toBe(hashText('b'));
  });
});
