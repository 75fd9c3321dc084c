/**
 * Generated annual reports for the report benchmarks. Figures are drawn to look like the
 * published ones (most agencies get a handful of requests, a few get thousands; 自然人 files
 * most of them); the narrative states the table figures in the phrasing real reports use, so
 * check 8 (narrative.mismatch) reads every report instead of finding nothing to compare.
 *
 * A consistent report passes every check; a faulty one carries one or two of the faults clerks
 * actually make. Each generated case says which it is, so a benchmark can confirm the checks
 * found what was planted (the figures would mean little if the data were not what it claims).
 */
import {
  REQUESTER_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  cloneReport,
  emptyReport,
  getFigure,
  outcomeRows,
  setFigure,
  type CheckContext,
  type Narrative,
  type OutcomeKey,
  type ReportData,
  type ReportFormat,
  type RequesterColumn,
} from '../src/domain/report/index.js';
import { chance, pick, randomInt, type Random } from './lib.js';

export type Fault =
  | 'rowTotal'
  | 'balance'
  | 'outcomeSum'
  | 'reviewTotal'
  | 'blankColumn'
  | 'invalidFigure'
  | 'narrative'
  | 'carryOver'
  | 'fees';

const FAULTS: readonly Fault[] = [
  'rowTotal',
  'balance',
  'outcomeSum',
  'reviewTotal',
  'blankColumn',
  'invalidFigure',
  'narrative',
  'carryOver',
  'fees',
];

export interface GeneratedCase {
  report: ReportData;
  context: CheckContext;
  /** Faults planted; empty for a consistent report. */
  faults: Fault[];
}

/** Share of requests by requester kind (自然人 dominates in every published report). */
const REQUESTER_WEIGHTS: Record<RequesterColumn, number> = {
  naturalPerson: 0.84,
  enterprise: 0.08,
  research: 0.01,
  nonprofit: 0.01,
  legalService: 0.04,
  otherOrg: 0.02,
};

/** Rough share of outcomes; anything not listed is rare. */
function outcomeWeight(row: OutcomeKey): number {
  if (row === 'granted') return 0.4;
  if (row === 'partial') return 0.08;
  if (row === 'unavailable.notHeld') return 0.22;
  if (row.startsWith('withheld.')) return 0.015;
  if (row.startsWith('notProcessed.')) return 0.02;
  return 0.01;
}

const s3 = (row: string, column: string) => `section3.${row}.${column}`;
const total = (report: ReportData, path: string) => (getFigure(report, path) as number | null) ?? 0;

