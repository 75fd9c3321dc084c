/**
 * A column's history from the daily snapshots: the periods it was stale or empty, from the first
 * snapshot that recorded the state to the last, and whether the period is still going on.
 */
import { addCalendarDays, compareDates, type IsoDate } from '../calendar/dates.js';

export interface ColumnSnapshotState {
  onDate: IsoDate;
  stale: boolean;
  empty: boolean;
  lastPublishedOn: IsoDate | null;
}

export interface StatePeriod {
  state: 'stale' | 'empty';
  /** First snapshot day with the state. */
  from: IsoDate;
  /** Last snapshot day with it. */
  to: IsoDate;
  /** Days with the state, both ends counted: `from` to `to` when it ended, `from` to `today` while ongoing. */
  days: number;
  /** The newest snapshot still has the state. */
  ongoing: boolean;
  /** The last update the column had during the period (null when empty). */
  lastPublishedOn: IsoDate | null;
}

/**
 * Periods of the states, oldest first. Days without a snapshot (the server was down) do not break
 * a period: only a snapshot without the state ends it.
 */
export function statePeriods(snapshots: readonly ColumnSnapshotState[], today: IsoDate): StatePeriod[] {
  const sorted = [...snapshots].sort((a, b) => compareDates(a.onDate, b.onDate));
  const periods: StatePeriod[] = [];
  let open: StatePeriod | null = null;
  for (const s of sorted) {
    const state = s.empty ? 'empty' : s.stale ? 'stale' : null;
    if (open && open.state !== state) {
      open.days = compareDates(addCalendarDays(open.to, 1), open.from);
      periods.push(open);
      open = null;
    }
    if (state && !open) open = { state, from: s.onDate, to: s.onDate, days: 0, ongoing: false, lastPublishedOn: s.lastPublishedOn };
    else if (state && open) open.to = s.onDate;
  }
  if (open) {
    open.ongoing = true;
    open.days = compareDates(today, open.from) + 1;
    periods.push(open);
  }
  return periods;
}
