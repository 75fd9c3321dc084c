/**
 * The inspection indicators (检查指标) findings are recorded against: the items of
 * 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号） that concern content — what gongkai's
 * portal and an agency's new-media accounts publish — rather than hosting (availability, domain
 * names, ICP filing), which an inspection of gongkai's own pages cannot see.
 *
 * A single-veto item (单项否决) fails the agency's inspection outright; a scored item (扣分)
 * deducts points. Where the indicators set a count threshold (5 columns not updated, 5 empty
 * columns), the item below the threshold is a separate scored item, so that one finding always
 * has one severity.
 */

export type IndicatorSeverity = 'veto' | 'score';
export type InspectionTargetKind = 'site' | 'newMedia';

export interface Indicator {
  key: string;
  severity: IndicatorSeverity;
  /** The heading of the indicators this item falls under. */
  group: string;
  /** Short Chinese name, as a notice lists the problems. */
  label: string;
  /** What the indicators count as the problem. */
  criterion: string;
  appliesTo: readonly InspectionTargetKind[];
  /** For a scored item below a veto threshold: the veto item it becomes at the threshold. */
  vetoCounterpart?: string;
}

/** The document the indicators come from, as a notice cites it. */
export const INDICATOR_SOURCE = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）';

const BOTH: readonly InspectionTargetKind[] = ['site', 'newMedia'];
const SITE: readonly InspectionTargetKind[] = ['site'];
const NEW_MEDIA: readonly InspectionTargetKind[] = ['newMedia'];

export const INDICATORS = [
  // 单项否决指标
  { key: 'securityIncident', severity: 'veto', group: '安全、泄密事故等严重问题', label: '泄密或有害信息', criterion: '泄露国家秘密，或发布、链接反动、暴力、色情等内容', appliesTo: BOTH },
  { key: 'seriousError', severity: 'veto', group: '安全、泄密事故等严重问题', label: '严重表述错误', criterion: '出现严重表述错误（如领导人姓名、职务，国家领土、主权等表述错误）', appliesTo: BOTH },
  { key: 'homeNotUpdated', severity: 'veto', group: '网站不更新', label: '首页不更新', criterion: '首页栏目信息监测时间点前2周内无更新', appliesTo: SITE },
  { key: 'columnsNotUpdated', severity: 'veto', group: '网站不更新', label: '栏目不更新', criterion: '动态、要闻类栏目2周内无更新，通知公告、政策文件类栏目6个月内无更新，累计5个（含）以上', appliesTo: SITE },
  { key: 'columnsLongNotUpdated', severity: 'veto', group: '网站不更新', label: '栏目长期未更新', criterion: '应更新但长期未更新的栏目累计10个（含）以上', appliesTo: SITE },
  { key: 'emptyColumns', severity: 'veto', group: '网站不更新', label: '空白栏目', criterion: '栏目有名无实、无任何信息，累计5个（含）以上', appliesTo: SITE },
  { key: 'newMediaNotUpdated', severity: 'veto', group: '内容不更新', label: '政务新媒体不更新', criterion: '政务新媒体监测时间点前2周内无更新', appliesTo: NEW_MEDIA },
  { key: 'noResponse', severity: 'veto', group: '互动回应差', label: '互动回应差', criterion: '咨询、留言长期未回应，或回应内容敷衍、答非所问', appliesTo: BOTH },
  // 扣分指标
  { key: 'staleColumn', severity: 'score', group: '信息更新', label: '栏目更新不及时', criterion: '动态、要闻类栏目2周内无更新，或通知公告、政策文件类栏目6个月内无更新（未达单项否决标准）', appliesTo: SITE, vetoCounterpart: 'columnsNotUpdated' },
  { key: 'emptyColumn', severity: 'score', group: '信息更新', label: '存在空白栏目', criterion: '存在无任何信息的空白栏目（未达单项否决标准）', appliesTo: SITE, vetoCounterpart: 'emptyColumns' },
  { key: 'deadLinks', severity: 'score', group: '链接可用性', label: '链接不可用', criterion: '首页或其他页面存在不可用链接（死链、错链）', appliesTo: BOTH },
  { key: 'missingInterpretation', severity: 'score', group: '政策解读', label: '政策解读缺失', criterion: '政策文件未配发解读材料，或解读材料未与政策文件相互关联', appliesTo: SITE },
  { key: 'expiredStillValid', severity: 'score', group: '政策文件', label: '文件有效性标注错误', criterion: '已过有效期或已废止的规范性文件仍标注为现行有效', appliesTo: SITE },
  { key: 'publicationDelay', severity: 'score', group: '信息公开', label: '信息公开不及时', criterion: '政府信息未在形成或者变更之日起20个工作日内公开（《条例》第二十六条）', appliesTo: SITE },
  { key: 'disclosureContent', severity: 'score', group: '信息公开', label: '法定公开内容不全', criterion: '政府信息公开指南、目录、年度报告等法定公开内容缺失或未按时更新', appliesTo: SITE },
  { key: 'contentErrors', severity: 'score', group: '内容准确性', label: '内容不准确', criterion: '存在错别字、表述不规范，或发布机构、日期、文号等要素缺失', appliesTo: BOTH },
  { key: 'newMediaIrregular', severity: 'score', group: '信息发布', label: '政务新媒体更新不规范', criterion: '更新频率低，内容与账号定位不符，或转载未注明来源', appliesTo: NEW_MEDIA },
  { key: 'other', severity: 'score', group: '其他', label: '其他问题', criterion: '其他不符合检查指标要求的问题', appliesTo: BOTH },
] as const satisfies readonly Indicator[];

