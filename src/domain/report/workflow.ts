/**
 * The life of an agency's annual report in gongkai: draft → checked → published, corrections,
 * the legal deadline (第四十九条), explanations of soft findings, and reading figures typed by clerks.
 */
import { hasHardFinding } from './checks.js';
import type { Figure, Finding, ReportFormat } from './format.js';
import { isDecimalCell, isSignedCell } from './model.js';

export type ReportStatus = 'draft' | 'checked' | 'published';

export const REPORT_STATUS_LABELS: Record<ReportStatus | 'missing', string> = {
  missing: '未开始',
  draft: '草稿',
  checked: '已检查',
  published: '已发布',
};

/** How a report's state reads: a published report being corrected is still published. */
export function reportStatusText(status: ReportStatus | 'missing', version: number): string {
  if (version === 0) return REPORT_STATUS_LABELS[status];
  return status === 'published' ? `已发布（第${version}版）` : `已发布第${version}版，更正中（${REPORT_STATUS_LABELS[status]}）`;
}

/** Allowed transitions: editing returns a checked report to draft; a correction reopens a published one. */
const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  draft: ['draft', 'checked'],
  checked: ['draft', 'checked', 'published'],
  published: ['draft'],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The format a report year uses: the 2019 trial format for 2019–2020, the 2021 format after. */
export function formatForYear(year: number): ReportFormat {
  return year <= 2020 ? '2019' : '2021';
}

/**
 * The legal deadline of a report for `year` (第四十九条): departments (and the other agencies
 * reporting to the office) by 31 January of the next year; the government's own report, which
 * its office publishes, by 31 March.
 */
export function reportDeadline(agencyKind: string, year: number): string {
  return agencyKind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/** A stable key of a finding, under which its explanation is kept. */
export function findingKey(f: Pick<Finding, 'rule' | 'cells'>): string {
  return `${f.rule}:${f.cells.join(',')}`;
}

/** What stops publication: any hard finding, or a soft finding without a written explanation. */
export function publicationBlockers(findings: readonly Finding[], explanations: Record<string, string>): string[] {
  const blockers: string[] = [];
  if (hasHardFinding(findings)) blockers.push(`有${findings.filter((f) => f.severity === 'hard').length}项严重问题，须先更正`);
  const unexplained = findings.filter((f) => f.severity === 'soft' && !(explanations[findingKey(f)] ?? '').trim());
  if (unexplained.length) blockers.push(`有${unexplained.length}项提示尚未填写说明`);
  return blockers;
}

const FULL_WIDTH = /[０-９．－＋，]/g;

/**
 * Reads a figure as a clerk typed it: full-width digits, thousands separators and spaces are
 * accepted; empty means blank (null). Counts must be non-negative integers; 本年增/减 may be
 * signed; amounts may have decimals.
 */
export function parseFigureInput(format: ReportFormat, path: string, raw: string): { ok: true; value: Figure } | { ok: false; message: string } {
  const text = raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
  if (text === '') return { ok: true, value: null };
  const signed = isSignedCell(format, path);
  const decimal = isDecimalCell(format, path);
  const pattern = decimal ? /^[+-]?\d+(\.\d+)?$/ : /^[+-]?\d+$/;
  if (!pattern.test(text)) return { ok: false, message: decimal ? '应填写数字（可含小数）' : '应填写整数' };
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > 1e12) return { ok: false, message: '数值过大' };
  if (value < 0 && !signed) return { ok: false, message: '不能为负数' };
  return { ok: true, value };
}
