/**
 * The website-health indicators gongkai computes over its own portal: the content indicators of
 * 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号) that records can decide, and the 第二十六条
 * time limit. The keys are a stable contract (findings are stored in snapshots and prefilled into
 * inspections); labels are for people.
 *
 * Severity: 'veto' — a 单项否决 indicator has tripped (the site fails whatever its score);
 * 'deduct' — a 扣分 problem, counted in the score; 'warn' — not yet a problem (a column about to
 * run out of time).
 */

export const HEALTH_INDICATORS = [
  'homeNotUpdated',
  'frequentColumnsNotUpdated',
  'columnsLongNotUpdated',
  'emptyColumns',
  'columnNotUpdated',
  'emptyColumn',
  'deadInternalLink',
  'deadExternalLink',
  'interpretationMissing',
  'expiredStillValid',
  'publicationDelay',
  'columnDueSoon',
] as const;
export type HealthIndicator = (typeof HEALTH_INDICATORS)[number];

export type HealthSeverity = 'veto' | 'deduct' | 'warn';

export const HEALTH_SEVERITY_LABELS: Record<HealthSeverity, string> = { veto: '单项否决', deduct: '扣分', warn: '提醒' };

export const HEALTH_INDICATOR_LABELS: Record<HealthIndicator, string> = {
  homeNotUpdated: '首页信息未更新',
  frequentColumnsNotUpdated: '动态要闻、通知公告、政策文件类栏目未更新',
  columnsLongNotUpdated: '应更新但长期未更新的栏目',
  emptyColumns: '空白栏目过多',
  columnNotUpdated: '栏目未按期更新',
  emptyColumn: '空白栏目',
  deadInternalLink: '站内链接失效',
  deadExternalLink: '外部链接无法访问',
  interpretationMissing: '行政规范性文件缺少政策解读',
  expiredStillValid: '有效期已届满仍标注有效',
  publicationDelay: '未在20个工作日内公开（第二十六条）',
  columnDueSoon: '栏目即将超过更新期限',
};

/** One problem found. `since` is the first day it counted, when gongkai can tell. */
export interface HealthFinding {
  indicator: HealthIndicator;
  severity: HealthSeverity;
  /** Chinese: what and where, e.g. 栏目“工作动态”自2026-03-17起未更新（最近更新2026-03-02，已30天）。 */
  message: string;
  columnId?: number;
  itemId?: number;
  /** A register entry (registry_documents.id), for expiredStillValid. */
  documentId?: number;
  /** The address, for dead links. */
  url?: string;
  /** YYYY-MM-DD. */
  since?: string;
}

/**
 * Points taken off the score of 100 per finding of a 扣分 indicator, and the most one indicator can
 * take. The 19号 table scores a whole site with items gongkai cannot see (interaction, services);
 * these weights are gongkai's own, so that the office can rank agencies by what the records show.
 * Below 60 the site counts as 不合格, as in the 19号 scoring.
 */
export const DEDUCTIONS: Partial<Record<HealthIndicator, { points: number; cap: number }>> = {
  columnNotUpdated: { points: 2, cap: 20 },
  emptyColumn: { points: 2, cap: 20 },
  deadInternalLink: { points: 1, cap: 10 },
  deadExternalLink: { points: 1, cap: 10 },
  interpretationMissing: { points: 2, cap: 10 },
  expiredStillValid: { points: 2, cap: 10 },
  publicationDelay: { points: 1, cap: 10 },
};

export const PASSING_SCORE = 60;

/** The conclusion for a site: 'none' when the agency has no column on the portal. */
export type HealthResult = 'pass' | 'fail' | 'veto' | 'none';

export const HEALTH_RESULT_LABELS: Record<HealthResult, string> = {
  pass: '合格',
  fail: '不合格（得分低于60分）',
  veto: '不合格（单项否决）',
  none: '未开设栏目',
};
