/**
 * Text of DOM elements as a user reads it: scripts, styles and templates skipped, block
 * elements and <br> as line breaks. Own walk instead of innerText, which needs layout
 * (absent in happy-dom) and is slow on big pages.
 */
import { clean } from '../text/fold';
import { isNotContent } from './skip';

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA']);
const BLOCK = new Set([
  'BR', 'DIV', 'P', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TR', 'TABLE', 'TBODY', 'THEAD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'HR', 'FORM', 'FIELDSET', 'ADDRESS', 'NAV',
]);

/**
 * Iterative depth-first walk (an explicit stack, not recursion): a page nested 20,000
 * elements deep would overflow the call stack, and then nothing on it would be read.
 */
function walk(root: Node, out: string[]): void {
  // Most cells hold text alone: their text is the text nodes' (what textContent gives), no walk.
  if (root.nodeType === 1 && (root as Element).firstElementChild === null) {
    out.push(root.textContent ?? '');
    return;
  }
  const stack: (Node | string)[] = [];
  const push = (node: Node) => {
    // Children pushed in reverse so they pop in document order.
    const kids: Node[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  };
  push(root);
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (typeof c === 'string') {
      out.push(c);
      continue;
    }
    if (c.nodeType === 3) {
      out.push(c.nodeValue ?? '');
    } else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toUpperCase();
      if (SKIP.has(tag) || isNotContent(c as Element)) continue; // icons, action menus, hidden parts
      const block = BLOCK.has(tag);
      if (block) {
        out.push('\n');
        stack.push('\n'); // closes the block after its children
      }
      push(c);
    }
  }
}

// Within one row's read the same cell's text is asked for several times (a totals check, the
// field, a packed-cell check, the packed read): walked once, while readingOnce runs.
let textCache: Map<Element, string> | null = null;
let linesCache: Map<Element, string[]> | null = null;

/** Runs `read` with the texts of elements kept: for a read of one row, during which nothing changes the DOM. */
export function readingOnce<T>(read: () => T): T {
  if (textCache) return read();
  textCache = new Map();
  linesCache = new Map();
  try {
    return read();
  } finally {
    textCache = null;
    linesCache = null;
  }
}

/** The element's lines, cleaned, empty ones dropped. */
export function linesOf(el: Element): string[] {
  const kept = linesCache?.get(el);
  if (kept) return kept.slice();
  const out: string[] = [];
  walk(el, out);
  const lines = out
    .join('')
    .split('\n')
    .map((l) => clean(l))
    .filter((l) => l !== '');
  linesCache?.set(el, lines.slice());
  return lines;
}

/** The element's text on one line (cleaned). */
export function textOf(el: Element): string {
  const kept = textCache?.get(el);
  if (kept !== undefined) return kept;
  const out: string[] = [];
  walk(el, out);
  const text = clean(out.join('').replace(/\n/gu, ' '));
  textCache?.set(el, text);
  return text;
}
