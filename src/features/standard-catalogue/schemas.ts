/** Input of the standard catalogue's forms and API calls (also the OpenAPI body schemas). */
import { z } from 'zod';
import { FIELD_LIMITS, MAX_MATTERS } from '../../domain/standard-catalogue/sheet.js';
import { CHANNEL_KEYS } from '../../domain/standard-catalogue/vocabulary.js';
import { formId, formList, optionalText, text } from '../../http/validate.js';

/** The import form's fields besides the file: whose catalogue, and its 领域 (else the title's). */
export const importInput = z.object({
  agencyId: formId,
  domain: optionalText(100),
});

/** The columns that carry a matter (none: the matter is not mapped). */
export const columnsInput = z.object({
  columnIds: formList(formId).pipe(z.array(z.number()).max(50, '最多选择50个栏目')),
});

const flag = z.boolean({ error: '应为 true 或 false' }).default(false);

/** One matter sent as JSON: the shape the API gives back (without ids and compliance). */
export const apiMatterInput = z.object({
  firstLevel: text(FIELD_LIMITS.level),
  secondLevel: optionalText(FIELD_LIMITS.level),
  content: text(FIELD_LIMITS.content),
  legalBasis: optionalText(FIELD_LIMITS.legalBasis),
  timeLimit: optionalText(FIELD_LIMITS.timeLimit),
  responsibleBody: optionalText(FIELD_LIMITS.responsibleBody),
  channels: z.array(z.enum(CHANNEL_KEYS, { error: `应为以下之一：${CHANNEL_KEYS.join('、')}` })).max(CHANNEL_KEYS.length).default([]),
  otherChannel: optionalText(FIELD_LIMITS.otherChannel),
  audience: z.object({ public: flag, specific: flag }).default({ public: false, specific: false }),
  manner: z.object({ proactive: flag, onRequest: flag }).default({ proactive: false, onRequest: false }),
  level: z.object({ county: flag, township: flag }).default({ county: false, township: false }),
});

/** A 领域's catalogue sent as JSON: it replaces the 领域 as an imported file does. */
export const apiImportInput = z.object({
  agencyId: formId,
  domain: text(100),
  matters: z.array(apiMatterInput, { error: '应为公开事项的列表' }).min(1, '至少一个公开事项').max(MAX_MATTERS, `一次最多${MAX_MATTERS}个公开事项`),
});

export const catalogueLabels: Record<string, string> = {
  agencyId: '单位', domain: '领域', file: '文件', columnIds: '承载栏目', year: '年度', matters: '公开事项',
};
