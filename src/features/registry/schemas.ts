/** Input of the 政府信息管理 forms and API calls (also the OpenAPI body schemas). */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/index.js';
import { DECISION_KINDS, FIGURE_KEYS, type FigureKey } from '../../domain/registry/decisions.js';
import { DOCUMENT_KINDS } from '../../domain/registry/documents.js';
import { formId, optionalText, text } from '../../http/validate.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const dateMessage = '不是有效的日期（格式 YYYY-MM-DD）';
const date = z.string({ error: '请填写日期' }).trim().refine(isIsoDate, dateMessage);
const optionalDate = z.preprocess(blank, z.string().trim().refine(isIsoDate, dateMessage).optional());
const year = z.coerce.number({ error: '请填写年度' }).int('年度不正确').min(2019, '年度不能早于2019年').max(2100, '年度不正确');

/** A register entry as the form and the API give it; the published item by id or by 索引号. */
export const documentInput = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: '请选择规章或行政规范性文件' }),
  title: text(300),
  documentNumber: optionalText(100),
  issuedOn: date,
  effectiveOn: optionalDate,
  validUntil: optionalDate,
  itemId: z.preprocess(blank, formId.optional()),
  itemIndexNumber: optionalText(60),
  note: optionalText(2000),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const newDocumentInput = documentInput.extend({ agencyId: formId });

/** 废止 or 失效, with its date and reason. */
export const endDocumentInput = z.object({
  on: date,
  reason: text(500),
});

/**
 * The year's figures: each key absent (unchanged), blank or null (removed: the report falls back
 * to the imported decisions) or a value — a count for decisions, 万元 with up to 4 decimals for fees.
 */
const figureValue = (key: FigureKey) =>
  z.preprocess(
    (v) => (v === null ? '' : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/,/g, '') : v),
    z.string({ error: '请填写数字' })
      .regex(key === 'fees' ? /^(\d{1,9}(\.\d{1,4})?)?$/ : /^(\d{1,9})?$/, key === 'fees' ? '应为不小于0的金额（万元），最多4位小数' : '应为不小于0的整数')
      .optional(),
  );
const figureFields = Object.fromEntries(FIGURE_KEYS.flatMap((k) => [[k, figureValue(k)], [`${k}Note`, optionalText(300)]])) as Record<string, z.ZodType>;
export const figuresInput = z.object({ agencyId: formId, year, ...figureFields });

/** An import begun from the form: the agency and kind of the decisions in the file. */
export const importStartInput = z.object({
  agencyId: formId,
  kind: z.enum(DECISION_KINDS, { error: '请选择决定类别' }),
});

/** Most decisions one JSON call may carry (larger lists: the file upload or the command line). */
export const MAX_API_DECISIONS = 20_000;

/** Decisions sent as JSON through the API. */
export const apiImportInput = importStartInput.extend({
  fileName: optionalText(200),
  decisions: z
    .array(z.object({ number: z.union([z.string(), z.number()]), date: z.union([z.string(), z.number()]) }), { error: '应为决定的列表' })
    .min(1, '至少一条决定')
    .max(MAX_API_DECISIONS, `一次最多${MAX_API_DECISIONS}条，更多请上传文件`),
});

export const registryLabels: Record<string, string> = {
  agencyId: '单位', kind: '类别', title: '标题', documentNumber: '文号', issuedOn: '印发日期', effectiveOn: '施行日期', validUntil: '有效期至',
  itemId: '公开信息编号', itemIndexNumber: '公开信息索引号', note: '备注', on: '日期', reason: '原因', year: '年度', fileName: '文件名', decisions: '决定',
  licensing: '行政许可决定数量', penalty: '行政处罚决定数量', enforcement: '行政强制决定数量', fees: '行政事业性收费金额（万元）',
  licensingNote: '行政许可数据来源', penaltyNote: '行政处罚数据来源', enforcementNote: '行政强制数据来源', feesNote: '收费数据来源',
};
