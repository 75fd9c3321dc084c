import JSZip from 'jszip';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractText, ofdPageText, sharedStrings, wordPartText, worksheetText } from './extract-text.js';
import { contentStreamText } from './pdf-text.js';

async function makeZip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>关于</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">印发 </w:t></w:r><w:r><w:t>方案&amp;通知</w:t></w:r></w:p>
<w:p><w:r><w:t>联系电话：138</w:t></w:r><w:r><w:t>1234</w:t></w:r><w:r><w:t>5678</w:t></w:r><w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>
<w:p/>
<w:p><w:del><w:r><w:delText>已删除的身份证号530302199001011232</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>`;

const part = (text: string, root: string): string => `<w:${root} ${W}><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:${root}>`;

describe('DOCX', () => {
  it('joins runs, puts paragraphs on lines and reads tabs, breaks, deletions and text boxes once', () => {
    expect(wordPartText(documentXml)).toBe('关于印发 方案&通知\n联系电话：13812345678\t甲\n乙\n已删除的身份证号530302199001011232\n文本框');
  });

  it('reads the document, then headers, footers, footnotes and comments, in numeric order', async () => {
    const bytes = await makeZip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': documentXml,
      'word/header10.xml': part('页眉十', 'hdr'),
      'word/header2.xml': part('页眉二', 'hdr'),
      'word/footer1.xml': part('页脚', 'ftr'),
      'word/footnotes.xml': part('脚注', 'footnotes'),
      'word/comments.xml': part('批注：电话13912345678', 'comments'),
      'word/styles.xml': part('样式不算', 'styles'),
    });
    expect(await extractText(bytes, 'docx')).toBe(
      '关于印发 方案&通知\n联系电话：13812345678\t甲\n乙\n已删除的身份证号530302199001011232\n文本框\n页眉二\n页眉十\n页脚\n脚注\n批注：电话13912345678',
    );
  });

  it('stops at the inflation budget and returns the text read until then (zip bomb)', async () => {
    const paragraph = '<w:p><w:r><w:t>甲</w:t></w:r></w:p>';
    const xml = `<w:document ${W}><w:body>${paragraph.repeat(200_000)}</w:body></w:document>`;
    const bytes = await makeZip({ 'word/document.xml': xml });
    const budget = 10_000;
    const text = await extractText(bytes, 'docx', { maxInflatedBytes: budget });
    const head = Buffer.from(xml).subarray(0, budget).toString('utf8');
    const complete = head.split('<w:t>甲').length - 1;
    expect(complete).toBeGreaterThan(100);
    expect(text).toBe(new Array(complete).fill('甲').join('\n'));
  });

  it('returns null for a package that is not a ZIP archive', async () => {
    expect(await extractText(new TextEncoder().encode('PK\u0003\u0004 broken'), 'docx')).toBeNull();
  });
});

describe('XLSX', () => {
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>姓名</t></si><si><t>电话</t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t>未使用的字符串</t></si></sst>`;
  const sheet1 = `<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13812345678</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="3"/></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>内联&lt;文字&gt;</t></is></c><c r="B3" t="str"><f>A1&amp;B1</f><v>姓名电话</v></c><c r="C3" t="e"><v>#N/A</v></c></row>
</sheetData></worksheet>`;

  it('reads shared strings without phonetic runs', () => {
    expect(sharedStrings(shared)).toEqual(['姓名', '电话', '张三', '未使用的字符串']);
  });

  it('reads a sheet row by row: shared, inline, formula and numeric values', () => {
    const used = new Set<number>();
    expect(worksheetText(sheet1, sharedStrings(shared), used)).toBe('姓名\t电话\n张三\t13812345678\n内联<文字>\t姓名电话');
    expect([...used].sort()).toEqual([0, 1, 2]);
  });

  it('reads the sheets in numeric order and keeps unused shared strings', async () => {
    const bytes = await makeZip({
      'xl/workbook.xml': '<workbook/>',
      'xl/sharedStrings.xml': shared,
      'xl/worksheets/sheet10.xml': '<worksheet><sheetData><row><c t="inlineStr"><is><t>第十张</t></is></c></row></sheetData></worksheet>',
      'xl/worksheets/sheet1.xml': sheet1,
      'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row><c><v>42</v></c></row></sheetData></worksheet>',
    });
    expect(await extractText(bytes, 'xlsx')).toBe('姓名\t电话\n张三\t13812345678\n内联<文字>\t姓名电话\n42\n第十张\n未使用的字符串');
  });
});

