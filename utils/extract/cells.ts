/**
 * Reading one cell for one field. Pure over the cell's subtree: no document-wide queries,
 * so a 10,000-row page costs 10,000 small reads.
 */
import { clean } from '../text/fold';
import { digitizedFromIconName, digitizedFromText, isRealHref, isResultFileHref } from '../vocab/digitized';
import { syncedFromText } from '../vocab/synced';
import { looksLikeDate } from '../text/dates';
import { resolveDepartment, type DepartmentIndex } from '../vocab/departments';
import { ICON_SELECTOR, isChromeWithin } from './skip';
import { textOf } from './text';

const LABELLED = '[title], [aria-label], img[alt], [data-original-title], [data-tooltip]';

const LABEL_ATTRS = ['title', 'aria-label', 'alt', 'data-original-title', 'data-tooltip'] as const;

/** The label of an icon-only cell (a status badge with a tooltip): the first title/aria-label/alt in it. */
export function iconLabel(cell: Element): string {
  for (const el of [cell, ...within(cell, LABELLED)]) {
    for (const attr of LABEL_ATTRS) {
      const v = clean(el.getAttribute(attr));
      if (v) return v;
    }
  }
  return '';
}

/** Elements of a cell matching `sel`, leaving out action menus and hidden parts (never facts). */
function within(cell: Element, sel: string): Element[] {
  return Array.from(cell.querySelectorAll(sel)).filter((el) => !isChromeWithin(el, cell));
}

/**
 * Digitization shown by a cell: its words, a linked result file, an icon's
 * title/aria-label/alt, a ticked checkbox, a date of digitization. A result-file column
 * with nothing in it ("—", "Chưa có tệp", empty) says "not digitized"; an empty yes/no
 * column says nothing (null).
 */
export function readDigitized(cell: Element, fileColumn: boolean): boolean | null {
  const text = textOf(cell);
  const byText = digitizedFromText(text);
  if (byText !== null) return byText;
  const links = within(cell, 'a[href]');
  if (links.some((a) => isResultFileHref(a.getAttribute('href')))) return true;
  if (isResultFileHref(text)) return true;
  const labelled = [cell, ...within(cell, LABELLED)];
  for (const el of labelled) {
    for (const attr of LABEL_ATTRS) {
      const v = digitizedFromText(el.getAttribute(attr));
      if (v !== null) return v;
    }
  }
  for (const el of labelled) {
    const v = digitizedFromIconName(el.getAttribute('aria-label')) ?? digitizedFromIconName(el.getAttribute('data-icon'));
    if (v !== null) return v;
  }
  // An icon font's glyph name ("check_circle", "cancel") says it too.
  for (const icon of within(cell, ICON_SELECTOR)) {
    const v = digitizedFromIconName(icon.textContent);
    if (v !== null) return v;
  }
  const box = cell.querySelector('input[type="checkbox"]');
  if (box) return box.hasAttribute('checked') || (box as HTMLInputElement).checked === true;
  if (text && looksLikeDate(text)) return true;
  if (fileColumn) {
    if (links.some((a) => isRealHref(a.getAttribute('href')))) return true;
    if (!text) return false;
  }
  return null;
}

/**
 * Archive sync shown by a sync column: its words ("Đã đồng bộ", a log's "Thành công"),
 * an icon's title/aria-label/alt or icon name, a ticked checkbox. Empty says nothing.
 */
export function readSynced(cell: Element): boolean | null {
  const byText = syncedFromText(textOf(cell));
  if (byText !== null) return byText;
  const labelled = [cell, ...Array.from(cell.querySelectorAll(LABELLED))];
  for (const el of labelled) {
    for (const attr of LABEL_ATTRS) {
      const v = syncedFromText(el.getAttribute(attr));
      if (v !== null) return v;
    }
  }
  for (const el of labelled) {
    const v = digitizedFromIconName(el.getAttribute('aria-label')) ?? digitizedFromIconName(el.getAttribute('data-icon'));
    if (v !== null) return v;
  }
  const box = cell.querySelector('input[type="checkbox"]');
  if (box) return box.hasAttribute('checked') || (box as HTMLInputElement).checked === true;
  return null;
}

/** Either of several digitization columns: any yes → yes; else any no → no; else unknown. */
export function combineDigitized(values: (boolean | null)[]): boolean | null {
  if (values.includes(true)) return true;
  if (values.includes(false)) return false;
  return null;
}

/** A code or number as shown: the first token that looks like one when a cell holds more. */
export function pickCode(text: string): string | null {
  const t = clean(text);
  if (!t || !/\d/u.test(t)) return null;
  if (/^\d{1,4}$/u.test(t)) return null; // a row number or a count, not an identity
  // A count or amount as a statistics table prints it ("1.284", "12,5", "1 405"), not an identity.
  if (/^\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?$|^\d+[.,]\d{1,2}$/u.test(t)) return null;
  if (!/\s/u.test(t)) return t;
  const token = t.split(' ').find((w) => /\d/u.test(w) && w.length >= 5 && /[.\-/]/u.test(w));
  return token ?? null;
}

/**
 * A result number as shown: it looks like a document number (letters or a slash:
 * "41/GCN-SKHCN", "QĐ-125"), never a bare count ("30" under a totals row).
 */
export function pickResultNumber(text: string): string | null {
  const t = clean(text);
  const v = pickCode(t) ?? t;
  return v && /[\p{L}/]/u.test(v) && /\d/u.test(v) ? v : null;
}

/**
 * A department cell's name: the text when it names a department; else its tooltip
 * (`<abbr title>`, `title`) when the cell shows a bare abbreviation ("QLCN", "TĐC") and
 * the tooltip carries the name; else the text as shown.
 */
export function departmentText(cell: Element, idx: DepartmentIndex): string | null {
  const text = textOf(cell);
  if (text && resolveDepartment(text, idx)) return text;
  const tip = iconLabel(cell);
  if (tip && (resolveDepartment(tip, idx) || !text)) return tip;
  if (tip && text && tip.length > text.length && /^[\p{Lu}&.\-\s]{2,12}$/u.test(text)) return tip;
  return text || null;
}
