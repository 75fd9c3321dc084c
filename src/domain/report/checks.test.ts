import { describe, expect, it } from 'vitest';
import { checkReport, hasHardFinding, statedCells, summarizeFindings } from './checks.js';
import { REQUESTER_COLUMNS, type Finding, type ReportData } from './format.js';
import { brief, consistent, group, row } from './test-builders.js';
import { blankReport, emptyReport, setFigure } from './model.js';



/** The figures of fixtures/reports/zhanyi-2022.txt, typed in by hand. */
function zhanyi2022(): ReportData {
  const r = emptyReport('2021', '曲靖市沾益区人民政府办公室', 2022);
  setFigure(r, 'section2.normativeDocs.issued', 4);
  setFigure(r, 'section2.normativeDocs.inForce', 68);
  setFigure(r, 'section2.licensing.decisions', 19785);
  setFigure(r, 'section2.penalty.decisions', 108169);
  setFigure(r, 'section2.enforcement.decisions', 1511);
  setFigure(r, 'section2.fees.amountWanYuan', 1809.71);
  row(r, 'received', [9, 0, 0, 0, 1, 0], 9);
  row(r, 'granted', [7, 0, 0, 0, 1, 0], 7);
  row(r, 'partial', [1, 0, 0, 0, 0, 0], 1);
  row(r, 'unavailable.notHeld', [1, 0, 0, 0, 0, 0], 1);
  group(r, 'reconsideration', [13, 0, 8, 1], 22);
  group(r, 'litigationDirect', [0, 0, 1, 3], 4);
  group(r, 'litigationAfterReconsideration', [5, 0, 0, 1], 6);
  r.narrative = {
    overview:
      '二、依申请公开情况\n2022年度，共受理政府信息公开申请9件。其中，公开信息7件，部分公开1件，因申请人申请公开的信息不存在未公开1件。\n' +
      '三、政府信息管理情况\n一是调整整合重大建设项目、重点领域公开等栏目信息。二是规范设置行政规范性文件栏目，发布区人民政府及办公室现行有效行政规范性文件35件。',
    problems: '（一）存在的问题。一是政务公开工作队伍仍需加强。',
    other: '我区本年度未收取信息处理费。',
  };
  r.feesCollectedYuan = 0;
  return r;
}

describe('checkReport on consistent reports', () => {
  it.each(['2021', '2019'] as const)('finds nothing in an all-zero or consistent %s report', (format) => {
    expect(checkReport(emptyReport(format, '某局', 2020 + (format === '2021' ? 2 : 0)))).toEqual([]);
    expect(checkReport(consistent(format))).toEqual([]);
  });
});

describe('zhanyi-2022, the report this project started from', () => {
  it('finds the 三（七） row of zeros, the 法律服务机构 request missing from 总计, and 35 vs 68', () => {
    const findings = checkReport(zhanyi2022());
    expect(brief(findings)).toEqual([
      ['requests.balance', '自然人列：一+二=9，而三（七）+四=0', 9, 0],
      ['requests.balance', '法律服务机构列：一+二=1，而三（七）+四=0', 1, 0],
      ['requests.balance', '总计列：一+二=9，而三（七）+四=0', 9, 0],
      ['requests.outcomeSum', '自然人列：三（一）至三（六）各项之和为9，而三（七）总计为0', 9, 0],
      ['requests.outcomeSum', '法律服务机构列：三（一）至三（六）各项之和为1，而三（七）总计为0', 1, 0],
      ['requests.outcomeSum', '总计列：三（一）至三（六）各项之和为9，而三（七）总计为0', 9, 0],
      ['requests.rowTotal', '表三“一”行：自然人至其他六列之和为10，而总计列为9', 10, 9],
      ['requests.rowTotal', '表三“三（一）”行：自然人至其他六列之和为8，而总计列为7', 8, 7],
      [
        'narrative.mismatch',
        '正文“二是规范设置行政规范性文件栏目，发布区人民政府及办公室现行有效行政规范性文件35件”中现行有效行政规范性文件件数为35，而表二 第二十条第（一）项 行政规范性文件·现行有效件数为68',
        68,
        35,
      ],
    ]);
    expect(findings.map((f) => f.severity)).toEqual([...Array(8).fill('hard'), 'soft']);
    expect(findings[2]!.cells).toEqual([
      'section3.received.total',
      'section3.carriedIn.total',
      'section3.handledTotal.total',
      'section3.carriedOut.total',
    ]);
    expect(findings[8]!.cells).toEqual(['section2.normativeDocs.inForce']);
    expect(findings[6]!.cells).toEqual([
      'section3.received.naturalPerson',
      'section3.received.enterprise',
      'section3.received.research',
      'section3.received.nonprofit',
      'section3.received.legalService',
      'section3.received.otherOrg',
      'section3.received.total',
    ]);
  });
});

