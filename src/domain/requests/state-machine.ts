/**
 * The life of a request as an explicit state machine: a table of allowed transitions
 * (state × event type → next state), the history-dependent rules the table cannot express
 * (once-only clarification and extension, lapses only after their period, date order), and
 * what the annual report reads from a history: the outcome and the day it was handled.
 *
 * Decisions:
 * - A lapse (clarificationLapsed → 三（六）1, feeLapsed → 三（六）2) and a withdrawal (→ 三（六）3)
 *   move the request straight to `closed`. By law the request is treated as abandoned and the
 *   agency "no longer processes" it (第三十条; 国办函〔2020〕109号): no reply is due and no
 *   decision is taken, so the timeline shows the lapse as its last event and the report counts
 *   the request as handled on the lapse (or withdrawal) date. A courtesy notice to the
 *   requester, if any, is a letter attached to that event, not a `replied` event.
 * - Otherwise a request is handled when the reply letter is sent (`replied`); `closed` after
 *   `replied` is archiving and changes nothing for the report.
 * - The outcomes 三（六）1 and 三（六）2 arise only from the lapse events, never from a
 *   `decided` event, so the report's counts always match the clarification and fee records.
 * - One consultation is open at a time (consultationStarted → consultationEnded); several
 *   parties consulted in one round are recorded as one consultation. Sequential consultations
 *   are allowed.
 * - A fee is charged at most once per request (one notice), before the decision.
 */
import { compareDates, formatChineseDate, isIsoDate } from '../calendar/dates.js';
import { MAX_EXTENSION_WORKING_DAYS } from '../calendar/periods.js';
import { OUTCOME_ROWS_2021 } from '../report/format.js';
import { RequestRuleError, dateOfReceipt } from './receipt.js';
import {
  type IsoDate,
  type Outcome,
  REQUEST_STATE_LABELS,
  type RequestEvent,
  type RequestEventType,
  type RequestState,
} from './types.js';

/** What each event does, in Chinese, for the UI and for error messages. */
export const REQUEST_EVENT_LABELS: Readonly<Record<RequestEventType, string>> = {
  registered: '登记申请',
  clarificationRequested: '告知补正',
  clarified: '登记收到补正',
  clarificationLapsed: '登记逾期未补正',
  consultationStarted: '征求意见',
  consultationEnded: '登记征求意见结果',
  extended: '延期答复',
  feeNoticed: '发出收费通知',
  feePaid: '登记缴费',
  feeLapsed: '登记逾期未缴费',
  decided: '作出答复决定',
  replied: '发送答复书',
  closed: '归档',
  withdrawn: '登记撤回申请',
};

/** Every event type, in the order of REQUEST_EVENT_LABELS (a typical timeline's order). */
export const REQUEST_EVENT_TYPES = Object.keys(REQUEST_EVENT_LABELS) as RequestEventType[];

/**
 * The allowed transitions: state → event type → next state. A missing entry means the event is
 * not allowed in that state (see refusalMessage). The first event of every request is
 * `registered`, from no state to `registered`. History-dependent rules (once-only events,
 * lapse dates, amounts) are checked by applyEvent on top of this table.
 */
export const TRANSITIONS: Readonly<
  Record<RequestState, Readonly<Partial<Record<RequestEventType, RequestState>>>>
> = {
  registered: {
    clarificationRequested: 'awaitingClarification',
    consultationStarted: 'consulting',
    extended: 'registered',
    feeNoticed: 'awaitingPayment',
    decided: 'decided',
    withdrawn: 'closed',
  },
  awaitingClarification: {
    clarified: 'registered',
    clarificationLapsed: 'closed',
    withdrawn: 'closed',
  },
  consulting: {
    consultationEnded: 'registered',
    extended: 'consulting',
    withdrawn: 'closed',
  },
  awaitingPayment: {
    feePaid: 'registered',
    feeLapsed: 'closed',
    withdrawn: 'closed',
  },
  decided: {
    replied: 'replied',
    withdrawn: 'closed',
  },
  replied: {
    closed: 'closed',
  },
  closed: {},
};

/** The next state for an event by the table alone, or null when the table does not allow it. */
export function nextState(state: RequestState | null, type: RequestEventType): RequestState | null {
  if (state === null) return type === 'registered' ? 'registered' : null;
  return TRANSITIONS[state][type] ?? null;
}

/**
 * The Chinese message for an event the table does not allow in a state (only meaningful when
 * nextState(state, type) is null).
 */
