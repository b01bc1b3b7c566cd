import { describe, expect, it } from 'vitest';
import { handleContentMessage, type CaptureDeps } from '../../utils/background/capture-handler';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import type { UnreadNotice } from '../../utils/unread';
import { departmentIndex } from '../../utils/vocab/departments';

const notice: UnreadNotice = {
  reason: 'no-key', headers: ['Số phiếu', 'Tên thủ tục'], personal: [false, false], suggested: ['skip', 'procedure'], signature: '0a1b2c3d-2', rows: 4,
};
const sender = { id: 'ext', url: 'https://motcua.langson.gov.vn/so-theo-doi', tabId: 7, frameId: 2, documentId: 'doc-1' };

function deps() {
  const calls = { unread: [] as unknown[][], badges: [] as unknown[][] };
  const d: CaptureDeps = {
    extensionId: 'ext',
    allowedPatterns: async () => ['*://*.langson.gov.vn/*'],
    upsert: async () => ({ inserted: 0, updated: 0, unchanged: 0 }) as never,
    departments: async () => departmentIndex(DEFAULT_SETTINGS),
    setBadge: async (...a) => void calls.badges.push(a),
    setUnread: async (...a) => void calls.unread.push(a),
    loadReader: async () => undefined,
    reportError: async () => undefined,
    clearError: async () => undefined,
    now: () => 1,
  };
  return { d, calls };
}

describe('capture/unread', () => {
  it('stores the frame’s notice and zeroes the frame’s count (the amber "?" replaces a count from the tab’s previous page)', async () => {
    const { d, calls } = deps();
    await handleContentMessage({ type: 'capture/unread', notice }, sender, d);
    expect(calls.unread).toEqual([[7, 2, sender.url, notice]]);
    expect(calls.badges).toEqual([[7, 2, 'doc-1', 0]]);
  });
  it('a null notice clears it without touching the count', async () => {
    const { d, calls } = deps();
    await handleContentMessage({ type: 'capture/unread', notice: null }, sender, d);
    expect(calls.unread).toEqual([[7, 2, sender.url, null]]);
    expect(calls.badges).toEqual([]);
  });
  it('a malformed notice, or one from a page that is no portal, changes nothing', async () => {
    const { d, calls } = deps();
    const reply = await handleContentMessage({ type: 'capture/unread', notice: { ...notice, headers: [] } }, sender, d);
    expect(reply).toMatchObject({ ok: false, error: 'invalid message' });
    await handleContentMessage({ type: 'capture/unread', notice }, { ...sender, url: 'https://example.com/' }, d);
    expect(calls.unread).toEqual([]);
  });
});
