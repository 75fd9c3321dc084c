/**
 * Website health of one agency on a day, from the facts its records give: the findings of every
 * indicator (indicators.ts), which 单项否决 indicators have tripped, the score and the conclusion.
 * Pure: the facts are gathered by src/features/health/.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { addCalendarDays, isIsoDate, type IsoDate } from '../calendar/dates.js';
import { PUBLICATION_PERIOD_WORKING_DAYS } from '../publication/checks.js';
import { COLUMN_KINDS, isColumnKind } from '../publication/vocabulary.js';
import { columnState, homeState, type ColumnFacts, type ColumnState, type HomeState } from './columns.js';
import {
  DEDUCTIONS, HEALTH_INDICATORS, HEALTH_INDICATOR_LABELS, PASSING_SCORE,
  type HealthFinding, type HealthIndicator, type HealthResult, type HealthSeverity,
} from './indicators.js';
import type { HealthSettings } from './settings.js';

/** An item whose body links somewhere that does not work. */
export interface DeadLinkFact {
  itemId: number;
  title: string;
  url: string;
  /** External links: the HTTP status, or the error, of the last check. */
  detail?: string;
  /** External links: the first check that found it failing. */
  failingSince?: IsoDate | null;
}

export interface AgencyHealthFacts {
  agencyId: number;
  columns: ColumnFacts[];
  deadInternalLinks: DeadLinkFact[];
  deadExternalLinks: DeadLinkFact[];
  /** Public 行政规范性文件 marked valid with no public interpretation linked to them. */
  uninterpreted: Array<{ itemId: number; title: string; publishedOn: IsoDate }>;
  /** Register entries past their validity period whose published item still says 有效. */
  expiredStillValid: Array<{ documentId: number; itemId: number; title: string; documentNumber: string | null; validUntil: IsoDate }>;
  /** Public items published within the look-back period that state when the information was made. */
  published: Array<{ itemId: number; title: string; madeOn: string; publishedOn: IsoDate }>;
}

/** One indicator's result: how many findings, whether a veto tripped, points taken off. */
export interface IndicatorSummary {
  indicator: HealthIndicator;
  label: string;
  severity: HealthSeverity | null;
  count: number;
  /** For the 单项否决 indicators: the number that trips them. */
  threshold?: number;
  tripped: boolean;
  deduction: number;
}

export interface AgencyHealthResult {
  agencyId: number;
  today: IsoDate;
  /** False when the agency has no column on the portal: nothing to judge. */
  judged: boolean;
  home: HomeState;
  columns: ColumnState[];
  findings: HealthFinding[];
  indicators: IndicatorSummary[];
  staleColumns: number;
  emptyColumns: number;
  veto: boolean;
  score: number;
  result: HealthResult;
}

const kindLabel = (kind: string) => (isColumnKind(kind) ? COLUMN_KINDS[kind].label : kind);

/** The day a count of problems reached `threshold`: the threshold-th earliest of their start days. */
function reachedOn(sinces: ReadonlyArray<IsoDate | null>, threshold: number): IsoDate | undefined {
  const sorted = sinces.filter((d): d is IsoDate => d !== null).sort();
  return sorted.length >= threshold ? sorted[threshold - 1] : undefined;
}

function columnFindings(states: readonly ColumnState[], settings: HealthSettings, today: IsoDate): HealthFinding[] {
  const out: HealthFinding[] = [];
  for (const c of states) {
    if (!c.judged) continue;
    if (c.stale) {
      out.push({
        indicator: 'columnNotUpdated', severity: 'deduct', columnId: c.columnId, since: c.staleFrom!,
        message: `栏目“${c.name}”（${kindLabel(c.kind)}，应${c.maxDays}天内更新）自${c.staleFrom}起未更新：最近更新${c.lastPublishedOn}，已${c.daysSinceUpdate}天`,
      });
    } else if (c.empty) {
      out.push({ indicator: 'emptyColumn', severity: 'deduct', columnId: c.columnId, since: c.since!, message: `栏目“${c.name}”（${kindLabel(c.kind)}）没有任何公开信息（空白栏目，${c.since}开设）` });
    } else if (settings.dueSoonDays > 0 && c.staleFrom !== null && c.staleFrom <= addCalendarDays(today, settings.dueSoonDays)) {
      out.push({
        indicator: 'columnDueSoon', severity: 'warn', columnId: c.columnId, since: c.staleFrom,
        message: `栏目“${c.name}”最近更新${c.lastPublishedOn}，如${c.staleFrom}前仍无新信息，将计为未按期更新`,
      });
    }
  }
  return out;
}

