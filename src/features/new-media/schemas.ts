/** Input of the 政务新媒体 forms and API calls (also the OpenAPI body schemas). */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import { formId, optionalText, text } from '../../http/validate.js';
import { MAX_MONTHLY_ROWS } from './import-rows.js';
import { CLOSING_STATUSES, MAX_MONTHLY_ITEMS, PLATFORMS } from './rules.js';

const dateMessage = '不是有效的日期（格式 YYYY-MM-DD）';
const date = z.string({ error: '请填写日期' }).trim().refine(isIsoDate, dateMessage);
export const yearInput = z.coerce.number({ error: '请填写年度' }).int('年度不正确').min(2000, '年度不能早于2000年').max(2100, '年度不正确');

/** An account as the form and the API give it. */
export const accountInput = z.object({
  platform: z.enum(PLATFORMS, { error: '请选择平台' }),
  name: text(100),
  platformAccountId: optionalText(100),
  operator: text(200),
  openedOn: date,
  note: optionalText(2000),
});
export type AccountInput = z.infer<typeof accountInput>;

export const newAccountInput = accountInput.extend({ agencyId: formId });

/** 关停 or 整合, from a day, with the reason (整合: into which account). */
export const closeAccountInput = z.object({
  status: z.enum(CLOSING_STATUSES, { error: '请选择关停或整合' }),
  closedOn: date,
  reason: text(500),
});

/** One month's count: absent = unchanged, blank or null = removed, else a count. */
const monthValue = z.preprocess(
  (v) => (v === null ? '' : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/[,，]/g, '') : v),
  z.string({ error: '请填写整数' }).regex(/^(\d{1,9})?$/, '应为不小于0的整数').refine((s) => !/^\d+$/.test(s) || Number(s) <= MAX_MONTHLY_ITEMS, `不能超过${MAX_MONTHLY_ITEMS}`).optional(),
);

/** The month grid of an account for a year: m1 … m12. */
export const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
export const monthsInput = z.object({ year: yearInput, ...Object.fromEntries(MONTH_KEYS.map((k) => [k, monthValue])) } as { year: typeof yearInput } & Record<string, typeof monthValue>);

/** Monthly counts sent as JSON: the rows of the import template. */
export const apiImportInput = z.object({
  agencyId: formId,
  rows: z
    .array(z.object({ account: z.string(), platform: z.string().optional(), month: z.union([z.string(), z.number()]), items: z.union([z.string(), z.number()]) }), { error: '应为行的列表' })
    .min(1, '至少一行')
    .max(MAX_MONTHLY_ROWS, `一次最多${MAX_MONTHLY_ROWS}行`),
});

export const newMediaLabels: Record<string, string> = {
  agencyId: '单位', platform: '平台', name: '账号名称', platformAccountId: '账号ID', operator: '运营主体', openedOn: '开通日期', note: '备注',
  status: '关停或整合', closedOn: '关停（整合）日期', reason: '原因', year: '年度', rows: '行',
  ...Object.fromEntries(MONTH_KEYS.map((k, i) => [k, `${i + 1}月发布条数`])),
};
