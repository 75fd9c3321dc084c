/** The search's query string (the portal form and the JSON API; also the OpenAPI parameters). */
import { z } from 'zod';
import { INFO_KIND_KEYS } from '../../domain/publication/vocabulary.js';
import { MAX_PAGE } from './query.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The oldest year offered: the 条例 took effect on 1 May 2008. */
export const FIRST_YEAR = 2008;

/**
 * ?q=&agencyId=&infoKind=&year=&validity=&page=. A blank field is no filter. The query may be of
 * any length: only its first 100 characters are searched. Other parameters are ignored.
 */
export const searchQueryInput = z.object({
  q: z.preprocess(blank, z.string({ error: '只能填写一个关键词' }).optional()),
  agencyId: z.preprocess(blank, z.coerce.number({ error: '必须是机构编号' }).int('必须是机构编号').positive('必须是机构编号').max(2147483647, '必须是机构编号').optional()),
  infoKind: z.preprocess(blank, z.enum(INFO_KIND_KEYS, { error: '不是可选的信息类别' }).optional()),
  year: z.preprocess(blank, z.coerce.number({ error: '必须是四位数的年份' }).int('必须是四位数的年份').min(1949, '必须是四位数的年份').max(2100, '必须是四位数的年份').optional()),
  validity: z.preprocess(blank, z.enum(['valid', 'repealed', 'expired'], { error: '应为有效、已废止或已失效' }).optional()),
  page: z.preprocess(blank, z.coerce.number({ error: '必须是正整数' }).int('必须是正整数').min(1, '必须是正整数').max(MAX_PAGE, `最多显示前${MAX_PAGE}页`).optional()),
});
export type SearchQueryInput = z.infer<typeof searchQueryInput>;

export const searchLabels = { q: '关键词', agencyId: '发布机构', infoKind: '信息类别', year: '年份', validity: '有效性', page: '页码' };
