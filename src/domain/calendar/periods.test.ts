/**
 * Worked examples. Every expected date was counted by hand from the State Council schedules:
 * 2024 (国办发明电〔2023〕7号): 国庆 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) on;
 * 2025 (国办发明电〔2024〕12号): 春节 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) on;
 * 2026 (notice of 2025-11-04): 春节 02-15..23 off, 02-14 (Sat) and 02-28 (Sat) on.
 * The start day is never counted.
 */
import { describe, expect, it } from 'vitest';
import { CalendarNotCoveredError, WorkingDayCalendar } from './calendar.js';
import { InvalidDateError } from './dates.js';
import {
  clarificationNoticeDeadline,
  computeReplyDueDate,
  consultationDeadline,
  daysLeft,
  extendDueDate,
  feePaymentDeadline,
  isOverdue,
  replyDueDate,
} from './periods.js';
import { snapshotSeed } from './seed.js';

const calendar = new WorkingDayCalendar({ seed: snapshotSeed() });

describe('single periods', () => {
  it('reply due date, 第三十三条: receipt Fri 2024-09-27 → 2024-10-30 (across 国庆)', () => {
    // 09-29 Sun make-up 1, 09-30 2, 10-08..11 3–6, 10-12 Sat make-up 7, 10-14..18 8–12,
    // 10-21..25 13–17, 10-28 18, 10-29 19, 10-30 20.
    expect(replyDueDate('2024-09-27', calendar)).toBe('2024-10-30');
  });

  it('reply due date, 第三十三条: receipt Fri 2025-01-24 → 2025-02-27 (across 春节)', () => {
    // 01-26 Sun make-up 1, 01-27 2, 02-05..07 3–5, 02-08 Sat make-up 6, 02-10..14 7–11,
    // 02-17..21 12–16, 02-24..27 17–20.
    expect(replyDueDate('2025-01-24', calendar)).toBe('2025-02-27');
  });

  it('clarification notice deadline, 第三十条: 7 working days', () => {
    // 01-26 Sun 1, 01-27 2, 02-05 3, 02-06 4, 02-07 5, 02-08 Sat 6, 02-10 7.
    expect(clarificationNoticeDeadline('2025-01-24', calendar)).toBe('2025-02-10');
    // 09-23..27 1–5, 09-29 Sun make-up 6, 09-30 7.
    expect(clarificationNoticeDeadline('2024-09-20', calendar)).toBe('2024-09-30');
  });

  it('consultation deadline, 第三十二条/第三十四条: letter received 2024-09-27 → 2024-10-23', () => {
    // 09-29 1, 09-30 2, 10-08..11 3–6, 10-12 Sat 7, 10-14..18 8–12, 10-21..23 13–15.
    expect(consultationDeadline('2024-09-27', calendar)).toBe('2024-10-23');
  });

  it('fee payment deadline: fee notice served Fri 2026-02-13 → 2026-03-19 (across 春节 2026)', () => {
    // 02-14 Sat make-up 1, 02-15..23 off, 02-24..27 2–5, 02-28 Sat make-up 6,
    // 03-02..06 7–11, 03-09..13 12–16, 03-16..19 17–20.
    expect(feePaymentDeadline('2026-02-13', calendar)).toBe('2026-03-19');
  });

  it('extension, 第三十三条: 2025-02-27 + 20 working days → 2025-03-27; at most 20', () => {
    // 02-28 1, 03-03..07 2–6, 03-10..14 7–11, 03-17..21 12–16, 03-24..27 17–20.
    expect(extendDueDate('2025-02-27', 20, calendar)).toBe('2025-03-27');
    expect(() => extendDueDate('2025-02-27', 21, calendar)).toThrow(
      '延长答复期限最长不得超过20个工作日（第三十三条第二款），申请延长21个工作日',
    );
    expect(() => extendDueDate('2025-02-27', 0, calendar)).toThrow(RangeError);
    expect(() => extendDueDate('2025-02-27', 2.5, calendar)).toThrow(
      '延长答复期限的天数“2.5”无效，应为1至20之间的整数个工作日',
    );
  });
});

