import { describe, expect, it } from 'vitest';
import { handleContentMessage, type CaptureDeps } from '../../utils/background/capture-handler';
import { MAX_BATCH } from '../../utils/messages';
import type { PortalRecord } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import type { BatchSource } from '../../utils/store/upsert';
import { departmentIndex } from '../../utils/vocab/departments';

const record: PortalRecord = {
  kind: 'dossier', code: '000.00.13.H37-230615-0007', resultNumber: null, procedure: 'Thủ tục', field: null,
  department: 'Phòng Quản lý khoa học', receivedAt: '2023-06-15', dueAt: null, resolvedAt: null, issuedAt: null,
  validUntil: null, permanent: null, status: 'Đang xử lý', statusCode: 4, digitized: null,
};

function deps(over: Partial<CaptureDeps> = {}) {
  const calls = { upserts: [] as PortalRecord[][], sources: [] as BatchSource[], badges: [] as number[], rejected: [] as Record<string, number>[], errors: [] as string[], readers: [] as [number, number][] };
  const d: CaptureDeps = {
    extensionId: 'ext',
    allowedPatterns: async () => ['*://*.langson.gov.vn/*'],
    upsert: async (records, source) => {
      calls.sources.push(source);
      if (source.rejected) calls.rejected.push(source.rejected);
      if (records.length > 0) calls.upserts.push(records);
      return { inserted: records.length, updated: 0, unchanged: 0 };
    },
    departments: async () => departmentIndex(DEFAULT_SETTINGS),
    setBadge: async (_t, _f, _d, n) => void calls.badges.push(n),
    loadReader: async (t, f) => void calls.readers.push([t, f]),
    reportError: async (m) => void calls.errors.push(m),
    clearError: async () => undefined,
    now: () => 1,
    ...over,
  };
  return { d, calls };
}

const sender = { id: 'ext', url: 'https://motcua.langson.gov.vn/vi/dossier/search', tabId: 7, frameId: 0 };
const batch = (records: unknown[], extra: object = {}) => ({
  type: 'capture/batch', batchId: 'b1', pageUrl: sender.url, records, pageTotal: records.length, ...extra,
});

describe('handleContentMessage', () => {
  it('writes a valid batch and acks with the counts after the write', async () => {
    const { d, calls } = deps();
    const reply = await handleContentMessage(batch([record]), sender, d);
    expect(reply).toEqual({ ok: true, batchId: 'b1', inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(calls.upserts).toHaveLength(1);
    expect(calls.badges).toEqual([1]);
  });

  it('ignores other extensions, pages outside the portals and non-tab senders', async () => {
    const { d, calls } = deps();
    expect(await handleContentMessage(batch([record]), { ...sender, id: 'other' }, d)).toBeUndefined();
    expect(await handleContentMessage(batch([record]), { ...sender, tabId: undefined }, d)).toBeUndefined();
    expect(await handleContentMessage(batch([record]), { ...sender, url: 'https://evil.example/langson.gov.vn' }, d)).toMatchObject({ ok: false });
    expect(calls.upserts).toHaveLength(0);
  });

  it('rejects a malformed or oversized message and writes nothing', async () => {
    const { d, calls } = deps();
    expect(await handleContentMessage({ type: 'capture/batch' }, sender, d)).toMatchObject({ ok: false });
    expect(await handleContentMessage(batch(Array(MAX_BATCH + 1).fill(record)), sender, d)).toMatchObject({ ok: false, batchId: 'b1' });
    expect(await handleContentMessage(batch([record], { extra: 1 }), sender, d)).toMatchObject({ ok: false });
    expect(calls.upserts).toHaveLength(0);
  });

  it('drops invalid records one by one and counts them with the page’s own rejections', async () => {
    const { d, calls } = deps();
    const bad = { ...record, receivedAt: '15/06/2023' };
    const reply = await handleContentMessage(batch([record, bad, { kind: 'dossier' }], { rejected: { 'no-key': 2 } }), sender, d);
    expect(reply).toMatchObject({ ok: true, inserted: 1, rejected: 2 });
    expect(calls.upserts[0]).toHaveLength(1);
    // The page's totals and the rows refused here travel apart (totals count by growth, refusals as they come).
    expect(calls.rejected).toEqual([{ 'no-key': 2 }]);
    expect(calls.sources[0]?.refused).toEqual({ invalid: 2 });
    // The rejected counters travel in the same write as the records (one transaction).
    expect(calls.sources).toHaveLength(1);
  });

  it('guards every record again, keeps read times and page id, and cuts a long or personal address', async () => {
    const { d, calls } = deps();
    const personal = { ...record, procedure: 'Nguyễn Thị Thu Hà', department: 'Hộ kinh doanh Lê Thị Bình', status: 'Người nộp: Nguyễn Văn An, CCCD 020188001234' };
    const url = `https://motcua.langson.gov.vn/tra-cuu?tuKhoa=Nguy%E1%BB%85n&soGiayTo=020188001234&page=2&x=${'y'.repeat(6000)}`;
    const reply = await handleContentMessage(batch([personal], { pageUrl: url, readAt: [12345], pageId: 'page-1' }), sender, d);
    expect(reply).toMatchObject({ ok: true, inserted: 1 });
    expect(calls.upserts[0]![0]).toMatchObject({ procedure: null, department: null, status: null });
    expect(calls.sources[0]).toMatchObject({ url: 'https://motcua.langson.gov.vn/tra-cuu?page=2', readAt: [12345], readBy: 'page-1' });
  });

  it('answers a failed write with a Vietnamese error and no ack, so the page keeps the batch', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { d, calls } = deps({ upsert: async () => Promise.reject(quota) });
    const reply = await handleContentMessage(batch([record]), sender, d);
    expect(reply).toMatchObject({ ok: false, batchId: 'b1' });
    expect((reply as { error: string }).error).toMatch(/Bộ nhớ trình duyệt đã đầy/u);
    expect(calls.errors).toHaveLength(1);
    expect(calls.badges).toHaveLength(0);
  });

  it('loads the reader into the frame whose look found records, for portal pages only', async () => {
    const { d, calls } = deps();
    expect(await handleContentMessage({ type: 'capture/load' }, { ...sender, frameId: 3 }, d)).toBeUndefined();
    expect(calls.readers).toEqual([[7, 3]]);
    await handleContentMessage({ type: 'capture/load' }, { ...sender, url: 'https://evil.example/' }, d);
    await handleContentMessage({ type: 'capture/load', extra: 1 }, sender, d);
    expect(calls.readers).toEqual([[7, 3]]);
    expect(calls.upserts).toHaveLength(0);
  });
});
