import { describe, expect, it } from 'vitest';
import { MonthlyFileError, parseMonthlySheet, type AccountForImport } from './import-rows.js';
import {
  accountFiguresForYear, closingProblem, matchPlatform, monthLabel, monthProblem, monthsOfYear, openingProblem, operatesOn, parseItemCount, parseMonth,
} from './rules.js';

describe('accounts over a year', () => {
  const accounts = [
    { openedOn: '2018-05-01', closedOn: null }, // operating throughout
    { openedOn: '2025-03-10', closedOn: null }, // opened in 2025
    { openedOn: '2019-01-01', closedOn: '2025-06-30' }, // closed in 2025
    { openedOn: '2025-02-01', closedOn: '2025-12-31' }, // opened and closed in 2025: not operating on 31 December
    { openedOn: '2020-01-01', closedOn: '2026-01-01' }, // closed the next year: operating on 31 December 2025
    { openedOn: '2026-01-05', closedOn: null }, // opened the next year
  ];
  it('counts accounts operating on 31 December, opened and closed in the year', () => {
    expect(accountFiguresForYear(accounts, 2025)).toEqual({ accounts: 3, opened: 2, closed: 2 });
    expect(accountFiguresForYear(accounts, 2026)).toEqual({ accounts: 3, opened: 1, closed: 1 });
    expect(accountFiguresForYear([], 2025)).toEqual({ accounts: 0, opened: 0, closed: 0 });
  });
  it('an account operates from its opening day until the day before it closes', () => {
    expect([operatesOn(accounts[2]!, '2025-06-29'), operatesOn(accounts[2]!, '2025-06-30'), operatesOn(accounts[1]!, '2025-03-09')]).toEqual([true, false, false]);
  });
});

