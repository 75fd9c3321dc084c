/**
 * The report JSON of DESIGN.md ("Report data as JSON"), written with a stable key order so that
 * two renderings of the same report are byte-identical and diffs between versions stay readable.
 */
import {
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section3Rows,
  type Figure,
  type ReportData,
} from '../../../domain/report/format.js';

const SECTION2_KEYS = {
  '2021': {
    rules: ['issued', 'repealed', 'inForce'],
    normativeDocs: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    penalty: ['decisions'],
    enforcement: ['decisions'],
    fees: ['amountWanYuan'],
  },
  '2019': {
    rules: ['made', 'published', 'totalPublic'],
    normativeDocs: ['made', 'published', 'totalPublic'],
    licensing: ['previousItems', 'change', 'decisions'],
    otherServices: ['previousItems', 'change', 'decisions'],
    penalty: ['previousItems', 'change', 'decisions'],
    enforcement: ['previousItems', 'change', 'decisions'],
    fees: ['previousItems', 'change'],
    procurement: ['items', 'amount'],
  },
} as const satisfies Record<ReportData['format'], Record<string, readonly string[]>>;

const figure = (value: unknown): Figure => (typeof value === 'number' ? value : null);

/**
 * The report as JSON, 2-space indent, keys in the order of DESIGN.md: format, agency, year,
 * section2, section3, section4, narrative (then feesCollectedYuan where known). Section 三 lists
 * every row of the report's format in table order, each with the seven columns; a row or figure
 * missing from the data is written as null, the value of a blank cell.
 */
export function renderReportJson(report: ReportData): string {
  const source2 = report.section2 as unknown as Record<string, Record<string, unknown> | undefined>;
  const section2 = Object.fromEntries(
    Object.entries(SECTION2_KEYS[report.format] as Record<string, readonly string[]>).map(([item, fields]) => [
      item,
      Object.fromEntries(fields.map((f) => [f, figure(source2[item]?.[f])])),
    ]),
  );
  const section3 = Object.fromEntries(
    section3Rows(report.format).map((key) => [
      key,
      Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, figure(report.section3[key]?.[c])])),
    ]),
  );
  const section4 = Object.fromEntries(
    SECTION4_GROUPS.map((g) => [g, Object.fromEntries(SECTION4_COLUMNS.map((c) => [c, figure(report.section4[g]?.[c])]))]),
  );
  const ordered: Record<string, unknown> = {
    format: report.format,
    agency: report.agency,
    year: report.year,
    section2,
    section3,
    section4,
    narrative: {
      overview: report.narrative.overview,
      problems: report.narrative.problems,
      other: report.narrative.other,
    },
  };
  if (report.feesCollectedYuan !== undefined) ordered.feesCollectedYuan = report.feesCollectedYuan;
  return JSON.stringify(ordered, null, 2);
}
