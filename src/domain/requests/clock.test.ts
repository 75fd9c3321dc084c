/**
 * Worked examples; every date counted by hand from the State Council schedules:
 * 2024 (国办发明电〔2023〕7号): 中秋 09-15..17 off, 09-14 (Sat) on; 国庆 10-01..07 off,
 *   09-29 (Sun) and 10-12 (Sat) on;
 * 2025 (国办发明电〔2024〕12号): 春节 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) on;
 * 2026: 春节 02-15..23 off, 02-14 (Sat) and 02-28 (Sat) on; 清明 04-04..06 off.
 * The day of an event is never counted; a pause (from, to] counts neither `to` nor anything
 * in between, but `from` itself is counted.
 */
import { describe, expect, it } from 'vitest';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../calendar/calendar.js';
import { snapshotSeed } from '../calendar/seed.js';
import { requestClock } from './clock.js';
import type { RequestEvent } from './types.js';

const calendar = new WorkingDayCalendar({ seed: snapshotSeed() });
const FEE_RULE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

describe('plain request across 国庆 2024', () => {
  // Receipt Fri 2024-09-27 → due Wed 2024-10-30 (see periods.test.ts).
  const events: RequestEvent[] = [
    { type: 'registered', on: '2024-09-27', channel: 'online', evidence: { confirmedOn: '2024-09-27' } },
  ];

  it('runs: 18 working days left during the holiday (10-05)', () => {
    const clock = requestClock(events, calendar, '2024-10-05');
    expect(clock).toEqual({
      state: 'registered',
      receivedOn: '2024-09-27',
      dueDate: '2024-10-30',
      daysLeft: 18, // 10-08..11 4, 10-12 Sat 1, 10-14..18 5, 10-21..25 5, 10-28..30 3
      overdue: false,
      dueSoon: false,
      paused: null,
      basis: [
        '收到申请之日为2024年9月27日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）',
        '答复期限为自2024年9月27日起20个工作日（第三十三条第二款）',
        '答复期限届满日：2024年10月30日（周三）',
      ],
      warnings: [],
      // 09-29 Sun 1, 09-30 2, 10-08..11 3–6, 10-12 Sat 7.
      deadlines: { clarificationNoticeBy: '2024-10-12' },
    });
  });

  it('is due soon with 3 working days left, not with 4', () => {
    expect(requestClock(events, calendar, '2024-10-24')).toMatchObject({ daysLeft: 4, dueSoon: false });
    expect(requestClock(events, calendar, '2024-10-25')).toMatchObject({ daysLeft: 3, dueSoon: true });
    expect(requestClock(events, calendar, '2024-10-30')).toMatchObject({ daysLeft: 0, dueSoon: true, overdue: false });
  });

  it('is overdue the day after', () => {
    expect(requestClock(events, calendar, '2024-10-31')).toMatchObject({ daysLeft: -1, dueSoon: false, overdue: true });
  });

  it('a late reply stays overdue, with a warning; the due date stays', () => {
    const late = [
      ...events,
      { type: 'decided', on: '2024-10-31', outcome: 'unavailable.notHeld', articles: ['第三十六条第（四）项'], reason: '经检索没有' },
      { type: 'replied', on: '2024-10-31', letterNumber: '依复〔2024〕9号', delivery: '网上' },
    ] as RequestEvent[];
    const clock = requestClock(late, calendar, '2024-11-15');
    expect(clock).toMatchObject({ state: 'replied', dueDate: '2024-10-30', daysLeft: null, overdue: true, dueSoon: false, paused: null });
    expect(clock.warnings).toEqual(['答复超过答复期限：答复期限至2024年10月30日届满，实际于2024年10月31日答复']);
    expect(clock.basis.at(-1)).toBe('2024年10月31日答复申请人（答复书依复〔2024〕9号）');
  });

  it('warns about an extension decided after the period ran out (第三十三条第二款)', () => {
    const clock = requestClock(
      [...events, { type: 'extended', on: '2024-10-31', days: 5, approvedBy: '王主任', reason: '补办' }],
      calendar,
      '2024-10-31',
    );
    // 10-31 1, 11-01 2, 11-04 3, 11-05 4, 11-06 5.
    expect(clock.dueDate).toBe('2024-11-06');
    expect(clock.overdue).toBe(false);
    expect(clock.warnings).toEqual([
      '延期决定（2024年10月31日）晚于原答复期限届满日（2024年10月30日）：延期应在答复期限内经政府信息公开工作机构负责人同意并告知申请人（第三十三条第二款）',
    ]);
  });

  it('a withdrawal after the due date counts as overdue', () => {
    const clock = requestClock(
      [...events, { type: 'withdrawn', on: '2024-10-31', reason: '不再需要' }],
      calendar,
      '2024-10-31',
    );
    expect(clock).toMatchObject({ state: 'closed', dueDate: '2024-10-30', overdue: true, daysLeft: null });
    expect(clock.warnings).toEqual(['申请人撤回申请时已超过答复期限：答复期限至2024年10月30日届满，2024年10月31日撤回']);
    expect(clock.basis.at(-1)).toBe('2024年10月31日申请人撤回申请，按“其他”办结');
  });
});

