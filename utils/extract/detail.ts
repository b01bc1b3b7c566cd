/**
 * Detail pages: one dossier shown as label/value pairs — a two-column (or four-column)
 * table, a <dl>, or label/value elements. Each block with a key and one more known label
 * gives one record.
 */
import { clean } from '../text/fold';
import type { HeaderField } from '../vocab/headers';
import { lookupLabel } from '../vocab/labels';
import type { Entry } from './record';
import { textOf } from './text';

export interface DetailBlock {
  root: Element;
  entries: Entry[];
}

const MAX_LABEL = 80;

function labelField(el: Element): HeaderField | null {
  const t = textOf(el);
  if (!t || t.length > MAX_LABEL) return null;
  return lookupLabel(t);
}

function accept(root: Element, entries: Entry[]): DetailBlock | null {
  const fields = new Set(entries.map((e) => e.field).filter((f) => f !== null && f !== 'applicant'));
  if (!(fields.has('code') || fields.has('resultNumber')) || fields.size < 2) return null;
  return { root, entries };
}

/** A table whose rows are "label | value" (or "label | value | label | value"). */
export function detailFromTable(table: Element, rows: Element[], cellsOf: (r: Element) => Element[]): DetailBlock | null {
  const entries: Entry[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    if (cells.length !== 2 && cells.length !== 4) continue;
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const field = labelField(cells[i]!);
      if (field) entries.push({ field, cell: cells[i + 1]! });
    }
  }
  return accept(table, entries);
}

function fromDl(dl: Element): DetailBlock | null {
  const entries: Entry[] = [];
  let field: HeaderField | null = null;
  for (const child of Array.from(dl.querySelectorAll('dt, dd'))) {
    if (child.closest('dl') !== dl) continue;
    if (child.tagName.toLowerCase() === 'dt') field = labelField(child);
    else if (field) {
      entries.push({ field, cell: child });
      field = null;
    }
  }
  return accept(dl, entries);
}

const LABEL_SEL = '[class*="label"], [class*="Label"], [class*="key"], th[scope="row"], strong, b';
const FORM_CONTROL = /^(input|select|textarea|button|mat-select)$/u;

/** Text nodes and inline elements right after a label, up to the next label or line break. */
function inlineValue(label: Element): string {
  const parts: string[] = [];
  for (let n = label.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      parts.push(n.nodeValue ?? '');
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'br' || tag === 'hr' || el.matches(LABEL_SEL) || /^(div|p|li|tr|table|ul|ol|dl|h\d)$/u.test(tag)) break;
    parts.push(textOf(el));
  }
  return clean(parts.join(' '));
}

/**
 * The value next to a label element: its next sibling element, or — for flat pairs
 * ("<b>Mã hồ sơ:</b> 000.00… <br><b>Người nộp:</b> …") — only the text up to the next
 * label or line break, never the whole block (which would carry the applicant's line).
 */
function valueElementOf(label: Element): Element | null {
  const next = label.nextElementSibling;
  const between = label.nextSibling && label.nextSibling !== next ? clean(label.nextSibling.textContent) : '';
  if (next && !between && !FORM_CONTROL.test(next.tagName.toLowerCase()) && !next.matches(LABEL_SEL) && next.tagName.toLowerCase() !== 'br') {
    if (next.querySelector('input, select, textarea, mat-select')) return null; // a form field, not a shown value
    return next;
  }
  const rest = inlineValue(label);
  if (!rest) return null;
  const holder = label.ownerDocument.createElement('span');
  holder.textContent = rest;
  return holder;
}

function fromLabels(doc: Document, skip: (el: Element) => boolean): DetailBlock[] {
  const groups = new Map<Element, Entry[]>();
  for (const label of Array.from(doc.querySelectorAll(LABEL_SEL))) {
    if (skip(label) || label.closest('form, dl, table')) continue;
    // Bold text is a label only when written as one ("Mã hồ sơ:"), not as a heading.
    if (/^(strong|b)$/u.test(label.tagName.toLowerCase()) && !/:\s*$/u.test(label.textContent ?? '')) continue;
    const field = labelField(label);
    if (!field) continue;
    const value = valueElementOf(label);
    if (!value) continue;
    // Pairs wrapped one per row share the grandparent; flat pairs share the parent.
    const parent = label.parentElement;
    if (!parent) continue;
    const own = parent.querySelectorAll(LABEL_SEL).length > 1 && parent.children.length > 2;
    const key = own ? parent : (parent.parentElement ?? parent);
    const list = groups.get(key) ?? [];
    list.push({ field, cell: value });
    groups.set(key, list);
  }
  const blocks: DetailBlock[] = [];
  for (const [root, entries] of groups) {
    const b = accept(root, entries);
    if (b) blocks.push(b);
  }
  return blocks;
}

/** Label/value blocks of the page outside the given record tables. */
export function findDetailBlocks(
  doc: Document,
  tables: { el: Element; rows: Element[]; cells: (r: Element) => Element[] }[],
  skip: (el: Element) => boolean,
): DetailBlock[] {
  const blocks: DetailBlock[] = [];
  for (const t of tables) {
    if (skip(t.el)) continue;
    const b = detailFromTable(t.el, t.rows, t.cells);
    if (b) blocks.push(b);
  }
  for (const dl of Array.from(doc.querySelectorAll('dl'))) {
    if (skip(dl)) continue;
    const b = fromDl(dl);
    if (b) blocks.push(b);
  }
  const inBlocks = (el: Element) => skip(el) || blocks.some((b) => b.root.contains(el));
  blocks.push(...fromLabels(doc, inBlocks));
  return blocks;
}
