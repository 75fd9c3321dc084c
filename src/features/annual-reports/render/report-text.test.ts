import { describe, expect, it } from 'vitest';
import { formatDateZh, formatFigure, reportTitle, splitParagraphs, versionNote } from './report-text.js';

describe('reportTitle', () => {
  it('names the agency and the year', () => {
    expect(reportTitle('曲靖市沾益区', 2022)).toBe('曲靖市沾益区2022年政府信息公开工作年度报告');
  });
});

describe('versionNote', () => {
  it('notes a correction with its date', () => {
    expect(versionNote({ agencyName: 'x', publishedVersion: { version: 3, correctedOn: '2023-03-01' } })).toBe('（第3版，2023年3月1日更正）');
  });
  it('says nothing for a first version', () => {
    expect(versionNote({ agencyName: 'x', publishedVersion: { version: 1 } })).toBeNull();
  });
});

describe('formatFigure', () => {
  it('prints counts without thousands separators', () => {
    expect(formatFigure(108169)).toBe('108169');
  });
  it('prints a blank cell for null', () => {
    expect(formatFigure(null)).toBe('');
  });
  it('prints fee amounts as given', () => {
    expect(formatFigure(1809.71, 'amount')).toBe('1809.71');
  });
  it('prints 本年增/减 with its sign', () => {
    expect([formatFigure(17, 'signed'), formatFigure(-3, 'signed'), formatFigure(0, 'signed')]).toEqual(['+17', '-3', '0']);
  });
});

describe('formatDateZh', () => {
  it('writes an ISO date the Chinese way, without leading zeros', () => {
    expect(formatDateZh('2023-01-31')).toBe('2023年1月31日');
  });
  it('refuses what is not a date', () => {
    expect(() => formatDateZh('31/01/2023')).toThrow(RangeError);
  });
});

describe('splitParagraphs', () => {
  it('splits on line breaks and drops blank lines', () => {
    expect(splitParagraphs('  甲段。\r\n\r\n乙段。\n\n\n丙段。 ')).toEqual(['甲段。', '乙段。', '丙段。']);
  });
});
