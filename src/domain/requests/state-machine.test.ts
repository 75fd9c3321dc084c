import { describe, expect, it } from 'vitest';
import { RequestRuleError } from './receipt.js';
import {
  REQUEST_EVENT_TYPES,
  TRANSITIONS,
  allowedEvents,
  applyEvent,
  handledOn,
  outcomeOf,
  replay,
} from './state-machine.js';
import { REQUEST_STATES, type RequestEvent, type RequestEventType, type RequestState } from './types.js';

const reg: RequestEvent = { type: 'registered', on: '2024-09-02', channel: 'online', evidence: { confirmedOn: '2024-09-02' } };
const clarReq: RequestEvent = { type: 'clarificationRequested', on: '2024-09-03', dueBy: '2024-09-13', items: '请明确所需文件的名称或文号' };
const consult: RequestEvent = { type: 'consultationStarted', on: '2024-09-03', party: 'thirdParty', with: '某建设公司' };
// feePaymentDeadline(2024-09-03) = 2024-10-08 (中秋 and 国庆 in between).
const fee: RequestEvent = { type: 'feeNoticed', on: '2024-09-03', amountYuan: 100, method: 'perRequest', dueBy: '2024-10-08' };
const decided: RequestEvent = { type: 'decided', on: '2024-09-10', outcome: 'granted', articles: ['第三十六条第（二）项'], reason: '属于可以公开的政府信息' };
const replied: RequestEvent = { type: 'replied', on: '2024-09-11', letterNumber: '沾政办依复〔2024〕1号', delivery: '电子邮件' };
const archived: RequestEvent = { type: 'closed', on: '2024-09-12' };

/** A history that ends in each state. */
const HISTORY_TO: Record<RequestState, RequestEvent[]> = {
  registered: [reg],
  awaitingClarification: [reg, clarReq],
  consulting: [reg, consult],
  awaitingPayment: [reg, fee],
  decided: [reg, decided],
  replied: [reg, decided, replied],
  closed: [reg, decided, replied, archived],
};

/** One event of each type, dated after every history above and after its due-by dates. */
const on = '2024-10-21';
const SAMPLE: Record<RequestEventType, RequestEvent> = {
  registered: { type: 'registered', on, channel: 'inPerson', evidence: { submittedOn: on } },
  clarificationRequested: { type: 'clarificationRequested', on, dueBy: '2024-10-31', items: '请说明所需信息的形成时间' },
  clarified: { type: 'clarified', on },
  clarificationLapsed: { type: 'clarificationLapsed', on },
  consultationStarted: { type: 'consultationStarted', on, party: 'agency', with: '区财政局' },
  consultationEnded: { type: 'consultationEnded', on, opinion: '同意公开' },
  extended: { type: 'extended', on, days: 10, approvedBy: '王主任', reason: '需调取历史档案' },
  feeNoticed: { type: 'feeNoticed', on, amountYuan: 100, method: 'perRequest', dueBy: '2024-11-18' },
  feePaid: { type: 'feePaid', on, amountYuan: 100 },
  feeLapsed: { type: 'feeLapsed', on },
  decided: { type: 'decided', on, outcome: 'granted', articles: ['第三十六条第（二）项'], reason: '予以公开' },
  replied: { type: 'replied', on, letterNumber: '沾政办依复〔2024〕2号', delivery: '邮寄' },
  closed: { type: 'closed', on },
  withdrawn: { type: 'withdrawn', on, reason: '申请人不再需要' },
};

const DUPLICATE = '申请已登记，不能重复登记';
const NO_CLARIFICATION = (action: string) => `没有等待补正的告知，不能${action}`;
const NO_CONSULTATION = '没有进行中的征求意见，不能登记征求意见结果';
const NO_FEE = (action: string) => `没有待缴费的收费通知，不能${action}`;
const NOT_DECIDED = '尚未作出答复决定，不能发送答复书';
const NOT_DONE = '申请尚未办结，不能归档';

