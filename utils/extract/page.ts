/**
 * Page-level context, computed once per findRecordTables call: the department the page is
 * filtered on or titled with. A few targeted queries, never inside the items of a long list
 * (outside-lists.ts).
 */
import { clean } from '../text/fold';
import { matchKey } from '../text/keys';
import { lookupHeader } from '../vocab/headers';
import {
  DEPARTMENT_INTRO,
  isPlaceholder,
  resolveDepartment,
  type DepartmentIndex,
} from '../vocab/departments';
import type { PageDepartment } from './record';
import { textOf } from './text';
import { queryOutsideLongLists } from './outside-lists';

const CONTROL_SEL =
  'select, mat-select, [role="combobox"], .ant-select, .el-select, .select2-selection, input[readonly], input[type="hidden"][data-label]';
const FIELD_SEL =
  'mat-form-field, .mat-form-field, .form-group, .ant-form-item, .form-row, .el-form-item, .field, .filter-item, .v-input, label';
const LABEL_SEL = 'label, mat-label, .mdc-floating-label, .mat-form-field-label, .ant-form-item-label, .control-label, .el-form-item__label';

/** The first `label[for]` of each id, found in one walk (a page's filters share it). */
function labelsFor(doc: Document): Map<string, Element> {
  const byId = new Map<string, Element>();
  for (const l of queryOutsideLongLists(doc.documentElement, 'label[for]')) {
    const id = l.getAttribute('for');
    if (id && !byId.has(id)) byId.set(id, l);
  }
  return byId;
}

function controlLabel(control: Element, doc: Document, labels: () => Map<string, Element>): string {
  const aria = control.getAttribute('aria-label');
  if (aria) return aria;
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const t = labelledBy
      .split(/\s+/u)
      .map((id) => doc.getElementById(id))
      .filter((e): e is HTMLElement => !!e)
      .map((e) => textOf(e))
      .join(' ');
    if (t) return t;
  }
  const id = control.getAttribute('id');
  const forId = id ? labels().get(id) : undefined;
  if (forId) return textOf(forId);
  const field = control.closest(FIELD_SEL);
  if (field) {
    const label = field.matches(LABEL_SEL) ? field : field.querySelector(LABEL_SEL);
    if (label && !label.contains(control)) return textOf(label);
    if (label) return clean(label.firstChild?.textContent ?? '');
  }
  return '';
}

function controlValue(control: Element): string {
  const tag = control.tagName.toLowerCase();
  if (tag === 'select') {
    // The live choice (selectedIndex), falling back to the markup's `selected` attribute.
    const select = control as HTMLSelectElement;
    const opts = Array.from(control.querySelectorAll('option'));
    const sel = select.options?.[select.selectedIndex] ?? opts.find((o) => o.hasAttribute('selected')) ?? null;
    if (!sel || (sel.getAttribute('value') ?? 'x') === '') return '';
    return textOf(sel);
  }
  if (tag === 'input') return clean((control as HTMLInputElement).value ?? control.getAttribute('value'));
  const shown = control.querySelector(
    '.mat-mdc-select-value, .mat-select-value, .mat-select-value-text, .ant-select-selection-item, .el-select__selected-item, .select2-selection__rendered',
  );
  const el = shown ?? control;
  return clean(el.getAttribute('title')) || textOf(el);
}

function fromFilters(doc: Document, idx: DepartmentIndex): PageDepartment | null {
  let byId: Map<string, Element> | undefined;
  const labels = () => (byId ??= labelsFor(doc));
  for (const control of queryOutsideLongLists(doc.documentElement, CONTROL_SEL)) {
    if (control.parentElement?.closest(CONTROL_SEL)) continue; // inner parts of a custom select
    const label = controlLabel(control, doc, labels);
    if (!label || lookupHeader(label) !== 'department') continue;
    const value = controlValue(control);
    if (!value || isPlaceholder(value)) continue;
    return { text: value, canonical: resolveDepartment(value, idx) };
  }
  return null;
}

const INTRO = new RegExp(
  `(?:^|[\\s/|»›>:(\\-–])(?:${DEPARTMENT_INTRO.map((w) => w.normalize('NFC')).sort((a, b) => b.length - a.length).join('|')})\\s*:\\s*([^/|»›>\\n]+)`,
  'iu',
);
const HEADING_SEL =
  'h1, h2, h3, h4, .breadcrumb, .breadcrumbs, [aria-label*="breadcrumb" i], .ant-breadcrumb, .ant-page-header-heading, .page-title, .panel-title, .card-title, legend, caption';

function fromHeadings(doc: Document, idx: DepartmentIndex): PageDepartment | null {
  const texts = [clean(doc.title)];
  for (const el of queryOutsideLongLists(doc.documentElement, HEADING_SEL, 60)) texts.push(textOf(el));
  let named: PageDepartment | null = null;
  for (const t of texts) {
    if (!t || t.length > 300) continue;
    const m = INTRO.exec(t);
    if (m?.[1]) {
      const value = clean(m[1]);
      if (value && !isPlaceholder(value)) return { text: value, canonical: resolveDepartment(value, idx) };
    }
    // A heading that is, or contains, a known department's full name.
    if (!named) {
      const canonical = resolveDepartment(t, idx);
      if (canonical && matchKey(t).length <= matchKey(canonical).length + 60) named = { text: canonical, canonical };
    }
  }
  return named;
}

export function pageDepartment(doc: Document, idx: DepartmentIndex): PageDepartment | null {
  return fromFilters(doc, idx) ?? fromHeadings(doc, idx);
}
