import { describe, expect, it } from 'vitest';
import { CsvFormatError, CsvStreamParser } from './csv-stream.js';

/** Feeds `text` in pieces of `size` characters and returns every row. */
function parseInPieces(text: string, size: number): string[][] {
  const parser = new CsvStreamParser();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), out);
  parser.end(out);
  return out;
}

const SAMPLE = '\ufeff决定文书号,决定日期,相对人\r\n"青环罚〔2025〕1号","2025-01-03","某""公司"""\r\n\r\n"两\r\n行",2025/1/4,\nA-3,2025年1月5日,x\rA-4,,';
const EXPECTED = [
  ['决定文书号', '决定日期', '相对人'],
  ['青环罚〔2025〕1号', '2025-01-03', '某"公司"'],
  [],
  ['两\r\n行', '2025/1/4', ''],
  ['A-3', '2025年1月5日', 'x'],
  ['A-4', '', ''],
];

describe('CSV read piece by piece', () => {
  it('gives the same rows whatever the size of the pieces (a CRLF, a doubled quote or a field split between pieces)', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 1000]) expect(parseInPieces(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('keeps only the unfinished record between pieces and counts the rows given out', () => {
    const parser = new CsvStreamParser();
    const out: string[][] = [];
    parser.push('a,b\n1,2\n3,', out);
    expect(out).toEqual([['a', 'b'], ['1', '2']]);
    expect(parser.rowsOut).toBe(2);
    parser.push('4\n', out);
    expect(out).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    parser.end(out);
    expect(parser.rowsOut).toBe(3);
  });

  it('reads tab-separated text when the first line has tabs and no commas', () => {
    expect(parseInPieces('决定文书号\t决定日期\nA,1\t2025-01-03\n', 4)).toEqual([['决定文书号', '决定日期'], ['A,1', '2025-01-03']]);
  });

  it('refuses an unterminated quote, naming its row', () => {
    const parser = new CsvStreamParser();
    const out: string[][] = [];
    parser.push('a,b\n1,2\n"open,3\n', out);
    expect(() => parser.end(out)).toThrow(new CsvFormatError('CSV文件第3行的引号没有闭合：字段中的引号须写成两个（""），整个字段用引号括起来'));
  });

  it('gives nothing for empty text', () => {
    expect(parseInPieces('', 4)).toEqual([]);
    expect(parseInPieces('\ufeff', 4)).toEqual([]);
  });
});
