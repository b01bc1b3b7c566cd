/**
 * Mark columns: digitization columns whose cells hold only marks (x, ✓, Có, Không) or
 * nothing. Once a column carries marks on other rows, a blank cell there means "no". The
 * same holds under a "Số hóa" group of several columns (provincial system / national
 * archive): a result is digitized when either says yes and not digitized when both are
 * blank or no, once the group shows anything on some row.
 */
import { isMarkText } from '../vocab/digitized';
import type { Column } from './columns';
import { iconLabel, readDigitized } from './cells';
import { textOf } from './text';

/** Rows looked at to decide (enough to see marks; bounded on huge pages). */
const SAMPLE_ROWS = 200;
/** Longer than this (native text), a cell holds words, not a mark. */
const MARK_CHARS = 12;

/** Column indexes where a blank cell reads as "not digitized". */
export function blankMeansNo(columns: readonly Column[], rows: readonly Element[], cellAt: (row: Element, col: number) => Element | undefined): Set<number> {
  const digit = columns.filter((c) => c.field === 'digitized');
  const out = new Set<number>();
  if (digit.length === 0) return out;
  const seen = new Map<number, { marks: number; words: number; readings: number }>();
  for (const c of digit) seen.set(c.index, { marks: 0, words: 0, readings: 0 });
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    for (const c of digit) {
      const cell = cellAt(row, c.index);
      const s = seen.get(c.index);
      if (!cell || !s) continue;
      if ((cell.textContent ?? '').trim().length > MARK_CHARS) {
        s.words++;
        s.readings++; // a longer wording: counted as shown (the group rule needs only "something shown")
        continue;
      }
      const text = textOf(cell);
      const reading = readDigitized(cell, false);
      if (reading !== null) s.readings++;
      // A glyph alone (✓ as an icon font) is a mark; an icon with a tooltip is a wording.
      if (text ? isMarkText(text) : reading !== null && iconLabel(cell) === '') s.marks++;
      else if (text) s.words++;
    }
  }
  for (const c of digit) {
    const s = seen.get(c.index);
    if (s && s.marks > 0 && s.words === 0) out.add(c.index);
  }
  // Groups of two or more digitization columns under one header.
  const groups = new Map<string, Column[]>();
  for (const c of digit) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    if (members.some((c) => (seen.get(c.index)?.readings ?? 0) > 0)) for (const c of members) out.add(c.index);
  }
  return out;
}
