/**
 * Watches one page: finds record tables, reads their rows in time slices, and
 * hands new or changed records to the outbox. Knows nothing of browser.* APIs:
 * the content script injects settings, the outbox and the badge hook.
 */
import { diagnosePage, findRecordTables, findRecordTablesInSteps, findRecordTablesWithin, type ExtractContext, type RecordTable } from '../extract';
import type { UnreadNotice } from '../unread';
import { recordKey, type PortalRecord } from '../records';
import { hashText, rowSignature } from './row-memo';
import { forEachSliced, makeYield } from './slicer';

/** Delay of the coalesced scan after text-only changes outside record tables. */
const LATE_SCAN_MS = 3000;
/**
 * Longest a full scan waits for the page to settle: the debounce restarts on every change,
 * so a page that never stops changing (a ticker, a user scrolling) is still read.
 */
const MAX_WAIT_MS = 300;
/** While the document is still parsed, rows the parser added are read this often. */
const PARSE_READ_MS = 100;
/** While the document is parsed and no record table is known yet, look for one at most this often. */
const PARSE_FIND_MS = 50;
/** The share of the page's thread the reader takes while the document is parsed. */
const PARSE_SHARE = 0.2;
/** …but each time at least this long (a few rows), so a parser quick with its chunks still sees progress. */
const PARSE_MIN_MS = 4;
/**
 * …and at most this long. The parser of a long list calls the observer rarely: 15 times in the
 * 13 s a 10,000-row list took to parse here, up to 3 s apart, so at 12 ms a call a reload of it
 * had 3,114 of its rows known by DOMContentLoaded (at 60 ms all were). But 60 ms once left a
 * 243 ms task after load in a CI run, and 250 ms tasks of 230–350 ms (no script in them:
 * collecting what the reads left), which tests/e2e/faults-large.test.ts forbids.
 */
const PARSE_MAX_MS = 12;
/** While parsing, the rows after the one reached looked at per call: far more than one call reads. */
const PARSE_ROWS_AHEAD = 1000;
/**
 * The read at DOMContentLoaded, before the browser lays the page out. Rows read here reach the
 * worker while the layout runs, so their writes overlap it; read after it, the same rows cost the
 * same but are written only then. At 50 ms (a long task) a first capture took 1.65x the floor at
 * 1,000 rows and 1.67x at 10,000 in a paired run; at 120 ms, 1.40x and 1.35x (BENCH_ONLY=capture).
 * It delays the page's first paint by at most this, once per new list (known rows: below).
 */
const LOADED_READ_MS = 120;
/** At DOMContentLoaded with no record table found yet: the search's bound (else the scan's, in steps). */
const LOADED_FIND_MS = 40;
/**
 * Rows the memo knows cost a hash, not a read: at DOMContentLoaded they may take this share of
 * the time the page took to get there, up to LOADED_KNOWN_MAX_MS. The browser's first layout of
 * a long list follows at once and takes seconds, and no timer of ours runs before it ends: a
 * reload whose rows are all known by then is counted (and its badge set) before that layout,
 * not after it. Rows that must be read still stop at LOADED_READ_MS.
 */
const LOADED_KNOWN_SHARE = 0.05;
const LOADED_KNOWN_MAX_MS = 400;

const HEADER_CELL = 'th, [role="columnheader"], mat-header-cell, thead';
const ROW_LIKE = 'tr, [role="row"], mat-row, cdk-row, mat-header-row, cdk-header-row';

/** Header cells added or removed (a route swapping the columns): the column map is stale. */
function addsOrRemovesHeader(m: MutationRecord, place: Place): boolean {
  // Inside a cell nothing is a column header; inside a row only the row's own cells can be.
  if (m.type !== 'childList' || place.cell) return false;
  const added = m.addedNodes;
  const removed = m.removedNodes;
  return (added.length > 0 && holdsHeader(added, place.row)) || (removed.length > 0 && holdsHeader(removed, place.row));
}

/** A table's kind and column map, as text. */
function columnsPrint(table: RecordTable): string {
  return `${table.kind}|${JSON.stringify(table.columns?.map((c) => [c.field, c.text, c.group ?? '']) ?? [])}`;
}

function cellsHoldHeader(row: Element): boolean {
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isHeaderCell(c)) return true;
  return false;
}

