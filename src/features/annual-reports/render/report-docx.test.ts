import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './report-docx.js';
import { pingtanReport2019, zhanyiReport2022 } from './test-factory.js';

async function unzip(buffer: Buffer): Promise<{ document: string; styles: string; footer: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), footer: await read('word/footer1.xml') };
}

/** The XML of the n-th top-level table. */
function table(document: string, n: number): string {
  return document.split('<w:tbl>').slice(1).map((t) => t.split('</w:tbl>')[0]!)[n]!;
}

/** Texts of the cells of a table's w:tc elements, in order. */
function cellTexts(tableXml: string): string[] {
  return tableXml
    .split('<w:tc>')
    .slice(1)
    .map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

const count = (xml: string, needle: string) => xml.split(needle).length - 1;

describe('renderReportDocx, 2021 format', async () => {
  const { document, styles, footer } = await unzip(
    await renderReportDocx(zhanyiReport2022(), { agencyName: '曲靖市沾益区', reportingUnit: '沾益区人民政府办公室', reportDate: '2023-01-31' }),
  );

  it('is an A4 portrait page with the margins of official documents', () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets the title in 方正小标宋简体, 22pt, bold, centred', () => {
    const title = document.split('</w:p>')[0]!;
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:b/>');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:t xml:space="preserve">曲靖市沾益区2022年政府信息公开工作年度报告</w:t>');
  });

  it('sets the body in 仿宋_GB2312 三号 with 1.5 line spacing, headings in 黑体', () => {
    expect(styles).toContain(
      '<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/>',
    );
    expect(styles).toContain('<w:spacing w:after="0" w:before="0" w:line="360" w:lineRule="auto"/>');
    const heading1 = styles.split('w:styleId="Heading1"')[1]!.split('</w:style>')[0]!;
    expect(heading1).toContain('w:eastAsia="黑体"');
    expect(heading1).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('indents narrative paragraphs by two characters', () => {
    const paragraph = document.split('<w:p>').find((p) => p.includes('2022年，全区通过政府网站主动公开信息4084条。'))!;
    expect(paragraph).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('writes the section 二 figures in one table with banner rows', () => {
    const texts = cellTexts(table(document, 0));
    expect(texts.slice(0, 9)).toEqual(['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '0', '0', '0']);
    expect(texts.slice(texts.indexOf('行政许可'), texts.indexOf('行政许可') + 2)).toEqual(['行政许可', '19785']);
    expect(texts.slice(texts.indexOf('行政处罚'), texts.indexOf('行政处罚') + 2)).toEqual(['行政处罚', '108169']);
    expect(texts.at(-1)).toBe('1809.71');
  });

  it('merges the headers of section 三 for real', () => {
    const s3 = table(document, 1);
    // Corner, 自然人, 总计, 三、本年度办理结果, （三）（四）（五）（六）.
    expect(count(s3, '<w:vMerge w:val="restart"/>')).toBe(8);
    // Covered cells below them: 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2.
    expect(count(s3, '<w:vMerge w:val="continue"/>')).toBe(40);
    expect(s3).toContain('<w:gridSpan w:val="7"/>');
    expect(count(s3, '<w:tblHeader/>')).toBe(3);
    expect(count(s3, '<w:gridCol ')).toBe(10);
    const withheld = s3.split('<w:tc>').find((tc) => tc.includes('（三）不予公开'))!;
    expect(withheld).toContain('<w:vMerge w:val="restart"/>');
  });

  it('writes section 四 with 行政诉讼 over ten columns', () => {
    const s4 = table(document, 2);
    expect(s4).toContain('<w:gridSpan w:val="10"/>');
    expect(count(s4, '<w:gridCol ')).toBe(15);
    expect(cellTexts(s4).slice(-15)).toEqual(['13', '0', '8', '1', '22', '0', '0', '1', '3', '4', '5', '0', '0', '1', '6']);
  });

  it('keeps every table inside the 156 mm text block', () => {
    const widths = [0, 1, 2].map((n) =>
      [...table(document, n).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, m) => sum + Number(m[1]), 0),
    );
    expect(widths.every((w) => w <= 8845 && w > 8800)).toBe(true);
  });

  it('sets table text in 宋体 五号', () => {
    const cell = table(document, 0).split('<w:tc>')[1]!;
    expect(cell).toContain('w:eastAsia="宋体"');
    expect(cell).toContain('<w:sz w:val="21"/>');
  });

  it('ends with 填报单位 and the date, right-aligned', () => {
    const paragraphs = document.split('<w:p>');
    const last = paragraphs.slice(-2);
    expect(last[0]).toContain('<w:jc w:val="right"/>');
    expect(last[0]).toContain('填报单位：沾益区人民政府办公室');
    expect(last[1]).toContain('2023年1月31日');
  });

  it('numbers pages in the footer', () => {
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
  });
});

describe('renderReportDocx, blank cells', async () => {
  const report = zhanyiReport2022();
  report.section2.penalty.decisions = null;
  const { document } = await unzip(await renderReportDocx(report, { agencyName: '曲靖市沾益区' }));

  it('leaves a null figure blank', () => {
    const texts = cellTexts(table(document, 0));
    expect(texts.slice(texts.indexOf('行政处罚'), texts.indexOf('行政处罚') + 3)).toEqual(['行政处罚', '', '行政强制']);
  });
});

describe('renderReportDocx, 2019 trial format', async () => {
  const { document } = await unzip(await renderReportDocx(pingtanReport2019(), { agencyName: '平潭综合实验区市场监督管理局' }));

  it('has the items of the trial format and 三（六） as one row', () => {
    const texts = cellTexts(table(document, 0));
    expect(texts.slice(texts.indexOf('其他对外管理服务事项'), texts.indexOf('其他对外管理服务事项') + 4)).toEqual([
      '其他对外管理服务事项',
      '144',
      '+5',
      '149',
    ]);
    expect(texts).toContain('第二十条第（九）项');
    const s3 = table(document, 1);
    expect(count(s3, '<w:vMerge w:val="restart"/>')).toBe(7);
    expect(cellTexts(s3)).toContain('（六）其他处理');
  });
});
