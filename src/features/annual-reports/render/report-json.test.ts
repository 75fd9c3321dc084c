import { describe, expect, it } from 'vitest';
import { OUTCOME_ROWS_2019, section3Rows, type Report2021 } from '../../../domain/report/format.js';
import { renderReportJson } from './report-json.js';
import { pingtanReport2019, zhanyiReport2022 } from './test-factory.js';

describe('renderReportJson', () => {
  it('orders the top-level keys as DESIGN.md does', () => {
    expect(Object.keys(JSON.parse(renderReportJson(zhanyiReport2022())))).toEqual([
      'format',
      'agency',
      'year',
      'section2',
      'section3',
      'section4',
      'narrative',
    ]);
  });

  it('writes the start of the document byte for byte, with a 2-space indent', () => {
    expect(renderReportJson(zhanyiReport2022()).slice(0, 240)).toBe(
      [
        '{',
        '  "format": "2021",',
        '  "agency": "曲靖市沾益区人民政府办公室",',
        '  "year": 2022,',
        '  "section2": {',
        '    "rules": {',
        '      "issued": 0,',
        '      "repealed": 0,',
        '      "inForce": 0',
        '    },',
        '    "normativeDocs": {',
        '      "issued": 4,',
        '      "repealed": 0,',
        '      "inForce": 68',
        '    },',
        '    "licensing": {',
        '      "decisions": 19785',
        '    },',
        '    "penalty": {',
        '      "decisions": 108169',
        '    },',
      ]
        .join('\n')
        .slice(0, 240),
    );
  });

  it('gives the same text whatever order the keys came in', () => {
    const report = zhanyiReport2022();
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const shuffled: Report2021 = {
      ...reversed(report),
      section2: { ...reversed(report.section2), normativeDocs: reversed(report.section2.normativeDocs) },
      section3: reversed(report.section3),
    };
    expect(Object.keys(shuffled)[0]).toBe('narrative');
    expect(renderReportJson(shuffled)).toBe(renderReportJson(report));
  });

  it('lists the rows of section 三 in table order, a missing row as nulls', () => {
    const report = zhanyiReport2022();
    delete report.section3['other.feeUnpaid'];
    const json = JSON.parse(renderReportJson(report));
    expect(Object.keys(json.section3)).toEqual(section3Rows('2021'));
    expect(json.section3['other.feeUnpaid']).toEqual({
      naturalPerson: null,
      enterprise: null,
      research: null,
      nonprofit: null,
      legalService: null,
      otherOrg: null,
      total: null,
    });
    expect(json.section3.received).toEqual({ naturalPerson: 9, enterprise: 0, research: 0, nonprofit: 0, legalService: 1, otherOrg: 0, total: 9 });
  });

  it('round-trips a full report', () => {
    expect(JSON.parse(renderReportJson(zhanyiReport2022()))).toEqual(zhanyiReport2022());
    expect(JSON.parse(renderReportJson(pingtanReport2019()))).toEqual(pingtanReport2019());
  });

  it('keeps the trial format keys of section 二 and its single 三（六） row', () => {
    const json = JSON.parse(renderReportJson(pingtanReport2019()));
    expect(Object.keys(json.section2)).toEqual([
      'rules',
      'normativeDocs',
      'licensing',
      'otherServices',
      'penalty',
      'enforcement',
      'fees',
      'procurement',
    ]);
    expect(json.section2.procurement).toEqual({ items: 15, amount: 6805947.43 });
    expect(Object.keys(json.section3).filter((k) => k.startsWith('other'))).toEqual(['other']);
    expect(OUTCOME_ROWS_2019.every((k) => k in json.section3)).toBe(true);
  });

  it('adds the fees collected after the narrative when they are known', () => {
    const json = JSON.parse(renderReportJson(zhanyiReport2022({ feesCollectedYuan: 0 })));
    expect(Object.keys(json).slice(-2)).toEqual(['narrative', 'feesCollectedYuan']);
    expect(json.feesCollectedYuan).toBe(0);
  });
});
