/**
 * The list's own total as the portal prints it near the record table ("Tổng số 47 bản
 * ghi", "Hiển thị 1 - 25 / 37 kết quả", Ant Design's total text). Looks at short texts
 * around the table, from the nearest ancestor outward, never inside the record rows.
 */
import { fold } from '../text/fold';
import { parseCount, TOTAL_PATTERNS } from '../vocab/totals';
import { ownNonRowParts } from './pager';

const MAX_TEXT = 160;
const LEVELS = 6;

/** The total a short text states, or null. */
export function parseStatedTotal(text: string): number | null {
  const key = fold(text);
  if (key.length === 0 || key.length > MAX_TEXT || !/\d/u.test(key)) return null;
  for (const re of TOTAL_PATTERNS) {
    const m = re.exec(key);
    const n = m?.[1] ? parseCount(m[1]) : null;
    if (n !== null) return n;
  }
  return null;
}

/**
 * Grows a text node's element while the text stays short (totals are split by <b>, <span>),
 * never beyond the scope it was found in: from a table's last row it would otherwise reach
 * the row group, whose text is every record row's (a string of the whole list, built once per
 * digit of that row, and on a small table a "total" read from inside the records).
 */
function phrase(el: Element, stop: Element, scope: Element): Element {
  let cur = el;
  while (cur !== scope && cur.parentElement && cur.parentElement !== stop && !cur.parentElement.contains(stop) && (cur.parentElement.textContent ?? '').length <= MAX_TEXT) {
    cur = cur.parentElement;
  }
  return cur;
}

function scan(scope: Element, skip: Element, seen: Set<Element>): number | null {
  const doc = scope.ownerDocument;
  const walker = doc.createTreeWalker(scope, 4 /* SHOW_TEXT */ | 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (n === skip ? 2 /* REJECT */ : n.nodeType === 1 && /^(SCRIPT|STYLE|TEMPLATE|SELECT|OPTION)$/u.test((n as Element).tagName) ? 2 : 1),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== 3 || !/\d/u.test(n.nodeValue ?? '') || !n.parentElement) continue;
    const el = phrase(n.parentElement, skip, scope);
    if (seen.has(el)) continue;
    seen.add(el);
    const total = parseStatedTotal(el.textContent ?? '');
    if (total !== null) return total;
  }
  return null;
}

/** The stated total of the list whose record table is `root`, or null when none is printed. */
export function findStatedTotal(root: Element): number | null {
  const seen = new Set<Element>();
  // Inside the table only its caption, footer and last row (GridView pagers live there).
  for (const el of ownNonRowParts(root)) {
    const t = scan(el, root, seen);
    if (t !== null) return t;
  }
  let child: Element = root;
  for (let level = 0, anc = root.parentElement; anc && level < LEVELS; level++, child = anc, anc = anc.parentElement) {
    if (anc.tagName === 'BODY' && level > 0) {
      const t = scan(anc, child, seen);
      return t;
    }
    const t = scan(anc, child, seen);
    if (t !== null) return t;
  }
  return null;
}
