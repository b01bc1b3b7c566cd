import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTally } from '../../utils/store/tally-read';
import { makeBackup, parseBackup, restoreBackup, settingsToApply } from '../../utils/backup';
import { KiemDemDB } from '../../utils/store/db';
import { clearAll, upsertBatch } from '../../utils/store/upsert';
import { DEFAULT_PERIOD } from '../../utils/period';
import { DEPT_A, DEPT_B, dossier, prng, randomRecords, result } from './tally-helpers';
import { DEFAULT_REPORT_HEADER, DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { departmentIndex } from '../../utils/vocab/departments';

const IDX = departmentIndex(DEFAULT_SETTINGS);
const T0 = Date.UTC(2024, 0, 1);

let db: KiemDemDB;
let n = 0;
beforeEach(() => {
  db = new KiemDemDB(`backup-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => (a.key < b.key ? -1 : 1));
const snapshot = async () => ({ records: byKey(await db.records.toArray()), tally: (await readTally(db, DEFAULT_PERIOD)) });

describe('backup', () => {
  it('restores everything into an empty store, and a second restore changes nothing', async () => {
    await upsertBatch(db, randomRecords(prng(3), 120), { url: 'https://p/1', at: T0 + 1000 });
    const before = await snapshot();
    const text = await makeBackup(db, Date.UTC(2026, 0, 2));
    expect(JSON.parse(text)).toMatchObject({ app: 'kiem-dem-tthc', version: 2, exportedAt: '2026-01-02T00:00:00.000Z' });

    await clearAll(db);
    const first = await restoreBackup(db, text, IDX);
    expect(first).toEqual({ ok: true, inserted: before.records.length, updated: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);

    const again = await restoreBackup(db, text, IDX);
    expect(again).toEqual({ ok: true, inserted: 0, updated: 0, unchanged: before.records.length });
    expect(await snapshot()).toEqual(before);
  });

  it('merges another clerk\'s overlapping backup without double counting', async () => {
    const shared = result('H37-200301-1', '1/GCN', { department: DEPT_A, issuedAt: '2020-03-05', digitized: false });
    await upsertBatch(db, [shared, result(null, '2/QĐ', { department: DEPT_A, issuedAt: '2020-01-01', digitized: true })], { url: 'https://me', at: T0 + 100 });

    const other = new KiemDemDB(`backup-other-${n}`);
    await upsertBatch(
      other,
      [
        { ...shared, digitized: true },
        dossier('H37-200301-1', { department: DEPT_A, statusCode: 10 }),
        result(null, '3/QĐ', { department: DEPT_B, issuedAt: '2021-01-01', digitized: false }),
      ],
      { url: 'https://them', at: T0 + 200 },
    );
    const theirs = await makeBackup(other);
    other.close();
    await other.delete();

    expect(await restoreBackup(db, theirs, IDX)).toEqual({ ok: true, inserted: 2, updated: 1, unchanged: 0 });
    const t = (await readTally(db, DEFAULT_PERIOD));
    expect(t.grand).toMatchObject({ total: 3, digitized: 2, pending: 1 });
    expect(t.perDepartment.map((d) => [d.department, d.total])).toEqual([[DEPT_B, 1], [DEPT_A, 2]]);
  });

  it('refuses a bad file with clear messages and changes nothing', async () => {
    await upsertBatch(db, [result(null, '1/A', { issuedAt: '2020-01-01' })], { url: 'https://me', at: T0 + 1 });
    const before = await snapshot();
    const good = { kind: 'result', code: null, resultNumber: '9/B', firstSeen: T0 + 1, lastSeen: T0 + 2, sourceUrl: 'https://x' };
    const records = Array.from({ length: 13 }, (_, i) => ({ ...good, resultNumber: `${i}/B` }));
    records[11] = { ...good, kind: 'dossier', code: null };
    (records[12] as Record<string, unknown>).issuedAt = '31/12/2020';
    const text = JSON.stringify({ app: 'kiem-dem-tthc', version: 1, exportedAt: 'x', records });

    const r = await restoreBackup(db, text, IDX);
    expect(r).toEqual({
      ok: false,
      errors: ['Tệp sao lưu không hợp lệ: bản ghi thứ 12 thiếu mã hồ sơ', 'Tệp sao lưu không hợp lệ: bản ghi thứ 13 ngày ban hành không hợp lệ'],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('explains files that are not backups', () => {
    expect(parseBackup('{nope')).toEqual({ ok: false, errors: ['Tệp sao lưu không hợp lệ: không đọc được nội dung JSON'] });
    expect(parseBackup(JSON.stringify({ app: 'khac', version: 1, exportedAt: 'x', records: [] }))).toEqual({
      ok: false,
      errors: ['Tệp sao lưu không hợp lệ: không phải tệp sao lưu của Kiểm đếm TTHC'],
    });
    expect(parseBackup(JSON.stringify({ app: 'kiem-dem-tthc', version: 9, exportedAt: 'x', records: [] }))).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('phiên bản')],
    });
  });

  it('recomputes keys and drops fields outside the record format', () => {
    const text = JSON.stringify({
      app: 'kiem-dem-tthc',
      version: 1,
      exportedAt: 'x',
      records: [{ kind: 'result', code: null, resultNumber: '5/X', key: 'forged', dept: 'forged', applicant: 'Nguyễn Văn A', firstSeen: T0, lastSeen: T0, sourceUrl: '' }],
    });
    const r = parseBackup(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.backup.records[0]).toMatchObject({ key: 'r||5/x', dept: '' });
      expect(r.backup.records[0]).not.toHaveProperty('applicant');
    }
  });
});

describe('settings in the backup', () => {
  const mine: Settings = {
    ...DEFAULT_SETTINGS,
    departments: [...DEFAULT_SETTINGS.departments, { name: 'Trung tâm Ứng dụng KH&CN', aliases: ['TTƯD'] }],
    portals: ['https://dichvucong.example.gov.vn/*', '*://*.other.gov.vn/*'],
    report: { ...DEFAULT_REPORT_HEADER, unit: 'Phòng Quản lý khoa học', signerName: 'Nguyễn Văn A' },
  };
  it('carries departments, aliases, mapping, portals and the report header, and reads them back', async () => {
    await upsertBatch(db, [result(null, '1/GCN', { department: DEPT_A, issuedAt: '2020-03-05' })], { url: 'https://p', at: T0 });
    const parsed = parseBackup(await makeBackup(db, T0, mine), T0 + 1000);
    expect(parsed.ok && parsed.backup.settings).toEqual(mine);
    // A version 1 file (no settings) still restores.
    const v1 = JSON.stringify({ app: 'kiem-dem-tthc', version: 1, exportedAt: 'x', records: [] });
    expect(parseBackup(v1)).toMatchObject({ ok: true, backup: { records: [] } });
  });
  it('refuses a file whose settings are invalid, naming them, and applies only granted portals', () => {
    const bad = JSON.stringify({ app: 'kiem-dem-tthc', version: 2, exportedAt: 'x', settings: { ...mine, portals: ['not a portal'] }, records: [] });
    const r = parseBackup(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^Tệp sao lưu không hợp lệ: cài đặt trong tệp không hợp lệ \(portals\.0\)/u);
    const applied = settingsToApply(mine, (p) => p.includes('example'));
    expect(applied).toEqual({ settings: { ...mine, portals: ['https://dichvucong.example.gov.vn/*'] }, denied: ['*://*.other.gov.vn/*'] });
  });
});
