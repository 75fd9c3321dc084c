/** Input of proactive publication, validated once (forms and the JSON API alike). */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import { COLUMN_KINDS, INFO_KINDS, SUBJECT_CATEGORIES } from '../../domain/publication/checks.js';
import { formId, optionalText, text } from '../../http/validate.js';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalDate = z.preprocess(blankToUndefined, z.string().refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）').optional());
const optionalId = z.preprocess(blankToUndefined, formId.optional());

/** The largest body accepted (HTML as pasted from an editor, before sanitising). */
export const MAX_BODY_CHARS = 2_000_000;

export const columnInput = z.object({
  name: text(100),
  kind: z.enum(Object.keys(COLUMN_KINDS) as [string, ...string[]], { error: '请选择栏目类型' }),
  parentId: optionalId,
  sortOrder: z.preprocess(blankToUndefined, z.coerce.number().int('必须是整数').min(0).max(9999).optional()),
});
export const columnLabels = { name: '栏目名称', kind: '栏目类型', parentId: '上级栏目', sortOrder: '排序' };

export const itemInput = z.object({
  columnId: formId,
  title: text(300),
  bodyHtml: z.string({ error: '请填写正文' }).max(MAX_BODY_CHARS, '正文过长'),
  infoKind: z.enum(Object.keys(INFO_KINDS) as [string, ...string[]], { error: '请选择信息类别' }),
  subjectCategory: z.preprocess(blankToUndefined, z.enum(SUBJECT_CATEGORIES as unknown as [string, ...string[]], { error: '请选择主题分类' }).optional()),
  issuingAgency: optionalText(200),
  documentNumber: optionalText(100),
  writtenDate: optionalDate,
  madeOn: optionalDate,
  sourceName: optionalText(200),
  sourceUrl: z.preprocess(blankToUndefined, z.string().trim().max(500, '不能超过500个字符').regex(/^https?:\/\/\S+$/i, '应为 http:// 或 https:// 开头的网址').optional()),
  interpretsItemId: optionalId,
  /** Beijing time, as a datetime-local field sends it: 2026-03-05T09:30. */
  scheduledFor: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, '格式应为 YYYY-MM-DDTHH:MM').optional()),
});
export type ItemInput = z.infer<typeof itemInput>;
export const itemLabels = {
  columnId: '栏目',
  title: '标题',
  bodyHtml: '正文',
  infoKind: '信息类别',
  subjectCategory: '主题分类',
  issuingAgency: '发布机构',
  documentNumber: '文号',
  writtenDate: '成文日期',
  madeOn: '信息形成（变更）日期',
  sourceName: '转载来源',
  sourceUrl: '来源网址',
  interpretsItemId: '所解读的文件',
  scheduledFor: '定时发布时间',
};

const verdict = z.enum(['pass', 'fail'], { error: '请选择“通过”或“不通过”' });
export const reviewInput = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择审核结论' }),
  confidentiality: verdict,
  accuracy: verdict,
  timeliness: verdict,
  comment: optionalText(2000),
  overrideReason: optionalText(1000),
});
export const reviewLabels = {
  decision: '审核结论',
  confidentiality: '涉密性',
  accuracy: '准确性',
  timeliness: '时效性',
  comment: '审核意见',
  overrideReason: '确认理由',
};

export const submitInput = z.object({ correctionNote: optionalText(1000) });
export const withdrawInput = z.object({ reason: text(1000, 4) });
export const wrongPhraseInput = z.object({ wrong: text(100), correct: text(200), note: optionalText(300) });
export const stagesInput = z.object({ stages: z.coerce.number({ error: '请选择审核环节数' }).int().min(1, '至少一个审核环节').max(3, '最多三个审核环节') });
export const allowFewerInput = z.object({ allowed: z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean()) });
