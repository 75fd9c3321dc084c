/**
 * The performance assessment (绩效考核) of disclosure work: the supervising office scores each
 * agency of its district every year on a sheet of items it chooses. An item is scored by one
 * rule of a fixed set, computed from gongkai's own records, or by hand:
 *
 * - timelyPublication — 第二十六条: information is published within 20 working days of being made
 *   or changed. The share of the year's published items (that state the day they were made) that
 *   were on time, times the item's points.
 * - overdueRequests — 第三十三条: a request is answered within its period. Points are taken off
 *   per request whose reply period ended in the year without a reply in time (answered late, or
 *   still open after the due date).
 * - reportOnTime — 第四十九条: the annual report on the year before is published by its deadline
 *   (31 January for departments and townships). All the points or none.
 * - rectificationOverdue — inspections (整改): points are taken off per rectification task whose
 *   deadline fell in the year and that the agency did not answer by it (answered late, or still
 *   owing an answer after the deadline).
 * - manual — the office enters the score (e.g. 政务新媒体管理, 政策解读质量).
 *
 * Pure code: the records come in as counts and dates; the feature reads them.
 */
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../calendar/calendar.js';
import { isIsoDate } from '../calendar/dates.js';
import { isTaskOverdue, type TaskStatus } from '../inspections/rectification.js';
import { PUBLICATION_PERIOD_WORKING_DAYS } from '../publication/checks.js';

