/**
 * Content side of coverage: which list this frame shows (address without paging, active
 * filters, heading), the portal's stated total, and the record keys read from it. Keys
 * are hashed and sent once per list; the report is retried until the worker answers.
 */
import type { PageState } from '../messages';
import { keyHash } from './hash';
import { activeFilters, listHeading, listIdentity } from './list-id';
import { pagerCurrent } from './pager';
import { findStatedTotal } from './totals';

export interface ReporterDeps {
  doc: Document;
  /** This document's own id. */
  docId?: string;
  url(): string;
  /** Root of the main record table now, or null. */
  table(): Element | null;
  records(): number;
  keysOnScreen(): string[];
  /** Keys of the first and last record rows (cheap: no pass over the rows). */
  spanKeys(): string[];
  send(state: PageState): Promise<boolean>;
  setTimer(fn: () => void, ms: number): unknown;
}

export type ListInfo = NonNullable<PageState['list']>;

export class PageReporter {
  private pending = new Set<string>();
  private acked = new Map<string, Set<string>>();
  private timer: unknown = null;
  private last = '';
  private busy = false;

  constructor(private readonly deps: ReporterDeps) {}

  /** A record key was read from a row of this page. */
  seen(key: string): void {
    this.pending.add(keyHash(key));
  }

  /** The list this frame shows now, or null without a record table. */
  list(): ListInfo | null {
    const root = this.deps.table();
    // A table that gave no record (a statistics block read as a detail page) is no list.
    if (!root || this.deps.records() === 0) return null;
    const { id, label } = listIdentity(this.deps.url(), listHeading(this.deps.doc, root), activeFilters(this.deps.doc, root));
    const current = pagerCurrent(root);
    // Without a page number (load-more, virtual scroll) a page is the span of records on screen.
    const keys = this.deps.spanKeys();
    const span = keys.length > 0 ? `k${keyHash(keys.join('|'))}` : null;
    return { id, label, total: findStatedTotal(root), page: current !== null ? `p${current}` : span };
  }

  /** Hashes of the records on screen now. */
  pageHashes(): string[] {
    return this.deps.keysOnScreen().map(keyHash);
  }

  /** A report soon; coalesced, and at most one every `delayMs` while the page keeps changing. */
  soon(delayMs = 500): void {
    if (this.timer !== null) return;
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /** Sends what changed since the last acknowledged report. */
  async flush(): Promise<void> {
    if (this.busy) return this.soon(300);
    this.busy = true;
    try {
      const list = this.list();
      // The page gets its turn between reading the list and handling the keys.
      await new Promise((resolve) => this.deps.setTimer(() => resolve(undefined), 0));
      const sent = list ? (this.acked.get(list.id) ?? new Set<string>()) : new Set<string>();
      for (const k of this.pending) if (sent.has(k)) this.pending.delete(k);
      const keys = list ? [...this.pending] : [];
      const state: PageState = {
        type: 'page/state', title: this.deps.doc.title.slice(0, 300), records: this.deps.records(), list, keys: keys.slice(0, 50_000),
        ...(this.deps.docId ? { doc: this.deps.docId } : {}),
      };
      const print = JSON.stringify({ ...state, keys: keys.length });
      if (keys.length === 0 && print === this.last) return;
      const ok = await this.deps.send(state);
      if (!ok) return this.soon(2000);
      this.last = print;
      if (list) {
        for (const k of state.keys) sent.add(k);
        this.acked.set(list.id, sent);
      }
      for (const k of state.keys) this.pending.delete(k);
      if (!list) this.pending.clear();
    } finally {
      this.busy = false;
    }
  }
}
