/**
 * What this page already gave, remembered across reloads: the signature of each row
 * whose record the worker has acknowledged, with that record's key. A row whose
 * signature is known is not read again (no extraction, no message, no write), so a
 * clerk reloading the same list pays a hash per row. A memo is for one page address,
 * one day (Hà Nội time: last-seen moves on once a day) and one context (extension
 * version and settings): anything else starts empty. "Xóa dữ liệu" removes every memo.
 * Pure: the content script loads and saves it (extension storage).
 */
import { hashText } from '../crawl/hash';

export const MEMO_PREFIX = 'capture.memo:';
/** Most rows one memo keeps (a paged list read in place gathers several pages). */
export const MEMO_MAX_ROWS = 50_000;

export interface SavedMemo {
  day: number;
  context: string;
  /** row signature → record key */
  rows: Record<string, string>;
}

/** The row memo's hash is the store's one string hash. */
export { hashText };

/**
 * Everything a row's record is read from: its markup (tags, every attribute, text,
 * nesting) and the live state of its inputs (a ticked checkbox need not show in the
 * markup). The browser serialises the row natively (one string per row, collected young);
 * walking the nodes from script made a wrapper object for every attribute read.
 */
export function rowSignature(row: Element): string {
  let html: string;
  try {
    html = row.outerHTML;
  } catch {
    // A serialiser that recurses (some test DOMs) on a row nested thousands deep.
    return walkSignature(row);
  }
  if (html.includes('<input')) {
    let states = '';
    for (const input of Array.from(row.getElementsByTagName('input'))) states += input.checked ? '+' : '-';
    html += `\u0001${states}`;
  }
  return hashText(html);
}

/** The same facts read by walking the nodes (no recursion: portals nest cells thousands deep). */
function walkSignature(row: Element): string {
  let text = '';
  const open = (el: Element) => {
    text += `<${el.tagName}`;
    for (const a of Array.from(el.attributes)) text += ` ${a.name}=${a.value}\u0001`;
    if (el.tagName === 'INPUT') text += (el as HTMLInputElement).checked ? '+' : '-';
    text += '>';
  };
  // Down to the first child, else on to the next sibling, else up (closing each element left) to an ancestor's sibling.
  open(row);
  let n: Node | null = row.firstChild;
  while (n) {
    if (n.nodeType === 1) {
      open(n as Element);
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
      text += '\u0003';
    } else if (n.nodeType === 3) text += `\u0002${(n as Text).data}`;
    while (n && n !== row && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== row) text += '\u0003';
    }
    n = n && n !== row ? n.nextSibling : null;
  }
  return hashText(`${text}\u0003`);
}

// The memo's day is the Vietnam calendar day (the one date module).
export { vnDayNumber as vnDay } from '../text/dates';

export class RowMemo {
  private readonly known: Map<string, string>;
  // Rows read and queued, not yet acknowledged, by the record object they gave: an ack
  // covers exactly the reading it carried, not a newer one of the same key still queued.
  private readonly waiting = new Map<object, { key: string; signatures: string[] }>();
  private changed = false;

  constructor(
    readonly day: number,
    readonly context: string,
    saved?: SavedMemo | null,
  ) {
    const valid = saved && saved.day === day && saved.context === context && typeof saved.rows === 'object';
    this.known = new Map(valid ? Object.entries(saved.rows) : []);
  }

  /** The record key of a row already given, or undefined. */
  keyOf(signature: string): string | undefined {
    return this.known.get(signature);
  }

  /** A row was read into `record` (with this key) and queued. */
  read(signature: string, key: string, record: object): void {
    const w = this.waiting.get(record);
    if (w) w.signatures.push(signature);
    else this.waiting.set(record, { key, signatures: [signature] });
  }

  /** The worker committed these records: their rows are known from now on. */
  acked(records: Iterable<object>): void {
    for (const record of records) {
      const w = this.waiting.get(record);
      if (!w) continue;
      this.waiting.delete(record);
      for (const sig of w.signatures) {
        if (this.known.size >= MEMO_MAX_ROWS) return;
        this.known.set(sig, w.key);
        this.changed = true;
      }
    }
  }

  /** The memo to store, or null when nothing new was learnt since the last call. */
  takeChanges(): SavedMemo | null {
    if (!this.changed) return null;
    this.changed = false;
    return { day: this.day, context: this.context, rows: Object.fromEntries(this.known) };
  }

  get size(): number {
    return this.known.size;
  }
}
