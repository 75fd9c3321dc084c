/**
 * Row labels of the national format, and how a published label is matched to a row key:
 * by normalised, fuzzy comparison of the text — never by position alone. Clerks and OCR
 * produce 本年度 for 本年, （一） for (一), a missing or wrong character ("内容事务" for
 * 内部事务, "申请数" for 申请数量); one such slip is tolerated, more only in long labels.
 */
import { outcomeRows, type ReportFormat, type Section3RowKey, type Section4Group } from '../format.js';

/** One row of a table and the names it is published under (uncompacted). */
export interface LabelSpec<K extends string> {
  key: K;
  names: readonly string[];
}

/** A label as compared: NFKC, no whitespace, punctuation or symbols, 本年度 → 本年. */
export function compactLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}\u00a0\u3000]/gu, '')
    .replace(/本年度/g, '本年')
    .replace(/上年度/g, '上年')
    .replace(/上一年度/g, '上年');
}

const LEADING_ORDINALS = /^(?:[一二三四五六七八九十]{1,2}|\d{1,2})+/;
/** Group headers of section 三 that may share a cell with the item label. */
const GROUP_PREFIX = /^(?:本年办理结果|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)/;

/** Drop leading ordinals: 一、 （三） 1. 三（三）1. */
export function stripOrdinals(compact: string): string {
  return compact.replace(LEADING_ORDINALS, '');
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How many slips a name of this length tolerates: none below 4 characters. */
export function tolerance(name: string): number {
  return name.length < 4 ? 0 : 1 + Math.floor(name.length / 12);
}

export type LabelMatch<K extends string> =
  | { kind: 'match'; key: K; distance: number }
  | { kind: 'ambiguous'; keys: K[] }
  | { kind: 'none' };

function scoreCandidates<K extends string>(
  candidates: readonly string[],
  specs: readonly LabelSpec<K>[],
): LabelMatch<K> {
  let best = Infinity;
  let keys: K[] = [];
  for (const candidate of candidates) {
    for (const spec of specs) {
      for (const name of spec.names) {
        const target = compactLabel(name);
        const allowed = tolerance(target);
        const d = editDistance(candidate, target, allowed);
        if (d > allowed) continue;
        if (d < best) {
          best = d;
          keys = [spec.key];
        } else if (d === best && !keys.includes(spec.key)) {
          keys.push(spec.key);
        }
      }
    }
  }
  if (keys.length === 0) return { kind: 'none' };
  if (keys.length > 1) return { kind: 'ambiguous', keys };
  return { kind: 'match', key: keys[0] as K, distance: best };
}

/**
 * Match a published row label to a row key. The label may carry its group ("（三）不予公开
 * 1.属于国家秘密"); the whole label, the label without ordinals, without the group header, and
 * the part after the last item number are all compared, and the closest name wins. Two rows
 * equally close make the label ambiguous.
 */
export function matchLabel<K extends string>(label: string, specs: readonly LabelSpec<K>[]): LabelMatch<K> {
  const compact = compactLabel(label);
  const candidates: string[] = [];
  const push = (c: string): void => {
    if (c !== '' && !candidates.includes(c)) candidates.push(c);
  };
  push(compact);
  let stripped = stripOrdinals(compact);
  push(stripped);
  for (let i = 0; i < 3; i++) {
    const rest = stripOrdinals(stripped.replace(GROUP_PREFIX, ''));
    if (rest === stripped || rest === '') break;
    stripped = rest;
    push(stripped);
  }
  const afterNumber = /\d+([^\d]+)$/.exec(compact)?.[1];
  if (afterNumber) push(afterNumber);
  return scoreCandidates(candidates, specs);
}

// ---------------------------------------------------------------------------------------------
// The labels of the national format
// ---------------------------------------------------------------------------------------------

/** Section 二 items, per format (keys as in format.ts). */
export function section2Specs(format: ReportFormat): LabelSpec<string>[] {
  const common: LabelSpec<string>[] = [
    { key: 'rules', names: ['规章'] },
    { key: 'normativeDocs', names: ['行政规范性文件', '规范性文件'] },
    { key: 'licensing', names: ['行政许可'] },
    { key: 'penalty', names: ['行政处罚'] },
    { key: 'enforcement', names: ['行政强制'] },
    { key: 'fees', names: ['行政事业性收费'] },
  ];
  if (format === '2021') return common;
  return [
    ...common,
    { key: 'otherServices', names: ['其他对外管理服务事项'] },
    { key: 'procurement', names: ['政府集中采购'] },
  ];
}

const SECTION3_NAMES: Record<Section3RowKey, readonly string[]> = {
  received: ['本年新收政府信息公开申请数量'],
  carriedIn: ['上年结转政府信息公开申请数量'],
  granted: ['予以公开'],
  partial: ['部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
  'withheld.stateSecret': ['属于国家秘密'],
  'withheld.forbiddenByLaw': ['其他法律行政法规禁止公开'],
  'withheld.endangersSecurity': ['危及“三安全一稳定”'],
  'withheld.thirdPartyRights': ['保护第三方合法权益'],
  'withheld.internalAffairs': ['属于三类内部事务信息'],
  'withheld.processInfo': ['属于四类过程性信息'],
  'withheld.enforcementFile': ['属于行政执法案卷'],
  'withheld.inquiryMatter': ['属于行政查询事项'],
  'unavailable.notHeld': ['本机关不掌握相关政府信息'],
  'unavailable.needsCreation': ['没有现成信息需要另行制作'],
  'unavailable.stillUnclear': ['补正后申请内容仍不明确'],
  'notProcessed.petition': ['信访举报投诉类申请'],
  'notProcessed.repeated': ['重复申请'],
  'notProcessed.publication': ['要求提供公开出版物'],
  'notProcessed.excessive': ['无正当理由大量反复申请'],
  'notProcessed.confirmOrReissue': ['要求行政机关确认或重新出具已获取信息'],
  'other.noClarification': ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  'other.feeUnpaid': ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  'other.other': ['其他'],
  other: ['其他处理'],
  handledTotal: ['总计'],
  carriedOut: ['结转下年度继续办理'],
};

/** Section 三 rows of a format, in table order. */
export function section3Specs(format: ReportFormat): LabelSpec<Section3RowKey>[] {
  const keys: Section3RowKey[] = ['received', 'carriedIn', ...outcomeRows(format), 'handledTotal', 'carriedOut'];
  return keys.map((key) => ({ key, names: SECTION3_NAMES[key] }));
}

/** The item number printed before an outcome label ("1." in 1.属于国家秘密), if any. */
export function itemNumber(key: Section3RowKey): number | null {
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  const group = key.slice(0, dot);
  const order = section3Specs('2021')
    .map((s) => s.key)
    .filter((k) => k.startsWith(`${group}.`));
  const index = order.indexOf(key);
  return index < 0 ? null : index + 1;
}

/** Section 四 groups. */
export const SECTION4_SPECS: readonly LabelSpec<Section4Group>[] = [
  { key: 'reconsideration', names: ['行政复议'] },
  { key: 'litigationDirect', names: ['行政诉讼（未经复议直接起诉）', '未经复议直接起诉'] },
  { key: 'litigationAfterReconsideration', names: ['行政诉讼（复议后起诉）', '复议后起诉'] },
];

/** The section 四 group a sub-heading or header cell names, if exactly one. */
export function section4GroupHint(text: string): Section4Group | null {
  const c = compactLabel(text);
  if (c === '' || c.length > 20) return null;
  if (/复议后起诉/.test(c)) return 'litigationAfterReconsideration';
  if (/未经复议|直接起诉/.test(c)) return 'litigationDirect';
  if (/^行政复议(?:情况)?$/.test(c)) return 'reconsideration';
  return null;
}
