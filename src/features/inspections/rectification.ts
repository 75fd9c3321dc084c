/**
 * Rectification tasks (整改): the agency answers with what it fixed (and a screenshot), the office
 * accepts the answer or returns it with a comment (and may give a new deadline). Each step is
 * checked by the domain's transitions and written with its audit entry in one transaction.
 */
import { nowIso, today, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { indicatorOf } from '../../domain/inspections/indicators.js';
import {
  allowedTaskActions, isTaskOverdue, nextTaskStatus, RectificationRuleError, type TaskAction, type TaskStatus,
} from '../../domain/inspections/rectification.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { listAgencies } from '../agencies/service.js';
import { recordAudit } from '../audit/service.js';
import { checkedScreenshot, type UploadedFile } from './evidence.js';
import { inspectionPolicy } from './policy.js';
import * as repo from './repository.js';
import { acceptInput, answerInput, returnInput } from './schemas.js';

interface ActorOpts {
  actor: Actor;
  ip?: string;
}

const TASK_LABELS = { description: '整改情况', comment: '意见', dueOn: '新的整改期限', file: '截图' };

/** The tasks the actor may see, filtered; FORBIDDEN for roles that see none. */
export async function listTasksFor(ctx: AppContext, actor: Actor, filter: { show?: string; inspectionId?: number }) {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => inspectionPolicy.viewTasks(actor, a.id));
  if (!agencies.length) throw forbidden('无权查看整改任务');
  const show = ['open', 'overdue', 'answered', 'accepted'].includes(filter.show ?? '') ? (filter.show as repo.TaskFilter['show']) : undefined;
  const day = today(ctx);
  const rows = await repo.searchTasks(ctx.database.db, {
    agencyIds: actor.scope === 'all' ? null : agencies.map((a) => a.id), show, inspectionId: filter.inspectionId, today: day, limit: 1000,
  });
  return {
    show, today: day,
    rows: rows.map((r) => ({ ...r, overdue: isTaskOverdue({ status: r.status, dueOn: r.due_on }, day), indicatorLabel: indicatorOf(r.indicator).label })),
  };
}

export interface TaskView {
  task: repo.RectificationTask;
  finding: repo.InspectionFinding;
  inspection: repo.Inspection;
  agencyName: string;
  targetName: string | null;
  steps: repo.RectificationStep[];
  /** Evidence of the finding (step null) and of answers (by step id). */
  evidence: repo.EvidenceInfo[];
  overdue: boolean;
  /** The actions this actor may take now. */
  actions: TaskAction[];
}

async function taskInScope(ctx: AppContext, actor: Actor, id: number) {
  const task = await repo.findTask(ctx.database.db, id);
  if (!task || !inspectionPolicy.viewTasks(actor, task.agency_id)) throw notFound('整改任务');
  return task;
}

export async function getTask(ctx: AppContext, actor: Actor, id: number): Promise<TaskView> {
  const task = await taskInScope(ctx, actor, id);
  const db = ctx.database.db;
  const finding = (await repo.findFinding(db, task.finding_id))!;
  const inspection = (await repo.findInspection(db, task.inspection_id))!;
  const target = finding.target_id ? (await repo.listTargets(db, inspection.id)).find((t) => t.id === finding.target_id) : undefined;
  const actions = allowedTaskActions(task.status).filter((a) => (a === 'answer' ? inspectionPolicy.answer(actor, task.agency_id) : inspectionPolicy.verify(actor, task.agency_id)));
  return {
    task, finding, inspection, agencyName: (await findAgency(db, task.agency_id))?.name ?? '', targetName: target?.name ?? null,
    steps: await repo.listSteps(db, task.id), evidence: await repo.listEvidence(db, [finding.id]),
    overdue: isTaskOverdue({ status: task.status, dueOn: task.due_on }, today(ctx)), actions,
  };
}

function stepTo(status: TaskStatus, action: TaskAction): TaskStatus {
  try {
    return nextTaskStatus(status, action);
  } catch (error) {
    if (error instanceof RectificationRuleError) throw new AppError('INVALID_STATE', error.message);
    throw error;
  }
}