function vetoFindings(states: readonly ColumnState[], home: HomeState, settings: HealthSettings, hasColumns: boolean) {
  const judged = states.filter((c) => c.judged);
  const frequent = judged.filter((c) => c.frequent && (c.stale || c.empty));
  const long = judged.filter((c) => c.stale || c.empty);
  const empty = judged.filter((c) => c.empty);
  const findings: HealthFinding[] = [];
  const veto = (indicator: HealthIndicator, message: string, since: IsoDate | undefined) =>
    findings.push({ indicator, severity: 'veto', message, ...(since ? { since } : {}) });
  if (hasColumns && home.stale) {
    veto('homeNotUpdated', home.lastPublishedOn
      ? `首页${settings.homeMaxDays}天内无更新：最近一条信息发布于${home.lastPublishedOn}，已${home.daysSinceUpdate}天（自${home.since}起）`
      : '首页没有任何公开信息', home.since ?? undefined);
  }
  if (frequent.length >= settings.frequentVetoCount) {
    veto('frequentColumnsNotUpdated',
      `动态要闻类栏目${settings.newsMaxDays}天、通知公告和政策文件类栏目${settings.noticesMaxDays}/${settings.policyMaxDays}天内未更新的共${frequent.length}个（达到${settings.frequentVetoCount}个即单项否决）：${frequent.map((c) => c.name).join('、')}`,
      reachedOn(frequent.map((c) => c.since), settings.frequentVetoCount));
  }
  if (long.length >= settings.longVetoCount) {
    veto('columnsLongNotUpdated', `应更新但长期未更新的栏目（含空白栏目）共${long.length}个（达到${settings.longVetoCount}个即单项否决）`,
      reachedOn(long.map((c) => c.since), settings.longVetoCount));
  }
  if (empty.length >= settings.emptyVetoCount) {
    veto('emptyColumns', `空白栏目共${empty.length}个（达到${settings.emptyVetoCount}个即单项否决）：${empty.map((c) => c.name).join('、')}`,
      reachedOn(empty.map((c) => c.since), settings.emptyVetoCount));
  }
  const counts: Partial<Record<HealthIndicator, { count: number; threshold: number }>> = {
    frequentColumnsNotUpdated: { count: frequent.length, threshold: settings.frequentVetoCount },
    columnsLongNotUpdated: { count: long.length, threshold: settings.longVetoCount },
    emptyColumns: { count: empty.length, threshold: settings.emptyVetoCount },
    homeNotUpdated: { count: hasColumns && home.stale ? 1 : 0, threshold: 1 },
  };
  return { findings, counts };
}

function linkFindings(facts: AgencyHealthFacts): HealthFinding[] {
  return [
    ...facts.deadInternalLinks.map((l): HealthFinding => ({
      indicator: 'deadInternalLink', severity: 'deduct', itemId: l.itemId, url: l.url,
      message: `“${l.title}”正文中的站内链接“${l.url}”无法访问`,
    })),
    ...facts.deadExternalLinks.map((l): HealthFinding => ({
      indicator: 'deadExternalLink', severity: 'deduct', itemId: l.itemId, url: l.url,
      message: `“${l.title}”正文中的外部链接“${l.url}”无法访问${l.detail ? `（${l.detail}）` : ''}${l.failingSince ? `，自${l.failingSince}起` : ''}`,
      ...(l.failingSince ? { since: l.failingSince } : {}),
    })),
  ];
}

