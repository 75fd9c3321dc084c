/**
 * The annual report's tables as a workbook: one sheet per section in the official layout (merged
 * headers, borders, figures as numbers, blank for null), and a "数据" sheet with one row per cell
 * path for programs that read the figures back.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../documents/exceljs.js';
import type { ReportData } from '../../../domain/report/format.js';
import {
  allFigureCells,
  isLeftAligned,
  placeCells,
  section2Tables,
  section3Table,
  section4Table,
  type LayoutCell,
  type LayoutRow,
} from './report-layout.js';
import { SECTION_HEADINGS, reportTitle, type FigureStyle, type ReportRenderMeta } from './report-text.js';

export const SHEET_NAMES = {
  section2: '二、主动公开',
  section3: '三、依申请公开',
  section4: '四、复议诉讼',
  data: '数据',
} as const;

/** Rows above each table: the report title, then the section heading. */
const TABLE_START_ROW = 3;

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const NUMBER_FORMATS: Record<FigureStyle, string> = { count: '0', signed: '+0;-0;0', amount: 'General' };

function styleCell(target: ExcelJS.Cell, cell: LayoutCell): void {
  target.font = FONT;
  target.border = THIN;
  target.alignment = { vertical: 'middle', horizontal: isLeftAligned(cell) ? 'left' : 'center', wrapText: true };
  if (cell.kind === 'figure') {
    target.numFmt = NUMBER_FORMATS[cell.style];
    // A blank cell stays empty: null is "left blank", not zero.
    if (cell.value !== null) target.value = cell.value;
  } else {
    target.value = cell.text;
  }
}

/** Points per line of 10.5pt text, and the padding of a row. */
const LINE_HEIGHT = 14;
const ROW_PADDING = 4;

/** Lines a text needs in a column `width` characters wide; a Chinese character takes two. */
function linesNeeded(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
}

/**
 * Writes rows of cells from `startRow`, column A on; merges what the layout spans. Rows are made
 * tall enough for their wrapped labels: neither Excel nor LibreOffice grows a row for text that
 * wraps in a merged cell. Returns the next free row.
 */
function writeRows(
  ws: ExcelJS.Worksheet,
  rows: readonly LayoutRow[],
  widths: readonly number[],
  startRow: number,
): number {
  const lines = rows.map(() => 1);
  for (const { cell, row, col } of placeCells(rows, widths.length)) {
    const r = startRow + row;
    const c = 1 + col;
    styleCell(ws.getCell(r, c), cell);
    // Merging copies the master's style, borders included, onto the covered cells.
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
    if (cell.kind !== 'figure') {
      const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      const perRow = Math.ceil(linesNeeded(cell.text, width) / cell.rowSpan);
      for (let dr = 0; dr < cell.rowSpan; dr += 1) lines[row + dr] = Math.max(lines[row + dr]!, perRow);
    }
  }
  lines.forEach((n, i) => {
    ws.getRow(startRow + i).height = n * LINE_HEIGHT + ROW_PADDING;
  });
  return startRow + rows.length;
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  heading: string,
  widths: readonly number[],
  frozen: { rows: number; columns: number },
  landscape: boolean,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozen.columns, ySplit: frozen.rows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = widths.length;
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, last);
  ws.getRow(1).height = 24;
  ws.getCell(2, 1).value = heading;
  ws.getCell(2, 1).font = { ...FONT, size: 12, bold: true };
  ws.mergeCells(2, 1, 2, last);
  return ws;
}

/** The report's tables as XLSX. */
export async function renderReportXlsx(report: ReportData, meta: ReportRenderMeta): Promise<Buffer> {
  const title = reportTitle(meta.agencyName, report.year);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = meta.reportingUnit ?? meta.agencyName;
  wb.title = title;

  // 二: the small tables stacked as published, each under a banner row naming its item of 第二十条.
  const blocks = section2Tables(report);
  const s2Columns = blocks[0]!.columnWidths.length;
  const s2Widths = [26, 16, 16, 16];
  const ws2 = addSheet(wb, SHEET_NAMES.section2, title, SECTION_HEADINGS.section2, s2Widths, { rows: 2, columns: 0 }, false);
  let next = TABLE_START_ROW;
  for (const block of blocks) {
    const banner: LayoutRow = [{ kind: 'note', text: block.caption, rowSpan: 1, colSpan: s2Columns }];
    next = writeRows(ws2, [banner, ...block.head, ...block.body], s2Widths, next);
  }

  // 三: frozen below the three header rows and right of the three label columns.
  const s3 = section3Table(report);
  const s3Widths = [7, 12, 40, 8, 9, 9, 9, 9, 8, 8];
  const ws3 = addSheet(
    wb,
    SHEET_NAMES.section3,
    title,
    SECTION_HEADINGS.section3,
    s3Widths,
    { rows: TABLE_START_ROW - 1 + s3.head.length, columns: s3.labelColumns },
    false,
  );
  writeRows(ws3, [...s3.head, ...s3.body], s3Widths, TABLE_START_ROW);
  ws3.pageSetup.printTitlesRow = `${TABLE_START_ROW}:${TABLE_START_ROW + s3.head.length - 1}`;

  // 四: fifteen columns; landscape when printed.
  const s4 = section4Table(report);
  const s4Widths = s4.columnWidths.map(() => 10);
  const ws4 = addSheet(
    wb,
    SHEET_NAMES.section4,
    title,
    SECTION_HEADINGS.section4,
    s4Widths,
    { rows: TABLE_START_ROW - 1 + s4.head.length, columns: 0 },
    true,
  );
  writeRows(ws4, [...s4.head, ...s4.body], s4Widths, TABLE_START_ROW);

  // 数据: one row per cell path, for machines; identification rows first.
  const data = wb.addWorksheet(SHEET_NAMES.data, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = [
    { header: '路径', key: 'path', width: 46 },
    { header: '值', key: 'value', width: 14 },
    { header: '说明', key: 'label', width: 90 },
  ];
  data.getRow(1).font = { bold: true };
  data.addRow({ path: 'format', value: report.format, label: '报告格式' });
  data.addRow({ path: 'agency', value: report.agency, label: '机关' });
  data.addRow({ path: 'year', value: report.year, label: '年度' });
  for (const cell of allFigureCells(report)) {
    const row = data.addRow({ path: cell.path, value: cell.value ?? undefined, label: cell.label });
    row.getCell('value').numFmt = NUMBER_FORMATS[cell.style];
  }
  data.autoFilter = { from: 'A1', to: 'C1' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
