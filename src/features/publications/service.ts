/**
 * Proactive publication: columns, items (the working copy), attachments, and the office's
 * settings (wrong phrases, review stages). The review workflow is in workflow.ts.
 */
import { createHash } from 'node:crypto';
import { nowIso, type AppContext } from '../../context.js';
import type { Agency, PublicationColumn, PublicationItem } from '../../db/schema.js';
import { sniffFileType } from '../../domain/publication/file-type.js';
import { extractText } from '../../domain/publication/extract-text.js';
import { normalizeDocumentNumber } from '../../domain/publication/document-number.js';
import { sanitizeHtml } from '../../domain/publication/sanitize.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency, updateAgencyRow } from '../agencies/repository.js';
import { recordAudit } from '../audit/service.js';
import { publicationPolicy } from './policy.js';
import * as repo from './repository.js';
import {
  allowFewerInput,
  columnInput,
  columnLabels,
  itemInput,
  itemLabels,
  stagesInput,
  wrongPhraseInput,
  type ItemInput,
} from './schemas.js';

interface ActorOpts {
  actor: Actor;
  ip?: string;
}

/** Attachments larger than this are refused (the multipart limit is the same). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

async function agencyInScope(ctx: AppContext, actor: Actor, agencyId: number, allowed: (a: Actor, id: number) => boolean): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !publicationPolicy.view(actor, agencyId)) throw notFound('单位');
  if (!allowed(actor, agencyId)) throw forbidden();
  return agency;
}

// ---- columns ------------------------------------------------------------------------------

export async function listColumns(ctx: AppContext, actor: Actor, agencyId: number): Promise<PublicationColumn[]> {
  await agencyInScope(ctx, actor, agencyId, publicationPolicy.view);
  return repo.listColumnsOf(ctx.database.db, [agencyId]);
}

async function checkedParent(ctx: AppContext, agencyId: number, parentId: number | undefined, selfId: number | null) {
  if (!parentId) return null;
  const parent = await repo.findColumn(ctx.database.db, parentId);
  if (!parent || parent.agency_id !== agencyId) throw validationError([{ field: 'parentId', message: '上级栏目：不存在或不属于本单位' }]);
  // No cycles: walk up from the parent.
  let at: PublicationColumn | undefined = parent;
  while (at) {
    if (at.id === selfId) throw validationError([{ field: 'parentId', message: '上级栏目：不能是本栏目或其下级栏目' }]);
    at = at.parent_id ? await repo.findColumn(ctx.database.db, at.parent_id) : undefined;
  }
  return parent.id;
}

export async function createColumn(ctx: AppContext, opts: ActorOpts & { agencyId: number; input: unknown }): Promise<PublicationColumn> {
  const agency = await agencyInScope(ctx, opts.actor, opts.agencyId, publicationPolicy.manageColumns);
  const input = parseInput(columnInput, opts.input, columnLabels);
  const parentId = await checkedParent(ctx, agency.id, input.parentId, null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const column = await repo.insertColumn(trx, { agency_id: agency.id, parent_id: parentId, name: input.name, kind: input.kind, sort_order: input.sortOrder ?? 0, created_at: at, updated_at: at });
    await recordAudit(ctx, trx, opts.actor, { action: 'column.create', entityType: 'column', entityId: column.id, agencyId: agency.id, ip: opts.ip, data: input });
    return column;
  });
}

async function columnInScope(ctx: AppContext, actor: Actor, id: number): Promise<PublicationColumn> {
  const column = await repo.findColumn(ctx.database.db, id);
  if (!column || !publicationPolicy.view(actor, column.agency_id)) throw notFound('栏目');
  return column;
}

export async function updateColumn(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }): Promise<PublicationColumn> {
  const column = await columnInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.manageColumns(opts.actor, column.agency_id)) throw forbidden();
  const input = parseInput(columnInput, opts.input, columnLabels);
  const parentId = await checkedParent(ctx, column.agency_id, input.parentId, column.id);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateColumnRow(trx, column.id, { name: input.name, kind: input.kind, parent_id: parentId, sort_order: input.sortOrder ?? column.sort_order, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'column.update', entityType: 'column', entityId: column.id, agencyId: column.agency_id, ip: opts.ip, data: input });
    return updated;
  });
}

export async function deleteColumn(ctx: AppContext, opts: ActorOpts & { id: number }): Promise<void> {
  const column = await columnInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.manageColumns(opts.actor, column.agency_id)) throw forbidden();
  const usage = await repo.columnUsage(ctx.database.db, column.id);
  if (usage.children > 0 || usage.items > 0) throw new AppError('CONFLICT', `栏目“${column.name}”下还有${usage.children}个下级栏目、${usage.items}条信息，不能删除`);
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.deleteColumnRow(trx, column.id);
    await recordAudit(ctx, trx, opts.actor, { action: 'column.delete', entityType: 'column', entityId: column.id, agencyId: column.agency_id, ip: opts.ip, data: { name: column.name } });
  });
}

// ---- items --------------------------------------------------------------------------------

/** An item the actor may see; NOT_FOUND otherwise (no existence leak). */
export async function itemInScope(ctx: AppContext, actor: Actor, id: number): Promise<PublicationItem> {
  const item = await repo.findItem(ctx.database.db, id);
  if (!item || !publicationPolicy.view(actor, item.agency_id)) throw notFound('信息');
  return item;
}

