/**
 * The supervising office's dashboard (监督概览): for every agency in the actor's scope, at a glance —
 * open requests, those due this week and overdue; items published this year by info kind; stale
 * and empty columns (website health); open rectification tasks; last year's annual report against
 * its legal deadline (第四十九条) — with charts rendered on the server.
 */
import { beijingDate, today as todayOf, type AppContext } from '../../context.js';
import { addCalendarDays, weekdayOf } from '../../domain/calendar/index.js';
import { INFO_KINDS } from '../../domain/publication/vocabulary.js';
import { reportStatusText } from '../../domain/report/workflow.js';
import type { Actor } from '../../domain/roles.js';
import { forbidden } from '../../errors.js';
import { listAllAgencies } from '../agencies/repository.js';
import { treeOrder, type AgencyNode } from '../agencies/tree.js';
import { reportOverview, type OverviewRow } from '../annual-reports/service.js';
import { columnHealthOf, type ColumnHealthSummary } from '../health/service.js';
import { openRectificationCounts } from '../inspections/rectification.js';
import { publishedCounts } from '../publications/queries.js';
import { countPublishedByKind } from '../publications/repository.js';
import { loadECharts } from '../annual-reports/charts/echarts.js';
import { renderAgencyBarChart } from './charts.js';
import { dashboardPolicy } from './policy.js';
import { requestCountsByAgency, type RequestCounts } from './repository.js';

/** Two charts side by side in the console's 1160-pixel page. */
const CHART_WIDTH = 520;

export interface ReportStatus {
  year: number;
  text: string;
  deadline: string;
  /** The Beijing date of the first publication, when published. */
  publishedOn: string | null;
  /** 'onTime' | 'late' (published after the deadline) | 'overdue' (past the deadline, not published) | 'pending' (not yet due). */
  timeliness: 'onTime' | 'late' | 'overdue' | 'pending';
}

export interface DashboardRow {
  agency: AgencyNode;
  requests: RequestCounts;
  published: { total: number; byKind: Record<string, number> };
  columns: ColumnHealthSummary;
  rectification: { open: number; overdue: number };
  report: ReportStatus;
}

export interface OfficeDashboard {
  today: string;
  /** The last day of this week (Sunday): "due this week" runs from today to it. */
  weekEnd: string;
  year: number;
  rows: DashboardRow[];
  totals: {
    requests: RequestCounts;
    published: { total: number; byKind: Record<string, number> };
    staleColumns: number;
    emptyColumns: number;
    vetoAgencies: number;
    rectification: { open: number; overdue: number };
    reportsOverdue: number;
  };
  charts: Array<{ title: string; svg: string }>;
}

/** Sunday of the week `day` is in (weeks run Monday to Sunday). */
export function endOfWeek(day: string): string {
  return addCalendarDays(day, (7 - weekdayOf(day)) % 7);
}

function reportStatus(row: OverviewRow | undefined, year: number, day: string): ReportStatus {
  const deadline = row?.deadline ?? `${year + 1}-01-31`;
  const publishedOn = row?.publishedAt ? beijingDate(new Date(row.publishedAt)) : null;
  const timeliness = publishedOn ? (publishedOn <= deadline ? 'onTime' : 'late') : day > deadline ? 'overdue' : 'pending';
  return { year, text: reportStatusText(row?.status ?? 'missing', row?.version ?? 0), deadline, publishedOn, timeliness };
}

