import { describe, expect, it } from 'vitest';
import { PLANTED } from '../pages/personal-planted';
import { extract } from './load';

describe('privacy: personal data in every place of a page never reaches a record', () => {
  const { records, byCode } = extract('personal-everywhere.html');
  const text = JSON.stringify(records);

  it('reads the records themselves', () => {
    expect(records.map((r) => r.code ?? r.resultNumber).sort()).toEqual([
      '000.00.13.H37-230601-0001', '000.00.13.H37-230602-0002', '000.00.13.H37-230603-0003', '000.00.13.H37-230604-0004',
      '000.00.13.H37-230607-0007', '15/GCN-SKHCN', '16/GCN-SKHCN',
    ]);
  });
  it('stores none of the planted names, IDs, phones, e-mails or addresses', () => {
    const found = PLANTED.filter((s) => text.includes(s));
    expect(found).toEqual([]);
  });
  it('takes an unlabelled line as the procedure only when it reads as one', () => {
    expect(byCode('000.00.13.H37-230601-0001')).toMatchObject({ procedure: null, field: 'Hoạt động khoa học và công nghệ', receivedAt: '2023-06-01' });
    expect(byCode('000.00.13.H37-230602-0002').procedure).toBe('Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ');
    expect(byCode('000.00.13.H37-230603-0003')).toMatchObject({
      procedure: 'Gia hạn Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ', receivedAt: '2023-06-03', dueAt: '2023-06-20',
    });
    expect(byCode('000.00.13.H37-230604-0004')).toMatchObject({ procedure: null, receivedAt: '2023-06-04', dueAt: '2023-06-21' });
  });
  it('never reads an applicant organisation as the department; unknown names that are not agencies are null', () => {
    for (const r of records) expect([null, 'Phòng Quản lý khoa học']).toContain(r.department);
    expect(byCode(null, '15/GCN-SKHCN').department).toBe('Phòng Quản lý khoa học');
    expect(byCode(null, '16/GCN-SKHCN').department).toBeNull();
  });
  it('refuses an abstract naming the applicant, and reads a flat detail status up to the next label', () => {
    expect(byCode(null, '15/GCN-SKHCN').procedure).toBeNull();
    expect(byCode('000.00.13.H37-230607-0007')).toMatchObject({ status: 'Đang xử lý', statusCode: 4 });
  });
});
