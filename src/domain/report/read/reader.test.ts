/** The reader on small documents made for one difficulty each. */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from './html-tables.js';
import { UnreadableReportError, detectInputKind, readPublishedReport } from './index.js';
import { markdownToDocument, textToDocument } from './text-tables.js';

const SECTION3_HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计',
  '\t\t自然人\t法人或其他组织',
  '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
];

function report(lines: string[]): string {
  return ['测试区2022年政府信息公开工作年度报告', '', '一、总体情况', '全年共受理申请2件。', ...lines].join('\n');
}

describe('plain text tables', () => {
  it('joins a label split over two lines', () => {
    const { figures } = readPublishedReport(
      report([
        ...SECTION3_HEADER,
        '三、本年度办理结果\t(一) 予以公开\t1\t0\t0\t0\t0\t0\t1',
        '（二）部分公开（区分处理的，只计这一情形，',
        '不计其他情形）\t2\t0\t0\t0\t0\t0\t2',
      ]),
    );
    expect(figures.section3.granted).toEqual({ naturalPerson: 1, enterprise: 0, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 1 });
    expect(figures.section3.partial).toEqual({ naturalPerson: 2, enterprise: 0, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 2 });
  });

  it('reads typos, full-width digits, thousands separators and dashes', () => {
    const { figures } = readPublishedReport(
      report([
        '二、主动公开政府信息情况',
        '信息内容\t本年制发件数\t本年度止件数\t现行有效件数',
        '行政规范性文件\t４\t—\t６８',
        '行政许可\t19，785',
        '行政处罚\t108,169',
        ...SECTION3_HEADER,
        '\t(三) 不予公开\t5.属于三类内容事务信息\t2\t0\t0\t0\t0\t0\t2',
        '一、本年新收政府信息公开申请数\t\t3\t-\t/\t无\t0\t0\t3\t',
      ]),
    );
    expect(figures.section2).toMatchObject({
      normativeDocs: { issued: 4, repealed: null, inForce: 68 },
      licensing: { decisions: 19785 },
      penalty: { decisions: 108169 },
    });
    expect(figures.section3['withheld.internalAffairs']).toEqual({ naturalPerson: 2, enterprise: 0, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(figures.section3.received).toEqual({ naturalPerson: 3, enterprise: null, research: null, nonprofit: null, legalService: 0, otherOrg: 0, total: 3 });
  });

  it('leaves a row unread when its figures could sit in more than one place', () => {
    const { figures, findings } = readPublishedReport(report([...SECTION3_HEADER, '（七）总计\t\t9\t\t\t\t\t\t\t']));
    expect(figures.section3.handledTotal).toEqual({ naturalPerson: null, enterprise: null, research: null, nonprofit: null, legalService: null, otherOrg: null, total: null });
    expect(findings).toContainEqual({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: '第三部分三（七）“总计”行无法读取：无法确定各数字对应哪一列。',
      cells: ['naturalPerson', 'enterprise', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'].map(
        (c) => `section3.handledTotal.${c}`,
      ),
    });
  });

  it('reports a row it cannot recognise, and a row it cannot find', () => {
    const { findings } = readPublishedReport(
      report([...SECTION3_HEADER, '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '六、不知所云的一行\t5\t0\t0\t0\t0\t0\t5']),
    );
    expect(findings).toContainEqual({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: '无法识别的表格行“六、不知所云的一行”（5、0、0、0、0、0、5），未读取。',
      cells: [],
    });
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'parse.unreadable',
        severity: 'soft',
        message: '未找到第三部分二“上年结转政府信息公开申请数量”行，该行数字未读取。',
      }),
    );
  });

  it('reports a missing table as a hard finding and keeps what it read', () => {
    const { figures, findings } = readPublishedReport(report(['二、主动公开政府信息情况', '规章\t0\t0\t0']));
    expect(figures.section2).toMatchObject({ rules: { issued: 0, repealed: 0, inForce: 0 }, licensing: { decisions: null } });
    expect(figures.section4.reconsideration).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: null });
    expect(findings.filter((f) => f.severity === 'hard')).toEqual([
      {
        rule: 'parse.unreadable',
        severity: 'hard',
        message: '未找到或无法读取第三部分“收到和处理政府信息公开申请情况”的表格，整张表未读取。',
        cells: ['section3'],
      },
      {
        rule: 'parse.unreadable',
        severity: 'hard',
        message: '未找到或无法读取第四部分“政府信息公开行政复议、行政诉讼情况”的表格，整张表未读取。',
        cells: ['section4'],
      },
    ]);
  });

  it('reads rows separated by spaces instead of tabs, figure by figure', () => {
    const { figures } = readPublishedReport(
      report([
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量 9 0 0 0 1 0 9',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '四、政府信息公开行政复议、行政诉讼情况',
        '13 0 8 1 22 0 0 1 3 4 5 0 0 1 6',
      ]),
    );
    expect(figures.section3.received).toEqual({ naturalPerson: 9, enterprise: 0, research: 0, nonprofit: 0, legalService: 1, otherOrg: 0, total: 9 });
    expect(figures.section3.carriedIn?.total).toBe(0);
    expect(figures.section4.litigationAfterReconsideration).toEqual({ upheld: 5, corrected: 0, otherResult: 0, pending: 1, total: 6 });
  });

  it('marks the first lines with tabs as one table and a short line between rows as a label', () => {
    const doc = textToDocument('标题\n行政许可\t1\n行政处罚\n\t2\n正文。');
    expect(doc.lines.map((l) => l.cells)).toEqual([null, ['行政许可', '1'], ['行政处罚'], ['', '2'], null]);
    expect(doc.lines.map((l) => l.tableId)).toEqual([null, 1, 1, 1, null]);
  });
});

