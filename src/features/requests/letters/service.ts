/**
 * Letters of a request: drafted from the agency's template (or the default) with the values
 * gongkai knows from the timeline, approved and numbered by the office head, then sent — and
 * sending the reply letter records the reply on the timeline.
 */
import { consultationDeadline } from '../../../domain/calendar/index.js';
import { computeFee, requestClock, requestOrdinalInMonth, type RequestEvent } from '../../../domain/requests/index.js';
import { fillTemplate, letterNumber, type LetterValues } from '../../../domain/requests/letters/fill.js';
import { addresseeOf, isLetterKind, isReplyKind, letterSeries, outcomeOfReply, type LetterKind } from '../../../domain/requests/letters/kinds.js';
import { FEE_STANDARDS } from '../../../domain/requests/letters/phrases.js';
import { PLACEHOLDERS } from '../../../domain/requests/letters/placeholders.js';
import { defaultTemplate, type LetterTemplate } from '../../../domain/requests/letters/templates.js';
import type { Actor } from '../../../domain/roles.js';
import { nowIso, today, type AppContext } from '../../../context.js';
import type { DisclosureRequest, RequestLetter } from '../../../db/schema.js';
import { AppError, forbidden, notFound, validationError } from '../../../errors.js';
import { findAgency } from '../../agencies/repository.js';
import { recordAudit } from '../../audit/service.js';
import { loadCalendar } from '../../calendar/service.js';
import { requestPolicy } from '../policy.js';
import { findLetter, findRequest, insertLetter, listEvents, nextLetterSerial, requestsOfRequesterInMonth, updateLetter } from '../repository.js';
import { appendEventInTransaction, toDomainEvents } from '../service.js';
import { DELIVERY_WAY_LABELS } from '../schemas.js';
import type { LetterForRender } from './letter.js';

const last = <T extends RequestEvent['type']>(events: readonly RequestEvent[], type: T) =>
  [...events].reverse().find((e) => e.type === type) as Extract<RequestEvent, { type: T }> | undefined;

/** The letters this request's timeline calls for, in the order they arise. */
export function letterKindsFor(events: readonly RequestEvent[]): LetterKind[] {
  const kinds: LetterKind[] = [];
  if (last(events, 'clarificationRequested')) kinds.push('clarificationNotice');
  const consultation = last(events, 'consultationStarted');
  if (consultation) kinds.push(consultation.party === 'agency' ? 'agencyConsultationLetter' : 'consultationLetter');
  if (last(events, 'extended')) kinds.push('extensionNotice');
  if (last(events, 'feeNoticed')) kinds.push('feeNotice');
  const decided = last(events, 'decided');
  if (decided) {
    kinds.push(decided.outcome);
    if (decided.outcome === 'granted') kinds.push('granted.alreadyPublished');
    if (decided.outcome === 'unavailable.notHeld') kinds.push('unavailable.notResponsible');
  }
  return kinds;
}

/** What gongkai fills in from the request and its timeline. */
async function knownValues(ctx: AppContext, request: DisclosureRequest, events: readonly RequestEvent[], kind: LetterKind, agencyName: string): Promise<Record<string, string>> {
  const calendar = await loadCalendar(ctx);
  const clock = requestClock(events, calendar, today(ctx));
  const values: Record<string, string> = {
    requesterName: request.requester_name, agencyName, receivedOn: request.received_on, requestSummary: request.description,
  };
  if (clock.dueDate) values.dueDate = clock.dueDate;
  const clarification = last(events, 'clarificationRequested');
  if (clarification) Object.assign(values, { clarificationItems: clarification.items, clarificationRequestedOn: clarification.on, ...(kind === 'clarificationNotice' ? { dueDate: clarification.dueBy } : {}) });
  const clarified = last(events, 'clarified');
  if (clarified) values.clarifiedOn = clarified.on;
  const consultation = last(events, 'consultationStarted');
  if (consultation) {
    Object.assign(values, { otherAgency: consultation.with, consultedOn: consultation.on });
    if (kind === 'consultationLetter' || kind === 'agencyConsultationLetter') values.dueDate = consultationDeadline(consultation.on, calendar);
  }
  const opinion = last(events, 'consultationEnded');
  if (opinion) values.thirdPartyOpinion = opinion.opinion;
  const extension = last(events, 'extended');
  if (extension && clock.dueDate) Object.assign(values, { extensionDays: String(extension.days), newDueDate: clock.dueDate });
  const fee = last(events, 'feeNoticed');
  if (fee) {
    Object.assign(values, { amountYuan: String(fee.amountYuan), feeNoticedOn: fee.on, feeStandard: FEE_STANDARDS[fee.method] });
    if (kind === 'feeNotice') values.dueDate = fee.dueBy;
    if (fee.method === 'perRequest') {
      const same = await requestsOfRequesterInMonth(ctx.database.db, request.agency_id, request.requester_key, request.received_on.slice(0, 7));
      const ordinal = requestOrdinalInMonth(same.map((r) => r.received_on), request.received_on, same.findIndex((r) => r.id === request.id));
      values.feeCalculation = computeFee({ method: 'perRequest', ordinalInMonth: ordinal }).basis;
    }
  }
  const decided = last(events, 'decided');
  if (decided) {
    values.reason = decided.reason;
    if (decided.withheldParts) values.withheldParts = decided.withheldParts;
  }
  return values;
}

