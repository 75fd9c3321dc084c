/**
 * Notices (通报): drafted from an issued inspection, edited by the office, then issued with the
 * next number of the office's series for the year (e.g. 青政办通〔2026〕3号) — either internally
 * (the agencies concerned read it in their console) or publicly (also on the portal with its
 * DOCX). Every change and its audit entry in one transaction.
 */
import { nowIso, today, type AppContext } from '../../../context.js';
import type { Executor } from '../../../db/database.js';
import {
  composeNotice, defaultNoticePrefix, noticeBlocks, noticeNumber, problemListTable, titleLines, type AgencyResult, type NoticeBlock, type ProblemListRow,
} from '../../../domain/inspections/notice.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { parseInput } from '../../../http/validate.js';
import { findAgency, listAllAgencies } from '../../agencies/repository.js';
import { listAgencies } from '../../agencies/service.js';
import { treeOrder } from '../../agencies/tree.js';
import { recordAudit } from '../../audit/service.js';
import { inspectionPolicy } from '../policy.js';
import * as repo from '../repository.js';
import { inspectionLabels, issueNoticeInput, noticeInput, prefixInput } from '../schemas.js';
import { findingViews, inspectionInScope } from '../service.js';

const NOTICE_LABELS = { ...inspectionLabels, title: '标题' };

interface ActorOpts {
  actor: Actor;
  ip?: string;
}

/** The office's prefix, or the usual one derived from the government's name. */
export async function noticePrefixFor(db: Executor, officeId: number): Promise<{ prefix: string; saved: boolean }> {
  const saved = await repo.noticePrefixOf(db, officeId);
  if (saved) return { prefix: saved, saved: true };
  const office = await findAgency(db, officeId);
  const parent = office?.parent_id ? await findAgency(db, office.parent_id) : undefined;
  const government = office?.kind === 'office' ? parent : office;
  return { prefix: defaultNoticePrefix(government?.name ?? null, office?.short_name ?? ''), saved: false };
}

/** Sets the prefix of the actor's office's notice numbers. */
export async function setNoticePrefix(ctx: AppContext, opts: ActorOpts & { input: unknown }) {
  const officeId = opts.actor.agencyId;
  if (!inspectionPolicy.issueNotice(opts.actor, officeId)) throw forbidden('只有公开办可以设置通报文号');
  const { prefix } = parseInput(prefixInput, opts.input, inspectionLabels);
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.saveNoticePrefix(trx, officeId, prefix, opts.actor.displayName, nowIso(ctx));
    await recordAudit(ctx, trx, opts.actor, { action: 'notice.prefix', entityType: 'agency', entityId: officeId, agencyId: officeId, ip: opts.ip, data: { prefix } });
  });
  return prefix;
}

/** What the notice says, gathered from the inspection's records as they are today. */
async function composedFor(ctx: AppContext, inspection: repo.Inspection) {
  const db = ctx.database.db;
  const office = (await findAgency(db, inspection.office_agency_id))!;
  const parent = office.parent_id ? await findAgency(db, office.parent_id) : undefined;
  const inspected = new Set(await repo.inspectionAgencyIds(db, inspection.id));
  const all = await listAllAgencies(db);
  const agencies = treeOrder(all, (id) => inspected.has(id)).map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
  const targets = await repo.listTargets(db, inspection.id);
  const findings = await findingViews(ctx, inspection.id, null);
  return composeNotice({
    officeName: office.name, governmentName: office.kind === 'office' ? parent?.name ?? null : office.name,
    inspection: { kind: inspection.kind, title: inspection.title, year: inspection.year, quarter: inspection.quarter, startsOn: inspection.starts_on, endsOn: inspection.ends_on, rectifyBy: inspection.rectify_by },
    agencies, siteCount: targets.filter((t) => t.kind === 'site').length, newMediaCount: targets.filter((t) => t.kind === 'newMedia').length,
    findings: findings.map((f) => ({ agencyId: f.agency_id, indicator: f.indicator, description: f.description, targetName: f.targetName, dueOn: f.task?.due_on ?? null, status: f.task?.status ?? null })),
    today: today(ctx),
  });
}

/**
 * Drafts the notice of an issued inspection from its records; when a draft exists it is
 * written again from the records (the office's edits to it are replaced).
 */
