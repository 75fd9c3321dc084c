/**
 * The state of an agency's columns on a day: when each was last updated, whether it is overdue
 * for an update (stale) or has never carried anything (empty), and since when; and the agency's
 * home page (its newest public item anywhere).
 *
 * Decisions:
 * - A column counts from its own public items (published, not withdrawn), by their first
 *   publication date: a correction is not new information.
 * - A column with sub-columns and no items of its own is a heading on the portal that lists its
 *   sub-columns; only the sub-columns are judged, so an empty branch counts once, not twice.
 * - Stale: more than its period (the kind's number of days) since the last update. "Not updated
 *   within two weeks" is first true on day 15: last update 2026-03-01, period 14 → stale from
 *   2026-03-16. An empty column is counted as empty, not as stale; 应更新但长期未更新 counts both
 *   (the 普查 rules treat 空白栏目 as one form of 长期未更新).
 */
import { addCalendarDays, compareDates, type IsoDate } from '../calendar/dates.js';
import { FREQUENT_COLUMN_KINDS, maxDaysOf, type HealthSettings } from './settings.js';

/** What the records say about one column. */
export interface ColumnFacts {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  /** The day the column was created (Beijing date). */
  createdOn: IsoDate;
  /** Public items directly in this column. */
  itemCount: number;
  /** The newest published_date of those items; null when none. */
  lastPublishedOn: IsoDate | null;
  hasChildren: boolean;
}

export interface ColumnState {
  columnId: number;
  name: string;
  kind: string;
  /** False for a heading column (sub-columns, no items of its own): not judged. */
  judged: boolean;
  /** 动态要闻, 通知公告 or 政策文件: the kinds of the 19号 veto rule. */
  frequent: boolean;
  maxDays: number;
  lastPublishedOn: IsoDate | null;
  /** Calendar days since the last update (null when empty). */
  daysSinceUpdate: number | null;
  stale: boolean;
  empty: boolean;
  /** The first day the column counts (or will count) as stale; null when empty. */
  staleFrom: IsoDate | null;
  /** The first day of the current problem: staleFrom when stale, the creation day when empty. */
  since: IsoDate | null;
}

export interface HomeState {
  lastPublishedOn: IsoDate | null;
  daysSinceUpdate: number | null;
  stale: boolean;
  since: IsoDate | null;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return compareDates(to, from);
}

/** The state of one column on `today`. */
export function columnState(column: ColumnFacts, today: IsoDate, settings: HealthSettings): ColumnState {
  const maxDays = maxDaysOf(settings, column.kind);
  const judged = !column.hasChildren || column.itemCount > 0;
  const empty = judged && (column.itemCount === 0 || column.lastPublishedOn === null);
  const last = column.lastPublishedOn;
  const daysSinceUpdate = last === null ? null : daysBetween(last, today);
  const staleFrom = last === null ? null : addCalendarDays(last, maxDays + 1);
  const stale = judged && !empty && daysSinceUpdate !== null && daysSinceUpdate > maxDays;
  return {
    columnId: column.id,
    name: column.name,
    kind: column.kind,
    judged,
    frequent: (FREQUENT_COLUMN_KINDS as readonly string[]).includes(column.kind),
    maxDays,
    lastPublishedOn: last,
    daysSinceUpdate,
    stale,
    empty,
    staleFrom,
    since: stale ? staleFrom : empty ? column.createdOn : null,
  };
}

/**
 * The home page: the agency's newest public item in any column. An agency that has columns but
 * has never published anything has a home page without updates since its first column.
 */
export function homeState(columns: readonly ColumnFacts[], today: IsoDate, settings: HealthSettings): HomeState {
  const dates = columns.map((c) => c.lastPublishedOn).filter((d): d is IsoDate => d !== null).sort();
  const last = dates.at(-1) ?? null;
  if (last === null) {
    const firstColumn = columns.map((c) => c.createdOn).sort()[0] ?? null;
    return { lastPublishedOn: null, daysSinceUpdate: null, stale: columns.length > 0, since: firstColumn };
  }
  const days = daysBetween(last, today);
  const stale = days > settings.homeMaxDays;
  return { lastPublishedOn: last, daysSinceUpdate: days, stale, since: stale ? addCalendarDays(last, settings.homeMaxDays + 1) : null };
}

/** Column facts in portal order with `hasChildren` filled from the parent links. */
export function withChildren<T extends Omit<ColumnFacts, 'hasChildren'>>(columns: readonly T[]): Array<T & { hasChildren: boolean }> {
  const parents = new Set(columns.map((c) => c.parentId).filter((id): id is number => id !== null));
  return columns.map((c) => ({ ...c, hasChildren: parents.has(c.id) }));
}
