import type { IsoDate } from './dates.js';

/** 'workday' = 上班 (a working day), 'holiday' = 休 (a day off). */
export type DayKind = 'workday' | 'holiday';

/**
 * One day whose status is stated explicitly: a statutory holiday on a weekday, a make-up
 * working day (调休上班) on a weekend, or an administrator's override of any single day.
 */
export interface CalendarDay {
  readonly date: IsoDate;
  readonly kind: DayKind;
  /** Festival name, e.g. '国庆节'; for a make-up working day, the festival it makes up for. */
  readonly name?: string;
  /** Where the statement comes from: a notice, the package, or the administrator's note. */
  readonly source?: string;
}

/** An administrator's override of a single day; overrides win over the seed. */
export type DayOverride = CalendarDay;

/** The data a calendar starts from: the exceptions to the Monday–Friday rule, by year. */
export interface SeedCalendar {
  /** Years whose full schedule is in `days` (a year without its notice is not covered). */
  readonly years: readonly number[];
  /** Statutory holidays on weekdays and make-up working days on weekends. */
  readonly days: readonly CalendarDay[];
  /** Where the seed comes from, for display, e.g. 'chinese-days 1.5.7 (snapshot)'. */
  readonly source: string;
}