/** Split `amount` into parts with the given weights, each part jittered; parts sum to `amount`. */
function split(random: Random, amount: number, weights: readonly number[]): number[] {
  const jittered = weights.map((w) => w * (0.2 + random()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  const parts = jittered.map((w) => Math.floor((amount * w) / sum));
  parts[0]! += amount - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** Section 三 with every equation of checks 1–3 holding. */
function fillRequests(random: Random, report: ReportData): void {
  // Most agencies receive a few requests a year; a few receive thousands.
  const received = Math.floor(3000 * random() ** 6);
  const perColumn = split(random, received, REQUESTER_COLUMNS.map((c) => REQUESTER_WEIGHTS[c]));
  const outcomes = outcomeRows(report.format);
  const weights = outcomes.map(outcomeWeight);
  const rowTotals = new Map<string, number>();
  const add = (row: string, column: RequesterColumn, value: number) => {
    setFigure(report, s3(row, column), value);
    rowTotals.set(row, (rowTotals.get(row) ?? 0) + value);
  };
  REQUESTER_COLUMNS.forEach((column, i) => {
    const newThisYear = perColumn[i]!;
    const carriedIn = Math.floor(newThisYear * 0.1 * random());
    const carriedOut = Math.floor((newThisYear + carriedIn) * 0.15 * random());
    const handled = newThisYear + carriedIn - carriedOut;
    add('received', column, newThisYear);
    add('carriedIn', column, carriedIn);
    add('carriedOut', column, carriedOut);
    add('handledTotal', column, handled);
    split(random, handled, weights).forEach((n, j) => add(outcomes[j]!, column, n));
  });
  for (const [row, sum] of rowTotals) setFigure(report, s3(row, 'total'), sum);
}

function fillReviews(random: Random, report: ReportData): void {
  for (const group of SECTION4_GROUPS) {
    let sum = 0;
    for (const column of SECTION4_COLUMNS) {
      if (column === 'total') continue;
      const n = chance(random, 0.7) ? 0 : randomInt(random, 0, group === 'reconsideration' ? 12 : 4);
      setFigure(report, `section4.${group}.${column}`, n);
      sum += n;
    }
    setFigure(report, `section4.${group}.total`, sum);
  }
}

function fillProactive(random: Random, report: ReportData): void {
  const set = (path: string, value: number) => setFigure(report, `section2.${path}`, value);
  const decisions = () => Math.floor(50000 * random() ** 4);
  if (report.format === '2021') {
    for (const item of ['rules', 'normativeDocs']) {
      const issued = item === 'rules' ? (chance(random, 0.9) ? 0 : randomInt(random, 0, 3)) : randomInt(random, 0, 20);
      set(`${item}.issued`, issued);
      set(`${item}.repealed`, randomInt(random, 0, 5));
      set(`${item}.inForce`, issued + randomInt(random, 0, 150));
    }
    set('licensing.decisions', decisions());
    set('penalty.decisions', decisions());
    set('enforcement.decisions', Math.floor(decisions() / 20));
    set('fees.amountWanYuan', Math.round(random() * 200000) / 100);
  } else {
    for (const item of ['rules', 'normativeDocs']) {
      const made = randomInt(random, 0, 12);
      set(`${item}.made`, made);
      set(`${item}.published`, made);
      set(`${item}.totalPublic`, made + randomInt(random, 0, 80));
    }
    for (const item of ['licensing', 'otherServices', 'penalty', 'enforcement']) {
      set(`${item}.previousItems`, randomInt(random, 0, 200));
      set(`${item}.change`, randomInt(random, -10, 30));
      set(`${item}.decisions`, decisions());
    }
    set('fees.previousItems', randomInt(random, 0, 10));
    set('fees.change', randomInt(random, -2, 2));
    set('procurement.items', randomInt(random, 0, 40));
    set('procurement.amount', Math.round(random() * 1e9) / 100);
  }
}

/** Prose without figures a table holds, in the manner of 一、总体情况 and 五. */
const OVERVIEW_PROSE = [
  '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，严格执行《中华人民共和国政府信息公开条例》，不断提升政务公开工作质量。',
  '紧紧围绕中心工作，聚焦群众关切，进一步加强政策解读和回应关切，以公开促落实、促规范、促服务。',
  '对照条例和年度政务公开工作要点，加强政务公开平台建设，进一步加强网站栏目建设，逐步细化专栏设置，切实做好主动公开。',
  '坚持“谁起草、谁解读”原则，做到政策文件与解读材料同步组织、同步审签、同步部署，确保解读内容准确权威。',
  '严格落实信息发布“三审核”制度，规范信息制作、审核、发布等流程，确保发布信息及时、内容准确。',
  '认真做好政府门户网站的管理和运行维护工作，及时转载国家、省、市推荐转发的重要文件，持续优化网站功能和栏目设置。',
  '将政务公开纳入各部门综合绩效考核，将日常工作和整改情况作为年底绩效考核的重要依据，压紧压实工作责任。',
  '严格执行政府信息公开申请登记、审核、办理、答复、归档等各环节工作规范，确保依法按时答复申请人。',
  '做好公开前保密审查，严防涉及国家秘密、商业秘密和个人隐私的信息被公开，切实维护各方合法权益。',
  '积极运用政务新媒体发布权威信息，通过图文、视频等多种形式开展政策解读，提升政策知晓度。',
  '围绕优化营商环境、乡村振兴、民生保障等重点领域，加大信息公开力度，及时发布惠企利民政策措施。',
  '持续做好重大行政决策预公开，通过召开座谈会、网上征集意见等方式广泛听取社会公众意见建议。',
  '规范设置政府信息公开指南和政府信息公开目录，及时调整更新，方便公众查阅和获取政府信息。',
  '加强政府信息公开工作机构建设，明确分管领导和具体经办人员，形成一级抓一级、层层抓落实的工作格局。',
  '做好政务公开专区建设，配备查阅设备，安排专人负责解答群众咨询，为群众提供便捷的查询服务。',
];
const PROBLEMS_PROSE = [
  '（一）存在的问题。一是政务公开工作队伍仍需加强，工作人员多为兼职，业务能力有待提升。',
  '二是政策解读形式较为单一，解读的针对性和实效性有待提高。',
  '三是部分栏目信息更新不够及时，公开内容的规范性还需加强。',
  '（二）改进情况。一是加强业务培训，定期组织政务公开业务学习，提升工作人员业务水平。',
  '二是丰富解读形式，更多运用图解、音视频等方式，增强解读效果。',
  '三是建立栏目更新提醒机制，定期开展自查，确保信息发布及时准确。',
];

function prose(random: Random, pool: readonly string[], n: number): string {
  return Array.from({ length: n }, () => pick(random, pool)).join('');
}

/**
 * A narrative stating the report's own figures (received, granted, partial, withheld,
 * handled, carried over, reviews, documents in force, fees), as real reports state them.
 * `receivedAs` replaces the 受理 figure, to plant a mismatch.
 */
export function narrativeFor(random: Random, report: ReportData, receivedAs?: number): Narrative {
  const t = (row: string) => total(report, s3(row, 'total'));
  const withheld = outcomeRows(report.format)
    .filter((row) => row.startsWith('withheld.'))
    .reduce((sum, row) => sum + t(row), 0);
  const year = report.year;
  const litigation = total(report, 'section4.litigationDirect.total') + total(report, 'section4.litigationAfterReconsideration.total');

  const paragraphs = [
    `${year}年，${prose(random, OVERVIEW_PROSE, randomInt(random, 3, 6))}`,
    `一、主动公开情况\n${year}年，通过政府网站主动公开信息${randomInt(random, 200, 6000)}条，其中动态信息${randomInt(random, 50, 1500)}条。${prose(random, OVERVIEW_PROSE, randomInt(random, 2, 5))}`,
    `二、依申请公开情况\n${year}年度，共受理政府信息公开申请${receivedAs ?? t('received')}件。` +
      `其中，公开信息${t('granted')}件，部分公开${t('partial')}件，不予公开${withheld}件。` +
      (t('carriedIn') > 0 ? `另有上年结转申请${t('carriedIn')}件。` : '') +
      `全年办结${t('handledTotal')}件，结转下年度继续办理${t('carriedOut')}件。`,
    `三、政府信息管理情况\n${prose(random, OVERVIEW_PROSE, randomInt(random, 2, 5))}` +
      (report.format === '2021'
        ? `规范设置行政规范性文件栏目，发布现行有效行政规范性文件${total(report, 'section2.normativeDocs.inForce')}件。`
        : ''),
    `四、政府信息公开平台建设情况\n${prose(random, OVERVIEW_PROSE, randomInt(random, 2, 5))}`,
    `五、监督保障情况\n全年组织开展政务公开业务培训${randomInt(random, 1, 6)}次。` +
      `全年发生政府信息公开行政复议${total(report, 'section4.reconsideration.total')}件，行政诉讼${litigation}件。` +
      prose(random, OVERVIEW_PROSE, randomInt(random, 1, 3)),
  ];
  const fees = report.feesCollectedYuan;
  return {
    overview: paragraphs.join('\n\n'),
    problems: prose(random, PROBLEMS_PROSE, randomInt(random, 4, 8)),
    other:
      fees === undefined || fees === null
        ? '无其他需要报告的事项。'
        : fees === 0
          ? '本年度未收取信息处理费。'
          : `本年度收取信息处理费${fees}元。`,
  };
}

/** Last year's report, agreeing with `report` on what checks 6 and 7 compare (or not, when `agree` is false). */
function previousFor(report: ReportData, agree: boolean): ReportData {
  const previous = cloneReport(report);
  previous.year = report.year - 1;
  for (const column of [...REQUESTER_COLUMNS, 'total']) {
    setFigure(previous, s3('carriedOut', column), total(report, s3('carriedIn', column)));
  }
  if (!agree) setFigure(previous, s3('carriedOut', 'total'), total(report, s3('carriedIn', 'total')) + 2);
  if (report.format === '2021') {
    for (const item of ['rules', 'normativeDocs']) {
      const f = (field: string) => total(report, `section2.${item}.${field}`);
      setFigure(previous, `section2.${item}.inForce`, f('inForce') - f('issued') + f('repealed'));
    }
  }
  return previous;
}

function plant(random: Random, report: ReportData, fault: Fault): void {
  const bump = (path: string, by = 1) => setFigure(report, path, total(report, path) + by);
  switch (fault) {
    case 'rowTotal': {
      // A requester's figure left out of 总计 (as 沾益区 2022 did).
      const path = s3(pick(random, ['received', 'granted', 'carriedOut']), 'total');
      bump(path, total(report, path) > 0 ? -1 : 1);
      return;
    }
    case 'balance': // 结转 forgotten: 一+二 ≠ 三（七）+四 in 自然人 and 总计
      bump(s3('carriedOut', 'naturalPerson'), 3);
      bump(s3('carriedOut', 'total'), 3);
      return;
    case 'outcomeSum': // 三（七）总计 typed, not summed
      bump(s3('handledTotal', 'naturalPerson'));
      bump(s3('handledTotal', 'total'));
      bump(s3('received', 'naturalPerson'));
      bump(s3('received', 'total'));
      return;
    case 'reviewTotal':
      bump(`section4.${pick(random, SECTION4_GROUPS)}.total`);
      return;
    case 'blankColumn': // only 自然人 and 总计 filled in, the other columns left blank
      for (const row of Object.keys(report.section3)) {
        for (const column of REQUESTER_COLUMNS.slice(1)) setFigure(report, s3(row, column), null);
      }
      return;
    case 'invalidFigure':
      setFigure(report, 'section2.penalty.decisions', chance(random, 0.5) ? -5 : 12.5);
      return;
    case 'narrative':
    case 'carryOver':
    case 'fees':
      return; // planted in the narrative and the context, below
  }
}

/**
 * One report with its check context. `faulty` reports get one or two faults; contexts hold
 * last year's report for about a third of the reports and the fee records for about half.
 */
export function generateCase(random: Random, index: number, faulty: boolean): GeneratedCase {
  const format: ReportFormat = chance(random, 0.75) ? '2021' : '2019';
  const year = format === '2021' ? randomInt(random, 2022, 2024) : randomInt(random, 2019, 2020);
  const report = emptyReport(format, `第${index + 1}号政府部门`, year);
  fillRequests(random, report);
  fillReviews(random, report);
  fillProactive(random, report);
  const feeDraw = random();
  if (feeDraw < 0.8) report.feesCollectedYuan = 0;
  else if (feeDraw < 0.9) report.feesCollectedYuan = randomInt(random, 1, 30) * 100;

  const faults: Fault[] = [];
  if (faulty) {
    const first = pick(random, FAULTS);
    faults.push(first);
    if (chance(random, 0.3)) {
      const second = pick(random, FAULTS);
      if (second !== first) faults.push(second);
    }
  }
  const has = (fault: Fault) => faults.includes(fault);

  // The narrative is written from the figures before the table faults are planted: a clerk who
  // mistypes a cell usually wrote the text from the right figure. (The text then disagrees with
  // the mistyped cell too, which is also what check 8 reports on real reports.)
  const receivedAs = has('narrative') ? total(report, s3('received', 'total')) + total(report, s3('carriedIn', 'total')) + randomInt(random, 1, 5) : undefined;
  report.narrative = narrativeFor(random, report, receivedAs);
  for (const fault of faults) plant(random, report, fault);

  const context: CheckContext = {};
  if (has('carryOver') || chance(random, 0.33)) context.previous = previousFor(report, !has('carryOver'));
  if (has('fees')) {
    // 六 and its table agree; the fee records do not (check 9).
    report.feesCollectedYuan = 300;
    report.narrative.other = '本年度收取信息处理费300元。';
    context.feeRecordsYuan = 500;
  } else if (chance(random, 0.5)) {
    context.feeRecordsYuan = report.feesCollectedYuan ?? null;
  }
  return { report, context, faults };
}

/** `count` cases, every other one faulty, in a reproducible order. */
export function generateCases(random: Random, count: number): GeneratedCase[] {
  return Array.from({ length: count }, (_, i) => generateCase(random, i, i % 2 === 1));
}

/** A consistent report of the format, for the roll-up: one per agency. */
export function generateAgencyReport(random: Random, format: ReportFormat, agency: string, year: number): ReportData {
  const report = emptyReport(format, agency, year);
  fillRequests(random, report);
  fillReviews(random, report);
  fillProactive(random, report);
  report.feesCollectedYuan = chance(random, 0.9) ? 0 : randomInt(random, 1, 30) * 100;
  report.narrative = narrativeFor(random, report);
  return report;
}