/** Every state × every event type: the next state, or the exact Chinese refusal. */
const EXPECTED: Record<RequestState, Record<RequestEventType, RequestState | string>> = {
  registered: {
    registered: DUPLICATE,
    clarificationRequested: 'awaitingClarification',
    clarified: NO_CLARIFICATION('登记收到补正'),
    clarificationLapsed: NO_CLARIFICATION('登记逾期未补正'),
    consultationStarted: 'consulting',
    consultationEnded: NO_CONSULTATION,
    extended: 'registered',
    feeNoticed: 'awaitingPayment',
    feePaid: NO_FEE('登记缴费'),
    feeLapsed: NO_FEE('登记逾期未缴费'),
    decided: 'decided',
    replied: NOT_DECIDED,
    closed: NOT_DONE,
    withdrawn: 'closed',
  },
  awaitingClarification: {
    registered: DUPLICATE,
    clarificationRequested: '已告知补正，正在等待申请人补正（第三十条：只能一次性告知）',
    clarified: 'registered',
    clarificationLapsed: 'closed',
    consultationStarted: '当前状态为“待申请人补正”，不能征求意见',
    consultationEnded: NO_CONSULTATION,
    extended: '当前状态为“待申请人补正”，不能延期答复',
    feeNoticed: '当前状态为“待申请人补正”，不能发出收费通知',
    feePaid: NO_FEE('登记缴费'),
    feeLapsed: NO_FEE('登记逾期未缴费'),
    decided: '正在等待申请人补正，收到补正或补正期限届满之前不能作出答复决定（第三十条）',
    replied: NOT_DECIDED,
    closed: NOT_DONE,
    withdrawn: 'closed',
  },
  consulting: {
    registered: DUPLICATE,
    clarificationRequested: '当前状态为“征求意见中”，不能告知补正',
    clarified: NO_CLARIFICATION('登记收到补正'),
    clarificationLapsed: NO_CLARIFICATION('登记逾期未补正'),
    consultationStarted: '已有进行中的征求意见，请先登记其结果；同时征求多方意见的，作为一次征求意见登记',
    consultationEnded: 'registered',
    extended: 'consulting',
    feeNoticed: '当前状态为“征求意见中”，不能发出收费通知',
    feePaid: NO_FEE('登记缴费'),
    feeLapsed: NO_FEE('登记逾期未缴费'),
    decided: '征求意见尚未结束，请先登记意见或逾期未提出意见的情况（第三十二条、第三十四条）',
    replied: NOT_DECIDED,
    closed: NOT_DONE,
    withdrawn: 'closed',
  },
  awaitingPayment: {
    registered: DUPLICATE,
    clarificationRequested: '当前状态为“待缴纳信息处理费”，不能告知补正',
    clarified: NO_CLARIFICATION('登记收到补正'),
    clarificationLapsed: NO_CLARIFICATION('登记逾期未补正'),
    consultationStarted: '当前状态为“待缴纳信息处理费”，不能征求意见',
    consultationEnded: NO_CONSULTATION,
    extended: '当前状态为“待缴纳信息处理费”，不能延期答复',
    feeNoticed: '当前状态为“待缴纳信息处理费”，不能发出收费通知',
    feePaid: 'registered',
    feeLapsed: 'closed',
    decided: '正在等待申请人缴纳信息处理费，缴费或逾期未缴费之前不能作出答复决定（国办函〔2020〕109号）',
    replied: NOT_DECIDED,
    closed: NOT_DONE,
    withdrawn: 'closed',
  },
  decided: {
    registered: DUPLICATE,
    clarificationRequested: '当前状态为“已决定，待答复”，不能告知补正',
    clarified: NO_CLARIFICATION('登记收到补正'),
    clarificationLapsed: NO_CLARIFICATION('登记逾期未补正'),
    consultationStarted: '当前状态为“已决定，待答复”，不能征求意见',
    consultationEnded: NO_CONSULTATION,
    extended: '当前状态为“已决定，待答复”，不能延期答复',
    feeNoticed: '当前状态为“已决定，待答复”，不能发出收费通知',
    feePaid: NO_FEE('登记缴费'),
    feeLapsed: NO_FEE('登记逾期未缴费'),
    decided: '已作出答复决定，不能重复决定',
    replied: 'replied',
    closed: NOT_DONE,
    withdrawn: 'closed',
  },
  replied: {
    registered: DUPLICATE,
    clarificationRequested: '申请已答复，只能归档，不能再告知补正',
    clarified: '申请已答复，只能归档，不能再登记收到补正',
    clarificationLapsed: '申请已答复，只能归档，不能再登记逾期未补正',
    consultationStarted: '申请已答复，只能归档，不能再征求意见',
    consultationEnded: '申请已答复，只能归档，不能再登记征求意见结果',
    extended: '申请已答复，只能归档，不能再延期答复',
    feeNoticed: '申请已答复，只能归档，不能再发出收费通知',
    feePaid: '申请已答复，只能归档，不能再登记缴费',
    feeLapsed: '申请已答复，只能归档，不能再登记逾期未缴费',
    decided: '申请已答复，只能归档，不能再作出答复决定',
    replied: '申请已答复，只能归档，不能再发送答复书',
    closed: 'closed',
    withdrawn: '申请已答复，不能撤回',
  },
  closed: {
    registered: DUPLICATE,
    clarificationRequested: '申请已办结，不能再告知补正',
    clarified: '申请已办结，不能再登记收到补正',
    clarificationLapsed: '申请已办结，不能再登记逾期未补正',
    consultationStarted: '申请已办结，不能再征求意见',
    consultationEnded: '申请已办结，不能再登记征求意见结果',
    extended: '申请已办结，不能再延期答复',
    feeNoticed: '申请已办结，不能再发出收费通知',
    feePaid: '申请已办结，不能再登记缴费',
    feeLapsed: '申请已办结，不能再登记逾期未缴费',
    decided: '申请已办结，不能再作出答复决定',
    replied: '申请已办结，不能再发送答复书',
    closed: '申请已办结，不能再归档',
    withdrawn: '申请已办结，不能再登记撤回申请',
  },
};

