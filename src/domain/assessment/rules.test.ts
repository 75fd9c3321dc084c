import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import {
  DEFAULT_ITEMS, formatScore, itemProblems, publishedOnTime, rankRows, requestOverdue, roundScore, scoreDeduction, scoreManual, scoreReportOnTime,
  scoreTimelyPublication, taskOverdue, usesDeduction, type ItemScore,
} from './rules.js';

const calendar = defaultCalendar();

describe('publication within 20 working days (第二十六条)', () => {
  it('counts working days of the Chinese calendar: the National Day week does not count', () => {
    // 2024-09-27 + 20 working days = 2024-10-30 (1–7 October off, 29 September a make-up day).
    expect(publishedOnTime('2024-09-27', '2024-10-30', calendar)).toBe(true);
    expect(publishedOnTime('2024-09-27', '2024-10-31', calendar)).toBe(false);
    expect(publishedOnTime('2025-03-03', '2025-03-03', calendar)).toBe(true);
  });

  it('cannot tell without both dates, or for a year the calendar lacks', () => {
    expect(publishedOnTime(null, '2025-03-03', calendar)).toBeNull();
    expect(publishedOnTime('2025-02-30', '2025-03-03', calendar)).toBeNull();
    expect(publishedOnTime('2025-03-03', null, calendar)).toBeNull();
    expect(publishedOnTime('2099-12-20', '2099-12-21', calendar)).toBeNull();
  });
});

describe('scores', () => {
  it('timely publication: the share on time times the points, full points with nothing to check', () => {
    expect(scoreTimelyPublication(30, { checked: 48, onTime: 45, unknown: 0 })).toEqual({ score: 28.13, detail: '按时发布45条/应核对48条（93.75%）', provisional: false });
    expect(scoreTimelyPublication(30, { checked: 3, onTime: 1, unknown: 0 }).score).toBe(10);
    expect(scoreTimelyPublication(30, { checked: 0, onTime: 0, unknown: 2 })).toEqual({
      score: 30, detail: '本年度没有应核对发布时限的信息，不扣分；另有2条因工作日历未包含其年度无法核对，未计入', provisional: false,
    });
  });

  it('deductions per occurrence, never below zero', () => {
    const what = { noun: '逾期答复的申请', unit: '件' };
    expect(scoreDeduction(25, 5, 0, what)).toEqual({ score: 25, detail: '没有逾期答复的申请', provisional: false });
    expect(scoreDeduction(25, 5, 2, what)).toEqual({ score: 15, detail: '逾期答复的申请2件，每件扣5分', provisional: false });
    expect(scoreDeduction(25, 2.5, 3, what).score).toBe(17.5);
    expect(scoreDeduction(25, 5, 9, what).score).toBe(0);
  });

  it('the annual report: on time, late, missing, and not yet due', () => {
    const base = { reportYear: 2025, deadline: '2026-01-31', today: '2026-03-02' };
    expect(scoreReportOnTime(15, { ...base, firstPublishedOn: '2026-01-31' })).toEqual({ score: 15, detail: '2025年度报告于2026-01-31发布，未超过期限2026-01-31', provisional: false });
    expect(scoreReportOnTime(15, { ...base, firstPublishedOn: '2026-02-01' })).toEqual({ score: 0, detail: '2025年度报告于2026-02-01发布，超过期限2026-01-31', provisional: false });
    expect(scoreReportOnTime(15, { ...base, firstPublishedOn: null })).toEqual({ score: 0, detail: '2025年度报告逾期未发布（期限2026-01-31）', provisional: false });
    expect(scoreReportOnTime(15, { ...base, firstPublishedOn: null, today: '2026-01-20' })).toEqual({ score: 15, detail: '2025年度报告尚未发布，期限2026-01-31未届满，暂计满分', provisional: true });
  });

  it('manual items are blank until scored', () => {
    expect(scoreManual(undefined)).toEqual({ score: null, detail: '尚未评分', provisional: false });
    expect(scoreManual({ score: 12.5, note: '账号管理规范' })).toEqual({ score: 12.5, detail: '账号管理规范', provisional: false });
    expect(scoreManual({ score: 10, note: null }).detail).toBe('公开办评分');
  });

  it('rounds to hundredths and writes no trailing zeros', () => {
    expect(roundScore(28.125)).toBe(28.13);
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect([formatScore(12), formatScore(12.5), formatScore(12.345)]).toEqual(['12', '12.5', '12.35']);
  });
});

