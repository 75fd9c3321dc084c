/**
 * A notice (通报) on an inspection, in the words supervising offices use: title, number,
 * addressees (主送机关), the overall results with a table of results by agency, the main problems,
 * the requirements (整改要求) with the deadline, and the problem list as 附件. Pure: the feature
 * gathers the records, this composes the text; the office may edit the text before issuing.
 */
import { chineseDate } from '../requests/letters/fill.js';
import { INDICATOR_SOURCE, indicatorOf, indicatorOrder } from './indicators.js';
import type { InspectionKind, TaskStatus } from './rectification.js';

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** 第一季度 … 第四季度. */
export function quarterLabel(quarter: number): string {
  const label = QUARTER_LABELS[quarter - 1];
  if (!label) throw new RangeError(`季度应为1至4：${quarter}`);
  return label;
}

/** The first and last day of a quarter. */
export function quarterRange(year: number, quarter: number): { startsOn: string; endsOn: string } {
  quarterLabel(quarter);
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { startsOn: `${year}-${mm(first)}-01`, endsOn: `${year}-${mm(last)}-${lastDay}` };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** 发文字号 as GB/T 9704 writes it: prefix, the year in 六角括号 〔〕, the serial without leading zeros. */
export function noticeNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`序号应为正整数：${serial}`);
  return `${prefix.trim()}〔${year}〕${serial}号`;
}

/** A prefix is the words before 〔: Chinese characters (and letters), no brackets or digits. */
export function isValidNoticePrefix(prefix: string): boolean {
  return /^[\u4e00-\u9fffA-Za-z]{2,20}$/.test(prefix.trim());
}

/**
 * The usual prefix of a district or county government office's notices: the first character of
 * the place and 政办通 (青川区 → 青政办通). The office sets its own where the custom differs.
 */
export function defaultNoticePrefix(governmentName: string | null, officeShortName: string): string {
  const place = (governmentName ?? '').replace(/人民政府$/, '');
  const parts = place.split(/(?<=[省市州盟])/).filter(Boolean);
  const last = parts.at(-1) ?? '';
  const first = [...last][0];
  if (first && /[\u4e00-\u9fff]/.test(first)) return `${first}政办通`;
  return `${officeShortName}通`;
}

/** 区, 县, 市 or 旗: the level of the government, for 全区 and 区直各部门. */
export function areaWord(governmentName: string | null): string {
  const place = (governmentName ?? '').replace(/人民政府$/, '');
  const last = [...place].at(-1) ?? '';
  return ['区', '县', '市', '旗'].includes(last) ? last : '区';
}

/** （一）…（二十）: the ordinals of second-level headings. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`;
}

export interface NoticeAgency {
  id: number;
  name: string;
  kind: string;
}

export interface NoticeFinding {
  agencyId: number;
  indicator: string;
  description: string;
  /** The site or account inspected, if the finding names one. */
  targetName: string | null;
  /** The task's deadline and status once issued. */
  dueOn: string | null;
  status: TaskStatus | null;
}

export interface NoticeInput {
  officeName: string;
  governmentName: string | null;
  inspection: { kind: InspectionKind; title: string; year: number; quarter: number | null; startsOn: string; endsOn: string; rectifyBy: string | null };
  /** The inspected agencies, in tree order. */
  agencies: readonly NoticeAgency[];
  siteCount: number;
  newMediaCount: number;
  findings: readonly NoticeFinding[];
  /** The day the notice is drafted (the 截至 of the rectification figures). */
  today: string;
}

/** One row of the results table (检查结果). */
export interface AgencyResult {
  agencyId: number;
  agency: string;
  findings: number;
  veto: boolean;
  result: '合格' | '不合格';
}

/** One row of the problem list (附件). */
export interface ProblemListRow {
  agency: string;
  target: string;
  indicator: string;
  description: string;
  dueOn: string;
}

