/**
 * Use cases of 政府信息管理: the register of rules and normative documents (entry, edit, repeal,
 * expiry — each with its audit entry, and with the linked published item marked 已废止/已失效 in
 * the same transaction), and the yearly figures of report section 二.
 */
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { FIGURE_KEYS, type FigureKey } from '../../domain/registry/decisions.js';
import {
  documentDateProblems, endDateProblem, EXPIRY_WARNING_DAYS, type DocumentDates, type DocumentKind,
} from '../../domain/registry/documents.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { listAgencies } from '../agencies/service.js';
import type { AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { registryPolicy } from './policy.js';
import { section2FiguresForYear, type Section2Figures } from './report-figures.js';
import {
  deleteFigure, expiringDocuments, findDocument, findDocumentByItem, findDocumentByNumber, findItem, findItemByIndexNumber, insertDocument,
  lapsedDocuments, listDocuments, listFigures, setItemValidity, updateDocumentRow, upsertFigure, type LinkedItem, type RegistryDocument, type RegistryFigure,
} from './repository.js';
import { documentInput, endDocumentInput, figuresInput, newDocumentInput, registryLabels, type DocumentInput } from './schemas.js';

export type { RegistryDocument, RegistryFigure };

/** The agency, if the actor may see its records (NOT_FOUND otherwise: no existence leak). */
export async function registryAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !registryPolicy.view(actor, agency.id)) throw notFound('单位');
  return agency;
}

/**
 * The agencies whose records the actor sees, and the one asked for (?agencyId=), else the
 * actor's own, else the first. An agency asked for outside the scope is NOT_FOUND.
 */
export async function chooseAgency(ctx: AppContext, actor: Actor, raw: unknown): Promise<{ agencies: AgencyNode[]; agency: AgencyNode }> {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => registryPolicy.view(actor, a.id));
  if (agencies.length === 0) throw forbidden('无权查看政府信息管理记录');
  if (raw !== undefined && raw !== '') {
    const agency = agencies.find((a) => String(a.id) === String(raw));
    if (!agency) throw notFound('单位');
    return { agencies, agency };
  }
  return { agencies, agency: agencies.find((a) => a.id === actor.agencyId) ?? agencies[0]! };
}

async function editableAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await registryAgency(ctx, actor, agencyId);
  if (!registryPolicy.edit(actor, agency.id)) throw forbidden('无权修改该单位的政府信息管理记录：信息起草人和管理员可以登记本单位的记录');
  return agency;
}

/** The dates of an entry as the domain rules read them. */
export const datesOf = (d: RegistryDocument): DocumentDates => ({
  kind: d.kind, issuedOn: d.issued_on, validUntil: d.valid_until, repealedOn: d.repealed_on, expiredOn: d.expired_on,
});

/** Entries listed at most (the most recently issued); the filters narrow the list. */
export const REGISTER_LIST_LIMIT = 1000;

export interface RegisterQuery {
  kind?: DocumentKind;
  inForceOn?: string;
  q?: string;
}

/** The register page of an agency: the entries (filtered) and what needs attention. */
export async function listRegister(ctx: AppContext, actor: Actor, agencyId: number, query: RegisterQuery = {}) {
  const agency = await registryAgency(ctx, actor, agencyId);
  const day = today(ctx);
  const db = ctx.database.db;
  return {
    agency,
    documents: await listDocuments(db, { agencyIds: [agency.id], ...query, limit: REGISTER_LIST_LIMIT }),
    expiring: await expiringDocuments(db, [agency.id], day, EXPIRY_WARNING_DAYS),
    lapsed: await lapsedDocuments(db, [agency.id], day),
    today: day,
  };
}

/** One entry with its agency and linked item. */
export async function getDocument(ctx: AppContext, actor: Actor, id: number): Promise<{ document: RegistryDocument; agency: Agency; item: LinkedItem | null }> {
  const document = await findDocument(ctx.database.db, id);
  if (!document || !registryPolicy.view(actor, document.agency_id)) throw notFound('登记的文件');
  const agency = (await findAgency(ctx.database.db, document.agency_id))!;
  const item = document.item_id ? ((await findItem(ctx.database.db, document.item_id)) ?? null) : null;
  return { document, agency, item };
}

/**
 * The published item an entry links, from its id or its 索引号: it must exist, belong to the
 * entry's agency, and not be linked to another entry. Read before the transaction.
 */
