/**
 * Figures that a report's narrative (一、总体情况, 五, 六) states about quantities its tables
 * also hold, e.g. "共受理政府信息公开申请9件" or "现行有效行政规范性文件35件". Check 8 of
 * DESIGN.md compares them with the tables.
 *
 * The extraction is deliberately conservative: a warning that is usually wrong teaches clerks to
 * ignore warnings. A figure is taken only when its clause names the quantity itself, speaks of
 * the whole year (no 本月, 上半年, 同比, 以来 …), is not a part of a larger figure (其中 …, by
 * channel, by requester) and names no other year than the report's.
 */

/** What a narrative figure is about; checks.ts maps each to the table cells it must equal. */
export type NarrativeQuantity =
  /** 本年新收 requests (some reports count 上年结转 in as well) — 表三 一 */
  | 'received'
  /** 上年结转 — 表三 二 */
  | 'carriedIn'
  /** 办结/答复: requests completed — 表三 三（七） */
  | 'handled'
  /** 办理/处理: completed, or (loosely) all requests dealt with in the year — 三（七） or 一+二 */
  | 'dealtWith'
  /** 结转下年度 — 表三 四 */
  | 'carriedOut'
  /** 予以公开 — 表三 三（一） */
  | 'granted'
  /** 部分公开 — 表三 三（二） */
  | 'partial'
  /** 不予公开 — 表三 三（三） 1–8 */
  | 'withheld'
  /** 现行有效（行政）规范性文件 — 表二 */
  | 'normativeDocsInForce'
  /** 现行有效规章 — 表二 */
  | 'rulesInForce'
  /** 行政复议 — 表四 */
  | 'reconsideration'
  /** 行政诉讼 — 表四, both kinds */
  | 'litigation'
  /** 行政复议、行政诉讼 together — 表四, all three groups */
  | 'reviewsAll'
  /** 信息处理费 collected, in 元 — 六 */
  | 'feesCollectedYuan';

export interface NarrativeFigure {
  quantity: NarrativeQuantity;
  value: number;
  /** The sentence (or clause) the figure was read from, for the finding's message. */
  excerpt: string;
}

