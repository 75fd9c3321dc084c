/**
 * The three-stage review and publication of an item: submit → 初审 → 复审 → 终审 → published (or
 * scheduled, then published by the sweep); rejection returns the item to its drafter; a
 * published item can be corrected (a new version) or withdrawn (taken off the portal, record
 * kept). Every step writes its audit entry in the same transaction.
 */
import { beijingDate, nowIso, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { Agency, PublicationItem } from '../../db/schema.js';
import { formatIndexNumber } from '../../domain/publication/index-number.js';
import { isFinalStage, reviewRefusal, stageLabel } from '../../domain/publication/review.js';
import { sanitizeHtml } from '../../domain/publication/sanitize.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/service.js';
import { indexItem } from '../search/indexer.js';
import { blocking, itemFindings } from './checks.js';
import { publicationPolicy } from './policy.js';
import * as repo from './repository.js';
import { reviewInput, reviewLabels, submitInput, withdrawInput } from './schemas.js';
import { itemInScope } from './service.js';

interface ActorOpts {
  actor: Actor;
  ip?: string;
}

/** Sends the working copy to the first stage. A correction states what it corrects. */
export async function submitItem(ctx: AppContext, opts: ActorOpts & { id: number; input?: unknown }): Promise<PublicationItem> {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.draft(opts.actor, item.agency_id)) throw forbidden('只有信息起草人可以提交审核');
  if (item.status !== 'draft') throw new AppError('INVALID_STATE', '只有草稿可以提交审核');
  const { correctionNote } = parseInput(submitInput, opts.input ?? {}, { correctionNote: '修改说明' });
  if (item.live_version > 0 && !correctionNote) throw validationError([{ field: 'correctionNote', message: '修改说明：修改已发布的信息须说明修改内容' }]);
  if (item.scheduled_for && item.scheduled_for <= nowIso(ctx)) throw validationError([{ field: 'scheduledFor', message: '定时发布时间：已过，请修改或清空' }]);
  const agency = (await findAgency(ctx.database.db, item.agency_id))!;
  const findings = await itemFindings(ctx, item);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateItemRow(trx, item.id, {
      status: 'review',
      review_stage: 1,
      review_round: item.review_round + 1,
      stages_required: agency.review_stages,
      submitted_by: opts.actor.userId,
      correction_note: correctionNote ?? null,
      updated_at: nowIso(ctx),
    });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'item.submit', entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip,
      data: { round: updated.review_round, stages: updated.stages_required, findings: findings.map((f) => f.rule) },
    });
    return updated;
  });
}

export interface ReviewOutcome {
  item: PublicationItem;
  /** What happened: passed to the next stage, returned to the drafter, scheduled, or published. */
  result: 'nextStage' | 'rejected' | 'scheduled' | 'published';
}

/**
 * One reviewer's decision at the item's current stage: 涉密性, 准确性 and 时效性 each pass or
 * fail, and a comment. Approving needs all three to pass. At the final stage, findings that
 * block (personal data, wrong phrases) need the reviewer's confirmation with a reason.
 */