export async function officeDashboard(ctx: AppContext, actor: Actor): Promise<OfficeDashboard> {
  if (!dashboardPolicy.view(actor)) throw forbidden('只有政务公开主管部门可以查看监督概览');
  const db = ctx.database.db;
  const day = todayOf(ctx);
  const year = Number(day.slice(0, 4));
  const weekEnd = endOfWeek(day);
  const agencies = treeOrder(await listAllAgencies(db), (id) => actor.scope === 'all' || actor.scope.has(id));
  const ids = agencies.map((a) => a.id);

  const requests = await requestCountsByAgency(db, ids, day, weekEnd);
  const publishedRows = await countPublishedByKind(db, ids, year);
  const columns = await columnHealthOf(ctx, ids, day);
  const rectification = await openRectificationCounts(db, ids, day);
  const reports = new Map((await reportOverview(ctx, actor, year - 1)).map((r) => [r.agency.id, r]));

  const rows: DashboardRow[] = agencies.map((agency) => {
    const byKind: Record<string, number> = {};
    for (const r of publishedRows.filter((p) => p.agencyId === agency.id)) byKind[r.infoKind] = (byKind[r.infoKind] ?? 0) + r.count;
    return {
      agency,
      requests: requests.get(agency.id)!,
      published: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
      columns: columns.get(agency.id)!,
      rectification: rectification.get(agency.id) ?? { open: 0, overdue: 0 },
      report: reportStatus(reports.get(agency.id), year - 1, day),
    };
  });

  const sum = (f: (r: DashboardRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const totals = {
    requests: {
      open: sum((r) => r.requests.open), dueThisWeek: sum((r) => r.requests.dueThisWeek),
      overdue: sum((r) => r.requests.overdue), awaitingConfirmation: sum((r) => r.requests.awaitingConfirmation),
    },
    published: await publishedCounts(db, ids, year),
    staleColumns: sum((r) => r.columns.staleColumns),
    emptyColumns: sum((r) => r.columns.emptyColumns),
    vetoAgencies: rows.filter((r) => r.columns.vetoes.length > 0).length,
    rectification: { open: sum((r) => r.rectification.open), overdue: sum((r) => r.rectification.overdue) },
    reportsOverdue: rows.filter((r) => r.report.timeliness === 'overdue').length,
  };

  const names = rows.map((r) => r.agency.short_name);
  await loadECharts();
  const kinds = Object.keys(INFO_KINDS).filter((k) => (totals.published.byKind[k] ?? 0) > 0);
  const charts = [
    {
      title: '依申请公开办理中（件）',
      svg: renderAgencyBarChart({
        title: '依申请公开办理中（件）', unit: '件', agencies: names,
        series: [
          { name: '按期办理中', values: rows.map((r) => r.requests.open - r.requests.dueThisWeek - r.requests.overdue), color: '#1f5fa8' },
          { name: '本周到期', values: rows.map((r) => r.requests.dueThisWeek), color: '#8a6a00' },
          { name: '已超期', values: rows.map((r) => r.requests.overdue), color: '#b02a37' },
        ],
      }, CHART_WIDTH),
    },
    {
      title: `${year}年主动公开信息（条）`,
      svg: renderAgencyBarChart({
        title: `${year}年主动公开信息（条）`, unit: '条', agencies: names,
        series: kinds.map((k) => ({ name: INFO_KINDS[k as keyof typeof INFO_KINDS], values: rows.map((r) => r.published.byKind[k] ?? 0) })),
      }, CHART_WIDTH),
    },
    {
      title: '栏目更新情况（个）',
      svg: renderAgencyBarChart({
        title: '栏目更新情况（个）', unit: '个', agencies: names,
        series: [
          { name: '未按期更新', values: rows.map((r) => r.columns.staleColumns), color: '#b4511a' },
          { name: '空白栏目', values: rows.map((r) => r.columns.emptyColumns), color: '#5c6470' },
        ],
      }, CHART_WIDTH),
    },
    {
      title: '未完成的整改任务（个）',
      svg: renderAgencyBarChart({
        title: '未完成的整改任务（个）', unit: '个', agencies: names,
        series: [
          { name: '整改中', values: rows.map((r) => r.rectification.open - r.rectification.overdue), color: '#1f5fa8' },
          { name: '已逾期', values: rows.map((r) => r.rectification.overdue), color: '#b02a37' },
        ],
      }, CHART_WIDTH),
    },
  ];
  return { today: day, weekEnd, year, rows, totals, charts };
}
