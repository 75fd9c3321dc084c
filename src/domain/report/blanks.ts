/**
 * Blank cells (cells.blank). A published table must have a figure in every cell — 0 where
 * there is nothing to count — so a blank is a hard finding. Blanks are grouped so that a report
 * that leaves whole rows or columns empty (common: only the 自然人 and 总计 columns filled) gets
 * a few findings a clerk can act on, not a hundred.
 */
import {
  SECTION3_COLUMNS,
  SECTION3_COLUMN_LABELS,
  SECTION4_GROUP_LABELS,
  type Finding,
  type ReportData,
} from './format.js';
import { describeCell, describeSection3Row, getFigure, tableLayout } from './model.js';

const HINT = '（已公开的表格每一格都应填写，没有的填0）';

function blank(cells: readonly string[], message: string): Finding {
  return {
    rule: 'cells.blank',
    severity: 'hard',
    message: `${message}${HINT}`,
    cells: [...cells],
    actual: null,
  };
}

/** One finding per blank cell of the report, grouped by row, column or whole table. */
export function checkBlankCells(report: ReportData): Finding[] {
  const format = report.format;
  const layout = tableLayout(format);
  const isBlank = (path: string) => getFigure(report, path) === null;
  const findings: Finding[] = [];
  const eachCell = (cells: readonly string[]) => {
    for (const c of cells.filter(isBlank)) findings.push(blank([c], `${describeCell(format, c)}空白`));
  };

  // Section 二: an item left out entirely is one finding.
  for (const { cells } of layout.section2) {
    if (cells.length > 1 && cells.every(isBlank)) {
      const name = describeCell(format, cells[0]!).replace(/·[^·]*$/, '');
      findings.push(blank(cells, `${name}一行全部空白`));
    } else {
      eachCell(cells);
    }
  }

  // Section 三: whole table, then whole rows, then columns blank in every remaining row, then cells.
  const rows = layout.section3;
  if (rows.every((r) => r.cells.every(isBlank))) {
    findings.push(blank(rows.flatMap((r) => r.cells), '表三（收到和处理政府信息公开申请情况）全部空白'));
  } else {
    const partly = rows.filter((r) => !r.cells.every(isBlank));
    for (const r of rows.filter((r) => r.cells.every(isBlank))) {
      findings.push(blank(r.cells, `表三“${describeSection3Row(r.row)}”行整行空白`));
    }
    const blankColumns = SECTION3_COLUMNS.filter(
      (_, i) => partly.length > 1 && partly.every((r) => isBlank(r.cells[i]!)),
    );
    for (const column of blankColumns) {
      const i = SECTION3_COLUMNS.indexOf(column);
      const cells = partly.map((r) => r.cells[i]!);
      findings.push(blank(cells, `表三${SECTION3_COLUMN_LABELS[column]}列空白（${cells.length}格）`));
    }
    const listed = new Set(blankColumns.map((c) => SECTION3_COLUMNS.indexOf(c)));
    for (const r of partly) eachCell(r.cells.filter((_, i) => !listed.has(i)));
  }

  // Section 四: whole table, then whole groups, then cells.
  const groups = layout.section4;
  if (groups.every((x) => x.cells.every(isBlank))) {
    findings.push(blank(groups.flatMap((x) => x.cells), '表四（行政复议、行政诉讼情况）全部空白'));
  } else {
    for (const { group, cells } of groups) {
      if (cells.every(isBlank)) findings.push(blank(cells, `表四 ${SECTION4_GROUP_LABELS[group]}整组空白`));
      else eachCell(cells);
    }
  }
  return findings;
}