describe('overdue requests and tasks', () => {
  it('requests: answered after the due date, or still open once the due date has passed', () => {
    expect(requestOverdue({ dueDate: '2025-05-10', handledOn: '2025-05-10' }, '2026-01-01')).toBe(false);
    expect(requestOverdue({ dueDate: '2025-05-10', handledOn: '2025-05-12' }, '2026-01-01')).toBe(true);
    expect(requestOverdue({ dueDate: '2025-05-10', handledOn: null }, '2025-05-10')).toBe(false);
    expect(requestOverdue({ dueDate: '2025-05-10', handledOn: null }, '2025-05-11')).toBe(true);
    expect(requestOverdue({ dueDate: null, handledOn: null }, '2025-05-11')).toBe(false);
  });

  it('rectification: owing an answer after the deadline, or answered after it; a moved deadline counts', () => {
    const task = (status: 'open' | 'answered' | 'returned' | 'accepted', answeredOn: string | null, dueOn = '2025-06-30') => ({ status, dueOn, answeredOn });
    expect(taskOverdue(task('open', null), '2025-06-30')).toBe(false);
    expect(taskOverdue(task('open', null), '2025-07-01')).toBe(true);
    expect(taskOverdue(task('answered', '2025-06-30'), '2025-09-01')).toBe(false);
    expect(taskOverdue(task('accepted', '2025-07-02'), '2025-09-01')).toBe(true);
    // Returned on 5 July with a new deadline of 15 July: answered again on the 14th is in time; still owing on the 16th is not.
    expect(taskOverdue(task('accepted', '2025-07-14', '2025-07-15'), '2025-09-01')).toBe(false);
    expect(taskOverdue(task('returned', '2025-06-28', '2025-07-15'), '2025-07-16')).toBe(true);
  });
});

describe('the sheet', () => {
  const s = (score: number | null): ItemScore => ({ score, detail: '', provisional: false });
  it('totals the scored items and ranks equal totals alike', () => {
    const rows = rankRows([
      { agency: 'A', scores: [s(30), s(20)] },
      { agency: 'B', scores: [s(40), s(null)] },
      { agency: 'C', scores: [s(45), s(10)] },
      { agency: 'D', scores: [s(25), s(15.5)] },
    ]);
    expect(rows.map((r) => [r.agency, r.total, r.rank, r.unscored])).toEqual([['A', 50, 2, 0], ['B', 40, 4, 1], ['C', 55, 1, 0], ['D', 40.5, 3, 0]]);
    const tied = rankRows([{ agency: 'A', scores: [s(10)] }, { agency: 'B', scores: [s(20)] }, { agency: 'C', scores: [s(20)] }, { agency: 'D', scores: [s(5)] }]);
    expect(tied.map((r) => r.rank)).toEqual([3, 1, 1, 4]);
  });

  it('checks the configuration of an item', () => {
    expect(itemProblems({ name: 'x', rule: 'manual', maxScore: 10, deduction: null })).toEqual([]);
    expect(itemProblems({ name: 'x', rule: 'manual', maxScore: 0, deduction: null })).toEqual([{ field: 'maxScore', message: '应大于0、不超过100' }]);
    expect(itemProblems({ name: 'x', rule: 'overdueRequests', maxScore: 20, deduction: null })).toEqual([{ field: 'deduction', message: '按次数扣分的评分项须填写每次扣减的分数' }]);
    expect(itemProblems({ name: 'x', rule: 'overdueRequests', maxScore: 20, deduction: 25 })).toEqual([{ field: 'deduction', message: '应大于0、不超过该项分值' }]);
    expect(usesDeduction('timelyPublication')).toBe(false);
  });

  it('the default items are valid and give 100 points', () => {
    expect(DEFAULT_ITEMS.flatMap((i) => itemProblems(i))).toEqual([]);
    expect(DEFAULT_ITEMS.reduce((sum, i) => sum + i.maxScore, 0)).toBe(100);
  });
});
