/**
 * The page walk ("Đọc tất cả các trang"), page side: read the page, report it, find the
 * next control, turn, wait until the table changed, wait the polite delay, again. The
 * worker keeps the state (page number, records seen, why it ended), so a walk continues
 * on the next document after a full page load; this engine only acts on the page. Browser
 * APIs come in through `io`, the content script through `bridge`.
 */
import type { WalkEndReason, WalkReply, WalkReport } from '../messages';
import type { WalkBridge } from './bridge';
import { atScrollEnd, findTurn, largestPageSize, pagerCurrent, type Turn } from './pager';

export interface WalkIO {
  report(r: WalkReport): Promise<WalkReply>;
  /**
   * Activates a `javascript:` link (ASP.NET __doPostBack pagers) in the page's own world:
   * from the content script's world the browser does not run such a link.
   */
  clickInPage(el: HTMLElement): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Progress for the in-page indicator. */
  progress?(p: { page: number; records: number; total: number | null }): void;
}

export interface WalkOptions {
  page: number;
  /** A new walk (not a resumed one after a page load): may pick the page size first. */
  fresh: boolean;
  delayMs: number;
  pageLimit: number;
  largestPageSize: boolean;
  /** Longest wait for the table to change after a turn. */
  turnTimeoutMs?: number;
  /** Longest wait for a record table on a new document. */
  tableTimeoutMs?: number;
}

const POLL_MS = 50;

function signature(bridge: WalkBridge): { root: Element | null; text: string } {
  const root = bridge.table();
  const t = root?.textContent ?? '';
  return { root, text: `${t.length}|${t.slice(0, 400)}|${t.slice(-400)}` };
}

export class PageWalker {
  private halted = false;
  private leaving = false;

  constructor(
    private readonly bridge: WalkBridge,
    private readonly io: WalkIO,
    private readonly opts: WalkOptions,
  ) {}

  /** The user pressed Dừng (popup or page): no further turn. */
  halt(): void {
    this.halted = true;
  }

  /** The document is being unloaded (a full page load turn): the next document goes on. */
  unloading(): void {
    this.leaving = true;
  }

  private async end(reason: WalkEndReason, error?: string): Promise<void> {
    await this.io.report({ type: 'walk/report', event: 'end', reason, ...(error ? { error: error.slice(0, 300) } : {}) }).catch(() => undefined);
  }

  private async waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
    const end = this.io.now() + timeoutMs;
    while (!check()) {
      if (this.halted || this.leaving || this.io.now() > end) return false;
      await this.io.sleep(POLL_MS);
    }
    return true;
  }

  private async changed(before: { root: Element | null; text: string }): Promise<boolean> {
    return this.waitFor(() => {
      const now = signature(this.bridge);
      return now.root !== null && (now.root !== before.root || now.text !== before.text);
    }, this.opts.turnTimeoutMs ?? 15_000);
  }

  private async act(turn: Turn): Promise<void> {
    if (turn.kind === 'scroll') {
      const box = turn.box;
      box.scrollTop = Math.min(box.scrollHeight, box.scrollTop + Math.max(40, Math.floor(box.clientHeight * 0.8)));
      box.dispatchEvent(new Event('scroll'));
      return;
    }
    // An item (li title="Trang sau") is pressed through its own link or button.
    const c = turn.control;
    const target = c.matches('a, button, input') ? c : (c.querySelector<HTMLElement>('a[href], button, a') ?? c);
    if (target.matches('a[href^="javascript:" i]')) await this.io.clickInPage(target);
    else target.click();
  }

  private shownPage(): number | null {
    const root = this.bridge.table();
    return root ? pagerCurrent(root) : null;
  }

  async run(): Promise<void> {
    let page = this.opts.page;
    try {
      if (!(await this.waitFor(() => this.bridge.table() !== null, this.opts.tableTimeoutMs ?? 15_000))) {
        if (!this.halted && !this.leaving) await this.end('navigated');
        return;
      }
      if (this.opts.fresh && this.opts.largestPageSize) await this.pickPageSize();
      // "Đọc tiếp" on page 12 counts from 12, as the pager itself does (a new walk only:
      // after a full page load the worker already knows the number).
      const shown = this.opts.fresh ? this.shownPage() : null;
      if (shown !== null && shown > page) page = shown;
      for (;;) {
        if (this.halted || this.leaving) return;
        await this.bridge.readNow();
        // Rows handed over but not yet stored would be lost by a full page load: wait for the acks.
        await this.waitFor(() => this.bridge.pending() === 0, 10_000);
        const list = this.bridge.list();
        if (!list) {
          await this.end('navigated');
          return;
        }
        const reply = await this.io.report({ type: 'walk/report', event: 'page', page, listId: list.id, total: list.total, keys: this.bridge.pageKeys() });
        if (!reply.go || this.halted) return;
        this.io.progress?.({ page, records: reply.records ?? 0, total: list.total });
        if ((reply.noNew ?? 0) >= 2) return this.end('nothing-new');
        if (page >= this.opts.pageLimit) return this.end('limit');
        const root = this.bridge.table();
        const turn = root ? findTurn(root) : null;
        if (!turn) return this.end(page === 1 ? 'no-pager' : 'done');
        if (turn.kind === 'scroll' ? turn.atEnd : turn.disabled) return this.end('done');
        const before = signature(this.bridge);
        const ok = await this.io.report({ type: 'walk/report', event: 'turn', page: page + 1 });
        if (!ok.go || this.halted) return;
        await this.act(turn);
        const moved = await this.changed(before);
        if (this.leaving || this.halted) return;
        if (!moved && turn.kind === 'scroll' && atScrollEnd(turn.box)) return this.end('done');
        await this.io.sleep(this.opts.delayMs);
        page += 1;
      }
    } catch (error) {
      await this.end('error', String((error as Error)?.message ?? error));
    }
  }

  /** Option "Chọn cỡ trang lớn nhất trước khi đọc": the largest page size, before page 1 is read. */
  private async pickPageSize(): Promise<void> {
    const root = this.bridge.table();
    const pick = root ? largestPageSize(root) : null;
    if (!pick) return;
    const before = signature(this.bridge);
    // A page-size change that reloads the document goes on there (the next document resumes at page 1).
    await this.io.report({ type: 'walk/report', event: 'turn', page: 1 });
    pick.select.value = pick.value;
    pick.select.dispatchEvent(new Event('input', { bubbles: true }));
    pick.select.dispatchEvent(new Event('change', { bubbles: true }));
    await this.changed(before);
    if (!this.leaving) await this.io.sleep(this.opts.delayMs);
  }
}
