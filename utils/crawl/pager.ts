/**
 * Finds how to bring the next part of a list on screen, by structure and meaning only:
 * the pager of the record table (framework classes, nav/ARIA) and its next control (text,
 * aria-label/title, rel=next, icon ligatures and classes, or the numbered item after the
 * current one); else a load-more button; else a scrollable (virtual) grid. A control whose
 * words are on the never-click list (Xóa, Hủy, Trả kết quả, Ký, Gửi, Lưu…) is never chosen.
 */
import { matchKey } from '../text/keys';
import {
  CURRENT_ITEM, LOAD_MORE_WORDS, NEXT_CLASS_PATTERNS, NEXT_ICON_LIGATURES, NEXT_SYMBOLS, NEXT_WORDS, NOT_NEXT_CLASS_PATTERNS,
  NOT_NEXT_WORDS, PAGE_SIZE_OPTION, PAGER_CONTAINERS, UNSAFE_WORDS, WEAK_NEXT_SYMBOLS,
} from '../vocab/pager';

export type Turn =
  | { kind: 'next'; control: HTMLElement; disabled: boolean }
  | { kind: 'more'; control: HTMLElement; disabled: boolean }
  | { kind: 'scroll'; box: HTMLElement; atEnd: boolean };

// jqGrid's pager buttons are table cells with script handlers (no attribute says so).
const CLICKABLE = 'a, button, [role="button"], [role="link"], input[type="button"], input[type="submit"], [onclick], li[title], td.ui-pg-button';
const LEVELS = 6;
const NEXT = new Set(NEXT_WORDS);
const NOT_NEXT = new Set(NOT_NEXT_WORDS);
const STRONG_SYMBOLS = NEXT_SYMBOLS.filter((s) => !WEAK_NEXT_SYMBOLS.includes(s));

function words(el: Element): { text: string; raw: string; labels: string[] } {
  const raw = (el.tagName === 'INPUT' ? ((el as HTMLInputElement).value ?? '') : (el.textContent ?? '')).replace(/\s+/gu, ' ').trim();
  const labels = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('mattooltip')].filter((x): x is string => !!x).map(matchKey);
  return { text: matchKey(raw), raw, labels };
}

const hasWord = (key: string, list: readonly string[]) => list.some((w) => ` ${key} `.includes(` ${w} `));

/** A control named like a row action or anything that changes data. */
export function isUnsafe(el: Element): boolean {
  const w = words(el);
  return [w.text, ...w.labels].some((k) => hasWord(k, UNSAFE_WORDS));
}

export function isDisabled(el: Element, container: Element | null): boolean {
  // The control, its item (li) and a few wrappers: "inside .disabled" without reaching page-level classes.
  let level = 0;
  for (let cur: Element | null = el; cur && level < 4; cur = cur.parentElement, level++) {
    if (cur.hasAttribute('disabled') || cur.getAttribute('aria-disabled') === 'true' || /disabled/iu.test(cur.getAttribute('class') ?? '')) return true;
    if (cur === container || cur.tagName === 'BODY') break;
  }
  return false;
}

function classText(el: Element): string {
  let s = el.getAttribute('class') ?? '';
  for (const d of Array.from(el.querySelectorAll('[class]')).slice(0, 6)) s += ` ${d.getAttribute('class')}`;
  return s;
}

function isLast(el: Element, w: ReturnType<typeof words>): boolean {
  if (NOT_NEXT.has(w.text) || w.labels.some((l) => NOT_NEXT.has(l) || hasWord(l, ['last', 'previous', 'truoc', 'cuoi']))) return true;
  const cls = classText(el);
  if (NOT_NEXT_CLASS_PATTERNS.some((re) => re.test(cls))) return true;
  const lig = w.text.replace(/ /gu, '_');
  return /(?:first|last)_page|chevron_left|navigate_before|keyboard_arrow_left/u.test(lig);
}

/** How strongly a control reads as "next page" (0 = not at all). */
function nextScore(el: Element): number {
  const w = words(el);
  if (isLast(el, w)) return 0;
  if ((el.getAttribute('rel') ?? '').split(/\s+/u).includes('next')) return 100;
  if (NEXT.has(w.text) || w.labels.some((l) => NEXT.has(l) || hasWord(l, ['next page', 'trang sau', 'trang tiep', 'trang ke']))) return 90;
  if (STRONG_SYMBOLS.includes(w.raw)) return 80;
  const lig = w.text.replace(/ /gu, '_');
  if (NEXT_ICON_LIGATURES.includes(lig)) return 70;
  const cls = classText(el);
  if (NEXT_CLASS_PATTERNS.some((re) => re.test(cls)) && w.text.length <= 20 && !/^\d+$/u.test(w.text)) return 70;
  if (WEAK_NEXT_SYMBOLS.includes(w.raw)) return 30;
  return 0;
}

