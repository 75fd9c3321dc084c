/**
 * The import template: a CSV (UTF-8 with a byte order mark, so that Excel on Chinese Windows
 * opens it as UTF-8) with the header row and one example row, which is skipped on import
 * because its title starts with 【示例】.
 */
import { IMPORT_FIELDS, type ImportFieldKey } from './fields.js';
import { EXAMPLE_MARK } from './records.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';

const EXAMPLE: Readonly<Record<ImportFieldKey, string>> = {
  title: `${EXAMPLE_MARK}本行导入时跳过：关于印发《政府信息公开工作规定》的通知`,
  column: '政策文件/规范性文件',
  infoKind: '行政规范性文件',
  subjectCategory: '综合政务',
  issuingAgency: '',
  documentNumber: '青政办发〔2022〕12号',
  writtenDate: '2022-03-01',
  publishedDate: '2022/3/5',
  validity: '有效',
  indexNumber: '11530303MB1234567X/2022-00015',
  bodyHtml: '<p>各乡（镇）人民政府、街道办事处，区直各部门：</p><p>现将《政府信息公开工作规定》印发给你们，请认真贯彻执行。</p>',
  attachments: '附件/政府信息公开工作规定.pdf;附件/起草说明.docx',
  sourceName: '',
  interpretsIndexNumber: '',
};

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template file. */
export function buildImportTemplate(): Buffer {
  const lines = [IMPORT_FIELDS.map((f) => csvField(f.header)), IMPORT_FIELDS.map((f) => csvField(EXAMPLE[f.key]))].map((cells) => cells.join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
