/**
 * The import template: the column layout explained for people, and the XLSX file staff
 * download and fill in — the header row, a row of explanations (skipped on import), and
 * drop-down lists where Excel supports them (data validation), fed from a second sheet.
 *
 * The columns (keys and headers in src/domain/requests/import.ts, IMPORT_COLUMNS):
 *   受理单位（统一社会信用代码或单位全称） · 申请人类型 · 申请人姓名或名称 · 证件号码或统一社会信用代码 ·
 *   联系方式 · 申请内容 · 申请渠道 · 收到申请日期 · 补正通知日期 · 收到补正日期 · 延期天数 ·
 *   答复日期（办结日期） · 办理结果 · 备注
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../documents/exceljs.js';
import {
  CHANNEL_NAMES, IMPORT_COLUMNS, IMPORT_OUTCOMES, MAX_IMPORT_ROWS, OUTCOME_CHOICES, REQUESTER_KIND_NAMES,
  type ImportColumnKey, type ImportOutcome,
} from '../../../domain/requests/import.js';
import { SECTION3_ROW_REFS } from '../../../domain/report/format.js';

/** What to write in each column, for the template's second row and the import page. */
export const COLUMN_HINTS: Readonly<Record<ImportColumnKey, string>> = {
  agency: '受理申请的行政机关：填写单位全称或统一社会信用代码，须是您有权办理申请的单位。',
  requesterKind: '自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他组织（年报第三部分的申请人分类）。',
  requesterName: '自然人填写姓名，法人或其他组织填写名称。',
  identity: '自然人填写身份证件号码，法人或其他组织填写统一社会信用代码；可不填。请把本列设为文本格式，以免Excel把号码当作数字截断。',
  contact: '电话、电子邮箱或通信地址，多项用分号隔开；可不填。',
  description: '所需政府信息的名称、文号或者便于查询的其他特征性描述。',
  channel: '网上申请、当面申请、信函（挂号信、快递等需签收的邮寄）、平常信函、传真、电子邮件或口头申请。',
  receivedOn: '收到申请之日（《条例》第三十一条）。日期可写作2025-01-24、2025/1/24或2025年1月24日，也可以是Excel日期。',
  clarificationRequestedOn: '告知申请人补正的日期；没有补正的不填。',
  clarifiedOn: '收到补正后申请的日期，答复期限自该日重新计算（第三十条）；申请人未补正的不填。',
  extensionDays: '延长答复期限的工作日数，1至20（第三十三条第二款）；没有延期的不填。',
  repliedOn: '发出答复书的日期；逾期不补正、逾期未缴费或申请人撤回的，填写办结之日。仍在办理中的不填。',
  outcome: '年报第三部分的办理结果，如“予以公开”“不予公开-属于国家秘密”，也可写年报序号如“三（三）1”；申请人撤回的填“撤回”。仍在办理中的不填。',
  note: '可不填。填写的内容记作答复理由、部分公开中不予公开的部分或撤回的原因；逾期未缴费的须写明收费金额，如“收费200元”。',
};

/** Other spellings accepted for each outcome, shown on the import page. */
export const OUTCOME_EXAMPLES: Readonly<Partial<Record<ImportOutcome, string>>> = {
  'withheld.stateSecret': '属于国家秘密、不予公开-国家秘密、三（三）1',
  'unavailable.notHeld': '本机关不掌握相关政府信息、不掌握、三（四）1',
  'notProcessed.petition': '信访举报投诉类申请、信访、三（五）1',
  'other.noClarification': '申请人无正当理由逾期不补正…、逾期不补正、三（六）1',
  'other.feeUnpaid': '申请人逾期未缴纳费用、逾期未缴费、三（六）2',
  withdrawn: '申请人撤回、撤回申请（计入三（六）3 其他）',
};

