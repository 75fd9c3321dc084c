import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { attr, cells, figuresOf, findAll, headerCell, parseHtml, rowByHeader, text } from './html-query.js';
import { ReportDocument, renderReportHtml, type ReportRenderMeta } from './report-html.js';
import { pingtanReport2019, zhanyiReport2022 } from './test-factory.js';

const ZHANYI_META: ReportRenderMeta = {
  agencyName: '曲靖市沾益区',
  reportingUnit: '沾益区人民政府办公室',
  reportDate: '2023-01-31',
};

describe('renderReportHtml, 2021 format', () => {
  const html = renderReportHtml(zhanyiReport2022(), ZHANYI_META);
  const doc = parseHtml(html);

  it('is a standalone zh-CN document with no scripts or outside resources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"/>')).toBe(true);
    expect(findAll(doc, 'script')).toHaveLength(0);
    expect(findAll(doc, 'link')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('"FangSong","STFangsong","SimSun","Songti SC","Noto Serif CJK SC",serif');
    expect(html).toContain('@page { size: A4;');
  });

  it('titles the report after the agency and year', () => {
    expect(findAll(doc, 'h1').map(text)).toEqual(['曲靖市沾益区2022年政府信息公开工作年度报告']);
    expect(findAll(doc, 'title').map(text)).toEqual(['曲靖市沾益区2022年政府信息公开工作年度报告']);
  });

  it('has the six sections in order', () => {
    expect(findAll(doc, 'h2').map(text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('splits the overview into paragraphs on line breaks', () => {
    const overview = findAll(doc, 'section')[0]!;
    expect(findAll(overview, 'p').map(text)).toEqual([
      '2022年，沾益区坚持以习近平新时代中国特色社会主义思想为指导，不断提升政务公开工作水平。',
      '一、主动公开情况',
      '2022年，全区通过政府网站主动公开信息4084条。',
      '二、依申请公开情况',
      '2022年度，共受理政府信息公开申请9件。',
    ]);
  });

  it('puts the section 二 figures in the rows of their items', () => {
    expect(figuresOf(rowByHeader(doc, '规章'))).toEqual(['0', '0', '0']);
    expect(figuresOf(rowByHeader(doc, '行政规范性文件'))).toEqual(['4', '0', '68']);
    expect(figuresOf(rowByHeader(doc, '行政许可'))).toEqual(['19785']);
    expect(figuresOf(rowByHeader(doc, '行政处罚'))).toEqual(['108169']);
    expect(figuresOf(rowByHeader(doc, '行政强制'))).toEqual(['1511']);
    expect(figuresOf(rowByHeader(doc, '行政事业性收费'))).toEqual(['1809.71']);
  });

  it('captions each small table of section 二 with its item of 第二十条', () => {
    const section2 = findAll(doc, 'section')[1]!;
    expect(findAll(section2, 'caption').map(text)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    expect(headerCell(section2, '本年收费金额（单位：万元）') && attr(headerCell(section2, '本年收费金额（单位：万元）')!, 'colspan')).toBe('3');
  });

  it('draws the merged headers of section 三', () => {
    const section3 = findAll(doc, 'section')[2]!;
    const corner = findAll(section3, 'td').find((td) => text(td).startsWith('（本列数据的勾稽关系为'))!;
    expect([attr(corner, 'rowspan'), attr(corner, 'colspan')]).toEqual(['3', '3']);
    expect(attr(headerCell(section3, '申请人情况')!, 'colspan')).toBe('7');
    expect(attr(headerCell(section3, '法人或其他组织')!, 'colspan')).toBe('5');
    expect(attr(headerCell(section3, '自然人')!, 'rowspan')).toBe('2');
    expect(attr(headerCell(section3, '总计')!, 'rowspan')).toBe('2');
    expect(attr(headerCell(section3, '三、本年度办理结果')!, 'rowspan')).toBe('22');
    expect(attr(headerCell(section3, '（三）不予公开')!, 'rowspan')).toBe('8');
    expect(attr(headerCell(section3, '（四）无法提供')!, 'rowspan')).toBe('3');
    expect(attr(headerCell(section3, '（五）不予处理')!, 'rowspan')).toBe('5');
    expect(attr(headerCell(section3, '（六）其他处理')!, 'rowspan')).toBe('3');
    expect(attr(headerCell(section3, '（七）总计')!, 'colspan')).toBe('2');
    expect(attr(headerCell(section3, '四、结转下年度继续办理')!, 'colspan')).toBe('3');
  });

  it('prints the section 三 figures as published, row by row', () => {
    expect(figuresOf(rowByHeader(doc, '一、本年新收政府信息公开申请数量'))).toEqual(['9', '0', '0', '0', '1', '0', '9']);
    expect(figuresOf(rowByHeader(doc, '（一）予以公开'))).toEqual(['7', '0', '0', '0', '1', '0', '7']);
    expect(figuresOf(rowByHeader(doc, '1.本机关不掌握相关政府信息'))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(figuresOf(rowByHeader(doc, '（七）总计'))).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(findAll(findAll(doc, 'table')[4]!, 'tr')).toHaveLength(3 + 25);
  });

  it('links each figure of section 三 to its row and column headers', () => {
    const td = cells(rowByHeader(doc, '1.属于国家秘密')!).find((c) => c.tagName === 'td')!;
    expect(attr(td, 'headers')).toBe('gk-s3-g-outcomes gk-s3-g-withheld gk-s3-r-withheld-stateSecret gk-s3-applicant gk-s3-c-naturalPerson');
    expect(attr(headerCell(doc, '（三）不予公开')!, 'id')).toBe('gk-s3-g-withheld');
    expect(attr(headerCell(doc, '1.属于国家秘密')!, 'scope')).toBe('row');
    // Spanning headers keep row/col scope: the table model applies them to every row or column they cover.
    expect(attr(headerCell(doc, '（三）不予公开')!, 'scope')).toBe('row');
    expect(attr(headerCell(doc, '申请人情况')!, 'scope')).toBe('col');
  });

  it('draws section 四 with 行政复议 over 5 columns and 行政诉讼 over 10', () => {
    const section4 = findAll(doc, 'section')[3]!;
    expect(attr(headerCell(section4, '行政复议')!, 'colspan')).toBe('5');
    expect(attr(headerCell(section4, '行政诉讼')!, 'colspan')).toBe('10');
    expect(attr(headerCell(section4, '未经复议直接起诉')!, 'colspan')).toBe('5');
    expect(attr(headerCell(section4, '复议后起诉')!, 'colspan')).toBe('5');
    expect(findAll(section4, 'th').filter((th) => text(th) === '结果维持')).toHaveLength(3);
    const body = findAll(findAll(section4, 'tbody')[0]!, 'td').map(text);
    expect(body).toEqual(['13', '0', '8', '1', '22', '0', '0', '1', '3', '4', '5', '0', '0', '1', '6']);
  });

  it('ends with 填报单位 and the date', () => {
    const footer = findAll(doc, 'footer')[0]!;
    expect(findAll(footer, 'p').map(text)).toEqual(['填报单位：沾益区人民政府办公室', '2023年1月31日']);
  });
});

describe('renderReportHtml, details', () => {
  it('renders a null figure as an empty cell', () => {
    const report = zhanyiReport2022();
    report.section2.penalty.decisions = null;
    const doc = parseHtml(renderReportHtml(report, ZHANYI_META));
    expect(figuresOf(rowByHeader(doc, '行政处罚'))).toEqual(['']);
  });

  it('escapes markup in the narrative', () => {
    const report = zhanyiReport2022({
      narrative: { overview: '<script>alert("x")</script>', problems: '无', other: 'a & b' },
    });
    const html = renderReportHtml(report, ZHANYI_META);
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p>&lt;script>alert(&quot;x&quot;)&lt;/script></p>');
    expect(html).toContain('<p>a &amp; b</p>');
  });

  it('escapes the agency name in the title', () => {
    const html = renderReportHtml(zhanyiReport2022(), { agencyName: '<b>某局</b>' });
    expect(html).toContain('<h1>&lt;b>某局&lt;/b>2022年政府信息公开工作年度报告</h1>');
  });

  it('notes a corrected version under the title', () => {
    const html = renderReportHtml(zhanyiReport2022(), {
      ...ZHANYI_META,
      publishedVersion: { version: 2, correctedOn: '2023-02-10' },
    });
    expect(html).toContain('<p class="gk-version">（第2版，2023年2月10日更正）</p>');
  });

  it('says nothing about the version of a first publication', () => {
    const html = renderReportHtml(zhanyiReport2022(), { ...ZHANYI_META, publishedVersion: { version: 1 } });
    expect(html).not.toContain('gk-version"');
  });

  it('falls back to the agency as 填报单位 and leaves the date out when not given', () => {
    const doc = parseHtml(renderReportHtml(zhanyiReport2022(), { agencyName: '曲靖市沾益区' }));
    expect(findAll(findAll(doc, 'footer')[0]!, 'p').map(text)).toEqual(['填报单位：曲靖市沾益区']);
  });
});

describe('renderReportHtml, 2019 trial format', () => {
  const doc = parseHtml(renderReportHtml(pingtanReport2019(), { agencyName: '平潭综合实验区市场监督管理局', reportDate: '2020-01-13' }));

  it('uses the trial format columns of section 二', () => {
    const firstHead = findAll(findAll(doc, 'table')[0]!, 'th').map(text);
    expect(firstHead).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '规范性文件']);
    expect(figuresOf(rowByHeader(doc, '规范性文件'))).toEqual(['2', '2', '2']);
  });

  it('prints 本年增/减 with its sign and the other items of the trial format', () => {
    expect(figuresOf(rowByHeader(doc, '行政许可'))).toEqual(['20', '+17', '37']);
    expect(figuresOf(rowByHeader(doc, '其他对外管理服务事项'))).toEqual(['144', '+5', '149']);
    expect(figuresOf(rowByHeader(doc, '行政事业性收费'))).toEqual(['0', '0']);
    expect(figuresOf(rowByHeader(doc, '政府集中采购'))).toEqual(['15', '6805947.43']);
    expect(findAll(doc, 'caption').map(text)).toContain('第二十条第（九）项');
  });

  it('has 三（六）其他处理 as a single row', () => {
    const other = headerCell(doc, '（六）其他处理')!;
    expect([attr(other, 'rowspan'), attr(other, 'colspan')]).toEqual([undefined, '2']);
    expect(attr(headerCell(doc, '三、本年度办理结果')!, 'rowspan')).toBe('20');
    expect(figuresOf(rowByHeader(doc, '2.重复申请'))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
  });
});

describe('ReportDocument', () => {
  it('renders the body alone for the web layout, with prefixed ids', () => {
    const html = render(<ReportDocument report={zhanyiReport2022()} meta={ZHANYI_META} idPrefix="r1" />);
    expect(html.startsWith('<article class="gk-report" lang="zh-CN"><h1>曲靖市沾益区2022年政府信息公开工作年度报告</h1>')).toBe(true);
    expect(attr(headerCell(parseHtml(html), '（三）不予公开')!, 'id')).toBe('r1-s3-g-withheld');
    expect(html).not.toContain('<style');
  });
});