export interface NoticeContent {
  title: string;
  recipients: string;
  intro: string;
  overview: string;
  problems: string;
  requirements: string;
  results: AgencyResult[];
  problemList: ProblemListRow[];
  attachmentTitle: string;
}

/** 政府网站和政务新媒体 / 政府网站 / 政务新媒体: what was inspected. */
export function channelWords(siteCount: number, newMediaCount: number): string {
  if (siteCount > 0 && newMediaCount > 0) return '政府网站和政务新媒体';
  return newMediaCount > 0 ? '政务新媒体' : '政府网站';
}

/** The notice's title: 关于2026年第一季度政府网站和政务新媒体检查情况的通报. */
export function noticeTitle(input: Pick<NoticeInput, 'inspection' | 'siteCount' | 'newMediaCount'>): string {
  const { inspection } = input;
  if (inspection.kind === 'quarterly' && inspection.quarter) {
    return `关于${inspection.year}年${quarterLabel(inspection.quarter)}${channelWords(input.siteCount, input.newMediaCount)}检查情况的通报`;
  }
  const title = inspection.title.trim();
  if (/^关于.*通报$/.test(title)) return title;
  return `关于${title.replace(/情况$/, '')}情况的通报`;
}

/** The period inspected: 2026年4月1日至4月10日 (the year once when both days share it). */
export function periodText(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return chineseDate(startsOn);
  const end = startsOn.slice(0, 4) === endsOn.slice(0, 4) ? chineseDate(endsOn).replace(/^\d+年/, '') : chineseDate(endsOn);
  return `${chineseDate(startsOn)}至${end}`;
}

/** Results by agency: a single-veto finding fails the agency (不合格); otherwise 合格. */
export function agencyResults(agencies: readonly NoticeAgency[], findings: readonly NoticeFinding[]): AgencyResult[] {
  return agencies.map((a) => {
    const own = findings.filter((f) => f.agencyId === a.id);
    const veto = own.some((f) => indicatorOf(f.indicator).severity === 'veto');
    return { agencyId: a.id, agency: a.name, findings: own.length, veto, result: veto ? '不合格' : '合格' };
  });
}

/** 主送机关 from the kinds of the agencies inspected. */
export function defaultRecipients(agencies: readonly NoticeAgency[], area: string): string {
  const townships = agencies.filter((a) => a.kind === 'township');
  const others = agencies.filter((a) => a.kind !== 'township' && a.kind !== 'government');
  const parts: string[] = [];
  if (townships.length) {
    const streets = townships.some((a) => a.name.endsWith('街道办事处'));
    const towns = townships.some((a) => !a.name.endsWith('街道办事处'));
    parts.push(streets && towns ? '各乡镇人民政府、街道办事处' : streets ? '各街道办事处' : '各乡镇人民政府');
  }
  if (others.length) parts.push(`${area}直各部门`);
  return parts.join('，') || `${area}直各部门`;
}

function countWord(n: number): string {
  return `${n}个`;
}