function isHeaderCell(el: Element): boolean {
  // Most cells the parser adds have no attribute: no role to read.
  return HEADER_TAGS.has(el.localName) || (el.hasAttributes() && el.getAttribute('role') === 'columnheader');
}

function holdsHeader(nodes: NodeList, cellsOnly: boolean): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (isHeaderCell(el)) return true;
    const first = el.firstElementChild;
    if (cellsOnly || first === null) continue;
    // A row says by its first cell whether it is a header row; only other subtrees are searched.
    if (el.matches(ROW_LIKE)) {
      if (first.matches(HEADER_CELL)) return true;
    } else if (el.querySelector(HEADER_CELL) !== null) return true;
  }
  return false;
}

/** Where a changed node sits: inside our own notice, inside a header cell, inside a known record table. */
interface Place {
  ours: boolean;
  header: boolean;
  /** Inside a row, or a cell (row and cell elements themselves included). */
  row: boolean;
  cell: boolean;
  table: RecordTable | null;
}
const TOP: Place = { ours: false, header: false, row: false, cell: false, table: null };
const OUR_TAGS = new Set(['kiem-dem-tthc-toast', 'kiem-dem-tthc-walk']);
const HEADER_TAGS = new Set(['th', 'thead', 'mat-header-cell']);
const ROW_TAGS = new Set(['tr', 'mat-row', 'cdk-row', 'mat-header-row', 'cdk-header-row', 'mat-footer-row', 'cdk-footer-row']);
const CELL_TAGS = new Set(['td', 'th', 'mat-cell', 'cdk-cell', 'mat-header-cell', 'cdk-header-cell']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

export interface PageCaptureDeps {
  doc: Document;
  context(): ExtractContext;
  /**
   * A record read for the first time, or read again with different facts. `readAt`: when
   * the page first showed the row as it is now (a re-read of an unchanged row keeps it, so
   * a tab left open cannot pass an old row off as new).
   */
  emit(key: string, record: PortalRecord, readAt: number): void;
  /** Wall clock (injectable for tests). */
  now?(): number;
  /** After each scan: distinct records read on this page so far, rejected rows by reason. */
  scanned(pageTotal: number, rejected: Record<string, number>): void;
  /** Every valid record read from a row (also unchanged ones): coverage counts per list. */
  seen?(key: string): void;
  /** Rows were read while the document is parsed (no timer runs then: send what waits now); `loaded`: the last such read. */
  parsed?(loaded: boolean): void;
  /** The page had record tables and now has none (a SPA left the list). */
  idle?(): void;
  /** The page's "có bảng nhưng chưa đọc được" notice changed (null: nothing to say). */
  unread?(notice: UnreadNotice | null): void;
  debounceMs?: number;
  maxWaitMs?: number;
  sliceBudgetMs?: number;
  /** Milliseconds since the page's navigation began (performance.now(); tests set it). */
  sinceNavigation?(): number;
  /** Rows this page gave before (row-memo.ts): a known row is not read again. */
  memo?: {
    keyOf(signature: string): string | undefined;
    read(signature: string, key: string, record: PortalRecord): void;
  };
}

/**
 * Can the user see this element? With fresh styles (`computed`): checkVisibility where the
 * browser has it, else computed styles up the tree. Without: only the hidden attribute and
 * inline styles, which force no style pass over a big page.
 */
export function isShown(el: Element, computed = true): boolean {
  if (el.closest('[hidden]')) return false;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = (e as HTMLElement).style;
    if (style?.display === 'none' || style?.visibility === 'hidden') return false;
  }
  if (!computed) return true;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  const win = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = win?.getComputedStyle?.(e);
    if (c && (c.display === 'none' || c.visibility === 'hidden')) return false;
  }
  return true;
}