export interface ExtractOptions {
  /** The report year: a clause naming another year (e.g. a comparison with 2021) is skipped. */
  year?: number;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A count written in Chinese numerals (十二, 两, 一百零五, 三万二千) or in digits (full-width
 * digits and thousands separators allowed); null when it is not a well-formed count.
 */
export function parseCount(text: string): number | null {
  const ascii = toAsciiDigits(text).replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      // Two digits in a row (二〇二二) is a year or a code, not a count.
      if (digit !== null && digit !== 0) return null;
      digit = CN_DIGITS[ch]!;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else {
      section += (digit ?? 1) * CN_UNITS[ch]!;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A count: digits (not the tail of a longer number or decimal) or Chinese numerals. */
const N = '((?<![\\d.])\\d+(?:,\\d{3})*|[零〇一二两三四五六七八九十百千万]+)';
/** Any text within a clause that holds no digit, at most `n` characters. */
const gap = (n: number) => `[^\\d]{0,${n}}?`;
// The d flag records where the count starts, to look at the words around it.
const re = (source: string) => new RegExp(source, 'd');

/** 近300件, 约20件, 数十件, 10件左右: an estimate is not a figure to hold a table to. */
const ESTIMATE_BEFORE = /(?:近|约|逾|超过|超|大约|将近|不足|不到|数|几|上)$/;
const ESTIMATE_AFTER = /^\s*(?:件|起)(?:左右|上下|以上|以下|之多)/;

function countAt(clause: string, match: RegExpExecArray | null): number | null {
  const span = match?.indices?.[1];
  if (!match || !span || match[1] === undefined) return null;
  if (ESTIMATE_BEFORE.test(clause.slice(0, span[0])) || ESTIMATE_AFTER.test(clause.slice(span[1]))) {
    return null;
  }
  return parseCount(match[1]);
}

interface Pattern {
  quantity: NarrativeQuantity;
  regexes: RegExp[];
  /** The clause must be in a sentence about disclosure requests. */
  requests?: boolean;
  /** The figure is a whole (not allowed after 其中 or with a channel/requester breakdown). */
  whole?: boolean;
  /** Words that make the clause about something else. */
  unless?: RegExp;
}

const VERB_RECEIVE = '(?:受理|收到|新收|接收|接到)';
const NEXT_YEAR = '(?:至|到)?(?:下一?年度?|明年)';
/** Words of other kinds of cases and of parts of the whole, which a request count must not have. */
const NOT_REQUESTS = /复议|诉讼|案件|信访|投诉|举报|问政|留言|咨询|热线|提案|建议|来信|来电|政务服务|网上|网络|在线|当面|信函|邮寄|传真|电子邮件|自然人|法人|企业/;
/** Words of one result of a review case, which a review total must not have. */
const REVIEW_RESULTS = /纠正|纠错|维持|撤销|确认违法|尚未|审结|败诉|胜诉|驳回|结果/;

const PATTERNS: Pattern[] = [
  {
    quantity: 'carriedIn',
    regexes: [re(`(?:上一?年度?|去年)结转${gap(12)}${N}件`), re(`结转(?:自)?上一?年度?${gap(8)}${N}件`)],
    requests: true,
    whole: true,
    unless: NOT_REQUESTS,
  },
  {
    quantity: 'carriedOut',
    regexes: [
      re(`结转${NEXT_YEAR}${gap(8)}${N}件`),
      re(`${N}件${gap(4)}结转${NEXT_YEAR}`),
      re(`(?:尚未办结|未办结)${gap(4)}${N}件`),
      re(`${N}件${gap(4)}(?:尚未办结|未办结)`),
    ],
    requests: true,
    whole: true,
    unless: /上一?年度?结转|结转(?:自)?上|去年|复议|诉讼|案件/,
  },
  {
    quantity: 'received',
    regexes: [
      re(`${VERB_RECEIVE}${gap(20)}(?:政府信息公开|信息公开|依申请公开|依申请)${gap(8)}${N}件`),
      re(`${VERB_RECEIVE}${gap(6)}${N}件${gap(12)}申请`),
      re(`(?:政府信息公开申请|信息公开申请|依申请公开)${gap(6)}${VERB_RECEIVE}${gap(4)}${N}件`),
    ],
    requests: true,
    whole: true,
    unless: new RegExp(`${NOT_REQUESTS.source}|结转|主动公开`),
  },
  {
    quantity: 'handled',
    regexes: [re(`(?:办结|办理完毕|答复)${gap(10)}${N}件`)],
    requests: true,
    whole: true,
    unless: new RegExp(`${NOT_REQUESTS.source}|结转|未|不予|延期|逾期|超期|按时|按期|限期`),
  },
  {
    quantity: 'dealtWith',
    regexes: [re(`(?<!不予|其他|继续)(?:办理|处理)(?!完毕)${gap(10)}${N}件`)],
    requests: true,
    whole: true,
    unless: new RegExp(`${NOT_REQUESTS.source}|结转|未|不予|延期|逾期|超期|按时|按期|限期|办结|答复`),
  },
  {
    quantity: 'granted',
    regexes: [re(`(?<!部分|主动|不予|未|不)(?:予以公开|同意公开|全部公开|公开信息)${gap(4)}${N}件`)],
    requests: true,
  },
  { quantity: 'partial', regexes: [re(`部分公开${gap(4)}${N}件`)], requests: true },
  { quantity: 'withheld', regexes: [re(`不予公开${gap(4)}${N}件`)], requests: true },
  {
    quantity: 'normativeDocsInForce',
    regexes: [
      re(`现行有效${gap(16)}规范性文件${gap(4)}${N}件`),
      re(`规范性文件${gap(8)}现行有效${gap(4)}${N}件`),
    ],
    unless: /废止|失效|修订|修改|清理|新|本年|制发/,
  },
  {
    quantity: 'rulesInForce',
    regexes: [re(`现行有效${gap(6)}规章${gap(4)}${N}件`), re(`规章${gap(6)}现行有效${gap(4)}${N}件`)],
    unless: /废止|失效|修订|修改|清理|新|本年|制定/,
  },
  {
    quantity: 'reviewsAll',
    regexes: [re(`行政复议[、和及与]行政诉讼${gap(10)}${N}(?:件|起)`)],
    whole: true,
    unless: REVIEW_RESULTS,
  },
  {
    quantity: 'reconsideration',
    regexes: [re(`行政复议${gap(12)}${N}(?:件|起)`)],
    whole: true,
    unless: new RegExp(`诉讼|${REVIEW_RESULTS.source}`),
  },
  {
    quantity: 'litigation',
    regexes: [re(`行政诉讼${gap(12)}${N}(?:件|起)`)],
    whole: true,
    unless: new RegExp(`复议|${REVIEW_RESULTS.source}`),
  },
];

/** 信息处理费 (国办函〔2020〕109号) in 元, or a statement that none was collected. */
const FEE_AMOUNT = [/信息处理费[^\d]{0,10}?((?<![\d.])\d+(?:\.\d+)?)元/, /收取了?((?<![\d.])\d+(?:\.\d+)?)元的?信息处理费/];
const FEE_NONE = [/(?:未|没有|无)收取?[^\d]{0,4}?信息处理费/, /信息处理费[^\d]{0,6}?(?:为0|为零|0元)/];

/** A clause that speaks of less than the whole year, or of years together. */
const PART_OF_YEAR =
  /本月|当月|上月|每月|月份|季度|上半年|下半年|半年|(?<!\d)\d{1,2}月(?!\d{1,2}日)|以来|历年|近[一二三四五两\d]年|同比|环比|较上年|比上年|较去年|比去年|增长|下降|增加|减少/;

function mentionsOtherYear(clause: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  return [...clause.matchAll(/(\d{4})年/g)].some((m) => Number(m[1]) !== year);
}

/** A sentence about requests for disclosure (not about reviews, petitions or proactive work). */
function aboutRequests(sentence: string): boolean {
  return /申请/.test(sentence) && !/复议申请|申请(?:行政)?复议/.test(sentence);
}

/**
 * Read the figures a narrative states. Sentences end at 。！？ or a line break; 其中 opens a
 * breakdown that lasts to the end of the sentence or the next ；.
 */
export function extractNarrativeFigures(text: string, options: ExtractOptions = {}): NarrativeFigure[] {
  const figures: NarrativeFigure[] = [];
  const seen = new Set<string>();
  const push = (quantity: NarrativeQuantity, value: number, excerpt: string) => {
    const key = `${quantity}|${value}|${excerpt}`;
    if (seen.has(key)) return;
    seen.add(key);
    figures.push({ quantity, value, excerpt });
  };

  let previousAboutRequests = false;
  for (const rawSentence of toAsciiDigits(text).split(/[。！？!?\n]+/)) {
    // PDF conversions put spaces around numbers ("申请 749 件"); Chinese prose has none.
    const sentence = rawSentence.replace(/\s+/g, '');
    if (!sentence) continue;
    // "其中，公开信息7件…" continues the sentence before it.
    const requests: boolean = aboutRequests(sentence) || (previousAboutRequests && sentence.startsWith('其中'));
    previousAboutRequests = requests;

    for (const part of sentence.split(/[；;]/)) {
      const clauses = part.split(/[，,：:]/);
      // A part opening with a bare time phrase ("2021年，…") speaks of that time throughout.
      if (mentionsOtherYear(/^\d{4}年度?$/.test(clauses[0] ?? '') ? clauses[0]! : '', options.year)) continue;
      const excerpt = part.length <= 60 ? part : '';
      let inBreakdown = false;
      for (const clause of clauses) {
        if (clause.includes('其中')) inBreakdown = true;
        if (PART_OF_YEAR.test(clause) || mentionsOtherYear(clause, options.year)) continue;
        for (const pattern of PATTERNS) {
          if (pattern.requests && !requests) continue;
          if (pattern.whole && inBreakdown) continue;
          if (pattern.unless?.test(clause)) continue;
          for (const regex of pattern.regexes) {
            const value = countAt(clause, regex.exec(clause));
            if (value === null) continue;
            push(pattern.quantity, value, excerpt || clause);
            break;
          }
        }
        const fee = FEE_AMOUNT.map((r) => r.exec(clause)).find((m) => m?.[1] !== undefined);
        if (fee) push('feesCollectedYuan', Number(fee[1]), excerpt || clause);
        else if (FEE_NONE.some((r) => r.test(clause))) push('feesCollectedYuan', 0, excerpt || clause);
      }
    }
  }
  return figures;
}
