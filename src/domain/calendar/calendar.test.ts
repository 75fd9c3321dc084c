import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarNotCoveredError, WorkingDayCalendar } from './calendar.js';
import { InvalidDateError, fromDayNumber, toDayNumber } from './dates.js';
import { snapshotSeed } from './seed.js';

const calendar = new WorkingDayCalendar({ seed: snapshotSeed() });

/** The exceptions of a year as 'date kind name' strings, for compact comparison. */
function exceptionList(cal: WorkingDayCalendar, year: number): string[] {
  return cal.exceptions(year).map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'} ${d.name ?? ''}`);
}

describe('seed facts from the State Council notices', () => {
  it('2024 国庆 (国办发明电〔2023〕7号): 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) on', () => {
    for (const date of ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07']) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2024-10-13')).toBe(false); // an ordinary Sunday
  });

  it('2025 春节 (国办发明电〔2024〕12号): 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) on', () => {
    for (const date of ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
  });

  it('2020: the extended 春节 cancelled the make-up Saturday 02-01', () => {
    expect(calendar.isWorkingDay('2020-01-19')).toBe(true); // make-up Sunday, still on
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false); // added by the extension
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('a notice can move days of the previous December (2019 元旦)', () => {
    expect(calendar.isWorkingDay('2018-12-29')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false); // Monday off
  });

  it('lists every exception of 2024 as in 国办发明电〔2023〕7号', () => {
    expect(exceptionList(calendar, 2024)).toEqual([
      '2024-01-01 休 元旦',
      '2024-02-04 班 春节',
      '2024-02-12 休 春节',
      '2024-02-13 休 春节',
      '2024-02-14 休 春节',
      '2024-02-15 休 春节',
      '2024-02-16 休 春节',
      '2024-02-18 班 春节',
      '2024-04-04 休 清明节',
      '2024-04-05 休 清明节',
      '2024-04-07 班 清明节',
      '2024-04-28 班 劳动节',
      '2024-05-01 休 劳动节',
      '2024-05-02 休 劳动节',
      '2024-05-03 休 劳动节',
      '2024-05-11 班 劳动节',
      '2024-06-10 休 端午节',
      '2024-09-14 班 中秋节',
      '2024-09-16 休 中秋节',
      '2024-09-17 休 中秋节',
      '2024-09-29 班 国庆节',
      '2024-10-01 休 国庆节',
      '2024-10-02 休 国庆节',
      '2024-10-03 休 国庆节',
      '2024-10-04 休 国庆节',
      '2024-10-07 休 国庆节',
      '2024-10-12 班 国庆节',
    ]);
  });

  it('lists every exception of 2025 as in 国办发明电〔2024〕12号', () => {
    expect(exceptionList(calendar, 2025)).toEqual([
      '2025-01-01 休 元旦',
      '2025-01-26 班 春节',
      '2025-01-28 休 春节',
      '2025-01-29 休 春节',
      '2025-01-30 休 春节',
      '2025-01-31 休 春节',
      '2025-02-03 休 春节',
      '2025-02-04 休 春节',
      '2025-02-08 班 春节',
      '2025-04-04 休 清明节',
      '2025-04-27 班 劳动节',
      '2025-05-01 休 劳动节',
      '2025-05-02 休 劳动节',
      '2025-05-05 休 劳动节',
      '2025-06-02 休 端午节',
      '2025-09-28 班 国庆节',
      '2025-10-01 休 国庆节',
      '2025-10-02 休 国庆节',
      '2025-10-03 休 国庆节',
      '2025-10-06 休 中秋节',
      '2025-10-07 休 国庆节',
      '2025-10-08 休 国庆节',
      '2025-10-11 班 国庆节',
    ]);
  });

  it('lists every exception of 2026 as in the notice of 2025-11-04', () => {
    expect(exceptionList(calendar, 2026)).toEqual([
      '2026-01-01 休 元旦',
      '2026-01-02 休 元旦',
      '2026-01-04 班 元旦',
      '2026-02-14 班 春节',
      '2026-02-16 休 春节',
      '2026-02-17 休 春节',
      '2026-02-18 休 春节',
      '2026-02-19 休 春节',
      '2026-02-20 休 春节',
      '2026-02-23 休 春节',
      '2026-02-28 班 春节',
      '2026-04-06 休 清明节',
      '2026-05-01 休 劳动节',
      '2026-05-04 休 劳动节',
      '2026-05-05 休 劳动节',
      '2026-05-09 班 劳动节',
      '2026-06-19 休 端午节',
      '2026-09-20 班 国庆节',
      '2026-09-25 休 中秋节',
      '2026-10-01 休 国庆节',
      '2026-10-02 休 国庆节',
      '2026-10-05 休 国庆节',
      '2026-10-06 休 国庆节',
      '2026-10-07 休 国庆节',
      '2026-10-10 班 国庆节',
    ]);
  });
});

describe('addWorkingDays (start day not counted)', () => {
  it('counts 20 working days after Friday 2024-09-27 across 国庆 → 2024-10-30', () => {
    // 09-29 Sun (make-up) 1, 09-30 2, 10-01..07 off, 10-08..11 3–6, 10-12 Sat (make-up) 7,
    // 10-14..18 8–12, 10-21..25 13–17, 10-28 18, 10-29 19, 10-30 20.
    expect(calendar.addWorkingDays('2024-09-27', 20)).toBe('2024-10-30');
  });

  it('counts 20 working days after Friday 2025-01-24 across 春节 → 2025-02-27', () => {
    // 01-26 Sun (make-up) 1, 01-27 2, 01-28..02-04 off, 02-05..07 3–5, 02-08 Sat (make-up) 6,
    // 02-10..14 7–11, 02-17..21 12–16, 02-24..27 17–20.
    expect(calendar.addWorkingDays('2025-01-24', 20)).toBe('2025-02-27');
  });

  it('counts from a weekend start day as from the Friday before', () => {
    // Saturday 2024-10-05 is in the holiday: the first working day after it is 10-08.
    expect(calendar.addWorkingDays('2024-10-05', 1)).toBe('2024-10-08');
    expect(calendar.addWorkingDays('2024-09-28', 1)).toBe('2024-09-29');
  });

  it('crosses the year boundary 2025 → 2026 (元旦 2026, make-up Sunday 01-04)', () => {
    // 12-16..19 1–4, 12-22..26 5–9, 12-29..31 10–12, 2026-01-01/02 off, 01-04 Sun 13,
    // 01-05..09 14–18, 01-12 19, 01-13 20.
    expect(calendar.addWorkingDays('2025-12-15', 20)).toBe('2026-01-13');
  });

  it('returns the date itself for 0 and counts backwards for negative n', () => {
    expect(calendar.addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
    expect(calendar.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(calendar.addWorkingDays('2024-10-08', -2)).toBe('2024-09-29');
  });

  it('rejects a fractional count', () => {
    expect(() => calendar.addWorkingDays('2024-10-08', 1.5)).toThrow('工作日数“1.5”无效，应为整数');
  });
});

describe('workingDaysBetween, nextWorkingDay', () => {
  it('counts the working days after from up to and including to', () => {
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-30')).toBe(20);
    expect(calendar.workingDaysBetween('2024-09-30', '2024-10-08')).toBe(1);
    expect(calendar.workingDaysBetween('2024-10-08', '2024-10-08')).toBe(0);
    expect(calendar.workingDaysBetween('2024-10-30', '2024-09-27')).toBe(-20);
    expect(calendar.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
  });

  it('gives the next working day strictly after a date', () => {
    expect(calendar.nextWorkingDay('2024-09-30')).toBe('2024-10-08');
    expect(calendar.nextWorkingDay('2025-02-07')).toBe('2025-02-08'); // make-up Saturday
    expect(calendar.nextWorkingDay('2024-10-08')).toBe('2024-10-09');
  });

  it('is the inverse of addWorkingDays over the covered years (property)', () => {
    const first = toDayNumber('2004-01-01');
    const last = toDayNumber('2026-10-31'); // leaves room for 40 working days within 2026
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 40 }), (day, n) => {
        const date = fromDayNumber(day);
        const end = calendar.addWorkingDays(date, n);
        return (
          calendar.workingDaysBetween(date, end) === n &&
          (n === 0 || calendar.isWorkingDay(end)) &&
          calendar.workingDaysBetween(end, date) === -n
        );
      }),
      { numRuns: 500, seed: 20240927 },
    );
  });
});

