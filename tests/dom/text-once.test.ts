/**
 * readingOnce: a row's cell texts are walked once while its record is read, and only then
 * (a cell changed after the read gives its new text).
 */
import { describe, expect, it } from 'vitest';
import { linesOf, readingOnce, textOf } from '../../utils/extract/text';
import { loadDoc } from './load';

describe('readingOnce', () => {
  it('keeps a cell text for the read and forgets it after', () => {
    const doc = loadDoc('<table><tr><td id="c">Đang <b>xử lý</b><br>Hẹn trả: 05/06/2023</td></tr></table>');
    const cell = doc.getElementById('c')!;
    const seen = readingOnce(() => {
      const first = [textOf(cell), linesOf(cell)];
      // Nothing changes the DOM during a real read; a change here shows the kept text is used.
      cell.querySelector('b')!.textContent = 'đã xong';
      const again = [textOf(cell), linesOf(cell)];
      // A caller that edits the lines it got must not edit what is kept.
      (again[1] as string[]).push('x');
      return { first, again, lines: linesOf(cell) };
    });
    expect(seen.first).toEqual(['Đang xử lý Hẹn trả: 05/06/2023', ['Đang xử lý', 'Hẹn trả: 05/06/2023']]);
    expect(seen.again[0]).toBe('Đang xử lý Hẹn trả: 05/06/2023');
    expect(seen.lines).toEqual(['Đang xử lý', 'Hẹn trả: 05/06/2023']);
    // After the read: walked again.
    expect(textOf(cell)).toBe('Đang đã xong Hẹn trả: 05/06/2023');
    expect(linesOf(cell)).toEqual(['Đang đã xong', 'Hẹn trả: 05/06/2023']);
  });

  it('nests: an inner read shares the outer one and does not end it', () => {
    const doc = loadDoc('<p id="p">một</p>');
    const p = doc.getElementById('p')!;
    const got = readingOnce(() => {
      textOf(p);
      readingOnce(() => textOf(p));
      p.textContent = 'hai';
      return textOf(p);
    });
    expect(got).toBe('một');
    expect(textOf(p)).toBe('hai');
  });
});
