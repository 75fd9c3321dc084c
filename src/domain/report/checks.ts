/**
 * The checks every annual report must pass (DESIGN.md, "Checks every report must pass"). Hard
 * findings block publishing; soft ones warn. An arithmetic check that involves a blank or
 * unusable cell is skipped: the blank (cells.blank) or the bad figure (figures.invalid) is
 * reported once, on its own, instead of echoing through every sum it belongs to.
 */
import {
  RULE_IDS,
  SECTION3_COLUMNS,
  SECTION3_COLUMN_LABELS,
  SECTION3_ROW_REFS,
  SECTION4_GROUPS,
  SECTION4_GROUP_LABELS,
  outcomeRows,
  type Finding,
  type ReportData,
  type ReportFormat,
  type RuleId,
  type Section3RowKey,
} from './format.js';
import { checkBlankCells } from './blanks.js';
import {
  describeCell,
  getFigure,
  isDecimalCell,
  isSignedCell,
  listCells,
  tableLayout,
} from './model.js';
import { extractNarrativeFigures, type NarrativeQuantity } from './narrative.js';

/** What the checks know besides the report itself. */
export interface CheckContext {
  /** Last year's report of the same agency (checks 6 and 7). */
  previous?: ReportData | null;
  /** Processing fees collected in the year according to the fee records, in 元 (check 9). */
  feeRecordsYuan?: number | null;
  /** Fee notices (收费通知) sent in the year according to the records (check 9). */
  feeNoticeCount?: number | null;
}

/** Short Chinese names of the rules, for summaries and the UI. */
export const RULE_LABELS: Record<RuleId, string> = {
  'requests.balance': '勾稽关系（一+二=三（七）+四）',
  'requests.outcomeSum': '办理结果合计',
  'requests.rowTotal': '申请人合计',
  'reviews.groupTotal': '复议诉讼合计',
  'figures.invalid': '数字无效',
  'requests.carryOver': '上年结转',
  'registry.inForce': '现行有效件数',
  'narrative.mismatch': '正文与表格不一致',
  'fees.mismatch': '信息处理费',
  'cells.blank': '空白格',
  'parse.unreadable': '无法读取',
};

