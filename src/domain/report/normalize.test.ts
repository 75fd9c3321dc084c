import { describe, expect, it } from 'vitest';
import { emptyReport, setFigure } from './model.js';
import { normalizeReport } from './normalize.js';

/** Report JSON as an API client would send it. */
function json(format: '2021' | '2019' = '2021', year = 2022): Record<string, unknown> {
  const report = emptyReport(format, '曲靖市沾益区人民政府办公室', year);
  setFigure(report, 'section3.received.total', 9);
  return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
}

function errors(input: unknown) {
  const result = normalizeReport(input);
  return result.ok ? [] : result.errors;
}

describe('normalizeReport', () => {
  it('accepts a complete report and returns an equal copy', () => {
    const input = json();
    const result = normalizeReport(input);
    expect(result).toEqual({ ok: true, report: input });
    if (result.ok) expect(result.report).not.toBe(input);
  });

  it('accepts the 2019 format, blanks as null, and fees collected', () => {
    const input = json('2019', 2020);
    (input.section2 as Record<string, Record<string, unknown>>).licensing!.change = -3;
    (input.section3 as Record<string, Record<string, unknown>>).other!.total = null;
    input.feesCollectedYuan = 380;
    const result = normalizeReport(input);
    expect(result.ok).toBe(true);
    if (result.ok && result.report.format === '2019') {
      expect(result.report.section2.licensing.change).toBe(-3);
      expect(result.report.section3.other?.total).toBeNull();
      expect(result.report.feesCollectedYuan).toBe(380);
    }
  });

  it('fills a missing narrative, or missing parts of it, with empty strings', () => {
    const input = json();
    delete input.narrative;
    const result = normalizeReport(input);
    expect(result.ok && result.report.narrative).toEqual({ overview: '', problems: '', other: '' });
    input.narrative = { overview: '共受理政府信息公开申请9件。' };
    const again = normalizeReport(input);
    expect(again.ok && again.report.narrative).toEqual({
      overview: '共受理政府信息公开申请9件。',
      problems: '',
      other: '',
    });
  });

  it('rejects an unknown format and does not look further', () => {
    expect(errors({ ...json(), format: '2020' })).toEqual([
      { path: 'format', message: '报告格式应为“2021”（国办公开办函〔2021〕30号）或“2019”（试行格式），而不是“2020”' },
    ]);
  });

  it('rejects a figure written as text', () => {
    const input = json();
    (input.section3 as Record<string, Record<string, unknown>>).received!.total = '9';
    expect(errors(input)).toEqual([
      { path: 'section3.received.total', message: '应为数字，而不是文本“9”（空白的格请填 null）' },
    ]);
  });

  it('rejects a missing figure, a missing row and an unknown row', () => {
    const input = json();
    const section3 = input.section3 as Record<string, unknown>;
    delete (section3.granted as Record<string, unknown>).research;
    delete section3.carriedIn;
    section3.other = { total: 0 };
    expect(errors(input)).toEqual([
      { path: 'section3.other', message: '未知字段“other”' },
      { path: 'section3.carriedIn', message: '缺少“carriedIn”一行' },
      { path: 'section3.granted.research', message: '缺少此项数字（空白的格请填 null）' },
    ]);
  });

  it('rejects a year outside the format’s years', () => {
    expect(errors({ ...json('2019', 2020), year: 2022 })).toEqual([
      { path: 'year', message: '2019 试行格式只用于 2019、2020 年度的报告，而年度为 2022' },
    ]);
    expect(errors({ ...json(), year: 2020 })).toEqual([
      { path: 'year', message: '2021 格式用于 2021 年度及以后的报告，而年度为 2020（此前请用 2019 试行格式）' },
    ]);
    expect(errors({ ...json(), year: '2022' })).toEqual([
      { path: 'year', message: '年度应为整数，如 2022，而不是“2022”' },
    ]);
  });

  it('rejects an empty agency, unknown top-level fields and non-text narrative', () => {
    expect(errors({ ...json(), agency: ' ', extra: 1, narrative: { overview: 5 } })).toEqual([
      { path: 'extra', message: '未知字段“extra”' },
      { path: 'agency', message: '填报机关名称不能为空' },
      { path: 'narrative.overview', message: '应为文字，而不是5' },
    ]);
  });

  it('rejects input that is not an object', () => {
    expect(errors([1, 2])).toEqual([{ path: '', message: '报告数据应为一个 JSON 对象，而不是[1,2]' }]);
    expect(errors(null)).toEqual([{ path: '', message: '报告数据应为一个 JSON 对象，而不是null' }]);
  });

  it('rejects a section that is not an object and non-finite numbers', () => {
    const input = json();
    input.section4 = 'none';
    (input.section2 as Record<string, Record<string, unknown>>).rules!.issued = Number.NaN;
    expect(errors(input)).toEqual([
      { path: 'section2.rules.issued', message: '不是有效数字' },
      { path: 'section4', message: '表格section4应为对象，而不是“none”' },
    ]);
  });
});
