/**
 * Whether an agency keeps the promises of its standard disclosure catalogue, matter by matter,
 * from what its portal shows:
 * - timeliness: were the items of the matter's columns published within the matter's 公开时限
 *   (counted from the date the information was made or changed, the items' made_on —
 *   第二十六条's starting point)? Unknown when the time limit states no period gongkai can read,
 *   when no column carries the matter, or when no item says when its information was made;
 * - freshness: has each column that carries the matter been updated within the period its kind
 *   allows (COLUMN_KINDS maxDaysStale: news two weeks, notices and policy six months — the
 *   website inspection indicators)?
 * Matters published on request only (依申请) have neither.
 */
import { addCalendarDays, CalendarNotCoveredError, toDayNumber, type WorkingDayCalendar } from '../calendar/index.js';
import { COLUMN_KINDS, isColumnKind } from '../publication/vocabulary.js';
import { parseTimeLimit, type TimeLimit } from './time-limit.js';

/** A portal column carrying a matter, with the date of its newest public item (its subtree's). */
export interface ColumnState {
  id: number;
  name: string;
  kind: string;
  lastPublished: string | null;
}

/** A public item of a carrying column, published in the period looked at. */
export interface CarriedItem {
  id: number;
  title: string;
  columnId: number;
  /** When the information was made or changed; null when the item does not say. */
  madeOn: string | null;
  publishedDate: string;
}

export type ColumnFreshness = 'updated' | 'stale' | 'empty' | 'noRule';

export interface ColumnCheck extends ColumnState {
  maxDaysStale: number | null;
  /** Days from the newest item to today; null for an empty column. */
  daysSince: number | null;
  status: ColumnFreshness;
}

export type FreshnessStatus = 'updated' | 'stale' | 'noRule' | 'unmapped' | 'notApplicable';
export type TimelinessStatus = 'onTime' | 'late' | 'unknown' | 'notApplicable';
export type UnknownReason = 'limitUnreadable' | 'unmapped' | 'noItems' | 'notDated';

export interface LateItem {
  item: CarriedItem;
  deadline: string;
}

export interface MatterCompliance {
  proactive: boolean;
  limit: TimeLimit | null;
  timeliness: TimelinessStatus;
  unknownReason: UnknownReason | null;
  /** Items held to the time limit, those published after it, and those without a made_on date. */
  itemsChecked: number;
  itemsLate: number;
  itemsUndated: number;
  lateItems: LateItem[];
  freshness: FreshnessStatus;
  columns: ColumnCheck[];
}

export const TIMELINESS_LABELS: Record<TimelinessStatus, string> = {
  onTime: '按时限发布',
  late: '超过时限',
  unknown: '无法判断',
  notApplicable: '不适用（依申请公开）',
};

export const UNKNOWN_REASON_LABELS: Record<UnknownReason, string> = {
  limitUnreadable: '公开时限中没有可计算的期限（如“N个工作日”“N日”）',
  unmapped: '尚未指定承载该事项的栏目',
  noItems: '承载栏目在统计期间没有发布信息',
  notDated: '发布的信息都没有填写信息形成（变更）日期',
};

export const FRESHNESS_LABELS: Record<FreshnessStatus, string> = {
  updated: '栏目按期更新',
  stale: '栏目未按期更新',
  noRule: '栏目无更新要求',
  unmapped: '未指定栏目',
  notApplicable: '不适用（依申请公开）',
};

export const COLUMN_FRESHNESS_LABELS: Record<ColumnFreshness, string> = {
  updated: '按期更新',
  stale: '未按期更新',
  empty: '空白栏目',
  noRule: '无更新要求',
};

/** A column against its kind's longest allowed gap: an empty column with a rule counts as not updated. */
export function columnFreshness(column: ColumnState, today: string): ColumnCheck {
  const maxDaysStale = isColumnKind(column.kind) ? COLUMN_KINDS[column.kind].maxDaysStale : null;
  const daysSince = column.lastPublished ? toDayNumber(today) - toDayNumber(column.lastPublished) : null;
  let status: ColumnFreshness;
  if (maxDaysStale === null) status = 'noRule';
  else if (daysSince === null) status = 'empty';
  else status = daysSince > maxDaysStale ? 'stale' : 'updated';
  return { ...column, maxDaysStale, daysSince, status };
}