/** A usable figure: a finite number; null for a blank or unusable cell. */
function value(report: ReportData, path: string): number | null {
  const v = path === 'feesCollectedYuan' ? report.feesCollectedYuan : getFigure(report, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The sum of the cells, or null when any of them is blank or unusable. */
function sum(report: ReportData, paths: readonly string[]): number | null {
  let total = 0;
  for (const path of paths) {
    const v = value(report, path);
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** Sums of integers are exact; the tolerance only spares amounts in 万元 from float noise. */
function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-6;
}

const s3 = (row: string, column: string) => `section3.${row}.${column}`;
const col = (column: (typeof SECTION3_COLUMNS)[number]) => SECTION3_COLUMN_LABELS[column];

/** One arithmetic rule of the tables: the sum of `left` must equal the sum of `right`. */
interface Equation {
  rule: RuleId;
  left: readonly string[];
  right: readonly string[];
  /** The cells as the finding lists them. */
  cells: readonly string[];
  message: (expected: number, actual: number) => string;
}

const equationCache = new Map<ReportFormat, readonly Equation[]>();

/** Checks 1–4 of DESIGN.md for a format, built once. */
function equations(format: ReportFormat): readonly Equation[] {
  const cached = equationCache.get(format);
  if (cached) return cached;
  const layout = tableLayout(format);
  const rowCells = new Map(layout.section3.map((r) => [r.row, r.cells]));
  const cell = (row: Section3RowKey, i: number) => rowCells.get(row)![i]!;
  const outcomes = outcomeRows(format);
  const list: Equation[] = [];
  SECTION3_COLUMNS.forEach((column, i) => {
    // Check 1: the rule printed in the table's corner — 第一项加第二项之和，等于第三项加第四项之和.
    const [received, carriedIn, handled, carriedOut] = (
      ['received', 'carriedIn', 'handledTotal', 'carriedOut'] as const
    ).map((row) => cell(row, i)) as [string, string, string, string];
    list.push({
      rule: 'requests.balance',
      left: [received, carriedIn],
      right: [handled, carriedOut],
      cells: [received, carriedIn, handled, carriedOut],
      message: (e, a) => `${col(column)}列：一+二=${e}，而三（七）+四=${a}`,
    });
  });
  SECTION3_COLUMNS.forEach((column, i) => {
    // Check 2: 三（七）总计 is the sum of 三（一）to 三（六）.
    const parts = outcomes.map((row) => cell(row, i));
    list.push({
      rule: 'requests.outcomeSum',
      left: parts,
      right: [cell('handledTotal', i)],
      cells: [cell('handledTotal', i), ...parts],
      message: (e, a) => `${col(column)}列：三（一）至三（六）各项之和为${e}，而三（七）总计为${a}`,
    });
  });
  for (const { row, cells } of layout.section3) {
    // Check 3: 总计 is the sum of the six requester columns.
    list.push({
      rule: 'requests.rowTotal',
      left: cells.slice(0, -1),
      right: cells.slice(-1),
      cells,
      message: (e, a) => `表三“${SECTION3_ROW_REFS[row]}”行：自然人至其他六列之和为${e}，而总计列为${a}`,
    });
  }
  for (const { group, cells } of layout.section4) {
    // Check 4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    list.push({
      rule: 'reviews.groupTotal',
      left: cells.slice(0, -1),
      right: cells.slice(-1),
      cells,
      message: (e, a) =>
        `${SECTION4_GROUP_LABELS[group]}：结果维持+结果纠正+其他结果+尚未审结=${e}，而总计为${a}`,
    });
  }
  equationCache.set(format, list);
  return list;
}

function checkArithmetic(report: ReportData): Finding[] {
  const findings: Finding[] = [];
  for (const eq of equations(report.format)) {
    const expected = sum(report, eq.left);
    const actual = sum(report, eq.right);
    if (expected === null || actual === null || !differs(expected, actual)) continue;
    findings.push({
      rule: eq.rule,
      severity: 'hard',
      message: eq.message(expected, actual),
      cells: [...eq.cells],
      expected,
      actual,
    });
  }
  return findings;
}

function checkFigures(report: ReportData): Finding[] {
  // Check 5: counts are non-negative integers; money may have decimals; 2019's 本年增/减 is signed.
  const findings: Finding[] = [];
  const cells = [...listCells(report)];
  if (report.feesCollectedYuan !== undefined) cells.push('feesCollectedYuan');
  for (const path of cells) {
    const v = path === 'feesCollectedYuan' ? report.feesCollectedYuan : getFigure(report, path);
    if (typeof v !== 'number') continue;
    const decimal = path === 'feesCollectedYuan' || isDecimalCell(report.format, path);
    let problem: string | null = null;
    if (!Number.isFinite(v)) problem = '不是有效数字';
    else if (v < 0 && !isSignedCell(report.format, path)) problem = `为${v}，不能为负数`;
    else if (!decimal && !Number.isInteger(v)) problem = `为${v}，应为整数`;
    if (problem) {
      findings.push({
        rule: 'figures.invalid',
        severity: 'hard',
        message: `${describeCell(report.format, path)}${problem}`,
        cells: [path],
        actual: Number.isFinite(v) ? v : null,
      });
    }
  }
  return findings;
}

function checkAgainstPrevious(report: ReportData, previous: ReportData | null | undefined): Finding[] {
  // Compared only with the report of the year just before; any other would warn for nothing.
  if (!previous || previous.year !== report.year - 1) return [];
  const findings: Finding[] = [];
  for (const column of SECTION3_COLUMNS) {
    // Check 6: what was carried out of last year is what is carried into this one.
    const actual = value(report, s3('carriedIn', column));
    const expected = value(previous, s3('carriedOut', column));
    if (actual !== null && expected !== null && differs(expected, actual)) {
      findings.push({
        rule: 'requests.carryOver',
        severity: 'soft',
        message: `${col(column)}列：本年“二、上年结转”为${actual}，而${previous.year}年报告“四、结转下年度继续办理”为${expected}`,
        cells: [s3('carriedIn', column)],
        expected,
        actual,
      });
    }
  }
  // Check 7: only the 2021 format counts documents in force (2019 counts 对外公开总数量).
  if (report.format !== '2021' || previous.format !== '2021') return findings;
  for (const [item, label] of [['rules', '规章'], ['normativeDocs', '行政规范性文件']] as const) {
    const cell = (f: string) => `section2.${item}.${f}`;
    const before = value(previous, cell('inForce'));
    const issued = value(report, cell('issued'));
    const repealed = value(report, cell('repealed'));
    const actual = value(report, cell('inForce'));
    if (before === null || issued === null || repealed === null || actual === null) continue;
    const expected = before + issued - repealed;
    if (!differs(expected, actual)) continue;
    findings.push({
      rule: 'registry.inForce',
      severity: 'soft',
      message: `${label}：上年现行有效${before}件+本年制发${issued}件−本年废止${repealed}件=${expected}件，而本年现行有效件数为${actual}件（如有修订、失效等情况请核实）`,
      cells: [cell('inForce'), cell('issued'), cell('repealed')],
      expected,
      actual,
    });
  }
  return findings;
}

interface QuantityTable {
  /** What the narrative figure is, in the message. */
  label: string;
  /** Cells whose sum the narrative figure must equal. */
  cells: string[];
  /** Other sums a clerk may reasonably mean by the same words (e.g. 受理 including 上年结转). */
  alsoAccept?: string[][];
}

function quantityTable(report: ReportData, quantity: NarrativeQuantity): QuantityTable | null {
  const inForce2021 = (item: string, label: string) =>
    report.format === '2021' ? { label, cells: [`section2.${item}.inForce`] } : null;
  const withheld = outcomeRows(report.format).filter((r) => r.startsWith('withheld.'));
  const total = (row: string) => s3(row, 'total');
  const reviewTotals = SECTION4_GROUPS.map((g) => `section4.${g}.total`);
  switch (quantity) {
    case 'received':
      return {
        label: '本年新收申请数',
        cells: [total('received')],
        alsoAccept: [[total('received'), total('carriedIn')]],
      };
    case 'carriedIn':
      return { label: '上年结转申请数', cells: [total('carriedIn')] };
    case 'handled':
      return { label: '办结申请数', cells: [total('handledTotal')] };
    case 'dealtWith':
      return {
        label: '办理申请数',
        cells: [total('handledTotal')],
        alsoAccept: [[total('received'), total('carriedIn')]],
      };
    case 'carriedOut':
      return { label: '结转下年度申请数', cells: [total('carriedOut')] };
    case 'granted':
      return { label: '予以公开件数', cells: [total('granted')] };
    case 'partial':
      return { label: '部分公开件数', cells: [total('partial')] };
    case 'withheld':
      return { label: '不予公开件数', cells: withheld.map(total) };
    case 'normativeDocsInForce':
      return inForce2021('normativeDocs', '现行有效行政规范性文件件数');
    case 'rulesInForce':
      return inForce2021('rules', '现行有效规章件数');
    case 'reconsideration':
      return { label: '行政复议案件数', cells: [reviewTotals[0]!] };
    case 'litigation':
      return { label: '行政诉讼案件数', cells: reviewTotals.slice(1) };
    case 'reviewsAll':
      return { label: '行政复议和行政诉讼案件数', cells: reviewTotals };
    case 'feesCollectedYuan':
      return { label: '收取的信息处理费（元）', cells: ['feesCollectedYuan'] };
  }
}

function checkNarrative(report: ReportData): Finding[] {
  // Check 8: a figure stated in the narrative contradicts the table.
  const findings: Finding[] = [];
  const { overview, problems, other } = report.narrative;
  for (const text of [overview, problems, other]) {
    for (const figure of extractNarrativeFigures(text ?? '', { year: report.year })) {
      const table = quantityTable(report, figure.quantity);
      if (!table) continue;
      const expected = sum(report, table.cells);
      if (expected === null) continue;
      const accepted = [expected, ...(table.alsoAccept ?? []).map((cells) => sum(report, cells))];
      if (accepted.some((v) => v !== null && !differs(v, figure.value))) continue;
      const where = table.cells.map((c) => describeCell(report.format, c)).join('+');
      findings.push({
        rule: 'narrative.mismatch',
        severity: 'soft',
        message: `正文“${figure.excerpt}”中${table.label}为${figure.value}，而${where}为${expected}`,
        cells: table.cells,
        expected,
        actual: figure.value,
      });
    }
  }
  return findings;
}

function checkFees(report: ReportData, context: CheckContext): Finding[] {
  // Check 9 (国办函〔2020〕109号): the fees reported in 六 are the fees the records show.
  const findings: Finding[] = [];
  const reported = value(report, 'feesCollectedYuan');
  const records = context.feeRecordsYuan;
  if (typeof records === 'number' && reported !== null && Math.abs(records - reported) > 0.005) {
    findings.push({
      rule: 'fees.mismatch',
      severity: 'soft',
      message: `六、其他需要报告的事项：收取信息处理费${reported}元，而收费记录合计为${records}元`,
      cells: ['feesCollectedYuan'],
      expected: records,
      actual: reported,
    });
  }
  // A request dropped for an unpaid fee (三（六）2, 2021 format only) needs a fee notice first.
  const unpaid = report.format === '2021' ? value(report, s3('other.feeUnpaid', 'total')) : null;
  if (context.feeNoticeCount === 0 && unpaid !== null && unpaid > 0) {
    findings.push({
      rule: 'fees.mismatch',
      severity: 'soft',
      message: `表三“三（六）2”行（逾期未缴纳信息处理费）总计为${unpaid}件，但本年没有发出收费通知的记录`,
      cells: [s3('other.feeUnpaid', 'total')],
      expected: 0,
      actual: unpaid,
    });
  }
  return findings;
}

/** Order findings by rule (as RULE_IDS lists them), then by the table position of their first cell. */
function sortFindings(report: ReportData, findings: Finding[]): Finding[] {
  const cells = listCells(report);
  const position = (f: Finding) => {
    const i = f.cells[0] === undefined ? -1 : cells.indexOf(f.cells[0]);
    return i === -1 ? cells.length : i;
  };
  return findings.sort(
    (a, b) => RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) || position(a) - position(b),
  );
}