describe('computeReplyDueDate', () => {
  it('plain: receipt 2024-09-27 → 2024-10-30, with its basis', () => {
    expect(computeReplyDueDate({ receivedOn: '2024-09-27' }, calendar)).toEqual({
      dueDate: '2024-10-30',
      countedFrom: '2024-09-27',
      pausedWorkingDays: 0,
      basis: [
        '收到申请之日为2024年9月27日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）',
        '答复期限为自2024年9月27日起20个工作日（第三十三条第二款）',
        '答复期限届满日：2024年10月30日（周三）',
      ],
      warnings: [],
    });
  });

  it('clarification restarts the period (第三十条): received 09-20, clarified 09-27 → 2024-10-30', () => {
    const result = computeReplyDueDate(
      { receivedOn: '2024-09-20', clarificationRequestedOn: '2024-09-25', clarifiedOn: '2024-09-27' },
      calendar,
    );
    expect(result.dueDate).toBe('2024-10-30');
    expect(result.countedFrom).toBe('2024-09-27');
    expect(result.warnings).toEqual([]);
    expect(result.basis).toEqual([
      '收到申请之日为2024年9月20日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）',
      '2024年9月25日一次性告知申请人补正（第三十条：应在收到申请之日起7个工作日内告知，即2024年9月30日前）',
      '2024年9月27日收到补正后的申请，答复期限自该日起重新计算（第三十条）',
      '答复期限为自2024年9月27日起20个工作日（第三十三条第二款）',
      '答复期限届满日：2024年10月30日（周三）',
    ]);
  });

  it('warns about a clarification notice later than 7 working days', () => {
    // Receipt Thu 2025-01-02: notice due 01-13 (01-03 1, 01-06..10 2–6, 01-13 7); sent 01-15.
    // Clarified Mon 01-20: 01-21..24 1–4, 01-26 Sun 5, 01-27 6, 02-05..07 7–9, 02-08 Sat 10,
    // 02-10..14 11–15, 02-17..21 16–20.
    const result = computeReplyDueDate(
      { receivedOn: '2025-01-02', clarificationRequestedOn: '2025-01-15', clarifiedOn: '2025-01-20' },
      calendar,
    );
    expect(result.dueDate).toBe('2025-02-21');
    expect(result.warnings).toEqual([
      '补正告知晚于第三十条规定的期限：应在2025年1月13日前告知，实际于2025年1月15日告知',
    ]);
  });

  it('has no due date while the clarified request has not arrived', () => {
    const result = computeReplyDueDate(
      { receivedOn: '2025-01-24', clarificationRequestedOn: '2025-01-27' },
      calendar,
    );
    expect(result.dueDate).toBeNull();
    expect(result.basis.at(-1)).toBe(
      '尚未收到补正后的申请；答复期限自收到补正申请之日起计算（第三十条），目前不计算答复期限',
    );
  });

  it('does not count a consultation (第三十三条第三款): pause 10-08 → 10-15 gives 2024-11-07', () => {
    // Paused: working days after 10-08 up to 10-15 = 10-09, 10-10, 10-11, 10-12 (Sat make-up),
    // 10-14, 10-15 → 6. Counted: 09-29 1, 09-30 2, 10-08 3, 10-16..18 4–6, 10-21..25 7–11,
    // 10-28..31 12–15, 11-01 16, 11-04..07 17–20.
    const result = computeReplyDueDate(
      { receivedOn: '2024-09-27', pauses: [{ kind: 'thirdParty', from: '2024-10-08', to: '2024-10-15' }] },
      calendar,
    );
    expect(result.dueDate).toBe('2024-11-07');
    expect(result.pausedWorkingDays).toBe(6);
    expect(result.basis).toEqual([
      '收到申请之日为2024年9月27日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）',
      '答复期限为自2024年9月27日起20个工作日（第三十三条第二款）',
      '征求第三方意见：2024年10月8日发出征求意见书，至2024年10月15日止，其间6个工作日不计入答复期限（第三十二条，第三十三条第三款）',
      '答复期限届满日：2024年11月7日（周四）',
    ]);
  });

  it('counts overlapping pauses once: (10-08, 10-15] ∪ (10-14, 10-18] → 9 days, 2024-11-12', () => {
    // Paused 10-09..12, 10-14..18 = 9. Counted: 09-29 1, 09-30 2, 10-08 3, 10-21..25 4–8,
    // 10-28..31 9–12, 11-01 13, 11-04..08 14–18, 11-11 19, 11-12 20.
    const result = computeReplyDueDate(
      {
        receivedOn: '2024-09-27',
        pauses: [
          { kind: 'thirdParty', from: '2024-10-08', to: '2024-10-15' },
          { kind: 'agency', from: '2024-10-14', to: '2024-10-18' },
        ],
      },
      calendar,
    );
    expect(result.dueDate).toBe('2024-11-12');
    expect(result.pausedWorkingDays).toBe(9);
    expect(result.basis).toContain(
      '征求其他机关意见：2024年10月14日发出征求意见书，至2024年10月18日止，其间4个工作日不计入答复期限（第三十四条，第三十三条第三款）',
    );
    expect(result.basis).toContain('征求意见合计9个工作日不计入答复期限');
  });

  it('ignores the part of a pause before the period restarted', () => {
    const result = computeReplyDueDate(
      {
        receivedOn: '2024-09-20',
        clarificationRequestedOn: '2024-09-23',
        clarifiedOn: '2024-09-27',
        pauses: [{ from: '2024-09-23', to: '2024-09-26' }],
      },
      calendar,
    );
    expect(result.dueDate).toBe('2024-10-30');
    expect(result.pausedWorkingDays).toBe(0);
  });

  it('adds an extension: receipt 2025-01-24 + 20 + 20 → 2025-03-27', () => {
    const result = computeReplyDueDate({ receivedOn: '2025-01-24', extensionDays: 20 }, calendar);
    expect(result.dueDate).toBe('2025-03-27');
    expect(result.basis).toContain(
      '经政府信息公开工作机构负责人同意并告知申请人，延长答复期限20个工作日（第三十三条第二款：最长不超过20个工作日）',
    );
    expect(() => computeReplyDueDate({ receivedOn: '2025-01-24', extensionDays: 21 }, calendar)).toThrow(
      '延长答复期限最长不得超过20个工作日（第三十三条第二款），申请延长21个工作日',
    );
  });

  it('combines clarification, consultation across the make-up Saturday, and extension', () => {
    // Received Mon 2025-01-20, clarification asked 01-22 (deadline 02-05), clarified Fri 01-24.
    // Consultation sent 02-05, answered 02-12: paused 02-06, 02-07, 02-08 (Sat make-up),
    // 02-10, 02-11, 02-12 → 6. Counted from 01-24: 01-26 Sun 1, 01-27 2, 02-05 3, 02-13 4,
    // 02-14 5, 02-17..21 6–10, 02-24..28 11–15, 03-03..07 16–20; extension 5: 03-10..14.
    const result = computeReplyDueDate(
      {
        receivedOn: '2025-01-20',
        clarificationRequestedOn: '2025-01-22',
        clarifiedOn: '2025-01-24',
        pauses: [{ kind: 'thirdParty', from: '2025-02-05', to: '2025-02-12' }],
        extensionDays: 5,
      },
      calendar,
    );
    expect(result.dueDate).toBe('2025-03-14');
    expect(result.pausedWorkingDays).toBe(6);
    expect(result.warnings).toEqual([]);
    const withoutExtension = computeReplyDueDate(
      {
        receivedOn: '2025-01-20',
        clarificationRequestedOn: '2025-01-22',
        clarifiedOn: '2025-01-24',
        pauses: [{ kind: 'thirdParty', from: '2025-02-05', to: '2025-02-12' }],
      },
      calendar,
    );
    expect(withoutExtension.dueDate).toBe('2025-03-07');
  });

  it('rejects inconsistent input in Chinese', () => {
    expect(() => computeReplyDueDate({ receivedOn: '2025-01-24', clarifiedOn: '2025-01-27' }, calendar)).toThrow(
      '填写了收到补正申请的日期，但没有补正告知的日期',
    );
    expect(() =>
      computeReplyDueDate(
        { receivedOn: '2025-01-24', clarificationRequestedOn: '2025-01-27', clarifiedOn: '2025-01-26' },
        calendar,
      ),
    ).toThrow('收到补正申请的日期不能早于补正告知日期');
    expect(() =>
      computeReplyDueDate({ receivedOn: '2025-01-24', clarificationRequestedOn: '2025-01-23' }, calendar),
    ).toThrow('补正告知日期不能早于收到申请之日');
    expect(() =>
      computeReplyDueDate({ receivedOn: '2025-01-24', pauses: [{ from: '2025-02-10', to: '2025-02-07' }] }, calendar),
    ).toThrow('征求意见期间的结束日期2025-02-07早于开始日期2025-02-10');
    expect(() =>
      computeReplyDueDate({ receivedOn: '2025-01-24', pauses: [{ from: '2025-01-20', to: '2025-02-07' }] }, calendar),
    ).toThrow('征求意见期间的开始日期2025-01-20早于收到申请之日');
    expect(() => computeReplyDueDate({ receivedOn: '2025-02-30' }, calendar)).toThrow(InvalidDateError);
  });

  it('throws CalendarNotCoveredError when the period runs into 2027', () => {
    expect(() => computeReplyDueDate({ receivedOn: '2026-12-10' }, calendar)).toThrow(CalendarNotCoveredError);
    expect(() => computeReplyDueDate({ receivedOn: '2026-12-10' }, calendar)).toThrow(
      '工作日历未包含2027年的节假日安排，请管理员先维护该年度日历',
    );
  });
});

