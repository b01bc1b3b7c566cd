import { describe, expect, it } from 'vitest';
import { parseStatedTotal } from '../../utils/crawl/totals';
import { parseCount } from '../../utils/vocab/totals';
import { listAddress, listIdentity } from '../../utils/crawl/list-id';
import { keyHash } from '../../utils/crawl/hash';
import { coveragePercent } from '../../utils/store/lists';

describe('stated totals', () => {
  it.each([
    ['Tổng số 47 bản ghi', 47],
    ['Tổng số: 1.284 hồ sơ', 1284],
    ['Hiển thị 1 - 25 / 37 kết quả', 37],
    ['1–15 trên 15', 15],
    ['Trang 3/3 — 24 hồ sơ', 24],
    ['Tổng số 36 giấy tờ', 36],
    ['1-10 của 1,284 mục', 1284],
    ['Showing 1 to 10 of 57 entries', 57],
    ['Total 120 items', 120],
    ['TỔNG SỐ:\u00a02.500.000 BẢN GHI', 2_500_000],
    ['Tổng số kết quả60Đã số hóa33', 60],
    ['Có 30 hồ sơ', 30],
    ['Tổng cộng: 9', 9],
    ['Trang 1/5 (100 bản ghi)', 100],
    ['Kết quả tìm kiếm: 57', 57],
    ['Số bản ghi: 1.284', 1284],
    ['1 - 2 of 2 items', 2],
  ])('%s → %d', (text, n) => {
    expect(parseStatedTotal(text)).toBe(n);
  });

  it.each(['Trang 3', 'Ngày 12/05/2023', 'Số điện thoại 0912345678 gọi lúc 8 giờ', 'Hồ sơ 000.00.13.H37-230601-0001', 'Số hồ sơ: 000.00.13.H37-230601-0001', 'Số kết quả: 125/GP-SKHCN', ''])('%s → no total', (text) => {
    expect(parseStatedTotal(text)).toBeNull();
  });

  it('reads "1.284" as one thousand two hundred eighty-four', () => {
    expect(parseCount('1.284')).toBe(1284);
    expect(parseCount('1 284')).toBe(1284);
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1.2.3')).toBe(123);
  });
});

describe('list identity', () => {
  it('drops paging parameters, keeps the route and filters', () => {
    const a = listAddress('https://motcua.langson.gov.vn/ho-so/?dv=qlkh&page=3&pageSize=20#/ds?page=4');
    const b = listAddress('https://motcua.langson.gov.vn/ho-so?page=1&dv=qlkh#/ds');
    expect(a).toBe('motcua.langson.gov.vn/ho-so?dv=qlkh#/ds');
    expect(b).toBe(a);
    expect(listAddress('https://x.gov.vn/a#page=2')).toBe('x.gov.vn/a');
    expect(listAddress('https://x.gov.vn/a#/cho-tiep-nhan')).toBe('x.gov.vn/a#/cho-tiep-nhan');
  });

  it('never keeps what could be personal (names, ID or phone numbers, typed search words)', () => {
    const a = listAddress('https://x.gov.vn/a?ten=Nguyen%20Van%20A&cccd=012345678901&sdt=0912345678&keyword=abc&trangthai=4&q=x');
    expect(a).toBe('x.gov.vn/a?trangthai=4');
    expect(listAddress('https://x.gov.vn/a?ma_ho_so=000.00.13.H37-230601-0001')).toBe('x.gov.vn/a');
  });

  it('active filter values make another list', () => {
    const all = listIdentity('https://x.gov.vn/a?page=2', 'Danh sách hồ sơ', []);
    const dept = listIdentity('https://x.gov.vn/a', 'Danh sách hồ sơ', ['Phòng Quản lý khoa học']);
    expect(all.id).toBe('x.gov.vn/a');
    expect(dept.id).not.toBe(all.id);
    expect(dept.label).toBe('Danh sách hồ sơ · Phòng Quản lý khoa học');
  });
});

describe('coverage figures', () => {
  it('percent of the stated total, never above 100, null without a total', () => {
    expect(coveragePercent({ captured: 25, statedTotal: 37 })).toBe(67.5);
    expect(coveragePercent({ captured: 37, statedTotal: 37 })).toBe(100);
    expect(coveragePercent({ captured: 40, statedTotal: 37 })).toBe(100);
    expect(coveragePercent({ captured: 3, statedTotal: null })).toBeNull();
    expect(coveragePercent({ captured: 1283, statedTotal: 1284 })).toBe(99.9);
  });

  it('key hashes are short, stable and distinct over many keys', () => {
    const n = 50_000;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) seen.add(keyHash(`000.00.13.h37-230601-${i}`));
    expect(seen.size).toBe(n);
    expect(keyHash('abc')).toBe(keyHash('abc'));
    expect(keyHash('abc').length).toBeLessThanOrEqual(11);
  });
});