function depth(el: Element): number {
  let d = 0;
  for (let c: Element | null = el; c; c = c.parentElement) d++;
  return d;
}

/** Record rows of the table that are not pager rows (a GridView pager sits in the table's last row). */
function inRecordRow(el: Element, root: Element): boolean {
  if (!root.contains(el)) return false;
  const row = el.closest('tr, [role="row"], mat-row, .ant-table-row');
  return !!row && root.contains(row) && !row.matches(PAGER_CONTAINERS) && !row.querySelector(`${PAGER_CONTAINERS}, a[href*="Page$"]`);
}

function currentNumber(container: Element): number | null {
  const cur = container.querySelector(CURRENT_ITEM);
  const fromMarker = cur ? Number.parseInt((cur.textContent ?? '').trim(), 10) : Number.NaN;
  if (Number.isFinite(fromMarker)) return fromMarker;
  // GridView style: the current page is the only number that is not a link.
  for (const el of Array.from(container.querySelectorAll('span, b, strong, td'))) {
    const t = (el.textContent ?? '').trim();
    if (/^\d+$/u.test(t) && !el.closest('a, button') && el.children.length === 0) return Number(t);
  }
  return null;
}

/** The next control inside one pager container, or null. */
function nextIn(container: Element, root: Element): { control: HTMLElement; score: number } | null {
  let best: { control: HTMLElement; score: number; depth: number } | null = null;
  const consider = (el: HTMLElement, score: number) => {
    if (score <= 0 || isUnsafe(el) || inRecordRow(el, root)) return;
    const d = depth(el);
    if (!best || score > best.score || (score === best.score && d > best.depth && best.control.contains(el))) best = { control: el, score, depth: d };
  };
  const clickables = Array.from(container.querySelectorAll<HTMLElement>(CLICKABLE));
  if (container.matches(CLICKABLE)) clickables.unshift(container as HTMLElement);
  for (const el of clickables) consider(el, nextScore(el));
  if (!best || (best as { score: number }).score < 70) {
    const cur = currentNumber(container);
    if (cur !== null) {
      const want = String(cur + 1);
      const item = clickables.find((el) => (el.textContent ?? '').trim() === want);
      if (item) consider(item, 60);
    }
  }
  return best;
}

/**
 * The parts of the page to search at one level around the table, without searching the
 * record rows again (a 10,000-row table is tens of thousands of elements): at level 0 the
 * table's own non-row parts (a GridView pager row is its last row), then at each ancestor
 * its other children.
 */
function scopesAt(root: Element, anc: Element | null, from: Element): Element[] {
  if (anc === null) return ownNonRowParts(root);
  return Array.from(anc.children).filter((c) => c !== from);
}

/** A table's caption, footer and last rows, and a grid's children that hold no rows (by navigation, not a subtree query). */
export function ownNonRowParts(root: Element): Element[] {
  const out: Element[] = [];
  for (const c of Array.from(root.children)) {
    if (c.tagName === 'TBODY') {
      if (c.lastElementChild) out.push(c.lastElementChild);
    } else if (c.tagName === 'TR') {
      if (c === root.lastElementChild) out.push(c);
    } else if (c.tagName === 'CAPTION' || c.tagName === 'TFOOT') out.push(c);
    else if (c.tagName !== 'THEAD' && !c.querySelector('tr, [role="row"], mat-row')) out.push(c);
  }
  return out;
}

function containersIn(scopes: Element[], root: Element): Element[] {
  const found: Element[] = [];
  for (const sc of scopes) {
    if (sc.matches(PAGER_CONTAINERS)) found.push(sc);
    for (const c of Array.from(sc.querySelectorAll(PAGER_CONTAINERS))) found.push(c);
  }
  const ok = found.filter((c) => !inRecordRow(c, root) && !c.contains(root));
  // Pagers after the table first (bottom pager), then those before it.
  return ok.sort((a, b) => Number(!(root.compareDocumentPosition(a) & 4)) - Number(!(root.compareDocumentPosition(b) & 4)));
}

/** Pager containers around the table, nearest level first. */
function* pagerLevels(root: Element): Generator<Element[]> {
  yield containersIn(scopesAt(root, null, root), root);
  let from: Element = root;
  for (let level = 0, anc = root.parentElement; anc && level < LEVELS; level++, from = anc, anc = anc.parentElement) {
    yield containersIn(scopesAt(root, anc, from), root);
    if (anc.tagName === 'BODY') return;
  }
}