async function templateFor(ctx: AppContext, agencyId: number, kind: LetterKind): Promise<LetterTemplate> {
  const override = await ctx.database.db.selectFrom('letter_templates').select('body').where('agency_id', '=', agencyId).where('kind', '=', kind).executeTakeFirst();
  const base = defaultTemplate(kind);
  return override ? { ...base, body: override.body } : base;
}

async function requestFor(ctx: AppContext, actor: Actor, requestId: number) {
  const request = await findRequest(ctx.database.db, requestId);
  if (!request || !requestPolicy.view(actor, request.agency_id)) throw notFound('申请');
  return request;
}

export interface DraftResult {
  letter: RequestLetter;
  /** Placeholders the clerk still has to give (label, for the form). */
  missing: Array<{ name: string; label: string }>;
}

/** Drafts (or re-drafts) the letter of a kind, with the values known plus those the clerk typed. */
export async function draftLetter(ctx: AppContext, opts: { actor: Actor; requestId: number; kind: unknown; values?: Record<string, unknown>; ip?: string }): Promise<DraftResult> {
  const request = await requestFor(ctx, opts.actor, opts.requestId);
  if (!requestPolicy.handle(opts.actor, request.agency_id)) throw forbidden('无权办理该申请');
  const events = toDomainEvents(await listEvents(ctx.database.db, request.id));
  const kind = typeof opts.kind === 'string' && isLetterKind(opts.kind) ? opts.kind : null;
  if (!kind || !letterKindsFor(events).includes(kind)) throw validationError([{ field: 'kind', message: '文书种类：当前办理阶段不需要该文书' }]);
  const agency = (await findAgency(ctx.database.db, request.agency_id))!;
  const typed: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.values ?? {})) {
    if (k in PLACEHOLDERS && typeof v === 'string' && v.trim()) typed[k] = v.trim().slice(0, 5000);
  }
  const values: LetterValues = { ...(await knownValues(ctx, request, events, kind, agency.name)), ...typed };
  const filled = fillTemplate(await templateFor(ctx, agency.id, kind), values);
  const existing = await ctx.database.db.selectFrom('request_letters').selectAll().where('request_id', '=', request.id).where('kind', '=', kind).where('status', '=', 'draft').executeTakeFirst();
  const letter = await ctx.database.db.transaction().execute(async (trx) => {
    const row = { title: filled.title, paragraphs: JSON.stringify(filled.paragraphs) };
    const saved = existing ? await updateLetter(trx, existing.id, row) : await insertLetter(trx, { request_id: request.id, kind, number: null, status: 'draft', approved_by: null, approved_at: null, sent_on: null, created_at: nowIso(ctx), ...row });
    await recordAudit(ctx, trx, opts.actor, { action: 'letter.draft', entityType: 'request', entityId: request.id, agencyId: request.agency_id, ip: opts.ip, data: { kind, letterId: saved.id, missing: filled.missing } });
    return saved;
  });
  return { letter, missing: filled.missing.map((name) => ({ name, label: PLACEHOLDERS[name as keyof typeof PLACEHOLDERS]?.label ?? name })) };
}

