/**
 * Figures the year-over-year charts take from a report: pure, so a page can build its series
 * from stored reports and the charts can be tested on hand-made series.
 */
import { outcomeRows, type Figure, type ReportData } from '../../../domain/report/format.js';
import { getFigure } from '../../../domain/report/model.js';

/** The six outcome groups of section 三: 三（一）～三（六）. */
export const OUTCOME_GROUPS = ['granted', 'partial', 'withheld', 'unavailable', 'notProcessed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

/** Legend names of the outcome groups, as the report's own rows name them. */
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
};

/**
 * The 总计 column of section 三 summed into the six outcome groups. The 2019 format's single
 * 三（六） row and the 2021 format's three 三（六） rows both land in `other`. A blank cell counts
 * as 0 when another cell of its group holds a number; a group with no number at all is null.
 */
export function outcomeGroups(report: ReportData): Record<OutcomeGroup, Figure> {
  const sums: Record<OutcomeGroup, Figure> = {
    granted: null,
    partial: null,
    withheld: null,
    unavailable: null,
    notProcessed: null,
    other: null,
  };
  for (const row of outcomeRows(report.format)) {
    // Row keys are "group" or "group.reason"; the part before the dot is the group.
    const group = row.split('.')[0] as OutcomeGroup;
    const value = getFigure(report, `section3.${row}.total`);
    if (typeof value === 'number') sums[group] = (sums[group] ?? 0) + value;
  }
  return sums;
}

/** One year of requests, as the requests chart takes it. */
export interface RequestFigures {
  year: number;
  received: Figure;
  carriedIn: Figure;
  handled: Figure;
  carriedOut: Figure;
}

/** The 总计 column of rows 一, 二, 三（七） and 四 of a report, for the requests chart. */
export function requestFigures(report: ReportData): RequestFigures {
  const total = (row: string) => getFigure(report, `section3.${row}.total`) ?? null;
  return {
    year: report.year,
    received: total('received'),
    carriedIn: total('carriedIn'),
    handled: total('handledTotal'),
    carriedOut: total('carriedOut'),
  };
}
