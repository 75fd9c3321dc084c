/**
 * Use cases of training records (培训): a training held on a day by an organising agency, on a
 * topic, of some hours, with the number of people each agency sent. Each change is written with
 * its audit entry in one transaction.
 */
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { inScope, type Actor } from '../../domain/roles.js';
import { forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency, listAllAgencies } from '../agencies/repository.js';
import { listAgencies } from '../agencies/service.js';
import type { AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { trainingFigures, type TrainingFigures } from './figures.js';
import { trainingPolicy } from './policy.js';
import {
  deleteTrainingRow, findTraining, insertTraining, participantsOf, replaceParticipants, trainingsOfYear, updateTrainingRow, type Training, type TrainingParticipant,
} from './repository.js';
import { trainingInput, trainingLabels, yearInput } from './schemas.js';

export type { Training, TrainingParticipant };

/** The year asked for, else the current one. */
export function yearOf(ctx: AppContext, raw: unknown): number {
  if (raw === undefined || raw === '') return Number(today(ctx).slice(0, 4));
  return parseInput(yearInput, raw, { '(请求)': '年度' });
}

/** The agencies whose trainings the actor sees (in tree order). */
export async function visibleAgencies(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => trainingPolicy.view(actor, a.id));
  if (agencies.length === 0) throw forbidden('无权查看培训记录');
  return agencies;
}

/** The agencies the actor may record trainings for (organisers). */
export async function organiserChoices(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  return (await listAgencies(ctx, actor)).filter((a) => trainingPolicy.edit(actor, a.id));
}

export interface TrainingRow extends Training {
  organiserName: string;
  /** People of the agencies in the actor's scope. */
  participants: number;
}

/** The trainings of a year that concern the actor's agencies, with the year's figures for them. */
export async function listTrainings(ctx: AppContext, actor: Actor, year: number): Promise<{ year: number; trainings: TrainingRow[]; figures: TrainingFigures }> {
  const agencies = await visibleAgencies(ctx, actor);
  const ids = agencies.map((a) => a.id);
  const db = ctx.database.db;
  const trainings = await trainingsOfYear(db, ids, year);
  const participants = await participantsOf(db, trainings.map((t) => t.id));
  const names = new Map((await listAllAgencies(db)).map((a) => [a.id, a.short_name]));
  const rows = trainings.map((t) => ({
    ...t,
    organiserName: names.get(t.organiser_agency_id) ?? '',
    participants: participants.filter((p) => p.training_id === t.id && inScope(actor, p.agency_id)).reduce((sum, p) => sum + p.participants, 0),
  }));
  return { year, trainings: rows, figures: await trainingFigures(db, ids, year) };
}

export interface TrainingDetail {
  training: Training;
  organiser: Agency;
  participants: Array<TrainingParticipant & { agencyName: string }>;
}

/**
 * One training, if the actor sees its organiser or one of its participating agencies
 * (NOT_FOUND otherwise: no existence leak).
 */
export async function getTraining(ctx: AppContext, actor: Actor, id: number): Promise<TrainingDetail> {
  const db = ctx.database.db;
  const training = await findTraining(db, id);
  const participants = training ? await participantsOf(db, [training.id]) : [];
  if (!training || !(trainingPolicy.view(actor, training.organiser_agency_id) || participants.some((p) => trainingPolicy.view(actor, p.agency_id)))) throw notFound('培训记录');
  const agencies = new Map((await listAllAgencies(db)).map((a) => [a.id, a]));
  return {
    training,
    organiser: agencies.get(training.organiser_agency_id)!,
    participants: participants.map((p) => ({ ...p, agencyName: agencies.get(p.agency_id)?.name ?? '' })),
  };
}

/**
 * Checks a training's input: the organiser the actor may record for, a day not in the future,
 * participants of agencies in the actor's scope (each once) and at least one person.
 */
