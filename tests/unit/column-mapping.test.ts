import { describe, expect, it } from 'vitest';
import { badgeLook, UnreadNotices, type SessionArea } from '../../utils/background/unread-notices';
import { headerSignature } from '../../utils/extract/mapping';
import { DEFAULT_SETTINGS, settingsSchema } from '../../utils/settings';
import { buildMapping, initialChoices, withMapping, withoutMapping } from '../../utils/ui/column-mapping';
import { UNREAD_SESSION_KEY, type UnreadNotice } from '../../utils/unread';

const headers = ['STT', 'Số phiếu', 'Người nộp', 'Tên thủ tục', 'Ngày nộp'];
const notice: UnreadNotice = {
  reason: 'no-key',
  headers,
  personal: [false, false, true, false, false],
  suggested: ['skip', 'skip', 'skip', 'procedure', 'receivedAt'],
  signature: headerSignature(headers),
  rows: 3,
};

describe('header signature', () => {
  it('same layout in any case or tone placement gives the same signature; another layout another', () => {
    expect(headerSignature(['Số hoá', 'MÃ HỒ SƠ'])).toBe(headerSignature(['số hóa', 'Mã hồ sơ']));
    expect(headerSignature(headers)).not.toBe(headerSignature([...headers, 'Ghi chú']));
    expect(headerSignature(headers)).toMatch(/^[0-9a-f]{8}-5$/u);
  });
});

describe('column mapping', () => {
  it('starts from the rules’ reading, personal columns skipped', () => {
    expect(initialChoices(notice)).toEqual(['skip', 'skip', 'skip', 'procedure', 'receivedAt']);
  });
  it('needs a key column', () => {
    expect(buildMapping('motcua.langson.gov.vn', notice, initialChoices(notice), 1)).toEqual({ ok: false, error: 'need-key' });
  });
  it('a personal column stays skipped whatever is chosen, and the schema refuses one mapped by hand', () => {
    const built = buildMapping('motcua.langson.gov.vn', notice, ['skip', 'code', 'procedure', 'procedure', 'receivedAt'], 5);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.mapping.fields).toEqual(['skip', 'code', 'skip', 'procedure', 'receivedAt']);
    const bad = { ...built.mapping, fields: ['skip', 'code', 'procedure', 'procedure', 'receivedAt'] };
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, columnMappings: [bad] }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, columnMappings: [built.mapping] }).success).toBe(true);
  });
  it('is saved per host and signature: a newer one replaces the older, removal leaves the rest', () => {
    const a = buildMapping('a.gov.vn', notice, ['skip', 'code', 'skip', 'skip', 'skip'], 1);
    const b = buildMapping('b.gov.vn', notice, ['skip', 'code', 'skip', 'procedure', 'skip'], 2);
    const a2 = buildMapping('a.gov.vn', notice, ['skip', 'code', 'skip', 'procedure', 'receivedAt'], 3);
    if (!a.ok || !b.ok || !a2.ok) throw new Error('build failed');
    const s = withMapping(withMapping(withMapping(DEFAULT_SETTINGS, a.mapping), b.mapping), a2.mapping);
    expect(s.columnMappings?.map((m) => [m.host, m.savedAt])).toEqual([['b.gov.vn', 2], ['a.gov.vn', 3]]);
    expect(withoutMapping(s, 'a.gov.vn', notice.signature).columnMappings?.map((m) => m.host)).toEqual(['b.gov.vn']);
  });
  it('settings without the key stay valid (older backups)', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
});

describe('per-tab notices and the badge', () => {
  const area = (): SessionArea & { data: Record<string, unknown> } => {
    const data: Record<string, unknown> = {};
    return {
      data,
      get: async (k) => ({ [k]: structuredClone(data[k]) }),
      set: async (items) => {
        Object.assign(data, structuredClone(items));
      },
    };
  };
  it('keeps one notice per frame; concurrent updates lose none; null clears', async () => {
    const a = area();
    const n = new UnreadNotices(a, () => 7);
    await Promise.all([n.set(1, 0, 'https://x/', notice), n.set(1, 3, 'https://x/f', notice), n.set(2, 0, 'https://y/', notice)]);
    expect(Object.keys((a.data[UNREAD_SESSION_KEY] as Record<string, object>)['1'] ?? {})).toEqual(['0', '3']);
    expect(await n.has(2)).toBe(true);
    expect(await n.set(1, 0, 'https://x/', null)).toBe(true);
    await n.set(1, 3, 'https://x/f', null);
    expect(await n.has(1)).toBe(false);
    // A new document with nothing to say changes nothing (the badge is not painted again).
    expect(await n.set(1, 0, 'https://x/', null)).toBe(false);
    await n.forgetTab(2);
    expect(a.data[UNREAD_SESSION_KEY]).toEqual({});
  });
  it('amber "?" only when the page gave nothing', () => {
    expect(badgeLook(0, true, String)).toEqual({ text: '?', color: '#b26a00' });
    expect(badgeLook(4, true, String)).toEqual({ text: '4', color: '#1b5e20' });
    expect(badgeLook(0, false, String).text).toBe('');
  });
});