describe('daysLeft and isOverdue', () => {
  it('counts working days after today up to the due date', () => {
    // Due 2024-10-30 (the 20th working day after 09-27); 09-29 and 09-30 are already used up.
    expect(daysLeft('2024-10-30', '2024-09-30', calendar)).toBe(18);
    expect(daysLeft('2024-10-30', '2024-10-05', calendar)).toBe(18); // in the holiday
    expect(daysLeft('2024-10-30', '2024-10-29', calendar)).toBe(1);
    expect(daysLeft('2024-10-30', '2024-10-30', calendar)).toBe(0);
    expect(isOverdue('2024-10-30', '2024-10-30')).toBe(false);
  });

  it('is negative when overdue, at least −1 on the weekend right after', () => {
    expect(daysLeft('2024-10-30', '2024-10-31', calendar)).toBe(-1);
    expect(daysLeft('2024-11-01', '2024-11-02', calendar)).toBe(-1); // Fri due, Sat today
    expect(daysLeft('2024-11-01', '2024-11-04', calendar)).toBe(-1);
    expect(daysLeft('2024-11-01', '2024-11-05', calendar)).toBe(-2);
    expect(isOverdue('2024-11-01', '2024-11-02')).toBe(true);
    expect(() => isOverdue('2024-11-01', '2024-11-31')).toThrow(InvalidDateError);
  });
});
