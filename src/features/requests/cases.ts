/**
 * Administrative reconsideration and litigation about disclosure decisions (report section 四):
 * recorded against the agency, and against a request where there is one.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import type { Actor } from '../../domain/roles.js';
import { nowIso, today, type AppContext } from '../../context.js';
import { forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { recordAudit } from '../audit/service.js';
import { requestPolicy } from './policy.js';
import { findCase, findRequestByTracking, insertCase, listCases, updateCase } from './repository.js';

export const CASE_KIND_LABELS = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
} as const;
export const CASE_RESULT_LABELS = { upheld: '结果维持', corrected: '结果纠正', otherResult: '其他结果' } as const;

const blank = (v: unknown) => (v === '' ? undefined : v);
const date = z.string().refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）');
const caseInput = z.object({
  agencyId: z.coerce.number({ error: '请选择单位' }).int().positive(),
  trackingNumber: z.preprocess(blank, z.string().trim().max(40).optional()),
  kind: z.enum(['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'], { error: '请选择案件类型' }),
  caseNumber: z.preprocess(blank, z.string().trim().max(100).optional()),
  filedOn: date,
  result: z.preprocess(blank, z.enum(['upheld', 'corrected', 'otherResult'], { error: '请选择结果' }).optional()),
  decidedOn: z.preprocess(blank, date.optional()),
  note: z.preprocess(blank, z.string().trim().max(2000).optional()),
});
const labels = { agencyId: '单位', trackingNumber: '申请受理编号', kind: '案件类型', caseNumber: '案号', filedOn: '立案（申请）日期', result: '结果', decidedOn: '审结日期', note: '备注' };

function check(input: z.infer<typeof caseInput>, day: string) {
  const errors = [];
  if (input.filedOn > day) errors.push({ field: 'filedOn', message: '立案（申请）日期：不能晚于今天' });
  if (Boolean(input.result) !== Boolean(input.decidedOn)) errors.push({ field: 'decidedOn', message: '结果与审结日期须同时填写（未审结的两项都不填）' });
  if (input.decidedOn && input.decidedOn < input.filedOn) errors.push({ field: 'decidedOn', message: '审结日期：不能早于立案日期' });
  if (errors.length) throw validationError(errors);
}

export async function listReviewCases(ctx: AppContext, actor: Actor) {
  return listCases(ctx.database.db, actor.scope === 'all' ? null : [...actor.scope].filter((id) => requestPolicy.view(actor, id)));
}

export async function saveReviewCase(ctx: AppContext, opts: { actor: Actor; id?: number; input: unknown; ip?: string }) {
  const input = parseInput(caseInput, opts.input, labels);
  check(input, today(ctx));
  const agency = await findAgency(ctx.database.db, input.agencyId);
  if (!agency || !requestPolicy.view(opts.actor, agency.id)) throw notFound('单位');
  if (!requestPolicy.handle(opts.actor, agency.id)) throw forbidden('无权登记该单位的复议诉讼案件');
  let requestId: number | null = null;
  if (input.trackingNumber) {
    const request = await findRequestByTracking(ctx.database.db, input.trackingNumber);
    if (!request || request.agency_id !== agency.id) throw validationError([{ field: 'trackingNumber', message: '申请受理编号：本单位没有该申请' }]);
    requestId = request.id;
  }
  const existing = opts.id ? await findCase(ctx.database.db, opts.id) : undefined;
  if (opts.id && (!existing || !requestPolicy.handle(opts.actor, existing.agency_id))) throw notFound('案件');
  const at = nowIso(ctx);
  const values = {
    agency_id: agency.id, request_id: requestId, kind: input.kind, case_number: input.caseNumber ?? null, filed_on: input.filedOn,
    result: input.result ?? null, decided_on: input.decidedOn ?? null, note: input.note ?? null, updated_at: at,
  };
  return ctx.database.db.transaction().execute(async (trx) => {
    const saved = existing ? await updateCase(trx, existing.id, values) : await insertCase(trx, { ...values, created_at: at });
    await recordAudit(ctx, trx, opts.actor, {
      action: existing ? 'reviewCase.update' : 'reviewCase.create', entityType: 'reviewCase', entityId: saved.id, agencyId: agency.id, ip: opts.ip,
      data: { kind: saved.kind, filedOn: saved.filed_on, result: saved.result, decidedOn: saved.decided_on, requestId },
    });
    return saved;
  });
}
