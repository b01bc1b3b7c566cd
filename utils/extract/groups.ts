/**
 * Group-header rows: a row whose only text is a caption ("Lĩnh vực: Sở hữu trí tuệ (4
 * hồ sơ)", a jqGrid "Chuyển giao công nghệ" group) gives its lĩnh vực or department to
 * the rows under it. Nested groups: a caption replaces the one of its kind and every
 * caption that came in below it; an explicit level (aria-level, antd row level, leading
 * indent cells) also closes deeper ones.
 */
import { clean } from '../text/fold';
import { matchKey } from '../text/keys';
import { splitLabelled } from '../text/packed';
import { DEPARTMENT_PREFIXES } from '../vocab/department-words';
import { resolveDepartment, type DepartmentIndex } from '../vocab/departments';
import { CAPTION_COUNT, GROUP_FIELDS, GROUP_ROW_CLASSES, NOT_DATA_ROW_CLASSES, type GroupField } from '../vocab/groups';
import { lookupLabel } from '../vocab/labels';
import { pickCode } from './cells';
import { textOf } from './text';

export interface GroupFact {
  field: GroupField;
  value: string;
  level: number;
}

const GROUP_CLASSES = new Set(GROUP_ROW_CLASSES);
const NOT_DATA = new Set(NOT_DATA_ROW_CLASSES);
const FIELDS = new Set<string>(GROUP_FIELDS);
const PREFIX_KEYS = DEPARTMENT_PREFIXES.map(matchKey);
const MAX_CAPTION = 160;

const classes = (row: Element) => (row.getAttribute('class') ?? '').split(/\s+/u);

/** Expanded detail rows, group footers and summary rows: never records. */
export function isNotDataRow(row: Element): boolean {
  return classes(row).some((c) => NOT_DATA.has(c));
}

function stripCount(text: string): string {
  let t = text;
  for (const re of CAPTION_COUNT) t = t.replace(re, '');
  return clean(t);
}

function levelOf(row: Element, leadingEmpty: number): number {
  const aria = Number.parseInt(row.getAttribute('aria-level') ?? '', 10);
  if (Number.isFinite(aria)) return aria;
  const m = /\bant-table-row-level-(\d+)\b/u.exec(row.getAttribute('class') ?? '');
  if (m) return Number(m[1]);
  return leadingEmpty;
}

/**
 * Once per table and scan: could any row be a caption (structure only, see mayBeCaption)?
 * Tables without one skip the caption work for every row.
 */
const classRe = (names: readonly string[]) => new RegExp(`(?:^|\\s)(?:${names.join('|')})(?:\\s|$)`, 'u');
const GROUP_RE = classRe(GROUP_ROW_CLASSES);
const NOT_DATA_RE = classRe(NOT_DATA_ROW_CLASSES);

export function mayHoldCaptions(rows: readonly Element[], cellsOf: (row: Element) => Element[], width: number): boolean {
  if (width < 2) return false;
  for (const row of rows) {
    const cls = row.getAttribute('class') ?? '';
    if (NOT_DATA_RE.test(cls)) continue;
    if (GROUP_RE.test(cls) || row.hasAttribute('aria-expanded') || row.hasAttribute('aria-level')) return true;
    // A table row's cell count without building arrays; other grids count their cells.
    const n = row.tagName === 'TR' ? row.childElementCount : cellsOf(row).length;
    if (n < width) return true;
    if (/ant-table-row-level-[1-9]/u.test(cls)) return true; // rows under a tree parent
  }
  return false;
}

/**
 * Could this row be a caption? Structure only, no text read: a group class, a cell
 * spanning several columns (fewer cells than columns), or a tree row's open/close toggle.
 * Ordinary rows of a long table pass this test in a few attribute reads.
 */
