/**
 * The Chinese working-day calendar that every statutory period of gongkai is counted in.
 *
 * A day is a working day when it is Monday–Friday, unless the State Council's schedule for
 * its year makes it a holiday; a Saturday or Sunday is a working day only when the schedule
 * makes it a make-up working day (调休上班). An administrator can override any single day
 * (local arrangements, corrections); overrides win over the seed.
 *
 * The calendar refuses to answer for a year whose schedule it does not hold: counting such a
 * year by the Monday–Friday rule alone would silently put deadlines on holidays. Every
 * computation that touches a date of an uncovered year throws CalendarNotCoveredError.
 */
import {
  type IsoDate,
  InvalidDateError,
  fromDayNumber,
  isWeekendDayNumber,
  toDayNumber,
  yearOfDayNumber,
} from './dates.js';
import type { CalendarDay, DayKind, DayOverride, SeedCalendar } from './types.js';

/** Thrown when a computation needs a year whose holiday schedule the calendar does not hold. */
export class CalendarNotCoveredError extends Error {
  /** Stable code for the API error table. */
  readonly code = 'CALENDAR_NOT_COVERED';
  override readonly name = 'CalendarNotCoveredError';

  constructor(readonly year: number) {
    super(`工作日历未包含${year}年的节假日安排，请管理员先维护该年度日历`);
  }
}

/** A day that differs from the Monday–Friday rule, as listed by `exceptions(year)`. */
export interface CalendarException extends CalendarDay {
  /** 'seed' = from the State Council schedule; 'override' = set by an administrator. */
  readonly origin: 'seed' | 'override';
}

export interface WorkingDayCalendarOptions {
  /** The State Council schedules (see seed.ts: loadSeed()). */
  readonly seed: SeedCalendar;
  /** The administrator's single-day overrides; for the same date, a later entry wins. */
  readonly overrides?: readonly DayOverride[];
  /**
   * Years the administrator has declared maintained in addition to the seed's years (after
   * entering a new year's notice as overrides). A year is never covered implicitly by
   * having an override in it: one entered day does not make a year's schedule complete.
   */
  readonly maintainedYears?: readonly number[];
}

interface Entry {
  readonly day: CalendarDay;
  readonly origin: 'seed' | 'override';
}

/** Working-day arithmetic on the Chinese calendar. Immutable once built. */
export class WorkingDayCalendar {
  readonly #years: ReadonlySet<number>;
  readonly #entries: ReadonlyMap<number, Entry>;
  /** Description of the seed, for display. */
  readonly seedSource: string;

  constructor(options: WorkingDayCalendarOptions) {
    const years = new Set<number>();
    for (const year of [...options.seed.years, ...(options.maintainedYears ?? [])]) {
      if (!Number.isInteger(year) || year < 1000 || year > 9999) {
        throw new RangeError(`年度“${String(year)}”无效，应为四位数的年份`);
      }
      years.add(year);
    }
    const entries = new Map<number, Entry>();
    for (const day of options.seed.days) {
      entries.set(toDayNumber(day.date), { day, origin: 'seed' });
    }
    for (const day of options.overrides ?? []) {
      if (day.kind !== 'workday' && day.kind !== 'holiday') {
        throw new RangeError(`日历调整“${day.date}”的类型无效，应为上班（workday）或放假（holiday）`);
      }
      entries.set(toDayNumber(day.date), { day, origin: 'override' });
    }
    this.#years = years;
    this.#entries = entries;
    this.seedSource = options.seed.source;
  }

  /** True when `date` is a working day. Throws for invalid dates and uncovered years. */
  isWorkingDay(date: IsoDate): boolean {
    return this.#isWorkingDayNumber(this.#coveredDayNumber(date));
  }

