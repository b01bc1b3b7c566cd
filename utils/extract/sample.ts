/**
 * "Lưu mẫu trang": a copy of the page's tables that whoever maintains the rules can read
 * a new layout from, with nothing personal in it. Structure, tags, classes, roles and
 * headers are kept; at most 20 rows per table; personal-data columns are blanked, and in
 * every other cell names, ID numbers, phones, e-mails and addresses are masked. Scripts,
 * frames and anything that could load from the network are dropped. Pure DOM, no I/O:
 * the content script hands the text to the popup, which saves it as a file.
 */
import { clean } from '../text/fold';
import { splitLabelled } from '../text/packed';
import { lookupLabel } from '../vocab/labels';
import { isPersonalHeader, SURNAMES } from '../vocab/personal-columns';
import { mapColumns } from './columns';
import { elementGrid, findGrids, tableGrid } from './grid';

export const SAMPLE_ROWS = 20;
export const MASK = '•••';

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?<![\d/])(?:\+84|0)\d{1,3}(?:[\s.-]?\d){6,9}(?![\d/])/gu;
const ID_NUMBER = /(?<!\d)\d{9,}(?!\d)/gu;
const up = (s: string) => s.toLocaleUpperCase('vi');
const SURNAME_ALT = [...new Set(SURNAMES.map((s) => s.normalize('NFC')))].join('|');
const NAME_TITLE = new RegExp(`(?<!\\p{L})(?:${SURNAME_ALT})(?:\\s+\\p{Lu}\\p{Ll}*){1,4}`, 'gu');
const NAME_UPPER = new RegExp(`(?<!\\p{L})(?:${up(SURNAME_ALT)})(?:\\s+\\p{Lu}+){1,4}(?!\\p{Ll})`, 'gu');

const isLabel = (l: string) => lookupLabel(l) !== null || isPersonalHeader(l);

/** A text with its personal parts masked (labelled personal values, names, IDs, phones, e-mails). */
export function maskText(text: string): string {
  if (!text.trim()) return text;
  let t = text.replace(EMAIL, MASK).replace(PHONE, MASK).replace(ID_NUMBER, MASK);
  t = t.replace(NAME_TITLE, MASK).replace(NAME_UPPER, MASK);
  // "Người nộp: …", "Địa chỉ: …": the value after a personal label goes whole.
  if (t.includes(':')) {
    const parts = splitLabelled(t, isLabel);
    if (parts.some((p) => p.label !== null && isPersonalHeader(p.label))) {
      t = parts.map((p) => (p.label === null ? p.value : `${p.label}: ${isPersonalHeader(p.label) ? MASK : p.value}`)).join('; ');
    }
  }
  return t;
}

const DROP = 'script, noscript, template, iframe, frame, object, embed, link, meta, style, svg image, video, audio, canvas';
const KEEP_ATTRS = new Set(['class', 'id', 'role', 'colspan', 'rowspan', 'scope', 'style', 'hidden', 'type', 'checked', 'disabled', 'lang', 'dir']);
const MASKED_ATTRS = new Set(['title', 'aria-label', 'alt', 'aria-level', 'aria-rowindex', 'aria-colindex', 'aria-expanded', 'aria-hidden', 'aria-sort']);

/** Attributes reduced to structure; links keep their path (a file's type tells digitization) without the query. */
function scrubAttributes(el: Element, blank: boolean): void {
  for (const { name, value } of Array.from(el.attributes)) {
    if (KEEP_ATTRS.has(name)) continue;
    if (MASKED_ATTRS.has(name) || name.startsWith('data-')) {
      el.setAttribute(name, blank ? MASK : maskText(value));
    } else if (name === 'href') {
      let path = '#';
      try {
        const u = new URL(value, 'https://portal.invalid/');
        path = u.protocol === 'javascript:' ? '#' : u.pathname.replace(ID_NUMBER, MASK);
      } catch {
        path = '#';
      }
      el.setAttribute('href', path);
    } else el.removeAttribute(name);
  }
}

/** Every text node and attribute under `root` masked (or blanked). */
function scrub(root: Element, blank: boolean): void {
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) scrubAttributes(el, blank);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const n of texts) {
    const v = n.nodeValue ?? '';
    if (!v.trim()) continue;
    n.nodeValue = blank ? MASK : maskText(v);
  }
}