describe('dates and months', () => {
  it('checks opening and closing dates', () => {
    expect(openingProblem('2026-03-03', null, '2026-03-02')).toBe('不能晚于今天');
    expect(openingProblem('2025-07-01', '2025-06-30', '2026-03-02')).toBe('不能晚于关停（整合）日期2025-06-30');
    expect(openingProblem('2025-07-01', null, '2026-03-02')).toBeNull();
    expect(closingProblem('2025-07-01', '2025-06-30', '2026-03-02')).toBe('不能早于开通日期2025-07-01');
    expect(closingProblem('2025-07-01', '2026-03-03', '2026-03-02')).toBe('不能晚于今天');
    expect(closingProblem('2025-07-01', '2025-07-01', '2026-03-02')).toBeNull();
  });

  it('refuses months to come, before the opening and after the closing', () => {
    const a = { openedOn: '2025-03-10', closedOn: '2025-10-01' };
    expect(monthProblem(a, '2025-03', '2026-03-02')).toBeNull();
    expect(monthProblem(a, '2025-10', '2026-03-02')).toBeNull();
    expect(monthProblem(a, '2025-02', '2026-03-02')).toBe('账号于2025-03-10开通，2025年2月尚未开通');
    expect(monthProblem(a, '2025-11', '2026-03-02')).toBe('账号已于2025-10-01关停或整合，2025年11月不再运营');
    expect(monthProblem({ openedOn: '2020-01-01', closedOn: null }, '2026-04', '2026-03-02')).toBe('2026年4月尚未结束，不能填写今后月份的发布条数');
    expect(monthProblem({ openedOn: '2020-01-01', closedOn: null }, '2026-03', '2026-03-02')).toBeNull();
  });

  it('reads months as spreadsheets write them', () => {
    expect(['2025-03', '2025-3', '2025/3', '2025.03', '2025年3月', '2025年03月份', '202503', '2025-03-01', '2025年3月15日'].map(parseMonth)).toEqual(Array(9).fill('2025-03'));
    expect(parseMonth(202512)).toBe('2025-12');
    expect(parseMonth(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03');
    expect(['2025-13', '三月', '', null, '2025'].map(parseMonth)).toEqual([null, null, null, null, null]);
    expect(monthsOfYear(2025)[0]).toBe('2025-01');
    expect(monthsOfYear(2025)[11]).toBe('2025-12');
    expect(monthLabel('2025-03')).toBe('2025年3月');
  });

  it('reads counts and platforms', () => {
    expect(['12', '１２', '1,200', '35条', 0, 7].map(parseItemCount)).toEqual([12, 12, 1200, 35, 0, 7]);
    expect(['-1', '1.5', 'abc', '', 1.5, 100_001].map(parseItemCount)).toEqual([null, null, null, null, null, null]);
    expect(['微信', '公众号', '新浪微博', '头条号', 'APP', '抖音', '快手'].map(matchPlatform)).toEqual(['wechat', 'wechat', 'weibo', 'toutiao', 'app', 'douyin', null]);
  });
});

describe('a spreadsheet of monthly counts', () => {
  const accounts: AccountForImport[] = [
    { id: 1, platform: 'wechat', name: '青川教育', platformAccountId: 'qc_jiaoyu', openedOn: '2019-01-01', closedOn: null },
    { id: 2, platform: 'weibo', name: '青川教育', platformAccountId: null, openedOn: '2019-01-01', closedOn: null },
    { id: 3, platform: 'douyin', name: '青川教育发布', platformAccountId: null, openedOn: '2025-06-01', closedOn: null },
  ];
  const opts = { accounts, today: '2026-03-02' };

  it('finds accounts by name (with the platform when names repeat) or by ID, below a title row', () => {
    const sheet = [
      ['2025年政务新媒体发布情况'],
      ['账号', '平台', '月份', '发布条数'],
      ['青川教育', '微信', '2025-01', 30],
      ['qc_jiaoyu', '', '2025年2月', '28'],
      [],
      ['青川教育', '微博', 202501, 12],
      ['青川教育发布', null, new Date(Date.UTC(2025, 5, 1)), 0],
    ];
    expect(parseMonthlySheet(sheet, opts)).toEqual({
      rows: [
        { row: 3, accountId: 1, month: '2025-01', items: 30 },
        { row: 4, accountId: 1, month: '2025-02', items: 28 },
        { row: 6, accountId: 2, month: '2025-01', items: 12 },
        { row: 7, accountId: 3, month: '2025-06', items: 0 },
      ],
      errors: [],
      dataRows: 4,
    });
  });

  it('lists every problem of every row', () => {
    const sheet = [
      ['账号名称', '平台', '月份', '发布条数'],
      ['青川教育', '', '2025-01', 3],
      ['不存在的号', '', '2025-01', 3],
      ['青川教育', '快手', '2025-01', 3],
      ['青川教育发布', '', '2025-05', -2],
      ['qc_jiaoyu', '', '2025-01', 3],
      ['qc_jiaoyu', '', '2025-01', 4],
      ['', '', '三月', '5'],
      ['青川教育发布', '', '2025-07', ''],
    ];
    const parsed = parseMonthlySheet(sheet, opts);
    expect(parsed.rows).toEqual([{ row: 6, accountId: 1, month: '2025-01', items: 3 }]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      '第2行：有2个名为“青川教育”的账号（微信公众号、微博），请在“平台”列注明',
      '第3行：找不到账号“不存在的号”：请先在本单位的政务新媒体中登记该账号，或核对账号名称',
      '第4行：平台“快手”无法识别，应为微信公众号、微博、抖音、今日头条、客户端App、其他之一',
      '第5行：发布条数“-2”应为不小于0的整数',
      '第5行：“青川教育发布”账号于2025-06-01开通，2025年5月尚未开通',
      '第7行：与第6行重复：“青川教育”2025年1月的发布条数只能填一次',
      '第8行：账号名称：请填写',
      '第8行：月份“三月”无法识别，应写作2025-03或2025年3月',
    ]);
    expect(parsed.dataRows).toBe(7);
  });

  it('refuses a file without the header or without data', () => {
    expect(() => parseMonthlySheet([['名称', '数量']], opts)).toThrow(MonthlyFileError);
    expect(() => parseMonthlySheet([['名称', '数量']], opts)).toThrow('找不到表头：文件的前10行中没有“账号名称”“月份”“发布条数”三列，请按导入模板填写');
    expect(() => parseMonthlySheet([['账号名称', '月份', '发布条数'], ['青川教育发布', '2025-07', '']], opts)).toThrow('文件中没有数据：表头下面没有填写了发布条数的行');
  });
});
