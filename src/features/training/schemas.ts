/** Input of the training forms and API calls (also the OpenAPI body schemas). */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import { formId, optionalText, text } from '../../http/validate.js';

/** Most people one agency may send to one training (a sanity bound). */
export const MAX_PARTICIPANTS = 100_000;

export const yearInput = z.coerce.number({ error: '请填写年度' }).int('年度不正确').min(2000, '年度不能早于2000年').max(2100, '年度不正确');

const count = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(/[,，]/g, '') : v),
  z.coerce.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负数').max(MAX_PARTICIPANTS, `不能超过${MAX_PARTICIPANTS}`),
);

/** A training as the API gives it (the form's p_<agencyId> fields are turned into `participants`). */
export const trainingInput = z.object({
  organiserAgencyId: formId,
  heldOn: z.string({ error: '请填写日期' }).trim().refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）'),
  topic: text(200),
  hours: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.coerce.number({ error: '请填写学时' }).refine((h) => Number.isFinite(h) && h > 0 && h <= 200, '应大于0、不超过200').refine((h) => Math.round(h * 10) === h * 10, '最多1位小数'),
  ),
  note: optionalText(2000),
  participants: z.array(z.object({ agencyId: formId, participants: count }), { error: '应为各单位参训人数的列表' }).max(5000, '单位过多'),
});
export type TrainingInput = z.infer<typeof trainingInput>;

export const trainingLabels: Record<string, string> = {
  organiserAgencyId: '组织单位', heldOn: '培训日期', topic: '培训主题', hours: '学时', note: '备注', participants: '参训人数', year: '年度',
};

/** The form's fields as the API's input: p_<agencyId> = count of that agency's participants (blank = none). */
export function trainingFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const participants: Array<{ agencyId: string; participants: unknown }> = [];
  for (const [k, v] of Object.entries(body)) {
    const m = /^p_(\d{1,10})$/.exec(k);
    if (m && !(typeof v === 'string' && v.trim() === '')) participants.push({ agencyId: m[1]!, participants: v });
  }
  return { organiserAgencyId: body.organiserAgencyId, heldOn: body.heldOn, topic: body.topic, hours: body.hours, note: body.note, participants };
}
