import { describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  addCalendarDays,
  chineseWeekday,
  formatChineseDate,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
} from './dates.js';

describe('ISO dates', () => {
  it('round-trips a date through its day number', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2024-10-01')).toBe(19997);
    expect(fromDayNumber(19997)).toBe('2024-10-01');
  });

  it('knows the day of the week', () => {
    expect(weekdayOf('2024-09-29')).toBe(0); // Sunday
    expect(weekdayOf('2024-10-12')).toBe(6); // Saturday
    expect(chineseWeekday('2025-01-24')).toBe('周五');
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('formats dates in Chinese without leading zeros', () => {
    expect(formatChineseDate('2024-10-08')).toBe('2024年10月8日');
  });

  it.each(['2025-02-30', '2025-2-3', 'abc', '2023-02-29', '2025-13-01', '2025-00-10', '', '2025-01-24T00:00'])(
    'rejects %j with a Chinese message',
    (input) => {
      expect(() => toDayNumber(input)).toThrow(InvalidDateError);
      expect(() => toDayNumber(input)).toThrow(`日期“${input}”无效，请按“年-月-日”格式填写真实存在的日期，例如2025-01-24`);
      expect(isIsoDate(input)).toBe(false);
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
