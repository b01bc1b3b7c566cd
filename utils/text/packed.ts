/**
 * Splitting one line of a packed cell into labelled parts:
 * "Tiếp nhận trực tiếp: 10/04/2023 15:50, hẹn trả: 25/04/2023" →
 * [{label:'Tiếp nhận trực tiếp', value:'10/04/2023 15:50'}, {label:'hẹn trả', value:'25/04/2023'}].
 * Only texts the caller recognises as labels split the line, so commas inside values
 * ("Tiêu chuẩn, Đo lường, Chất lượng") and times ("15:50") stay whole.
 */
import { clean } from './fold';

export interface LabelledPart {
  label: string | null; // null: text before the first label
  value: string;
}

// A label starts the line or follows a separator, holds a letter, and ends with ':'.
const CANDIDATE = /(^|[,;|]\s*|\s[-–—•·]\s)([^:,;|·]{1,60}?)\s*:\s*/gu;
const BULLET = /^[\s\-–—•+*·]+/u;

export function splitLabelled(line: string, isLabel: (label: string) => boolean): LabelledPart[] {
  const text = clean(line).replace(BULLET, '');
  const cuts: { start: number; end: number; label: string }[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const label = clean(m[2]);
    if (!/\p{L}/u.test(label) || !isLabel(label)) continue;
    cuts.push({ start: m.index, end: m.index + m[0].length, label });
  }
  const parts: LabelledPart[] = [];
  const head = clean(text.slice(0, cuts[0]?.start ?? text.length));
  if (head) parts.push({ label: null, value: head });
  cuts.forEach((c, i) => {
    const value = clean(text.slice(c.end, cuts[i + 1]?.start ?? text.length)).replace(/[,;|]+$/u, '').trim();
    parts.push({ label: c.label, value });
  });
  return parts;
}
