/**
 * Building, addressing and rolling up report data (the JSON of DESIGN.md, "Report data as
 * JSON"). A figure cell is named by a dotted path: "section3.received.total",
 * "section3.withheld.stateSecret.naturalPerson", "section2.normativeDocs.inForce",
 * "section4.reconsideration.pending". Section 三 row keys contain dots themselves, so a path is
 * read as: section, then row (everything in between), then column.
 */
import {
  SECTION3_COLUMNS,
  SECTION3_COLUMN_LABELS,
  SECTION3_ROW_LABELS,
  SECTION3_ROW_REFS,
  SECTION4_COLUMNS,
  SECTION4_COLUMN_LABELS,
  SECTION4_GROUPS,
  SECTION4_GROUP_LABELS,
  section3Rows,
  type Figure,
  type ReportData,
  type ReportFormat,
  type Section3Column,
  type Section3Row,
  type Section3RowKey,
  type Section4Column,
  type Section4Group,
} from './format.js';

/** Section 二 items and their figures, per format, in table order. */
export const SECTION2_FIELDS: Record<ReportFormat, ReadonlyArray<readonly [string, readonly string[]]>> = {
  '2021': [
    ['rules', ['issued', 'repealed', 'inForce']],
    ['normativeDocs', ['issued', 'repealed', 'inForce']],
    ['licensing', ['decisions']],
    ['penalty', ['decisions']],
    ['enforcement', ['decisions']],
    ['fees', ['amountWanYuan']],
  ],
  '2019': [
    ['rules', ['made', 'published', 'totalPublic']],
    ['normativeDocs', ['made', 'published', 'totalPublic']],
    ['licensing', ['previousItems', 'change', 'decisions']],
    ['otherServices', ['previousItems', 'change', 'decisions']],
    ['penalty', ['previousItems', 'change', 'decisions']],
    ['enforcement', ['previousItems', 'change', 'decisions']],
    ['fees', ['previousItems', 'change']],
    ['procurement', ['items', 'amount']],
  ],
};

/** Article of 第二十条 each section 二 item reports under, and its official name. */
const SECTION2_ITEM_LABELS: Record<string, [article: string, label: string]> = {
  rules: ['第二十条第（一）项', '规章'],
  normativeDocs: ['第二十条第（一）项', '行政规范性文件'],
  licensing: ['第二十条第（五）项', '行政许可'],
  otherServices: ['第二十条第（五）项', '其他对外管理服务事项'],
  penalty: ['第二十条第（六）项', '行政处罚'],
  enforcement: ['第二十条第（六）项', '行政强制'],
  fees: ['第二十条第（八）项', '行政事业性收费'],
  procurement: ['第二十条第（九）项', '政府集中采购'],
};
const SECTION2_FIELD_LABELS: Record<string, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  decisions: '本年处理决定数量',
  amountWanYuan: '本年收费金额（万元）',
  made: '本年新制作数量',
  published: '本年新公开数量',
  totalPublic: '对外公开总数量',
  previousItems: '上一年项目数量',
  change: '本年增/减',
  items: '采购项目数量',
  amount: '采购总金额',
};

/** A figure cell, decoded from its dotted path. */
export type CellRef =
  | { section: 'section2'; item: string; field: string }
  | { section: 'section3'; row: Section3RowKey; column: Section3Column }
  | { section: 'section4'; group: Section4Group; column: Section4Column };

/** The cells of a format's tables, row by row: section 三 rows in SECTION3_COLUMNS order,
 * section 四 groups in SECTION4_COLUMNS order. */
export interface TableLayout {
  section2: ReadonlyArray<{ item: string; cells: readonly string[] }>;
  section3: ReadonlyArray<{ row: Section3RowKey; cells: readonly string[] }>;
  section4: ReadonlyArray<{ group: Section4Group; cells: readonly string[] }>;
}

interface FormatCells {
  layout: TableLayout;
  list: readonly string[];
  refs: ReadonlyMap<string, CellRef>;
}

// Built once per format: the checks address every cell several times per report, and reusing
// the same path strings keeps that cheap.
const formatCellsCache = new Map<ReportFormat, FormatCells>();

