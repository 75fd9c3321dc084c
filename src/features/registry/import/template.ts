/**
 * The templates of a decision list: CSV (UTF-8 with a byte order mark, so Excel opens it with the
 * right encoding) and XLSX (the list on the first sheet, the explanations on a second one — a
 * row of explanations on the first sheet would be read as a decision).
 */
import { loadExcelJS } from '../../documents/exceljs.js';
import { DECISION_COLUMNS, IGNORED_COLUMNS } from '../../../domain/registry/decisions.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const OPTIONAL_HEADER = `${IGNORED_COLUMNS.join('或')}（可不填，不导入）`;
export const TEMPLATE_HEADER = [DECISION_COLUMNS.number.header, DECISION_COLUMNS.date.header, OPTIONAL_HEADER] as const;

/** How each column is filled in (the import page and the template's second sheet). */
export const TEMPLATE_HINTS: ReadonlyArray<readonly [string, string]> = [
  [DECISION_COLUMNS.number.header, `必填。决定书的文号，如“青环罚〔2025〕12号”；同一单位同一类别中文号相同的视为同一件决定，重复导入不会重复计数。也可写作：${DECISION_COLUMNS.number.aliases.slice(0, 3).join('、')}。`],
  [DECISION_COLUMNS.date.header, '必填。作出决定的日期，按该日期计入年度。可写作2025-01-24、2025/1/24、2025年1月24日，也可以是Excel日期。'],
  [OPTIONAL_HEADER, '可不填。导入时不读取、不保存（相对人姓名等属于个人信息，年报只需要决定的件数）。'],
];

/** The CSV template: the header and one example row (replace it with the list). */
export function csvTemplate(): Buffer {
  return Buffer.from(`\ufeff${TEMPLATE_HEADER.join(',')}\r\n青环罚〔2025〕1号,2025-01-24,\r\n`, 'utf8');
}

/** The XLSX template: the header on the first sheet, the explanations on the second. */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('决定清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: TEMPLATE_HEADER[0], width: 28 },
    { header: TEMPLATE_HEADER[1], width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { header: TEMPLATE_HEADER[2], width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  // Text, so that Excel keeps a number such as 2025001 as typed.
  sheet.getColumn(1).numFmt = '@';
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 30 }, { header: '填写方法', width: 90 }];
  notes.getRow(1).font = { bold: true };
  for (const [column, hint] of TEMPLATE_HINTS) notes.addRow([column, hint]);
  notes.addRow(['', '只读取第一个工作表。表头可以在前10行中的任意一行，表头上面可以有标题行。']);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