describe('markdown and HTML', () => {
  it('splits markdown rows and drops separator lines', () => {
    const doc = markdownToDocument('## 二、主动公开政府信息情况\n| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 12 |');
    expect(doc.lines.map((l) => l.cells)).toEqual([null, ['信息内容', '本年处理决定数量'], ['行政许可', '12']]);
    expect(doc.lines[0]?.text).toBe('二、主动公开政府信息情况');
  });

  it('expands rowspan and colspan into each row', () => {
    const doc = htmlToDocument(
      '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td colspan="2">5</td></tr>' +
        '<tr><td>2.其他法律行政法规禁止公开</td><td rowspan="2">7</td><td>8</td></tr>' +
        '<tr><td>x</td><td>y</td><td>z</td></tr></table>',
    );
    expect(doc.lines.map((l) => l.cells)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '5'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', '7', '8'],
      ['x', 'y', '', 'z'],
    ]);
  });

  it('reads a layout table’s cells as text, and its inner table as a table', () => {
    const doc = htmlToDocument('<table><tr><td><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>');
    expect(doc.lines.map((l) => [l.text, l.cells])).toEqual([
      ['二、主动公开政府信息情况', null],
      ['规章\t0', ['规章', '0']],
    ]);
  });

  it('detects the kind of input', () => {
    expect(detectInputKind('<!doctype html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectInputKind('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('markdown');
    expect(detectInputKind('规章\t0\t0\t0')).toBe('text');
  });
});

describe('what the report is', () => {
  it('reads the 2019 trial format from its column words', () => {
    const { figures } = readPublishedReport(
      report(['二、主动公开政府信息情况', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t1\t1\t3']),
    );
    expect(figures.format).toBe('2019');
    expect(figures.section2).toMatchObject({ rules: { made: 1, published: 1, totalPublic: 3 } });
    expect(Object.keys(figures.section3)).toContain('other');
  });

  it('lets the caller override year and format', () => {
    const { figures } = readPublishedReport(report(['二、主动公开政府信息情况', '规章\t0\t0\t0']), { year: 2030, format: '2019' });
    expect(figures.year).toBe(2030);
    expect(figures.format).toBe('2019');
  });

  it('takes the agency from the signature, else 填报单位, else the title', () => {
    const body = ['二、主动公开政府信息情况', '规章\t0\t0\t0'];
    expect(readPublishedReport(report(body)).figures.agency).toBe('测试区');
    expect(readPublishedReport(report(['填报单位：测试区人民政府办公室', ...body])).figures.agency).toBe('测试区人民政府办公室');
    const signed = report([...body, '六、其他需要报告的事项', '无。', '测试区数据局', '2023年1月20日']);
    expect(readPublishedReport(signed).figures.agency).toBe('测试区数据局');
    expect(readPublishedReport(signed).figures.narrative.other).toBe('无。');
  });

  it('reports a year it cannot find', () => {
    const { figures, findings } = readPublishedReport('二、主动公开政府信息情况\n规章\t0\t0\t0');
    expect(figures.year).toBe(0);
    expect(findings).toContainEqual({
      rule: 'parse.unreadable',
      severity: 'soft',
      message: '未能从标题或统计期限中读出报告年度。',
      cells: ['year'],
    });
  });

  it('throws UnreadableReportError only for what is not a report at all', () => {
    expect(() => readPublishedReport('')).toThrow(UnreadableReportError);
    expect(() => readPublishedReport('Hello, world.\nNothing here.')).toThrow(UnreadableReportError);
    expect(() => readPublishedReport('<html><body><p>新闻</p><div>今天天气晴。</div><p>a</p><p>b</p></body></html>')).toThrow(
      UnreadableReportError,
    );
    expect(() => readPublishedReport('四、政府信息公开行政复议、行政诉讼情况')).not.toThrow();
  });
});