function recordFindings(facts: AgencyHealthFacts, calendar: WorkingDayCalendar | null): HealthFinding[] {
  const out: HealthFinding[] = [];
  for (const d of facts.uninterpreted) {
    out.push({ indicator: 'interpretationMissing', severity: 'deduct', itemId: d.itemId, since: d.publishedOn, message: `行政规范性文件“${d.title}”（${d.publishedOn}发布）尚无政策解读（谁起草、谁解读）` });
  }
  for (const d of facts.expiredStillValid) {
    out.push({
      indicator: 'expiredStillValid', severity: 'deduct', itemId: d.itemId, documentId: d.documentId, since: addCalendarDays(d.validUntil, 1),
      message: `“${d.title}”${d.documentNumber ? `（${d.documentNumber}）` : ''}有效期至${d.validUntil}，已届满，门户仍标注“有效”，请登记失效或废止`,
    });
  }
  if (calendar) {
    for (const p of facts.published) {
      if (!isIsoDate(p.madeOn) || !isIsoDate(p.publishedOn)) continue;
      let deadline: IsoDate;
      try {
        deadline = calendar.addWorkingDays(p.madeOn, PUBLICATION_PERIOD_WORKING_DAYS);
      } catch {
        continue; // a year without its calendar: the item's own checks say so; nothing is guessed here
      }
      if (p.publishedOn <= deadline) continue;
      out.push({
        indicator: 'publicationDelay', severity: 'deduct', itemId: p.itemId, since: p.publishedOn,
        message: `“${p.title}”信息形成于${p.madeOn}，应于${deadline}前公开，实际${p.publishedOn}发布（第二十六条）`,
      });
    }
  }
  return out;
}

const SEVERITY_ORDER: Record<HealthSeverity, number> = { veto: 0, deduct: 1, warn: 2 };

/**
 * Every finding of an agency, the indicators' summary, the score (100 minus the deductions,
 * DEDUCTIONS) and the conclusion: 单项否决 beats any score; below 60 fails.
 */
export function evaluateAgencyHealth(
  facts: AgencyHealthFacts,
  options: { today: IsoDate; settings: HealthSettings; calendar: WorkingDayCalendar | null },
): AgencyHealthResult {
  const { today, settings } = options;
  const columns = facts.columns.map((c) => columnState(c, today, settings));
  const home = homeState(facts.columns, today, settings);
  const hasColumns = facts.columns.length > 0;
  const vetoes = vetoFindings(columns, home, settings, hasColumns);
  const findings = [
    ...vetoes.findings,
    ...columnFindings(columns, settings, today),
    ...linkFindings(facts),
    ...recordFindings(facts, options.calendar),
  ].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const indicators: IndicatorSummary[] = HEALTH_INDICATORS.map((indicator) => {
    const own = findings.filter((f) => f.indicator === indicator);
    const rule = DEDUCTIONS[indicator];
    const veto = vetoes.counts[indicator];
    return {
      indicator,
      label: HEALTH_INDICATOR_LABELS[indicator],
      severity: own[0]?.severity ?? null,
      count: veto ? veto.count : own.length,
      ...(veto ? { threshold: veto.threshold } : {}),
      tripped: own.some((f) => f.severity === 'veto'),
      deduction: rule ? Math.min(rule.cap, rule.points * own.length) : 0,
    };
  });
  const score = Math.max(0, 100 - indicators.reduce((sum, i) => sum + i.deduction, 0));
  const veto = findings.some((f) => f.severity === 'veto');
  const judged = hasColumns;
  return {
    agencyId: facts.agencyId,
    today,
    judged,
    home,
    columns,
    findings,
    indicators,
    staleColumns: columns.filter((c) => c.stale).length,
    emptyColumns: columns.filter((c) => c.empty).length,
    veto,
    score,
    result: !judged ? 'none' : veto ? 'veto' : score < PASSING_SCORE ? 'fail' : 'pass',
  };
}
