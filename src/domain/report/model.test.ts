import { describe, expect, it } from 'vitest';
import type { ReportData } from './format.js';
import {
  blankReport,
  breakdown,
  cloneReport,
  describeCell,
  emptyReport,
  getFigure,
  listCells,
  parseCellPath,
  setFigure,
  sumReports,
} from './model.js';

describe('listCells', () => {
  it('lists 200 cells for the 2021 format: 10 in 二, 25 rows × 7 in 三, 15 in 四', () => {
    const cells = listCells('2021');
    expect(cells).toHaveLength(10 + 25 * 7 + 15);
    expect(cells[0]).toBe('section2.rules.issued');
    expect(cells[9]).toBe('section2.fees.amountWanYuan');
    expect(cells[10]).toBe('section3.received.naturalPerson');
    expect(cells).toContain('section3.withheld.stateSecret.total');
    expect(cells).toContain('section3.other.feeUnpaid.total');
    expect(cells).not.toContain('section3.other.total');
    expect(cells[cells.length - 1]).toBe('section4.litigationAfterReconsideration.total');
  });

  it('lists 198 cells for the 2019 format: 22 in 二, 23 rows × 7 in 三 (one 其他处理 row), 15 in 四', () => {
    const cells = listCells(emptyReport('2019', '某局', 2019));
    expect(cells).toHaveLength(22 + 23 * 7 + 15);
    expect(cells).toContain('section3.other.total');
    expect(cells).toContain('section2.procurement.amount');
    expect(cells).not.toContain('section3.other.feeUnpaid.total');
    expect(cells).not.toContain('section2.fees.amountWanYuan');
  });
});

describe('cell paths', () => {
  it('reads section 三 row keys that contain dots', () => {
    expect(parseCellPath('2021', 'section3.withheld.stateSecret.total')).toEqual({
      section: 'section3',
      row: 'withheld.stateSecret',
      column: 'total',
    });
    expect(parseCellPath('2021', 'section4.reconsideration.pending')).toEqual({
      section: 'section4',
      group: 'reconsideration',
      column: 'pending',
    });
    expect(parseCellPath('2021', 'section2.normativeDocs.inForce')).toEqual({
      section: 'section2',
      item: 'normativeDocs',
      field: 'inForce',
    });
  });

  it('rejects paths that are not cells of the format', () => {
    expect(parseCellPath('2021', 'section3.other.total')).toBeNull();
    expect(parseCellPath('2019', 'section2.fees.amountWanYuan')).toBeNull();
    expect(parseCellPath('2021', 'section3.received.people')).toBeNull();
    expect(parseCellPath('2021', 'narrative.overview')).toBeNull();
  });

  it('gets and sets figures in place', () => {
    const report = emptyReport('2021', '某局', 2022);
    setFigure(report, 'section3.withheld.stateSecret.total', 3);
    setFigure(report, 'section2.normativeDocs.inForce', 68);
    setFigure(report, 'section4.reconsideration.pending', null);
    expect(getFigure(report, 'section3.withheld.stateSecret.total')).toBe(3);
    expect(report.section2.normativeDocs).toEqual({ issued: 0, repealed: 0, inForce: 68 });
    expect(getFigure(report, 'section4.reconsideration.pending')).toBeNull();
    expect(getFigure(report, 'section3.other.total')).toBeUndefined();
    expect(() => setFigure(report, 'section3.other.total', 1)).toThrow(RangeError);
  });

  it('treats a missing section 三 row as blank and creates it when set', () => {
    const report = emptyReport('2021', '某局', 2022);
    delete report.section3.partial;
    expect(getFigure(report, 'section3.partial.total')).toBeNull();
    setFigure(report, 'section3.partial.total', 2);
    expect(report.section3.partial).toEqual({
      naturalPerson: null,
      enterprise: null,
      research: null,
      nonprofit: null,
      legalService: null,
      otherOrg: null,
      total: 2,
    });
  });

  it('describes cells with their official names', () => {
    expect(describeCell('2021', 'section3.received.total')).toBe('表三“一 本年新收”行·总计列');
    expect(describeCell('2021', 'section3.withheld.stateSecret.naturalPerson')).toBe(
      '表三“三（三）1 属于国家秘密”行·自然人列',
    );
    expect(describeCell('2021', 'section2.normativeDocs.inForce')).toBe(
      '表二 第二十条第（一）项 行政规范性文件·现行有效件数',
    );
    expect(describeCell('2019', 'section2.normativeDocs.totalPublic')).toBe(
      '表二 第二十条第（一）项 规范性文件·对外公开总数量',
    );
    expect(describeCell('2021', 'section4.litigationDirect.upheld')).toBe(
      '表四 行政诉讼（未经复议直接起诉）·结果维持',
    );
  });
});