/** The report row reference of an outcome; withdrawals are counted under 三（六）3. */
export function outcomeRef(outcome: ImportOutcome): string {
  return outcome === 'withdrawn' ? SECTION3_ROW_REFS['other.other'] : SECTION3_ROW_REFS[outcome];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the data sheet that get the drop-down lists (more can be typed or pasted below). */
const VALIDATED_ROWS = 10_000;
const DATE_KEYS: readonly ImportColumnKey[] = ['receivedOn', 'clarificationRequestedOn', 'clarifiedOn', 'repliedOn'];

/** Data validation on a whole range; exceljs supports it, its typings only declare the per-cell form. */
function validate(sheet: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The template as an XLSX file: sheet 申请记录 (header, explanations, empty rows with drop-down
 * lists) and sheet 可选值 (the lists: the agencies the downloading user may handle, requester
 * kinds, channels, outcomes with their report references).
 */
export async function buildImportTemplate(agencyNames: readonly string[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'gongkai';
  const sheet = workbook.addWorksheet('申请记录', { views: [{ state: 'frozen', ySplit: 2 }] });
  const lists = workbook.addWorksheet('可选值');

  const kinds = REQUESTER_KIND_NAMES.map(([, names]) => names[0]!);
  const channels = CHANNEL_NAMES.map(([, names]) => names[0]!);
  lists.columns = [
    { header: '受理单位', width: 36 },
    { header: '申请人类型', width: 14 },
    { header: '申请渠道', width: 12 },
    { header: '办理结果', width: 44 },
    { header: '年报序号', width: 12 },
  ];
  const height = Math.max(agencyNames.length, kinds.length, channels.length, IMPORT_OUTCOMES.length);
  for (let i = 0; i < height; i++) {
    const outcome = IMPORT_OUTCOMES[i];
    lists.addRow([agencyNames[i] ?? null, kinds[i] ?? null, channels[i] ?? null, outcome ? OUTCOME_CHOICES[outcome] : null, outcome ? outcomeRef(outcome) : null]);
  }
  lists.getRow(1).font = { bold: true };

  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    width: c.key === 'description' ? 40 : c.key === 'agency' || c.key === 'outcome' ? 30 : c.key === 'identity' ? 22 : 16,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const notes = sheet.getRow(2);
  IMPORT_COLUMNS.forEach((c, i) => {
    const hint = `${c.required && c.key !== 'repliedOn' && c.key !== 'outcome' ? '【必填】' : ''}${COLUMN_HINTS[c.key]}`;
    notes.getCell(i + 1).value = i === 0 ? `【填写说明】本行导入时跳过。${hint}` : hint;
  });
  notes.font = { italic: true, color: { argb: 'FF666666' } };
  notes.alignment = { wrapText: true, vertical: 'top' };
  notes.height = 120;

  const last = VALIDATED_ROWS + 2;
  const at = (key: ImportColumnKey) => columnLetter(IMPORT_COLUMNS.findIndex((c) => c.key === key));
  const range = (key: ImportColumnKey) => `${at(key)}3:${at(key)}${last}`;
  const list = (column: string, count: number) => [`'可选值'!$${column}$2:$${column}$${Math.max(2, count + 1)}`];
  // Lists warn rather than refuse: short forms (公民, 三（三）1, …) are accepted on import too.
  const loose = { allowBlank: true, showErrorMessage: true, errorStyle: 'warning', errorTitle: '不在列表中', error: '不是列表中的写法：导入时会尽量识别，无法识别的会列为错误。' };
  if (agencyNames.length > 0) validate(sheet, range('agency'), { type: 'list', formulae: list('A', agencyNames.length), ...loose });
  validate(sheet, range('requesterKind'), { type: 'list', formulae: list('B', kinds.length), ...loose });
  validate(sheet, range('channel'), { type: 'list', formulae: list('C', channels.length), ...loose });
  validate(sheet, range('outcome'), { type: 'list', formulae: list('D', IMPORT_OUTCOMES.length), ...loose });
  validate(sheet, range('extensionDays'), {
    type: 'whole', operator: 'between', formulae: [1, 20], allowBlank: true, showErrorMessage: true, errorStyle: 'stop',
    errorTitle: '延期天数', error: '延长答复期限为1至20个工作日（第三十三条第二款）',
  });
  for (const key of DATE_KEYS) {
    validate(sheet, range(key), {
      type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))], allowBlank: true, showErrorMessage: true,
      errorStyle: 'warning', errorTitle: '日期', error: '请填写日期，如2025-01-24',
    });
    sheet.getColumn(at(key)).numFmt = 'yyyy-mm-dd';
  }
  // Text, so that Excel keeps all 18 characters of an ID number.
  sheet.getColumn(at('identity')).numFmt = '@';
  sheet.getColumn(at('contact')).numFmt = '@';

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** The limits stated on the import page. */
export const IMPORT_LIMITS = { rows: MAX_IMPORT_ROWS, megabytes: 10 } as const;
