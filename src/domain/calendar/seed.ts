/**
 * The seed calendar: the State Council's holiday schedules (statutory holidays on weekdays,
 * make-up working days on weekends), taken from the chinese-days package.
 *
 * Two sources, combined by loadSeed():
 * - the snapshot in seed-data.ts (reviewed, committed; authoritative for its years);
 * - the installed package's dist/chinese-days.json, read at run time, which contributes only
 *   the years the snapshot lacks (a newer package published after a new notice). If the file
 *   is missing or its shape has changed, the snapshot alone is used: the product never breaks
 *   because the package changed its internals.
 * Reading the package file is the one piece of I/O in domain/calendar; it is confined to
 * readInstalledChineseDays().
 */
import { createRequire } from 'node:module';
import { isIsoDate, isWeekendDayNumber, toDayNumber } from './dates.js';
import { SEED_DAYS, SEED_NOTICES, SEED_PACKAGE_VERSION, SEED_YEARS } from './seed-data.js';
import type { CalendarDay, SeedCalendar } from './types.js';

/** The committed snapshot of chinese-days (seed-data.ts). */
export function snapshotSeed(): SeedCalendar {
  return {
    years: SEED_YEARS,
    days: SEED_DAYS,
    source: `chinese-days ${SEED_PACKAGE_VERSION}（内置快照）`,
  };
}

/** The official notice a seed year follows, for display; undefined when unknown. */
export function seedNotice(year: number): string | undefined {
  return SEED_NOTICES[year];
}

// chinese-days writes 清明, 端午, 中秋; the notices say 清明节, 端午节, 中秋节.
const NAME_FIXES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Builds a seed from the content of chinese-days' dist/chinese-days.json
 * (`{ holidays: { 'YYYY-MM-DD': 'English,中文,n' }, workdays: {…}, … }`) with the same rules as
 * the snapshot: holidays on weekdays → 'holiday', workdays on weekends → 'workday'.
 * Returns null when the content does not have that shape.
 */
export function seedFromChineseDaysJson(json: unknown, version: string): SeedCalendar | null {
  if (typeof json !== 'object' || json === null) return null;
  const { holidays, workdays } = json as { holidays?: unknown; workdays?: unknown };
  if (!isStringRecord(holidays) || !isStringRecord(workdays)) return null;
  const allDates = [...Object.keys(holidays), ...Object.keys(workdays)];
  if (allDates.length === 0 || !allDates.every((d) => isIsoDate(d))) return null;

  const nameOf = (value: string): string | undefined => {
    const raw = value.split(',')[1]?.trim();
    if (!raw) return undefined;
    return NAME_FIXES[raw] ?? raw;
  };
  const days: CalendarDay[] = [];
  for (const [date, value] of Object.entries(holidays)) {
    if (isWeekendDayNumber(toDayNumber(date))) continue;
    const name = nameOf(value);
    days.push(name ? { date, kind: 'holiday', name } : { date, kind: 'holiday' });
  }
  for (const [date, value] of Object.entries(workdays)) {
    if (!isWeekendDayNumber(toDayNumber(date))) continue;
    const name = nameOf(value);
    days.push(name ? { date, kind: 'workday', name } : { date, kind: 'workday' });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years = [...new Set(allDates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  return { years, days, source: `chinese-days ${version}` };
}

/**
 * Adds to `base` the years that `extra` covers and `base` does not. With each added year Y
 * come the extra seed's days of Y and its days in December of Y−1 that `base` lacks, because
 * the notice for Y may move days at the end of Y−1 (the 2019 notice made 2018-12-29 a working
 * day and 2018-12-31 a holiday). Days of years both cover are taken from `base` only.
 */
export function mergeSeeds(base: SeedCalendar, extra: SeedCalendar): SeedCalendar {
  const baseYears = new Set(base.years);
  const newYears = extra.years.filter((y) => !baseYears.has(y));
  if (newYears.length === 0) return base;
  const newYearSet = new Set(newYears);
  const baseDates = new Set(base.days.map((d) => d.date));
  const added = extra.days.filter((d) => {
    const year = Number(d.date.slice(0, 4));
    if (newYearSet.has(year)) return true;
    return newYearSet.has(year + 1) && d.date.slice(5, 7) === '12' && !baseDates.has(d.date);
  });
  return {
    years: [...base.years, ...newYears].sort((a, b) => a - b),
    days: [...base.days, ...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    source: `${base.source}；${newYears.join('、')}年取自 ${extra.source}`,
  };
}

/**
 * Reads the installed chinese-days package's data; null when it cannot be read or parsed
 * (package missing, file moved, format changed).
 */
export function readInstalledChineseDays(): SeedCalendar | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg: unknown = require('chinese-days/package.json');
    const json: unknown = require('chinese-days/dist/chinese-days.json');
    const version =
      typeof pkg === 'object' && pkg !== null && typeof (pkg as { version?: unknown }).version === 'string'
        ? (pkg as { version: string }).version
        : 'unknown';
    return seedFromChineseDaysJson(json, version);
  } catch {
    return null;
  }
}

/** The seed the product uses: the snapshot, plus newer years from the installed package. */
export function loadSeed(): SeedCalendar {
  const snapshot = snapshotSeed();
  const installed = readInstalledChineseDays();
  return installed ? mergeSeeds(snapshot, installed) : snapshot;
}
