/**
 * Worker side of coverage and the page walk. Keeps, in session storage (it outlives a
 * stopped service worker and is emptied when the browser closes):
 *   tab:<id>       what each frame of a portal tab shows (for the popup's "Trang đang mở");
 *   walk:<id>      the walk of that tab (page, records, why it ended);
 *   walkseen:<id>  hashes of the records the walk has seen (two pages without new ones stop it).
 * Browser APIs come in through `deps`, so the logic is tested without a browser.
 */
import type { PageState, WalkEndReason, WalkReply, WalkReport } from '../messages';
import type { ListReport } from '../store/lists';

export interface FrameInfo {
  frameId: number;
  documentId?: string;
  title: string;
  url?: string;
  records: number;
  list: PageState['list'];
  at: number;
}
export interface TabEntry {
  tabId: number;
  frames: Record<string, FrameInfo>;
  topDocument?: string;
}
export interface WalkState {
  tabId: number;
  frameId: number;
  listId: string;
  listLabel: string;
  host: string;
  status: 'running' | 'ended';
  reason?: WalkEndReason;
  error?: string;
  page: number;
  /** Pages read by this walk. */
  pagesRead: number;
  /** Distinct records this walk read. */
  records: number;
  total: number | null;
  noNew: number;
  turning: boolean;
  fresh: boolean;
  documentId?: string;
  startedAt: number;
  updatedAt: number;
  /** No report for this long: the page stopped answering (the polite delay plus a margin). */
  staleAfterMs?: number;
}

export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface WalkDeps {
  session: SessionArea;
  /** Injects the walk script into one frame of a tab. */
  inject(tabId: number, frameId: number): Promise<void>;
  /** Clicks, in the page's own world, the element of that frame marked data-kiem-dem-click=token. */
  clickInPage(tabId: number, frameId: number, token: string): Promise<void>;
  /** Tells a running walk script to stop now. */
  halt(tabId: number, frameId: number): Promise<void>;
  options(): Promise<{ delayMs: number; pageLimit: number; largestPageSize: boolean }>;
  recordList(list: ListReport, keys: string[], at: number): Promise<void>;
  /** Badge override while a walk runs (null: back to the page's count). */
  badge(tabId: number, text: string | null): void;
  now(): number;
}

export interface Sender {
  tabId: number;
  frameId: number;
  documentId?: string;
  url?: string;
}

/** A running walk that has not reported for this long is shown as ended (the page stopped answering). */
export const WALK_STALE_MS = 60_000;

/** Subframes heard from this recently are kept when their tab's top document changes. */
const FRAME_FRESH_MS = 10_000;

export const tabKey = (id: number) => `tab:${id}`;
export const walkKey = (id: number) => `walk:${id}`;
const seenKey = (id: number) => `walkseen:${id}`;

function originPath(url: string | undefined): string | undefined {
  try {
    if (!url) return undefined;
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return undefined;
  }
}

function listPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\/+$/u, '') || '/'}`;
  } catch {
    return '';
  }
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

export class Walks {
  private locks = new Map<number, Promise<unknown>>();

  constructor(private readonly deps: WalkDeps) {}

  /** One change at a time per tab: reports, page states and commands interleave otherwise. */
  private serial<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(tabId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.locks.set(tabId, next.catch(() => undefined));
    return next;
  }

  private async read<T>(key: string): Promise<T | undefined> {
    return (await this.deps.session.get(key))[key] as T | undefined;
  }

  async walk(tabId: number): Promise<WalkState | undefined> {
    return this.read<WalkState>(walkKey(tabId));
  }

  private async save(w: WalkState): Promise<void> {
    w.updatedAt = this.deps.now();
    await this.deps.session.set({ [walkKey(w.tabId)]: w });
    if (w.status === 'running') {
      this.deps.badge(w.tabId, w.total ? `${Math.min(99, Math.floor((w.records / w.total) * 100))}%` : `p${w.page}`);
    } else this.deps.badge(w.tabId, null);
  }

  private async finish(w: WalkState, reason: WalkEndReason, error?: string): Promise<void> {
    if (w.status !== 'running') return;
    w.status = 'ended';
    w.reason = reason;
    w.turning = false;
    if (error) w.error = error;
    await this.save(w);
    await this.deps.session.remove(seenKey(w.tabId));
  }

  /** content → worker: what a frame shows now. Coverage is written; a walk goes on in a new document. */
  pageState(sender: Sender, msg: PageState): Promise<{ ok: true }> {
    return this.serial(sender.tabId, async () => {
      const at = this.deps.now();
      const entry = (await this.read<TabEntry>(tabKey(sender.tabId))) ?? { tabId: sender.tabId, frames: {} };
      if (sender.frameId === 0 && sender.documentId && entry.topDocument !== sender.documentId) {
        // A new page in the tab: the old page's frames are gone. A frame of the new page may
        // have reported before its top document did, so frames heard from just now stay.
        entry.topDocument = sender.documentId;
        for (const [id, f] of Object.entries(entry.frames)) if (id !== '0' && at - f.at > FRAME_FRESH_MS) delete entry.frames[id];
        delete entry.frames['0'];
      }
      // Only origin and path are kept: a query may carry a dossier code or what a clerk typed.
      entry.frames[String(sender.frameId)] = {
        frameId: sender.frameId, documentId: sender.documentId, title: msg.title, url: originPath(sender.url), records: msg.records, list: msg.list, at,
      };
      await this.deps.session.set({ [tabKey(sender.tabId)]: entry });
      if (msg.list) await this.deps.recordList(msg.list, msg.keys, at);

      const w = await this.walk(sender.tabId);
      if (w?.status !== 'running' || w.frameId !== sender.frameId) return { ok: true };
      if (sender.documentId && w.documentId !== sender.documentId) {
        // A new document in the walking frame: the next page of a full-load pager, or somewhere else.
        // Another path is somewhere else; the same path without a table yet may still be drawing it.
        const samePath = !!sender.url && w.listId.split(/[?#|]/u)[0] === listPath(sender.url);
        if (!msg.list) {
          if (!samePath || !w.turning) await this.finish(w, 'navigated');
        } else if (msg.list.id !== w.listId) {
          await this.finish(w, 'navigated');
        } else {
          w.documentId = sender.documentId;
          await this.save(w);
          await this.deps.inject(sender.tabId, sender.frameId).catch(() => this.finish(w, 'error', 'Không chạy được trên trang mới'));
        }
      }
      return { ok: true };
    });
  }

  /** content → worker: the frame left its list (a SPA route without a record table). */
  idle(sender: Sender): Promise<void> {
    return this.serial(sender.tabId, async () => {
      const entry = await this.read<TabEntry>(tabKey(sender.tabId));
      if (!entry) return;
      delete entry.frames[String(sender.frameId)];
      await this.deps.session.set({ [tabKey(sender.tabId)]: entry });
    });
  }

  /** popup → worker: walk the list shown in one frame of a tab. */
  start(tabId: number, frameId: number): Promise<{ ok: boolean; error?: string }> {
    return this.serial(tabId, async () => {
      const cur = await this.walk(tabId);
      if (cur?.status === 'running' && this.deps.now() - cur.updatedAt < (cur.staleAfterMs ?? WALK_STALE_MS)) return { ok: false, error: 'Trang này đang được đọc.' };
      const entry = await this.read<TabEntry>(tabKey(tabId));
      const frame = entry?.frames[String(frameId)];
      if (!frame?.list) return { ok: false, error: 'Trang này không có bảng hồ sơ.' };
      const now = this.deps.now();
      const { delayMs } = await this.deps.options();
      const w: WalkState = {
        tabId, frameId, listId: frame.list.id, listLabel: frame.list.label, host: hostOf(frame.url), status: 'running', page: 1, pagesRead: 0,
        records: 0, total: frame.list.total, noNew: 0, turning: false, fresh: true, documentId: frame.documentId, startedAt: now, updatedAt: now,
        staleAfterMs: Math.max(WALK_STALE_MS, delayMs + 45_000),
      };
      await this.deps.session.set({ [seenKey(tabId)]: [] });
      await this.save(w);
      try {
        await this.deps.inject(tabId, frameId);
      } catch (error) {
        await this.finish(w, 'error', 'Không chạy được trên trang này — hãy tải lại trang (F5).');
        return { ok: false, error: String(error) };
      }
      return { ok: true };
    });
  }

  /** popup → worker: "Dừng". */
  stop(tabId: number): Promise<{ ok: boolean }> {
    return this.serial(tabId, async () => {
      const w = await this.walk(tabId);
      if (w?.status !== 'running') return { ok: false };
      await this.finish(w, 'stopped');
      await this.deps.halt(tabId, w.frameId).catch(() => undefined);
      return { ok: true };
    });
  }

  /** walker → worker: press a pager's javascript: link in the page's world (only for the walking frame). */
  async clickInPage(sender: Sender, token: string): Promise<WalkReply> {
    const w = await this.walk(sender.tabId);
    if (w?.status !== 'running' || w.frameId !== sender.frameId) return { go: false };
    await this.deps.clickInPage(sender.tabId, sender.frameId, token);
    return { go: true };
  }

  /** walker → worker: go on where the walk is (a new walker copy after a page load). */
  resume(sender: Sender): Promise<WalkReply> {
    return this.serial(sender.tabId, async () => {
      const w = await this.walk(sender.tabId);
      if (w?.status !== 'running' || w.frameId !== sender.frameId) return { go: false };
      const opts = await this.deps.options();
      const reply: WalkReply = { go: true, page: w.page, fresh: w.fresh, ...opts };
      w.fresh = false;
      w.documentId = sender.documentId ?? w.documentId;
      await this.save(w);
      return reply;
    });
  }

  /** walker → worker: a page was read, a turn is about to happen, or the walk ended on the page. */
  report(sender: Sender, msg: WalkReport): Promise<WalkReply> {
    return this.serial(sender.tabId, async () => {
      const w = await this.walk(sender.tabId);
      if (w?.status !== 'running' || w.frameId !== sender.frameId) return { go: false };
      if (msg.event === 'end') {
        await this.finish(w, msg.reason, msg.error);
        return { go: false };
      }
      if (msg.event === 'turn') {
        w.turning = true;
        w.page = msg.page;
        await this.save(w);
        return { go: true };
      }
      if (msg.listId !== w.listId) {
        await this.finish(w, 'navigated');
        return { go: false };
      }
      const seen = new Set((await this.read<string[]>(seenKey(w.tabId))) ?? []);
      const before = seen.size;
      for (const k of msg.keys) seen.add(k);
      const added = seen.size - before;
      // The same page reported again with no turn between (the walker re-sends a report whose
      // reply a stopped worker never gave): not another page read, and not a page without news.
      const again = !w.turning && w.pagesRead > 0 && msg.page === w.page;
      if (!again) {
        w.noNew = added === 0 ? w.noNew + 1 : 0;
        w.pagesRead += 1;
      }
      w.page = msg.page;
      w.records = seen.size;
      if (msg.total !== null) w.total = msg.total;
      w.turning = false;
      w.documentId = sender.documentId ?? w.documentId;
      if (added > 0) await this.deps.session.set({ [seenKey(w.tabId)]: [...seen] });
      await this.save(w);
      return { go: true, noNew: w.noNew, records: w.records, page: w.page };
    });
  }

  /** The tab went to another address (or one we cannot see: another site). */
  tabUpdated(tabId: number, url: string | undefined): Promise<void> {
    return this.serial(tabId, async () => {
      const w = await this.walk(tabId);
      if (w?.status !== 'running' || w.frameId !== 0) return;
      if (hostOf(url) !== w.host) await this.finish(w, 'navigated');
    });
  }

  tabRemoved(tabId: number): Promise<void> {
    return this.serial(tabId, async () => {
      this.deps.badge(tabId, null);
      await this.deps.session.remove([tabKey(tabId), walkKey(tabId), seenKey(tabId)]);
    });
  }
}