describe('OFD', () => {
  const page = (objects: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
  const glyph = (x: number, top: number, text: string): string =>
    `<ofd:TextObject ID="9" Boundary="${x} ${top} 5 5" Font="3" Size="3.5"><ofd:TextCode X="0" Y="3.8">${text}</ofd:TextCode></ofd:TextObject>`;

  it('joins codes on one baseline and breaks lines between baselines', () => {
    const xml = page(
      `${glyph(20, 30, '联系')}${glyph(28, 30, '电话')}${glyph(36, 30.2, '139')}${glyph(44, 30, '8765')}${glyph(52, 30, '4321')}` +
        `<ofd:TextObject Boundary="20 40 100 20"><ofd:TextCode X="0" Y="3.8" DeltaX="g 3 4">第二行&amp;</ofd:TextCode><ofd:TextCode X="0" Y="9.6">第三行</ofd:TextCode></ofd:TextObject>`,
    );
    expect(ofdPageText(xml)).toBe('联系电话13987654321\n第二行&\n第三行');
  });

  it('reads the pages of each document in order', async () => {
    const bytes = await makeZip({
      'OFD.xml': '<ofd:OFD/>',
      'Doc_0/Document.xml': '<ofd:Document/>',
      'Doc_0/Pages/Page_10/Content.xml': page(glyph(0, 0, '第十一页')),
      'Doc_0/Pages/Page_1/Content.xml': page(glyph(0, 0, '第二页')),
      'Doc_0/Pages/Page_0/Content.xml': page(glyph(0, 0, '第一页')),
      'Doc_0/Tpls/Tpl_0/Content.xml': page(glyph(0, 0, '模板')),
    });
    expect(await extractText(bytes, 'ofd')).toBe('第一页\n第二页\n第十一页');
  });
});

/** A PDF file from its objects, with a cross-reference table good enough for the tests. */
function makePdf(objects: Array<string | Buffer>): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  objects.forEach((body, i) => {
    chunks.push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1'));
  });
  chunks.push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

function stream(dictionary: string, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]);
}

describe('PDF', () => {
  it('reads Tj, TJ, quote operators, escapes, hex and UTF-16 strings; skips two-byte codes', () => {
    const content =
      'BT /F1 12 Tf 72 720 Td (Tel: 138) Tj (1234 5678) Tj 0 -14 Td [(ID) -300 (5303021990) 30 (01011232)] TJ\n' +
      "(\\(\\061\\)\\\nnext) ' <FEFF4E2D6587> Tj 14 0 Td <54656C> Tj <00130014> Tj ET\n" +
      'BT 1 0 0 1 72 600 Tm (a) Tj 1 0 0 1 90 600 Tm (b) Tj 1 0 0 1 72 580 Tm (c) Tj ET';
    expect(contentStreamText(content)).toBe('Tel: 1381234 5678\nID 530302199001011232\n(1)next中文Tel\nab\nc');
  });

  it('reads uncompressed and FlateDecode content streams, not images or fonts', async () => {
    const plain = Buffer.from('BT /F1 12 Tf 72 720 Td (Phone 13812345678) Tj ET', 'latin1');
    const deflated = deflateSync(Buffer.from('q BT /F1 12 Tf 72 700 Td [(ID 530302) 20 (199001011232)] TJ ET Q', 'latin1'));
    const image = deflateSync(Buffer.from('BT (13900000000) Tj ET', 'latin1'));
    const pdf = makePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R] /Resources << /Font << /F1 7 0 R >> >> >>',
      stream('', plain),
      stream('/Filter /FlateDecode', deflated),
      stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /FlateDecode', image),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    expect(await extractText(pdf, 'pdf')).toBe('Phone 13812345678\nID 530302199001011232');
  });

  it('finds the end of a stream whose length is an indirect reference', async () => {
    const content = 'BT (indirect 6222021234567890128) Tj ET';
    const pdf = makePdf([
      '<< /Type /Catalog >>',
      `<< /Length 3 0 R >>\nstream\n${content}\nendstream`,
      String(content.length),
    ]);
    expect(await extractText(pdf, 'pdf')).toBe('indirect 6222021234567890128');
  });

  it('keeps within the inflation budget', async () => {
    const big = deflateSync(Buffer.from(`BT (first) Tj ET ${' '.repeat(100_000)}`, 'latin1'));
    const second = deflateSync(Buffer.from('BT (second) Tj ET', 'latin1'));
    const pdf = makePdf([stream('/Filter /FlateDecode', big), stream('/Filter /FlateDecode', second)]);
    expect(await extractText(pdf, 'pdf', { maxInflatedBytes: 1_000 })).toBe('first');
    expect(await extractText(pdf, 'pdf')).toBe('first\nsecond');
  });
});

describe('other kinds', () => {
  it('returns null for images and the OLE2 formats', async () => {
    for (const kind of ['png', 'jpeg', 'gif', 'doc', 'xls', 'wps', 'et'] as const) {
      expect(await extractText(new Uint8Array([1, 2, 3]), kind), kind).toBeNull();
    }
  });
});