/** The checked, normalised values of the working copy (sanitised body, canonical 文号). */
async function itemValues(ctx: AppContext, actor: Actor, agency: Agency, input: ItemInput, selfId: number | null) {
  const column = await repo.findColumn(ctx.database.db, input.columnId);
  if (!column || column.agency_id !== agency.id) throw validationError([{ field: 'columnId', message: '栏目：不存在或不属于本单位' }]);
  let documentNumber: string | null = null;
  if (input.documentNumber) {
    const normalized = normalizeDocumentNumber(input.documentNumber);
    // Rules are numbered as orders (XX人民政府令第N号); accept those as written.
    if (normalized) documentNumber = normalized.value;
    else if (/令第[0-9]+号$/.test(input.documentNumber)) documentNumber = input.documentNumber;
    else throw validationError([{ field: 'documentNumber', message: '文号：格式应如“沾政办发〔2022〕12号”或“XX人民政府令第N号”' }]);
  }
  let interpretsItemId: number | null = null;
  if (input.interpretsItemId) {
    const target = await repo.findItem(ctx.database.db, input.interpretsItemId);
    // Another agency's document may be interpreted once it is public (e.g. the government's).
    const visible = target && (publicationPolicy.view(actor, target.agency_id) || (target.live_version > 0 && !target.withdrawn_at));
    if (!target || !visible || target.id === selfId) {
      throw validationError([{ field: 'interpretsItemId', message: '所解读的文件：不存在' }]);
    }
    interpretsItemId = target.id;
  }
  if (input.infoKind === 'interpretation' && !interpretsItemId) {
    throw validationError([{ field: 'interpretsItemId', message: '所解读的文件：政策解读须关联所解读的文件（谁起草、谁解读）' }]);
  }
  return {
    column_id: column.id,
    title: input.title,
    body_html: sanitizeHtml(bodyHtmlOf(input.bodyHtml)),
    info_kind: input.infoKind,
    subject_category: input.subjectCategory ?? null,
    issuing_agency: input.issuingAgency ?? agency.name,
    document_number: documentNumber,
    written_date: input.writtenDate ?? null,
    made_on: input.madeOn ?? null,
    source_name: input.sourceName ?? null,
    source_url: input.sourceUrl ?? null,
    interprets_item_id: interpretsItemId,
    scheduled_for: input.scheduledFor ? beijingToIso(input.scheduledFor) : null,
  };
}

