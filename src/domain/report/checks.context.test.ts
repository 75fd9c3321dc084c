import { describe, expect, it } from 'vitest';
import { checkReport } from './checks.js';
import type { ReportData, ReportFormat } from './format.js';
import { brief, consistent, group, row, type Six } from './test-builders.js';
import { emptyReport, setFigure } from './model.js';

// Checks that need more than the table arithmetic: last year's report, the narrative, the fee
// records.



describe('checks against last year’s report', () => {
  function previous(format: ReportFormat, year: number, carriedOut: Six, inForce = 0): ReportData {
    const p = emptyReport(format, '某区某局', year);
    row(p, 'carriedOut', carriedOut);
    if (p.format === '2021') p.section2.normativeDocs.inForce = inForce;
    return p;
  }

  it('requests.carryOver: this year’s 二 is last year’s 四, column by column', () => {
    const r = consistent('2021');
    expect(checkReport(r, { previous: previous('2021', 2021, [1, 0, 0, 0, 0, 0]) })).toEqual([]);
    const findings = checkReport(r, { previous: previous('2021', 2021, [2, 0, 0, 0, 0, 0]) });
    expect(brief(findings)).toEqual([
      ['requests.carryOver', '自然人列：本年“二、上年结转”为1，而2021年报告“四、结转下年度继续办理”为2', 2, 1],
      ['requests.carryOver', '总计列：本年“二、上年结转”为1，而2021年报告“四、结转下年度继续办理”为2', 2, 1],
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['soft', 'soft']);
    expect(findings[0]!.cells).toEqual(['section3.carriedIn.naturalPerson']);
  });

  it('requests.carryOver: works from a 2019-format report of 2020 to a 2021-format report of 2021', () => {
    const r = consistent('2021', 2021);
    const findings = checkReport(r, { previous: previous('2019', 2020, [0, 0, 0, 0, 0, 0]) });
    expect(brief(findings)).toEqual([
      ['requests.carryOver', '自然人列：本年“二、上年结转”为1，而2020年报告“四、结转下年度继续办理”为0', 0, 1],
      ['requests.carryOver', '总计列：本年“二、上年结转”为1，而2020年报告“四、结转下年度继续办理”为0', 0, 1],
    ]);
  });

  it('compares only with the report of the year before', () => {
    const r = consistent('2021');
    expect(checkReport(r, { previous: previous('2021', 2020, [5, 0, 0, 0, 0, 0], 1) })).toEqual([]);
  });

  it('registry.inForce: in force = last year’s in force + issued − repealed (2021 format)', () => {
    const r = consistent('2021');
    r.section2.normativeDocs = { issued: 4, repealed: 0, inForce: 68 };
    const findings = checkReport(r, { previous: previous('2021', 2021, [1, 0, 0, 0, 0, 0], 60) });
    expect(brief(findings)).toEqual([
      [
        'registry.inForce',
        '行政规范性文件：上年现行有效60件+本年制发4件−本年废止0件=64件，而本年现行有效件数为68件（如有修订、失效等情况请核实）',
        64,
        68,
      ],
    ]);
    expect(findings[0]!.cells).toEqual([
      'section2.normativeDocs.inForce',
      'section2.normativeDocs.issued',
      'section2.normativeDocs.repealed',
    ]);
    expect(checkReport(r, { previous: previous('2021', 2021, [1, 0, 0, 0, 0, 0], 64) })).toEqual([]);
  });
});

describe('narrative.mismatch', () => {
  it('compares 受理 with 一 总计, also accepting 一+二 (some reports count carried-in requests)', () => {
    const r = consistent('2021');
    r.narrative.overview = '全年共受理政府信息公开申请5件。';
    expect(checkReport(r)).toEqual([]);
    r.narrative.overview = '全年共受理政府信息公开申请十二件。本月受理政府信息公开申请3件。';
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      ['narrative.mismatch', '正文“全年共受理政府信息公开申请十二件”中本年新收申请数为12，而表三“一 本年新收”行·总计列为4', 4, 12],
    ]);
    expect(findings[0]!.cells).toEqual(['section3.received.total']);
  });

  it('compares 行政诉讼 with both litigation groups together', () => {
    const r = consistent('2019');
    group(r, 'litigationDirect', [1, 0, 0, 0]);
    group(r, 'litigationAfterReconsideration', [0, 0, 0, 2]);
    r.narrative.problems = '全年发生政府信息公开行政诉讼2起。';
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      [
        'narrative.mismatch',
        '正文“全年发生政府信息公开行政诉讼2起”中行政诉讼案件数为2，而表四 行政诉讼（未经复议直接起诉）·总计+表四 行政诉讼（复议后起诉）·总计为3',
        3,
        2,
      ],
    ]);
    expect(findings[0]!.cells).toEqual([
      'section4.litigationDirect.total',
      'section4.litigationAfterReconsideration.total',
    ]);
  });

  it('does not compare documents in force in the 2019 format, whose table has no such column', () => {
    const r = consistent('2019');
    r.narrative.overview = '现行有效规范性文件10件。';
    expect(checkReport(r)).toEqual([]);
  });

  it('compares the processing fee stated in 六 with the reported amount, when there is one', () => {
    const r = consistent('2021');
    r.narrative.other = '全年收取信息处理费共计400元。';
    expect(checkReport(r)).toEqual([]);
    r.feesCollectedYuan = 380;
    expect(brief(checkReport(r))).toEqual([
      ['narrative.mismatch', '正文“全年收取信息处理费共计400元”中收取的信息处理费（元）为400，而六、本年收取信息处理费（元）为380', 380, 400],
    ]);
  });

  it('skips a table figure that is blank', () => {
    const r = consistent('2021');
    setFigure(r, 'section3.partial.total', null);
    r.narrative.overview = '对政府信息公开申请，部分公开3件。';
    expect(checkReport(r).map((f) => f.rule)).toEqual(['cells.blank']);
  });
});

describe('fees.mismatch', () => {
  it('compares the fees reported in 六 with the fee records', () => {
    const r = consistent('2021');
    r.feesCollectedYuan = 380;
    expect(checkReport(r, { feeRecordsYuan: 380.004 })).toEqual([]);
    const findings = checkReport(r, { feeRecordsYuan: 500 });
    expect(brief(findings)).toEqual([
      ['fees.mismatch', '六、其他需要报告的事项：收取信息处理费380元，而收费记录合计为500元', 500, 380],
    ]);
    expect(findings[0]!.cells).toEqual(['feesCollectedYuan']);
  });

  it('warns of 三（六）2 requests when no fee notice was sent (2021 format)', () => {
    const r = consistent('2021');
    row(r, 'received', [5, 1, 0, 0, 0, 0]);
    row(r, 'other.feeUnpaid', [2, 0, 0, 0, 0, 0]);
    row(r, 'handledTotal', [5, 1, 0, 0, 0, 0]);
    expect(checkReport(r)).toEqual([]);
    expect(checkReport(r, { feeNoticeCount: 1 })).toEqual([]);
    const findings = checkReport(r, { feeNoticeCount: 0 });
    expect(brief(findings)).toEqual([
      ['fees.mismatch', '表三“三（六）2”行（逾期未缴纳信息处理费）总计为2件，但本年没有发出收费通知的记录', 0, 2],
    ]);
    expect(findings[0]!.cells).toEqual(['section3.other.feeUnpaid.total']);
  });
});
