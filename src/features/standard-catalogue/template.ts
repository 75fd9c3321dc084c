/**
 * The import template: an empty catalogue table in the layout of the State Council's 26 领域
 * guidelines — a title row, two header rows with merged cells, one example matter — and a
 * second sheet explaining how to fill it in. A table downloaded from a government website in
 * that layout imports as it is.
 */
import { loadExcelJS } from '../documents/exceljs.js';
import { CHANNEL_KEYS, CHANNELS, FLAG_LABELS } from '../../domain/standard-catalogue/vocabulary.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The layout's columns: [header, sub-header] (the same text twice when a header spans both rows). */
export const TEMPLATE_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['序号', '序号'],
  ['公开事项', '一级事项'],
  ['公开事项', '二级事项'],
  ['公开内容（要素）', '公开内容（要素）'],
  ['公开依据', '公开依据'],
  ['公开时限', '公开时限'],
  ['公开主体', '公开主体'],
  ...CHANNEL_KEYS.map((k) => ['公开渠道和载体', CHANNELS[k].label] as const),
  ['公开对象', FLAG_LABELS.audiencePublic],
  ['公开对象', FLAG_LABELS.audienceSpecific],
  ['公开方式', FLAG_LABELS.mannerProactive],
  ['公开方式', FLAG_LABELS.mannerOnRequest],
  ['公开层级', FLAG_LABELS.levelCounty],
  ['公开层级', FLAG_LABELS.levelTownship],
];

/** How the template is filled in (its second sheet and the import page). */
export const TEMPLATE_HINTS: ReadonlyArray<readonly [string, string]> = [
  ['领域', '一个文件导入一个领域的目录（如“义务教育”）。标题行写明“××领域基层政务公开标准目录”的，领域从标题读取；也可以在导入页面填写。再次导入同一领域时，按“一级事项＋二级事项”更新已有事项（已指定的承载栏目保留），新增文件中新的事项，删除文件中已没有的事项。'],
  ['一级事项、二级事项', '必填一级事项。一级事项可以跨行合并单元格，合并范围内的每一行都属于该一级事项。同一领域中“一级事项＋二级事项”不能重复。'],
  ['公开内容（要素）', '必填。'],
  ['公开依据、公开主体', '可不填。'],
  ['公开时限', '照标准目录填写，如“信息形成或变更之日起20个工作日内”。写明“N个工作日”或“N日”的，系统据此检查承载栏目中的信息是否按时限发布；“实时”“每年3月底前”等无法计算期限的，显示为“无法判断”。'],
  ['公开渠道和载体', `适用的渠道打“√”：${CHANNEL_KEYS.map((k) => CHANNELS[k].label).join('、')}。“其他”列可以直接写渠道名称。`],
  ['公开对象、公开方式、公开层级', '适用的打“√”，可以两项都打。只有“依申请”的事项不检查发布时限和栏目更新。'],
  ['表头', '表头可以在前10行中的任意一行，上面可以有标题行；表头跨页重复、表格下方的“注：”“说明：”行会被跳过。只读取第一个工作表。'],
];

/** The template workbook (see the module comment). */
export async function catalogueTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('标准目录', { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = TEMPLATE_COLUMNS.length;
  sheet.addRow(['××领域基层政务公开标准目录']);
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow(TEMPLATE_COLUMNS.map(([h]) => h));
  sheet.addRow(TEMPLATE_COLUMNS.map(([, s]) => s));
  // Merge each header: down over both rows where it has no sub-columns, across its sub-columns otherwise.
  for (let c = 1; c <= width; ) {
    const [header, sub] = TEMPLATE_COLUMNS[c - 1]!;
    let end = c;
    while (end < width && TEMPLATE_COLUMNS[end]![0] === header) end++;
    if (end > c) sheet.mergeCells(2, c, 2, end);
    else if (header === sub) sheet.mergeCells(2, c, 3, c);
    c = end + 1;
  }
  sheet.addRow([
    1, '政策文件', '规范性文件', '本领域的行政规范性文件', '《中华人民共和国政府信息公开条例》', '信息形成或变更之日起20个工作日内', '县级人民政府有关部门',
    ...CHANNEL_KEYS.map((k) => (k === 'website' || k === 'readingPoint' ? '√' : null)), '√', null, '√', null, '√', null,
  ]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  for (const r of [2, 3]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : i < 7 ? (i === 3 || i === 4 ? 30 : 16) : 6;
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '项目', width: 24 }, { header: '填写方法', width: 100 }];
  notes.getRow(1).font = { bold: true };
  for (const [item, hint] of TEMPLATE_HINTS) notes.addRow([item, hint]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