async function writeStep(
  ctx: AppContext, trx: Executor, actor: Actor, task: repo.RectificationTask, action: 'answered' | 'returned' | 'accepted',
  values: { comment: string | null; dueOn: string | null; task: Parameters<typeof repo.updateTaskRow>[2] }, ip: string | undefined, extra: Record<string, unknown> = {},
) {
  const at = nowIso(ctx);
  const updated = await repo.updateTaskRow(trx, task.id, { ...values.task, updated_at: at });
  const step = await repo.insertStep(trx, { task_id: task.id, action, comment: values.comment, due_on: values.dueOn, actor_user_id: actor.userId || null, actor_name: actor.displayName, on_date: today(ctx), at });
  await recordAudit(ctx, trx, actor, {
    action: `rectification.${action === 'answered' ? 'answer' : action === 'returned' ? 'return' : 'accept'}`, entityType: 'rectification', entityId: task.id, agencyId: task.agency_id, ip,
    data: { findingId: task.finding_id, inspectionId: task.inspection_id, status: updated.status, comment: values.comment, dueOn: updated.due_on, ...extra },
  });
  return { task: updated, step };
}

/** The agency reports what it fixed, with an optional screenshot. */
export async function answerTask(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown; file?: UploadedFile | null }) {
  const task = await taskInScope(ctx, opts.actor, opts.id);
  if (!inspectionPolicy.answer(opts.actor, task.agency_id)) throw forbidden('整改情况由被检查单位反馈');
  const status = stepTo(task.status, 'answer');
  const input = parseInput(answerInput, opts.input, TASK_LABELS);
  const screenshot = opts.file ? checkedScreenshot(opts.file) : null;
  return ctx.database.db.transaction().execute(async (trx) => {
    const day = today(ctx);
    const result = await writeStep(ctx, trx, opts.actor, task, 'answered', { comment: input.description, dueOn: task.due_on, task: { status, answered_on: day } }, opts.ip);
    if (screenshot) {
      const evidence = await repo.insertEvidence(trx, { ...screenshot, finding_id: task.finding_id, step_id: result.step.id, created_at: nowIso(ctx) });
      await recordAudit(ctx, trx, opts.actor, { action: 'rectification.evidence', entityType: 'rectification', entityId: task.id, agencyId: task.agency_id, ip: opts.ip, data: { evidenceId: evidence.id, fileName: evidence.file_name, sha256: evidence.sha256 } });
    }
    return result.task;
  });
}

/** The office accepts the answer: the task is closed (整改完成). */
export async function acceptTask(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const task = await taskInScope(ctx, opts.actor, opts.id);
  if (!inspectionPolicy.verify(opts.actor, task.agency_id)) throw forbidden('整改情况由公开办验收');
  const status = stepTo(task.status, 'accept');
  const input = parseInput(acceptInput, opts.input, TASK_LABELS);
  return ctx.database.db.transaction().execute(async (trx) =>
    (await writeStep(ctx, trx, opts.actor, task, 'accepted', { comment: input.comment ?? null, dueOn: task.due_on, task: { status, accepted_on: today(ctx) } }, opts.ip)).task);
}

/** The office returns the answer with its comment; a new deadline may be set (else the old one stands). */
export async function returnTask(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const task = await taskInScope(ctx, opts.actor, opts.id);
  if (!inspectionPolicy.verify(opts.actor, task.agency_id)) throw forbidden('整改情况由公开办验收');
  const status = stepTo(task.status, 'return');
  const input = parseInput(returnInput, opts.input, TASK_LABELS);
  if (input.dueOn && input.dueOn <= today(ctx)) throw validationError([{ field: 'dueOn', message: '新的整改期限：应晚于今天' }]);
  const dueOn = input.dueOn ?? task.due_on;
  return ctx.database.db.transaction().execute(async (trx) =>
    (await writeStep(ctx, trx, opts.actor, task, 'returned', { comment: input.comment, dueOn, task: { status, due_on: dueOn, returns: task.returns + 1 } }, opts.ip, { previousDueOn: task.due_on })).task);
}

/** Re-exported where the dashboard looks for it; defined with the other figures. */
export { openRectificationCounts } from './figures.js';
