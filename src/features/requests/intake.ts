/**
 * Receiving requests: from the public form (online) and by staff for the other channels.
 * An online request is only received once staff confirm it — 第三十一条(三): for requests over
 * the internet the date of receipt is the day both sides confirmed — so it waits as “submitted”.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { dateOfReceipt, RequestRuleError } from '../../domain/requests/receipt.js';
import type { Channel, ReceiptEvidence } from '../../domain/requests/types.js';
import type { Actor } from '../../domain/roles.js';
import { inScope } from '../../domain/roles.js';
import { nowIso, today, type AppContext } from '../../context.js';
import type { DisclosureRequest } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { recordAudit } from '../audit/service.js';
import { findRequestByTracking, insertRequest } from './repository.js';
import { requestLabels, requesterInput, staffIntakeInput, type RequesterInput } from './schemas.js';
import { requestPolicy } from './policy.js';

/** Stored state of an online request that staff have not yet confirmed (not a legal state). */
export const SUBMITTED = 'submitted';

/** The identity requests are counted under (per-month fees, repeats): ID or credit code, else name + contact. */
export function requesterKey(input: Pick<RequesterInput, 'idNumber' | 'creditCode' | 'requesterName' | 'phone' | 'email'>): string {
  if (input.creditCode) return `org:${input.creditCode}`;
  if (input.idNumber) return `id:${input.idNumber.toUpperCase().replace(/\s/g, '')}`;
  return `name:${input.requesterName.replace(/\s/g, '')}|${(input.phone ?? input.email ?? '').replace(/\s/g, '')}`;
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A private query code of 8 characters (about 40 bits) for the requester to follow the request. */
export function newQueryCode(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/**
 * A tracking number not yet used. Call it before opening the transaction: on SQLite a query on
 * the shared connection inside someone's transaction would wait for itself. The unique index
 * catches the rare race with a concurrent request.
 */
export async function newTrackingNumber(ctx: AppContext): Promise<string> {
  const day = today(ctx).replace(/-/g, '');
  for (let i = 0; i < 20; i++) {
    const candidate = `${day}-${String(randomInt(100000)).padStart(5, '0')}`;
    if (!(await findRequestByTracking(ctx.database.db, candidate))) return candidate;
  }
  throw new AppError('CONFLICT', '生成受理编号失败，请重试');
}

export function requesterColumns(input: RequesterInput) {
  return {
    requester_kind: input.requesterKind,
    requester_name: input.requesterName,
    requester_id_type: input.requesterKind === 'naturalPerson' ? input.idType ?? null : null,
    requester_id_number: input.requesterKind === 'naturalPerson' ? input.idNumber?.toUpperCase() ?? null : null,
    requester_credit_code: input.requesterKind === 'naturalPerson' ? null : input.creditCode ?? null,
    requester_phone: input.phone ?? null,
    requester_email: input.email ?? null,
    requester_address: input.address ?? null,
    requester_key: requesterKey(input),
    description: input.description,
    preferred_form: input.preferredForm,
    delivery_way: input.deliveryWay,
  };
}

export interface Submitted {
  request: DisclosureRequest;
  /** Shown once to the requester; only its hash is stored. */
  queryCode: string;
}

/** A member of the public files a request online. It waits for staff to confirm receipt. */
export async function submitOnlineRequest(ctx: AppContext, opts: { agencyId: unknown; input: unknown; ip?: string }): Promise<Submitted> {
  const agencyId = Number(opts.agencyId);
  const agency = Number.isSafeInteger(agencyId) && agencyId > 0 ? await findAgency(ctx.database.db, agencyId) : undefined;
  if (!agency) throw validationError([{ field: 'agencyId', message: '受理单位：请选择受理单位' }]);
  const input = parseInput(requesterInput, opts.input, requestLabels);
  const queryCode = newQueryCode();
  const trackingNumber = await newTrackingNumber(ctx);
  const at = nowIso(ctx);
  const request = await ctx.database.db.transaction().execute(async (trx) => {
    const request = await insertRequest(trx, {
      agency_id: agency.id, tracking_number: trackingNumber, query_code_hash: hashQueryCode(queryCode),
      ...requesterColumns(input), channel: 'online', received_on: today(ctx), state: SUBMITTED, outcome: null, handled_on: null,
      due_date: null, due_flag: null, handler_user_id: null, public_log: 0, created_at: at, updated_at: at,
    });
    await recordAudit(ctx, trx, { userId: null, displayName: '公众（网上申请）' }, {
      action: 'request.submit', entityType: 'request', entityId: request.id, agencyId: agency.id, ip: opts.ip,
      data: { trackingNumber: request.tracking_number, channel: 'online' },
    });
    return request;
  });
  return { request, queryCode };
}

/**
 * Staff register a request received in person, by post, fax, email or orally, with the evidence
 * that fixes the date of receipt. The registered event itself is written by the caller's
 * event machinery (see service.ts), in the same transaction.
 */
export async function prepareStaffIntake(ctx: AppContext, opts: { actor: Actor; input: unknown }) {
  const body = (opts.input ?? {}) as Record<string, unknown>;
  const intake = parseInput(staffIntakeInput, body, requestLabels);
  const input = parseInput(requesterInput, body, requestLabels);
  const agency = await findAgency(ctx.database.db, intake.agencyId);
  if (!agency || !inScope(opts.actor, agency.id)) throw notFound('受理单位');
  if (!requestPolicy.handle(opts.actor, agency.id)) throw forbidden('无权为该单位登记申请');
  if (intake.channel === 'online') throw validationError([{ field: 'channel', message: '申请渠道：网上申请由申请人在门户网站提交' }]);
  const evidence: ReceiptEvidence = { submittedOn: intake.submittedOn, signedOn: intake.signedOn, confirmedOn: intake.confirmedOn };
  let receivedOn: string;
  try {
    receivedOn = dateOfReceipt(intake.channel as Channel, evidence);
  } catch (error) {
    if (error instanceof RequestRuleError) throw validationError([{ field: 'receivedOn', message: error.message }]);
    throw error;
  }
  if (receivedOn > today(ctx)) throw validationError([{ field: 'receivedOn', message: '收到申请的日期不能晚于今天' }]);
  return { agency, channel: intake.channel as Channel, evidence, receivedOn, columns: requesterColumns(input) };
}