function mayBeCaption(row: Element, cells: Element[], width: number, hinted: boolean): boolean {
  if (hinted || cells.length < width || row.hasAttribute('aria-expanded')) return true;
  // Tree rows (Ant Design): the first cell holds an open/close toggle among its first children.
  const first = cells[0];
  if (!first) return false;
  for (let c = first.firstElementChild, n = 0; c && n < 4; c = c.nextElementSibling, n++) {
    if (c.hasAttribute('aria-expanded') || /expand-icon-(?:expanded|collapsed)/u.test(c.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** The caption a row stands for, or null for an ordinary row. */
export function groupCaption(row: Element, cells: Element[], width: number, idx: DepartmentIndex): GroupFact | null {
  if (width < 2 || cells.length === 0 || isNotDataRow(row)) return null;
  if (!mayBeCaption(row, cells, width, classes(row).some((c) => GROUP_CLASSES.has(c)))) return null;
  // Cheap first look (native textContent): an ordinary row has text in two cells or more.
  let filled = 0;
  for (const c of cells) if ((c.textContent ?? '').trim() !== '' && ++filled > 1) break;
  if (filled === 0) return null;
  const hinted = classes(row).some((c) => GROUP_CLASSES.has(c));
  if (filled > 1 && !hinted) return null;
  let at = -1;
  let text = '';
  for (let i = 0; i < cells.length; i++) {
    const t = textOf(cells[i] as Element);
    if (!t) continue;
    if (at >= 0) return null; // two cells with text: a data row
    at = i;
    text = t;
  }
  if (at < 0 || text.length > MAX_CAPTION) return null;
  // A lone filled cell of a wide row is a caption only when it reads as one.
  const value = stripCount(text);
  if (!value) return null;
  const level = levelOf(row, at);
  const parts = splitLabelled(value, (l) => lookupLabel(l) !== null);
  const first = parts[0];
  if (first && first.label !== null && parts.length === 1) {
    const f = lookupLabel(first.label);
    if (f && FIELDS.has(f) && first.value) return { field: f as GroupField, value: first.value, level };
    return null;
  }
  if (parts.length !== 1 || pickCode(value)) return null;
  // A bare value: a known department or lĩnh vực, or any value under a grid's group class.
  if (resolveDepartment(value, idx)) return { field: 'department', value, level };
  const key = matchKey(value);
  if (idx.fields.has(key)) return { field: 'field', value, level };
  if (!hinted) return null;
  const isDept = PREFIX_KEYS.some((p) => key === p || key.startsWith(`${p} `));
  return { field: isDept ? 'department' : 'field', value, level };
}

/** Adds a caption to the context of captions above it. */
function push(ctx: readonly GroupFact[], cap: GroupFact): GroupFact[] {
  const same = ctx.findIndex((g) => g.field === cap.field);
  const kept = (same >= 0 ? ctx.slice(0, same) : [...ctx]).filter((g) => g.level < cap.level || cap.level === 0);
  return [...kept, cap];
}

/** The row before this one, crossing into the previous tbody/rowgroup when needed. */
function previousRow(row: Element): Element | null {
  const prev = row.previousElementSibling;
  if (prev) return prev;
  const parent = row.parentElement;
  const before = parent?.previousElementSibling;
  if (parent && before && before.tagName === parent.tagName) return before.lastElementChild;
  return null;
}

/**
 * Group context of rows, memoised per scan: each row walks back to the nearest row
 * already known, so a table read in order costs one look at each row.
 */
export class GroupTracker {
  private memo = new WeakMap<Element, GroupFact[]>();

  constructor(private readonly captionOf: (row: Element) => GroupFact | null) {}

  /** Captions above `row` (the row itself excluded). */
  contextOf(row: Element): readonly GroupFact[] {
    const chain: Element[] = [];
    let ctx: GroupFact[] = [];
    for (let r = previousRow(row); r; r = previousRow(r)) {
      const known = this.memo.get(r);
      if (known) {
        ctx = known;
        break;
      }
      chain.push(r);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const r = chain[i] as Element;
      const cap = this.captionOf(r);
      if (cap) ctx = push(ctx, cap);
      this.memo.set(r, ctx);
    }
    return ctx;
  }
}
