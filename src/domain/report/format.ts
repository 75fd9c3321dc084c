/**
 * The annual report format of 国办公开办函〔2021〕30号 ("2021", report years 2021 on) and the
 * trial format of 国办公开办函〔2019〕60号 ("2019", report years 2019–2020).
 *
 * The keys here are the public contract of gongkai's report JSON (see DESIGN.md, "Report data
 * as JSON"): never rename one. Labels are the official row and column texts.
 */

export type ReportFormat = '2021' | '2019';

/** A figure as published: a number, or null where the cell was left blank. */
export type Figure = number | null;

// ---------------------------------------------------------------------------------------------
// Section 三: requests received and handled
// ---------------------------------------------------------------------------------------------

/** Columns of section 三: the requester kinds, then 总计. */
export const REQUESTER_COLUMNS = [
  'naturalPerson',
  'enterprise',
  'research',
  'nonprofit',
  'legalService',
  'otherOrg',
] as const;
export type RequesterColumn = (typeof REQUESTER_COLUMNS)[number];
export const SECTION3_COLUMNS = [...REQUESTER_COLUMNS, 'total'] as const;
export type Section3Column = (typeof SECTION3_COLUMNS)[number];

export const SECTION3_COLUMN_LABELS: Record<Section3Column, string> = {
  naturalPerson: '自然人',
  enterprise: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

/** Outcome rows of section 三 (三（一）～三（六）) in the 2021 format, in table order. */
export const OUTCOME_ROWS_2021 = [
  'granted',
  'partial',
  'withheld.stateSecret',
  'withheld.forbiddenByLaw',
  'withheld.endangersSecurity',
  'withheld.thirdPartyRights',
  'withheld.internalAffairs',
  'withheld.processInfo',
  'withheld.enforcementFile',
  'withheld.inquiryMatter',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.stillUnclear',
  'notProcessed.petition',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmOrReissue',
  'other.noClarification',
  'other.feeUnpaid',
  'other.other',
] as const;

/** Outcome rows of the 2019 trial format: as 2021, but 三（六）其他处理 is a single row. */
export const OUTCOME_ROWS_2019 = [
  ...OUTCOME_ROWS_2021.filter((k) => !k.startsWith('other.')),
  'other',
] as const;

export type OutcomeKey2021 = (typeof OUTCOME_ROWS_2021)[number];
export type OutcomeKey = OutcomeKey2021 | 'other';

export type Section3RowKey = 'received' | 'carriedIn' | OutcomeKey | 'handledTotal' | 'carriedOut';

/** All row keys of section 三 for a format, in table order. */
export function section3Rows(format: ReportFormat): readonly Section3RowKey[] {
  const outcomes = format === '2021' ? OUTCOME_ROWS_2021 : OUTCOME_ROWS_2019;
  return ['received', 'carriedIn', ...outcomes, 'handledTotal', 'carriedOut'];
}

/** Outcome row keys of section 三 for a format, in table order. */
export function outcomeRows(format: ReportFormat): readonly OutcomeKey[] {
  return format === '2021' ? OUTCOME_ROWS_2021 : OUTCOME_ROWS_2019;
}

/** Official labels of section 三 rows (the 2021 wording; 2019 differs only in 本年/本年度). */
export const SECTION3_ROW_LABELS: Record<Section3RowKey, string> = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'withheld.stateSecret': '1.属于国家秘密',
  'withheld.forbiddenByLaw': '2.其他法律行政法规禁止公开',
  'withheld.endangersSecurity': '3.危及“三安全一稳定”',
  'withheld.thirdPartyRights': '4.保护第三方合法权益',
  'withheld.internalAffairs': '5.属于三类内部事务信息',
  'withheld.processInfo': '6.属于四类过程性信息',
  'withheld.enforcementFile': '7.属于行政执法案卷',
  'withheld.inquiryMatter': '8.属于行政查询事项',
  'unavailable.notHeld': '1.本机关不掌握相关政府信息',
  'unavailable.needsCreation': '2.没有现成信息需要另行制作',
  'unavailable.stillUnclear': '3.补正后申请内容仍不明确',
  'notProcessed.petition': '1.信访举报投诉类申请',
  'notProcessed.repeated': '2.重复申请',
  'notProcessed.publication': '3.要求提供公开出版物',
  'notProcessed.excessive': '4.无正当理由大量反复申请',
  'notProcessed.confirmOrReissue': '5.要求行政机关确认或重新出具已获取信息',
  'other.noClarification': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.feeUnpaid': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  other: '（六）其他处理',
  handledTotal: '（七）总计',
  carriedOut: '四、结转下年度继续办理',
};