describe('clarification, consultation, extension and fee across 国庆 2024', () => {
  const registered: RequestEvent = { type: 'registered', on: '2024-09-20', channel: 'inPerson', evidence: { submittedOn: '2024-09-20' } };
  const clarificationRequested: RequestEvent = { type: 'clarificationRequested', on: '2024-09-25', dueBy: '2024-10-15', items: '请明确会议名称和时间' };
  const clarified: RequestEvent = { type: 'clarified', on: '2024-09-27' };
  const consultationStarted: RequestEvent = { type: 'consultationStarted', on: '2024-10-08', party: 'thirdParty', with: '某置业有限公司' };
  const consultationEnded: RequestEvent = { type: 'consultationEnded', on: '2024-10-15', opinion: '部分不同意' };
  const extended: RequestEvent = { type: 'extended', on: '2024-10-30', days: 10, approvedBy: '王主任', reason: '档案多' };
  // feePaymentDeadline(11-01): 11-04..08 1–5, 11-11..15 6–10, 11-18..22 11–15, 11-25..29 16–20.
  const feeNoticed: RequestEvent = { type: 'feeNoticed', on: '2024-11-01', amountYuan: 100, method: 'perRequest', dueBy: '2024-11-29' };
  const feePaid: RequestEvent = { type: 'feePaid', on: '2024-11-06', amountYuan: 100 };
  const decided: RequestEvent = { type: 'decided', on: '2024-11-20', outcome: 'partial', articles: ['第三十七条'], reason: '商业秘密', withheldParts: '报价明细' };
  const replied: RequestEvent = { type: 'replied', on: '2024-11-22', letterNumber: '沾政办依复〔2024〕3号', delivery: '邮寄' };
  const receipt = '收到申请之日为2024年9月20日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）';
  const notice = '2024年9月25日一次性告知申请人补正（第三十条：应在收到申请之日起7个工作日内告知，即2024年9月30日前）';
  const restart = '2024年9月27日收到补正后的申请，答复期限自该日起重新计算（第三十条）';
  const period = '答复期限为自2024年9月27日起20个工作日（第三十三条第二款）';

  it('has no due date while the clarification is awaited (第三十条)', () => {
    const clock = requestClock([registered, clarificationRequested], calendar, '2024-09-26');
    expect(clock).toEqual({
      state: 'awaitingClarification',
      receivedOn: '2024-09-20',
      dueDate: null,
      daysLeft: null,
      overdue: false,
      dueSoon: false,
      paused: 'clarification',
      basis: [receipt, notice, '尚未收到补正后的申请；答复期限自收到补正申请之日起计算（第三十条），目前不计算答复期限'],
      warnings: [],
      // 09-23..27 1–5, 09-29 Sun 6, 09-30 7.
      deadlines: { clarificationNoticeBy: '2024-09-30', clarificationBy: '2024-10-15' },
    });
  });

  it('pauses during the consultation, provisionally to its 15-working-day deadline', () => {
    const clock = requestClock([registered, clarificationRequested, clarified, consultationStarted], calendar, '2024-10-10');
    // Deadline: 10-09..11 1–3, 10-12 Sat 4, 10-14..18 5–9, 10-21..25 10–14, 10-28 15.
    // Counted from 09-27: 09-29 1, 09-30 2, 10-08 3, pause (10-08, 10-28] = 15 days,
    // 10-29..31 4–6, 11-01 7, 11-04..08 8–12, 11-11..15 13–17, 11-18..20 18–20.
    expect(clock).toMatchObject({
      state: 'consulting',
      dueDate: '2024-11-20',
      daysLeft: 17, // working days after 10-28 up to 11-20
      overdue: false,
      dueSoon: false,
      paused: 'consultation',
      warnings: [],
      deadlines: { clarificationNoticeBy: '2024-09-30', clarificationBy: '2024-10-15', consultationAnswerBy: '2024-10-28' },
    });
    expect(clock.basis).toEqual([
      receipt,
      notice,
      restart,
      period,
      '征求第三方意见：2024年10月8日发出征求意见书，至2024年10月28日止，其间15个工作日不计入答复期限（第三十二条，第三十三条第三款）',
      '征求意见尚未结束：暂按被征求意见方应在2024年10月28日前提出意见计算（第三十二条、第三十四条：15个工作日，自发出征求意见书之日起算），收到意见后按实际日期重新计算',
      '答复期限届满日：2024年11月20日（周三）',
    ]);
  });

  it('runs again after the answer, and the extension adds its days', () => {
    const clock = requestClock(
      [registered, clarificationRequested, clarified, consultationStarted, consultationEnded, extended],
      calendar,
      '2024-10-30',
    );
    // Pause (10-08, 10-15] = 6 → 2024-11-07 (periods.test.ts); + 10: 11-08 1, 11-11..15 2–6, 11-18..21 7–10.
    expect(clock).toMatchObject({ state: 'registered', dueDate: '2024-11-21', daysLeft: 16, paused: null, overdue: false, warnings: [] });
  });

  it('pauses while the fee is unpaid, provisionally to the payment deadline', () => {
    const clock = requestClock(
      [registered, clarificationRequested, clarified, consultationStarted, consultationEnded, extended, feeNoticed],
      calendar,
      '2024-11-04',
    );
    // Counted to 11-01: 16 (see below); pause (11-01, 11-29] = 20; 12-02..05 17–20;
    // extension 10: 12-06 1, 12-09..13 2–6, 12-16..19 7–10.
    expect(clock).toMatchObject({
      state: 'awaitingPayment',
      dueDate: '2024-12-19',
      daysLeft: 14, // 12-02..06 5, 12-09..13 5, 12-16..19 4
      paused: 'payment',
      overdue: false,
      warnings: [],
    });
    expect(clock.deadlines.paymentBy).toBe('2024-11-29');
    expect(clock.basis).toContain(
      `等待缴纳信息处理费：2024年11月1日发出收费通知，尚未缴费，暂计至缴费期限届满日2024年11月29日，其间20个工作日不计入答复期限（${FEE_RULE}）`,
    );
  });

  it('after payment and reply: due 2024-11-26, replied in time, with the full basis', () => {
    const events = [
      registered,
      clarificationRequested,
      clarified,
      consultationStarted,
      consultationEnded,
      extended,
      feeNoticed,
      feePaid,
      decided,
    ];
    // Counted from 09-27: 09-29 1, 09-30 2, 10-08 3, [10-09..15 consultation], 10-16..18 4–6,
    // 10-21..25 7–11, 10-28..31 12–15, 11-01 16, [11-04..06 payment], 11-07 17, 11-08 18,
    // 11-11 19, 11-12 20; extension 10: 11-13..15 1–3, 11-18..22 4–8, 11-25 9, 11-26 10.
    expect(requestClock(events, calendar, '2024-11-20')).toMatchObject({ state: 'decided', dueDate: '2024-11-26', daysLeft: 4, dueSoon: false });
    expect(requestClock(events, calendar, '2024-11-21')).toMatchObject({ daysLeft: 3, dueSoon: true });

    const clock = requestClock([...events, replied, { type: 'closed', on: '2024-12-02' }], calendar, '2024-12-02');
    expect(clock).toEqual({
      state: 'closed',
      receivedOn: '2024-09-20',
      dueDate: '2024-11-26',
      daysLeft: null,
      overdue: false,
      dueSoon: false,
      paused: null,
      basis: [
        receipt,
        notice,
        restart,
        period,
        '征求第三方意见：2024年10月8日发出征求意见书，至2024年10月15日止，其间6个工作日不计入答复期限（第三十二条，第三十三条第三款）',
        `等待缴纳信息处理费：2024年11月1日发出收费通知，至2024年11月6日缴费止，其间3个工作日不计入答复期限（${FEE_RULE}）`,
        '征求意见和等待缴费合计9个工作日不计入答复期限',
        '经政府信息公开工作机构负责人同意并告知申请人，延长答复期限10个工作日（第三十三条第二款：最长不超过20个工作日）',
        '答复期限届满日：2024年11月26日（周二）',
        '2024年11月22日答复申请人（答复书沾政办依复〔2024〕3号）',
      ],
      warnings: [],
      deadlines: {
        clarificationNoticeBy: '2024-09-30',
        clarificationBy: '2024-10-15',
        consultationAnswerBy: '2024-10-28',
        paymentBy: '2024-11-29',
      },
    });
  });
});

