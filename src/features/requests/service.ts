/**
 * Use cases of disclosure requests: registration, every step of the procedure as an event on
 * the timeline (checked by the state machine, clock recomputed, audited, in one transaction),
 * and what the requester sees.
 */
import { z } from 'zod';
import { defaultClarificationDueBy, feePaymentDeadline, isIsoDate, type WorkingDayCalendar } from '../../domain/calendar/index.js';
import {
  allowedEvents, applyEvent, computeFee, handledOn, outcomeOf, replay, requestClock, requestOrdinalInMonth, RequestRuleError,
  findRepeats, type Outcome, type RepeatMatch, type RequestEvent, type RequestEventType, type RequestState,
} from '../../domain/requests/index.js';
import { OUTCOME_ROWS_2021 } from '../../domain/report/format.js';
import type { Actor } from '../../domain/roles.js';
import { nowIso, today, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { DisclosureRequest, RequestEventRow } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import { hashQueryCode, newQueryCode, newTrackingNumber, prepareStaffIntake, SUBMITTED } from './intake.js';
import { requestPolicy } from './policy.js';
import { findRequest, findRequestByTracking, insertEvent, insertRequest, listEvents, listLetters, previousRequestsOf, requestsOfRequesterInMonth, updateRequestRow } from './repository.js';

export function toDomainEvents(rows: readonly RequestEventRow[]): RequestEvent[] {
  return rows.map((r) => ({ ...(JSON.parse(r.data) as object), type: r.type, on: r.on_date }) as RequestEvent);
}

/** Cached columns derived from the timeline, so lists and sweeps need no replay. */
function derived(events: readonly RequestEvent[], calendar: WorkingDayCalendar, day: string) {
  const clock = requestClock(events, calendar, day);
  return { state: clock.state, outcome: outcomeOf(events), handled_on: handledOn(events), due_date: clock.dueDate };
}

function ruleError(error: unknown): never {
  if (error instanceof RequestRuleError) throw new AppError('INVALID_STATE', error.message);
  if (error instanceof Error && error.name === 'CalendarNotCoveredError') throw new AppError('INVALID_STATE', error.message);
  throw error;
}

/** Appends an event inside the caller's transaction: checked, clock recomputed, audited. */
export async function appendEventInTransaction(ctx: AppContext, trx: Executor, request: DisclosureRequest, history: RequestEvent[], event: RequestEvent, actor: Pick<Actor, 'userId' | 'displayName'>, calendar: WorkingDayCalendar, ip?: string) {
  const state = request.state === SUBMITTED ? null : replay(history);
  try {
    applyEvent(state, event, history);
  } catch (error) {
    ruleError(error);
  }
  const events = [...history, event];
  let columns: ReturnType<typeof derived>;
  try {
    columns = derived(events, calendar, today(ctx));
  } catch (error) {
    // A legal fact is recorded even when the due date cannot be computed (a year without its
    // holiday schedule): the request page shows why the date is missing until the calendar has it.
    if (!(error instanceof Error && error.name === 'CalendarNotCoveredError')) ruleError(error);
    columns = { state: replay(events), outcome: outcomeOf(events), handled_on: handledOn(events), due_date: null };
  }
  const { type, on, ...data } = event;
  await insertEvent(trx, { request_id: request.id, seq: events.length, type, on_date: on, data: JSON.stringify(data), actor_user_id: actor.userId || null, actor_name: actor.displayName, at: nowIso(ctx) });
  const updated = await updateRequestRow(trx, request.id, {
    ...columns, ...(type === 'registered' ? { received_on: on } : {}), due_flag: columns.handled_on ? null : request.due_flag, updated_at: nowIso(ctx),
  });
  await recordAudit(ctx, trx, actor, {
    action: `request.${type}`, entityType: 'request', entityId: request.id, agencyId: request.agency_id, ip, data: { ...data, on, trackingNumber: request.tracking_number },
  });
  return updated;
}

/** Staff register a request that arrived in person, by post, fax, email or orally. */
export async function registerRequest(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }) {
  const intake = await prepareStaffIntake(ctx, { actor: opts.actor, input: opts.input });
  const calendar = await loadCalendar(ctx);
  const queryCode = newQueryCode();
  const trackingNumber = await newTrackingNumber(ctx);
  const at = nowIso(ctx);
  const request = await ctx.database.db.transaction().execute(async (trx) => {
    const created = await insertRequest(trx, {
      agency_id: intake.agency.id, tracking_number: trackingNumber, query_code_hash: hashQueryCode(queryCode), ...intake.columns,
      channel: intake.channel, received_on: intake.receivedOn, state: 'registered', outcome: null, handled_on: null, due_date: null, due_flag: null,
      handler_user_id: opts.actor.userId || null, public_log: 0, created_at: at, updated_at: at,
    });
    return appendEventInTransaction(ctx, trx, { ...created, state: SUBMITTED }, [], { type: 'registered', on: intake.receivedOn, channel: intake.channel, evidence: intake.evidence }, opts.actor, calendar, opts.ip);
  });
  return { request, queryCode };
}

