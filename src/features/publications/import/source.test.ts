import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../../domain/publication/zip.js';
import { folderStore, openImportFile } from './source.js';

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

const CSV = '标题,栏目,发布日期,附件\r\n通知,工作动态,2022-03-05,附件/说明.pdf\r\n';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function zip(files: Record<string, string | Buffer>, options: { gbkNames?: boolean } = {}): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({
    type: 'nodebuffer', compression: 'DEFLATE',
    // JSZip writes the bytes this returns as the name (its typings say string), without the UTF-8 flag.
    ...(options.gbkNames ? { encodeFileName: (name: string) => gb18030(name) as unknown as string } : {}),
  });
}

describe('opening an import file', () => {
  it('a lone CSV (GB18030 as Excel saves it) or JSON, recognised by extension or content; no attachments without a folder', async () => {
    const csv = await openImportFile(gb18030(CSV), '旧网站.csv');
    expect(csv.records.map((r) => r.values)).toEqual([{ title: '通知', column: '工作动态', publishedDate: '2022-03-05', attachments: '附件/说明.pdf' }]);
    expect(csv.attachments).toBeNull();
    const json = await openImportFile(Buffer.from('\ufeff [{"title": "通知", "column": "工作动态", "publishedDate": "2022-03-05"}]'), 'export.txt');
    expect(json.records[0]!.label).toBe('第1条');
    await expect(openImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls')).rejects.toThrow('这是Excel文件');
    await expect(openImportFile(new Uint8Array(0), 'a.csv')).rejects.toThrow('文件是空的');
  });

  it('a ZIP: items.csv in a folder, attachments relative to it or to the root, limits on each attachment', async () => {
    const bytes = await zip({
      '迁移/items.csv': CSV, '迁移/附件/说明.pdf': PDF, '根目录.pdf': PDF, '迁移/大文件.pdf': Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
      '__MACOSX/迁移/._items.csv': 'x',
    });
    const file = await openImportFile(bytes, 'migration.zip');
    expect(file.itemsName).toBe('迁移/items.csv');
    expect(file.records).toHaveLength(1);
    const read = await file.attachments!.read('附件/说明.pdf');
    expect(read.ok && Buffer.from(read.bytes).equals(PDF)).toBe(true);
    expect((await file.attachments!.read('根目录.pdf')).ok).toBe(true);
    expect(await file.attachments!.read('附件/没有.pdf')).toEqual({ ok: false, reason: 'missing' });
    expect(await file.attachments!.read('大文件.pdf')).toEqual({ ok: false, reason: 'tooLarge' });
    expect(file.attachments!.where).toBe('ZIP包');
  });

  it('finds entries whose Chinese names Windows stored in GBK without the UTF-8 flag', async () => {
    const bytes = await zip({ 'items.csv': CSV, '附件/说明.pdf': PDF }, { gbkNames: true });
    // items.csv, 附件/ and 附件/说明.pdf: no UTF-8 flag, so zip.ts alone cannot read the Chinese names.
    expect(readZipDirectory(bytes)!.map((e) => [e.name.includes('附件'), e.flags & 0x800])).toEqual([[false, 0], [false, 0], [false, 0]]);
    const file = await openImportFile(bytes, 'a.zip');
    expect((await file.attachments!.read('附件/说明.pdf')).ok).toBe(true);
  });

  it('refuses a ZIP without an items file, with two, or an Excel workbook', async () => {
    await expect(openImportFile(await zip({ 'a.pdf': PDF }), 'a.zip')).rejects.toThrow('ZIP包中没有 items.csv 或 items.json');
    await expect(openImportFile(await zip({ 'items.csv': CSV, 'ITEMS.json': '[]' }), 'a.zip')).rejects.toThrow('ZIP包中有2个信息列表（items.csv、ITEMS.json）');
    await expect(openImportFile(await zip({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<x/>' }), 'a.xlsx')).rejects.toThrow('这是Excel文件');
    await expect(openImportFile(Buffer.from('PK\u0003\u0004broken'), 'a.zip')).rejects.toThrow('无法读取该ZIP文件');
  });

  it('a folder (command line): files under it only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-import-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs', '附件'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs', '附件', '说明.pdf'), PDF);
      fs.writeFileSync(path.join(dir, 'outside.pdf'), PDF);
      const store = folderStore(path.join(dir, 'docs'));
      const read = await store.read('附件/说明.pdf');
      expect(read.ok && read.bytes.length).toBe(PDF.length);
      expect(await store.read('附件')).toEqual({ ok: false, reason: 'missing' });
      expect(await store.read('../outside.pdf')).toEqual({ ok: false, reason: 'missing' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
