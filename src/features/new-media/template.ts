/**
 * The import template of monthly item counts: XLSX with the agency's accounts already listed, one
 * row per account and month of the year (only the count to fill in), and the explanations on a
 * second sheet; and a CSV with the header and an example row.
 */
import { loadExcelJS } from '../documents/exceljs.js';
import { MONTHLY_COLUMNS } from './import-rows.js';
import { monthLabel, monthProblem, monthsOfYear, PLATFORM_LABELS, PLATFORMS, type Platform } from './rules.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TEMPLATE_HEADER = [MONTHLY_COLUMNS.account.header, MONTHLY_COLUMNS.platform.header, MONTHLY_COLUMNS.month.header, MONTHLY_COLUMNS.items.header] as const;

/** How each column is filled in (the import page and the template's second sheet). */
export const TEMPLATE_HINTS: ReadonlyArray<readonly [string, string]> = [
  [MONTHLY_COLUMNS.account.header, '必填。已在本单位政务新媒体中登记的账号名称，也可以填写登记的账号ID。'],
  [MONTHLY_COLUMNS.platform.header, `同一单位在不同平台有同名账号时必填：${PLATFORMS.map((p) => PLATFORM_LABELS[p]).join('、')}。`],
  [MONTHLY_COLUMNS.month.header, '必填。如2025-03或2025年3月；不能填写尚未结束的以后月份，也不能填写账号开通以前、关停以后的月份。'],
  [MONTHLY_COLUMNS.items.header, '必填。该账号当月发布的信息条数，不小于0的整数；不填的行不导入，该月已填报的条数不变。已填报过的月份以导入的条数为准。'],
];

/** The CSV template: UTF-8 with a byte order mark, so Excel opens it with the right encoding. */
export function csvTemplate(): Buffer {
  return Buffer.from(`\ufeff${TEMPLATE_HEADER.join(',')}\r\n青川发布,微信公众号,2025-01,30\r\n`, 'utf8');
}

export interface TemplateAccount {
  name: string;
  platform: Platform;
  openedOn: string;
  closedOn: string | null;
}

/** The XLSX template for an agency and year: a row per account and month it operated in, up to today. */
export async function xlsxTemplate(accounts: readonly TemplateAccount[], year: number, today: string): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('发布条数', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: TEMPLATE_HEADER[0], width: 30 },
    { header: TEMPLATE_HEADER[1], width: 14 },
    { header: TEMPLATE_HEADER[2], width: 12 },
    { header: TEMPLATE_HEADER[3], width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  // Months as text (2025-03), so that Excel does not turn them into dates of its own format.
  sheet.getColumn(3).numFmt = '@';
  for (const a of accounts) {
    for (const month of monthsOfYear(year)) {
      if (monthProblem({ openedOn: a.openedOn, closedOn: a.closedOn }, month, today) === null) sheet.addRow([a.name, PLATFORM_LABELS[a.platform], month, null]);
    }
  }
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 16 }, { header: '填写方法', width: 90 }];
  notes.getRow(1).font = { bold: true };
  for (const [column, hint] of TEMPLATE_HINTS) notes.addRow([column, hint]);
  notes.addRow(['', `只读取第一个工作表。本模板已列出各账号${year}年已运营的月份（至${monthLabel(today.slice(0, 7))}），填写发布条数即可；不填条数的行不导入。`]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