/** The last day an item made on `madeOn` may be published under `limit`; null if the calendar lacks the year. */
export function publicationDeadline(madeOn: string, limit: TimeLimit, calendar: WorkingDayCalendar): string | null {
  if (limit.unit === 'calendarDays') return addCalendarDays(madeOn, limit.days);
  try {
    return calendar.addWorkingDays(madeOn, limit.days);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

export interface MatterComplianceInput {
  proactive: boolean;
  timeLimit: string | null;
  columns: readonly ColumnState[];
  items: readonly CarriedItem[];
  today: string;
  calendar: WorkingDayCalendar;
}

/** The compliance of one matter (see the module comment). */
export function matterCompliance(input: MatterComplianceInput): MatterCompliance {
  const limit = parseTimeLimit(input.timeLimit);
  const columns = input.columns.map((c) => columnFreshness(c, input.today));
  const base = { proactive: input.proactive, limit, itemsChecked: 0, itemsLate: 0, itemsUndated: 0, lateItems: [] as LateItem[], columns };
  if (!input.proactive) return { ...base, timeliness: 'notApplicable', unknownReason: null, freshness: 'notApplicable' };

  let freshness: FreshnessStatus;
  if (columns.length === 0) freshness = 'unmapped';
  else if (columns.some((c) => c.status === 'stale' || c.status === 'empty')) freshness = 'stale';
  else if (columns.every((c) => c.status === 'noRule')) freshness = 'noRule';
  else freshness = 'updated';

  const unknown = (reason: UnknownReason) => ({ ...base, timeliness: 'unknown' as const, unknownReason: reason, freshness });
  if (columns.length === 0) return unknown('unmapped');
  const items = [...new Map(input.items.map((i) => [i.id, i])).values()];
  if (limit === null) return unknown('limitUnreadable');
  if (items.length === 0) return unknown('noItems');
  const lateItems: LateItem[] = [];
  let checked = 0;
  let undated = 0;
  for (const item of items) {
    const deadline = item.madeOn ? publicationDeadline(item.madeOn, limit, input.calendar) : null;
    if (deadline === null) {
      undated++;
      continue;
    }
    checked++;
    if (item.publishedDate > deadline) lateItems.push({ item, deadline });
  }
  lateItems.sort((a, b) => (a.item.publishedDate < b.item.publishedDate ? -1 : a.item.publishedDate > b.item.publishedDate ? 1 : a.item.id - b.item.id));
  const counted = { ...base, itemsChecked: checked, itemsLate: lateItems.length, itemsUndated: undated, lateItems, freshness };
  if (checked === 0) return { ...counted, timeliness: 'unknown', unknownReason: 'notDated' };
  return { ...counted, timeliness: lateItems.length > 0 ? 'late' : 'onTime', unknownReason: null };
}

/** An agency's catalogue at a glance: how many matters are kept, broken or not yet judged. */
export interface ComplianceSummary {
  matters: number;
  proactive: number;
  /** Proactive matters no column carries. */
  unmapped: number;
  onTime: number;
  late: number;
  unknown: number;
  /** Proactive matters with a carrying column not updated in time (or empty). */
  stale: number;
}

export function summarizeCompliance(list: readonly MatterCompliance[]): ComplianceSummary {
  const count = (f: (c: MatterCompliance) => boolean) => list.filter(f).length;
  return {
    matters: list.length,
    proactive: count((c) => c.proactive),
    unmapped: count((c) => c.freshness === 'unmapped'),
    onTime: count((c) => c.timeliness === 'onTime'),
    late: count((c) => c.timeliness === 'late'),
    unknown: count((c) => c.timeliness === 'unknown'),
    stale: count((c) => c.freshness === 'stale'),
  };
}