  /**
   * The date `n` working days after `date`, counted as the civil law counts periods: the start
   * day is not counted, the count begins on the next day. "Within 20 working days of receipt"
   * therefore ends on `addWorkingDays(receivedOn, 20)`, the 20th working day after receipt.
   * With n = 0 it returns `date`; with n < 0 it counts backwards (the |n|th working day before).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isSafeInteger(n)) {
      throw new RangeError(`工作日数“${String(n)}”无效，应为整数`);
    }
    let day = this.#coveredDayNumber(date);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      day += step;
      if (this.#isWorkingDayNumber(this.#checkCovered(day))) remaining -= 1;
    }
    return fromDayNumber(day);
  }

  /**
   * The number of working days after `from` up to and including `to`; 0 when equal, and
   * negative (minus the working days after `to` up to and including `from`) when to < from.
   * Inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 0.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = this.#coveredDayNumber(from);
    const end = this.#coveredDayNumber(to);
    if (end < start) return -this.#countWorkingDays(end, start);
    return this.#countWorkingDays(start, end);
  }

  /** The first working day strictly after `date` (same as addWorkingDays(date, 1)). */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The years whose schedule the calendar holds, ascending. */
  coveredYears(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  /** True when the calendar holds the schedule of `year`. */
  coversYear(year: number): boolean {
    return this.#years.has(year);
  }

  /**
   * The year an administrator must maintain now, or null. The State Council publishes the
   * next year's schedule around November, so from 1 November on, next year missing is
   * reported; the current year missing is reported on any day (the calendar cannot work).
   */
  missingYear(today: IsoDate): number | null {
    const dayNumber = toDayNumber(today);
    const year = yearOfDayNumber(dayNumber);
    if (!this.#years.has(year)) return year;
    const november1 = toDayNumber(`${year}-11-01`);
    if (dayNumber >= november1 && !this.#years.has(year + 1)) return year + 1;
    return null;
  }

  /**
   * The days of `year` whose status differs from the Monday–Friday rule (holidays on weekdays,
   * working days on weekends), after overrides, in date order, with their names. An override
   * that restores a day to the Monday–Friday rule removes it from the list.
   */
  exceptions(year: number): CalendarException[] {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`年度“${String(year)}”无效，应为四位数的年份`);
    }
    if (!this.#years.has(year)) throw new CalendarNotCoveredError(year);
    const result: CalendarException[] = [];
    const sorted = [...this.#entries.entries()].sort(([a], [b]) => a - b);
    for (const [dayNumber, { day, origin }] of sorted) {
      if (yearOfDayNumber(dayNumber) !== year) continue;
      const ruleKind: DayKind = isWeekendDayNumber(dayNumber) ? 'holiday' : 'workday';
      if (day.kind === ruleKind) continue;
      result.push({ ...day, date: fromDayNumber(dayNumber), origin });
    }
    return result;
  }

  /** The stated entry for a date (seed or override), if any; for display. */
  entryFor(date: IsoDate): CalendarException | undefined {
    const dayNumber = toDayNumber(date);
    const entry = this.#entries.get(dayNumber);
    return entry ? { ...entry.day, origin: entry.origin } : undefined;
  }

  #isWorkingDayNumber(dayNumber: number): boolean {
    const entry = this.#entries.get(dayNumber);
    if (entry) return entry.day.kind === 'workday';
    return !isWeekendDayNumber(dayNumber);
  }

  #coveredDayNumber(date: IsoDate): number {
    if (typeof date !== 'string') throw new InvalidDateError(date);
    return this.#checkCovered(toDayNumber(date));
  }

  #checkCovered(dayNumber: number): number {
    const year = yearOfDayNumber(dayNumber);
    if (!this.#years.has(year)) throw new CalendarNotCoveredError(year);
    return dayNumber;
  }

  /** Working days in (start, end], start ≤ end; every day in between must be covered. */
  #countWorkingDays(start: number, end: number): number {
    let count = 0;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.#isWorkingDayNumber(this.#checkCovered(day))) count += 1;
    }
    return count;
  }
}
