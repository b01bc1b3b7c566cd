import { describe, expect, it } from 'vitest';
import { acceptDepartment, guardRecord, isPersonalText, readsAsPersonName, readsAsProcedure, sanitizeSourceUrl } from '../../utils/privacy/guard';
import type { PortalRecord } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { departmentIndex } from '../../utils/vocab/departments';

const idx = departmentIndex(DEFAULT_SETTINGS);

describe('personal text', () => {
  it('refuses ID numbers (9 or 12 digits), phones, e-mails, ông/bà and applicant labels', () => {
    for (const t of [
      'CCCD 020188001234', 'CMND 201234567', 'số 020 188 001 234', 'gọi 0912345678', '0912.345.678', '+84 912 345 678',
      'an.nguyen@example.vn', 'cho ông Nguyễn Văn An', 'Bà Lê Thị Bình đề nghị', 'Người nộp: Hoàng Văn Minh', 'Chủ hồ sơ - Hoàng Văn Minh',
      'Nguyễn Thị Thu Hà', 'Hộ kinh doanh Lê Thị Bình',
    ]) expect(isPersonalText(t), t).toBe(true);
  });
  it('keeps procedure names, statuses, dates, codes and counts', () => {
    for (const t of [
      'Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ', 'Đang xử lý', 'Công dân yêu cầu rút hồ sơ',
      'Đã trả kết quả 10/04/2023 15:50', 'Nghị định 13/2023/NĐ-CP', 'Thay đổi địa chỉ trụ sở', 'Phòng Quản lý khoa học', 'Văn phòng Sở',
      'Tiêu chuẩn, Đo lường, Chất lượng',
    ]) expect(isPersonalText(t), t).toBe(false);
  });
  it('tells a procedure from a person', () => {
    expect(readsAsProcedure('- Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu')).toBe(true);
    expect(readsAsProcedure('Gia hạn giấy phép')).toBe(true);
    expect(readsAsProcedure('Nguyễn Thị Thu Hà')).toBe(false);
    expect(readsAsPersonName('Triệu Đức Hùng')).toBe(true);
    expect(readsAsPersonName('Cấp lại Giấy chứng nhận')).toBe(false);
  });
});

describe('department guard', () => {
  it('keeps configured departments, aliases and agency-like names; drops the rest', () => {
    expect(acceptDepartment('Phòng QLKH', idx)).toBe('Phòng Quản lý khoa học');
    expect(acceptDepartment('Trung tâm Ứng dụng tiến bộ KH&CN', idx)).toBe('Trung tâm Ứng dụng tiến bộ KH&CN');
    expect(acceptDepartment('Chi cục Thủy lợi', idx)).toBe('Chi cục Thủy lợi');
    expect(acceptDepartment('Hộ kinh doanh Lê Thị Bình', idx)).toBeNull();
    expect(acceptDepartment('Công ty TNHH Trường Giang', idx)).toBeNull();
    expect(acceptDepartment('Nguyễn Văn An', idx)).toBeNull();
  });
  it('guardRecord nulls personal text fields and unknown departments; a manual known department stays', () => {
    const r: PortalRecord = {
      kind: 'dossier', code: '000.00.13.H37-230601-0001', resultNumber: null, procedure: 'Nguyễn Thị Thu Hà', field: 'bà Lê Thị Bình',
      department: 'Hộ kinh doanh Lê Thị Bình', departmentFrom: 'column', receivedAt: null, dueAt: null, resolvedAt: null, issuedAt: null,
      validUntil: null, permanent: null, status: 'Nguyễn Văn An, CCCD 020188001234 Đang xử lý', statusCode: 4, digitized: null,
    };
    expect(guardRecord(r, idx)).toMatchObject({ procedure: null, field: null, department: null, departmentFrom: null, status: null, statusCode: 4 });
    expect(guardRecord({ ...r, department: 'Thanh tra Sở', departmentFrom: 'manual' }, idx)).toMatchObject({ department: 'Thanh tra Sở', departmentFrom: 'manual' });
    expect(guardRecord({ ...r, department: 'Ban ABC', departmentFrom: 'manual' }, idx)).toMatchObject({ department: 'Ban ABC', departmentFrom: null });
  });
});

describe('source address', () => {
  it('keeps origin, path and paging/filter parameters; drops keyword and ID searches', () => {
    expect(sanitizeSourceUrl('https://motcua.langson.gov.vn/ho-so/tra-cuu?tuKhoa=Nguy%E1%BB%85n%20V%C4%83n%20An&soGiayTo=020188001234&page=2&trangThai=4'))
      .toBe('https://motcua.langson.gov.vn/ho-so/tra-cuu?page=2&trangThai=4');
    expect(sanitizeSourceUrl('https://a.gov.vn/x#/ds?keyword=0912345678&pageIndex=3')).toBe('https://a.gov.vn/x#/ds?pageIndex=3');
    expect(sanitizeSourceUrl('https://a.gov.vn/tra-cuu/020188001234/chi-tiet')).toBe('https://a.gov.vn/tra-cuu');
    expect(sanitizeSourceUrl('https://a.gov.vn/x?page=1&ten=Lê Thị Bình')).toBe('https://a.gov.vn/x?page=1');
    expect(sanitizeSourceUrl('javascript:alert(1)')).toBe('');
  });
  it('cuts an over-long address instead of refusing it', () => {
    const long = sanitizeSourceUrl(`https://a.gov.vn/${'x'.repeat(5000)}?page=1`);
    expect(long.length).toBe(1000);
    expect(long.startsWith('https://a.gov.vn/xxx')).toBe(true);
  });
});