async function letterFor(ctx: AppContext, actor: Actor, requestId: number, letterId: number) {
  const request = await requestFor(ctx, actor, requestId);
  const letter = await findLetter(ctx.database.db, letterId);
  if (!letter || letter.request_id !== request.id) throw notFound('文书');
  return { request, letter };
}

/**
 * The office head signs off a draft: it gets its number (per agency, year and series) and can
 * no longer change. A letter with unfilled placeholders cannot be approved.
 */
export async function approveLetter(ctx: AppContext, opts: { actor: Actor; requestId: number; letterId: number; ip?: string }) {
  const { request, letter } = await letterFor(ctx, opts.actor, opts.requestId, opts.letterId);
  if (!requestPolicy.approve(opts.actor, request.agency_id)) throw forbidden('文书须由机关负责人（审批人）签发');
  if (letter.status !== 'draft') throw new AppError('INVALID_STATE', '该文书已签发');
  if (letter.paragraphs.includes('【未填写：')) throw new AppError('INVALID_STATE', '文书尚有未填写的内容，请补充后重新生成');
  const agency = (await findAgency(ctx.database.db, request.agency_id))!;
  const year = Number(today(ctx).slice(0, 4));
  const kind = letter.kind as LetterKind;
  return ctx.database.db.transaction().execute(async (trx) => {
    const serial = await nextLetterSerial(trx, agency.id, year, letterSeries(kind));
    const number = letterNumber(agency.short_name, year, serial, kind);
    const approved = await updateLetter(trx, letter.id, { number, status: 'approved', approved_by: opts.actor.displayName, approved_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'letter.approve', entityType: 'request', entityId: request.id, agencyId: request.agency_id, ip: opts.ip, data: { kind, letterId: letter.id, number } });
    return approved;
  });
}

/** Sends an approved letter. Sending the reply letter records the reply (the request is handled that day). */
export async function sendLetter(ctx: AppContext, opts: { actor: Actor; requestId: number; letterId: number; ip?: string }) {
  const { request, letter } = await letterFor(ctx, opts.actor, opts.requestId, opts.letterId);
  if (!requestPolicy.handle(opts.actor, request.agency_id)) throw forbidden('无权办理该申请');
  if (letter.status !== 'approved') throw new AppError('INVALID_STATE', '文书须先经签发才能发出');
  const kind = letter.kind as LetterKind;
  const events = toDomainEvents(await listEvents(ctx.database.db, request.id));
  const decided = last(events, 'decided');
  const isReply = isReplyKind(kind);
  if (isReply && (!decided || decided.outcome !== outcomeOfReply(kind) || request.state !== 'decided')) {
    throw new AppError('INVALID_STATE', '答复书与当前的答复决定不一致，或申请不处于待答复状态');
  }
  const calendar = await loadCalendar(ctx);
  const on = today(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const sent = await updateLetter(trx, letter.id, { status: 'sent', sent_on: on });
    await recordAudit(ctx, trx, opts.actor, { action: 'letter.send', entityType: 'request', entityId: request.id, agencyId: request.agency_id, ip: opts.ip, data: { kind, number: letter.number } });
    if (isReply) {
      const delivery = DELIVERY_WAY_LABELS[request.delivery_way as keyof typeof DELIVERY_WAY_LABELS] ?? request.delivery_way;
      await appendEventInTransaction(ctx, trx, request, events, { type: 'replied', on, letterNumber: letter.number!, delivery }, opts.actor, calendar, opts.ip);
    }
    return sent;
  });
}

/** The letter as the renderers take it. */
export async function letterForRender(ctx: AppContext, request: DisclosureRequest, letter: RequestLetter): Promise<LetterForRender> {
  const agency = (await findAgency(ctx.database.db, request.agency_id))!;
  // Consultation letters go to the third party or the other agency, everything else to the requester.
  const consulted = addresseeOf(letter.kind as LetterKind) === 'requester' ? null : last(toDomainEvents(await listEvents(ctx.database.db, request.id)), 'consultationStarted');
  return {
    title: letter.title, number: letter.number ?? '（未签发）', recipient: consulted?.with ?? request.requester_name,
    paragraphs: JSON.parse(letter.paragraphs) as string[], agencyName: agency.name,
    date: letter.sent_on ?? letter.approved_at?.slice(0, 10) ?? today(ctx),
  };
}

export { isLetterKind };
