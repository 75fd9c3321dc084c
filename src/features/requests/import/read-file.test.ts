import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../domain/requests/import.js';
import { parseCsv, readSpreadsheet } from './read-file.js';

/** GB18030 bytes of a text, by inverting the decoder over the two-byte range (enough for these characters). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...table.get(char)!);
  }
  return Buffer.from(bytes);
}

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks; CRLF and LF', () => {
    const text = 'a,b,c\r\n"逗号,在内","引号""在内""","两\r\n行"\nx,,\r\n';
    expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ['逗号,在内', '引号"在内"', '两\r\n行'], ['x', '', '']]);
  });

  it('drops the byte order mark, keeps empty lines as empty rows, reads the last line without a line break', () => {
    expect(parseCsv('\ufeff申请人类型,申请内容\n\n自然人,x')).toEqual([['申请人类型', '申请内容'], [], ['自然人', 'x']]);
    expect(parseCsv('a,b\rx,,')).toEqual([['a', 'b'], ['x', '', '']]);
    expect(parseCsv('"a""",b')).toEqual([['a"', 'b']]);
  });

  it('reads tab-separated text (Excel “Unicode text”)', () => {
    expect(parseCsv('a\tb\n1,5\t2\n')).toEqual([['a', 'b'], ['1,5', '2']]);
  });

  it('keeps a stray quote inside a field as text and refuses an unterminated quote', () => {
    expect(parseCsv('a,b"c\n')).toEqual([['a', 'b"c']]);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new ImportFileError('CSV文件第2行的引号没有闭合：字段中的引号须写成两个（""），整个字段用引号括起来'));
  });

  it('decodes UTF-8 with a BOM and GB18030 as Excel on Chinese Windows saves it', async () => {
    const text = '申请人类型,申请内容\r\n自然人,申请公开校舍维修项目的招标文件\r\n';
    const expected = [['申请人类型', '申请内容'], ['自然人', '申请公开校舍维修项目的招标文件']];
    expect(await readSpreadsheet(Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual(expected);
    expect(await readSpreadsheet(gb18030(text))).toEqual(expected);
  });
});

describe('XLSX', () => {
  it('reads the first worksheet: text, numbers, dates, rich text and formula results; rows keep their numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('申请记录');
    sheet.addRow(['受理单位', '收到申请日期', '延期天数']);
    sheet.addRow([{ richText: [{ text: '测试区' }, { text: '教育局' }] }, new Date(Date.UTC(2025, 0, 24)), { formula: '5*2', result: 10 }]);
    sheet.getRow(4).values = ['测试区财政局', '2025/1/24', 5];
    workbook.addWorksheet('可选值').addRow(['不读']);
    const rows = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ['受理单位', '收到申请日期', '延期天数'],
      ['测试区教育局', new Date(Date.UTC(2025, 0, 24)), 10],
      undefined,
      ['测试区财政局', '2025/1/24', 5],
    ]);
  });

  it('refuses an old .xls file and a broken archive', async () => {
    await expect(readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow('不支持旧版Excel文件（.xls）');
    await expect(readSpreadsheet(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow('无法读取该Excel文件');
  });
});
