import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { abbreviationsOf, abbreviationsOfName } from '../../utils/vocab/department-abbr';
import { departmentIndex, resolveDepartment } from '../../utils/vocab/departments';
import { keyRank, lookupHeader } from '../../utils/vocab/headers';
import { isTotalsText } from '../../utils/vocab/noise';
import { isPersonalHeader } from '../../utils/vocab/personal-columns';

describe('result-number word rule', () => {
  it('"Số" + hiệu / ký hiệu / a kind of document is a result number', () => {
    for (const h of ['Số hiệu giấy tờ', 'Số quyết định', 'Số giấy phép', 'Số GCN', 'Số/Ký hiệu văn bản', 'Số chứng nhận', 'Số hiệu', 'Số văn bản đi', 'SỐ GIẤY CHỨNG NHẬN']) {
      expect(lookupHeader(h), h).toBe('resultNumber');
    }
  });
  it('other "Số …" headers keep their meaning', () => {
    expect(lookupHeader('Số hồ sơ')).toBe('code');
    expect(lookupHeader('Số biên nhận')).toBe('code');
    expect(lookupHeader('Số hóa')).toBe('digitized');
    expect(lookupHeader('Số giấy tờ')).toBe('applicant');
    expect(lookupHeader('Số giấy tờ tùy thân')).toBe('applicant');
    expect(lookupHeader('Số CCCD')).toBe('applicant');
    expect(lookupHeader('Số định danh')).toBe('applicant');
    expect(lookupHeader('Số lượng')).toBeNull();
    expect(lookupHeader('Số phiếu')).toBeNull();
  });
});

describe('key-column ranking', () => {
  it('the dossier code outranks receipts and packed information cells', () => {
    expect(keyRank('Mã hồ sơ')).toBeGreaterThan(keyRank('Mã biên nhận'));
    expect(keyRank('Số hồ sơ')).toBeGreaterThan(keyRank('Số biên nhận'));
    expect(keyRank('Mã HS')).toBeGreaterThan(keyRank('Thông tin hồ sơ'));
    expect(keyRank('Thông tin hồ sơ')).toBeGreaterThan(keyRank('Số biên nhận'));
  });
});

describe('totals labels', () => {
  it('totals and subtotal wordings', () => {
    for (const t of ['Tổng cộng', 'TỔNG CỘNG', 'Tổng số: 18 hồ sơ', 'Cộng trang:', 'Cộng tháng 01', 'Tổng: 4', 'Tổng số', 'Tổng (12)']) expect(isTotalsText(t), t).toBe(true);
  });
  it('ordinary words that begin alike are not totals', () => {
    for (const t of ['Công bố hợp quy', 'Tổng hợp báo cáo định kỳ', 'Cộng tác viên khoa học và công nghệ cấp tỉnh lần thứ hai', '000.00.13.H37-230301-0009']) {
      expect(isTotalsText(t), t).toBe(false);
    }
  });
});

describe('department abbreviations derived from the names', () => {
  it('initials after "Phòng"/"Chi cục", with and without "&CN", and of the capitalised words', () => {
    const qlcn = abbreviationsOfName('Phòng Quản lý công nghệ và chuyên ngành').map(([a]) => a);
    expect(qlcn).toEqual(expect.arrayContaining(['QLCN&CN', 'Phòng QLCN&CN', 'QLCNCN', 'QLCN', 'Phòng QLCN']));
    expect(abbreviationsOfName('Phòng Quản lý khoa học').map(([a]) => a)).toEqual(['QLKH', 'Phòng QLKH']);
    expect(abbreviationsOfName('Chi cục Tiêu chuẩn Đo lường Chất lượng').map(([a]) => a)).toEqual(expect.arrayContaining(['TCĐLCL', 'TĐC', 'Chi cục TĐC']));
    expect(abbreviationsOfName('Thanh tra Sở')).toEqual([]);
  });
  it('an abbreviation two departments would share is left out; a full one beats a partial one', () => {
    const m = abbreviationsOf(['Phòng Quản lý công nghệ', 'Phòng Quản lý công nghệ và chuyên ngành', 'Phòng Quản trị khách hàng', 'Phòng Quản lý kho hàng']);
    expect(m.get('QLCN')).toBe('Phòng Quản lý công nghệ');
    expect(m.get('QLCN&CN')).toBe('Phòng Quản lý công nghệ và chuyên ngành');
    expect(m.has('QTKH')).toBe(true);
    expect(m.has('QLKH')).toBe(true);
  });
  it('resolve through the department index, folded ("TDC", "qlcn")', () => {
    const idx = departmentIndex({ ...DEFAULT_SETTINGS, departments: [{ name: 'Phòng Pháp chế và Thông tin', aliases: [] }] });
    expect(resolveDepartment('PC&TT', idx)).toBe('Phòng Pháp chế và Thông tin');
    expect(resolveDepartment('Phòng PCTT', idx)).toBe('Phòng Pháp chế và Thông tin');
    expect(resolveDepartment('Sở KH&CN - Phòng PC&TT', idx)).toBe('Phòng Pháp chế và Thông tin');
    const def = departmentIndex(DEFAULT_SETTINGS);
    expect(resolveDepartment('tdc', def)).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
    expect(resolveDepartment('qlcn', def)).toBe('Phòng Quản lý công nghệ và chuyên ngành');
  });
});

describe('personal-data headers', () => {
  it('names, IDs, phones, e-mails and addresses are personal; record fields are not', () => {
    for (const h of ['Chủ hồ sơ', 'Người nộp', 'Số điện thoại', 'Địa chỉ', 'CCCD', 'Số định danh', 'Email', 'Chủ sở hữu', 'Họ và tên', 'Cán bộ xử lý']) expect(isPersonalHeader(h), h).toBe(true);
    for (const h of ['Mã hồ sơ', 'Tên thủ tục', 'Đơn vị', 'Ngày nộp', 'Trạng thái', 'Số hóa', 'Số phiếu']) expect(isPersonalHeader(h), h).toBe(false);
  });
});
