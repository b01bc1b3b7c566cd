import { describe, expect, it } from 'vitest';
import type { WalkState } from '../../utils/background/walks';
import { makeT } from '../../utils/i18n';
import { endedElsewhere, incompleteLists, isRunning, openLists, walkEndText, walkLine } from '../../utils/ui/coverage';

const t = makeT('vi');
const list = (id: string, total: number | null = null) => ({ id, label: id, total, page: null });
const walk = (over: Partial<WalkState>): WalkState => ({
  tabId: 2, frameId: 0, listId: 'a', listLabel: 'Hồ sơ', host: 'x', status: 'running', page: 3, pagesRead: 3, records: 240, total: 1284,
  noNew: 0, turning: false, fresh: false, startedAt: 0, updatedAt: 1000, ...over,
});

describe('popup coverage view', () => {
  const session = {
    'tab:1': { tabId: 1, frames: { 0: { frameId: 0, title: 'Một', records: 5, list: list('a'), at: 0 } } },
    'tab:2': { tabId: 2, frames: { 0: { frameId: 0, title: 'Hai', records: 7, list: list('b', 37), at: 0 }, 4: { frameId: 4, title: 'Khung', records: 1, list: list('c'), at: 0 } } },
    'tab:3': { tabId: 3, frames: { 0: { frameId: 0, title: 'Không có bảng', records: 0, list: null, at: 0 } } },
    'tab:9': { tabId: 9, frames: { 0: { frameId: 0, title: 'Đã đóng', records: 1, list: list('z'), at: 0 } } },
    'walk:2': walk({ listId: 'b' }),
  };

  it('lists open frames with a record table, the active tab first, closed tabs left out', () => {
    const items = openLists(session, new Set([1, 2, 3]), 2);
    expect(items.map((i) => `${i.tabId}/${i.frameId}`)).toEqual(['2/0', '2/4', '1/0']);
    expect(items[0]!.walk?.listId).toBe('b');
    expect(items[1]!.walk).toBeUndefined();
    // As an ordinary tab (the popup itself is active): the same tabs, in tab order.
    expect(openLists(session, new Set([1, 2, 3]), 99).map((i) => i.tabId)).toEqual([1, 2, 2]);
  });

  it('progress line and why a walk ended', () => {
    expect(walkLine(walk({}), t, 'vi')).toBe('Trang 3 · 240/1.284 bản ghi');
    expect(walkLine(walk({ total: null }), t, 'vi')).toBe('Trang 3 · 240 bản ghi');
    expect(walkEndText(walk({ status: 'ended', reason: 'done', pagesRead: 52 }), t, 'vi', 0)).toBe('Đã đọc hết 52 trang');
    expect(walkEndText(walk({ status: 'ended', reason: 'stopped' }), t, 'vi', 0)).toBe('Đã dừng');
    expect(walkEndText(walk({ status: 'ended', reason: 'no-pager' }), t, 'vi', 0)).toBe('Không tìm thấy nút trang sau');
    expect(walkEndText(walk({ status: 'ended', reason: 'error', error: 'x' }), t, 'vi', 0)).toBe('Lỗi khi đọc: x');
    expect(isRunning(walk({}), 2000)).toBe(true);
    expect(walkEndText(walk({}), t, 'vi', 1000 + 61_000)).toBe('Trang không còn phản hồi — việc đọc đã dừng');
    expect(isRunning(walk({ staleAfterMs: 120_000 }), 1000 + 61_000)).toBe(true);
  });

  it('a walk that ended on a tab that left its list is still said; incomplete lists', () => {
    const s2 = { ...session, 'walk:3': walk({ tabId: 3, status: 'ended', reason: 'navigated', updatedAt: 5000 }) };
    expect(endedElsewhere(s2, openLists(s2, null, null), 6000).map((w) => w.tabId)).toEqual([3]);
    const rows = [
      { id: 'a', label: 'a', statedTotal: 37, captured: 25, pages: [], pagesRead: 1, firstRead: 0, lastRead: 0 },
      { id: 'b', label: 'b', statedTotal: 37, captured: 37, pages: [], pagesRead: 1, firstRead: 0, lastRead: 0 },
      { id: 'c', label: 'c', statedTotal: null, captured: 3, pages: [], pagesRead: 1, firstRead: 0, lastRead: 0 },
    ];
    expect(incompleteLists(rows).map((l) => l.id)).toEqual(['a']);
  });
});