describe('coverage', () => {
  it('lists the covered years', () => {
    expect(calendar.coveredYears()[0]).toBe(2004);
    expect(calendar.coveredYears().at(-1)).toBe(2026);
    expect(calendar.coveredYears()).toHaveLength(23);
  });

  it('refuses an uncovered year with a Chinese message, never falling back to weekdays', () => {
    expect(() => calendar.isWorkingDay('2031-03-03')).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2031-03-03')).toThrow(
      '工作日历未包含2031年的节假日安排，请管理员先维护该年度日历',
    );
    try {
      calendar.addWorkingDays('2031-03-03', 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarNotCoveredError);
      expect((error as CalendarNotCoveredError).year).toBe(2031);
      expect((error as CalendarNotCoveredError).code).toBe('CALENDAR_NOT_COVERED');
    }
    expect(() => calendar.exceptions(2031)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2003-06-02')).toThrow('工作日历未包含2003年的节假日安排');
  });

  it('throws when a count runs into an uncovered year', () => {
    // 2026-12-10 + 20: December 2026 has 15 working days after the 10th, then 2027 is needed.
    expect(() => calendar.addWorkingDays('2026-12-10', 20)).toThrow('工作日历未包含2027年的节假日安排');
    expect(calendar.addWorkingDays('2026-12-10', 15)).toBe('2026-12-31');
    expect(() => calendar.workingDaysBetween('2026-12-30', '2027-01-04')).toThrow(CalendarNotCoveredError);
  });

  it('rejects invalid dates with InvalidDateError', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(InvalidDateError);
    expect(() => calendar.addWorkingDays('2025-2-3', 1)).toThrow(InvalidDateError);
    expect(() => calendar.workingDaysBetween('abc', '2025-01-01')).toThrow('日期“abc”无效');
  });

  it('warns from 1 November when next year is missing', () => {
    expect(calendar.missingYear('2026-10-31')).toBeNull();
    expect(calendar.missingYear('2026-11-01')).toBe(2027);
    expect(calendar.missingYear('2026-12-31')).toBe(2027);
    expect(calendar.missingYear('2025-11-15')).toBeNull(); // 2026 is covered
    expect(calendar.missingYear('2027-03-01')).toBe(2027); // the current year itself missing
  });
});

