import { describe, expect, it } from 'vitest';
import { readRun, trimRun } from './runs.js';
import { splitFixedRun, splitGroupsRun, splitRowRun } from './split.js';

describe('splitRowRun (a row of 三: six columns and 总计)', () => {
  it('splits where exactly one split fits', () => {
    expect(splitRowRun('640020470')).toEqual({ kind: 'unique', values: [64, 0, 0, 2, 0, 4, 70] });
    expect(splitRowRun('630020469')).toEqual({ kind: 'unique', values: [63, 0, 0, 2, 0, 4, 69] });
    expect(splitRowRun('0000000')).toEqual({ kind: 'unique', values: [0, 0, 0, 0, 0, 0, 0] });
    expect(splitRowRun('5000005')).toEqual({ kind: 'unique', values: [5, 0, 0, 0, 0, 0, 5] });
  });

  it('refuses when several splits fit', () => {
    // 22,0,0,0,0,3,25 and 2,20,0,0,0,3,25
    expect(splitRowRun('220000325')).toEqual({ kind: 'ambiguous' });
    // 27,0,0,2,0,1,30 and 2,7,0,0,20,1,30
    expect(splitRowRun('270020130')).toEqual({ kind: 'ambiguous' });
  });

  it('refuses when no split fits', () => {
    expect(splitRowRun('9000109')).toEqual({ kind: 'none' });
    expect(splitRowRun('123')).toEqual({ kind: 'none' });
    expect(splitRowRun('12a')).toEqual({ kind: 'none' });
  });

  it('never reads a figure with a leading zero', () => {
    // "01" is not a figure: 1,0,0,0,0,0,1 is the only reading of "1000001".
    expect(splitRowRun('1000001')).toEqual({ kind: 'unique', values: [1, 0, 0, 0, 0, 0, 1] });
  });
});

describe('splitGroupsRun (section 四: three groups, each with its 总计)', () => {
  it('splits by the three group totals', () => {
    expect(splitGroupsRun('10203120001200000')).toEqual({
      kind: 'unique',
      values: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
    });
    expect(splitGroupsRun('000000000000000')).toEqual({ kind: 'unique', values: Array(15).fill(0) });
  });

  it('refuses ambiguous and impossible runs', () => {
    // "1100011" is 1,10,0,0,11 and 11,0,0,0,11; both fit 总计 = 维持+纠正+其他+尚未审结.
    expect(splitGroupsRun('11000110000000000')).toEqual({ kind: 'ambiguous' });
    expect(splitGroupsRun('12345678901234567')).toEqual({ kind: 'none' });
  });
});

describe('splitFixedRun (no arithmetic to check by)', () => {
  it('accepts only one digit per figure', () => {
    expect(splitFixedRun('000', 3)).toEqual({ kind: 'unique', values: [0, 0, 0] });
    expect(splitFixedRun('693665', 3)).toEqual({ kind: 'ambiguous' });
    expect(splitFixedRun('12', 3)).toEqual({ kind: 'none' });
  });
});

describe('readRun', () => {
  it('trims label remnants around the digits', () => {
    expect(trimRun('（区分处理的，只计这一情形）500000 5（三）不予公开')).toBe('500000 5');
    expect(trimRun('第二十条')).toBe('');
  });

  it('takes space-separated figures as they are, even when they do not add up', () => {
    expect(readRun(' 9 0 0 0 1 0 9 ', 7, 'rowTotal')).toEqual({ values: [9, 0, 0, 0, 1, 0, 9] });
  });

  it('splits digits by the row total, ignoring stray spaces', () => {
    expect(readRun('500000 5', 7, 'rowTotal')).toEqual({ values: [5, 0, 0, 0, 0, 0, 5] });
  });

  it('leaves an ambiguous row unread, saying why', () => {
    const reading = readRun('220000325', 7, 'rowTotal');
    expect(reading.values).toEqual(Array(7).fill(undefined));
    expect(reading.problem).toBe('连写的数字“220000325”有多种拆分方式都符合“总计＝各列之和”，无法确定各格数字');
  });

  it('refuses a run with words inside', () => {
    expect(readRun('12件3', 7, 'rowTotal').values).toEqual(Array(7).fill(undefined));
  });

  it('reads one figure with decimals', () => {
    expect(readRun('24252.311082', 1, 'single')).toEqual({ values: [24252.311082] });
    expect(readRun('2293 ', 1, 'single')).toEqual({ values: [2293] });
  });

  it('splits 2019 上一年项目数量/本年增减/处理决定数量 by the sign only as far as it goes', () => {
    expect(readRun('20+1737', 3, 'signed')).toEqual({
      values: [20, undefined, undefined],
      problem: '增减符号后连写的“1737”无法确定本年增/减与处理决定数量的分界',
    });
    expect(readRun('20+37', 3, 'signed')).toEqual({ values: [20, 3, 7] });
    expect(readRun('20-37', 3, 'signed')).toEqual({ values: [20, -3, 7] });
    expect(readRun('5+12', 2, 'signed')).toEqual({ values: [5, 12] });
    expect(readRun('000', 3, 'signed')).toEqual({ values: [0, 0, 0] });
    expect(readRun('00', 2, 'signed')).toEqual({ values: [0, 0] });
  });

  it('reads 政府集中采购 only when the split is certain', () => {
    expect(readRun('156805947.43元', 2, 'countAndAmount').values).toEqual([undefined, undefined]);
    expect(readRun('15', 2, 'countAndAmount')).toEqual({ values: [1, 5] });
  });
});