/** A body typed as plain text (no tags) becomes paragraphs, one per line. */
export function bodyHtmlOf(raw: string): string {
  if (/<[a-z!/]/i.test(raw)) return raw;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escape(l)}</p>`).join('');
}

/** 2026-03-05T09:30 in Beijing time → the UTC ISO timestamp. */
export function beijingToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  const date = new Date(`${withSeconds}+08:00`);
  if (Number.isNaN(date.getTime())) throw validationError([{ field: 'scheduledFor', message: '定时发布时间：不是有效的时间' }]);
  return date.toISOString();
}

export async function createItem(ctx: AppContext, opts: ActorOpts & { agencyId: number; input: unknown }): Promise<PublicationItem> {
  const agency = await agencyInScope(ctx, opts.actor, opts.agencyId, publicationPolicy.draft);
  const input = parseInput(itemInput, opts.input, itemLabels);
  const values = await itemValues(ctx, opts.actor, agency, input, null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const item = await repo.insertItem(trx, {
      ...values,
      agency_id: agency.id,
      correction_note: null,
      status: 'draft',
      review_stage: null,
      review_round: 0,
      stages_required: agency.review_stages,
      drafter_user_id: opts.actor.userId,
      submitted_by: null,
      live_version: 0,
      index_number: null,
      published_date: null,
      first_published_at: null,
      validity: 'valid',
      validity_on: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(ctx, trx, opts.actor, { action: 'item.create', entityType: 'item', entityId: item.id, agencyId: agency.id, ip: opts.ip, data: { title: item.title, columnId: item.column_id } });
    return item;
  });
}

/** Whether the working copy can be edited: a draft, or a published item (starting a correction). */
function assertEditable(item: PublicationItem) {
  if (item.status === 'review' || item.status === 'scheduled') throw new AppError('INVALID_STATE', '信息正在审核或等待定时发布，不能修改；如需修改请由审核人退回');
  if (item.status === 'withdrawn') throw new AppError('INVALID_STATE', '信息已撤回，不能修改');
}

/**
 * Saves the working copy. Editing a published item starts a correction: the public keeps seeing
 * the published version until the corrected one passes the review.
 */
export async function updateItem(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }): Promise<PublicationItem> {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.draft(opts.actor, item.agency_id)) throw forbidden('只有信息起草人可以修改信息');
  assertEditable(item);
  const agency = (await findAgency(ctx.database.db, item.agency_id))!;
  const input = parseInput(itemInput, opts.input, itemLabels);
  const values = await itemValues(ctx, opts.actor, agency, input, item.id);
  // A published item keeps its live values on the row; the correction waits beside them.
  const { scheduled_for } = values;
  const row = item.live_version > 0 ? { correction: JSON.stringify(repo.workingCopyOf(values)), scheduled_for } : values;
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateItemRow(trx, item.id, { ...row, status: 'draft', updated_at: nowIso(ctx) });
    const action = item.status === 'published' ? 'item.startCorrection' : 'item.update';
    await recordAudit(ctx, trx, opts.actor, { action, entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip, data: { title: updated.title } });
    return updated;
  });
}

export async function addAttachment(ctx: AppContext, opts: ActorOpts & { id: number; fileName: string; bytes: Uint8Array }) {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.draft(opts.actor, item.agency_id)) throw forbidden('只有信息起草人可以上传附件');
  assertEditable(item);
  const fileName = opts.fileName.replace(/[\\/]/g, '_').trim().slice(0, 200) || '附件';
  if (opts.bytes.length === 0) throw validationError([{ field: 'file', message: '附件：文件是空的' }]);
  if (opts.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '附件不能超过10MB');
  const type = sniffFileType(opts.bytes, fileName);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `附件“${fileName}”的类型不受支持或内容与扩展名不符（支持 PDF、DOC/DOCX、XLS/XLSX、OFD、WPS、图片）`);
  const text = await extractText(opts.bytes, type.kind).catch(() => null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const attachment = await repo.insertAttachment(trx, {
      item_id: item.id,
      file_name: fileName,
      kind: type.kind,
      mime: type.mime,
      size: opts.bytes.length,
      sha256: createHash('sha256').update(opts.bytes).digest('hex'),
      content: Buffer.from(opts.bytes),
      text: text ? text.slice(0, 1_000_000) : null,
      current: 1,
      created_at: at,
    });
    await repo.updateItemRow(trx, item.id, { status: 'draft', updated_at: at });
    await recordAudit(ctx, trx, opts.actor, { action: 'item.attach', entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip, data: { attachmentId: attachment.id, fileName, size: attachment.size, sha256: attachment.sha256 } });
    return attachment;
  });
}

/** Removes an attachment from the working copy; published versions keep showing theirs. */
export async function removeAttachment(ctx: AppContext, opts: ActorOpts & { id: number; attachmentId: number }): Promise<void> {
  const item = await itemInScope(ctx, opts.actor, opts.id);
  if (!publicationPolicy.draft(opts.actor, item.agency_id)) throw forbidden('只有信息起草人可以删除附件');
  assertEditable(item);
  await ctx.database.db.transaction().execute(async (trx) => {
    if ((await repo.retireAttachment(trx, item.id, opts.attachmentId)) === 0) throw notFound('附件');
    await repo.updateItemRow(trx, item.id, { status: 'draft', updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'item.detach', entityType: 'item', entityId: item.id, agencyId: item.agency_id, ip: opts.ip, data: { attachmentId: opts.attachmentId } });
  });
}

// ---- settings -----------------------------------------------------------------------------

export async function saveWrongPhrase(ctx: AppContext, opts: ActorOpts & { input: unknown }) {
  if (!publicationPolicy.manageWrongPhrases(opts.actor)) throw forbidden('只有公开办管理员可以维护严重表述错误词表');
  const input = parseInput(wrongPhraseInput, opts.input, { wrong: '错误表述', correct: '正确表述', note: '说明' });
  if (input.wrong === input.correct) throw validationError([{ field: 'correct', message: '正确表述：不能与错误表述相同' }]);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('wrong_phrases').where('wrong', '=', input.wrong).execute();
    await trx.insertInto('wrong_phrases').values({ wrong: input.wrong, correct: input.correct, note: input.note ?? null, updated_by: opts.actor.displayName, updated_at: nowIso(ctx) }).execute();
    await recordAudit(ctx, trx, opts.actor, { action: 'wrongPhrase.save', entityType: 'wrongPhrase', entityId: input.wrong, agencyId: null, ip: opts.ip, data: input });
  });
}

export async function deleteWrongPhrase(ctx: AppContext, opts: ActorOpts & { id: number }) {
  if (!publicationPolicy.manageWrongPhrases(opts.actor)) throw forbidden('只有公开办管理员可以维护严重表述错误词表');
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('wrong_phrases').where('id', '=', opts.id).returning(['wrong']).executeTakeFirst();
    if (!row) throw notFound('词条');
    await recordAudit(ctx, trx, opts.actor, { action: 'wrongPhrase.delete', entityType: 'wrongPhrase', entityId: row.wrong, agencyId: null, ip: opts.ip });
  });
}

/** The supervising office allows (or stops allowing) an agency fewer than three stages. */
export async function setFewerStagesAllowed(ctx: AppContext, opts: ActorOpts & { agencyId: number; input: unknown }) {
  const agency = await agencyInScope(ctx, opts.actor, opts.agencyId, publicationPolicy.allowFewerStages);
  const { allowed } = parseInput(allowFewerInput, opts.input, { allowed: '允许减少审核环节' });
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateAgencyRow(trx, agency.id, { fewer_stages_allowed: allowed ? 1 : 0, ...(allowed ? {} : { review_stages: 3 }), updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'agency.allowFewerStages', entityType: 'agency', entityId: agency.id, agencyId: agency.id, ip: opts.ip, data: { allowed } });
  });
}

/** How many stages the agency's items pass; fewer than three only where the office allows it. */
export async function setReviewStages(ctx: AppContext, opts: ActorOpts & { agencyId: number; input: unknown }) {
  const agency = await agencyInScope(ctx, opts.actor, opts.agencyId, publicationPolicy.setStages);
  const { stages } = parseInput(stagesInput, opts.input, { stages: '审核环节数' });
  if (stages < 3 && !agency.fewer_stages_allowed) throw forbidden('减少审核环节须经政府信息公开工作主管部门（公开办）同意');
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateAgencyRow(trx, agency.id, { review_stages: stages, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'agency.reviewStages', entityType: 'agency', entityId: agency.id, agencyId: agency.id, ip: opts.ip, data: { stages } });
  });
}
