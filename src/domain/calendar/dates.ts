/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'). Deadlines in gongkai are dates, never
 * timestamps (DESIGN.md, product conventions), so the public API of the calendar takes and
 * returns these strings only. Internally a date is its day number since 1970-01-01, computed
 * in UTC: no time zone and no daylight-saving rule can shift a day.
 */

/** A calendar date in the form 'YYYY-MM-DD' (Asia/Shanghai calendar date, no time). */
export type IsoDate = string;

/** Thrown for anything that is not a real calendar date written as 'YYYY-MM-DD'. */
export class InvalidDateError extends Error {
  /** Stable code for the API error table. */
  readonly code = 'INVALID_DATE';
  override readonly name = 'InvalidDateError';

  constructor(readonly input: unknown) {
    super(`日期“${String(input)}”无效，请按“年-月-日”格式填写真实存在的日期，例如2025-01-24`);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses a strict 'YYYY-MM-DD' date into its day number; throws InvalidDateError otherwise. */
export function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new InvalidDateError(date);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  // Years 0000–0099 are mapped to 1900–1999 by Date.UTC, so they fail here too.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new InvalidDateError(date);
  }
  return ms / MS_PER_DAY;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Validates a date and returns it unchanged (throws InvalidDateError). */
export function assertIsoDate(date: IsoDate): IsoDate {
  toDayNumber(date);
  return date;
}

/** True when the string is a real date in the form 'YYYY-MM-DD'. */
export function isIsoDate(date: unknown): date is IsoDate {
  if (typeof date !== 'string') return false;
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** The calendar year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** The date `days` calendar days after (negative: before) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** '周一' … '周日' for display. */
export function chineseWeekday(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}

/** '2024年10月8日' for display in Chinese texts. */
export function formatChineseDate(date: IsoDate): string {
  const dayNumber = toDayNumber(date);
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
