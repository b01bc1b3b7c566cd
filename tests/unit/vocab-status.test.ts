import { describe, expect, it } from 'vitest';
import { parseStatus, statusCode, STATUS_CATALOGUE, stripTimeliness } from '../../utils/vocab/status';

const README: [string, number][] = [
  ['Mới đăng ký', 1], ['Chờ tiếp nhận', 1], ['Chờ tiếp nhận trực tuyến', 1],
  ['Được tiếp nhận', 2], ['Đã tiếp nhận', 2], ['Mới tiếp nhận', 2],
  ['Không được tiếp nhận', 3], ['Từ chối tiếp nhận', 3],
  ['Đang xử lý', 4], ['Đã chuyển xử lý', 4], ['Đang giải quyết', 4],
  ['Yêu cầu bổ sung giấy tờ', 5], ['Chờ bổ sung', 5], ['Yêu cầu bổ sung', 5],
  ['Yêu cầu thực hiện nghĩa vụ tài chính', 6], ['Chờ thu phí', 6],
  ['Công dân yêu cầu rút hồ sơ', 7], ['Xin rút', 7], ['Rút hồ sơ', 7],
  ['Dừng xử lý', 8],
  ['Đã xử lý xong', 9], ['Đã có kết quả', 9], ['Chờ trả trực tiếp', 9], ['Chờ trả kết quả', 9],
  ['Đã trả kết quả', 10], ['Đã trả', 10], ['Hoàn thành', 10],
];

describe('statusCode', () => {
  it('maps every README wording to its catalogue code', () => {
    for (const [w, c] of README) expect(statusCode(w), w).toBe(c);
    for (const [w, c] of README) expect(statusCode(w.toUpperCase().normalize('NFD')), w).toBe(c);
  });
  it('prefers the longest wording ("Không được tiếp nhận" is not "Được tiếp nhận")', () => {
    expect(statusCode('Hồ sơ không được tiếp nhận')).toBe(3);
    expect(statusCode('Đã trả kết quả cho công dân')).toBe(10);
  });
  it('reads local systems\' wordings of the same steps', () => {
    const local: [string, number][] = [
      ['Hồ sơ chuyển phòng chuyên môn', 4], ['Đang trình ký', 4], ['Tạm dừng', 8],
      ['Đã giải quyết', 9], ['Giải quyết xong', 9], ['Đã nhận kết quả', 10],
    ];
    for (const [w, c] of local) expect(statusCode(w), w).toBe(c);
    // "Đang giải quyết" is still being worked on; a refusal after review is no result.
    expect(statusCode('Đang giải quyết')).toBe(4);
    expect(statusCode('Không đủ điều kiện giải quyết')).toBeNull();
  });
  it('returns null for unknown statuses', () => {
    expect(statusCode('Lưu nháp')).toBeNull();
  });
  it('has all ten codes', () => {
    expect(Object.keys(STATUS_CATALOGUE).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('timeliness flags', () => {
  it('are stripped from the shown status', () => {
    expect(stripTimeliness('Đang xử lý (Quá hạn)')).toBe('Đang xử lý');
    expect(stripTimeliness('Đã trả kết quả - Trễ hạn')).toBe('Đã trả kết quả');
    expect(stripTimeliness('Chờ bổ sung [Tới hạn]')).toBe('Chờ bổ sung');
    expect(stripTimeliness('Đang xử lý (Quá hạn 3 ngày)')).toBe('Đang xử lý');
  });
  it('are never a status on their own', () => {
    expect(parseStatus('Quá hạn')).toEqual({ status: null, statusCode: null });
    expect(parseStatus('Đúng hạn')).toEqual({ status: null, statusCode: null });
  });
  it('leave the status and its code', () => {
    expect(parseStatus('Đang xử lý (Quá hạn)')).toEqual({ status: 'Đang xử lý', statusCode: 4 });
    expect(parseStatus('  Đã   trả ')).toEqual({ status: 'Đã trả', statusCode: 10 });
    expect(parseStatus('')).toEqual({ status: null, statusCode: null });
  });
});
