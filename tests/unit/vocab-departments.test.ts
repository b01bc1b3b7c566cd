import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { departmentIndex, departmentOfField, isPlaceholder, resolveDepartment } from '../../utils/vocab/departments';

const idx = departmentIndex(DEFAULT_SETTINGS);

describe('resolveDepartment', () => {
  it('resolves canonical names and README aliases, folded', () => {
    expect(resolveDepartment('Phòng QLKH', idx)).toBe('Phòng Quản lý khoa học');
    expect(resolveDepartment('Phòng QLCN&CN', idx)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
    expect(resolveDepartment('Phòng QLCNCN', idx)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
    expect(resolveDepartment('Chi cục TĐC', idx)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(resolveDepartment('CHI CỤC TCĐLCL', idx)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(resolveDepartment('phong quan ly khoa hoc', idx)).toBe('Phòng Quản lý khoa học');
    expect(resolveDepartment('Chi cục Tiêu chuẩn - Đo lường - Chất lượng', idx)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
  });
  it('reads the short prefixes, "&" for "và" and an abbreviation split by dashes', () => {
    const QLKH = 'Phòng Quản lý khoa học';
    const QLCN = 'Phòng Quản lý công nghệ và chuyên ngành';
    const TDC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';
    expect(['P. QLKH', 'P.QLKH', 'P QLKH'].map((t) => resolveDepartment(t, idx))).toEqual([QLKH, QLKH, QLKH]);
    expect(resolveDepartment('P.QLCN', idx)).toBe(QLCN);
    expect(resolveDepartment('CC TĐC', idx)).toBe(TDC);
    expect(resolveDepartment('Chi cục TC-ĐL-CL', idx)).toBe(TDC);
    expect(resolveDepartment('Phòng Quản lý Công nghệ & Chuyên ngành', idx)).toBe(QLCN);
    expect(resolveDepartment('TTr Sở', idx)).toBe('Thanh tra Sở');
    // A short prefix before something unknown is still unknown; the Sở itself is no department.
    expect(resolveDepartment('P. Y tế', idx)).toBeNull();
    expect(resolveDepartment('Sở KH&CN', idx)).toBeNull();
  });
  it('finds a canonical name inside a longer text', () => {
    expect(resolveDepartment('Phòng Quản lý khoa học - Sở KH&CN Lạng Sơn', idx)).toBe('Phòng Quản lý khoa học');
  });
  it('finds a distinctive alias (with an abbreviation) inside a heading', () => {
    expect(resolveDepartment('Sở Khoa học và Công nghệ - Chi cục TĐC', idx)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(resolveDepartment('Hồ sơ của Phòng QLCN&CN năm 2023', idx)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
  });
  it('does not guess from short aliases inside other names', () => {
    expect(resolveDepartment('Văn phòng UBND tỉnh', idx)).toBeNull();
    expect(resolveDepartment('Sở Khoa học và Công nghệ tỉnh Lạng Sơn', idx)).toBeNull();
    expect(resolveDepartment('', idx)).toBeNull();
  });
  it('uses the aliases of the given settings', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, departments: [{ name: 'Phòng Thí nghiệm', aliases: ['PTN'] }] };
    expect(resolveDepartment('PTN', departmentIndex(s))).toBe('Phòng Thí nghiệm');
    expect(resolveDepartment('Phòng QLKH', departmentIndex(s))).toBeNull();
  });
});

describe('departmentOfField', () => {
  it('maps lĩnh vực through the settings mapping', () => {
    expect(departmentOfField('Chuyển giao công nghệ', idx)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
    expect(departmentOfField('TIÊU CHUẨN, ĐO LƯỜNG, CHẤT LƯỢNG', idx)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(departmentOfField('Hoạt động khoa học và công nghệ', idx)).toBe('Phòng Quản lý khoa học');
    expect(departmentOfField('Giao thông vận tải', idx)).toBeNull();
    expect(departmentOfField(null, idx)).toBeNull();
  });
});

describe('isPlaceholder', () => {
  it('recognises "all" choices of a filter', () => {
    expect(isPlaceholder('-- Tất cả đơn vị --')).toBe(true);
    expect(isPlaceholder('-- Chọn đơn vị --')).toBe(true);
    expect(isPlaceholder('')).toBe(true);
    expect(isPlaceholder('Phòng QLKH')).toBe(false);
  });
});