function formatCells(format: ReportFormat): FormatCells {
  const cached = formatCellsCache.get(format);
  if (cached) return cached;
  const refs = new Map<string, CellRef>();
  const add = (path: string, ref: CellRef) => {
    refs.set(path, Object.freeze(ref));
    return path;
  };
  const layout: TableLayout = {
    section2: SECTION2_FIELDS[format].map(([item, fields]) => ({
      item,
      cells: fields.map((field) => add(`section2.${item}.${field}`, { section: 'section2', item, field })),
    })),
    section3: section3Rows(format).map((row) => ({
      row,
      cells: SECTION3_COLUMNS.map((column) =>
        add(`section3.${row}.${column}`, { section: 'section3', row, column }),
      ),
    })),
    section4: SECTION4_GROUPS.map((group) => ({
      group,
      cells: SECTION4_COLUMNS.map((column) =>
        add(`section4.${group}.${column}`, { section: 'section4', group, column }),
      ),
    })),
  };
  const entry = { layout, list: Object.freeze([...refs.keys()]), refs };
  formatCellsCache.set(format, entry);
  return entry;
}

/** The cells of a format's tables, row by row. */
export function tableLayout(format: ReportFormat): TableLayout {
  return formatCells(format).layout;
}

/** Every figure cell path of a format's tables, in table order (二, then 三 row by row, then 四). */
export function listCells(reportOrFormat: ReportData | ReportFormat): readonly string[] {
  return formatCells(typeof reportOrFormat === 'string' ? reportOrFormat : reportOrFormat.format).list;
}

/** Decode a cell path; null when it is not a figure cell of the format. */
export function parseCellPath(format: ReportFormat, path: string): CellRef | null {
  return formatCells(format).refs.get(path) ?? null;
}

type FigureTable = Record<string, Record<string, Figure> | undefined>;

/** The figure at a cell path; undefined when the path is not a cell of the report's format. */
export function getFigure(report: ReportData, path: string): Figure | undefined {
  const ref = parseCellPath(report.format, path);
  if (!ref) return undefined;
  if (ref.section === 'section3') return report.section3[ref.row]?.[ref.column] ?? null;
  if (ref.section === 'section4') return report.section4[ref.group][ref.column];
  return (report.section2 as unknown as FigureTable)[ref.item]?.[ref.field] ?? null;
}

/** Set the figure at a cell path, in place. Throws on a path that is not a cell of the format. */
export function setFigure(report: ReportData, path: string, value: Figure): void {
  const ref = parseCellPath(report.format, path);
  if (!ref) throw new RangeError(`not a figure cell of format ${report.format}: ${path}`);
  if (ref.section === 'section3') {
    const row = (report.section3[ref.row] ??= section3Row(null));
    row[ref.column] = value;
  } else if (ref.section === 'section4') {
    report.section4[ref.group][ref.column] = value;
  } else {
    const table = report.section2 as unknown as FigureTable;
    (table[ref.item] ??= {})[ref.field] = value;
  }
}

/** A deep copy, so that a caller can change figures without touching the original. */
export function cloneReport<R extends ReportData>(report: R): R {
  return structuredClone(report);
}

/** Figures that may be decimals: amounts of money (万元 in 2021, as printed in 2019). */
export function isDecimalCell(format: ReportFormat, path: string): boolean {
  return format === '2021'
    ? path === 'section2.fees.amountWanYuan'
    : path === 'section2.procurement.amount';
}

/** Figures that may be negative: the 2019 format's 本年增/减 (change in the number of matters). */
export function isSignedCell(format: ReportFormat, path: string): boolean {
  return format === '2019' && path.startsWith('section2.') && path.endsWith('.change');
}

/** Short row name used in messages, e.g. "三（三）1 属于国家秘密". */
export function describeSection3Row(row: Section3RowKey): string {
  const short: Partial<Record<Section3RowKey, string>> = {
    received: '本年新收',
    carriedIn: '上年结转',
    granted: '予以公开',
    partial: '部分公开',
    other: '其他处理',
    handledTotal: '办理结果总计',
    carriedOut: '结转下年度继续办理',
  };
  const name = short[row] ?? SECTION3_ROW_LABELS[row].replace(/^\d+\./, '');
  return `${SECTION3_ROW_REFS[row]} ${name}`;
}