export const RULE_KINDS = ['timelyPublication', 'overdueRequests', 'reportOnTime', 'rectificationOverdue', 'manual'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_LABELS: Record<RuleKind, string> = {
  timelyPublication: '信息发布及时率',
  overdueRequests: '依申请公开逾期答复',
  reportOnTime: '年度报告按时发布',
  rectificationOverdue: '检查发现问题逾期未整改',
  manual: '公开办评分',
};

/** How each rule scores, as the configuration page and the exported sheet explain it. */
export const RULE_EXPLANATIONS: Record<RuleKind, string> = {
  timelyPublication: '本年度发布的载明形成（变更）日期的信息中，在形成（变更）之日起20个工作日内发布的比例×分值（《条例》第二十六条）；没有应核对的信息的，不扣分。',
  overdueRequests: '答复期限在本年度届满、未按期答复的申请（逾期答复或逾期仍未答复），每件扣减规定的分数，扣完为止（《条例》第三十三条）。',
  reportOnTime: '上一年度的政府信息公开工作年度报告在法定期限（1月31日）前发布的得满分，逾期发布或未发布的不得分（《条例》第四十九条）；期限未届满的暂计满分。',
  rectificationOverdue: '检查发现的问题中，整改期限在本年度届满、单位未在期限内反馈整改情况的（逾期反馈，或期限已过仍未反馈、被退回后仍未重新反馈），每项扣减规定的分数，扣完为止。',
  manual: '由公开办逐个单位评分。',
};

/** Rules that take off points per occurrence: their items need the points per occurrence. */
export const DEDUCTING_RULES: readonly RuleKind[] = ['overdueRequests', 'rectificationOverdue'];

export function isRuleKind(value: unknown): value is RuleKind {
  return typeof value === 'string' && (RULE_KINDS as readonly string[]).includes(value);
}

export function usesDeduction(rule: RuleKind): boolean {
  return DEDUCTING_RULES.includes(rule);
}

/** The most points one item may give, and the most a sheet's items may add up to. */
export const MAX_ITEM_SCORE = 100;
export const MAX_SHEET_SCORE = 1000;

/** An item as configured by the office. */
export interface AssessmentItemConfig {
  name: string;
  rule: RuleKind;
  maxScore: number;
  /** Points per occurrence (deducting rules only). */
  deduction: number | null;
}

/** The items a new sheet starts from (the office changes them as it sees fit). */
export const DEFAULT_ITEMS: readonly AssessmentItemConfig[] = [
  { name: '主动公开信息发布及时', rule: 'timelyPublication', maxScore: 30, deduction: null },
  { name: '依申请公开按期答复', rule: 'overdueRequests', maxScore: 25, deduction: 5 },
  { name: '政府信息公开工作年度报告按时发布', rule: 'reportOnTime', maxScore: 15, deduction: null },
  { name: '检查发现问题按期整改', rule: 'rectificationOverdue', maxScore: 15, deduction: 3 },
  { name: '政务新媒体管理和培训参与', rule: 'manual', maxScore: 15, deduction: null },
];

/** A score rounded to hundredths (what the sheet shows and sums). */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A score as the sheet writes it: 12, 12.5, 12.35. */
export function formatScore(value: number): string {
  return String(roundScore(value));
}

/** The score of one item for one agency, with the basis stated in Chinese. */
export interface ItemScore {
  /** null: not scored yet (a manual item without an entry). */
  score: number | null;
  /** What the score rests on, e.g. 按时发布45条/应核对48条（93.75%）. */
  detail: string;
  /** True when the score may still change: a deadline that has not passed yet. */
  provisional: boolean;
}

/**
 * Whether an item was published within 20 working days of the day it was made or changed:
 * null when that cannot be told (a date missing or invalid, or a year the calendar lacks).
 */
export function publishedOnTime(madeOn: string | null, publishedDate: string | null, calendar: WorkingDayCalendar): boolean | null {
  if (!isIsoDate(madeOn) || !isIsoDate(publishedDate)) return null;
  try {
    return publishedDate <= calendar.addWorkingDays(madeOn, PUBLICATION_PERIOD_WORKING_DAYS);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

export interface PublicationTally {
  /** Items whose timeliness could be told. */
  checked: number;
  onTime: number;
  /** Items stating a made-on date whose deadline the calendar cannot compute. */
  unknown: number;
}

/** Share of items on time × points; full points when there is nothing to check. */
export function scoreTimelyPublication(maxScore: number, tally: PublicationTally): ItemScore {
  const unknown = tally.unknown > 0 ? `；另有${tally.unknown}条因工作日历未包含其年度无法核对，未计入` : '';
  if (tally.checked === 0) return { score: maxScore, detail: `本年度没有应核对发布时限的信息，不扣分${unknown}`, provisional: false };
  const share = tally.onTime / tally.checked;
  return {
    score: roundScore(maxScore * share),
    detail: `按时发布${tally.onTime}条/应核对${tally.checked}条（${roundScore(share * 100)}%）${unknown}`,
    provisional: false,
  };
}

/**
 * Points less `deduction` per occurrence, never below zero. `what` names an occurrence with its
 * measure word, e.g. 逾期答复的申请|件.
 */
export function scoreDeduction(maxScore: number, deduction: number, count: number, what: { noun: string; unit: string }): ItemScore {
  if (count === 0) return { score: maxScore, detail: `没有${what.noun}`, provisional: false };
  return {
    score: roundScore(Math.max(0, maxScore - deduction * count)),
    detail: `${what.noun}${count}${what.unit}，每${what.unit}扣${formatScore(deduction)}分`,
    provisional: false,
  };
}

/**
 * Whether a request's reply period ended without a reply in time, as seen on `today`: answered
 * after the due date, or not answered and the due date already past. (Which year it counts in is
 * the year of its due date; the caller selects by that.)
 */
export function requestOverdue(r: { dueDate: string | null; handledOn: string | null }, today: string): boolean {
  if (r.dueDate === null) return false;
  return r.handledOn !== null ? r.handledOn > r.dueDate : r.dueDate < today;
}

/**
 * Whether a rectification task missed its deadline, as seen on `today`: the agency still owes an
 * answer after the deadline (domain/inspections/rectification.ts isTaskOverdue), or it answered
 * after the deadline. A deadline the office moved when returning the task is the one that counts.
 */
export function taskOverdue(t: { status: TaskStatus; dueOn: string; answeredOn: string | null }, today: string): boolean {
  if (isTaskOverdue({ status: t.status, dueOn: t.dueOn }, today)) return true;
  return (t.status === 'answered' || t.status === 'accepted') && t.answeredOn !== null && t.answeredOn > t.dueOn;
}

export interface ReportPublication {
  /** The year the report is on (the assessment year − 1). */
  reportYear: number;
  /** Its legal deadline (domain/report/workflow.ts reportDeadline). */
  deadline: string;
  /** The day (Beijing) its first version was published; null when never. */
  firstPublishedOn: string | null;
  today: string;
}

/** All points when the report was published by its deadline; none when late or missing. */
export function scoreReportOnTime(maxScore: number, p: ReportPublication): ItemScore {
  const report = `${p.reportYear}年度报告`;
  if (p.firstPublishedOn !== null) {
    return p.firstPublishedOn <= p.deadline
      ? { score: maxScore, detail: `${report}于${p.firstPublishedOn}发布，未超过期限${p.deadline}`, provisional: false }
      : { score: 0, detail: `${report}于${p.firstPublishedOn}发布，超过期限${p.deadline}`, provisional: false };
  }
  if (p.today <= p.deadline) return { score: maxScore, detail: `${report}尚未发布，期限${p.deadline}未届满，暂计满分`, provisional: true };
  return { score: 0, detail: `${report}逾期未发布（期限${p.deadline}）`, provisional: false };
}

/** A manual item: the entered score, or blank until the office scores it. */
export function scoreManual(entry: { score: number; note: string | null } | undefined): ItemScore {
  if (!entry) return { score: null, detail: '尚未评分', provisional: false };
  return { score: roundScore(entry.score), detail: entry.note ?? '公开办评分', provisional: false };
}

/** One agency's row of the sheet. */
export interface SheetRow<A> {
  agency: A;
  scores: ItemScore[];
  /** Sum of the scored items. */
  total: number;
  /** Items not scored yet (their cells are blank). */
  unscored: number;
  /** 1 = highest total; equal totals share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Totals and ranks of the rows (rows stay in the order given: the agency tree's). */
export function rankRows<A>(rows: ReadonlyArray<{ agency: A; scores: ItemScore[] }>): SheetRow<A>[] {
  const withTotals = rows.map((r) => ({
    ...r,
    total: roundScore(r.scores.reduce((sum, s) => sum + (s.score ?? 0), 0)),
    unscored: r.scores.filter((s) => s.score === null).length,
  }));
  return withTotals.map((r) => ({ ...r, rank: 1 + withTotals.filter((o) => o.total > r.total).length }));
}

/** What is wrong with an item's configuration (field → Chinese message); empty when it is fine. */
export function itemProblems(item: AssessmentItemConfig): Array<{ field: 'maxScore' | 'deduction'; message: string }> {
  const problems: Array<{ field: 'maxScore' | 'deduction'; message: string }> = [];
  if (!(item.maxScore > 0) || item.maxScore > MAX_ITEM_SCORE) problems.push({ field: 'maxScore', message: `应大于0、不超过${MAX_ITEM_SCORE}` });
  if (usesDeduction(item.rule)) {
    if (item.deduction === null) problems.push({ field: 'deduction', message: '按次数扣分的评分项须填写每次扣减的分数' });
    else if (!(item.deduction > 0) || item.deduction > item.maxScore) problems.push({ field: 'deduction', message: '应大于0、不超过该项分值' });
  }
  return problems;
}
