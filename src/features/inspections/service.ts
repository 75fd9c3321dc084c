/**
 * Use cases of inspections: the office plans one over agencies, their sites and new-media
 * accounts; records findings against the indicators (prefilled from website health, or by hand
 * with evidence); then issues them, and each finding becomes a rectification task with a
 * deadline. Every change and its audit entry in one transaction.
 */
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { indicatorForHealth, indicatorOf } from '../../domain/inspections/indicators.js';
import { quarterLabel, quarterRange } from '../../domain/inspections/notice.js';
import { defaultRectificationDueOn } from '../../domain/inspections/rectification.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { listAllAgencies } from '../agencies/repository.js';
import { listAgencies } from '../agencies/service.js';
import { treeOrder, type AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import { PLATFORM_LABELS } from '../new-media/rules.js';
import { checkedScreenshot, type UploadedFile } from './evidence.js';
import { isProblem, websiteHealth, type HealthSource } from './health-source.js';
import { inspectionPolicy } from './policy.js';
import * as repo from './repository.js';
import { findingInput, inspectionLabels, issueInput, planInput, targetInput } from './schemas.js';

interface ActorOpts {
  actor: Actor;
  ip?: string;
}

/** The agencies an actor may include in an inspection, in tree order. */
export async function plannableAgencies(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  return (await listAgencies(ctx, actor)).filter((a) => inspectionPolicy.plan(actor, a.id));
}

/** What the planning form offers: agencies and the operating new-media accounts registered for them. */
export async function planningOptions(ctx: AppContext, actor: Actor) {
  const agencies = await plannableAgencies(ctx, actor);
  if (!agencies.length) throw forbidden('只有公开办可以安排检查');
  const accounts = await repo.operatingAccounts(ctx.database.db, agencies.map((a) => a.id));
  return { agencies, accounts: accounts.map((a) => ({ ...a, platformLabel: platformLabel(a.platform) })) };
}

export function platformLabel(platform: string | null): string {
  return platform ? (PLATFORM_LABELS as Record<string, string>)[platform] ?? platform : '';
}

/** The inspections the actor's office planned (all for a system administrator). */
export async function listInspectionsFor(ctx: AppContext, actor: Actor) {
  const offices = (await listAgencies(ctx, actor)).filter((a) => inspectionPolicy.viewInspection(actor, a.id));
  if (!offices.length) throw forbidden('无权查看检查');
  return repo.listInspections(ctx.database.db, actor.scope === 'all' ? null : offices.map((a) => a.id));
}

/** Plans an inspection over the chosen agencies, their portal pages and new-media accounts. */
export async function planInspection(ctx: AppContext, opts: ActorOpts & { input: unknown }) {
  const input = parseInput(planInput, opts.input, inspectionLabels);
  const plannable = new Map((await plannableAgencies(ctx, opts.actor)).map((a) => [a.id, a]));
  if (!plannable.size) throw forbidden('只有公开办可以安排检查');
  const agencyIds = [...new Set(input.agencyIds)];
  const outside = agencyIds.filter((id) => !plannable.has(id));
  if (outside.length) throw validationError([{ field: 'agencyIds', message: '检查单位：包含不存在或无权检查的单位' }]);
  const accounts = input.accountIds.length ? await repo.operatingAccounts(ctx.database.db, agencyIds) : [];
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const unknown = [...new Set(input.accountIds)].filter((id) => !accountById.has(id));
  if (unknown.length) throw validationError([{ field: 'accountIds', message: '政务新媒体账号：包含不属于所选单位或已关停的账号' }]);

  let { startsOn, endsOn } = input;
  const year = input.kind === 'quarterly' ? input.year! : Number(startsOn!.slice(0, 4));
  if (input.kind === 'quarterly' && (!startsOn || !endsOn)) ({ startsOn, endsOn } = quarterRange(year, input.quarter!));
  const title = input.title ?? `${year}年${quarterLabel(input.quarter!)}政府网站和政务新媒体检查`;
  const at = nowIso(ctx);
  const ordered = agencyIds.map((id) => plannable.get(id)!);

  return ctx.database.db.transaction().execute(async (trx) => {
    const inspection = await repo.insertInspection(trx, {
      office_agency_id: opts.actor.agencyId, title, kind: input.kind, year, quarter: input.kind === 'quarterly' ? input.quarter! : null,
      starts_on: startsOn!, ends_on: endsOn!, status: 'planned', issued_on: null, rectify_by: null, note: input.note ?? null,
      created_by: opts.actor.displayName, created_at: at, updated_at: at,
    });
    await repo.insertInspectionAgencies(trx, inspection.id, agencyIds);
    await repo.insertTargets(trx, [
      ...(input.sites ? ordered.map((a) => siteTarget(inspection.id, a)) : []),
      ...[...new Set(input.accountIds)].map((id) => {
        const account = accountById.get(id)!;
        return { inspection_id: inspection.id, agency_id: account.agency_id, kind: 'newMedia' as const, name: account.name, url: null, account_id: account.id, platform: account.platform };
      }),
    ]);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'inspection.plan', entityType: 'inspection', entityId: inspection.id, agencyId: opts.actor.agencyId, ip: opts.ip,
      data: { title, kind: input.kind, year, quarter: inspection.quarter, startsOn, endsOn, agencyIds, sites: Boolean(input.sites), accountIds: input.accountIds },
    });
    return inspection;
  });
}