/** The problems by indicator, vetoes first, each naming the agencies concerned. */
export function mainProblems(agencies: readonly NoticeAgency[], findings: readonly NoticeFinding[]): string[] {
  if (findings.length === 0) return ['本次检查未发现问题。'];
  const keys = [...new Set(findings.map((f) => indicatorOf(f.indicator).key))].sort((a, b) => indicatorOrder(a) - indicatorOrder(b));
  return keys.map((key, i) => {
    const indicator = indicatorOf(key);
    const own = findings.filter((f) => indicatorOf(f.indicator).key === key);
    const named = agencies
      .map((a) => ({ name: a.name, n: own.filter((f) => f.agencyId === a.id).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.name}（${countWord(x.n)}）`);
    const severity = indicator.severity === 'veto' ? '单项否决' : '扣分';
    return `（${chineseOrdinal(i + 1)}）${indicator.label}（${severity}）。${indicator.criterion}。涉及${named.join('、')}，共${countWord(own.length)}问题。`;
  });
}

/**
 * The problem list of the attachment: by agency (in tree order), then by indicator. Deadlines in
 * `year` (the notice's) are written without it (4月16日), as notices do; others in full.
 */
export function problemList(agencies: readonly NoticeAgency[], findings: readonly NoticeFinding[], year?: number): ProblemListRow[] {
  const order = new Map(agencies.map((a, i) => [a.id, i]));
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return [...findings]
    .sort((a, b) => (order.get(a.agencyId) ?? 1e9) - (order.get(b.agencyId) ?? 1e9) || indicatorOrder(a.indicator) - indicatorOrder(b.indicator))
    .map((f) => {
      const indicator = indicatorOf(f.indicator);
      const agency = names.get(f.agencyId) ?? '';
      // 青川区财政局政府信息公开专栏 → 政府信息公开专栏: the agency is in its own column.
      const target = f.targetName && agency && f.targetName.startsWith(agency) && f.targetName.length > agency.length ? f.targetName.slice(agency.length) : f.targetName ?? '';
      return {
        agency,
        target,
        indicator: indicator.severity === 'veto' ? `${indicator.label}（单项否决）` : indicator.label,
        description: f.description,
        dueOn: f.dueOn ? (Number(f.dueOn.slice(0, 4)) === year ? chineseDate(f.dueOn).replace(/^\d+年/, '') : chineseDate(f.dueOn)) : '',
      };
    });
}

/** The notice as first drafted from the records. */
export function composeNotice(input: NoticeInput): NoticeContent {
  const { inspection, findings, agencies } = input;
  const area = areaWord(input.governmentName);
  const channels = channelWords(input.siteCount, input.newMediaCount);
  const period = inspection.kind === 'quarterly' && inspection.quarter ? `${inspection.year}年${quarterLabel(inspection.quarter)}` : inspection.title.replace(/^关于/, '').replace(/的?通报$/, '');
  const results = agencyResults(agencies, findings);
  const failed = results.filter((r) => r.veto);
  const vetoes = findings.filter((f) => indicatorOf(f.indicator).severity === 'veto').length;
  const rectified = findings.filter((f) => f.status === 'accepted').length;

  const intro =
    `为深入贯彻落实《中华人民共和国政府信息公开条例》，加强${channels}监督管理，根据${INDICATOR_SOURCE}，` +
    `${periodText(inspection.startsOn, inspection.endsOn)}，${input.officeName}对全${area}${agencies.length}个单位的${channels}开展了${period}检查。现将有关情况通报如下。`;

  const scope = [
    input.siteCount > 0 ? `${input.siteCount}个政府网站（栏目页面）` : '',
    input.newMediaCount > 0 ? `${input.newMediaCount}个政务新媒体账号` : '',
  ].filter(Boolean).join('和');
  const overview = [
    `本次检查共检查${agencies.length}个单位的${scope || channels}，发现问题${findings.length}个，其中单项否决问题${vetoes}个。` +
      `${results.length - failed.length}个单位检查合格，${failed.length}个单位检查不合格${failed.length ? `（${failed.map((r) => r.agency).join('、')}）` : ''}。`,
    ...(findings.length ? [`检查发现的问题已反馈各单位整改。截至${chineseDate(input.today)}，已整改到位${rectified}个，正在整改${findings.length - rectified}个。`] : []),
    '各单位检查结果如下：',
  ].join('\n');

  const deadline = inspection.rectifyBy ? chineseDate(inspection.rectifyBy) : null;
  const requirements = [
    ...(findings.length
      ? [`（一）立行立改。各单位要对照问题清单（见附件），逐项整改到位，${deadline ? `于${deadline}前` : '及时'}通过政务公开平台反馈整改情况，并附整改后的截图等佐证材料。`]
      : []),
    `（${chineseOrdinal(findings.length ? 2 : 1)}）举一反三。各单位要对照检查指标，对本单位${channels}开展全面自查，严格落实信息发布审核制度，加强日常内容保障，杜绝同类问题再次发生。`,
    `（${chineseOrdinal(findings.length ? 3 : 2)}）强化考核。${input.officeName}将对整改情况进行复核，检查结果纳入年度政务公开工作绩效考核；逾期未整改或整改不到位的，将予以再次通报。`,
  ].join('\n');

  return {
    title: noticeTitle(input),
    recipients: defaultRecipients(agencies, area),
    intro,
    overview,
    problems: mainProblems(agencies, findings).join('\n'),
    requirements,
    results,
    problemList: problemList(agencies, findings, Number(input.today.slice(0, 4))),
    attachmentTitle: findings.length ? `${period}${channels}检查问题清单` : '',
  };
}

/** Paragraphs of an editable text: one a line, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** One block of the notice body, in reading order, as both renderers set it. */
export type NoticeBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; head: string[]; rows: string[][]; widths: number[] }
  | { type: 'attachments'; text: string };

/** The body between the addressees and the signature. */
export function noticeBlocks(content: Pick<NoticeContent, 'intro' | 'overview' | 'problems' | 'requirements' | 'results' | 'attachmentTitle'>): NoticeBlock[] {
  const paragraphs = (text: string): NoticeBlock[] => paragraphsOf(text).map((t) => ({ type: 'paragraph', text: t }));
  return [
    ...paragraphs(content.intro),
    { type: 'heading', text: '一、总体情况' },
    ...paragraphs(content.overview),
    {
      type: 'table',
      head: ['序号', '单位', '发现问题（个）', '单项否决', '检查结果'],
      rows: content.results.map((r, i) => [String(i + 1), r.agency, String(r.findings), r.veto ? '是' : '否', r.result]),
      widths: [8, 46, 18, 14, 14],
    },
    { type: 'heading', text: '二、存在的主要问题' },
    ...paragraphs(content.problems),
    { type: 'heading', text: '三、整改要求' },
    ...paragraphs(content.requirements),
    ...(content.attachmentTitle ? [{ type: 'attachments', text: `附件：${content.attachmentTitle}` } as const] : []),
  ];
}

/** The attachment's table (问题清单). */
export function problemListTable(rows: readonly ProblemListRow[]): { head: string[]; rows: string[][]; widths: number[] } {
  return {
    head: ['序号', '单位', '检查对象', '问题类型', '问题描述', '整改期限'],
    rows: rows.map((r, i) => [String(i + 1), r.agency, r.target, r.indicator, r.description, r.dueOn]),
    widths: [8, 17, 14, 14, 31, 16],
  };
}

/** Width in characters of 二号 title text: CJK one, ASCII (the year's digits) half. */
function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/**
 * The title's lines (GB/T 9704-2012 7.3.1: 回行时词意完整，排列对称，长短适宜): a title wider than
 * a line breaks after a word ending (和 的 于 度 年 及 与), never inside a number, choosing the most
 * even pair of lines; a tie goes to the shorter upper line (梯形). The 156 mm text block holds 20
 * characters of 二号; 19 leaves room for digits, which many fonts set wider than half a character.
 */
export function titleLines(title: string, maxWidth = 19): string[] {
  const text = title.trim();
  if (widthOf(text) <= maxWidth) return [text];
  const chars = [...text];
  let best: { at: number; score: number } | null = null;
  for (let i = 2; i < chars.length - 2; i++) {
    if (!'和的于度年及与'.includes(chars[i - 1]!) || /[0-9]/.test(chars[i]!)) continue;
    const top = widthOf(chars.slice(0, i).join(''));
    const bottom = widthOf(chars.slice(i).join(''));
    if (top > maxWidth || bottom > maxWidth) continue;
    const score = Math.abs(top - bottom) + (top > bottom ? 0.25 : 0);
    if (!best || score < best.score) best = { at: i, score };
  }
  const at = best?.at ?? Math.ceil(chars.length / 2);
  return [chars.slice(0, at).join(''), ...titleLines(chars.slice(at).join(''), maxWidth)];
}