/** Short reference of a row as clerks say it: 一, 二, 三（一）, 三（三）1, …, 三（七）, 四. */
export const SECTION3_ROW_REFS: Record<Section3RowKey, string> = {
  received: '一',
  carriedIn: '二',
  granted: '三（一）',
  partial: '三（二）',
  'withheld.stateSecret': '三（三）1',
  'withheld.forbiddenByLaw': '三（三）2',
  'withheld.endangersSecurity': '三（三）3',
  'withheld.thirdPartyRights': '三（三）4',
  'withheld.internalAffairs': '三（三）5',
  'withheld.processInfo': '三（三）6',
  'withheld.enforcementFile': '三（三）7',
  'withheld.inquiryMatter': '三（三）8',
  'unavailable.notHeld': '三（四）1',
  'unavailable.needsCreation': '三（四）2',
  'unavailable.stillUnclear': '三（四）3',
  'notProcessed.petition': '三（五）1',
  'notProcessed.repeated': '三（五）2',
  'notProcessed.publication': '三（五）3',
  'notProcessed.excessive': '三（五）4',
  'notProcessed.confirmOrReissue': '三（五）5',
  'other.noClarification': '三（六）1',
  'other.feeUnpaid': '三（六）2',
  'other.other': '三（六）3',
  other: '三（六）',
  handledTotal: '三（七）',
  carriedOut: '四',
};

export type Section3Row = Record<Section3Column, Figure>;
export type Section3 = Partial<Record<Section3RowKey, Section3Row>>;

// ---------------------------------------------------------------------------------------------
// Section 二: proactive publication
// ---------------------------------------------------------------------------------------------

/** 2021 format, section 二. */
export interface Section2_2021 {
  /** 第二十条第（一）项 规章 */
  rules: { issued: Figure; repealed: Figure; inForce: Figure };
  /** 第二十条第（一）项 行政规范性文件 */
  normativeDocs: { issued: Figure; repealed: Figure; inForce: Figure };
  /** 第二十条第（五）项 行政许可 */
  licensing: { decisions: Figure };
  /** 第二十条第（六）项 行政处罚 */
  penalty: { decisions: Figure };
  /** 第二十条第（六）项 行政强制 */
  enforcement: { decisions: Figure };
  /** 第二十条第（八）项 行政事业性收费, in 万元 */
  fees: { amountWanYuan: Figure };
}

/**
 * 2019 trial format, section 二. Items （五）（六）（八） count 项目 (matters), not only
 * decisions; （九） is 政府集中采购.
 */
export interface Section2_2019 {
  /** 规章: 本年新制作数量 [made], 本年新公开数量 [published], 对外公开总数量 [totalPublic] */
  rules: { made: Figure; published: Figure; totalPublic: Figure };
  normativeDocs: { made: Figure; published: Figure; totalPublic: Figure };
  /** 上一年项目数量 [previousItems], 本年增/减 [change, signed], 处理决定数量 [decisions] */
  licensing: { previousItems: Figure; change: Figure; decisions: Figure };
  /** 其他对外管理服务事项 */
  otherServices: { previousItems: Figure; change: Figure; decisions: Figure };
  penalty: { previousItems: Figure; change: Figure; decisions: Figure };
  enforcement: { previousItems: Figure; change: Figure; decisions: Figure };
  /** 行政事业性收费: 上一年项目数量, 本年增/减 */
  fees: { previousItems: Figure; change: Figure };
  /** 政府集中采购: 采购项目数量 [items], 采购总金额 [amount, as printed, in the unit printed] */
  procurement: { items: Figure; amount: Figure };
}

// ---------------------------------------------------------------------------------------------
// Section 四: administrative reconsideration and litigation
// ---------------------------------------------------------------------------------------------

export const SECTION4_GROUPS = [
  'reconsideration',
  'litigationDirect',
  'litigationAfterReconsideration',
] as const;
export type Section4Group = (typeof SECTION4_GROUPS)[number];
export const SECTION4_COLUMNS = ['upheld', 'corrected', 'otherResult', 'pending', 'total'] as const;
export type Section4Column = (typeof SECTION4_COLUMNS)[number];

export const SECTION4_GROUP_LABELS: Record<Section4Group, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};
export const SECTION4_COLUMN_LABELS: Record<Section4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  otherResult: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export type Section4 = Record<Section4Group, Record<Section4Column, Figure>>;

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

export interface Narrative {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  other: string;
}

interface ReportBase {
  agency: string;
  year: number;
  section3: Section3;
  section4: Section4;
  narrative: Narrative;
  /**
   * 六: processing fees actually collected in the year, in 元 — where known. Not part of the
   * official tables; used by check 9 (fees.mismatch).
   */
  feesCollectedYuan?: number | null;
}
export interface Report2021 extends ReportBase {
  format: '2021';
  section2: Section2_2021;
}
export interface Report2019 extends ReportBase {
  format: '2019';
  section2: Section2_2019;
}
/** The report JSON of DESIGN.md: the public contract. */
export type ReportData = Report2021 | Report2019;

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

export const RULE_IDS = [
  'requests.balance',
  'requests.outcomeSum',
  'requests.rowTotal',
  'reviews.groupTotal',
  'figures.invalid',
  'requests.carryOver',
  'registry.inForce',
  'narrative.mismatch',
  'fees.mismatch',
  'cells.blank',
  'parse.unreadable',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'hard' | 'soft';

/**
 * One inconsistency. `cells` are dotted paths into the report JSON, e.g.
 * "section3.received.total"; `message` is Chinese, for a clerk.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  cells: string[];
  expected?: number | null;
  actual?: number | null;
}
