/** Input of inspection, rectification and notice forms and API calls (zod; Chinese messages). */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import { INDICATOR_KEYS } from '../../domain/inspections/indicators.js';
import { isValidNoticePrefix } from '../../domain/inspections/notice.js';
import { INSPECTION_KINDS } from '../../domain/inspections/rectification.js';
import { formId, formList, optionalText, text } from '../../http/validate.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const dateMessage = '不是有效的日期（格式 YYYY-MM-DD）';
const optionalDate = z.preprocess(blank, z.string().trim().refine(isIsoDate, dateMessage).optional());
/** A link to the page inspected: a full http(s) address or a path on this portal. */
const optionalUrl = z.preprocess(
  blank,
  z.string().trim().max(500, '不能超过500个字符').refine((v) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(v), '应为以 http://、https:// 或 / 开头的网址').optional(),
);
const checkbox = z.preprocess((v) => v === '1' || v === 'on' || v === true || v === 'true', z.boolean());

export const planInput = z
  .object({
    title: optionalText(200),
    kind: z.enum(INSPECTION_KINDS, { error: '请选择检查类型' }),
    year: z.preprocess(blank, z.coerce.number({ error: '请填写年度' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确').optional()),
    quarter: z.preprocess(blank, z.coerce.number({ error: '请选择季度' }).int('季度不正确').min(1, '季度应为1至4').max(4, '季度应为1至4').optional()),
    startsOn: optionalDate,
    endsOn: optionalDate,
    agencyIds: formList(formId).pipe(z.array(z.number()).min(1, '请至少选择一个单位').max(500, '单位过多')),
    /** Inspect each agency's pages on this portal (政府信息公开专栏). */
    sites: checkbox.optional(),
    accountIds: formList(formId).pipe(z.array(z.number()).max(2000, '账号过多')),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'quarterly') {
      if (v.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: '季度检查请填写年度' });
      if (v.quarter === undefined) ctx.addIssue({ code: 'custom', path: ['quarter'], message: '季度检查请选择季度' });
    } else {
      if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: '专项检查请填写检查名称' });
      if (!v.startsOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: '专项检查请填写开始日期' });
      if (!v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '专项检查请填写结束日期' });
    }
    if ((v.startsOn === undefined) !== (v.endsOn === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.startsOn ? 'endsOn' : 'startsOn'], message: '开始日期和结束日期须同时填写' });
    }
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '不能早于开始日期' });
  });
export type PlanInput = z.infer<typeof planInput>;

export const targetInput = z
  .object({
    agencyId: formId,
    kind: z.enum(['site', 'newMedia'], { error: '请选择检查对象类型' }),
    name: optionalText(200),
    url: optionalUrl,
    accountId: z.preprocess(blank, formId.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'newMedia' && v.accountId === undefined) ctx.addIssue({ code: 'custom', path: ['accountId'], message: '请选择已登记的政务新媒体账号' });
    if (v.kind === 'site' && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写网站或页面名称' });
  });

export const findingInput = z.object({
  agencyId: formId,
  targetId: z.preprocess(blank, formId.optional()),
  indicator: z.enum(INDICATOR_KEYS, { error: '请选择检查指标' }),
  description: text(2000),
  url: optionalUrl,
  since: optionalDate,
});

export const issueInput = z.object({ rectifyBy: optionalDate });

export const answerInput = z.object({ description: text(5000) });
export const returnInput = z.object({ comment: text(2000), dueOn: optionalDate });
export const acceptInput = z.object({ comment: optionalText(2000) });

export const noticeInput = z.object({
  title: text(300),
  recipients: text(500),
  intro: text(5000),
  overview: text(10_000),
  problems: text(20_000),
  requirements: text(10_000),
});

export const issueNoticeInput = z.object({ visibility: z.enum(['internal', 'public'], { error: '请选择公开方式' }) });

export const prefixInput = z.object({
  prefix: z.string({ error: '请填写此项' }).trim().refine(isValidNoticePrefix, '应为2至20个汉字或字母，不含括号、年份和序号（如“青政办通”）'),
});

export const inspectionLabels: Record<string, string> = {
  title: '检查名称', kind: '检查类型', year: '年度', quarter: '季度', startsOn: '开始日期', endsOn: '结束日期', agencyIds: '检查单位', sites: '检查网站',
  accountIds: '政务新媒体账号', note: '备注', agencyId: '单位', name: '名称', url: '网址', accountId: '政务新媒体账号', targetId: '检查对象',
  indicator: '检查指标', description: '问题描述', since: '问题起始日期', rectifyBy: '整改期限', comment: '意见', dueOn: '新的整改期限',
  recipients: '主送机关', intro: '开头', overview: '总体情况', problems: '存在的主要问题', requirements: '整改要求', visibility: '公开方式',
  prefix: '发文字号前缀', file: '截图',
};