export type IndicatorKey = (typeof INDICATORS)[number]['key'];

/** The indicator keys in list order, as a non-empty tuple (for z.enum). */
export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]];

const BY_KEY = new Map<string, Indicator>(INDICATORS.map((i) => [i.key, i]));

export function isIndicatorKey(value: string): value is IndicatorKey {
  return BY_KEY.has(value);
}

/** The indicator of a key; an unknown key (a record older than the list) reads as 其他问题. */
export function indicatorOf(key: string): Indicator {
  return BY_KEY.get(key) ?? BY_KEY.get('other')!;
}

/** Whether a finding against this indicator fails the inspection (单项否决). */
export function isVeto(key: string): boolean {
  return indicatorOf(key).severity === 'veto';
}

/** Position in the list: notices list problems in the indicators' order, vetoes first. */
export function indicatorOrder(key: string): number {
  const i = INDICATOR_KEYS.indexOf(key as IndicatorKey);
  return i < 0 ? INDICATOR_KEYS.length : i;
}

/**
 * Indicator keys of the website-health feature (and a few other likely names) mapped to ours.
 * Health reports a finding as { indicator, severity }; where a key names a count-threshold item
 * with either severity, the severity picks our veto or scored item.
 */
const HEALTH_ALIASES: Readonly<Record<string, IndicatorKey>> = {
  // The keys of src/domain/health/indicators.ts (HEALTH_INDICATORS) that differ from ours.
  frequentColumnsNotUpdated: 'columnsNotUpdated',
  columnNotUpdated: 'staleColumn',
  deadInternalLink: 'deadLinks',
  deadExternalLink: 'deadLinks',
  interpretationMissing: 'missingInterpretation',
  // Other names a health source may use.
  homeStale: 'homeNotUpdated',
  homePageNotUpdated: 'homeNotUpdated',
  columnStale: 'staleColumn',
  staleColumns: 'staleColumn',
  columnsStale: 'staleColumn',
  longStaleColumns: 'columnsLongNotUpdated',
  columnsLongStale: 'columnsLongNotUpdated',
  columnEmpty: 'emptyColumn',
  deadLink: 'deadLinks',
  brokenLinks: 'deadLinks',
  brokenLink: 'deadLinks',
  noInterpretation: 'missingInterpretation',
  expiredValid: 'expiredStillValid',
  expiredNormative: 'expiredStillValid',
  lateItem: 'publicationDelay',
  latePublication: 'publicationDelay',
  publicationLate: 'publicationDelay',
};

/**
 * Our indicator for a finding of the website-health feature: its key (ours, or a known alias)
 * and its severity — 'veto' on a scored item with a veto counterpart gives the counterpart, a
 * non-veto severity on a veto item with a scored counterpart gives that. Anything unknown is
 * 其他问题, keeping the message.
 */
export function indicatorForHealth(key: string, severity: string | undefined): IndicatorKey {
  const own: IndicatorKey = isIndicatorKey(key) ? key : (HEALTH_ALIASES[key] ?? 'other');
  const indicator = indicatorOf(own);
  const vetoBySeverity = severity === undefined ? null : /^(veto|single|否决|单项否决)/i.test(severity);
  if (vetoBySeverity === true && indicator.severity === 'score' && indicator.vetoCounterpart) return indicator.vetoCounterpart as IndicatorKey;
  if (vetoBySeverity === false && indicator.severity === 'veto') {
    const scored = INDICATORS.find((i) => 'vetoCounterpart' in i && i.vetoCounterpart === own);
    if (scored) return scored.key;
  }
  return own;
}