export function refusalMessage(state: RequestState | null, type: RequestEventType): string {
  const action = REQUEST_EVENT_LABELS[type];
  if (state === null) return '申请尚未登记：第一个事件必须是“登记申请”';
  if (type === 'registered') return '申请已登记，不能重复登记';
  if (state === 'closed') return `申请已办结，不能再${action}`;
  if (state === 'replied') {
    return type === 'withdrawn' ? '申请已答复，不能撤回' : `申请已答复，只能归档，不能再${action}`;
  }
  switch (type) {
    case 'decided':
      if (state === 'awaitingPayment') {
        return '正在等待申请人缴纳信息处理费，缴费或逾期未缴费之前不能作出答复决定（国办函〔2020〕109号）';
      }
      if (state === 'awaitingClarification') {
        return '正在等待申请人补正，收到补正或补正期限届满之前不能作出答复决定（第三十条）';
      }
      if (state === 'consulting') {
        return '征求意见尚未结束，请先登记意见或逾期未提出意见的情况（第三十二条、第三十四条）';
      }
      if (state === 'decided') return '已作出答复决定，不能重复决定';
      break;
    case 'replied':
      return '尚未作出答复决定，不能发送答复书';
    case 'closed':
      return '申请尚未办结，不能归档';
    case 'clarificationRequested':
      if (state === 'awaitingClarification') return '已告知补正，正在等待申请人补正（第三十条：只能一次性告知）';
      break;
    case 'clarified':
    case 'clarificationLapsed':
      return `没有等待补正的告知，不能${action}`;
    case 'consultationStarted':
      if (state === 'consulting') {
        return '已有进行中的征求意见，请先登记其结果；同时征求多方意见的，作为一次征求意见登记';
      }
      break;
    case 'consultationEnded':
      return '没有进行中的征求意见，不能登记征求意见结果';
    case 'feePaid':
    case 'feeLapsed':
      return `没有待缴费的收费通知，不能${action}`;
    default:
      break;
  }
  return `当前状态为“${REQUEST_STATE_LABELS[state]}”，不能${action}`;
}

type EventOf<T extends RequestEventType> = Extract<RequestEvent, { type: T }>;

function findLast<T extends RequestEventType>(
  history: readonly RequestEvent[],
  type: T,
): EventOf<T> | undefined {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const event = history[i];
    if (event?.type === type) return event as EventOf<T>;
  }
  return undefined;
}

function fail(code: ConstructorParameters<typeof RequestRuleError>[0], message: string): never {
  throw new RequestRuleError(code, message);
}

