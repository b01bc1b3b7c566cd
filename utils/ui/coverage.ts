/**
 * Pure view logic of the popup's "Trang đang mở" and "Danh sách đã đọc": which open
 * portal frames to list (active tab first), the progress line of a walk and why it ended.
 */
import type { T } from '../i18n';
import type { Lang } from '../i18n';
import type { FrameInfo, TabEntry, WalkState } from '../background/walks';
import { WALK_STALE_MS } from '../background/walks';
import type { ListRow } from '../store/types';
import { formatCount } from './format';

export interface OpenList {
  tabId: number;
  frameId: number;
  title: string;
  records: number;
  total: number | null;
  listId: string;
  label: string;
  walk: WalkState | undefined;
}

/** Open portal frames that show a record table, one item each; the active tab first. */
export function openLists(session: Record<string, unknown>, liveTabs: ReadonlySet<number> | null, activeTabId: number | null): OpenList[] {
  const out: OpenList[] = [];
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith('tab:')) continue;
    const entry = value as TabEntry;
    if (liveTabs && !liveTabs.has(entry.tabId)) continue;
    const walk = session[`walk:${entry.tabId}`] as WalkState | undefined;
    const frames = Object.values(entry.frames ?? {}).filter((f): f is FrameInfo & { list: NonNullable<FrameInfo['list']> } => !!f.list);
    for (const f of frames.sort((a, b) => a.frameId - b.frameId)) {
      out.push({
        tabId: entry.tabId, frameId: f.frameId, title: f.title || f.list.label, records: f.records, total: f.list.total,
        listId: f.list.id, label: f.list.label, walk: walk && walk.frameId === f.frameId ? walk : undefined,
      });
    }
  }
  return out.sort((a, b) => Number(b.tabId === activeTabId) - Number(a.tabId === activeTabId) || a.tabId - b.tabId || a.frameId - b.frameId);
}

export function isRunning(w: WalkState | undefined, now: number): boolean {
  return !!w && w.status === 'running' && now - w.updatedAt < (w.staleAfterMs ?? WALK_STALE_MS);
}

/** "Trang 3 · 240/1.284 bản ghi" */
export function walkLine(w: WalkState, t: T, lang: Lang): string {
  return w.total !== null
    ? t('walkLineTotal', { page: formatCount(w.page, lang), records: formatCount(w.records, lang), total: formatCount(w.total, lang) })
    : t('walkLine', { page: formatCount(w.page, lang), records: formatCount(w.records, lang) });
}

/** Why a walk ended, in words ("Đã đọc hết 52 trang", "Đã dừng", …). */
export function walkEndText(w: WalkState, t: T, lang: Lang, now: number): string {
  if (w.status === 'running') return isRunning(w, now) ? '' : t('walkEndStale');
  const pages = formatCount(Math.max(w.pagesRead, 1), lang);
  switch (w.reason) {
    case 'done':
      return t('walkEndDone', { pages });
    case 'stopped':
      return t('walkEndStopped');
    case 'no-pager':
      return t('walkEndNoPager');
    case 'nothing-new':
      return t('walkEndNothingNew', { pages });
    case 'limit':
      return t('walkEndLimit', { pages });
    case 'navigated':
      return t('walkEndNavigated');
    default:
      return t('walkEndError', { message: w.error ?? '' });
  }
}

/** Lists below 100 % of their stated total. */
export function incompleteLists(lists: readonly ListRow[]): ListRow[] {
  return lists.filter((l) => l.statedTotal !== null && l.captured < l.statedTotal);
}

/** Walks that ended (recently) on a tab that no longer shows their list: the popup still says why. */
export function endedElsewhere(session: Record<string, unknown>, shown: readonly OpenList[], now: number, withinMs = 15 * 60_000): WalkState[] {
  const out: WalkState[] = [];
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith('walk:')) continue;
    const w = value as WalkState;
    if (w.status !== 'ended' || now - w.updatedAt > withinMs) continue;
    if (shown.some((o) => o.tabId === w.tabId && o.walk === w)) continue;
    if (shown.some((o) => o.tabId === w.tabId && o.frameId === w.frameId)) continue;
    out.push(w);
  }
  return out;
}