export async function reviewItem(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }): Promise<ReviewOutcome> {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.review(opts.actor, item.agency_id)) throw forbidden('只有审核人可以审核信息');
  if (item.status !== 'review' || item.review_stage === null) throw new AppError('INVALID_STATE', '该信息不在审核中');
  const input = parseInput(reviewInput, opts.input, reviewLabels);
  const reviews = await repo.listReviews(ctx.database.db, item.id);
  const earlier = reviews.filter((r) => r.round === item.review_round && r.decision === 'approve' && r.stage < item.review_stage!).map((r) => r.reviewer_user_id);
  const refusal = reviewRefusal({
    actorUserId: opts.actor.userId, actorRoles: opts.actor.roles, drafterUserId: item.drafter_user_id, submittedBy: item.submitted_by,
    stage: item.review_stage, stagesRequired: item.stages_required, earlierReviewerIds: earlier,
  });
  if (refusal) throw forbidden(refusal);
  const failed = (['confidentiality', 'accuracy', 'timeliness'] as const).filter((k) => input[k] === 'fail');
  if (input.decision === 'approve' && failed.length > 0) throw validationError([{ field: failed[0]!, message: `${reviewLabels[failed[0]!]}：审核不通过时不能同意发布，请选择“退回修改”` }]);
  if (input.decision === 'reject' && !input.comment) throw validationError([{ field: 'comment', message: '审核意见：退回时须写明修改意见' }]);
  const final = isFinalStage(item.stages_required, item.review_stage);
  const findings = await itemFindings(ctx, item);
  const blockers = blocking(findings);
  if (input.decision === 'approve' && final && blockers.length > 0 && !input.overrideReason) {
    throw new AppError('INVALID_STATE', `自动检查发现${blockers.length}个须处理的问题（${blockers.map((b) => b.message).join('；')}）。请退回修改，或确认无误后填写确认理由再发布`, [
      { field: 'overrideReason', message: '确认理由：存在个人信息或严重表述错误时，终审须填写确认理由' },
    ]);
  }
  const label = stageLabel(item.stages_required, item.review_stage);
  const agency = (await findAgency(ctx.database.db, item.agency_id))!;
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    await repo.insertReview(trx, {
      item_id: item.id, round: item.review_round, stage: item.review_stage!, reviewer_user_id: opts.actor.userId, reviewer_name: opts.actor.displayName,
      decision: input.decision, confidentiality: input.confidentiality, accuracy: input.accuracy, timeliness: input.timeliness,
      comment: input.comment ?? null, override_reason: final && input.decision === 'approve' && blockers.length > 0 ? input.overrideReason ?? null : null,
      findings: JSON.stringify(findings), at,
    });
    const audit = (action: string, extra: Record<string, unknown> = {}) => recordAudit(ctx, trx, opts.actor, {
      action, entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip,
      data: { stage: label, round: item.review_round, ...input, findings: findings.map((f) => f.rule), ...extra },
    });
    if (input.decision === 'reject') {
      const updated = await repo.updateItemRow(trx, item.id, { status: 'draft', review_stage: null, updated_at: at });
      await audit('item.reject');
      return { item: updated, result: 'rejected' as const };
    }
    if (!final) {
      const updated = await repo.updateItemRow(trx, item.id, { review_stage: item.review_stage! + 1, updated_at: at });
      await audit('item.approveStage');
      return { item: updated, result: 'nextStage' as const };
    }
    await audit('item.approveFinal');
    if (item.scheduled_for && item.scheduled_for > at) {
      const updated = await repo.updateItemRow(trx, item.id, { status: 'scheduled', review_stage: null, updated_at: at });
      return { item: updated, result: 'scheduled' as const };
    }
    const published = await publishInTransaction(ctx, trx, { item, agency, by: opts.actor, at });
    return { item: published, result: 'published' as const };
  });
}

/** The prefix of an agency's index numbers: its index code, else its credit code, else GK + id. */
export function agencyIndexCode(agency: Agency): string {
  return agency.index_code || agency.credit_code || `GK${String(agency.id).padStart(6, '0')}`;
}

/** The catalogue data a published version keeps (publication_versions.metadata, as JSON). */
export interface VersionMetadata {
  indexNumber: string;
  columnId: number;
  infoKind: string;
  subjectCategory: string | null;
  issuingAgency: string;
  documentNumber: string | null;
  writtenDate: string | null;
  madeOn: string | null;
  publishedDate: string;
  sourceName: string | null;
  sourceUrl: string | null;
  interpretsItemId: number | null;
}

/**
 * Makes the working copy the next live version: the index number (first publication only), the
 * published date, an immutable version with its attachments, the correction's values onto the
 * row (repo.workingItem), and the audit entry.
 */
