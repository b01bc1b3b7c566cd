import { describe, expect, it } from 'vitest';
import { splitLabelled } from '../../utils/text/packed';
import { lookupLabel } from '../../utils/vocab/labels';

const known = (l: string) => lookupLabel(l) !== null;

describe('splitLabelled', () => {
  it('splits a line at known labels, keeping times and commas inside values', () => {
    expect(splitLabelled('- Tiếp nhận trực tiếp: 10/04/2023 08:00, hẹn trả: 24/04/2023', known)).toEqual([
      { label: 'Tiếp nhận trực tiếp', value: '10/04/2023 08:00' },
      { label: 'hẹn trả', value: '24/04/2023' },
    ]);
    expect(splitLabelled('- Lĩnh vực: Tiêu chuẩn, Đo lường, Chất lượng', known)).toEqual([
      { label: 'Lĩnh vực', value: 'Tiêu chuẩn, Đo lường, Chất lượng' },
    ]);
  });
  it('keeps unlabelled text as a part without label', () => {
    expect(splitLabelled('- Cấp chứng chỉ nhân viên bức xạ', known)).toEqual([
      { label: null, value: 'Cấp chứng chỉ nhân viên bức xạ' },
    ]);
  });
  it('does not split at unknown labels', () => {
    expect(splitLabelled('Ghi chú: gọi lại sau, Hạn xử lý: 19/01/2023', known)).toEqual([
      { label: null, value: 'Ghi chú: gọi lại sau' },
      { label: 'Hạn xử lý', value: '19/01/2023' },
    ]);
  });
});

describe('lookupLabel', () => {
  it('maps packed labels to fields', () => {
    expect(lookupLabel('Ngày nộp hồ sơ')).toBe('receivedAt');
    expect(lookupLabel('Tiếp nhận trực tiếp')).toBe('receivedAt');
    expect(lookupLabel('hẹn trả')).toBe('dueAt');
    expect(lookupLabel('Hạn xử lý')).toBe('dueAt');
    expect(lookupLabel('Ngày trả kết quả')).toBe('resolvedAt');
    expect(lookupLabel('Ngày có kết quả')).toBe('resolvedAt');
    expect(lookupLabel('Lĩnh vực')).toBe('field');
    expect(lookupLabel('Địa chỉ')).toBe('applicant');
    expect(lookupLabel('Ghi chú')).toBeNull();
  });
});