/** The agency's pages on this portal (政府信息公开专栏) as an inspection target. */
function siteTarget(inspectionId: number, agency: Pick<Agency, 'id' | 'name'>) {
  return { inspection_id: inspectionId, agency_id: agency.id, kind: 'site' as const, name: `${agency.name}政府信息公开专栏`, url: `/agencies/${agency.id}`, account_id: null, platform: null };
}

/** An inspection the actor's office may see; NOT_FOUND otherwise (no existence leak). */
export async function inspectionInScope(ctx: AppContext, actor: Actor, id: number) {
  const inspection = await repo.findInspection(ctx.database.db, id);
  if (!inspection || !inspectionPolicy.viewInspection(actor, inspection.office_agency_id)) throw notFound('检查');
  return inspection;
}

async function plannedInspection(ctx: AppContext, actor: Actor, id: number) {
  const inspection = await inspectionInScope(ctx, actor, id);
  if (!inspectionPolicy.plan(actor, inspection.office_agency_id)) throw forbidden('只有公开办可以修改检查');
  if (inspection.status !== 'planned') throw new AppError('INVALID_STATE', '检查结果已下发，不能再修改检查范围和问题');
  return inspection;
}

export interface FindingView extends repo.InspectionFinding {
  agencyName: string;
  targetName: string | null;
  evidence: repo.EvidenceInfo[];
  task: repo.RectificationTask | null;
}

export interface InspectionView {
  inspection: repo.Inspection;
  agencies: Agency[];
  targets: Array<repo.InspectionTarget & { platformLabel: string }>;
  findings: FindingView[];
  notices: repo.InspectionNotice[];
  /** The actor may change it (planned, office staff). */
  canEdit: boolean;
  canIssueNotice: boolean;
  /** Accounts that can still be added as targets. */
  accounts: Array<{ id: number; agency_id: number; platform: string; name: string; platformLabel: string }>;
}

/** Findings of an inspection with their agency, target, evidence and task. */
export async function findingViews(ctx: AppContext, inspectionId: number, agencyIds: readonly number[] | null): Promise<FindingView[]> {
  const db = ctx.database.db;
  const findings = await repo.listFindings(db, inspectionId, agencyIds);
  const names = new Map((await listAllAgencies(db)).map((a) => [a.id, a.name]));
  const targets = new Map((await repo.listTargets(db, inspectionId)).map((t) => [t.id, t]));
  const evidence = await repo.listEvidence(db, findings.map((f) => f.id));
  const tasks = new Map((await repo.tasksOfInspection(db, inspectionId)).map((t) => [t.finding_id, t]));
  return findings.map((f) => ({
    ...f, agencyName: names.get(f.agency_id) ?? '', targetName: f.target_id ? targets.get(f.target_id)?.name ?? null : null,
    evidence: evidence.filter((e) => e.finding_id === f.id && e.step_id === null), task: tasks.get(f.id) ?? null,
  }));
}