async function publishInTransaction(ctx: AppContext, trx: Executor, opts: { item: PublicationItem; agency: Agency; by: AuditActor; at: string }) {
  const { item, agency, at } = opts;
  const date = beijingDate(new Date(at));
  let indexNumber = item.index_number;
  if (!indexNumber) {
    const year = Number(date.slice(0, 4));
    indexNumber = formatIndexNumber(agencyIndexCode(agency), year, await repo.nextIndexSerial(trx, agency.id, year));
  }
  const version = item.live_version + 1;
  const attachments = await repo.listAttachments(trx, item.id, true);
  const metadata: VersionMetadata = {
    indexNumber, columnId: item.column_id, infoKind: item.info_kind, subjectCategory: item.subject_category, issuingAgency: item.issuing_agency,
    documentNumber: item.document_number, writtenDate: item.written_date, madeOn: item.made_on, publishedDate: item.published_date ?? date,
    sourceName: item.source_name, sourceUrl: item.source_url, interpretsItemId: item.interprets_item_id,
  };
  const bodyHtml = sanitizeHtml(item.body_html);
  await repo.insertVersion(trx, {
    item_id: item.id, version, title: item.title, body_html: bodyHtml, metadata: JSON.stringify(metadata),
    attachment_ids: JSON.stringify(attachments.map((a) => a.id)), correction_note: version > 1 ? item.correction_note : null,
    published_at: at, published_by: opts.by.displayName,
  });
  const updated = await repo.updateItemRow(trx, item.id, {
    ...repo.workingCopyOf(item),
    body_html: bodyHtml,
    correction: null,
    status: 'published', review_stage: null, scheduled_for: null, live_version: version, index_number: indexNumber,
    published_date: item.published_date ?? date, first_published_at: item.first_published_at ?? at, correction_note: null, updated_at: at,
  });
  await indexItem(trx, item.id);
  await recordAudit(ctx, trx, opts.by, {
    action: version > 1 ? 'item.publishCorrection' : 'item.publish', entityType: 'item', entityId: item.id, agencyId: item.agency_id,
    data: { version, indexNumber, title: item.title, ...(version > 1 ? { correctionNote: item.correction_note } : {}) },
  });
  return updated;
}

/**
 * Publishes the scheduled items whose time has come. Idempotent and batch-limited: an item is
 * published once because its status leaves 'scheduled' in the same transaction.
 */
export async function publishScheduledItems(ctx: AppContext, options: { limit?: number } = {}): Promise<number> {
  const at = nowIso(ctx);
  const due = await repo.findScheduledDue(ctx.database.db, at, options.limit ?? 100);
  let published = 0;
  for (const item of due) {
    const agency = (await findAgency(ctx.database.db, item.agency_id))!;
    await ctx.database.db.transaction().execute(async (trx) => {
      const fresh = await repo.findItem(trx, item.id);
      if (!fresh || fresh.status !== 'scheduled') return;
      await publishInTransaction(ctx, trx, { item: fresh, agency, by: SYSTEM_ACTOR, at });
      published++;
    });
  }
  return published;
}

/** Takes a published item off the portal, with the reason; the record and its versions stay. */
export async function withdrawItem(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }): Promise<PublicationItem> {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.withdraw(opts.actor, item.agency_id)) throw forbidden('只有终审人或管理员可以撤回信息');
  if (item.live_version === 0 || item.withdrawn_at) throw new AppError('INVALID_STATE', '只有已发布的信息可以撤回');
  const { reason } = parseInput(withdrawInput, opts.input, { reason: '撤回理由' });
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateItemRow(trx, item.id, { status: 'withdrawn', review_stage: null, withdrawn_at: at, withdrawal_reason: reason, updated_at: at });
    await indexItem(trx, item.id);
    await recordAudit(ctx, trx, opts.actor, { action: 'item.withdraw', entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip, data: { reason, indexNumber: item.index_number } });
    return updated;
  });
}