describe('春节 2025', () => {
  it('flags a clarification notice sent after 7 working days, then the lapse (第三十条)', () => {
    const registered: RequestEvent = { type: 'registered', on: '2025-01-24', channel: 'postSigned', evidence: { signedOn: '2025-01-24' } };
    const asked: RequestEvent = { type: 'clarificationRequested', on: '2025-02-12', dueBy: '2025-02-21', items: '请说明所需信息的文号' };
    const late = '补正告知晚于第三十条规定的期限：应在2025年2月10日前告知，实际于2025年2月12日告知';

    const waiting = requestClock([registered, asked], calendar, '2025-02-14');
    // Notice deadline: 01-26 Sun 1, 01-27 2, 02-05..07 3–5, 02-08 Sat 6, 02-10 7.
    expect(waiting).toMatchObject({
      state: 'awaitingClarification',
      dueDate: null,
      daysLeft: null,
      paused: 'clarification',
      warnings: [late],
      deadlines: { clarificationNoticeBy: '2025-02-10', clarificationBy: '2025-02-21' },
    });

    expect(requestClock([registered, asked], calendar, '2025-02-24').warnings).toEqual([
      late,
      '补正期限已于2025年2月21日届满，申请人尚未补正：无正当理由逾期不补正的，视为放弃申请，请登记“逾期未补正”（第三十条）',
    ]);

    const lapsed = requestClock([registered, asked, { type: 'clarificationLapsed', on: '2025-02-24' }], calendar, '2025-03-03');
    expect(lapsed).toMatchObject({ state: 'closed', dueDate: null, daysLeft: null, overdue: false, paused: null, warnings: [late] });
    expect(lapsed.basis.at(-1)).toBe('申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理（第三十条），2025年2月24日办结');
  });

  describe('a consultation answered late, and a late reply', () => {
    const registered: RequestEvent = { type: 'registered', on: '2025-01-20', channel: 'online', evidence: { confirmedOn: '2025-01-20' } };
    const started: RequestEvent = { type: 'consultationStarted', on: '2025-01-22', party: 'agency', with: '区财政局' };
    // Consultation deadline: 01-23 1, 01-24 2, 01-26 Sun 3, 01-27 4, 02-05..07 5–7, 02-08 Sat 8,
    // 02-10..14 9–13, 02-17 14, 02-18 15.
    // Due date with the pause (01-22, 02-18]: 01-21 1, 01-22 2, 02-19..21 3–5, 02-24..28 6–10,
    // 03-03..07 11–15, 03-10..14 16–20 → Fri 2025-03-14.

    it('while open: paused, 18 working days still to run', () => {
      expect(requestClock([registered, started], calendar, '2025-02-10')).toMatchObject({
        state: 'consulting',
        dueDate: '2025-03-14',
        daysLeft: 18,
        paused: 'consultation',
        warnings: [],
        deadlines: { consultationAnswerBy: '2025-02-18' },
      });
    });

    it('open past its deadline: the clock runs again, with a warning', () => {
      expect(requestClock([registered, started], calendar, '2025-02-19')).toMatchObject({
        dueDate: '2025-03-14',
        daysLeft: 17, // 02-20, 02-21, 02-24..28, 03-03..07, 03-10..14
        paused: null,
        warnings: [
          '征求意见期限已于2025年2月18日届满，尚未登记意见：逾期未提出意见的，由行政机关依照条例规定决定是否公开（第三十二条）或视为同意公开（第三十四条）；期满后的时间计入答复期限',
        ],
      });
    });

    it('answered on 02-20: the pause stops at 02-18; a reply on 03-17 is late', () => {
      const events: RequestEvent[] = [
        registered,
        started,
        { type: 'consultationEnded', on: '2025-02-20', opinion: '同意公开' },
        { type: 'decided', on: '2025-03-14', outcome: 'withheld.thirdPartyRights', articles: ['第十五条'], reason: '涉及第三方商业秘密' },
      ];
      const lateAnswer =
        '征求意见的答复晚于15个工作日的期限：应在2025年2月18日前提出意见，实际于2025年2月20日收到；期满后的时间计入答复期限（第三十二条、第三十四条）';
      expect(requestClock(events, calendar, '2025-03-17')).toMatchObject({
        state: 'decided',
        dueDate: '2025-03-14',
        daysLeft: -1,
        overdue: true,
        warnings: [lateAnswer],
      });
      const clock = requestClock(
        [...events, { type: 'replied', on: '2025-03-17', letterNumber: '依复〔2025〕4号', delivery: '网上' }],
        calendar,
        '2025-03-17',
      );
      expect(clock).toMatchObject({ state: 'replied', dueDate: '2025-03-14', overdue: true, daysLeft: null });
      expect(clock.warnings).toEqual([lateAnswer, '答复超过答复期限：答复期限至2025年3月14日届满，实际于2025年3月17日答复']);
      expect(clock.basis).toEqual([
        '收到申请之日为2025年1月20日（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）',
        '答复期限为自2025年1月20日起20个工作日（第三十三条第二款）',
        '征求其他机关意见：2025年1月22日发出征求意见书，至2025年2月18日止，其间15个工作日不计入答复期限（第三十四条，第三十三条第三款）',
        '被征求意见方于2025年2月20日提出意见，晚于15个工作日的期限，不计入答复期限的时间只计至2025年2月18日（第三十二条、第三十四条）',
        '答复期限届满日：2025年3月14日（周五）',
        '2025年3月17日答复申请人（答复书依复〔2025〕4号）',
      ]);
    });
  });
});

