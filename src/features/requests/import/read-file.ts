/**
 * An uploaded spreadsheet as rows of cells: XLSX (the first worksheet) or CSV, recognised by
 * content rather than by name — an XLSX file is a zip archive and starts with "PK".
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../documents/exceljs.js';
import { decodeReportFile } from '../../../domain/report/published.js';
import { ImportFileError, MAX_IMPORT_ROWS, type ImportCell } from '../../../domain/requests/import.js';
import { cellValue } from '../../documents/cell-value.js';

/** Rows above the data: title rows, the header, the template's explanations. */
const MAX_LEADING_ROWS = 6;
/** Columns read from a worksheet: the layout has 14; a few extra (序号, notes) are tolerated. */
const MAX_COLUMNS = 50;

/** Rows of cells, row 1 first; a missing row or cell is empty. */
export type SheetRows = (ImportCell[] | undefined)[];

/** Reads an XLSX or CSV file. Throws ImportFileError when it is neither or cannot be read. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetRows> {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportFileError('不支持旧版Excel文件（.xls），请在Excel中“另存为”Excel工作簿（.xlsx）或CSV后再上传');
  }
  return parseCsv(decodeReportFile(bytes));
}


/**
 * ExcelJS's streaming reader sometimes loses the zip's last entry (a race between its unzip
 * stream ending and the loop reading it): about 3 reads in 1,000 of a workbook ExcelJS itself
 * wrote, whose last entry is xl/workbook.xml, failed with a TypeError inside the reader, and the
 * clerk was told a good file was damaged. The same bytes read again succeed, so one failure that
 * is not ours is retried before the file is called unreadable.
 */
async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  try {
    return await readXlsxOnce(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    try {
      return await readXlsxOnce(bytes);
    } catch (again) {
      if (again instanceof ImportFileError) throw again;
      throw new ImportFileError('无法读取该Excel文件：文件可能已损坏，或不是Excel工作簿（.xlsx）');
    }
  }
}

/**
 * The first worksheet, read as a stream: the streaming reader neither builds a cell object per
 * cell nor expands the data-validation ranges of the template into one entry per cell, so a
 * 200,000-row sheet reads in seconds. Styles are read so that date cells come back as dates.
 * Errors other than ours are left to readXlsx.
 */
async function readXlsxOnce(bytes: Uint8Array): Promise<SheetRows> {
  const rows: SheetRows = [];
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // A compressed sheet can unpack to far more than its 10 MB: stop at the row limit.
      if (row.number > MAX_IMPORT_ROWS + MAX_LEADING_ROWS) throw new ImportFileError(`文件超过${MAX_IMPORT_ROWS}行数据，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`);
      const values = row.values as ExcelJS.CellValue[];
      const cells: ImportCell[] = [];
      // row.values is 1-based: index 0 is always empty. Columns beyond the layout's are ignored.
      for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(cellValue(values[i]));
      rows[row.number - 1] = cells;
    }
    break; // the first worksheet only
  }
  return rows;
}

/**
 * CSV as RFC 4180 describes it: fields separated by commas (or tabs, when the first line has
 * tabs and no commas — Excel's “Unicode text”), records by CRLF or LF, fields in double quotes
 * may hold separators, line breaks and doubled quotes (""). A quote inside an unquoted field,
 * or text after a closing quote, is kept as text. An unterminated quote is an error. The byte
 * order mark and the encoding (UTF-8, GB18030 as Excel on Chinese Windows saves it, UTF-16)
 * are handled by decodeReportFile before.
 */
export function parseCsv(text: string): SheetRows {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, Math.max(0, source.search(/\r?\n|$/)));
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  // Unquoted fields are sliced out whole: building them character by character made a
  // 200,000-row file spend most of its reading time collecting garbage.
  const plainEnd = separator === ',' ? /[,\r\n]/g : /[\t\r\n]/g;
  const rows: SheetRows = [];
  let row: ImportCell[] = [];
  let line = 1;
  let i = 0;
  const length = source.length;
  while (i < length) {
    let field: string;
    if (source[i] === '"') {
      const startLine = line;
      field = '';
      let from = i + 1;
      for (;;) {
        const quote = source.indexOf('"', from);
        if (quote < 0) throw new ImportFileError(`CSV文件第${startLine}行的引号没有闭合：字段中的引号须写成两个（""），整个字段用引号括起来`);
        field += source.slice(from, quote);
        if (source[quote + 1] === '"') {
          field += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      for (let k = field.indexOf('\n'); k >= 0; k = field.indexOf('\n', k + 1)) line += 1;
      // Text between the closing quote and the separator is kept (lenient, as spreadsheets are).
      plainEnd.lastIndex = i;
      const end = plainEnd.exec(source)?.index ?? length;
      field += source.slice(i, end);
      i = end;
    } else {
      plainEnd.lastIndex = i;
      const end = plainEnd.exec(source)?.index ?? length;
      field = source.slice(i, end);
      i = end;
    }
    row.push(field);
    const c = source[i];
    if (c === separator) {
      i += 1;
      if (i === length) row.push('');
      continue;
    }
    // End of record: CRLF, LF or CR, or the end of the text.
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
    if (c === '\r' && source[i + 1] === '\n') i += 2;
    else i += 1;
    line += 1;
  }
  if (row.length > 0) rows.push(row); // the text ended right after a separator
  return rows;
}
