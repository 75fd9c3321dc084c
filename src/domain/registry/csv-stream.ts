/**
 * CSV read piece by piece: text goes in as it is decoded from the file, complete records come
 * out, and only the unfinished last record is kept between pieces — so a file of a million rows
 * is read with the memory of one piece. The dialect is the one of the request import's parseCsv
 * (RFC 4180 with Excel's habits): fields separated by commas, or by tabs when the first line has
 * tabs and no commas; records by CRLF, LF or CR; quoted fields may hold separators, line breaks
 * and doubled quotes; a quote inside an unquoted field is text; a leading byte order mark is
 * dropped. Each record is one row as a spreadsheet shows it, an empty line an empty row.
 */

/** The text is not CSV that can be read (an unterminated quote). */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

/** A quoted field longer than this is taken for an unterminated quote rather than read on. */
const MAX_PENDING_CHARS = 1_000_000;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvStreamParser {
  private pending = '';
  private separator: number | null = null;
  private plainEnd: RegExp = /[,\r\n]/g;
  private started = false;
  /** Records given out so far: the row number of the last one. */
  rowsOut = 0;

  /** Adds decoded text; appends the records it completes to `out`. */
  push(text: string, out: string[][]): void {
    let source = this.pending + text;
    if (!this.started) {
      if (source.length === 0) return;
      if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
      this.started = true;
    }
    this.pending = this.parse(source, false, out);
    if (this.pending.length > MAX_PENDING_CHARS) {
      throw new CsvFormatError(`CSV文件第${this.rowsOut + 1}行的引号没有闭合：字段中的引号须写成两个（""），整个字段用引号括起来`);
    }
  }

  /** The end of the text: appends the last record, if any. */
  end(out: string[][]): void {
    const source = this.pending;
    this.pending = '';
    if (source.length > 0) this.parse(source, true, out);
  }

  private detectSeparator(source: string, final: boolean): boolean {
    const lineEnd = source.search(/[\r\n]/);
    if (lineEnd < 0 && !final) return false;
    const firstLine = lineEnd < 0 ? source : source.slice(0, lineEnd);
    const tab = firstLine.includes('\t') && !firstLine.includes(',');
    this.separator = tab ? 9 : 44;
    this.plainEnd = tab ? /[\t\r\n]/g : /[,\r\n]/g;
    return true;
  }

  private emit(row: string[], out: string[][]): void {
    out.push(row.length === 1 && row[0] === '' ? [] : row);
    this.rowsOut += 1;
  }

  /** Parses whole records of `source`; returns the unfinished rest (always '' when final). */
  private parse(source: string, final: boolean, out: string[][]): string {
    if (this.separator === null && !this.detectSeparator(source, final)) return source;
    const separator = this.separator!;
    const plainEnd = this.plainEnd;
    const length = source.length;
    let i = 0;
    let recordStart = 0;
    let row: string[] = [];
    while (i < length) {
      let field: string;
      if (source.charCodeAt(i) === QUOTE) {
        field = '';
        let from = i + 1;
        for (;;) {
          const quote = source.indexOf('"', from);
          if (quote < 0) {
            if (!final) return source.slice(recordStart);
            throw new CsvFormatError(`CSV文件第${this.rowsOut + 1}行的引号没有闭合：字段中的引号须写成两个（""），整个字段用引号括起来`);
          }
          field += source.slice(from, quote);
          // A quote at the very end may be the first of a doubled quote: wait for more text.
          if (quote + 1 === length && !final) return source.slice(recordStart);
          if (source.charCodeAt(quote + 1) === QUOTE) {
            field += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        // Text between the closing quote and the separator is kept (lenient, as spreadsheets are).
        plainEnd.lastIndex = i;
        const match = plainEnd.exec(source);
        if (match === null && !final) return source.slice(recordStart);
        const end = match === null ? length : match.index;
        field += source.slice(i, end);
        i = end;
      } else {
        plainEnd.lastIndex = i;
        const match = plainEnd.exec(source);
        if (match === null && !final) return source.slice(recordStart);
        const end = match === null ? length : match.index;
        field = source.slice(i, end);
        i = end;
      }
      row.push(field);
      if (i >= length) {
        // Only when final: the text ends inside the last record, without a line break.
        this.emit(row, out);
        return '';
      }
      const c = source.charCodeAt(i);
      if (c === separator) {
        i += 1;
        if (i === length) {
          if (!final) return source.slice(recordStart);
          row.push('');
          this.emit(row, out);
          return '';
        }
        continue;
      }
      if (c === CR) {
        // CR at the end of a piece may be the first half of CRLF.
        if (i + 1 === length && !final) return source.slice(recordStart);
        i += source.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i += 1;
      }
      this.emit(row, out);
      row = [];
      recordStart = i;
    }
    return '';
  }
}
