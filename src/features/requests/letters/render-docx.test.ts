import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from './render-docx.js';
import { partialLetter } from './test-letter.js';

async function unzip(buffer: Buffer): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml') };
}

/** The document's paragraphs: their XML and their text. */
function paragraphs(document: string): { xml: string; text: string }[] {
  return document
    .split('<w:p>')
    .slice(1)
    .map((xml) => xml.split('</w:p>')[0]!)
    .map((xml) => ({ xml, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') }));
}

describe('renderLetterDocx', async () => {
  const letter = partialLetter();
  const { document, styles } = await unzip(await renderLetterDocx(letter));
  const paras = paragraphs(document);
  const texts = paras.map((p) => p.text);

  it('is an A4 portrait page with the margins of official documents', () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('has the title, number, salutation, body, signature and note in order', () => {
    expect(texts).toEqual([
      '政府信息部分公开告知书',
      '城中住建依复〔2025〕3号',
      '张三：',
      ...letter.paragraphs,
      '西宁市城中区住房和城乡建设局',
      '2025年1月24日',
      '（此件经电子印章签署）',
    ]);
    expect(texts).toContain(
      '二、名单中被征收人的身份证号码、联系电话和银行账号不予公开，理由是：该部分内容属于被征收人的个人信息，涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依照《中华人民共和国政府信息公开条例》第十五条的规定不予公开。根据《条例》第三十六条第（三）项的规定，本机关决定对上述内容不予公开。',
    );
  });

  it('sets the title in 方正小标宋简体 22pt, centred, with East Asian fonts', () => {
    const title = paras[0]!.xml;
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(paras[1]!.xml).toContain('<w:jc w:val="center"/>');
  });

  it('sets the body in 仿宋_GB2312 16pt, fixed 28pt lines, two-character indent; the salutation flush left', () => {
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(styles).toContain('<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"/>');
    expect(styles).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    expect(paras[2]!.xml).toContain('<w:jc w:val="left"/>');
    expect(paras[2]!.xml).not.toContain('w:firstLineChars');
    for (const p of paras.slice(3, 3 + letter.paragraphs.length)) {
      expect(p.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
      expect(p.xml).toContain('<w:jc w:val="both"/>');
    }
    // 附件 one blank line below the body.
    expect(paras[2 + letter.paragraphs.length]!.text).toMatch(/^附件：/);
    expect(paras[2 + letter.paragraphs.length]!.xml).toContain('w:before="560"');
  });

  it('right-aligns the agency over the date, the date four characters from the margin', () => {
    const [agency, date] = paras.slice(-3, -1).map((p) => p.xml);
    expect(agency).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    // 2025年1月24日 is 6.5 characters wide, the agency 14: the name keeps 2 characters, the date is centred under it.
    expect(agency).toContain('<w:ind w:right="640"/>');
    expect(date).toContain('<w:ind w:right="1840"/>');
    expect(agency).toContain('w:before="1680"');
  });

  it('centres a short agency name over a date four characters in', async () => {
    const short = paragraphs((await unzip(await renderLetterDocx(partialLetter({ agencyName: '城中区政府办', sealNote: undefined })))).document);
    const [agency, date] = short.slice(-2).map((p) => p.xml);
    expect(date).toContain('<w:ind w:right="1280"/>');
    expect(agency).toContain('<w:ind w:right="1360"/>');
  });
});
