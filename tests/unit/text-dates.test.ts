import { describe, expect, it } from 'vitest';
import { endOfMonth, isoDate, parseDate, shiftMonth, vnDayNumber } from '../../utils/text/dates';

describe('parseDate', () => {
  it('reads dd/MM/yyyy with or without a time', () => {
    expect(parseDate('30/06/2023')).toBe('2023-06-30');
    expect(parseDate('30/06/2023 13:20')).toBe('2023-06-30');
    expect(parseDate('27/12/2021 10:57:43')).toBe('2021-12-27');
    expect(parseDate('5/1/2023')).toBe('2023-01-05');
  });
  it('reads dd-MM-yyyy and dd.MM.yyyy, never as MM/dd', () => {
    expect(parseDate('02-05-2023')).toBe('2023-05-02');
    expect(parseDate('02.05.2023')).toBe('2023-05-02');
    expect(parseDate('12/01/2022')).toBe('2022-01-12');
  });
  it('reads year-first dates with / or . (report exports)', () => {
    expect(parseDate('2023/06/30')).toBe('2023-06-30');
    expect(parseDate('2023.6.5 08:00')).toBe('2023-06-05');
    expect(parseDate('2023/02/30')).toBeNull();
  });
  it('finds the date inside surrounding text', () => {
    expect(parseDate('Tiếp nhận lúc 08:00 ngày 10/04/2023')).toBe('2023-04-10');
  });
  it('reads the written form of documents ("ngày 05 tháng 3 năm 2021"), any case, composed or not', () => {
    expect(parseDate('Lạng Sơn, ngày 05 tháng 3 năm 2021')).toBe('2021-03-05');
    expect(parseDate('Ngày 5 tháng 03, năm 2021')).toBe('2021-03-05');
    expect(parseDate('NGÀY 28 THÁNG 02 NĂM 2019'.normalize('NFD'))).toBe('2019-02-28');
    expect(parseDate('ngày 30 tháng 2 năm 2021')).toBeNull();
  });
  it('returns null for impossible dates instead of rolling over', () => {
    expect(parseDate('31/02/2023')).toBeNull();
    expect(parseDate('31/04/2023')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('00/01/2023')).toBeNull();
    expect(parseDate('12/13/2023')).toBeNull();
  });
  it('reads ISO dates and converts other offsets to Hà Nội time', () => {
    expect(parseDate('2023-09-25')).toBe('2023-09-25');
    expect(parseDate('2023-09-25T10:08:59+07:00')).toBe('2023-09-25');
    expect(parseDate('2023-09-25T23:30:00+07:00')).toBe('2023-09-25');
    expect(parseDate('2020-01-15T23:30:00Z')).toBe('2020-01-16');
    expect(parseDate('2020-01-15T16:59:59Z')).toBe('2020-01-15');
    expect(parseDate('2020-01-15T17:00:00Z')).toBe('2020-01-16');
    expect(parseDate('2020-01-16T01:00:00+09:00')).toBe('2020-01-15');
    expect(parseDate('2021-12-31T20:00:00.000-05:00')).toBe('2022-01-01');
    expect(parseDate('2023-02-30T10:00:00Z')).toBeNull();
  });
  it('returns null when there is no date', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate('Vĩnh viễn')).toBeNull();
    expect(parseDate('000.00.13.H37-230615-0007')).toBeNull();
  });
  it('isoDate validates calendar dates', () => {
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(1900, 2, 29)).toBeNull();
  });
});

describe('months and Vietnam days', () => {
  it('ends months on their real last day', () => {
    expect(endOfMonth('2024-02')).toBe('2024-02-29');
    expect(endOfMonth('2023-02')).toBe('2023-02-28');
    expect(endOfMonth('2023-04')).toBe('2023-04-30');
    expect(endOfMonth('2023-12')).toBe('2023-12-31');
  });
  it('moves across years', () => {
    expect(shiftMonth('2023-12', 1)).toBe('2024-01');
    expect(shiftMonth('2024-01', -1)).toBe('2023-12');
    expect(shiftMonth('2023-06', -18)).toBe('2021-12');
  });
  it('counts days in Hà Nội time (17:00 UTC is the next day there)', () => {
    expect(vnDayNumber(Date.UTC(2023, 5, 30, 16, 59))).toBe(vnDayNumber(Date.UTC(2023, 5, 30, 0, 0)));
    expect(vnDayNumber(Date.UTC(2023, 5, 30, 17, 0))).toBe(vnDayNumber(Date.UTC(2023, 5, 30, 0, 0)) + 1);
  });
});