describe('overrides', () => {
  const withOverrides = new WorkingDayCalendar({
    seed: snapshotSeed(),
    overrides: [
      // A local arrangement: an extra day off on a Monday.
      { date: '2025-02-10', kind: 'holiday', name: '地方调整', source: '区政府办通知' },
      // A correction: a seed make-up Saturday cancelled.
      { date: '2025-02-08', kind: 'workday', name: '春节' },
      { date: '2025-02-08', kind: 'holiday', name: '取消调休' },
      // A seed holiday turned into a working day.
      { date: '2025-10-08', kind: 'workday', source: '示例' },
    ],
  });

  it('wins over the seed in both directions (a later override of the same day wins)', () => {
    expect(withOverrides.isWorkingDay('2025-02-10')).toBe(false);
    expect(withOverrides.isWorkingDay('2025-02-08')).toBe(false);
    expect(withOverrides.isWorkingDay('2025-10-08')).toBe(true);
    // 2025-01-24 + 20 now skips 02-08 and 02-10: 01-26 1, 01-27 2, 02-05..07 3–5,
    // 02-11..14 6–9, 02-17..21 10–14, 02-24..28 15–19, 03-03 20.
    expect(withOverrides.addWorkingDays('2025-01-24', 20)).toBe('2025-03-03');
  });

  it('shows overrides in the exceptions with their origin, and drops restored days', () => {
    const feb = withOverrides.exceptions(2025).filter((d) => d.date.startsWith('2025-02'));
    expect(feb).toEqual([
      { date: '2025-02-03', kind: 'holiday', name: '春节', origin: 'seed' },
      { date: '2025-02-04', kind: 'holiday', name: '春节', origin: 'seed' },
      { date: '2025-02-10', kind: 'holiday', name: '地方调整', source: '区政府办通知', origin: 'override' },
    ]);
    expect(withOverrides.exceptions(2025).some((d) => d.date === '2025-10-08')).toBe(false);
  });

  it('covers a new year only when the administrator declares it maintained', () => {
    const overrides2027 = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' } as const];
    const notYet = new WorkingDayCalendar({ seed: snapshotSeed(), overrides: overrides2027 });
    expect(() => notYet.isWorkingDay('2027-01-04')).toThrow(CalendarNotCoveredError);
    const maintained = new WorkingDayCalendar({
      seed: snapshotSeed(),
      overrides: overrides2027,
      maintainedYears: [2027],
    });
    expect(maintained.isWorkingDay('2027-01-01')).toBe(false);
    expect(maintained.addWorkingDays('2026-12-10', 20)).toBe('2027-01-08');
    expect(maintained.missingYear('2026-11-26')).toBeNull();
    expect(maintained.exceptions(2027)).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', origin: 'override' },
    ]);
  });

  it('rejects an override with an invalid date', () => {
    expect(
      () => new WorkingDayCalendar({ seed: snapshotSeed(), overrides: [{ date: '2025-02-30', kind: 'holiday' }] }),
    ).toThrow(InvalidDateError);
  });
});