async function resolveItem(ctx: AppContext, input: DocumentInput, agencyId: number, selfId: number | null): Promise<LinkedItem | null> {
  const db = ctx.database.db;
  if (input.itemId === undefined && input.itemIndexNumber === undefined) return null;
  const byId = input.itemId !== undefined ? await findItem(db, input.itemId) : undefined;
  const byIndex = input.itemIndexNumber !== undefined ? await findItemByIndexNumber(db, input.itemIndexNumber) : undefined;
  const field = input.itemIndexNumber !== undefined ? 'itemIndexNumber' : 'itemId';
  const label = registryLabels[field]!;
  const item = byId ?? byIndex;
  if (!item || (input.itemId !== undefined && input.itemIndexNumber !== undefined && byId?.id !== byIndex?.id)) {
    throw validationError([{ field, message: `${label}：找不到该公开信息${input.itemIndexNumber !== undefined ? `（索引号${input.itemIndexNumber}）` : ''}` }]);
  }
  if (item.agency_id !== agencyId) throw validationError([{ field, message: `${label}：该公开信息不是本单位发布的` }]);
  const linked = await findDocumentByItem(db, item.id);
  if (linked && linked.id !== selfId) throw validationError([{ field, message: `${label}：该公开信息已关联登记的文件“${linked.title}”` }]);
  return item;
}

function checkDates(input: DocumentInput, day: string) {
  const problems = documentDateProblems({ issuedOn: input.issuedOn, effectiveOn: input.effectiveOn ?? null, validUntil: input.validUntil ?? null, today: day });
  if (problems.length) throw validationError(problems.map((p) => ({ field: p.field, message: `${registryLabels[p.field]}：${p.message}` })));
}

async function assertNumberFree(ctx: AppContext, agencyId: number, documentNumber: string | undefined, selfId: number | null) {
  if (documentNumber === undefined) return;
  const other = await findDocumentByNumber(ctx.database.db, agencyId, documentNumber);
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `文号${documentNumber}已登记（“${other.title}”）`, [{ field: 'documentNumber', message: '文号：本单位已登记该文号的文件' }]);
  }
}

/** The validity the linked item shows for an entry: 已废止 / 已失效 from the recorded date, else 有效. */
function itemValidityOf(d: Pick<RegistryDocument, 'repealed_on' | 'expired_on'>) {
  if (d.repealed_on) return { validity: 'repealed' as const, on: d.repealed_on };
  if (d.expired_on) return { validity: 'expired' as const, on: d.expired_on };
  return { validity: 'valid' as const, on: null };
}

const columnsOf = (input: DocumentInput, item: LinkedItem | null) => ({
  kind: input.kind,
  title: input.title,
  document_number: input.documentNumber ?? null,
  issued_on: input.issuedOn,
  effective_on: input.effectiveOn ?? null,
  valid_until: input.validUntil ?? null,
  item_id: item?.id ?? null,
  note: input.note ?? null,
});

/** Registers a rule or normative document. */
export async function createDocument(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<RegistryDocument> {
  const input = parseInput(newDocumentInput, opts.input, registryLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  checkDates(input, today(ctx));
  await assertNumberFree(ctx, agency.id, input.documentNumber, null);
  const item = await resolveItem(ctx, input, agency.id, null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const created = await insertDocument(trx, {
      agency_id: agency.id, ...columnsOf(input, item), repealed_on: null, repeal_reason: null, expired_on: null, expiry_reason: null, created_at: at, updated_at: at,
    });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'registry.document.create', entityType: 'registryDocument', entityId: created.id, agencyId: agency.id, ip: opts.ip,
      data: { kind: created.kind, title: created.title, documentNumber: created.document_number, issuedOn: created.issued_on, validUntil: created.valid_until, itemId: created.item_id },
    });
    return created;
  });
}

/**
 * Edits an entry (not its repeal or expiry, which are actions of their own). When the linked
 * item changes, the new item takes the entry's validity and an item the entry had marked goes
 * back to 有效.
 */
export async function updateDocument(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<RegistryDocument> {
  const { document: before } = await getDocument(ctx, opts.actor, opts.id);
  await editableAgency(ctx, opts.actor, before.agency_id);
  const input = parseInput(documentInput, opts.input, registryLabels);
  checkDates(input, today(ctx));
  if (before.repealed_on && input.issuedOn > before.repealed_on) throw validationError([{ field: 'issuedOn', message: '印发日期：不能晚于废止日期' }]);
  if (before.expired_on && input.issuedOn > before.expired_on) throw validationError([{ field: 'issuedOn', message: '印发日期：不能晚于失效日期' }]);
  await assertNumberFree(ctx, before.agency_id, input.documentNumber, before.id);
  const item = await resolveItem(ctx, input, before.agency_id, before.id);
  const previousItem = before.item_id && before.item_id !== item?.id ? await findItem(ctx.database.db, before.item_id) : undefined;
  const columns = columnsOf(input, item);
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(columns)) if ((before as Record<string, unknown>)[k] !== v) changed[k] = [(before as Record<string, unknown>)[k], v];
  const ended = itemValidityOf(before);
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateDocumentRow(trx, before.id, { ...columns, updated_at: nowIso(ctx) });
    if (item && item.id !== before.item_id && ended.validity !== 'valid') await setItemValidity(trx, item.id, ended.validity, ended.on, nowIso(ctx));
    if (previousItem && previousItem.validity === ended.validity && previousItem.validity_on === ended.on && ended.validity !== 'valid') {
      await setItemValidity(trx, previousItem.id, 'valid', null, nowIso(ctx));
    }
    await recordAudit(ctx, trx, opts.actor, {
      action: 'registry.document.update', entityType: 'registryDocument', entityId: before.id, agencyId: before.agency_id, ip: opts.ip, data: { changed },
    });
    return updated;
  });
}