export async function draftNotice(ctx: AppContext, opts: ActorOpts & { inspectionId: number }) {
  const inspection = await inspectionInScope(ctx, opts.actor, opts.inspectionId);
  if (!inspectionPolicy.issueNotice(opts.actor, inspection.office_agency_id)) throw forbidden('只有公开办可以起草通报');
  if (inspection.status !== 'issued') throw new AppError('INVALID_STATE', '请先下发检查结果（生成整改任务），再起草通报');
  const content = await composedFor(ctx, inspection);
  const office = (await findAgency(ctx.database.db, inspection.office_agency_id))!;
  const existing = (await repo.noticesOfInspection(ctx.database.db, inspection.id)).find((n) => n.status === 'draft');
  const at = nowIso(ctx);
  const values = {
    title: content.title, recipients: content.recipients, intro: content.intro, overview: content.overview, problems: content.problems,
    requirements: content.requirements, results: JSON.stringify(content.results), problem_list: JSON.stringify(content.problemList),
    attachment_title: content.attachmentTitle, signer: office.name, updated_at: at,
  };
  return ctx.database.db.transaction().execute(async (trx) => {
    const notice = existing
      ? await repo.updateNoticeRow(trx, existing.id, values)
      : await repo.insertNotice(trx, {
        ...values, inspection_id: inspection.id, office_agency_id: inspection.office_agency_id, status: 'draft', visibility: 'internal',
        year: null, serial: null, number: null, issued_on: null, issued_by: null, published_at: null, created_at: at,
      });
    await recordAudit(ctx, trx, opts.actor, { action: existing ? 'notice.redraft' : 'notice.draft', entityType: 'notice', entityId: notice.id, agencyId: inspection.office_agency_id, ip: opts.ip, data: { inspectionId: inspection.id, title: notice.title } });
    return notice;
  });
}

export interface NoticeView {
  notice: repo.InspectionNotice;
  results: AgencyResult[];
  problemList: ProblemListRow[];
  /** The office may edit (draft), issue, publish it. */
  canManage: boolean;
  /** The number it will get when issued now (drafts), or its number. */
  numberPreview: string;
}

/** A notice the actor may read: the office's (drafts too), or an issued one concerning the actor's agencies. */
async function noticeInScope(ctx: AppContext, actor: Actor, id: number) {
  const notice = await repo.findNotice(ctx.database.db, id);
  if (!notice) throw notFound('通报');
  if (inspectionPolicy.viewInspection(actor, notice.office_agency_id)) return notice;
  if (notice.status === 'issued') {
    const agencyIds = await repo.inspectionAgencyIds(ctx.database.db, notice.inspection_id);
    if (agencyIds.some((a) => inspectionPolicy.readNotice(actor, a))) return notice;
  }
  throw notFound('通报');
}

export async function getNotice(ctx: AppContext, actor: Actor, id: number): Promise<NoticeView> {
  const notice = await noticeInScope(ctx, actor, id);
  const canManage = inspectionPolicy.issueNotice(actor, notice.office_agency_id);
  let numberPreview = notice.number ?? '';
  if (!notice.number) {
    const { prefix } = await noticePrefixFor(ctx.database.db, notice.office_agency_id);
    const year = Number(today(ctx).slice(0, 4));
    const last = await ctx.database.db.selectFrom('notice_sequences').select('last_serial').where('office_agency_id', '=', notice.office_agency_id).where('year', '=', year).executeTakeFirst();
    numberPreview = noticeNumber(prefix, year, (last?.last_serial ?? 0) + 1);
  }
  return { notice, results: JSON.parse(notice.results) as AgencyResult[], problemList: JSON.parse(notice.problem_list) as ProblemListRow[], canManage, numberPreview };
}

async function managedNotice(ctx: AppContext, actor: Actor, id: number) {
  const notice = await noticeInScope(ctx, actor, id);
  if (!inspectionPolicy.issueNotice(actor, notice.office_agency_id)) throw forbidden('只有公开办可以修改、印发通报');
  return notice;
}

/** Saves the office's wording of a draft. */
export async function updateNotice(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const notice = await managedNotice(ctx, opts.actor, opts.id);
  if (notice.status !== 'draft') throw new AppError('INVALID_STATE', '通报已印发，不能修改');
  const input = parseInput(noticeInput, opts.input, NOTICE_LABELS);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateNoticeRow(trx, notice.id, { ...input, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'notice.update', entityType: 'notice', entityId: notice.id, agencyId: notice.office_agency_id, ip: opts.ip, data: { title: input.title } });
    return updated;
  });
}

