/**
 * The workbench's to-do cards (待办事项): what waits for this person, by duty. A card appears only
 * when the feature's own policy gives the actor that duty, and each number is counted over the
 * same agencies and by the same condition as the list the card links to, so the person finds as
 * many rows there as the card says.
 */
import { today, type AppContext } from '../../context.js';
import { stageLabel } from '../../domain/publication/review.js';
import { reportDeadline, reportStatusText } from '../../domain/report/workflow.js';
import { hasRole, type Actor, type Role } from '../../domain/roles.js';
import type { AgencyNode } from '../agencies/tree.js';
import { findReport } from '../annual-reports/repository.js';
import { reportPolicy } from '../annual-reports/policy.js';
import { requestCountsByAgency } from '../dashboard/repository.js';
import { inspectionPolicy } from '../inspections/policy.js';
import { taskCountsByAgency } from '../inspections/repository.js';
import { reviewQueue } from '../publications/queries.js';
import { requestPolicy } from '../requests/policy.js';
import { countDueSoon } from '../requests/repository.js';

export interface TodoCard {
  /** The big figure: a count, or the state of the annual report. */
  figure: string;
  label: string;
  href: string;
  /** Something is late: shown as a warning. */
  late: boolean;
}

const REVIEW_STAGES: Array<{ role: Role; label: string }> = [
  { role: 'reviewerFirst', label: stageLabel(3, 1) },
  { role: 'reviewerSecond', label: stageLabel(3, 2) },
  { role: 'reviewerFinal', label: stageLabel(3, 3) },
];

const sum = <T>(rows: Iterable<T>, f: (row: T) => number) => [...rows].reduce((n, r) => n + f(r), 0);
const count = (figure: number, label: string, href: string, late = false): TodoCard => ({ figure: String(figure), label, href, late: late && figure > 0 });

/** Items at the review stages the actor decides: the queue /console/publications/review shows. */
async function reviewCards(ctx: AppContext, actor: Actor): Promise<TodoCard[]> {
  const stages = REVIEW_STAGES.filter((s) => hasRole(actor, s.role));
  if (!stages.length) return [];
  const queue = await reviewQueue(ctx, actor);
  return [count(queue.length, `待我审核（${stages.map((s) => s.label).join('、')}）`, '/console/publications/review')];
}

/**
 * Requests of the agencies whose requests list the actor sees, for those who handle or approve
 * them and for the agency's administrator, who answers for their timeliness (第三十三条).
 */
async function requestCards(ctx: AppContext, actor: Actor, agencies: readonly AgencyNode[]): Promise<TodoCard[]> {
  const visible = agencies.filter((a) => requestPolicy.view(actor, a.id)).map((a) => a.id);
  const acts = hasRole(actor, 'agencyAdmin') || agencies.some((a) => requestPolicy.handle(actor, a.id));
  if (!acts || !visible.length) return [];
  const day = today(ctx);
  // The week's end is the dashboard's; only its open and overdue counts are used here.
  const counts = [...(await requestCountsByAgency(ctx.database.db, visible, day, day)).values()];
  return [
    // The list's 未办结 includes online requests not yet confirmed as received.
    count(sum(counts, (c) => c.open + c.awaitingConfirmation), '未办结的申请', '/console/requests?state=open'),
    count(await countDueSoon(ctx.database.db, visible), '3个工作日内到期', '/console/requests?due=soon'),
    count(sum(counts, (c) => c.overdue), '已超期的申请', '/console/requests?due=overdue', true),
  ];
}

/** Rectification tasks of the agencies whose task list the actor sees: to answer (the agency), to verify (the office). */
async function rectificationCards(ctx: AppContext, actor: Actor, agencies: readonly AgencyNode[]): Promise<TodoCard[]> {
  const visible = agencies.filter((a) => inspectionPolicy.viewTasks(actor, a.id));
  const answers = visible.some((a) => inspectionPolicy.answer(actor, a.id));
  const verifies = visible.some((a) => inspectionPolicy.verify(actor, a.id));
  if (!answers && !verifies) return [];
  const rows = await taskCountsByAgency(ctx.database.db, visible.map((a) => a.id), today(ctx));
  const cards: TodoCard[] = [];
  if (answers) {
    cards.push(count(sum(rows, (r) => Number(r.open ?? 0)), '待整改', '/console/rectifications?show=open'));
    cards.push(count(sum(rows, (r) => Number(r.overdue ?? 0)), '逾期未整改', '/console/rectifications?show=overdue', true));
  }
  if (verifies) cards.push(count(sum(rows, (r) => Number(r.answered ?? 0)), '待验收', '/console/rectifications?show=answered'));
  return cards;
}

/** Last year's annual report of the administrator's own agency against its deadline (第四十九条). */
async function reportCards(ctx: AppContext, actor: Actor, agencies: readonly AgencyNode[]): Promise<TodoCard[]> {
  const agency = agencies.find((a) => a.id === actor.agencyId);
  if (!agency || !hasRole(actor, 'agencyAdmin') || !reportPolicy.edit(actor, agency.id)) return [];
  const day = today(ctx);
  const year = Number(day.slice(0, 4)) - 1;
  const report = await findReport(ctx.database.db, agency.id, year);
  const version = report?.version ?? 0;
  const deadline = reportDeadline(agency.kind, year);
  const late = version === 0 && day > deadline;
  return [{
    figure: reportStatusText(report?.status ?? 'missing', version),
    label: `${year}年度年报（期限${deadline}${late ? '，已逾期' : ''}）`,
    href: `/console/reports/${agency.id}/${year}`,
    late,
  }];
}

/** The actor's to-do cards: publication, requests, rectification, the annual report; `agencies` are those the actor sees. */
export async function listTodos(ctx: AppContext, opts: { actor: Actor; agencies: readonly AgencyNode[] }): Promise<TodoCard[]> {
  const { actor, agencies } = opts;
  return [
    ...(await reviewCards(ctx, actor)),
    ...(await requestCards(ctx, actor, agencies)),
    ...(await rectificationCards(ctx, actor, agencies)),
    ...(await reportCards(ctx, actor, agencies)),
  ];
}