function span(el: Element): number {
  const n = Number.parseInt(el.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** A sanitised copy of one grid root. */
function sampleGrid(root: Element): Element {
  const clone = root.cloneNode(true) as Element;
  for (const el of Array.from(clone.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(clone.querySelectorAll('input, textarea, option'))) el.removeAttribute('value');
  const isTable = clone.tagName.toLowerCase() === 'table';
  const grid = isTable ? tableGrid(clone) : elementGrid(clone);
  const personal = new Set(mapColumns(grid.headerRows).filter((c) => c.field === 'applicant' || isPersonalHeader(c.text)).map((c) => c.index));
  const header = new Set(grid.headerRows.flat());
  const rows = grid.bodyRows();
  for (const row of rows.slice(SAMPLE_ROWS)) row.remove();
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    let pos = 0;
    let labelBefore = false;
    for (const cell of grid.cells(row)) {
      // Label/value rows ("Chủ hồ sơ | …"): the value after a personal label is blanked too.
      const label = clean(cell.textContent);
      scrub(cell, personal.has(pos) || labelBefore);
      labelBefore = label.length <= 60 && isPersonalHeader(label);
      header.add(cell);
      pos += span(cell);
    }
  }
  // Whatever else is in the grid (pagers, captions, hidden menus outside cells): masked, headers kept.
  const headerTexts = new Set<Node>();
  for (const cell of grid.headerRows.flat()) {
    const w = cell.ownerDocument.createTreeWalker(cell, 4);
    for (let n = w.nextNode(); n; n = w.nextNode()) headerTexts.add(n);
    for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) scrubAttributes(el, false);
  }
  const walker = clone.ownerDocument.createTreeWalker(clone, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (headerTexts.has(n)) continue;
    const inCell = [...header].some((c) => c.contains(n));
    if (!inCell && n.nodeValue?.trim()) n.nodeValue = maskText(n.nodeValue);
  }
  for (const el of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
    if (![...header].some((c) => c === el || c.contains(el))) scrubAttributes(el, false);
  }
  return clone;
}

/** The grid wrapped in empty copies of its ancestors (tag, class, id, role), up to the body. */
function inShells(root: Element, copy: Element): Element {
  let inner = copy;
  let depth = 0;
  for (let a = root.parentElement; a && a.tagName.toLowerCase() !== 'body' && depth < 8; a = a.parentElement, depth++) {
    const shell = copy.ownerDocument.createElement(a.tagName.toLowerCase());
    for (const name of ['class', 'id', 'role']) {
      const v = a.getAttribute(name);
      if (v) shell.setAttribute(name, v);
    }
    shell.appendChild(inner);
    inner = shell;
  }
  return inner;
}

function gridRoots(doc: Document, out: Element[]): void {
  const roots = findGrids(doc).map((g) => g.root);
  for (const r of roots) if (!roots.some((o) => o !== r && o.contains(r))) out.push(r);
  // Lists inside same-origin frames (older portals); other origins cannot be read.
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.body) gridRoots(inner, out);
    } catch {
      // cross-origin frame: its own content script answers for it
    }
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The sanitised sample page: its text and how many tables it holds. */
export function samplePage(doc: Document, url: string): { html: string; tables: number } {
  const roots: Element[] = [];
  gridRoots(doc, roots);
  const parts: string[] = [];
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, .breadcrumb, .page-title')).slice(0, 8)) {
    const copy = doc.createElement(h.tagName.toLowerCase());
    const cls = h.getAttribute('class');
    if (cls) copy.setAttribute('class', cls);
    copy.textContent = maskText(clean(h.textContent));
    parts.push(copy.outerHTML);
  }
  for (const root of roots) parts.push(inShells(root, sampleGrid(root)).outerHTML);
  let where = '';
  try {
    const u = new URL(url);
    where = `${u.origin}${u.pathname}`;
  } catch {
    where = '';
  }
  const html = [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>Mẫu trang ${escapeHtml(where)}</title></head><body>`,
    `<!-- Mẫu trang do Kiểm đếm TTHC lưu từ ${escapeHtml(where).replace(/--/gu, '- -')}: tối đa ${SAMPLE_ROWS} dòng mỗi bảng; họ tên, số giấy tờ, điện thoại, e-mail và địa chỉ đã được che. -->`,
    ...parts,
    '</body></html>',
    '',
  ].join('\n');
  return { html, tables: roots.length };
}