export async function getInspection(ctx: AppContext, actor: Actor, id: number): Promise<InspectionView> {
  const inspection = await inspectionInScope(ctx, actor, id);
  const db = ctx.database.db;
  const agencyIds = new Set(await repo.inspectionAgencyIds(db, id));
  const all = await listAllAgencies(db);
  const agencies = treeOrder(all, (a) => agencyIds.has(a));
  const targets = (await repo.listTargets(db, id)).map((t) => ({ ...t, platformLabel: platformLabel(t.platform) }));
  const taken = new Set(targets.map((t) => t.account_id));
  const canEdit = inspection.status === 'planned' && inspectionPolicy.plan(actor, inspection.office_agency_id);
  const accounts = canEdit ? (await repo.operatingAccounts(db, [...agencyIds])).filter((a) => !taken.has(a.id)).map((a) => ({ ...a, platformLabel: platformLabel(a.platform) })) : [];
  return {
    inspection, agencies, targets, accounts, canEdit,
    findings: await findingViews(ctx, id, null),
    notices: await repo.noticesOfInspection(db, id),
    canIssueNotice: inspectionPolicy.issueNotice(actor, inspection.office_agency_id),
  };
}

/** Adds a site or a registered new-media account of an inspected agency. */
export async function addTarget(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const inspection = await plannedInspection(ctx, opts.actor, opts.id);
  const input = parseInput(targetInput, opts.input, inspectionLabels);
  const agencyIds = await repo.inspectionAgencyIds(ctx.database.db, inspection.id);
  if (!agencyIds.includes(input.agencyId)) throw validationError([{ field: 'agencyId', message: '单位：不在本次检查范围内' }]);
  let values;
  if (input.kind === 'newMedia') {
    const account = await repo.findAccount(ctx.database.db, input.accountId!);
    if (!account || account.agency_id !== input.agencyId) throw validationError([{ field: 'accountId', message: '政务新媒体账号：不存在或不属于该单位' }]);
    const existing = await repo.listTargets(ctx.database.db, inspection.id);
    if (existing.some((t) => t.account_id === account.id)) throw new AppError('CONFLICT', `账号“${account.name}”已在检查范围内`);
    values = { inspection_id: inspection.id, agency_id: account.agency_id, kind: 'newMedia' as const, name: account.name, url: null, account_id: account.id, platform: account.platform };
  } else {
    values = { inspection_id: inspection.id, agency_id: input.agencyId, kind: 'site' as const, name: input.name!, url: input.url ?? null, account_id: null, platform: null };
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const target = await repo.insertTarget(trx, values);
    await repo.updateInspectionRow(trx, inspection.id, { updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'inspection.addTarget', entityType: 'inspection', entityId: inspection.id, agencyId: target.agency_id, ip: opts.ip, data: { targetId: target.id, kind: target.kind, name: target.name, accountId: target.account_id } });
    return target;
  });
}

