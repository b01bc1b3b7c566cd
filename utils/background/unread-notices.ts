/**
 * Per-tab "có bảng nhưng chưa đọc được" notices, kept in storage.session under their own
 * key (they outlive a worker restart, not the browser session) so the popup can show the
 * notice of the tab it was opened on. Updates are serialised: read-modify-write of one
 * key from several frames at once must not lose a frame's notice.
 */
import { storedUnreadSchema, UNREAD_SESSION_KEY, type StoredUnread, type UnreadNotice } from '../unread';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const BADGE_GREEN = '#1b5e20';
export const BADGE_AMBER = '#b26a00';

/** What the toolbar shows for a tab: its count, else "?" in amber when a table was left unread. */
export function badgeLook(total: number, unread: boolean, countText: (n: number) => string): { text: string; color: string } {
  if (total > 0) return { text: countText(total), color: BADGE_GREEN };
  return unread ? { text: '?', color: BADGE_AMBER } : { text: '', color: BADGE_GREEN };
}

export class UnreadNotices {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: SessionArea,
    private readonly now: () => number,
  ) {}

  private async read(): Promise<StoredUnread> {
    const got = await this.area.get(UNREAD_SESSION_KEY);
    const parsed = storedUnreadSchema.safeParse(got[UNREAD_SESSION_KEY] ?? {});
    return parsed.success ? parsed.data : {};
  }

  /** Resolves with whether anything changed. */
  private update(fn: (all: StoredUnread) => boolean): Promise<boolean> {
    const run = this.chain.then(async () => {
      const all = await this.read();
      if (!fn(all)) return false;
      await this.area.set({ [UNREAD_SESSION_KEY]: all });
      return true;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Keep or clear a frame's notice; resolves with whether that changed anything (the badge needs painting). */
  set(tabId: number, frameId: number, url: string, notice: UnreadNotice | null): Promise<boolean> {
    return this.update((all) => {
      const tab = String(tabId);
      const frames = all[tab] ?? {};
      if (notice === null) {
        if (!(String(frameId) in frames)) return false;
        delete frames[String(frameId)];
      } else {
        frames[String(frameId)] = { notice, url: url.slice(0, 4000), frameId, at: this.now() };
      }
      if (Object.keys(frames).length === 0) delete all[tab];
      else all[tab] = frames;
      return true;
    });
  }

  forgetTab(tabId: number): Promise<boolean> {
    return this.update((all) => {
      if (!(String(tabId) in all)) return false;
      delete all[String(tabId)];
      return true;
    });
  }

  async has(tabId: number): Promise<boolean> {
    await this.chain;
    const all = await this.read();
    return Object.keys(all[String(tabId)] ?? {}).length > 0;
  }
}
