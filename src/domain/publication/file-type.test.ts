import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ATTACHMENT_EXTENSIONS, fileExtension, sniffFileType } from './file-type.js';

async function makeZip(names: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of names) zip.file(name, '<x/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array([...values, ...new Array(32).fill(0)]);
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

describe('sniffFileType', () => {
  it('recognises PDF and images by their magic bytes', () => {
    expect(sniffFileType(ascii('%PDF-1.7\n%âãÏÓ\n'), '通知.PDF')).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(sniffFileType(PNG, 'a.png')).toEqual({ kind: 'png', mime: 'image/png' });
    expect(sniffFileType(JPEG, 'a.jpg')).toEqual({ kind: 'jpeg', mime: 'image/jpeg' });
    expect(sniffFileType(JPEG, 'a.jpeg')).toEqual({ kind: 'jpeg', mime: 'image/jpeg' });
    expect(sniffFileType(ascii('GIF89a'), 'a.gif')).toEqual({ kind: 'gif', mime: 'image/gif' });
  });

  it('tells ZIP packages apart by their entries', async () => {
    expect(sniffFileType(await makeZip(['[Content_Types].xml', 'word/document.xml']), '方案.docx')?.kind).toBe('docx');
    expect(sniffFileType(await makeZip(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']), '表.xlsx')?.kind).toBe('xlsx');
    expect(sniffFileType(await makeZip(['OFD.xml', 'Doc_0/Document.xml']), '公文.ofd')).toEqual({ kind: 'ofd', mime: 'application/ofd' });
  });

  it('refuses other ZIP archives and macro-enabled documents', async () => {
    expect(sniffFileType(await makeZip(['setup.exe']), 'a.docx')).toBeNull();
    expect(sniffFileType(await makeZip(['word/document.xml', 'word/vbaProject.bin']), 'a.docx')).toBeNull();
    expect(sniffFileType(await makeZip(['ppt/presentation.xml']), 'a.xlsx')).toBeNull();
  });

  it('chooses among the OLE2 formats by extension', () => {
    expect(sniffFileType(OLE2, 'a.doc')?.kind).toBe('doc');
    expect(sniffFileType(OLE2, 'a.xls')?.kind).toBe('xls');
    expect(sniffFileType(OLE2, 'a.wps')).toEqual({ kind: 'wps', mime: 'application/wps-office.wps' });
    expect(sniffFileType(OLE2, 'a.et')?.kind).toBe('et');
    expect(sniffFileType(OLE2, 'a.ppt')).toBeNull();
    expect(sniffFileType(OLE2, 'a.pdf')).toBeNull();
  });

  it('refuses renamed executables and web pages and mismatched extensions', async () => {
    expect(sniffFileType(ascii('MZ\u0090\u0000\u0003'), 'a.pdf')).toBeNull();
    expect(sniffFileType(ascii('\u007fELF\u0002\u0001'), 'a.doc')).toBeNull();
    expect(sniffFileType(ascii('<html><script>alert(1)</script></html>'), 'a.doc')).toBeNull();
    expect(sniffFileType(PNG, 'a.pdf')).toBeNull();
    expect(sniffFileType(ascii('%PDF-1.4'), 'a.png')).toBeNull();
    expect(sniffFileType(await makeZip(['word/document.xml']), 'a.xlsx')).toBeNull();
    expect(sniffFileType(await makeZip(['word/document.xml']), 'docx')).toBeNull();
    expect(sniffFileType(new Uint8Array(0), 'a.pdf')).toBeNull();
  });
});

describe('fileExtension', () => {
  it('takes the last extension of the base name in lower case', () => {
    expect(fileExtension('C:\\Users\\a\\方案.v2.DOCX')).toBe('docx');
    expect(fileExtension('dir.d/README')).toBe('');
    expect(fileExtension('.pdf')).toBe('');
    expect(ALLOWED_ATTACHMENT_EXTENSIONS).toContain('jpg');
  });
});