/** Records a finding by hand, with an optional screenshot as evidence. */
export async function recordFinding(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown; file?: UploadedFile | null }) {
  const inspection = await plannedInspection(ctx, opts.actor, opts.id);
  const input = parseInput(findingInput, opts.input, inspectionLabels);
  const agencyIds = await repo.inspectionAgencyIds(ctx.database.db, inspection.id);
  if (!agencyIds.includes(input.agencyId)) throw validationError([{ field: 'agencyId', message: '单位：不在本次检查范围内' }]);
  if (input.targetId !== undefined) {
    const target = (await repo.listTargets(ctx.database.db, inspection.id)).find((t) => t.id === input.targetId);
    if (!target || target.agency_id !== input.agencyId) throw validationError([{ field: 'targetId', message: '检查对象：不属于所选单位' }]);
  }
  if (input.since && input.since > today(ctx)) throw validationError([{ field: 'since', message: '问题起始日期：不能晚于今天' }]);
  const screenshot = opts.file ? checkedScreenshot(opts.file) : null;
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const finding = await repo.insertFinding(trx, {
      inspection_id: inspection.id, agency_id: input.agencyId, target_id: input.targetId ?? null, indicator: input.indicator,
      severity: indicatorOf(input.indicator).severity, description: input.description, url: input.url ?? null, column_id: null, item_id: null,
      since: input.since ?? null, origin: 'manual', created_by: opts.actor.displayName, created_at: at,
    });
    const evidence = screenshot ? await repo.insertEvidence(trx, { ...screenshot, finding_id: finding.id, step_id: null, created_at: at }) : null;
    await recordAudit(ctx, trx, opts.actor, {
      action: 'inspection.recordFinding', entityType: 'inspection', entityId: inspection.id, agencyId: finding.agency_id, ip: opts.ip,
      data: { findingId: finding.id, indicator: finding.indicator, severity: finding.severity, description: finding.description, url: finding.url, ...(evidence ? { evidence: { id: evidence.id, fileName: evidence.file_name, sha256: evidence.sha256 } } : {}) },
    });
    return { finding, evidence };
  });
}

/** Removes a finding (and its evidence) before the results are issued. */
export async function deleteFinding(ctx: AppContext, opts: ActorOpts & { id: number; findingId: number }) {
  const inspection = await plannedInspection(ctx, opts.actor, opts.id);
  const finding = await repo.findFinding(ctx.database.db, opts.findingId);
  if (!finding || finding.inspection_id !== inspection.id) throw notFound('问题');
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.deleteFindingRow(trx, finding.id);
    await recordAudit(ctx, trx, opts.actor, { action: 'inspection.deleteFinding', entityType: 'inspection', entityId: inspection.id, agencyId: finding.agency_id, ip: opts.ip, data: { findingId: finding.id, indicator: finding.indicator, description: finding.description } });
  });
}

/**
 * Records what website health reports for every inspected agency as findings. Running it again
 * adds only what is new: a finding of the same agency, indicator, column, item and message is
 * not recorded twice.
 */
export async function prefillFindings(ctx: AppContext, opts: ActorOpts & { id: number; source?: HealthSource }) {
  const inspection = await plannedInspection(ctx, opts.actor, opts.id);
  const db = ctx.database.db;
  const source = opts.source ?? websiteHealth;
  const day = today(ctx);
  const agencyIds = await repo.inspectionAgencyIds(db, inspection.id);
  const targets = await repo.listTargets(db, inspection.id);
  const existing = await repo.listFindings(db, inspection.id);
  const key = (f: { agency_id: number; indicator: string; column_id: number | null; item_id: number | null; description: string }) =>
    JSON.stringify([f.agency_id, f.indicator, f.column_id, f.item_id, f.description]);
  const seen = new Set(existing.map(key));
  const rows: Array<Parameters<typeof repo.insertFinding>[1]> = [];
  const at = nowIso(ctx);
  for (const agencyId of agencyIds) {
    const site = targets.find((t) => t.agency_id === agencyId && t.kind === 'site') ?? null;
    const reported = await source(ctx, agencyId, day);
    const columnIds = new Set((await db.selectFrom('publication_columns').select('id').where('agency_id', '=', agencyId).execute()).map((c) => c.id));
    for (const h of reported.filter(isProblem)) {
      const indicator = indicatorForHealth(h.indicator, h.severity);
      const columnId = h.columnId && columnIds.has(h.columnId) ? h.columnId : null;
      const item = h.itemId ? await db.selectFrom('publication_items').select(['id', 'agency_id']).where('id', '=', h.itemId).executeTakeFirst() : undefined;
      const itemId = item && item.agency_id === agencyId ? item.id : null;
      const row = {
        inspection_id: inspection.id, agency_id: agencyId, target_id: site?.id ?? null, indicator, severity: indicatorOf(indicator).severity,
        description: String(h.message).slice(0, 2000),
        url: (h.url && /^(https?:\/\/|\/)/.test(h.url) ? h.url.slice(0, 500) : null) ?? (itemId ? `/items/${itemId}` : columnId ? `/columns/${columnId}` : site?.url ?? null),
        column_id: columnId, item_id: itemId, since: h.since && /^\d{4}-\d{2}-\d{2}$/.test(h.since) ? h.since : null,
        origin: 'health' as const, created_by: opts.actor.displayName, created_at: at,
      };
      if (seen.has(key(row))) continue;
      seen.add(key(row));
      rows.push(row);
    }
  }
  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const row of rows) ids.push((await repo.insertFinding(trx, row)).id);
    await repo.updateInspectionRow(trx, inspection.id, { updated_at: at });
    await recordAudit(ctx, trx, opts.actor, { action: 'inspection.prefill', entityType: 'inspection', entityId: inspection.id, agencyId: inspection.office_agency_id, ip: opts.ip, data: { added: rows.length, findingIds: ids, on: day } });
  });
  return { added: rows.length };
}