/** A cell described for a clerk, e.g. "表三“一 本年新收”行·总计列". */
export function describeCell(format: ReportFormat, path: string): string {
  if (path === 'feesCollectedYuan') return '六、本年收取信息处理费（元）';
  const ref = parseCellPath(format, path);
  if (!ref) return path;
  if (ref.section === 'section3') {
    return `表三“${describeSection3Row(ref.row)}”行·${SECTION3_COLUMN_LABELS[ref.column]}列`;
  }
  if (ref.section === 'section4') {
    return `表四 ${SECTION4_GROUP_LABELS[ref.group]}·${SECTION4_COLUMN_LABELS[ref.column]}`;
  }
  const [article, label] = SECTION2_ITEM_LABELS[ref.item] ?? ['', ref.item];
  const itemLabel = format === '2019' && ref.item === 'normativeDocs' ? '规范性文件' : label;
  return `表二 ${article} ${itemLabel}·${SECTION2_FIELD_LABELS[ref.field] ?? ref.field}`;
}

function section3Row(value: Figure): Section3Row {
  return Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, value])) as Section3Row;
}

function filledReport(format: ReportFormat, agency: string, year: number, value: Figure): ReportData {
  const section2 = Object.fromEntries(
    SECTION2_FIELDS[format].map(([item, fields]) => [
      item,
      Object.fromEntries(fields.map((f) => [f, value])),
    ]),
  );
  const section3 = Object.fromEntries(section3Rows(format).map((row) => [row, section3Row(value)]));
  const section4 = Object.fromEntries(
    SECTION4_GROUPS.map((g) => [g, Object.fromEntries(SECTION4_COLUMNS.map((c) => [c, value]))]),
  );
  return {
    format,
    agency,
    year,
    section2,
    section3,
    section4,
    narrative: { overview: '', problems: '', other: '' },
  } as unknown as ReportData;
}

/** A report with every figure 0: the starting point when figures are computed from records. */
export function emptyReport(format: ReportFormat, agency: string, year: number): ReportData {
  return filledReport(format, agency, year, 0);
}

/** A report with every figure blank (null): what a reader fills in from a published report. */
export function blankReport(format: ReportFormat, agency: string, year: number): ReportData {
  return filledReport(format, agency, year, null);
}

/** Round away float noise (0.1 + 0.2) in amounts of money: 4 decimals keep 1 元 in 万元. */
function roundAmount(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/**
 * Roll-up (汇总) of agencies' reports into one: each cell is the sum of the agencies' figures.
 * A blank cell does not blank the sum (null + 3 = 3); a cell blank in every report stays blank.
 * All reports must be in `format`, since the 2019 and 2021 tables do not line up row for row.
 */
export function sumReports(
  format: ReportFormat,
  agency: string,
  year: number,
  reports: readonly ReportData[],
): ReportData {
  const mismatched = reports.find((r) => r.format !== format);
  if (mismatched) {
    throw new RangeError(
      `cannot roll a ${mismatched.format} report (${mismatched.agency}) into format ${format}`,
    );
  }
  const total = blankReport(format, agency, year);
  for (const path of listCells(format)) {
    let sum: Figure = null;
    for (const report of reports) {
      const value = getFigure(report, path);
      if (typeof value === 'number') sum = (sum ?? 0) + value;
    }
    setFigure(total, path, sum !== null && isDecimalCell(format, path) ? roundAmount(sum) : sum);
  }
  const fees = reports.map((r) => r.feesCollectedYuan).filter((v) => typeof v === 'number');
  if (fees.length > 0) total.feesCollectedYuan = roundAmount(fees.reduce((a, b) => a + b, 0));
  return total;
}

/** One agency's figure in a cell: what a roll-up cell is made of. */
export interface BreakdownEntry {
  agency: string;
  value: Figure;
}

/** The figure each report holds at a cell path (null where blank or not in its format). */
export function breakdown(reports: readonly ReportData[], cellPath: string): BreakdownEntry[] {
  return reports.map((r) => ({ agency: r.agency, value: getFigure(r, cellPath) ?? null }));
}