export class PageCapture {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private scanning = false;
  private rescanWanted = false;
  private generation = 0;
  private stopped = false;
  // Last text seen in each row element: unchanged rows are skipped without parsing.
  // Virtual scrolling recycles elements, so the text (not the element) is the test.
  private rowText = new WeakMap<Element, string>();
  // Rows read and untouched since (no mutation inside them): skipped without reading their
  // text, so a list still being parsed, read each time the parser adds rows, costs each row once.
  private untouched = new WeakSet<Element>();
  // Fingerprint of the facts last emitted per record key.
  private sent = new Map<string, string>();
  // Per record key: the row text it was read from and when that text first appeared.
  private firstShown = new Map<string, { text: string; at: number }>();
  // A record table was skipped because the user cannot see it: watch for it being shown.
  private hiddenSkipped = false;
  private rejectedKeys = new Map<string, string>();
  // Record tables found by the last scan: changes inside them are read at once, from the table alone.
  private tables: RecordTable[] = [];
  private tableAt = new Map<Element, RecordTable>();
  private rowKey = new WeakMap<Element, string>();
  private nextParseFind = 0;
  private lastParseRead = 0;
  // While parsing, the last row each table's parse-time reads reached: the parser only adds
  // rows after it, so the next read starts there rather than passing every earlier row again.
  // By the table's element: a scan between the parser's chunks finds the tables again as new
  // objects, and the reads must not start over at the first row each time.
  private parseReached = new WeakMap<Element, { row: Element; index: number }>();
  private dirty = new Set<RecordTable>();
  private quickTimer: ReturnType<typeof setTimeout> | null = null;
  private quickRunning = false;
  private firstRequest = 0;
  private waiters: (() => void)[] = [];
  private hadTables = false;
  private headersChanged = false;
  // First and last row of each table at its last read: a page's identity without reading every row again.
  private span = new WeakMap<RecordTable, [Element, Element]>();
  private readonly yieldToPage = makeYield();
  // Each new document says its state once (a reload clears the notice of the page before).
  private unreadPrint = '';

  constructor(private readonly deps: PageCaptureDeps) {}

  start(): void {
    const win = this.deps.doc.defaultView;
    // The page's own MutationObserver (the content script's realm, or a test window).
    const Observer = (win as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((mutations) => {
      // While the document is parsed, its records are the parser's (a 10,000-row list gives some
      // 250,000): none is looked at. Placing each one made a wrapper of every cell in this world,
      // which every later collection on the page's thread then traced; instead the rows the parser
      // added are read here, checked for header cells as they are read, and at DOMContentLoaded
      // every row read so far is checked again by its text and the page is scanned in full.
      if (this.deps.doc.readyState === 'loading') {
        if (!this.headersChanged) {
          this.readWhileParsing();
          this.readWhileParsingSoon();
        }
        return;
      }
      let later = false;
      let full = false;
      // Each walk up stops at an ancestor an earlier record of this callback placed already.
      const placed = new Map<Element, Place>();
      for (const m of mutations) {
        const place = this.placeOf(m.target, placed);
        const kind = this.matters(m, place);
        if (kind === 'now') full = true;
        else if (kind === 'later') later = true;
        else if (kind !== false) {
          // New header cells (a route swapping the columns): the table's column map is stale.
          if (place.header || addsOrRemovesHeader(m, place)) {
            this.headersChanged = true;
            full = true;
          } else this.dirty.add(kind);
        }
      }
      if (this.headersChanged) this.dirty.clear();
      if (this.dirty.size > 0) this.scheduleQuick();
      if (full) this.schedule();
      else if (later) this.scheduleLate();
    });
    this.observeAll();
    win?.addEventListener('hashchange', this.onNav);
    win?.addEventListener('popstate', this.onNav);
    // Started while the document is parsed: what is left is read at DOMContentLoaded, before the
    // page's first layout (seconds for a long list) delays every timer of ours.
    if (this.deps.doc.readyState === 'loading') this.deps.doc.addEventListener('DOMContentLoaded', () => this.parseEnded(), { once: true });
    // Arrived just after DOMContentLoaded (the page's thread was parsing a short list while the
    // worker injected this reader): likely still before the first layout, so read now, as at
    // DOMContentLoaded, but known rows only within the read's own bound (the page may be shown).
    else if (this.deps.doc.readyState === 'interactive') this.readWhileParsing(true, true);
    this.schedule(0);
  }

  /** The observer callback only schedules; all work happens in the debounced scan. */
  private observeAll(): void {
    if (!this.observer) return;
    this.observer.disconnect();
    this.parseTargets = [];
    this.observer.observe(this.deps.doc.documentElement, {
      childList: true, subtree: true, characterData: true,
      // A hidden panel being shown changes style/class/hidden, not the tree.
      attributes: true, attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'open'],
    });
  }

