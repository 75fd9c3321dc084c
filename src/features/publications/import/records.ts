/**
 * Reading an import file's items as records — field → text as written — before any check: a
 * CSV already split into rows of cells, or a JSON array of objects. Keys are the CSV headers or
 * the JSON keys of fields.ts; other columns and keys are ignored.
 */
import { FIELD_HEADERS, IMPORT_FIELDS, fieldOfHeader, type ImportFieldKey } from './fields.js';

/** Most items one file may hold (a district's whole old site fits). */
export const MAX_IMPORT_ITEMS = 100_000;
/** Rows whose title starts with this are the template's example and are skipped. */
export const EXAMPLE_MARK = '【示例】';

/** A file that cannot be read as a whole (no header, not JSON, too many rows…). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/** One item of the file as written: the text of each field it gives. */
export interface RawRecord {
  /** Row of the CSV as a spreadsheet shows it (the header is row 1), or position in the JSON array (from 1). */
  row: number;
  /** 第N行 (CSV) or 第N条 (JSON). */
  label: string;
  values: Partial<Record<ImportFieldKey, string | string[]>>;
  /** Values of a wrong type (JSON), found while reading. */
  errors: RowError[];
}

/** An error of one row (or JSON element), as listed to the importer. */
export interface RowError {
  row: number;
  field: ImportFieldKey | null;
  /** The whole message: 第3行“发布日期”：…, or 第3行：… */
  message: string;
}

/** The error of a row's field (or of the row as a whole when field is null), worded for the list. */
export function rowError(record: Pick<RawRecord, 'row' | 'label'>, field: ImportFieldKey | null, detail: string): RowError {
  return { row: record.row, field, message: field ? `${record.label}“${FIELD_HEADERS[field]}”：${detail}` : `${record.label}：${detail}` };
}

type Cell = string | number | boolean | Date | null | undefined;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * The records of a CSV read into rows of cells: the first non-empty row is the header; columns
 * with other headers are ignored; a header may appear once. Empty rows and the template's
 * example row (title starting with 【示例】) are skipped.
 */
export function recordsFromSheet(sheet: ReadonlyArray<readonly Cell[] | undefined>): RawRecord[] {
  const headerIndex = sheet.findIndex((r) => (r ?? []).some((c) => cellText(c).trim() !== ''));
  if (headerIndex < 0) throw new ImportFileError('文件是空的：第1行应为列名（标题、栏目、发布日期……），从第2行起每行一条信息');
  const columns = new Map<number, ImportFieldKey>();
  const seen = new Map<ImportFieldKey, string>();
  (sheet[headerIndex] ?? []).forEach((cell, i) => {
    const text = cellText(cell).trim();
    const key = fieldOfHeader(text);
    if (!key) return;
    if (seen.has(key)) throw new ImportFileError(`列名“${text}”与“${seen.get(key)}”是同一项（${FIELD_HEADERS[key]}），只能有一列`);
    seen.set(key, text);
    columns.set(i, key);
  });
  const missing = IMPORT_FIELDS.filter((f) => f.required && !seen.has(f.key)).map((f) => `“${f.header}”`);
  if (missing.length > 0) {
    throw new ImportFileError(`第${headerIndex + 1}行（列名）缺少必填的列：${missing.join('、')}。可用的列名：${IMPORT_FIELDS.map((f) => f.header).join('、')}`);
  }
  const records: RawRecord[] = [];
  for (let i = headerIndex + 1; i < sheet.length; i++) {
    const cells = sheet[i] ?? [];
    const values: RawRecord['values'] = {};
    for (const [index, key] of columns) {
      const text = cellText(cells[index]);
      if (text.trim() !== '') values[key] = text;
    }
    if (Object.keys(values).length === 0 || isExample(values)) continue;
    if (records.length >= MAX_IMPORT_ITEMS) throw new ImportFileError(tooMany());
    records.push({ row: i + 1, label: `第${i + 1}行`, values, errors: [] });
  }
  if (records.length === 0) throw new ImportFileError('文件中没有数据：列名下面没有要导入的信息');
  return records;
}

const tooMany = () => `文件超过${MAX_IMPORT_ITEMS.toLocaleString('zh-CN')}条信息，请分成几个文件导入`;

function isExample(values: RawRecord['values']): boolean {
  return typeof values.title === 'string' && values.title.trim().startsWith(EXAMPLE_MARK);
}

/**
 * The records of a JSON file: an array of objects (or { "items": [...] }), keys in English or
 * as the CSV headers. Values are text or numbers; 附件 may also be an array of paths.
 */
export function recordsFromJson(text: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`JSON格式有误：${error instanceof Error ? error.message : String(error)}`);
  }
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : null;
  if (!list) throw new ImportFileError('JSON文件应为一个数组，每个元素是一条信息，如 [{"title": "…", "column": "…", "publishedDate": "2022-03-05"}]');
  if (list.length > MAX_IMPORT_ITEMS) throw new ImportFileError(tooMany());
  const records: RawRecord[] = [];
  list.forEach((element, i) => {
    const record: RawRecord = { row: i + 1, label: `第${i + 1}条`, values: {}, errors: [] };
    if (!element || typeof element !== 'object' || Array.isArray(element)) {
      record.errors.push(rowError(record, null, '应为一个对象（{"title": …}）'));
      records.push(record);
      return;
    }
    for (const [k, v] of Object.entries(element as Record<string, unknown>)) {
      const key = fieldOfHeader(k);
      if (!key || v === null || v === undefined) continue;
      if (typeof v === 'string' || typeof v === 'number') {
        if (String(v).trim() !== '') record.values[key] = String(v);
      } else if (key === 'attachments' && Array.isArray(v) && v.every((p) => typeof p === 'string')) {
        record.values[key] = v as string[];
      } else {
        record.errors.push(rowError(record, key, key === 'attachments' ? '应为文字或文字的数组' : '应为文字'));
      }
    }
    if (!isExample(record.values)) records.push(record);
  });
  if (records.length === 0) throw new ImportFileError('文件中没有数据：数组是空的');
  return records;
}