describe('fee not paid across 春节 2026', () => {
  const registered: RequestEvent = { type: 'registered', on: '2026-02-09', channel: 'inPerson', evidence: { submittedOn: '2026-02-09' } };
  // feePaymentDeadline(02-13) = 2026-03-19 (periods.test.ts).
  const noticed: RequestEvent = { type: 'feeNoticed', on: '2026-02-13', amountYuan: 200, method: 'perPage', dueBy: '2026-03-19' };
  // Due: 02-10..13 1–4, pause (02-13, 03-19] = 20, 03-20 5, 03-23..27 6–10, 03-30..04-03 11–15,
  // [04-04..06 清明], 04-07..10 16–19, 04-13 20 → Mon 2026-04-13.

  it('paused while unpaid: 16 working days still to run', () => {
    expect(requestClock([registered, noticed], calendar, '2026-03-10')).toMatchObject({
      state: 'awaitingPayment',
      dueDate: '2026-04-13',
      daysLeft: 16,
      paused: 'payment',
      overdue: false,
      warnings: [],
      deadlines: { paymentBy: '2026-03-19' },
    });
  });

  it('past the payment deadline: runs again and asks for the lapse', () => {
    expect(requestClock([registered, noticed], calendar, '2026-03-20')).toMatchObject({
      dueDate: '2026-04-13',
      daysLeft: 15,
      paused: null,
      warnings: [
        `缴费期限已于2026年3月19日届满，申请人尚未缴费：逾期未缴纳的，视为放弃申请，请登记“逾期未缴费”（${FEE_RULE}）`,
      ],
    });
  });

  it('lapsed: handled, not overdue', () => {
    const clock = requestClock([registered, noticed, { type: 'feeLapsed', on: '2026-03-20' }], calendar, '2026-03-20');
    expect(clock).toMatchObject({ state: 'closed', dueDate: '2026-04-13', daysLeft: null, overdue: false, paused: null, warnings: [] });
    expect(clock.basis.slice(-3)).toEqual([
      `等待缴纳信息处理费：2026年2月13日发出收费通知，未缴费，计至缴费期限届满日2026年3月19日，其间20个工作日不计入答复期限（${FEE_RULE}）`,
      '答复期限届满日：2026年4月13日（周一）',
      `申请人逾期未缴纳信息处理费，视为放弃申请，行政机关不再处理（${FEE_RULE}），2026年3月20日办结`,
    ]);
  });

  it('warns when the notice gives less than 20 working days; a late payment counts only to the deadline', () => {
    const short: RequestEvent = { ...noticed, dueBy: '2026-03-18' } as RequestEvent;
    const clock = requestClock([registered, short, { type: 'feePaid', on: '2026-03-19', amountYuan: 200 }], calendar, '2026-03-19');
    // Pause cut back to (02-13, 03-18] = 19 days, so 03-19 counts: 02-10..13 1–4, 03-19 5,
    // 03-20 6, 03-23..27 7–11, 03-30..04-03 12–16, 04-07..09 17–19, 04-10 20.
    expect(clock.dueDate).toBe('2026-04-10');
    expect(clock.warnings).toEqual([
      `收费通知载明的缴费期限（2026年3月18日）与规定的期限不一致：申请人应在收到收费通知次日起20个工作日内缴费，即2026年3月19日前（${FEE_RULE}）`,
      '申请人于2026年3月19日缴费，晚于收费通知载明的缴费期限（2026年3月18日）；期满后的时间计入答复期限',
    ]);
    expect(clock.basis).toContain(
      `等待缴纳信息处理费：2026年2月13日发出收费通知，至缴费期限届满日2026年3月18日止，其间19个工作日不计入答复期限（${FEE_RULE}）`,
    );
  });
});

describe('input checks', () => {
  const registered: RequestEvent = { type: 'registered', on: '2024-09-27', channel: 'fax', evidence: { confirmedOn: '2024-09-27' } };

  it('refuses a today before the last event and an invalid today', () => {
    expect(() => requestClock([registered], calendar, '2024-09-26')).toThrow(
      '查看日期（2024年9月26日）早于最后一个事件的日期（2024年9月27日）',
    );
    expect(() => requestClock([registered], calendar, '2024-09-31')).toThrow('今天的日期“2024-09-31”无效');
  });

  it('validates the history', () => {
    expect(() => requestClock([], calendar, '2024-09-27')).toThrow('没有事件记录：第一个事件必须是“登记申请”');
  });

  it('needs the calendar of every year it counts into', () => {
    const december: RequestEvent = { type: 'registered', on: '2026-12-10', channel: 'fax', evidence: { confirmedOn: '2026-12-10' } };
    expect(() => requestClock([december], calendar, '2026-12-10')).toThrow(CalendarNotCoveredError);
  });
});