async function checkedInput(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(trainingInput, raw, trainingLabels);
  const organiser = await findAgency(ctx.database.db, input.organiserAgencyId);
  if (!organiser || !trainingPolicy.view(actor, organiser.id)) throw notFound('单位');
  if (!trainingPolicy.edit(actor, organiser.id)) throw forbidden('无权登记该单位组织的培训：单位管理员和公开办管理员可以登记本单位组织的培训');
  const problems = [];
  if (input.heldOn > today(ctx)) problems.push({ field: 'heldOn', message: '培训日期：不能晚于今天' });
  const seen = new Set<number>();
  const existing = new Set((await listAllAgencies(ctx.database.db)).map((a) => a.id));
  for (const p of input.participants) {
    if (!inScope(actor, p.agencyId) || !existing.has(p.agencyId)) problems.push({ field: 'participants', message: `参训人数：单位（编号${p.agencyId}）不存在或无权登记` });
    else if (seen.has(p.agencyId)) problems.push({ field: 'participants', message: `参训人数：单位（编号${p.agencyId}）重复` });
    seen.add(p.agencyId);
  }
  if (input.participants.every((p) => p.participants === 0)) problems.push({ field: 'participants', message: '参训人数：请至少填写一个单位的参训人数' });
  if (problems.length) throw validationError(problems);
  return { input, organiser };
}

/** Records a training held, with its participants. */
export async function createTraining(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<Training> {
  const { input, organiser } = await checkedInput(ctx, opts.actor, opts.input);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const created = await insertTraining(trx, {
      organiser_agency_id: organiser.id, held_on: input.heldOn, topic: input.topic, hours: input.hours, note: input.note ?? null, created_at: at, updated_at: at,
    });
    await replaceParticipants(trx, created.id, input.participants);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'training.create', entityType: 'training', entityId: created.id, agencyId: organiser.id, ip: opts.ip,
      data: { heldOn: input.heldOn, topic: input.topic, hours: input.hours, participants: Object.fromEntries(input.participants.filter((p) => p.participants > 0).map((p) => [p.agencyId, p.participants])) },
    });
    return created;
  });
}

/** Whether the actor may change this training (its organiser's administrators). */
async function editableTraining(ctx: AppContext, actor: Actor, id: number): Promise<TrainingDetail> {
  const detail = await getTraining(ctx, actor, id);
  if (!trainingPolicy.edit(actor, detail.training.organiser_agency_id)) throw forbidden('无权修改该培训记录：由组织单位的管理员登记和修改');
  return detail;
}

/**
 * Corrects a training. Participants of agencies outside the actor's scope (recorded by someone
 * who sees more) are kept as they are.
 */
export async function updateTraining(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<Training> {
  const before = await editableTraining(ctx, opts.actor, opts.id);
  const { input, organiser } = await checkedInput(ctx, opts.actor, opts.input);
  const kept = before.participants.filter((p) => !inScope(opts.actor, p.agency_id)).map((p) => ({ agencyId: p.agency_id, participants: p.participants }));
  const participants = [...input.participants, ...kept];
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateTrainingRow(trx, before.training.id, {
      organiser_agency_id: organiser.id, held_on: input.heldOn, topic: input.topic, hours: input.hours, note: input.note ?? null, updated_at: nowIso(ctx),
    });
    await replaceParticipants(trx, before.training.id, participants);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'training.update', entityType: 'training', entityId: before.training.id, agencyId: organiser.id, ip: opts.ip,
      data: {
        before: { organiserAgencyId: before.training.organiser_agency_id, heldOn: before.training.held_on, topic: before.training.topic, hours: before.training.hours, participants: Object.fromEntries(before.participants.map((p) => [p.agency_id, p.participants])) },
        after: { organiserAgencyId: organiser.id, heldOn: input.heldOn, topic: input.topic, hours: input.hours, participants: Object.fromEntries(participants.filter((p) => p.participants > 0).map((p) => [p.agencyId, p.participants])) },
      },
    });
    return updated;
  });
}

/** Deletes a training recorded by mistake; the audit entry keeps what it said. */
export async function deleteTraining(ctx: AppContext, opts: { actor: Actor; id: number; ip?: string }): Promise<void> {
  const before = await editableTraining(ctx, opts.actor, opts.id);
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteTrainingRow(trx, before.training.id);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'training.delete', entityType: 'training', entityId: before.training.id, agencyId: before.training.organiser_agency_id, ip: opts.ip,
      data: { heldOn: before.training.held_on, topic: before.training.topic, hours: before.training.hours, participants: Object.fromEntries(before.participants.map((p) => [p.agency_id, p.participants])) },
    });
  });
}
