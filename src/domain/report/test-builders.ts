/** Builders of small reports for the checks' tests. */
import { REQUESTER_COLUMNS, type Finding, type ReportData, type ReportFormat } from './format.js';
import { emptyReport, setFigure } from './model.js';

export type Six = [number, number, number, number, number, number];

/** Set a section 三 row: the six requester columns, and 总计 (their sum unless given). */
export function row(report: ReportData, key: string, six: Six, total?: number): void {
  REQUESTER_COLUMNS.forEach((c, i) => setFigure(report, `section3.${key}.${c}`, six[i]!));
  setFigure(report, `section3.${key}.total`, total ?? six.reduce((a, b) => a + b, 0));
}

/** Set a section 四 group: 结果维持, 结果纠正, 其他结果, 尚未审结, and 总计 (their sum unless given). */
export function group(report: ReportData, key: string, four: number[], total?: number): void {
  ['upheld', 'corrected', 'otherResult', 'pending'].forEach((c, i) =>
    setFigure(report, `section4.${key}.${c}`, four[i]!),
  );
  setFigure(report, `section4.${key}.total`, total ?? four.reduce((a, b) => a + b, 0));
}

/** A small consistent report: 4 received + 1 carried in = 4 handled + 1 carried out. */
export function consistent(format: ReportFormat = '2021', year = format === '2021' ? 2022 : 2020): ReportData {
  const r = emptyReport(format, '某区某局', year);
  row(r, 'received', [3, 1, 0, 0, 0, 0]);
  row(r, 'carriedIn', [1, 0, 0, 0, 0, 0]);
  row(r, 'granted', [2, 1, 0, 0, 0, 0]);
  row(r, 'partial', [1, 0, 0, 0, 0, 0]);
  row(r, 'handledTotal', [3, 1, 0, 0, 0, 0]);
  row(r, 'carriedOut', [1, 0, 0, 0, 0, 0]);
  return r;
}

export const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.message, f.expected, f.actual]);