/**
 * Issues the findings: each becomes a rectification task for its agency, due on the date the
 * office sets or by default 10 working days from today.
 */
export async function issueInspection(ctx: AppContext, opts: ActorOpts & { id: number; input: unknown }) {
  const inspection = await plannedInspection(ctx, opts.actor, opts.id);
  const input = parseInput(issueInput, opts.input, inspectionLabels);
  const day = today(ctx);
  let rectifyBy = input.rectifyBy;
  if (!rectifyBy) {
    try {
      rectifyBy = defaultRectificationDueOn(day, await loadCalendar(ctx));
    } catch (error) {
      if (error instanceof Error && error.name === 'CalendarNotCoveredError') throw new AppError('INVALID_STATE', `无法按工作日计算整改期限：${error.message}。请直接填写整改期限`);
      throw error;
    }
  }
  if (rectifyBy <= day) throw validationError([{ field: 'rectifyBy', message: '整改期限：应晚于今天' }]);
  const findings = await repo.listFindings(ctx.database.db, inspection.id);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await repo.updateInspectionRow(trx, inspection.id, { status: 'issued', issued_on: day, rectify_by: rectifyBy, updated_at: at });
    for (const f of findings) {
      const task = await repo.insertTask(trx, { finding_id: f.id, inspection_id: inspection.id, agency_id: f.agency_id, due_on: rectifyBy!, status: 'open', answered_on: null, accepted_on: null, returns: 0, created_at: at, updated_at: at });
      await repo.insertStep(trx, { task_id: task.id, action: 'issued', comment: null, due_on: rectifyBy!, actor_user_id: opts.actor.userId || null, actor_name: opts.actor.displayName, on_date: day, at });
    }
    await recordAudit(ctx, trx, opts.actor, {
      action: 'inspection.issue', entityType: 'inspection', entityId: inspection.id, agencyId: inspection.office_agency_id, ip: opts.ip,
      data: { rectifyBy, tasks: findings.length, agencies: [...new Set(findings.map((f) => f.agency_id))] },
    });
    return { inspection: updated, tasks: findings.length };
  });
}

/** A screenshot, for the office of its inspection or the staff of the agency concerned. */
export async function evidenceFile(ctx: AppContext, actor: Actor, evidenceId: number): Promise<repo.Evidence> {
  const evidence = await repo.findEvidence(ctx.database.db, evidenceId);
  const finding = evidence ? await repo.findFinding(ctx.database.db, evidence.finding_id) : undefined;
  const inspection = finding ? await repo.findInspection(ctx.database.db, finding.inspection_id) : undefined;
  if (!evidence || !finding || !inspection) throw notFound('截图');
  const office = inspectionPolicy.viewInspection(actor, inspection.office_agency_id);
  // The agency sees the evidence once its task exists (after the findings are issued).
  const agency = inspection.status === 'issued' && inspectionPolicy.viewTasks(actor, finding.agency_id);
  if (!office && !agency) throw notFound('截图');
  return evidence;
}
