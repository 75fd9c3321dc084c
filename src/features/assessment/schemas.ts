/** Input of the assessment forms and API calls (also the OpenAPI body schemas). */
import { z } from 'zod';
import { MAX_ITEM_SCORE, RULE_KINDS } from '../../domain/assessment/rules.js';
import { formId, optionalText, text } from '../../http/validate.js';

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export const yearInput = z.coerce.number({ error: '请填写年度' }).int('年度不正确').min(2019, '年度不能早于2019年').max(2100, '年度不正确');

/** Points: positive, at most two decimals. */
const points = z.preprocess(
  trimmed,
  z.coerce.number({ error: '请填写分数' }).refine(Number.isFinite, '应为数字').refine((x) => Math.round(x * 100) === Math.round(x * 1e6) / 1e4, '最多2位小数'),
);

/** An item of the score sheet as the form and the API give it. */
export const itemInput = z.object({
  name: text(100),
  rule: z.enum(RULE_KINDS, { error: '请选择计分方式' }),
  maxScore: points,
  deduction: z.preprocess(blank, points.optional()),
  sortOrder: z.preprocess(blank, z.coerce.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负数').max(999, '不能超过999').optional()),
});
export type ItemInput = z.infer<typeof itemInput>;

export const newItemInput = itemInput.extend({ officeId: formId, year: yearInput });

/** Starting a year's sheet: the default items, or a copy of the previous year's. */
export const setupInput = z.object({
  officeId: formId,
  year: yearInput,
  from: z.enum(['default', 'previous'], { error: '请选择默认评分项或上一年度的评分项' }),
});

/** Scores of a manual item: each agency's score (null or blank: not scored) and a note. */
export const scoresInput = z.object({
  scores: z
    .array(z.object({
      agencyId: formId,
      score: z.preprocess(blank, points.refine((x) => x >= 0, '不能为负数').refine((x) => x <= MAX_ITEM_SCORE, `不能超过${MAX_ITEM_SCORE}`).optional()),
      note: optionalText(500),
    }), { error: '应为各单位评分的列表' })
    .max(5000, '单位过多'),
});

export const assessmentLabels: Record<string, string> = {
  officeId: '公开办', year: '年度', name: '评分项名称', rule: '计分方式', maxScore: '分值', deduction: '每次扣分', sortOrder: '序号', from: '评分项来源', scores: '评分',
};

/** The scoring form's fields as the API's input: s_<agencyId> = score, n_<agencyId> = note. */
export function scoresFormInput(body: Record<string, unknown>): { scores: Array<{ agencyId: string; score: unknown; note: unknown }> } {
  const scores: Array<{ agencyId: string; score: unknown; note: unknown }> = [];
  for (const [k, v] of Object.entries(body)) {
    const m = /^s_(\d{1,10})$/.exec(k);
    if (m) scores.push({ agencyId: m[1]!, score: v, note: body[`n_${m[1]}`] });
  }
  return { scores };
}