describe('arithmetic of section 三', () => {
  it.each(['2021', '2019'] as const)('%s: requests.balance per column', (format) => {
    const r = consistent(format);
    row(r, 'carriedIn', [2, 0, 0, 0, 0, 0]);
    expect(brief(checkReport(r))).toEqual([
      ['requests.balance', '自然人列：一+二=5，而三（七）+四=4', 5, 4],
      ['requests.balance', '总计列：一+二=6，而三（七）+四=5', 6, 5],
    ]);
  });

  it('2021: requests.outcomeSum counts every 三（六） row', () => {
    const r = consistent('2021');
    row(r, 'other.feeUnpaid', [0, 1, 0, 0, 0, 0]);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      ['requests.outcomeSum', '商业企业列：三（一）至三（六）各项之和为2，而三（七）总计为1', 2, 1],
      ['requests.outcomeSum', '总计列：三（一）至三（六）各项之和为5，而三（七）总计为4', 5, 4],
    ]);
    expect(findings[0]!.cells).toHaveLength(22);
    expect(findings[0]!.cells).toContain('section3.other.feeUnpaid.enterprise');
  });

  it('2019: requests.outcomeSum counts the single 三（六） row', () => {
    const r = consistent('2019');
    row(r, 'other', [1, 0, 0, 0, 0, 0]);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      ['requests.outcomeSum', '自然人列：三（一）至三（六）各项之和为4，而三（七）总计为3', 4, 3],
      ['requests.outcomeSum', '总计列：三（一）至三（六）各项之和为5，而三（七）总计为4', 5, 4],
    ]);
    expect(findings[0]!.cells).toHaveLength(20);
    expect(findings[0]!.cells).toContain('section3.other.naturalPerson');
  });

  it.each(['2021', '2019'] as const)('%s: requests.rowTotal per row', (format) => {
    const r = consistent(format);
    // Move one request from 部分公开 to 予以公开 in the 自然人 column only: columns still add up.
    row(r, 'granted', [3, 1, 0, 0, 0, 0], 3);
    row(r, 'partial', [0, 0, 0, 0, 0, 0], 1);
    expect(brief(checkReport(r))).toEqual([
      ['requests.rowTotal', '表三“三（一）”行：自然人至其他六列之和为4，而总计列为3', 4, 3],
      ['requests.rowTotal', '表三“三（二）”行：自然人至其他六列之和为0，而总计列为1', 0, 1],
    ]);
  });
});

describe('section 四', () => {
  it.each(['2021', '2019'] as const)('%s: reviews.groupTotal per group', (format) => {
    const r = consistent(format);
    group(r, 'reconsideration', [1, 0, 0, 0], 2);
    group(r, 'litigationAfterReconsideration', [1, 1, 1, 1], 4);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      ['reviews.groupTotal', '行政复议：结果维持+结果纠正+其他结果+尚未审结=1，而总计为2', 1, 2],
    ]);
    expect(findings[0]!.cells).toEqual([
      'section4.reconsideration.upheld',
      'section4.reconsideration.corrected',
      'section4.reconsideration.otherResult',
      'section4.reconsideration.pending',
      'section4.reconsideration.total',
    ]);
  });
});

