import { describe, expect, it } from 'vitest';
import { syncedFromText, syncedMentioned } from '../../utils/vocab/synced';
import { lookupHeader } from '../../utils/vocab/headers';

describe('archive sync vocabulary', () => {
  it('reads sync wordings and sync-log outcomes, any diacritics form', () => {
    expect(['Đã đồng bộ', 'ĐÃ ĐỒNG BỘ', 'Đã đồng bộ'.normalize('NFD'), 'Thành công', 'Đồng bộ thành công'].map(syncedFromText)).toEqual([true, true, true, true, true]);
    expect(['Chưa đồng bộ', 'Thất bại', 'Đồng bộ thất bại: mất kết nối', 'Lỗi', 'Chưa đồng bộ lên kho'].map(syncedFromText)).toEqual([false, false, false, false, false]);
    expect(['', null, 'Đang xử lý', '12/03/2020'].map(syncedFromText)).toEqual([null, null, null, null]);
  });
  it('inside another column only words naming the sync count', () => {
    expect(syncedMentioned('Đã số hóa và đồng bộ')).toBe(true);
    expect(syncedMentioned('Chưa đồng bộ')).toBe(false);
    expect(syncedMentioned('Đã số hóa')).toBeNull();
    expect(syncedMentioned('Thành công')).toBeNull();
  });
  it('sync headers are their own column; digitization headers stay digitization', () => {
    expect(['Đồng bộ', 'Trạng thái đồng bộ', 'Đồng bộ kho', 'Tình trạng đồng bộ kho', 'Kết quả đồng bộ'].map(lookupHeader)).toEqual(['synced', 'synced', 'synced', 'synced', 'synced']);
    expect(['Trạng thái số hóa', 'KHO QUỐC GIA', 'Trạng thái'].map(lookupHeader)).toEqual(['digitized', 'digitized', 'status']);
  });
});
