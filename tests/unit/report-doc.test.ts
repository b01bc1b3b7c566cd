import { describe, expect, it } from 'vitest';
import { abbreviation, dateLine, recipientLines } from '../../utils/report-doc';
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