function ruleError(run: () => unknown): RequestRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestRuleError) return error;
    throw error;
  }
  throw new Error('expected a RequestRuleError');
}

describe('transition table', () => {
  it('has 7 states and 14 event types', () => {
    expect(REQUEST_STATES).toHaveLength(7);
    expect(REQUEST_EVENT_TYPES).toHaveLength(14);
  });

  for (const state of REQUEST_STATES) {
    describe(`from ${state}`, () => {
      it('the history leads to the state', () => {
        expect(replay(HISTORY_TO[state])).toBe(state);
      });
      for (const type of REQUEST_EVENT_TYPES) {
        const expected = EXPECTED[state][type];
        const allowed = (REQUEST_STATES as readonly string[]).includes(expected);
        it(`${type} → ${expected}`, () => {
          const history = HISTORY_TO[state];
          if (allowed) {
            expect(TRANSITIONS[state][type]).toBe(expected);
            expect(applyEvent(state, SAMPLE[type], history)).toBe(expected);
          } else {
            expect(TRANSITIONS[state][type]).toBeUndefined();
            const error = ruleError(() => applyEvent(state, SAMPLE[type], history));
            expect(error.code).toBe('EVENT_NOT_ALLOWED');
            expect(error.message).toBe(expected);
          }
        });
      }
    });
  }

  it('from no state only registration is allowed', () => {
    expect(applyEvent(null, SAMPLE.registered, [])).toBe('registered');
    for (const type of REQUEST_EVENT_TYPES.filter((t) => t !== 'registered')) {
      const error = ruleError(() => applyEvent(null, SAMPLE[type], []));
      expect(error.code).toBe('FIRST_EVENT_NOT_REGISTERED');
      expect(error.message).toBe('申请尚未登记：第一个事件必须是“登记申请”');
    }
  });
});

