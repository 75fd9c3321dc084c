import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DecisionFileError, openRowSource, type SheetRow } from './read-rows.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: Buffer | string) => {
  const p = path.join(dir, `f${++n}`);
  fs.writeFileSync(p, content);
  return p;
};

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
  for (const char of text) bytes.push(...(char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!));
  return Buffer.from(bytes);
}

async function readAll(p: string) {
  const source = await openRowSource(p);
  const rows: SheetRow[] = [];
  for await (const piece of source.pieces()) rows.push(...piece);
  return { source, rows };
}

const TEXT = '决定文书号,决定日期,相对人\r\n青环罚〔2025〕1号,2025-01-03,某公司\r\n青环罚〔2025〕2号,2025年1月4日,\r\n';
const EXPECTED: SheetRow[] = [
  { row: 1, cells: ['决定文书号', '决定日期', '相对人'] },
  { row: 2, cells: ['青环罚〔2025〕1号', '2025-01-03', '某公司'] },
  { row: 3, cells: ['青环罚〔2025〕2号', '2025年1月4日', ''] },
];

describe('reading a decision list from disk', () => {
  it('UTF-8 with and without a byte order mark, GB18030 as Excel on Chinese Windows saves it, UTF-16 with a BOM', async () => {
    for (const [content, encoding] of [
      [Buffer.from(`\ufeff${TEXT}`, 'utf8'), 'utf-8'],
      [Buffer.from(TEXT, 'utf8'), 'utf-8'],
      [gb18030(TEXT), 'gb18030'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ] as const) {
      const { source, rows } = await readAll(file(content));
      expect([source.kind, source.encoding]).toEqual(['csv', encoding]);
      expect(rows).toEqual(EXPECTED);
      expect(source.bytesRead()).toBe(content.length);
    }
  });

  it('a long file arrives in several pieces with its rows numbered through', async () => {
    const lines = ['决定文书号,决定日期', ...Array.from({ length: 30_000 }, (_, i) => `青环罚〔2025〕${i + 1}号,2025-01-03`)];
    const { rows } = await readAll(file(`${lines.join('\n')}\n`));
    expect(rows.length).toBe(30_001);
    expect(rows[30_000]).toEqual({ row: 30_001, cells: ['青环罚〔2025〕30000号', '2025-01-03'] });
  });

  it('the first worksheet of an XLSX file: text, dates, numbers, rich text; rows keep their numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('处罚决定');
    sheet.addRow(['2025年行政处罚决定']);
    sheet.addRow(['决定书文号', '作出决定日期']);
    sheet.addRow([{ richText: [{ text: '青环罚' }, { text: '〔2025〕1号' }] }, new Date(Date.UTC(2025, 0, 3))]);
    sheet.getRow(5).values = [20250002, '2025/1/4'];
    workbook.addWorksheet('说明').addRow(['不读']);
    const { source, rows } = await readAll(file(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(source.kind).toBe('xlsx');
    expect(rows).toEqual([
      { row: 1, cells: ['2025年行政处罚决定'] },
      { row: 2, cells: ['决定书文号', '作出决定日期'] },
      { row: 3, cells: ['青环罚〔2025〕1号', new Date(Date.UTC(2025, 0, 3))] },
      { row: 5, cells: [20250002, '2025/1/4'] },
    ]);
  });

  it('refuses an empty file, an old .xls, a binary file, a broken archive and an unterminated quote', async () => {
    await expect(openRowSource(file(''))).rejects.toEqual(new DecisionFileError('上传的文件是空的'));
    await expect(openRowSource(file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).rejects.toThrow('不支持旧版Excel文件（.xls）');
    await expect(openRowSource(file(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])))).rejects.toThrow('无法读取该文件：请上传Excel工作簿（.xlsx）或CSV文件');
    await expect(readAll(file(Buffer.from('PK\u0003\u0004 not really a zip')))).rejects.toThrow('无法读取该Excel文件');
    await expect(readAll(file('决定文书号,决定日期\n"A,2025-01-03\n'))).rejects.toThrow('CSV文件第2行的引号没有闭合');
  });
});
