import { describe, expect, it } from 'vitest';
import {
  addYears, daysUntilExpiry, documentDateProblems, documentFiguresForYear, documentStatusOn, endDateProblem, expiryDateAfter,
  isExpiringWithin, isInForceOn, validityWarnings, type DocumentDates,
} from './documents.js';

const doc = (over: Partial<DocumentDates> = {}): DocumentDates => ({
  kind: 'normative', issuedOn: '2023-03-10', validUntil: null, repealedOn: null, expiredOn: null, ...over,
});

describe('in force on a date', () => {
  it('starts on the issue date', () => {
    expect(isInForceOn(doc(), '2023-03-09')).toBe(false);
    expect(isInForceOn(doc(), '2023-03-10')).toBe(true);
    expect(documentStatusOn(doc(), '2023-03-09')).toBe('notIssued');
  });

  it('ends on the day of repeal or expiry, and after the last valid day', () => {
    const repealed = doc({ repealedOn: '2025-06-30' });
    expect([isInForceOn(repealed, '2025-06-29'), isInForceOn(repealed, '2025-06-30')]).toEqual([true, false]);
    expect(documentStatusOn(repealed, '2025-07-01')).toBe('repealed');
    const expired = doc({ expiredOn: '2025-01-01' });
    expect([isInForceOn(expired, '2024-12-31'), documentStatusOn(expired, '2025-01-01')]).toEqual([true, 'expired']);
    const limited = doc({ validUntil: '2028-03-09' });
    expect([isInForceOn(limited, '2028-03-09'), documentStatusOn(limited, '2028-03-10')]).toEqual([true, 'lapsed']);
  });

  it('a repeal before the end of the period decides; a recorded expiry outranks the period', () => {
    expect(documentStatusOn(doc({ validUntil: '2028-03-09', repealedOn: '2026-01-01' }), '2029-01-01')).toBe('repealed');
    expect(documentStatusOn(doc({ validUntil: '2028-03-09', expiredOn: '2028-03-10' }), '2028-03-10')).toBe('expired');
  });
});

describe('the year’s figures (section 二 第（一）项)', () => {
  const docs: DocumentDates[] = [
    doc({ kind: 'rule', issuedOn: '2020-05-01' }),
    doc({ kind: 'rule', issuedOn: '2025-02-01', repealedOn: '2025-11-30' }),
    doc({ issuedOn: '2021-01-04', validUntil: '2025-12-31' }), // lapses on 2026-01-01: still in force on 31 Dec 2025
    doc({ issuedOn: '2021-06-01', validUntil: '2025-06-30' }), // lapsed during 2025: not in force, not repealed
    doc({ issuedOn: '2022-08-08', repealedOn: '2025-03-01' }),
    doc({ issuedOn: '2025-12-31' }),
    doc({ issuedOn: '2026-01-01' }),
    doc({ issuedOn: '2024-01-01', expiredOn: '2025-12-31' }),
  ];

  it('counts issued and repealed by their dates and in force on 31 December', () => {
    expect(documentFiguresForYear(docs, 2025)).toEqual({
      rule: { issued: 1, repealed: 1, inForce: 1 },
      normative: { issued: 1, repealed: 1, inForce: 2 },
    });
    expect(documentFiguresForYear(docs, 2024)).toEqual({
      rule: { issued: 0, repealed: 0, inForce: 1 },
      normative: { issued: 1, repealed: 0, inForce: 4 },
    });
  });

  it('check 7 holds from year to year when documents end only by repeal', () => {
    const plain = docs.filter((d) => d.validUntil === null && d.expiredOn === null);
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const now = documentFiguresForYear(plain, year);
      const before = documentFiguresForYear(plain, year - 1);
      for (const kind of ['rule', 'normative'] as const) {
        expect(now[kind].inForce).toBe(before[kind].inForce + now[kind].issued - now[kind].repealed);
      }
    }
  });
});

describe('expiry', () => {
  const limited = doc({ validUntil: '2026-05-31' });

  it('counts the days to the last valid day and warns within the window', () => {
    expect(daysUntilExpiry(limited, '2026-03-02')).toBe(90);
    expect(daysUntilExpiry(doc(), '2026-03-02')).toBeNull();
    expect(isExpiringWithin(limited, '2026-03-02', 90)).toBe(true);
    expect(isExpiringWithin(limited, '2026-03-01', 90)).toBe(false);
    expect(isExpiringWithin(limited, '2026-05-31', 90)).toBe(true);
    expect(isExpiringWithin(limited, '2026-06-01', 90)).toBe(false);
    expect(isExpiringWithin(doc({ validUntil: '2026-05-31', repealedOn: '2026-03-01' }), '2026-03-02', 90)).toBe(false);
  });

  it('an expiry takes effect the day after the last valid day; years keep the day, 29 February becomes 28', () => {
    expect(expiryDateAfter('2025-12-31')).toBe('2026-01-01');
    expect(addYears('2023-03-10', 5)).toBe('2028-03-10');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('warns about a normative document without a period or with one over five years, never about a rule', () => {
    expect(validityWarnings(doc())).toEqual(['未载明有效期：行政规范性文件一般应载明有效期，通常不超过5年']);
    expect(validityWarnings(doc({ validUntil: '2028-03-10' }))).toEqual([]);
    expect(validityWarnings(doc({ validUntil: '2028-03-11' }))).toEqual(['有效期超过5年：行政规范性文件的有效期通常不超过5年']);
    expect(validityWarnings(doc({ kind: 'rule' }))).toEqual([]);
  });
});

describe('date checks', () => {
  it('names each inconsistent date', () => {
    expect(documentDateProblems({ issuedOn: '2026-03-03', effectiveOn: null, validUntil: null, today: '2026-03-02' }))
      .toEqual([{ field: 'issuedOn', message: '不能晚于今天' }]);
    expect(documentDateProblems({ issuedOn: '2025-01-10', effectiveOn: '2025-01-01', validUntil: '2024-12-31', today: '2026-03-02' })).toEqual([
      { field: 'effectiveOn', message: '不能早于印发日期' },
      { field: 'validUntil', message: '不能早于施行日期' },
    ]);
    expect(documentDateProblems({ issuedOn: '2025-01-10', effectiveOn: '2025-02-01', validUntil: '2030-01-31', today: '2026-03-02' })).toEqual([]);
  });

  it('a repeal or expiry: once, not before the issue date, not in the future', () => {
    expect(endDateProblem(doc(), '2026-03-02', '2026-03-02')).toBeNull();
    expect(endDateProblem(doc(), '2023-03-09', '2026-03-02')).toBe('不能早于印发日期');
    expect(endDateProblem(doc(), '2026-03-03', '2026-03-02')).toBe('不能晚于今天：废止或失效后再登记');
    expect(endDateProblem(doc({ repealedOn: '2025-01-01' }), '2026-01-01', '2026-03-02')).toBe('该文件已于2025-01-01废止');
    expect(endDateProblem(doc({ expiredOn: '2025-01-01' }), '2026-01-01', '2026-03-02')).toBe('该文件已于2025-01-01失效');
  });
});
