/**
 * Card lists: records shown as repeated blocks of labelled lines ("Mã hồ sơ: …",
 * "Trạng thái: …") instead of a table, as mobile and newer portal views do. Each block
 * that holds one code label becomes one record, read as a packed cell.
 */
import { clean } from '../text/fold';
import { PACKED_LABELS } from '../vocab/labels';

/** "Label:" at the start of a text or after a separator, for any of the given labels (NFC, any case). */
function labelPattern(labels: readonly string[]): RegExp {
  const alt = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
  return new RegExp(`(?:^|[\\s>•\\-–])(?:${alt})\\s*:`, 'iu');
}

// A card is anchored on its dossier code; result cards without a code on their number.
const CODE_LABEL = labelPattern(PACKED_LABELS.code ?? []);
const NUMBER_LABEL = labelPattern(PACKED_LABELS.resultNumber ?? []);

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'OPTION', 'SELECT']);

/** Elements whose own text starts a key label ("Mã hồ sơ:"), outside the skipped areas. */
function keyLabelElements(doc: Document, skip: (el: Element) => boolean, label: RegExp): Element[] {
  const body = doc.body;
  if (!body) return [];
  // One cheap test before any walk: pages without such a label cost a single regex.
  if (!label.test((body.textContent ?? '').normalize('NFC'))) return [];
  const found: Element[] = [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || SKIP_TAGS.has(parent.tagName.toUpperCase())) continue;
    const text = clean(n.nodeValue);
    if (!text || !label.test(` ${text}`)) continue;
    if (parent.closest('table, form, dl, [role="grid"], [role="table"]') || skip(parent)) continue;
    found.push(parent);
  }
  return found;
}

/**
 * The card around each key label: the largest ancestor that holds no other key label.
 * Cards need at least two of them on the page (one alone is a detail page, read elsewhere).
 */
export function findCards(doc: Document, skip: (el: Element) => boolean): Element[] {
  let labels = keyLabelElements(doc, skip, CODE_LABEL);
  if (labels.length < 2) labels = keyLabelElements(doc, skip, NUMBER_LABEL);
  if (labels.length < 2) return [];
  const count = new Map<Element, number>();
  for (const l of labels) {
    for (let a: Element | null = l; a && a !== doc.body; a = a.parentElement) count.set(a, (count.get(a) ?? 0) + 1);
  }
  const cards = new Set<Element>();
  for (const l of labels) {
    let card: Element = l;
    while (card.parentElement && card.parentElement !== doc.body && count.get(card.parentElement) === 1) card = card.parentElement;
    cards.add(card);
  }
  return [...cards];
}
