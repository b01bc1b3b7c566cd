import { describe, expect, it } from 'vitest';
import { digitizedFromIconName, digitizedFromText, isRealHref, isResultFileHref } from '../../utils/vocab/digitized';
import { parseValidity } from '../../utils/vocab/validity';

describe('digitizedFromText', () => {
  it('reads the README yes wordings', () => {
    for (const w of ['Có', 'Đã số hóa', 'Đã số hóa kết quả', 'Tái sử dụng', 'x', 'X', 'Xem tệp', 'Đã số hoá']) {
      expect(digitizedFromText(w), w).toBe(true);
    }
  });
  it('reads the README no wordings', () => {
    for (const w of ['Chưa có tệp', 'Chưa số hóa', 'Chưa số hoá kết quả', 'Không', '—']) {
      expect(digitizedFromText(w), w).toBe(false);
    }
  });
  it('lets a negation win in longer sentences', () => {
    expect(digitizedFromText('Kết quả chưa được số hóa')).toBe(false);
    expect(digitizedFromText('Kết quả đã số hóa lên kho')).toBe(true);
  });
  it('says nothing for empty or unrelated text', () => {
    expect(digitizedFromText('')).toBeNull();
    expect(digitizedFromText('KQ_230531_0001.pdf')).toBeNull();
    expect(digitizedFromText('check-circle')).toBeNull();
  });
});

describe('icons and files', () => {
  it('reads icon names', () => {
    expect(digitizedFromIconName('check-circle')).toBe(true);
    expect(digitizedFromIconName('close-circle')).toBe(false);
    expect(digitizedFromIconName('eye')).toBeNull();
  });
  it('recognises result file links', () => {
    expect(isResultFileHref('/Uploads/KetQua/KQ_1.pdf')).toBe(true);
    expect(isResultFileHref('/files/a.DOCX?download=1')).toBe(true);
    expect(isResultFileHref('/files/scan.jpg#page=1')).toBe(true);
    expect(isResultFileHref('/ho-so/chi-tiet/1')).toBe(false);
    expect(isResultFileHref('/pdf/view')).toBe(false);
    expect(isRealHref('#')).toBe(false);
    expect(isRealHref('javascript:void(0)')).toBe(false);
    expect(isRealHref('/Download.ashx?id=1')).toBe(true);
  });
});

describe('parseValidity', () => {
  it('reads permanent wordings', () => {
    expect(parseValidity('Vĩnh viễn')).toEqual({ validUntil: null, permanent: true });
    expect(parseValidity('KHÔNG THỜI HẠN')).toEqual({ validUntil: null, permanent: true });
  });
  it('reads an end date as not permanent', () => {
    expect(parseValidity('08/04/2028')).toEqual({ validUntil: '2028-04-08', permanent: false });
  });
  it('knows nothing from an empty or impossible value', () => {
    expect(parseValidity('')).toEqual({ validUntil: null, permanent: null });
    expect(parseValidity('31/02/2028')).toEqual({ validUntil: null, permanent: null });
  });
});