export interface RequestView {
  request: DisclosureRequest;
  /** Earlier requests of the same requester asking for much the same (第三十五条; 三（五）2). */
  repeats: Array<RepeatMatch & { trackingNumber: string }>;
  events: RequestEvent[];
  rows: RequestEventRow[];
  clock: ReturnType<typeof requestClock> | null;
  allowed: RequestEventType[];
  letters: Awaited<ReturnType<typeof listLetters>>;
  /** Set when the calendar cannot compute the clock (a year without its schedule). */
  clockError: string | null;
}

async function viewOf(ctx: AppContext, request: DisclosureRequest): Promise<RequestView> {
  const rows = await listEvents(ctx.database.db, request.id);
  const events = toDomainEvents(rows);
  const letters = await listLetters(ctx.database.db, request.id);
  const previous = await previousRequestsOf(ctx.database.db, request.agency_id, request.requester_key, request.id);
  const tracking = new Map(previous.map((p) => [String(p.id), p.tracking_number]));
  const repeats = findRepeats(
    { requesterKey: request.requester_key, text: request.description, receivedOn: request.received_on },
    previous.map((p) => ({ id: String(p.id), requesterKey: p.requester_key, text: p.description, receivedOn: p.received_on, outcome: p.outcome as Outcome | null })),
  ).map((m) => ({ ...m, trackingNumber: tracking.get(m.id) ?? m.id }));
  if (request.state === SUBMITTED) return { request, repeats, events, rows, clock: null, allowed: ['registered'], letters, clockError: null };
  const calendar = await loadCalendar(ctx);
  try {
    const clock = requestClock(events, calendar, today(ctx));
    return { request, repeats, events, rows, clock, allowed: allowedEvents(clock.state, events), letters, clockError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { request, repeats, events, rows, clock: null, allowed: allowedEvents(replay(events), events), letters, clockError: message };
  }
}

export async function getRequest(ctx: AppContext, actor: Actor, id: number): Promise<RequestView> {
  const request = await findRequest(ctx.database.db, id);
  if (!request || !requestPolicy.view(actor, request.agency_id)) throw notFound('申请');
  return viewOf(ctx, request);
}

const date = z.string({ error: '请填写日期' }).refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）');
const text = (max: number) => z.string({ error: '请填写此项' }).trim().min(1, '请填写此项').max(max, `不能超过${max}个字`);
const EVENT_INPUTS = {
  registered: z.object({ on: date }),
  clarificationRequested: z.object({ on: date, dueBy: z.preprocess((v) => (v === '' ? undefined : v), date.optional()), items: text(2000) }),
  clarified: z.object({ on: date }),
  clarificationLapsed: z.object({ on: date }),
  consultationStarted: z.object({ on: date, party: z.enum(['thirdParty', 'agency'], { error: '请选择征求意见对象' }), with: text(200) }),
  consultationEnded: z.object({ on: date, opinion: text(2000) }),
  extended: z.object({ on: date, days: z.coerce.number({ error: '请填写延长天数' }).int('应为整数'), reason: text(1000) }),
  feeNoticed: z.object({ on: date, method: z.enum(['perRequest', 'perPage'], { error: '请选择收费方式' }), pages: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(1_000_000).optional()) }),
  feePaid: z.object({ on: date }),
  feeLapsed: z.object({ on: date }),
  decided: z.object({ on: date, outcome: z.enum(OUTCOME_ROWS_2021, { error: '请选择办理结果' }), articles: z.preprocess((v) => (typeof v === 'string' ? v.split(/[，,、\s]+/).filter(Boolean) : v ?? []), z.array(z.string().max(50)).max(20)), reason: text(5000), withheldParts: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(5000).optional()) }),
  replied: z.object({ on: date, letterNumber: text(100), delivery: text(200) }),
  closed: z.object({ on: date }),
  withdrawn: z.object({ on: date, reason: text(1000) }),
} satisfies Record<RequestEventType, z.ZodType>;
const EVENT_LABELS = { on: '日期', dueBy: '补正期限', items: '需补正的内容', party: '征求意见对象', with: '对象名称', opinion: '意见', days: '延长天数', reason: '理由', method: '收费方式', pages: '页数', outcome: '办理结果', articles: '依据条款', withheldParts: '不予公开的部分', letterNumber: '答复文号', delivery: '送达方式' };