describe('figures.invalid', () => {
  it('2021: negative, fractional and non-finite figures; 万元 may have decimals', () => {
    const r = consistent('2021');
    setFigure(r, 'section2.rules.issued', -1);
    setFigure(r, 'section2.licensing.decisions', 1.5);
    setFigure(r, 'section2.fees.amountWanYuan', 1809.71);
    setFigure(r, 'section4.reconsideration.upheld', Number.NaN);
    r.feesCollectedYuan = -5;
    const findings = checkReport(r);
    // The NaN is reported once; the 行政复议 group total that contains it is not checked.
    expect(brief(findings)).toEqual([
      ['figures.invalid', '表二 第二十条第（一）项 规章·本年制发件数为-1，不能为负数', undefined, -1],
      ['figures.invalid', '表二 第二十条第（五）项 行政许可·本年处理决定数量为1.5，应为整数', undefined, 1.5],
      ['figures.invalid', '表四 行政复议·结果维持不是有效数字', undefined, null],
      ['figures.invalid', '六、本年收取信息处理费（元）为-5，不能为负数', undefined, -5],
    ]);
    expect(hasHardFinding(findings)).toBe(true);
  });

  it('2019: 本年增/减 may be negative and the procurement amount a decimal', () => {
    const r = consistent('2019');
    setFigure(r, 'section2.licensing.change', -3);
    setFigure(r, 'section2.procurement.amount', 5947.43);
    setFigure(r, 'section2.rules.made', 2.5);
    setFigure(r, 'section2.penalty.previousItems', -1);
    expect(brief(checkReport(r))).toEqual([
      ['figures.invalid', '表二 第二十条第（一）项 规章·本年新制作数量为2.5，应为整数', undefined, 2.5],
      ['figures.invalid', '表二 第二十条第（六）项 行政处罚·上一年项目数量为-1，不能为负数', undefined, -1],
    ]);
  });
});

describe('cells.blank', () => {
  const hint = '（已公开的表格每一格都应填写，没有的填0）';

  it('reports a single blank cell once and skips the sums it belongs to', () => {
    const r = consistent('2021');
    setFigure(r, 'section3.received.enterprise', null);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      ['cells.blank', `表三“一 本年新收”行·商业企业列空白${hint}`, undefined, null],
    ]);
    expect(findings[0]!.cells).toEqual(['section3.received.enterprise']);
    expect(findings[0]!.severity).toBe('hard');
  });

  it('reports a blank row as one finding', () => {
    const r = emptyReport('2019', '某局', 2020);
    row(r, 'carriedIn', [0, 0, 0, 0, 0, 0]);
    for (const c of [...REQUESTER_COLUMNS, 'total']) setFigure(r, `section3.carriedIn.${c}`, null);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([['cells.blank', `表三“二 上年结转”行整行空白${hint}`, undefined, null]]);
    expect(findings[0]!.cells).toHaveLength(7);
  });

  it('reports organisation columns left blank throughout (as in shuyang-drc-2023) as one finding each', () => {
    const r = emptyReport('2021', '沭阳县发展和改革局', 2023);
    const blankColumns = ['enterprise', 'research', 'nonprofit', 'legalService', 'otherOrg'];
    for (const cell of Object.keys(r.section3)) {
      for (const c of blankColumns) setFigure(r, `section3.${cell}.${c}`, null);
    }
    const findings = checkReport(r);
    expect(findings.map((f) => [f.message, f.cells.length])).toEqual([
      [`表三商业企业列空白（25格）${hint}`, 25],
      [`表三科研机构列空白（25格）${hint}`, 25],
      [`表三社会公益组织列空白（25格）${hint}`, 25],
      [`表三法律服务机构列空白（25格）${hint}`, 25],
      [`表三其他列空白（25格）${hint}`, 25],
    ]);
  });

  it('2021: a blank report gives one finding per section 二 item and one per table', () => {
    const findings = checkReport(blankReport('2021', '某局', 2022));
    expect(findings.map((f) => [f.rule, f.message, f.cells.length])).toEqual([
      ['cells.blank', `表二 第二十条第（一）项 规章一行全部空白${hint}`, 3],
      ['cells.blank', `表二 第二十条第（一）项 行政规范性文件一行全部空白${hint}`, 3],
      ['cells.blank', `表二 第二十条第（五）项 行政许可·本年处理决定数量空白${hint}`, 1],
      ['cells.blank', `表二 第二十条第（六）项 行政处罚·本年处理决定数量空白${hint}`, 1],
      ['cells.blank', `表二 第二十条第（六）项 行政强制·本年处理决定数量空白${hint}`, 1],
      ['cells.blank', `表二 第二十条第（八）项 行政事业性收费·本年收费金额（万元）空白${hint}`, 1],
      ['cells.blank', `表三（收到和处理政府信息公开申请情况）全部空白${hint}`, 175],
      ['cells.blank', `表四（行政复议、行政诉讼情况）全部空白${hint}`, 15],
    ]);
  });

  it('2019: a blank report gives one finding per section 二 item and one per table', () => {
    const findings = checkReport(blankReport('2019', '某局', 2020));
    expect(findings.map((f) => f.cells.length)).toEqual([3, 3, 3, 3, 3, 3, 2, 2, 161, 15]);
    expect(findings[7]!.message).toBe(`表二 第二十条第（九）项 政府集中采购一行全部空白${hint}`);
  });

  it('reports a blank review group as one finding', () => {
    const r = consistent('2021');
    for (const c of ['upheld', 'corrected', 'otherResult', 'pending', 'total']) {
      setFigure(r, `section4.litigationDirect.${c}`, null);
    }
    expect(brief(checkReport(r))).toEqual([
      ['cells.blank', `表四 行政诉讼（未经复议直接起诉）整组空白${hint}`, undefined, null],
    ]);
  });
});