/** The record table's next-page control with its disabled state, or null when the list has no pager. */
export function findNext(root: Element): { control: HTMLElement; disabled: boolean } | null {
  for (const containers of pagerLevels(root)) {
    let best: { control: HTMLElement; score: number } | null = null;
    for (const c of containers) {
      const n = nextIn(c, root);
      if (n && (!best || n.score > best.score)) best = n;
    }
    if (best) return { control: best.control, disabled: isDisabled(best.control, null) };
  }
  // No pager container: a clearly named next control close to the table (outside its rows).
  let from: Element = root;
  for (let level = 0, anc = root.parentElement; anc && level < 3; level++, from = anc, anc = anc.parentElement) {
    for (const sc of scopesAt(root, anc, from)) {
      const n = nextIn(sc, root);
      if (n && n.score >= 80) return { control: n.control, disabled: isDisabled(n.control, null) };
    }
  }
  return null;
}

/** The current page number shown by the pager, when it shows one. */
export function pagerCurrent(root: Element): number | null {
  for (const containers of pagerLevels(root)) {
    for (const c of containers) {
      const n = currentNumber(c);
      if (n !== null) return n;
    }
  }
  return null;
}

const MORE = new Set(LOAD_MORE_WORDS);

/** A "Xem thêm" / "Tải thêm" button of the list. */
export function findLoadMore(root: Element): { control: HTMLElement; disabled: boolean } | null {
  let from: Element = root;
  for (let level = 0, anc = root.parentElement; anc && level < 4; level++, from = anc, anc = anc.parentElement) {
    for (const sc of scopesAt(root, anc, from)) {
      const els = sc.matches(CLICKABLE) ? [sc as HTMLElement] : [];
      for (const el of [...els, ...Array.from(sc.querySelectorAll<HTMLElement>(CLICKABLE))]) {
        const w = words(el);
        if ((MORE.has(w.text) || w.labels.some((l) => MORE.has(l))) && !isUnsafe(el)) return { control: el, disabled: isDisabled(el, null) };
      }
    }
    if (anc.tagName === 'BODY') break;
  }
  return null;
}

function scrollable(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win || el.scrollHeight <= el.clientHeight + 4) return false;
  const oy = win.getComputedStyle(el).overflowY;
  return oy === 'auto' || oy === 'scroll';
}

/** The scroll box of a virtual grid (the table itself, a viewport inside it, or its wrapper). */
export function findScrollBox(root: Element): HTMLElement | null {
  if (scrollable(root)) return root as HTMLElement;
  for (const el of Array.from(root.querySelectorAll('div, tbody, section')).slice(0, 300)) if (scrollable(el)) return el as HTMLElement;
  let anc = root.parentElement;
  for (let level = 0; anc && level < 4 && anc.tagName !== 'BODY'; level++, anc = anc.parentElement) if (scrollable(anc)) return anc;
  return null;
}

export function atScrollEnd(box: Element): boolean {
  return box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
}

/** How to bring the next part of the list: pager, else load-more, else scrolling; null when none. */
export function findTurn(root: Element): Turn | null {
  const next = findNext(root);
  if (next) return { kind: 'next', ...next };
  const more = findLoadMore(root);
  if (more) return { kind: 'more', ...more };
  const box = findScrollBox(root);
  if (box) return { kind: 'scroll', box, atEnd: atScrollEnd(box) };
  return null;
}

/** The page-size select near the table and its largest option, when it offers a larger size than the current one. */
export function largestPageSize(root: Element): { select: HTMLSelectElement; value: string } | null {
  let scope: Element | null = root.parentElement;
  for (let level = 0; scope && level < LEVELS; level++, scope = scope.parentElement) {
    for (const select of Array.from(scope.querySelectorAll('select'))) {
      if (inRecordRow(select, root)) continue;
      const sizes = Array.from(select.options).map((o) => {
        const m = PAGE_SIZE_OPTION.exec(matchKey(o.textContent));
        return m ? { value: o.value, n: Number(m[1]) } : null;
      });
      if (sizes.length < 2 || sizes.some((s) => s === null)) continue;
      // A page-number select counts 1, 2, 3…: not a size.
      if (sizes.every((s, i) => s!.n === i + 1)) continue;
      const max = sizes.reduce((a, b) => (b!.n > a!.n ? b : a))!;
      if (select.value === max.value) return null;
      return { select, value: max.value };
    }
    if (scope.tagName === 'BODY') break;
  }
  return null;
}
