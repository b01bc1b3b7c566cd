/**
 * Page-level lookups (the department a page is filtered on or titled with) that never look
 * inside the items of a long list. A 10,000-row list is most of the document (some 250,000
 * nodes): a document-wide querySelectorAll for headings and filter controls was one task of
 * 90–200 ms there (traced) after the page had loaded. Its rows are records, never the page's
 * filters or headings.
 */

/**
 * Children from which an element is a long list: more than a page's own blocks hold (a filter
 * bar, a breadcrumb, a page's sections), and low enough that a list of a few hundred rows is
 * skipped too (walking it here would cost more than the native query it replaces).
 */
export const LONG_LIST = 100;

/**
 * Elements under `root` (itself included) matching `selector`, in document order, at most
 * `limit`; the descendants of an element with LONG_LIST or more element children are not
 * looked at (the element itself is).
 */
export function queryOutsideLongLists(root: Element, selector: string, limit = Number.POSITIVE_INFINITY): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.matches(selector)) {
      out.push(el);
      if (out.length >= limit) break;
    }
    if (el.childElementCount >= LONG_LIST) continue;
    // Pushed last child first: popped in document order.
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}
