/**
 * What "one list" is: the page address without its paging parameters (and without
 * anything that could carry what a clerk typed or a person's details), plus the values
 * of the list's active filters. Reading page 1 and page 7 of the same list adds to the
 * same coverage row; choosing another department starts another list.
 */
import { clean, fold } from '../text/fold';
import { matchKey } from '../text/keys';
import { PAGE_SIZE_OPTION, PAGING_PARAMS, PERSONAL_PARAMS } from '../vocab/pager';

export interface ListIdentity {
  /** Stable id: host + path + kept parameters + filter values. */
  id: string;
  /** For people: heading and filter values. */
  label: string;
}

const PAGING = new Set(PAGING_PARAMS);

function keepParam(key: string, value: string): boolean {
  const k = fold(key).replace(/[^a-z0-9_]/gu, '');
  if (PAGING.has(k) || PERSONAL_PARAMS.test(k)) return false;
  // Free text, long numbers (ID, phone) and long values are never kept.
  if (value.length > 40 || /\s/u.test(value) || /\d{8,}/u.test(value)) return false;
  return /^[\w.\-:/]*$/u.test(value);
}

function params(search: string): string {
  const out: string[] = [];
  for (const [k, v] of new URLSearchParams(search)) if (keepParam(k, v)) out.push(`${k}=${v}`);
  return out.sort().join('&');
}

/** host + path + kept query + route part of the hash (its own query filtered the same way). */
export function listAddress(href: string): string {
  const u = new URL(href);
  const path = u.pathname.replace(/\/+$/u, '') || '/';
  const q = params(u.search);
  let hash = '';
  if (u.hash.length > 1) {
    const [route, hq] = u.hash.slice(1).split('?', 2) as [string, string?];
    // "#page=2" style hashes are paging only; "#/route" is a route.
    const routeKept = route.includes('=') ? params(route) : route.replace(/\/+$/u, '');
    hash = [routeKept, hq ? params(hq) : ''].filter(Boolean).join('?');
  }
  return `${u.host}${path}${q ? `?${q}` : ''}${hash ? `#${hash}` : ''}`;
}

/** Identity of a list from its address, heading and active filter values (pure). */
export function listIdentity(href: string, heading: string | null, filters: readonly string[]): ListIdentity {
  const address = listAddress(href);
  const values = filters.map((f) => clean(f)).filter(Boolean);
  const id = values.length > 0 ? `${address}|${values.join('|')}` : address;
  const label = [clean(heading) || address, ...values].join(' · ');
  return { id, label };
}

function isPlaceholder(option: HTMLOptionElement, index: number): boolean {
  const key = matchKey(option.textContent);
  return option.value === '' || key === '' || (index === 0 && /^(?:tat ca|chon|all)\b/u.test(key));
}

/** The selected values of filter selects on the page (not page-size or page-number selects). */
export function activeFilters(doc: Document, tableRoot: Element): string[] {
  const out: string[] = [];
  // Tag collections, not selector queries: cheap on a page with a 10,000-row table.
  for (const sel of Array.from(doc.getElementsByTagName('select'))) {
    if (tableRoot.contains(sel) && sel.closest('tr, [role="row"]')) continue; // a row's own control
    const options = Array.from(sel.options);
    if (options.length === 0 || options.every((o) => PAGE_SIZE_OPTION.test(matchKey(o.textContent)))) continue;
    const chosen = sel.selectedIndex >= 0 ? sel.options[sel.selectedIndex] : undefined;
    if (!chosen || isPlaceholder(chosen, sel.selectedIndex)) continue;
    const text = clean(chosen.textContent);
    if (text) out.push(text);
  }
  for (const input of Array.from(doc.getElementsByTagName('input'))) {
    if (input.type !== 'date' && !(input.type === 'radio' && input.checked)) continue;
    if (input.type === 'date' && input.value) out.push(input.value);
    if (input.type === 'radio') {
      const label = clean(input.labels?.[0]?.textContent ?? '');
      if (label && label.length <= 60) out.push(label);
    }
  }
  return out.slice(0, 8);
}

const HEADINGS = 'h1, h2, h3, h4, [role="heading"], .card-title, .panel-title, .panel-heading, mat-card-title, .ant-card-head-title, .page-title, legend';

/**
 * The heading nearest before the table (or the document title): looked for in the
 * preceding siblings of the table and of its ancestors, never over the whole page.
 */
export function listHeading(doc: Document, tableRoot: Element): string | null {
  for (let el: Element | null = tableRoot; el && el !== doc.body; el = el.parentElement) {
    let steps = 0;
    for (let sib = el.previousElementSibling; sib && steps < 12; sib = sib.previousElementSibling, steps++) {
      const hs = sib.matches(HEADINGS) ? [sib] : Array.from(sib.querySelectorAll(HEADINGS));
      for (let i = hs.length - 1; i >= 0; i--) {
        const text = clean(hs[i]!.textContent);
        if (text && text.length <= 120) return text;
      }
    }
  }
  return clean(doc.title) || null;
}