/** Run every check of DESIGN.md on a report; findings in a stable order. */
export function checkReport(report: ReportData, context: CheckContext = {}): Finding[] {
  return sortFindings(report, [
    ...checkArithmetic(report),
    ...checkFigures(report),
    ...checkAgainstPrevious(report, context.previous),
    ...checkNarrative(report),
    ...checkFees(report, context),
    ...checkBlankCells(report),
  ]);
}

/** True when a finding blocks publishing. */
/**
 * The cells that state the contradicted figure: the 三（七） total of an outcome sum, the 总计 of a
 * row or group, every cell of the other rules. Marking all 26 outcome rows of a column would
 * hide where to look.
 */
export function statedCells(f: Finding): readonly string[] {
  if (f.rule === 'requests.outcomeSum') return f.cells.slice(0, 1);
  if (f.rule === 'requests.rowTotal' || f.rule === 'reviews.groupTotal') return f.cells.slice(-1);
  return f.cells;
}

export function hasHardFinding(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'hard');
}

/** A readable Chinese summary, 严重 (blocks publishing) before 提示 (to verify). */
export function summarizeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '未发现问题。';
  const hard = findings.filter((f) => f.severity === 'hard');
  const soft = findings.filter((f) => f.severity === 'soft');
  const lines = [`共发现${findings.length}个问题：严重${hard.length}个，提示${soft.length}个。`];
  const list = (title: string, group: Finding[]) => {
    if (group.length === 0) return;
    lines.push(title);
    group.forEach((f, i) => lines.push(`${i + 1}. 【${RULE_LABELS[f.rule]}】${f.message}`));
  };
  list('严重（改正后才能发布）：', hard);
  list('提示（请核实）：', soft);
  return lines.join('\n');
}
