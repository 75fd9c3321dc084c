/**
 * The rows of a decision list on disk, read as a stream so that a file of a million rows (or
 * 500 MB) never sits in memory: CSV line by line through CsvStreamParser, XLSX through exceljs'
 * streaming WorkbookReader (the first worksheet). The kind of file is recognised by its content:
 * an XLSX file is a zip archive and starts with "PK".
 *
 * Text encodings: UTF-8 with or without a byte order mark; UTF-16 with one (Excel's "Unicode
 * text"); otherwise GB18030 (which covers GBK and GB2312, as Excel on Chinese Windows saves CSV).
 * Which one is decided before reading: the whole file is first checked to be valid UTF-8 —
 * reading it twice costs far less than finding a GBK line halfway through a file whose first
 * half is already imported.
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../documents/exceljs.js';
import { CsvFormatError, CsvStreamParser } from '../../../domain/registry/csv-stream.js';
import type { ImportCell } from '../../../domain/requests/import.js';
import { cellValue } from '../../documents/cell-value.js';

/** The file as a whole cannot be read. The message is for people. */
export class DecisionFileError extends Error {
  override readonly name = 'DecisionFileError';
}

/** A row of the sheet: its number as a spreadsheet shows it (1 = the first row) and its cells. */
export interface SheetRow {
  row: number;
  cells: ImportCell[];
}

export interface RowSource {
  kind: 'csv' | 'xlsx';
  /** The text encoding of a CSV file. */
  encoding: string | null;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** The rows, a piece at a time. */
  pieces(): AsyncGenerator<SheetRow[]>;
}

/** Columns read from a row: the layout has 2 or 3; a few more (序号, notes) are tolerated. */
const MAX_COLUMNS = 50;
/** Rows per piece from an XLSX sheet (CSV pieces follow the file's read chunks). */
const XLSX_PIECE_ROWS = 1000;
/**
 * Bytes read at a time. Small on purpose: the text decoded from a piece must stay under V8's
 * large-object size (128 KB), or every piece that outlives one minor collection lands in the
 * large-object space, which only a full collection frees — and the process grew by about the
 * size of the file before one came.
 */
const CHUNK_BYTES = 32 * 1024;

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when the whole file decodes as UTF-8. */
async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path, { highWaterMark: CHUNK_BYTES })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/** Opens a decision list: recognises XLSX, old XLS (refused), binary files (refused) and CSV with its encoding. */
export async function openRowSource(path: string): Promise<RowSource> {
  const head = await firstBytes(path, 4096);
  if (head.length === 0) throw new DecisionFileError('上传的文件是空的');
  if (head[0] === 0x50 && head[1] === 0x4b) return xlsxSource(path);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new DecisionFileError('不支持旧版Excel文件（.xls），请在Excel中“另存为”Excel工作簿（.xlsx）或CSV后再上传');
  }
  let encoding: string;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else {
    if (head.includes(0)) throw new DecisionFileError('无法读取该文件：请上传Excel工作簿（.xlsx）或CSV文件');
    encoding = (await isUtf8File(path)) ? 'utf-8' : 'gb18030';
  }
  return csvSource(path, encoding);
}

function csvSource(path: string, encoding: string): RowSource {
  let bytes = 0;
  return {
    kind: 'csv',
    encoding,
    bytesRead: () => bytes,
    async *pieces() {
      // The decoder drops a byte order mark itself (ignoreBOM is false by default).
      const decoder = new TextDecoder(encoding);
      const parser = new CsvStreamParser();
      // Built and handed over without a local name, so that the generator does not keep a piece
      // alive while it waits for the consumer.
      const piece = (text: string, end: boolean): SheetRow[] => {
        const out: string[][] = [];
        const first = parser.rowsOut + 1;
        parser.push(text, out);
        if (end) parser.end(out);
        return out.map((cells, i) => ({ row: first + i, cells: cells.length > MAX_COLUMNS ? cells.slice(0, MAX_COLUMNS) : cells }));
      };
      try {
        for await (const chunk of fs.createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
          bytes += (chunk as Buffer).length;
          yield piece(decoder.decode(chunk as Buffer, { stream: true }), false);
        }
        yield piece(decoder.decode(), true);
      } catch (error) {
        if (error instanceof CsvFormatError) throw new DecisionFileError(error.message);
        throw error;
      }
    },
  };
}


function xlsxSource(path: string): RowSource {
  let bytes = 0;
  return {
    kind: 'xlsx',
    encoding: null,
    bytesRead: () => bytes,
    async *pieces() {
      // ExcelJS's streaming reader sometimes loses the zip's last entry and fails inside itself
      // (see readXlsx of the request import). For a sheet written before the workbook part, as
      // ExcelJS writes them, that happens before any row is read, so the file is read once more.
      for (let attempt = 1; ; attempt++) {
        bytes = 0;
        let yielded = false;
        const input = fs.createReadStream(path, { highWaterMark: CHUNK_BYTES });
        input.on('data', (chunk) => {
          bytes += chunk.length;
        });
        // Styles are read so that date cells come back as dates; shared strings are cached (a
        // sheet refers to them by index), which is the one part that grows with the file.
        const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(input, {
          sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
        });
        let piece: SheetRow[] = [];
        try {
          for await (const worksheet of reader) {
            for await (const row of worksheet) {
              const values = row.values as ExcelJS.CellValue[];
              const cells: ImportCell[] = [];
              // row.values is 1-based: index 0 is always empty.
              for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(cellValue(values[i]));
              piece.push({ row: row.number, cells });
              if (piece.length >= XLSX_PIECE_ROWS) {
                yielded = true;
                yield piece;
                piece = [];
              }
            }
            break; // the first worksheet only
          }
          if (piece.length > 0) yield piece;
          return;
        } catch (error) {
          if (error instanceof DecisionFileError) throw error;
          if (attempt === 1 && !yielded) continue;
          throw new DecisionFileError('无法读取该Excel文件：文件可能已损坏，或不是Excel工作簿（.xlsx）');
        } finally {
          input.destroy();
        }
      }
    },
  };
}