/**
 * Records the repeal (废止) or expiry (失效) of an entry on a date with its reason; the linked
 * published item shows 已废止 / 已失效 from then on (set in the same transaction).
 */
export async function endDocument(ctx: AppContext, opts: { actor: Actor; id: number; action: 'repeal' | 'expire'; input: unknown; ip?: string }): Promise<RegistryDocument> {
  const { document: before } = await getDocument(ctx, opts.actor, opts.id);
  await editableAgency(ctx, opts.actor, before.agency_id);
  const input = parseInput(endDocumentInput, opts.input, registryLabels);
  const problem = endDateProblem(datesOf(before), input.on, today(ctx));
  if (problem !== null) {
    if (before.repealed_on || before.expired_on) throw new AppError('INVALID_STATE', problem);
    throw validationError([{ field: 'on', message: `日期：${problem}` }]);
  }
  const repeal = opts.action === 'repeal';
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateDocumentRow(trx, before.id, {
      ...(repeal ? { repealed_on: input.on, repeal_reason: input.reason } : { expired_on: input.on, expiry_reason: input.reason }),
      updated_at: nowIso(ctx),
    });
    if (before.item_id) await setItemValidity(trx, before.item_id, repeal ? 'repealed' : 'expired', input.on, nowIso(ctx));
    await recordAudit(ctx, trx, opts.actor, {
      action: repeal ? 'registry.document.repeal' : 'registry.document.expire', entityType: 'registryDocument', entityId: before.id, agencyId: before.agency_id, ip: opts.ip,
      data: { on: input.on, reason: input.reason, itemId: before.item_id },
    });
    return updated;
  });
}

/** The figures page of an agency and year: what is entered, what was imported, what the report gets. */
export async function getFigures(ctx: AppContext, actor: Actor, agencyId: number, year: number): Promise<{ agency: Agency; year: number; entered: RegistryFigure[]; section2: Section2Figures }> {
  const agency = await registryAgency(ctx, actor, agencyId);
  return { agency, year, entered: await listFigures(ctx.database.db, agency.id, year), section2: await section2FiguresForYear(ctx.database.db, agency.id, year) };
}

/**
 * Saves the year's figures: a key left out stays as it is; a blank (or null) one is removed, so
 * the report falls back to the imported decisions; a value replaces the figure. All or nothing.
 */
export async function saveFigures(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<RegistryFigure[]> {
  const input = parseInput(figuresInput, opts.input, registryLabels) as { agencyId: number; year: number } & Partial<Record<string, string>>;
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const existing = new Map((await listFigures(ctx.database.db, agency.id, input.year)).map((f) => [f.key, f]));
  const at = nowIso(ctx);
  const changed: Record<string, [number | null, number | null]> = {};
  const writes: Array<{ key: FigureKey; value: number | null; note: string | null }> = [];
  for (const key of FIGURE_KEYS) {
    const raw = input[key];
    if (raw === undefined) continue;
    const value = raw === '' ? null : Number(raw);
    const note = input[`${key}Note`] ?? null;
    const before = existing.get(key);
    if ((before?.value ?? null) !== value || (value !== null && (before?.note ?? null) !== note)) {
      writes.push({ key, value, note });
      if ((before?.value ?? null) !== value) changed[key] = [before?.value ?? null, value];
    }
  }
  if (writes.length > 0) {
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const w of writes) {
        if (w.value === null) await deleteFigure(trx, agency.id, input.year, w.key);
        else await upsertFigure(trx, { agency_id: agency.id, year: input.year, key: w.key, value: w.value, note: w.note, entered_by: opts.actor.displayName, updated_at: at });
      }
      await recordAudit(ctx, trx, opts.actor, {
        action: 'registry.figures.save', entityType: 'registryFigures', entityId: `${agency.id}/${input.year}`, agencyId: agency.id, ip: opts.ip,
        data: { year: input.year, changed, notes: Object.fromEntries(writes.map((w) => [w.key, w.note])) },
      });
    });
  }
  return listFigures(ctx.database.db, agency.id, input.year);
}
