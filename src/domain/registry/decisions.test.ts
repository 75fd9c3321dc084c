import { describe, expect, it } from 'vitest';
import { findDecisionHeader, isBlankRow, normalizeDecisionNumber, parseDecisionRow, type DecisionHeader } from './decisions.js';

const TODAY = '2026-03-02';

describe('the header', () => {
  it('finds the template’s names and the other spellings, in any order', () => {
    expect(findDecisionHeader(['决定文书号', '决定日期', '相对人或事项名称'], 1)).toEqual({ number: 0, date: 1, row: 1 });
    expect(findDecisionHeader(['序号', '相对人', '决定书文号', '作出决定日期'], 3)).toEqual({ number: 2, date: 3, row: 3 });
    expect(findDecisionHeader([' 文 书 号 ', '决定日期（年月日）'], 1)).toEqual({ number: 0, date: 1, row: 1 });
    expect(findDecisionHeader(['行政处罚决定书文号', '处罚决定的作出日期'], 2)).toEqual({ number: 0, date: 1, row: 2 });
  });

  it('is not a title row or a data row', () => {
    expect(findDecisionHeader(['2025年行政处罚决定一览表'], 1)).toBeNull();
    expect(findDecisionHeader(['青环罚〔2025〕1号', '2025-01-03'], 2)).toBeNull();
    expect(findDecisionHeader([], 1)).toBeNull();
  });
});

describe('a data row', () => {
  const header: DecisionHeader = { number: 0, date: 1, row: 1 };

  it('reads the number and every accepted date form; numbers are compared full-width as half-width, without spaces', () => {
    expect(parseDecisionRow(['青环罚〔2025〕12号', '2025-03-04', '张三'], header, 2, TODAY)).toEqual({ ok: true, number: '青环罚〔2025〕12号', date: '2025-03-04' });
    expect(parseDecisionRow([' 青环罚〔２０２５〕１２号 ', '2025/3/4'], header, 2, TODAY)).toEqual({ ok: true, number: '青环罚〔2025〕12号', date: '2025-03-04' });
    expect(parseDecisionRow(['A 1', '2025年3月4日'], header, 2, TODAY)).toEqual({ ok: true, number: 'A1', date: '2025-03-04' });
    expect(parseDecisionRow(['X-1', new Date(Date.UTC(2025, 2, 4))], header, 2, TODAY)).toEqual({ ok: true, number: 'X-1', date: '2025-03-04' });
    expect(parseDecisionRow([20250001, 45720], header, 2, TODAY)).toEqual({ ok: true, number: '20250001', date: '2025-03-04' });
    expect(normalizeDecisionNumber('青 环 罚（２０２５）\t12 号')).toBe('青环罚(2025)12号');
  });

  it('names every wrong cell of the row without quoting the other columns', () => {
    expect(parseDecisionRow(['', '2025-02-30', '李四'], header, 7, TODAY)).toEqual({
      ok: false,
      errors: [
        { row: 7, column: '决定文书号', message: '第7行“决定文书号”：未填写' },
        { row: 7, column: '决定日期', message: '第7行“决定日期”：不是有效的日期（“2025-02-30”），日期可写作2025-01-24、2025/1/24或2025年1月24日' },
      ],
    });
    expect(parseDecisionRow(['A-1', null], header, 8, TODAY)).toEqual({ ok: false, errors: [{ row: 8, column: '决定日期', message: '第8行“决定日期”：未填写' }] });
    expect(parseDecisionRow(['A-1', '2026-03-03'], header, 9, TODAY)).toEqual({ ok: false, errors: [{ row: 9, column: '决定日期', message: '第9行“决定日期”：2026-03-03晚于今天' }] });
    expect(parseDecisionRow(['号'.repeat(101), '2026-03-02'], header, 10, TODAY)).toEqual({ ok: false, errors: [{ row: 10, column: '决定文书号', message: '第10行“决定文书号”：超过100个字符' }] });
  });

  it('blank rows are recognised', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(['', '  ', null, undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });
});