describe('order and summary', () => {
  it('orders findings by rule, then by table position', () => {
    const r = zhanyi2022();
    setFigure(r, 'section3.partial.research', null);
    const findings = checkReport(r, { previous: emptyReport('2021', r.agency, 2021), feeRecordsYuan: 100 });
    expect(findings.map((f) => f.rule)).toEqual([
      'requests.balance',
      'requests.balance',
      'requests.balance',
      'requests.outcomeSum',
      'requests.outcomeSum',
      'requests.outcomeSum',
      'requests.rowTotal',
      'requests.rowTotal',
      'registry.inForce',
      'narrative.mismatch',
      'fees.mismatch',
      'cells.blank',
    ]);
  });

  it('summarizes in Chinese, 严重 before 提示', () => {
    const findings: Finding[] = [
      { rule: 'narrative.mismatch', severity: 'soft', message: '正文与表格不符', cells: [] },
      { rule: 'requests.balance', severity: 'hard', message: '总计列：一+二=9，而三（七）+四=0', cells: [] },
    ];
    expect(summarizeFindings(findings)).toBe(
      [
        '共发现2个问题：严重1个，提示1个。',
        '严重（改正后才能发布）：',
        '1. 【勾稽关系（一+二=三（七）+四）】总计列：一+二=9，而三（七）+四=0',
        '提示（请核实）：',
        '1. 【正文与表格不一致】正文与表格不符',
      ].join('\n'),
    );
    expect(summarizeFindings([])).toBe('未发现问题。');
    expect(hasHardFinding(findings)).toBe(true);
    expect(hasHardFinding(findings.slice(0, 1))).toBe(false);
  });
});

describe('statedCells', () => {
  it('marks the stated total of a sum, and every cell of the balance', () => {
    const r = consistent();
    setFigure(r, 'section3.handledTotal.total', 99);
    const byRule = new Map(checkReport(r).map((f) => [`${f.rule} ${f.cells[0]}`, statedCells(f)]));
    expect(byRule.get('requests.outcomeSum section3.handledTotal.total')).toEqual(['section3.handledTotal.total']);
    expect(byRule.get('requests.rowTotal section3.handledTotal.naturalPerson')).toEqual(['section3.handledTotal.total']);
    expect(byRule.get('requests.balance section3.received.total')).toEqual([
      'section3.received.total', 'section3.carriedIn.total', 'section3.handledTotal.total', 'section3.carriedOut.total',
    ]);
  });
});