/** Issues a draft: numbered in the office's series of the year, sent internally or published. */
export async function issueNotice(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const notice = await managedNotice(ctx, opts.actor, opts.id);
  if (notice.status !== 'draft') throw new AppError('INVALID_STATE', '通报已印发');
  const { visibility } = parseInput(issueNoticeInput, opts.input, inspectionLabels);
  const { prefix } = await noticePrefixFor(ctx.database.db, notice.office_agency_id);
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const serial = await repo.nextNoticeSerial(trx, notice.office_agency_id, year);
    const number = noticeNumber(prefix, year, serial);
    const issued = await repo.updateNoticeRow(trx, notice.id, {
      status: 'issued', visibility, year, serial, number, issued_on: day, issued_by: opts.actor.displayName, published_at: visibility === 'public' ? at : null, updated_at: at,
    });
    await recordAudit(ctx, trx, opts.actor, { action: 'notice.issue', entityType: 'notice', entityId: notice.id, agencyId: notice.office_agency_id, ip: opts.ip, data: { number, visibility, inspectionId: notice.inspection_id, title: notice.title } });
    return issued;
  });
}

/** Publishes an issued internal notice on the portal, or takes a public one off it. */
export async function setNoticeVisibility(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const notice = await managedNotice(ctx, opts.actor, opts.id);
  if (notice.status !== 'issued') throw new AppError('INVALID_STATE', '通报印发后才能公开');
  const { visibility } = parseInput(issueNoticeInput, opts.input, inspectionLabels);
  if (visibility === notice.visibility) throw new AppError('INVALID_STATE', visibility === 'public' ? '通报已在门户网站公开' : '通报未在门户网站公开');
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateNoticeRow(trx, notice.id, { visibility, published_at: visibility === 'public' ? nowIso(ctx) : null, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: visibility === 'public' ? 'notice.publish' : 'notice.unpublish', entityType: 'notice', entityId: notice.id, agencyId: notice.office_agency_id, ip: opts.ip, data: { number: notice.number } });
    return updated;
  });
}

/** The console list: the office's notices, and the issued notices concerning the actor's agencies. */
export async function listNoticesFor(ctx: AppContext, actor: Actor) {
  const agencies = await listAgencies(ctx, actor);
  if (!agencies.length || actor.roles.length === 0) throw forbidden('无权查看通报');
  if (actor.scope === 'all') return repo.listNotices(ctx.database.db, null, null);
  const offices = agencies.filter((a) => inspectionPolicy.viewInspection(actor, a.id)).map((a) => a.id);
  return repo.listNotices(ctx.database.db, offices, agencies.filter((a) => inspectionPolicy.readNotice(actor, a.id)).map((a) => a.id));
}

/** A notice on the portal: issued and public, else NOT_FOUND. */
export async function publicNotice(db: Executor, id: number) {
  const notice = await repo.findNotice(db, id);
  if (!notice || notice.status !== 'issued' || notice.visibility !== 'public') throw notFound('通报');
  return notice;
}

/** Everything the renderers set, in order. */
export interface NoticeDocument {
  titleLines: string[];
  title: string;
  number: string;
  recipients: string;
  blocks: NoticeBlock[];
  signer: string;
  date: string;
  /** 附注 under the date: how the notice is made public. */
  note: string | null;
  attachment: { title: string; table: ReturnType<typeof problemListTable> } | null;
}

/** A draft's number line says it has none yet: the number is taken only when it is issued. */
export const DRAFT_NUMBER = '（草稿，印发时编号）';

export function noticeDocument(notice: repo.InspectionNotice, day: string): NoticeDocument {
  const results = JSON.parse(notice.results) as AgencyResult[];
  const problemList = JSON.parse(notice.problem_list) as ProblemListRow[];
  return {
    title: notice.title, titleLines: titleLines(notice.title), number: notice.number ?? DRAFT_NUMBER, recipients: notice.recipients,
    blocks: noticeBlocks({ intro: notice.intro, overview: notice.overview, problems: notice.problems, requirements: notice.requirements, results, attachmentTitle: notice.attachment_title }),
    signer: notice.signer, date: notice.issued_on ?? day, note: notice.visibility === 'public' && notice.status === 'issued' ? '此件公开发布' : null,
    attachment: notice.attachment_title ? { title: notice.attachment_title, table: problemListTable(problemList) } : null,
  };
}
