/**
 * The vocabularies of proactive publication: info kinds (信息类别), the State Council's subject
 * categories (国务院主题分类) and the kinds of portal column with the update frequency website
 * inspections require of them.
 */

/** 信息类别: key → Chinese label. */
export const INFO_KINDS = {
  news: '动态信息',
  notice: '通知公告',
  overview: '机构概况',
  document: '政府文件',
  normative: '行政规范性文件',
  rule: '规章',
  interpretation: '政策解读',
  meeting: '重要会议',
  fiscal: '财政信息',
  planning: '规划计划',
  statistics: '统计信息',
  personnel: '人事信息',
  procurement: '政府采购',
  licensing: '行政许可',
  penalty: '行政处罚',
  repost: '转载',
  other: '其他',
} as const satisfies Record<string, string>;

export type InfoKind = keyof typeof INFO_KINDS;

/** The info kind keys in order, as a non-empty tuple (for z.enum). */
export const INFO_KIND_KEYS = Object.keys(INFO_KINDS) as [InfoKind, ...InfoKind[]];

/** True when `value` is one of the INFO_KINDS keys. */
export function isInfoKind(value: string): value is InfoKind {
  return Object.prototype.hasOwnProperty.call(INFO_KINDS, value);
}

/** Info kinds that are official documents and so carry a document number and a written date. */
export const DOCUMENT_INFO_KINDS: readonly InfoKind[] = ['document', 'normative', 'rule'];

/** 国务院主题分类, top level, in the State Council's order. */
export const SUBJECT_CATEGORIES = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
] as const;

export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** True when `value` is one of the SUBJECT_CATEGORIES. */
export function isSubjectCategory(value: string): value is SubjectCategory {
  return (SUBJECT_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Kinds of portal column, with the longest time a column may go without a new item before a
 * website inspection counts it as not updated (动态要闻 two weeks, 通知公告 and 政策文件 six
 * months, yearly information a year); null = no rule.
 */
export const COLUMN_KINDS = {
  news: { label: '动态要闻', maxDaysStale: 14 },
  notices: { label: '通知公告', maxDaysStale: 183 },
  policy: { label: '政策文件', maxDaysStale: 183 },
  fiscal: { label: '财政信息', maxDaysStale: 366 },
  planning: { label: '规划计划', maxDaysStale: 366 },
  statistics: { label: '统计信息', maxDaysStale: 366 },
  personnel: { label: '人事信息', maxDaysStale: 366 },
  interpretation: { label: '政策解读', maxDaysStale: 183 },
  other: { label: '其他', maxDaysStale: null },
} as const satisfies Record<string, { label: string; maxDaysStale: number | null }>;

export type ColumnKind = keyof typeof COLUMN_KINDS;

/** The column kind keys in order, as a non-empty tuple (for z.enum). */
export const COLUMN_KIND_KEYS = Object.keys(COLUMN_KINDS) as [ColumnKind, ...ColumnKind[]];

/** True when `value` is one of the COLUMN_KINDS keys. */
export function isColumnKind(value: string): value is ColumnKind {
  return Object.prototype.hasOwnProperty.call(COLUMN_KINDS, value);
}