  /**
   * While the document is parsed the observer is only a clock (its records are not looked at),
   * but the browser still builds a record, and a wrapper in this world, for every node the
   * parser inserts: some 25 per row. Once the tables' rows are reached, only their tables and
   * row containers are watched (a record per row or new container); the whole document again
   * at DOMContentLoaded. Retargeted when the rows move on to another container.
   */
  private narrowWhileParsing(): void {
    if (!this.observer || this.stopped || this.deps.doc.readyState !== 'loading' || this.tables.length === 0) return;
    const targets: Element[] = [];
    for (const t of this.tables) {
      const container = this.parseReached.get(t.root)?.row.parentElement;
      if (!container) return; // rows not reached yet: keep watching everything
      targets.push(t.root);
      if (container !== t.root) targets.push(container);
    }
    if (targets.length === this.parseTargets.length && targets.every((t, i) => t === this.parseTargets[i])) return;
    this.observer.disconnect();
    this.parseTargets = targets;
    for (const t of targets) this.observer.observe(t, { childList: true });
  }

  private parseTargets: Element[] = [];

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.lateTimer) clearTimeout(this.lateTimer);
    if (this.quickTimer) clearTimeout(this.quickTimer);
    if (this.parseTimer) clearTimeout(this.parseTimer);
    for (const w of this.waiters.splice(0)) w();
    const win = this.deps.doc.defaultView;
    win?.removeEventListener('hashchange', this.onNav);
    win?.removeEventListener('popstate', this.onNav);
  }

  /** Settings changed: read everything again (departments may resolve differently). */
  refresh(): void {
    this.forgetRows();
    this.schedule(0);
  }

  /** Every row is read again: its last text and its untouched mark are forgotten. */
  private forgetRows(): void {
    this.rowText = new WeakMap();
    this.untouched = new WeakSet();
  }

  /** The store lost what this page gave (the browser wiped it): give every record again. */
  resendAll(): void {
    const now = (this.deps.now ?? Date.now)();
    let unread = false;
    for (const [key, print] of this.sent) {
      if (print === '') {
        // Known only by the row memo (never read in this document): read it again.
        this.sent.delete(key);
        unread = true;
      } else this.deps.emit(key, JSON.parse(print) as PortalRecord, this.firstShown.get(key)?.at ?? now);
    }
    if (unread) this.refresh();
  }

  get distinctRecords(): number {
    return this.sent.size;
  }

  /** Record tables found by the last scan, in document order. */
  get recordTables(): readonly RecordTable[] {
    return this.tables;
  }

  /** A full scan now; resolves once a scan started after this call has finished. */
  scanNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule(0);
    });
  }

  /**
   * Identity keys of the records in the rows on screen (as the last reads left them; a row
   * changed since is read again by the next scan). No text is read: cheap on 10,000 rows.
   */
  keysOnScreen(): string[] {
    const out = new Set<string>();
    for (const t of this.tables) {
      for (const row of t.rows()) {
        const k = this.rowKey.get(row);
        if (k !== undefined) out.add(k);
      }
    }
    return [...out];
  }

  private onNav = (): void => this.schedule();

  /**
   * Where a changed node sits, in one walk up its ancestors (stopping at one `placed` by
   * an earlier record of the same callback). Every ancestor walked is marked changed: the
   * row it is in (whichever of them is a row read) is read again.
   */
  private placeOf(node: Node, placed: Map<Element, Place>): Place {
    const path: Element[] = [];
    let above = TOP;
    for (let e = node.nodeType === 1 ? (node as Element) : node.parentElement; e; e = e.parentElement) {
      const known = placed.get(e);
      if (known) {
        above = known;
        break;
      }
      // A row read before changed: the parse-time reads start over (readOne reads it again).
      if (this.untouched.delete(e)) this.parseReached = new WeakMap();
      path.push(e);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const el = path[i]!;
      const tag = el.localName;
      const role = el.getAttribute('role');
      above = {
        ours: above.ours || OUR_TAGS.has(tag),
        header: above.header || HEADER_TAGS.has(tag) || role === 'columnheader',
        row: above.row || ROW_TAGS.has(tag) || role === 'row',
        cell: above.cell || CELL_TAGS.has(tag) || (role !== null && CELL_ROLES.has(role)),
        table: above.table ?? this.tableAt.get(el) ?? null,
      };
      placed.set(el, above);
    }
    return above;
  }

  /** The record tables now known, and the map from their roots that places changes in them. */
  private setTables(tables: RecordTable[]): void {
    this.tables = tables;
    this.tableAt = new Map(tables.map((t) => [t.root, t]));
  }

  /**
   * How soon a change needs a scan: at once when it is inside a known record table or adds
   * or removes elements (a table may appear); only a late, coalesced look when it is text
   * changing elsewhere (a clock, a countdown — or, rarely, a header written after its
   * cell), so ticking text costs one scan every few seconds at most. Our notice is ignored.
   */
  private matters(m: MutationRecord, place: Place): RecordTable | 'now' | 'later' | false {
    if (place.ours) return false;
    // Attribute changes matter only while a record table was skipped as hidden.
    if (m.type === 'attributes') return this.hiddenSkipped ? 'later' : false;
    if (place.table) return place.table;
    const elementNode = (n: Node) => n.nodeType === 1 && !OUR_TAGS.has((n as Element).localName);
    if (m.type === 'childList' && (Array.from(m.addedNodes).some(elementNode) || Array.from(m.removedNodes).some(elementNode))) return 'now';
    return 'later';
  }

  private lateTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * The next animation frame (true: styles are fresh), or false after 100 ms when no frame
   * came (a background tab, a busy page): then only checks that force no style pass are used.
   */
  private afterFrame(): Promise<boolean> {
    const win = this.deps.doc.defaultView;
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), 100);
      win?.requestAnimationFrame?.(() => {
        clearTimeout(t);
        setTimeout(() => resolve(true), 0);
      });
    });
  }

  private scheduleLate(): void {
    if (this.lateTimer || this.stopped) return;
    this.lateTimer = setTimeout(() => {
      this.lateTimer = null;
      this.schedule(0);
    }, LATE_SCAN_MS);
  }

  private schedule(delay = this.deps.debounceMs ?? 250): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.rescanWanted = true;
      return;
    }
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstRequest = now;
    // The debounce restarts on every change, but never past the maximum wait.
    const wait = Math.max(0, Math.min(delay, this.firstRequest + (this.deps.maxWaitMs ?? MAX_WAIT_MS) - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.scan();
    }, wait);
  }

  /**
   * Rows changed inside a known record table: read that table's rows at once, without
   * searching the document again (virtual grids recycle rows while the user scrolls).
   */
  private scheduleQuick(): void {
    if (this.quickTimer || this.quickRunning || this.stopped) return;
    // While the parser still adds rows, one read per few of its chunks.
    const delay = this.deps.doc.readyState === 'loading' ? PARSE_READ_MS : 0;
    this.quickTimer = setTimeout(() => {
      this.quickTimer = null;
      void this.quickRead();
    }, delay);
  }

  private async quickRead(): Promise<void> {
    this.quickRunning = true;
    try {
      while (this.dirty.size > 0 && !this.stopped && !this.headersChanged) {
        const tables = [...this.dirty];
        this.dirty.clear();
        for (const table of tables) {
          // A table replaced or removed is found again by the full scan.
          if (!table.root.isConnected) {
            this.schedule();
            continue;
          }
          await this.scanTable(table, -1);
        }
        this.report();
      }
    } catch {
      // Never break the portal page; the next full scan reads the rows again.
    } finally {
      this.quickRunning = false;
    }
  }

  private report(): void {
    const rejected: Record<string, number> = {};
    for (const reason of this.rejectedKeys.values()) rejected[reason] = (rejected[reason] ?? 0) + 1;
    this.deps.scanned(this.sent.size, rejected);
  }

  private async scan(): Promise<void> {
    if (this.stopped) return;
    this.scanning = true;
    this.rescanWanted = false;
    const gen = ++this.generation;
    const waiters = this.waiters.splice(0);
    let done = false;
    try {
      // Columns changed: every row is read again with the new column map.
      if (this.headersChanged) {
        this.headersChanged = false;
        this.forgetRows();
      }
      const ctx = this.deps.context();
      const found = await this.findTables(ctx, gen);
      if (found === null) return;
      // Tables the user cannot see (display:none, visibility:hidden, [hidden]) are not read:
      // a hidden table of stale rows must not decide what the clerk's portal shows. Checked
      // after the next frame, when the browser has computed styles anyway (checking earlier
      // would force a full style pass over a freshly inserted 10,000-row table).
      const framed = await this.afterFrame();
      if (this.stopped || gen !== this.generation) return;
      const tables = found.filter((t) => isShown(t.root, framed));
      this.hiddenSkipped = tables.length < found.length;
      // Columns that changed without a header record seen (while the document was parsed no
      // record is looked at): every row is read again with the new column map.
      const before = new Map(this.tables.map((t) => [t.root, columnsPrint(t)]));
      if (tables.some((t) => before.has(t.root) && before.get(t.root) !== columnsPrint(t))) this.forgetRows();
      this.setTables(tables);
      for (const table of tables) {
        if (this.stopped) return;
        await this.scanTable(table, gen);
      }
      const rejected: Record<string, number> = {};
      for (const reason of this.rejectedKeys.values()) rejected[reason] = (rejected[reason] ?? 0) + 1;
      this.deps.scanned(this.sent.size, rejected);
      this.reportUnread(ctx, tables, rejected);
      if (tables.length === 0 && this.hadTables) this.deps.idle?.();
      this.hadTables = tables.length > 0;
      done = true;
    } catch {
      // A page we cannot read must never break the portal: stay silent and try on the next change.
    } finally {
      this.scanning = false;
      // A superseded scan hands its waiters to the next one.
      if (done || this.stopped) for (const w of waiters) w();
      else this.waiters.unshift(...waiters);
      if ((this.rescanWanted || this.waiters.length > 0) && !this.stopped) this.schedule(this.waiters.length > 0 ? 0 : undefined);
    }
  }

  /** Tells the page's notice when it changes; looked for only while the page gave nothing. */
  private reportUnread(ctx: ExtractContext, tables: RecordTable[], rejected: Record<string, number>): void {
    if (!this.deps.unread) return;
    const refused = Object.values(rejected).reduce((a, b) => a + b, 0);
    const notice = this.sent.size === 0 ? diagnosePage(this.deps.doc, ctx, tables, refused, 0) : null;
    const print = JSON.stringify(notice);
    if (print === this.unreadPrint) return;
    this.unreadPrint = print;
    this.deps.unread(notice);
  }

  /**
   * Finds the record tables in steps, yielding to the page between steps once a slice's
   * budget is spent: on a page of 10,000 rows the search alone is a few document-wide
   * queries of tens of milliseconds each. null when a newer scan or stop() superseded it.
   */
  private async findTables(ctx: ExtractContext, gen: number): Promise<RecordTable[] | null> {
    const budget = this.deps.sliceBudgetMs ?? 12;
    const steps = findRecordTablesInSteps(this.deps.doc, ctx);
    let start = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        // Reading the rows of a big table is one more pass over it: give the page its turn first.
        if (performance.now() - start >= budget) await this.yieldToPage();
        return this.stopped || gen !== this.generation ? null : step.value;
      }
      if (performance.now() - start >= budget) {
        await this.yieldToPage();
        if (this.stopped || gen !== this.generation) return null;
        start = performance.now();
      }
    }
  }

  /** Keys of the first and last record rows of the main table, as last read. */
  spanKeys(): string[] {
    const t = this.tables[0];
    const span = t ? this.span.get(t) : undefined;
    if (!span) return [];
    return span.map((row) => this.rowKey.get(row)).filter((k): k is string => k !== undefined);
  }

  private async scanTable(table: RecordTable, gen: number): Promise<void> {
    const rows = this.readyRows(table, this.deps.doc.readyState !== 'loading');
    if (rows.length > 0) this.span.set(table, [rows[0]!, rows[rows.length - 1]!]);
    const tableSig = this.tableSignature(table);
    await forEachSliced(rows, (row) => this.readOne(table, row, tableSig), {
      budgetMs: this.deps.sliceBudgetMs ?? 12,
      now: () => performance.now(),
      yieldToPage: this.yieldToPage,
      // A quick read (gen -1) is never superseded: what it reads is the rows on screen now.
      cancelled: () => this.stopped || (gen !== -1 && gen !== this.generation),
    });
  }

  /**
   * The rows that can be read: all once the document is parsed; while it is, all but the
   * last, which may still be arriving (a code cut short would be another record).
   */
  private readyRows(table: RecordTable, parsed: boolean): Element[] {
    const rows = table.rows();
    return parsed ? rows : rows.slice(0, -1);
  }

  /** A row's record depends on its table's columns too (a route swapping the columns, a column mapping). */
  private tableSignature(table: RecordTable): string {
    return this.deps.memo ? hashText(columnsPrint(table)) : '';
  }

  /**
   * Read one row of a table (unless it is known unchanged) and hand on its record. True when
   * the row had to be read (not untouched, not known by its text or the memo).
   */
  private readOne(table: RecordTable, row: Element, tableSig: string): boolean {
    // Unchanged since its last read (no mutation inside, else the same text): counted, not read.
    const untouched = this.untouched.has(row);
    this.untouched.add(row);
    const text = untouched ? '' : (row.textContent ?? '');
    if (untouched || this.rowText.get(row) === text) {
      const known = this.rowKey.get(row);
      if (known !== undefined) this.deps.seen?.(known);
      return false;
    }
    this.rowText.set(row, text);
    this.rowKey.delete(row);
    const memo = this.deps.memo;
    const signature = memo ? rowSignature(row) + tableSig : '';
    const known = memo?.keyOf(signature);
    if (known !== undefined) {
      // Given (and committed) before, unchanged since: counted on this page (and its list), not read again.
      if (!this.sent.has(known)) this.sent.set(known, '');
      this.rowKey.set(row, known);
      this.deps.seen?.(known);
      return false;
    }
    const out = table.readRow(row);
    if (out === null) return true;
    if ('reason' in out) {
      this.rejectedKeys.set(text.slice(0, 200), out.reason);
      return true;
    }
    // readRow's records are checked already (buildRecord); the worker checks them again.
    const key = recordKey(out);
    this.rowKey.set(row, key);
    this.deps.seen?.(key);
    const shown = this.firstShown.get(key);
    const readAt = shown && shown.text === text ? shown.at : (this.deps.now ?? Date.now)();
    if (!shown || shown.text !== text) this.firstShown.set(key, { text, at: readAt });
    const print = JSON.stringify(out);
    if (this.sent.get(key) === print) return true;
    this.sent.set(key, print);
    memo?.read(signature, key, out);
    this.deps.emit(key, out, readAt);
    return true;
  }

  /** Rows a callback left for later (its share spent) are read by a timer, when one runs. */
  private readWhileParsingSoon(): void {
    if (this.parseTimer || this.stopped) return;
    this.parseTimer = setTimeout(() => {
      this.parseTimer = null;
      if (!this.headersChanged) this.readWhileParsing();
    }, PARSE_READ_MS);
  }

  private parseTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * DOMContentLoaded. No record of the parse was looked at (see the observer), so what was
   * read meanwhile is trusted by its text only, not as untouched: a script may have changed a
   * row, and the DOMContentLoaded read starts over at the first row (a text compare for each
   * row read already). The full scan that follows (after the first layout) finds tables that
   * appeared meanwhile and columns that changed.
   */
  private parseEnded(): void {
    if (this.parseTargets.length > 0) this.observeAll();
    this.untouched = new WeakSet();
    this.parseReached = new WeakMap();
    if (!this.headersChanged) this.readWhileParsing(true);
    this.schedule(0);
  }

  /**
   * While the document is parsed the browser runs no timer of ours until the parser is done
   * and the page laid out (seconds for a long list), but it does call the observer between
   * its chunks: there, rows the parser added are read, a small share of the time each time
   * (the rest the next time, at DOMContentLoaded, or after). The tables are looked for here too, now
   * and then, until one is found. Runs beside a scan waiting for its next step: both read
   * rows through readOne, which reads a row once.
   */
  private readWhileParsing(atLoaded = false, late = false): void {
    if (this.stopped || (!atLoaded && this.deps.doc.readyState !== 'loading')) return;
    const start = performance.now();
    // Too soon for the shortest read to stay within the share: the rows wait for a later chunk
    // (finding them is itself a pass over the table, too much for every chunk of a quick parser).
    if (!atLoaded && this.tables.length > 0 && (start - this.lastParseRead) * PARSE_SHARE < PARSE_MIN_MS) return;
    // A fifth of the time the parser had since the last read, at most PARSE_MAX_MS (the page's
    // own load must not wait much on us); once parsed, one read before the first layout, at most
    // LOADED_READ_MS.
    const budget = atLoaded ? LOADED_READ_MS : Math.min(PARSE_MAX_MS, Math.max(PARSE_MIN_MS, (start - this.lastParseRead) * PARSE_SHARE));
    const sinceNavigation = this.deps.sinceNavigation?.() ?? start;
    const knownBudget = atLoaded && !late ? Math.min(LOADED_KNOWN_MAX_MS, Math.max(LOADED_READ_MS, sinceNavigation * LOADED_KNOWN_SHARE)) : budget;
    try {
      if (this.tables.length === 0) {
        if (atLoaded) {
          // The parser may finish a short list in the chunk the reader arrived in, with no call of
          // the observer to find its table: searched here in steps, given up (the scan after the
          // first layout does it) when a long document makes the search itself a long task.
          const found = findRecordTablesWithin(this.deps.doc, this.deps.context(), LOADED_FIND_MS);
          if (found === null) return;
          this.setTables(found.filter((t) => isShown(t.root)));
          if (this.tables.length === 0) return;
        } else {
          if (start < this.nextParseFind) return;
          this.setTables(findRecordTables(this.deps.doc, this.deps.context()).filter((t) => isShown(t.root)));
          // The next search waits longer when this one was slow (the document grows).
          const took = performance.now() - start;
          this.nextParseFind = start + took + Math.max(PARSE_FIND_MS, 4 * took);
          // The search is the reading's share of this chunk: the rows come next time.
          if (this.tables.length === 0 || performance.now() - start >= budget) return;
        }
      }
      // A table a script replaced while the document is parsed is looked for again next time.
      if (this.tables.some((t) => !t.root.isConnected)) {
        this.setTables(this.tables.filter((t) => t.root.isConnected));
        this.schedule();
      }
      for (const table of this.tables) {
        const tableSig = this.tableSignature(table);
        const reached = this.parseReached.get(table.root);
        // While parsing, the rows after the one reached (not a pass over the whole table each chunk);
        // the table's last row may still be arriving. At DOMContentLoaded every row, checked below.
        // At most PARSE_ROWS_AHEAD of them: a parser faster than the reads leaves thousands, and
        // listing them all each call would spend the call's share before a row is read.
        const after = !atLoaded && reached ? table.rowsAfter?.(reached.row, PARSE_ROWS_AHEAD + 1) : undefined;
        const rows = after ? after.slice(0, -1) : this.readyRows(table, atLoaded);
        // Rows before the one reached were read (a script that reorders the rows meanwhile starts it over).
        const from = after ? 0 : reached && rows[reached.index] === reached.row ? reached.index + 1 : 0;
        const base = after ? reached!.index + 1 : 0;
        let i = from;
        // Time spent reading rows the memo did not know; known rows run on to knownBudget.
        let readMs = 0;
        while (i < rows.length) {
          const t = performance.now();
          if (readMs >= budget || t - start >= knownBudget) break;
          const row = rows[i]!;
          // Header cells among the rows the parser added (a header row repeated, a route swapping
          // the columns): the column map is stale, so the rows wait for a full read.
          if (!atLoaded && cellsHoldHeader(row)) {
            this.headersChanged = true;
            this.schedule();
            return;
          }
          i++;
          if (this.readOne(table, row, tableSig)) readMs += performance.now() - t;
        }
        if (i > from) this.parseReached.set(table.root, { row: rows[i - 1]!, index: base + i - 1 });
        if (i < rows.length) return;
        if (atLoaded) this.dirty.delete(table);
      }
    } catch {
      // Never break the portal page; the scan after the parse reads the rows again.
    } finally {
      this.lastParseRead = performance.now();
      if (!atLoaded) this.narrowWhileParsing();
      if (this.tables.length > 0) this.report();
      this.deps.parsed?.(atLoaded);
    }
  }
}