describe('emptyReport and blankReport', () => {
  it('fills every cell with 0 or null and leaves the narrative empty', () => {
    for (const format of ['2021', '2019'] as const) {
      const empty = emptyReport(format, '某局', 2020);
      const blank = blankReport(format, '某局', 2020);
      expect(listCells(format).map((c) => getFigure(empty, c)).every((v) => v === 0)).toBe(true);
      expect(listCells(format).map((c) => getFigure(blank, c)).every((v) => v === null)).toBe(true);
      expect(empty.narrative).toEqual({ overview: '', problems: '', other: '' });
      expect(empty.format).toBe(format);
    }
  });

  it('gives each report its own objects', () => {
    const a = emptyReport('2021', '甲', 2022);
    const b = cloneReport(a);
    setFigure(b, 'section3.received.total', 5);
    expect(getFigure(a, 'section3.received.total')).toBe(0);
  });
});

describe('sumReports and breakdown', () => {
  function agency(name: string, received: number | null, fees: number | null): ReportData {
    const r = blankReport('2021', name, 2022);
    setFigure(r, 'section3.received.total', received);
    setFigure(r, 'section2.fees.amountWanYuan', fees);
    return r;
  }

  it('adds cell by cell; a blank does not blank the sum; all blank stays blank', () => {
    const reports = [agency('甲局', 3, 0.1), agency('乙局', null, 0.2), agency('丙局', 4, null)];
    reports[0]!.feesCollectedYuan = 100;
    reports[2]!.feesCollectedYuan = 280.5;
    const total = sumReports('2021', '某区', 2022, reports);
    expect(total.agency).toBe('某区');
    expect(getFigure(total, 'section3.received.total')).toBe(7);
    expect(getFigure(total, 'section2.fees.amountWanYuan')).toBe(0.3);
    expect(getFigure(total, 'section3.carriedIn.total')).toBeNull();
    expect(total.feesCollectedYuan).toBe(380.5);
  });

  it('rounds 万元 amounts to 4 decimals', () => {
    const reports = [agency('甲', 0, 1809.71), agency('乙', 0, 0.00001), agency('丙', 0, 0.1)];
    expect(getFigure(sumReports('2021', '区', 2022, reports), 'section2.fees.amountWanYuan')).toBe(1809.81);
  });

  it('refuses to roll a report of the other format', () => {
    expect(() => sumReports('2021', '区', 2022, [emptyReport('2019', '甲', 2020)])).toThrow(RangeError);
  });

  it('gives each agency its figure of a cell', () => {
    const reports = [agency('甲局', 3, 0), agency('乙局', null, 0), emptyReport('2019', '丙局', 2020)];
    expect(breakdown(reports, 'section3.received.total')).toEqual([
      { agency: '甲局', value: 3 },
      { agency: '乙局', value: null },
      { agency: '丙局', value: 0 },
    ]);
    expect(breakdown(reports, 'section2.fees.amountWanYuan')).toEqual([
      { agency: '甲局', value: 0 },
      { agency: '乙局', value: 0 },
      { agency: '丙局', value: null },
    ]);
  });
});