describe('rules that need the history', () => {
  const clarified: RequestEvent = { type: 'clarified', on: '2024-09-05' };
  const extension: RequestEvent = { type: 'extended', on: '2024-09-05', days: 10, approvedBy: '王主任', reason: '档案量大' };

  it('asks for clarification once only (第三十条)', () => {
    const history = [reg, clarReq, clarified];
    const error = ruleError(() => replay([...history, SAMPLE.clarificationRequested]));
    expect(error.code).toBe('CLARIFICATION_ALREADY_REQUESTED');
    expect(error.message).toBe('第三十条规定补正只能一次性告知，本申请已于2024年9月3日告知补正');
    expect(allowedEvents('registered', history)).toEqual(['consultationStarted', 'extended', 'feeNoticed', 'decided', 'withdrawn']);
  });

  it('extends once only, by 1 to 20 whole working days, with an approver (第三十三条第二款)', () => {
    const error = ruleError(() => replay([reg, extension, SAMPLE.extended]));
    expect(error.code).toBe('EXTENSION_ALREADY_GRANTED');
    expect(error.message).toBe('第三十三条第二款规定只能延期一次，本申请已于2024年9月5日延长10个工作日');
    for (const days of [0, 21, 2.5]) {
      const bad = ruleError(() => replay([reg, { ...extension, days }]));
      expect(bad.code).toBe('EXTENSION_DAYS_INVALID');
      expect(bad.message).toBe(`延长答复期限应为1至20个工作日（第三十三条第二款），填写的是“${days}”`);
    }
    expect(replay([reg, { ...extension, days: 20 }])).toBe('registered');
    expect(replay([reg, { ...extension, days: 1 }])).toBe('registered');
    expect(() => replay([reg, { ...extension, approvedBy: ' ' }])).toThrow(
      '延期须经政府信息公开工作机构负责人同意（第三十三条第二款），请填写批准人',
    );
    expect(allowedEvents('registered', [reg, extension])).toEqual([
      'clarificationRequested',
      'consultationStarted',
      'feeNoticed',
      'decided',
      'withdrawn',
    ]);
    // An extension during a consultation is the one extension too.
    expect(allowedEvents('consulting', [reg, consult, { ...extension, on: '2024-09-04' }])).toEqual([
      'consultationEnded',
      'withdrawn',
    ]);
  });

  it('charges once only, the paid amount as noticed', () => {
    const paid: RequestEvent = { type: 'feePaid', on: '2024-09-06', amountYuan: 100 };
    const again = ruleError(() => replay([reg, fee, paid, SAMPLE.feeNoticed]));
    expect(again.code).toBe('FEE_ALREADY_NOTICED');
    expect(again.message).toBe('本申请已于2024年9月3日发出收费通知，不能再次收费');
    expect(() => replay([reg, fee, { ...paid, amountYuan: 80 }])).toThrow('缴费金额（80元）与收费通知金额（100元）不一致');
    expect(() => replay([reg, { ...fee, amountYuan: 0 }])).toThrow('收费金额“0”无效，应为大于0的金额');
    expect(() => replay([reg, { ...fee, dueBy: '2024-09-03' }])).toThrow(
      '缴费期限（2024年9月3日）应晚于收费通知日期（2024年9月3日）',
    );
  });

  it('records a lapse only after the period has run out', () => {
    const early = ruleError(() => replay([reg, clarReq, { type: 'clarificationLapsed', on: '2024-09-13' }]));
    expect(early.code).toBe('LAPSE_TOO_EARLY');
    expect(early.message).toBe('补正期限至2024年9月13日届满，期限届满之前不能认定申请人逾期不补正（第三十条）');
    expect(replay([reg, clarReq, { type: 'clarificationLapsed', on: '2024-09-14' }])).toBe('closed');
    expect(() => replay([reg, fee, { type: 'feeLapsed', on: '2024-10-08' }])).toThrow(
      '缴费期限至2024年10月8日届满，期限届满之前不能认定申请人逾期未缴费（国办函〔2020〕109号）',
    );
    expect(replay([reg, fee, { type: 'feeLapsed', on: '2024-10-09' }])).toBe('closed');
  });

  it('checks the clarification notice itself', () => {
    expect(() => replay([reg, { ...clarReq, dueBy: '2024-09-02' }])).toThrow(
      '补正期限（2024年9月2日）应晚于补正告知日期（2024年9月3日）',
    );
    expect(() => replay([reg, { ...clarReq, items: '' }])).toThrow('须说明需要补正的事项（第三十条）');
  });

  it('keeps 三（六）1 and 2 for lapses, 补正后仍不明确 for clarified requests, 部分公开 with its reasons', () => {
    const decide = (outcome: string, extra: object = {}) =>
      ({ ...decided, outcome, ...extra }) as RequestEvent;
    expect(() => replay([reg, decide('other.noClarification')])).toThrow(
      '“申请人逾期不补正”的结果由登记“逾期未补正”产生，不能作为答复决定',
    );
    expect(() => replay([reg, decide('other.feeUnpaid')])).toThrow(
      '“申请人逾期未缴纳费用”的结果由登记“逾期未缴费”产生，不能作为答复决定',
    );
    const unclear = ruleError(() => replay([reg, decide('unavailable.stillUnclear')]));
    expect(unclear.code).toBe('OUTCOME_NOT_ALLOWED');
    expect(unclear.message).toBe('“补正后申请内容仍不明确”只适用于已收到补正的申请（第三十条）');
    expect(replay([reg, clarReq, clarified, decide('unavailable.stillUnclear')])).toBe('decided');
    expect(() => replay([reg, decide('partial')])).toThrow('部分公开须说明不予公开的内容及理由（第三十七条）');
    expect(replay([reg, decide('partial', { withheldParts: '第三页涉及个人隐私' })])).toBe('decided');
    expect(() => replay([reg, decide('granted.all')])).toThrow('办理结果“granted.all”无效');
  });

  it('refuses histories that do not start with registration or go back in time', () => {
    expect(() => replay([])).toThrow('没有事件记录：第一个事件必须是“登记申请”');
    expect(ruleError(() => replay([clarReq])).code).toBe('FIRST_EVENT_NOT_REGISTERED');
    const backwards = ruleError(() => replay([reg, clarReq, { type: 'clarified', on: '2024-09-02' }]));
    expect(backwards.code).toBe('EVENT_DATE_BACKWARDS');
    expect(backwards.message).toBe('事件日期（2024年9月2日）不能早于上一事件“告知补正”的日期（2024年9月3日）');
    // Registered on 09-02 for an online request both sides confirmed only on 09-04.
    const unconfirmed: RequestEvent = { ...reg, evidence: { confirmedOn: '2024-09-04' } };
    expect(() => replay([unconfirmed, clarReq])).toThrow(
      '事件日期（2024年9月3日）不能早于收到申请之日（2024年9月4日）',
    );
    expect(() => replay([{ ...reg, evidence: {} }])).toThrow('网上申请须填写双方确认的日期（第三十一条第（三）项）');
    expect(() => replay([reg, { ...clarified, on: '2024-9-5' }])).toThrow(
      '“登记收到补正”的日期“2024-9-5”无效，请按“年-月-日”格式填写真实存在的日期',
    );
    expect(() => replay([reg, { type: 'reopened', on: '2024-09-05' } as unknown as RequestEvent])).toThrow(
      '事件类型“reopened”无效',
    );
  });

  it('offers registration first and nothing once closed', () => {
    expect(allowedEvents(null, [])).toEqual(['registered']);
    expect(allowedEvents('registered', [reg])).toEqual([
      'clarificationRequested',
      'consultationStarted',
      'extended',
      'feeNoticed',
      'decided',
      'withdrawn',
    ]);
    expect(allowedEvents('awaitingPayment', [reg, fee])).toEqual(['feePaid', 'feeLapsed', 'withdrawn']);
    expect(allowedEvents('replied', HISTORY_TO.replied)).toEqual(['closed']);
    expect(allowedEvents('closed', HISTORY_TO.closed)).toEqual([]);
  });
});