/** Records one step of the procedure on a request. */
export async function recordRequestEvent(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }) {
  const request = await findRequest(ctx.database.db, opts.id);
  if (!request || !requestPolicy.view(opts.actor, request.agency_id)) throw notFound('申请');
  if (!requestPolicy.handle(opts.actor, request.agency_id)) throw forbidden('无权办理该申请');
  const body = (opts.input ?? {}) as Record<string, unknown>;
  const type = body.type as RequestEventType;
  if (!(type in EVENT_INPUTS)) throw validationError([{ field: 'type', message: '操作：不是有效的办理步骤' }]);
  if (type === 'extended' && !requestPolicy.approve(opts.actor, request.agency_id)) throw forbidden('延期答复须经机关负责人（审批人）同意（第三十三条）');
  const input = parseInput(EVENT_INPUTS[type], body, EVENT_LABELS) as Record<string, unknown> & { on: string };
  if (input.on > today(ctx)) throw validationError([{ field: 'on', message: '日期：不能晚于今天' }]);
  const calendar = await loadCalendar(ctx);
  const history = toDomainEvents(await listEvents(ctx.database.db, request.id));
  let event: RequestEvent;
  try {
    event = await buildEvent(ctx, request, type, input, opts.actor, calendar);
  } catch (error) {
    ruleError(error);
  }
  return ctx.database.db.transaction().execute((trx) => appendEventInTransaction(ctx, trx, request, history, event, opts.actor, calendar, opts.ip));
}

/** Completes the event with what gongkai computes: deadlines, the fee, the approver. */
async function buildEvent(ctx: AppContext, request: DisclosureRequest, type: RequestEventType, input: Record<string, unknown> & { on: string }, actor: Actor, calendar: WorkingDayCalendar): Promise<RequestEvent> {
  switch (type) {
    case 'registered':
      // Confirming an online request: 第三十一条(三), the day both sides confirmed.
      return { type, on: input.on, channel: 'online', evidence: { confirmedOn: input.on } };
    case 'clarificationRequested':
      return { type, on: input.on, dueBy: (input.dueBy as string | undefined) ?? defaultClarificationDueBy(input.on, calendar), items: input.items as string };
    case 'extended':
      return { type, on: input.on, days: input.days as number, approvedBy: actor.displayName, reason: input.reason as string };
    case 'feeNoticed': {
      const method = input.method as 'perRequest' | 'perPage';
      let fee;
      if (method === 'perPage') {
        if (input.pages === undefined) throw validationError([{ field: 'pages', message: '页数：按量收费须填写页数' }]);
        fee = computeFee({ method, pages: input.pages as number });
      } else {
        const month = request.received_on.slice(0, 7);
        const same = await requestsOfRequesterInMonth(ctx.database.db, request.agency_id, request.requester_key, month);
        fee = computeFee({ method, ordinalInMonth: requestOrdinalInMonth(same.map((r) => r.received_on), request.received_on, same.findIndex((r) => r.id === request.id)) });
      }
      if (fee.amountYuan === 0) throw new AppError('INVALID_STATE', `按规定无需收费：${fee.basis}`);
      return { type, on: input.on, amountYuan: fee.amountYuan, method, dueBy: feePaymentDeadline(input.on, calendar) };
    }
    case 'feePaid': {
      const history = toDomainEvents(await listEvents(ctx.database.db, request.id));
      const notice = history.find((e) => e.type === 'feeNoticed');
      return { type, on: input.on, amountYuan: notice && notice.type === 'feeNoticed' ? notice.amountYuan : 0 };
    }
    default:
      return { type, ...input } as RequestEvent;
  }
}

/**
 * Shows or hides a handled request in the public request log (without the requester's identity).
 * The agency decides per request: the description may name people and must be checked first.
 */
export async function setPublicLog(ctx: AppContext, opts: { actor: Actor; id: number; visible: boolean; ip?: string }) {
  const request = await findRequest(ctx.database.db, opts.id);
  if (!request || !requestPolicy.view(opts.actor, request.agency_id)) throw notFound('申请');
  if (!requestPolicy.approve(opts.actor, request.agency_id)) throw forbidden('是否公布由机关负责人（审批人）决定');
  if (opts.visible && !request.handled_on) throw new AppError('INVALID_STATE', '只有已办结的申请可以公布');
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateRequestRow(trx, request.id, { public_log: opts.visible ? 1 : 0, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: opts.visible ? 'request.publishLog' : 'request.unpublishLog', entityType: 'request', entityId: request.id, agencyId: request.agency_id, ip: opts.ip });
    return updated;
  });
}

/** What the requester sees with the tracking number and the private query code. */
export async function trackRequest(ctx: AppContext, input: { trackingNumber: unknown; queryCode: unknown }) {
  const number = typeof input.trackingNumber === 'string' ? input.trackingNumber.trim() : '';
  const code = typeof input.queryCode === 'string' ? input.queryCode.trim() : '';
  const request = number && code ? await findRequestByTracking(ctx.database.db, number) : undefined;
  // One answer for an unknown number and a wrong code: the number alone reveals nothing.
  if (!request || request.query_code_hash !== hashQueryCode(code)) throw new AppError('NOT_FOUND', '受理编号或查询码不正确');
  return viewOf(ctx, request);
}

export type { RequestState };