function checkDate(value: unknown, label: string): IsoDate {
  if (!isIsoDate(value)) {
    fail('INVALID_DATE', `${label}“${String(value)}”无效，请按“年-月-日”格式填写真实存在的日期`);
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

const OUTCOMES: ReadonlySet<string> = new Set(OUTCOME_ROWS_2021);

/**
 * Applies one event to a request in `state` whose earlier events are `history` (in order;
 * empty for the first event), and returns the next state. Throws RequestRuleError with a
 * Chinese message when the event is not allowed:
 * - by the table (e.g. deciding while awaiting payment; see TRANSITIONS and refusalMessage);
 * - a second clarification notice (第三十条: asked once), a second extension (第三十三条第二款:
 *   once), a second fee notice;
 * - extension days not a whole number from 1 to 20 (第三十三条第二款), no approver;
 * - a lapse before the clarification or payment deadline has passed;
 * - dates going backwards, or before the date of receipt;
 * - inconsistent data (a due-by date not after the notice, a payment differing from the
 *   notice, an outcome that a decision cannot carry).
 * Irregular but lawful-to-record facts (a late clarification notice, a late reply) are not
 * refused here; requestClock() reports them as warnings.
 */
export function applyEvent(
  state: RequestState | null,
  event: RequestEvent,
  history: readonly RequestEvent[],
): RequestState {
  if (!Object.hasOwn(REQUEST_EVENT_LABELS, event.type)) {
    fail('EVENT_DATA_INVALID', `事件类型“${String(event.type)}”无效`);
  }
  const on = checkDate(event.on, `“${REQUEST_EVENT_LABELS[event.type]}”的日期`);
  const next = nextState(state, event.type);
  if (next === null) {
    fail(state === null ? 'FIRST_EVENT_NOT_REGISTERED' : 'EVENT_NOT_ALLOWED', refusalMessage(state, event.type));
  }

  if (event.type === 'registered') {
    dateOfReceipt(event.channel, event.evidence);
    return next;
  }

  const previous = history.at(-1);
  if (previous !== undefined && compareDates(on, previous.on) < 0) {
    fail(
      'EVENT_DATE_BACKWARDS',
      `事件日期（${formatChineseDate(on)}）不能早于上一事件“${REQUEST_EVENT_LABELS[previous.type]}”的日期（${formatChineseDate(previous.on)}）`,
    );
  }
  const registration = history[0];
  if (registration?.type === 'registered') {
    const receivedOn = dateOfReceipt(registration.channel, registration.evidence);
    if (compareDates(on, receivedOn) < 0) {
      fail(
        'EVENT_DATE_BACKWARDS',
        `事件日期（${formatChineseDate(on)}）不能早于收到申请之日（${formatChineseDate(receivedOn)}）`,
      );
    }
  }

  switch (event.type) {
    case 'clarificationRequested': {
      const earlier = findLast(history, 'clarificationRequested');
      if (earlier) {
        fail(
          'CLARIFICATION_ALREADY_REQUESTED',
          `第三十条规定补正只能一次性告知，本申请已于${formatChineseDate(earlier.on)}告知补正`,
        );
      }
      const dueBy = checkDate(event.dueBy, '补正期限');
      if (compareDates(dueBy, on) <= 0) {
        fail('EVENT_DATA_INVALID', `补正期限（${formatChineseDate(dueBy)}）应晚于补正告知日期（${formatChineseDate(on)}）`);
      }
      if (isBlank(event.items)) fail('EVENT_DATA_INVALID', '须说明需要补正的事项（第三十条）');
      break;
    }
    case 'clarificationLapsed': {
      const notice = findLast(history, 'clarificationRequested');
      if (notice && compareDates(on, notice.dueBy) <= 0) {
        fail(
          'LAPSE_TOO_EARLY',
          `补正期限至${formatChineseDate(notice.dueBy)}届满，期限届满之前不能认定申请人逾期不补正（第三十条）`,
        );
      }
      break;
    }
    case 'consultationStarted':
      if (event.party !== 'thirdParty' && event.party !== 'agency') {
        fail('EVENT_DATA_INVALID', `被征求意见方的类型“${String(event.party)}”无效，应为第三方或其他机关`);
      }
      break;
    case 'extended': {
      const earlier = findLast(history, 'extended');
      if (earlier) {
        fail(
          'EXTENSION_ALREADY_GRANTED',
          `第三十三条第二款规定只能延期一次，本申请已于${formatChineseDate(earlier.on)}延长${earlier.days}个工作日`,
        );
      }
      if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION_WORKING_DAYS) {
        fail(
          'EXTENSION_DAYS_INVALID',
          `延长答复期限应为1至${MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条第二款），填写的是“${String(event.days)}”`,
        );
      }
      if (isBlank(event.approvedBy)) {
        fail('EVENT_DATA_INVALID', '延期须经政府信息公开工作机构负责人同意（第三十三条第二款），请填写批准人');
      }
      break;
    }
    case 'feeNoticed': {
      const earlier = findLast(history, 'feeNoticed');
      if (earlier) {
        fail('FEE_ALREADY_NOTICED', `本申请已于${formatChineseDate(earlier.on)}发出收费通知，不能再次收费`);
      }
      if (!Number.isFinite(event.amountYuan) || event.amountYuan <= 0) {
        fail('EVENT_DATA_INVALID', `收费金额“${String(event.amountYuan)}”无效，应为大于0的金额`);
      }
      if (event.method !== 'perRequest' && event.method !== 'perPage') {
        fail('EVENT_DATA_INVALID', `计收方式“${String(event.method)}”无效，应为按件或按量`);
      }
      const dueBy = checkDate(event.dueBy, '缴费期限');
      if (compareDates(dueBy, on) <= 0) {
        fail('EVENT_DATA_INVALID', `缴费期限（${formatChineseDate(dueBy)}）应晚于收费通知日期（${formatChineseDate(on)}）`);
      }
      break;
    }
    case 'feePaid': {
      const notice = findLast(history, 'feeNoticed');
      if (notice && event.amountYuan !== notice.amountYuan) {
        fail(
          'EVENT_DATA_INVALID',
          `缴费金额（${String(event.amountYuan)}元）与收费通知金额（${notice.amountYuan}元）不一致`,
        );
      }
      break;
    }
    case 'feeLapsed': {
      const notice = findLast(history, 'feeNoticed');
      if (notice && compareDates(on, notice.dueBy) <= 0) {
        fail(
          'LAPSE_TOO_EARLY',
          `缴费期限至${formatChineseDate(notice.dueBy)}届满，期限届满之前不能认定申请人逾期未缴费（国办函〔2020〕109号）`,
        );
      }
      break;
    }
    case 'decided':
      checkDecision(event, history);
      break;
    default:
      break;
  }
  return next;
}

function checkDecision(event: EventOf<'decided'>, history: readonly RequestEvent[]): void {
  const { outcome } = event;
  if (!OUTCOMES.has(outcome)) fail('EVENT_DATA_INVALID', `办理结果“${String(outcome)}”无效`);
  if (outcome === 'other.noClarification') {
    fail('OUTCOME_NOT_ALLOWED', '“申请人逾期不补正”的结果由登记“逾期未补正”产生，不能作为答复决定');
  }
  if (outcome === 'other.feeUnpaid') {
    fail('OUTCOME_NOT_ALLOWED', '“申请人逾期未缴纳费用”的结果由登记“逾期未缴费”产生，不能作为答复决定');
  }
  if (outcome === 'unavailable.stillUnclear' && !findLast(history, 'clarified')) {
    fail('OUTCOME_NOT_ALLOWED', '“补正后申请内容仍不明确”只适用于已收到补正的申请（第三十条）');
  }
  if (outcome === 'partial' && isBlank(event.withheldParts)) {
    fail('OUTCOME_NOT_ALLOWED', '部分公开须说明不予公开的内容及理由（第三十七条）');
  }
}

/**
 * The state after a whole history, checking every event in order: the first event must be
 * `registered`, dates must not go backwards. Throws RequestRuleError at the first bad event.
 */
export function replay(events: readonly RequestEvent[]): RequestState {
  if (events.length === 0) {
    fail('FIRST_EVENT_NOT_REGISTERED', '没有事件记录：第一个事件必须是“登记申请”');
  }
  let state: RequestState | null = null;
  for (let index = 0; index < events.length; index += 1) {
    state = applyEvent(state, events[index] as RequestEvent, events.slice(0, index));
  }
  return state as RequestState;
}

const ONCE_ONLY: ReadonlySet<RequestEventType> = new Set(['clarificationRequested', 'extended', 'feeNoticed']);

/**
 * The events the UI may offer in `state`, given the history so far: the table's events minus
 * those that may happen only once and already did (clarification, extension, fee notice).
 * Checks that depend on the event's data (dates, days, amounts) still happen in applyEvent.
 */
export function allowedEvents(
  state: RequestState | null,
  history: readonly RequestEvent[],
): RequestEventType[] {
  const done = new Set(history.map((event) => event.type));
  return REQUEST_EVENT_TYPES.filter(
    (type) => nextState(state, type) !== null && !(ONCE_ONLY.has(type) && done.has(type)),
  );
}

/** The event that ended the request for the report: the reply, a lapse or the withdrawal. */
function handlingEvent(events: readonly RequestEvent[]): RequestEvent | undefined {
  replay(events);
  return events.find(
    (event) =>
      event.type === 'replied' ||
      event.type === 'clarificationLapsed' ||
      event.type === 'feeLapsed' ||
      event.type === 'withdrawn',
  );
}

/**
 * The outcome row of report section 三 for a request: the decision's outcome once decided;
 * 三（六）1 other.noClarification after a clarification lapse (第三十条); 三（六）2
 * other.feeUnpaid after a fee lapse; 三（六）3 other.other after a withdrawal (even one after
 * the decision, since no reply was sent). Null while nothing is decided. Validates the history.
 */
export function outcomeOf(events: readonly RequestEvent[]): Outcome | null {
  const end = handlingEvent(events);
  if (end?.type === 'clarificationLapsed') return 'other.noClarification';
  if (end?.type === 'feeLapsed') return 'other.feeUnpaid';
  if (end?.type === 'withdrawn') return 'other.other';
  return findLast(events, 'decided')?.outcome ?? null;
}

/**
 * The day the request counts as handled for the annual report (三（七）; otherwise it is
 * carried over, 四): the day the reply letter was sent, or the day of the lapse or the
 * withdrawal. Null while the request is open. Validates the history.
 */
export function handledOn(events: readonly RequestEvent[]): IsoDate | null {
  return handlingEvent(events)?.on ?? null;
}