describe('replay of a realistic history, outcome and handled date', () => {
  // Clarification, then consultation, then extension, then fee, then decision and reply
  // (the same history as the clock's 国庆 2024 example).
  const history: RequestEvent[] = [
    { type: 'registered', on: '2024-09-20', channel: 'inPerson', evidence: { submittedOn: '2024-09-20' } },
    { type: 'clarificationRequested', on: '2024-09-25', dueBy: '2024-10-15', items: '请明确所需会议纪要的会议名称和时间' },
    { type: 'clarified', on: '2024-09-27' },
    { type: 'consultationStarted', on: '2024-10-08', party: 'thirdParty', with: '某置业有限公司' },
    { type: 'consultationEnded', on: '2024-10-15', opinion: '不同意公开其中的商业秘密部分' },
    { type: 'extended', on: '2024-10-30', days: 10, approvedBy: '区政府办公室王主任', reason: '涉及多个年度档案' },
    { type: 'feeNoticed', on: '2024-11-01', amountYuan: 100, method: 'perRequest', dueBy: '2024-11-29' },
    { type: 'feePaid', on: '2024-11-06', amountYuan: 100 },
    {
      type: 'decided',
      on: '2024-11-20',
      outcome: 'partial',
      articles: ['第三十七条', '第十五条'],
      reason: '部分内容涉及商业秘密',
      withheldParts: '附件二中的报价明细',
    },
    { type: 'replied', on: '2024-11-22', letterNumber: '沾政办依复〔2024〕3号', delivery: '邮寄' },
    { type: 'closed', on: '2024-12-02' },
  ];

  it('goes through every state', () => {
    const states: RequestState[] = [];
    let state: RequestState | null = null;
    history.forEach((event, index) => {
      state = applyEvent(state, event, history.slice(0, index));
      states.push(state);
    });
    expect(states).toEqual([
      'registered',
      'awaitingClarification',
      'registered',
      'consulting',
      'registered',
      'registered',
      'awaitingPayment',
      'registered',
      'decided',
      'replied',
      'closed',
    ]);
    expect(replay(history)).toBe('closed');
  });

  it('counts as handled on the reply date with the decided outcome', () => {
    expect(outcomeOf(history)).toBe('partial');
    expect(handledOn(history)).toBe('2024-11-22');
    expect(outcomeOf(history.slice(0, 9))).toBe('partial'); // decided, not yet replied
    expect(handledOn(history.slice(0, 9))).toBeNull();
    expect(outcomeOf(history.slice(0, 5))).toBeNull();
    expect(handledOn(history.slice(0, 5))).toBeNull();
  });

  it('lapses and withdrawals are handled on their own date', () => {
    const lapsedClarification = [...history.slice(0, 2), { type: 'clarificationLapsed', on: '2024-10-16' } as RequestEvent];
    expect(replay(lapsedClarification)).toBe('closed');
    expect(outcomeOf(lapsedClarification)).toBe('other.noClarification');
    expect(handledOn(lapsedClarification)).toBe('2024-10-16');

    const lapsedFee = [...history.slice(0, 7), { type: 'feeLapsed', on: '2024-12-02' } as RequestEvent];
    expect(outcomeOf(lapsedFee)).toBe('other.feeUnpaid');
    expect(handledOn(lapsedFee)).toBe('2024-12-02');

    const withdrawnAfterDecision = [...history.slice(0, 9), { type: 'withdrawn', on: '2024-11-21', reason: '已通过其他途径获取' } as RequestEvent];
    expect(outcomeOf(withdrawnAfterDecision)).toBe('other.other');
    expect(handledOn(withdrawnAfterDecision)).toBe('2024-11-21');
  });

  it('validates the history it reads', () => {
    expect(() => outcomeOf(history.slice(1))).toThrow('申请尚未登记：第一个事件必须是“登记申请”');
  });
});
