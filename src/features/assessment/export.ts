/**
 * The score sheet as an XLSX workbook for the performance assessment (绩效考核): one sheet, the
 * agencies down, the items across, totals and ranks, then how each item is scored — in Chinese,
 * laid out for printing on A4 landscape (one page wide, the header row repeated on every page).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../documents/exceljs.js';
import { formatScore, RULE_EXPLANATIONS, RULE_LABELS, type RuleKind } from '../../domain/assessment/rules.js';
import type { ScoreSheet } from './service.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** Scores print with up to two decimals and no trailing zeros. */
const SCORE_FORMAT = '0.##;-0.##;0';
const HEADER_ROW = 3;

/** The sheet's title, e.g. 测试区人民政府2025年度政务公开工作绩效考核评分表. */
export function sheetTitle(sheet: Pick<ScoreSheet, 'governmentName' | 'year'>): string {
  return `${sheet.governmentName}${sheet.year}年度政务公开工作绩效考核评分表`;
}

const ruleOf = (rule: string): RuleKind => (rule in RULE_LABELS ? (rule as RuleKind) : 'manual');

/** The workbook of a computed score sheet. */
export async function renderSheetXlsx(sheet: ScoreSheet): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = sheet.office.name;
  wb.title = sheetTitle(sheet);
  const columns = 2 + sheet.items.length + 2;
  const ws = wb.addWorksheet('绩效考核评分表', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = [{ width: 6 }, { width: 30 }, ...sheet.items.map(() => ({ width: 13 })), { width: 10 }, { width: 7 }];

  // Title and the line under it.
  ws.mergeCells(1, 1, 1, columns);
  const title = ws.getCell(1, 1);
  title.value = sheetTitle(sheet);
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, columns);
  const sub = ws.getCell(2, 1);
  sub.value = `考核单位：${sheet.office.name}　　满分：${formatScore(sheet.maxTotal)}分　　计算日期：${sheet.today}`;
  sub.font = FONT;
  sub.alignment = { horizontal: 'left', vertical: 'middle' };

  // Header: 序号 · 单位 · each item with its points · 合计 · 排名.
  const header = ['序号', '单位', ...sheet.items.map((i) => `${i.name}\n（${formatScore(i.max_score)}分）`), `合计\n（${formatScore(sheet.maxTotal)}分）`, '排名'];
  const headerRow = ws.getRow(HEADER_ROW);
  header.forEach((text, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = text;
    cell.font = { ...FONT, bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  // Tall enough for the longest item name wrapped in its 13-character column (two units per Chinese character).
  const lines = Math.max(2, ...sheet.items.map((i) => Math.ceil((i.name.length * 2) / 12) + 1));
  headerRow.height = lines * 14 + 6;

  sheet.rows.forEach((r, k) => {
    const row = ws.getRow(HEADER_ROW + 1 + k);
    const values: Array<string | number | null> = [k + 1, r.agency.name, ...r.scores.map((s) => s.score), r.total, r.rank];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      // A score not entered yet stays blank, not 0.
      if (value !== null) cell.value = value;
      cell.font = FONT;
      cell.border = THIN;
      cell.alignment = { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle', wrapText: i === 1 };
      if (i >= 2 && i < columns - 1) cell.numFmt = SCORE_FORMAT;
    });
    // The basis of each computed score travels with it as a cell note (hidden when printed).
    r.scores.forEach((s, i) => {
      if (s.detail) row.getCell(3 + i).note = `${s.detail}${s.provisional ? '（暂计）' : ''}`;
    });
    row.height = 20;
  });

  // How each item is scored.
  let next = HEADER_ROW + sheet.rows.length + 2;
  const note = (text: string, bold = false) => {
    ws.mergeCells(next, 1, next, columns);
    const cell = ws.getCell(next, 1);
    cell.value = text;
    cell.font = { ...FONT, bold };
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    ws.getRow(next).height = Math.max(18, Math.ceil((text.length * 2) / Math.max(40, 13 * sheet.items.length + 50)) * 15 + 4);
    next += 1;
  };
  note('评分说明', true);
  sheet.items.forEach((item, i) => {
    const rule = ruleOf(item.rule);
    const deduction = item.deduction !== null ? `每次扣${formatScore(item.deduction)}分。` : '';
    note(`${i + 1}. ${item.name}（${formatScore(item.max_score)}分，${RULE_LABELS[rule]}）：${RULE_EXPLANATIONS[rule]}${deduction}`);
  });
  note('空白表示尚未评分，合计中不计入。各项得分的计算依据见单元格批注，也可在政务公开平台的评分表页面查看。');
  if (sheet.provisional) note('年度报告发布期限尚未届满的单位，“年度报告按时发布”暂计满分。');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
