import { describe, expect, it } from 'vitest';
import { abbreviation, coverageNoteOf, dateLine, recipientLines } from '../../utils/report-doc';
import { DEFAULT_REPORT_HEADER } from '../../utils/settings';

describe('report wording (Nghị định 30/2020/NĐ-CP)', () => {
  it('abbreviates the issuing body for the số/ký hiệu', () => {
    expect(abbreviation('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toBe('SKHCN');
    expect(abbreviation('Sở Tài nguyên và Môi trường')).toBe('STNMT');
  });
  it('writes the date line with the leading zeros the decree asks for', () => {
    expect(dateLine('Lạng Sơn', '2026-02-05')).toBe('Lạng Sơn, ngày 05 tháng 02 năm 2026');
    expect(dateLine('Lạng Sơn', '2026-12-15')).toBe('Lạng Sơn, ngày 15 tháng 12 năm 2026');
    expect(dateLine('', '2026-03-01')).toBe('ngày 01 tháng 3 năm 2026');
  });
  it('ends recipients with ";" and the last with "."', () => {
    expect(recipientLines(DEFAULT_REPORT_HEADER)).toEqual(['- Văn phòng Sở;', '- Lưu: VT.']);
  });
});

describe('coverage note', () => {
  const list = (label: string, statedTotal: number | null, captured: number) => ({ id: label, label, statedTotal, captured, pages: [], pagesRead: 1, firstRead: 1, lastRead: 1 });
  it('counts lists read to the end, without a total, and names the others least covered first', () => {
    const note = coverageNoteOf([list('Hồ sơ đã trả', 37, 37), list('Kho kết quả', 500, 20), list('Tra cứu', null, 12), list('Hồ sơ đang xử lý', 60, 45)]);
    expect(note).toEqual({
      lists: 4,
      complete: 1,
      unknownTotal: 1,
      incomplete: [
        { label: 'Kho kết quả', captured: 20, stated: 500 },
        { label: 'Hồ sơ đang xử lý', captured: 45, stated: 60 },
      ],
    });
  });
  it('no lists: nothing to say', () => {
    expect(coverageNoteOf([])).toEqual({ lists: 0, complete: 0, unknownTotal: 0, incomplete: [] });
  });
});
