/** The Chinese working-day calendar and the statutory periods counted in it. */
export * from './dates.js';
export * from './types.js';
export * from './calendar.js';
export * from './seed.js';
export * from './periods.js';

import { WorkingDayCalendar } from './calendar.js';
import { loadSeed } from './seed.js';
import type { DayOverride } from './types.js';

/**
 * The calendar the product uses: the seed (snapshot + newer years of the installed
 * chinese-days) with the administrator's overrides and maintained years.
 */
export function defaultCalendar(
  options: { overrides?: readonly DayOverride[]; maintainedYears?: readonly number[] } = {},
): WorkingDayCalendar {
  return new WorkingDayCalendar({ seed: loadSeed(), ...options });
}
