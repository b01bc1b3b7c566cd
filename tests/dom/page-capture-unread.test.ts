/** The page watcher tells the page's "chưa đọc được" notice: once, then null when a mapping makes the rows readable. */
import { describe, expect, it } from 'vitest';
import { PageCapture } from '../../utils/capture/page-capture';
import { headerSignature } from '../../utils/extract/mapping';
import type { PortalRecord } from '../../utils/records';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { UnreadNotice } from '../../utils/unread';
import { URL, loadDoc } from './load';

const HEADERS = ['Số phiếu', 'Tên thủ tục', 'Ngày nộp', 'Tình trạng'];
const PAGE = `<table><thead><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
  <tr><td>000.00.13.H37-230912-0001</td><td>Cấp Giấy chứng nhận</td><td>12/09/2023</td><td>Đang xử lý</td></tr>
  <tr><td>000.00.13.H37-230913-0004</td><td>Cấp lại Giấy chứng nhận</td><td>13/09/2023</td><td>Đã trả kết quả</td></tr></tbody></table>`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PageCapture and the unread notice', () => {
  it('reports the notice once while nothing is read, and null once a saved mapping reads the rows', async () => {
    const doc = loadDoc(PAGE);
    let settings: Settings = DEFAULT_SETTINGS;
    const notices: (UnreadNotice | null)[] = [];
    const emitted: PortalRecord[] = [];
    const capture = new PageCapture({
      doc,
      context: () => ({ url: URL, settings }),
      emit: (_k, r) => emitted.push(r),
      scanned: () => undefined,
      unread: (n) => notices.push(n),
      debounceMs: 20,
    });
    capture.start();
    await wait(150);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ reason: 'no-key', headers: HEADERS });
    capture.refresh();
    await wait(150);
    expect(notices).toHaveLength(1); // unchanged: not told again
    settings = {
      ...DEFAULT_SETTINGS,
      columnMappings: [{ host: 'motcua.langson.gov.vn', signature: headerSignature(HEADERS), headers: HEADERS, fields: ['code', 'procedure', 'receivedAt', 'status'] }],
    };
    capture.refresh();
    await wait(200);
    capture.stop();
    expect(emitted.map((r) => r.code)).toEqual(['000.00.13.H37-230912-0001', '000.00.13.H37-230913-0004']);
    expect(notices).toEqual([notices[0], null]);
  });
});

describe('archive sync in a column mapping', () => {
  it('a sync column is suggested as "Đồng bộ kho" and, once mapped, gives each record its sync state', async () => {
    const headers = ['Số phiếu', 'Tên thủ tục', 'Đồng bộ kho'];
    const doc = loadDoc(`<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
      <tr><td>000.00.13.H37-230912-0001</td><td>Cấp Giấy chứng nhận</td><td>Đã đồng bộ</td></tr>
      <tr><td>000.00.13.H37-230913-0004</td><td>Cấp lại Giấy chứng nhận</td><td>Chưa đồng bộ</td></tr></tbody></table>`);
    let settings: Settings = DEFAULT_SETTINGS;
    const notices: (UnreadNotice | null)[] = [];
    const emitted: PortalRecord[] = [];
    const capture = new PageCapture({ doc, context: () => ({ url: URL, settings }), emit: (_k, r) => emitted.push(r), scanned: () => undefined, unread: (n) => notices.push(n), debounceMs: 20 });
    capture.start();
    await wait(150);
    expect(notices[0]?.suggested.at(-1)).toBe('synced');
    settings = { ...DEFAULT_SETTINGS, columnMappings: [{ host: 'motcua.langson.gov.vn', signature: headerSignature(headers), headers, fields: ['code', 'procedure', 'synced'] }] };
    capture.refresh();
    await wait(200);
    capture.stop();
    expect(emitted.map((r) => [r.code, r.synced])).toEqual([
      ['000.00.13.H37-230912-0001', true],
      ['000.00.13.H37-230913-0004', false],
    ]);
  });
});
