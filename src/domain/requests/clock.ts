/**
 * The statutory clock of a request, read from its events: the reply due date, the working days
 * left, whether it is paused and why, the other deadlines running, and the irregularities
 * found, each with its legal basis in Chinese. All period arithmetic is periods.ts'
 * computeReplyDueDate(); this file only turns a timeline into its input and explains it.
 *
 * Pause rules (the reply period does not run):
 * - clarification (第三十条): from the notice until the clarified request arrives there is no
 *   due date at all; the 20 working days restart from the day the clarified request arrives.
 * - consultation (第三十二条 third party, 第三十四条 other agencies; 第三十三条第三款): the
 *   working days after the consultation letter up to the answer are not counted, at most up to
 *   the 15-working-day consultation deadline: a party that does not answer in time is treated
 *   as not answering (the agency then decides itself, 第三十二条; 第三十四条: deemed to agree),
 *   so days after that deadline count again. While a consultation is open the pause is assumed
 *   to run to that deadline (a provisional due date). The deadline is counted from the day
 *   the letter was sent (the timeline records no delivery date), the earlier, safer reading.
 * - payment (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): the working days after
 *   the fee notice up to the payment are not counted, at most up to the payment deadline the
 *   notice states; while unpaid, the pause is assumed to run to that deadline.
 * - extension (第三十三条第二款): adds its working days after the pauses.
 * A pause shows as `paused` only while today is inside it; after its deadline the clock runs.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { compareDates, formatChineseDate, isIsoDate } from '../calendar/dates.js';
import {
  type Pause,
  type ReplyDueDateInput,
  clarificationNoticeDeadline,
  computeReplyDueDate,
  consultationDeadline,
  daysLeft as workingDaysLeft,
  feePaymentDeadline,
  isOverdue,
} from '../calendar/periods.js';
import { RequestRuleError, dateOfReceipt } from './receipt.js';
import { replay } from './state-machine.js';
import type { IsoDate, RequestEvent, RequestState } from './types.js';

/** A request is "due soon" with this many working days left or fewer. */
export const DUE_SOON_WORKING_DAYS = 3;

/** What the reply period is waiting for, when it is not running. */
export type ClockPause = 'clarification' | 'consultation' | 'payment';

export interface RequestDeadlines {
  /** 第三十条: last day to ask for clarification (7 working days after receipt). */
  clarificationNoticeBy: IsoDate;
  /** The clarification period set in the notice (第三十条: 合理的补正期限), if asked. */
  clarificationBy?: IsoDate;
  /** 第三十二条/第三十四条: last day for the latest consultation's answer (15 working days). */
  consultationAnswerBy?: IsoDate;
  /** The payment deadline stated in the fee notice (国办函〔2020〕109号: 20 working days). */
  paymentBy?: IsoDate;
}

export interface RequestClock {
  state: RequestState;
  /** 收到申请之日 (第三十一条). */
  receivedOn: IsoDate;
  /**
   * The last day to reply; null while a clarification is awaited (the period has not
   * restarted) and for a request that lapsed before it restarted. After the reply it stays
   * what it was when the reply was sent.
   */
  dueDate: IsoDate | null;
  /**
   * Working days left, seen on `today` (periods.ts daysLeft: 0 = due today, negative =
   * overdue). While paused: the working days of the period still to run after the pause.
   * Null when there is no due date or the request is handled.
   */
  daysLeft: number | null;
  /** Open: today is after the due date. Handled: the reply (or withdrawal) came after it. */
  overdue: boolean;
  /** Open, not overdue, at most DUE_SOON_WORKING_DAYS working days left. */
  dueSoon: boolean;
  /** What the period is waiting for today, or null when it runs (or the request is handled). */
  paused: ClockPause | null;
  /** Each step of the computation in Chinese, with its legal basis. */
  basis: string[];
  /** Irregularities in Chinese: late notices, late answers, a late reply, passed deadlines. */
  warnings: string[];
  deadlines: RequestDeadlines;
}

const FEE_RULE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

interface PauseRecord {
  readonly pause: Pause;
  readonly payment: boolean;
  /** Still open: `to` is the deadline assumed for it. */
  readonly open: boolean;
  /** The answer or payment came after the deadline; `to` was cut back to the deadline. */
  readonly lateOn?: IsoDate;
}

/**
 * The clock of a request on `today` (see the module comment for the pause rules). Validates
 * the history (replay) and throws RequestRuleError for a bad history or a `today` before the
 * last event; CalendarNotCoveredError when a needed year is not in the calendar.
 */
export function requestClock(
  events: readonly RequestEvent[],
  calendar: WorkingDayCalendar,
  today: IsoDate,
): RequestClock {
  const state = replay(events);
  if (!isIsoDate(today)) {
    throw new RequestRuleError('INVALID_DATE', `今天的日期“${String(today)}”无效`);
  }
  const last = events.at(-1) as RequestEvent;
  if (compareDates(today, last.on) < 0) {
    throw new RequestRuleError(
      'EVENT_DATE_BACKWARDS',
      `查看日期（${formatChineseDate(today)}）早于最后一个事件的日期（${formatChineseDate(last.on)}）`,
    );
  }
  const registration = events[0] as Extract<RequestEvent, { type: 'registered' }>;
  const receivedOn = dateOfReceipt(registration.channel, registration.evidence);
  const warnings: string[] = [];
  const deadlines: RequestDeadlines = {
    clarificationNoticeBy: clarificationNoticeDeadline(receivedOn, calendar),
  };

  // Walk the timeline once: clarification, pauses, extension, the handling event.
  const input: { -readonly [K in keyof ReplyDueDateInput]: ReplyDueDateInput[K] } = { receivedOn };
  const pauses: PauseRecord[] = [];
  let openConsultation: { from: IsoDate; kind: 'thirdParty' | 'agency'; deadline: IsoDate } | null = null;
  let openFee: { from: IsoDate; dueBy: IsoDate } | null = null;
  let extension: Extract<RequestEvent, { type: 'extended' }> | null = null;
  let end: RequestEvent | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'clarificationRequested':
        input.clarificationRequestedOn = event.on;
        deadlines.clarificationBy = event.dueBy;
        break;
      case 'clarified':
        input.clarifiedOn = event.on;
        break;
      case 'consultationStarted': {
        const deadline = consultationDeadline(event.on, calendar);
        openConsultation = { from: event.on, kind: event.party, deadline };
        deadlines.consultationAnswerBy = deadline;
        break;
      }
      case 'consultationEnded':
        if (openConsultation) {
          const { from, kind, deadline } = openConsultation;
          const late = compareDates(event.on, deadline) > 0;
          pauses.push({
            pause: { kind, from, to: late ? deadline : event.on },
            payment: false,
            open: false,
            ...(late ? { lateOn: event.on } : {}),
          });
          if (late) {
            warnings.push(
              `征求意见的答复晚于15个工作日的期限：应在${formatChineseDate(deadline)}前提出意见，实际于${formatChineseDate(event.on)}收到；期满后的时间计入答复期限（第三十二条、第三十四条）`,
            );
          }
          openConsultation = null;
        }
        break;
      case 'feeNoticed': {
        openFee = { from: event.on, dueBy: event.dueBy };
        deadlines.paymentBy = event.dueBy;
        const lawful = feePaymentDeadline(event.on, calendar);
        if (compareDates(lawful, event.dueBy) !== 0) {
          warnings.push(
            `收费通知载明的缴费期限（${formatChineseDate(event.dueBy)}）与规定的期限不一致：申请人应在收到收费通知次日起20个工作日内缴费，即${formatChineseDate(lawful)}前（${FEE_RULE}）`,
          );
        }
        break;
      }
      case 'feePaid':
        if (openFee) {
          const { from, dueBy } = openFee;
          const late = compareDates(event.on, dueBy) > 0;
          pauses.push({
            pause: { from, to: late ? dueBy : event.on },
            payment: true,
            open: false,
            ...(late ? { lateOn: event.on } : {}),
          });
          if (late) {
            warnings.push(
              `申请人于${formatChineseDate(event.on)}缴费，晚于收费通知载明的缴费期限（${formatChineseDate(dueBy)}）；期满后的时间计入答复期限`,
            );
          }
          openFee = null;
        }
        break;
      case 'extended':
        extension = event;
        break;
      case 'replied':
      case 'clarificationLapsed':
      case 'feeLapsed':
      case 'withdrawn':
        end = event;
        break;
      default:
        break;
    }
  }
  // Still open: assume the pause runs to its deadline.
  if (openConsultation) {
    const { from, kind, deadline } = openConsultation;
    pauses.push({ pause: { kind, from, to: deadline }, payment: false, open: true });
  }
  if (openFee) pauses.push({ pause: { from: openFee.from, to: openFee.dueBy }, payment: true, open: true });
  pauses.sort((a, b) => compareDates(a.pause.from, b.pause.from));
  input.pauses = pauses.map((record) => record.pause);

  if (extension) {
    const before = computeReplyDueDate(input, calendar).dueDate;
    if (before !== null && compareDates(extension.on, before) > 0) {
      warnings.push(
        `延期决定（${formatChineseDate(extension.on)}）晚于原答复期限届满日（${formatChineseDate(before)}）：延期应在答复期限内经政府信息公开工作机构负责人同意并告知申请人（第三十三条第二款）`,
      );
    }
    input.extensionDays = extension.days;
  }

  const computed = computeReplyDueDate(input, calendar);
  const { dueDate } = computed;
  const basis = explainPauses(computed.basis, pauses, computed.countedFrom, calendar, end !== null);
  warnings.unshift(...computed.warnings);

  const clock: RequestClock = {
    state,
    receivedOn,
    dueDate,
    daysLeft: null,
    overdue: false,
    dueSoon: false,
    paused: null,
    basis,
    warnings,
    deadlines,
  };

  if (end !== null) {
    describeEnd(clock, end);
    return clock;
  }
  if (state === 'awaitingClarification') {
    clock.paused = 'clarification';
    const dueBy = deadlines.clarificationBy as IsoDate;
    if (compareDates(today, dueBy) > 0) {
      warnings.push(
        `补正期限已于${formatChineseDate(dueBy)}届满，申请人尚未补正：无正当理由逾期不补正的，视为放弃申请，请登记“逾期未补正”（第三十条）`,
      );
    }
    return clock;
  }
  if (dueDate === null) return clock; // not reached: only a pending clarification has no due date

  const open = pauses.find((record) => record.open);
  if (open && compareDates(today, open.pause.to) <= 0) {
    clock.paused = open.payment ? 'payment' : 'consultation';
    clock.daysLeft =
      compareDates(dueDate, open.pause.to) > 0
        ? calendar.workingDaysBetween(open.pause.to, dueDate)
        : workingDaysLeft(dueDate, today, calendar);
  } else {
    clock.daysLeft = workingDaysLeft(dueDate, today, calendar);
    if (open) {
      warnings.push(
        open.payment
          ? `缴费期限已于${formatChineseDate(open.pause.to)}届满，申请人尚未缴费：逾期未缴纳的，视为放弃申请，请登记“逾期未缴费”（${FEE_RULE}）`
          : `征求意见期限已于${formatChineseDate(open.pause.to)}届满，尚未登记意见：逾期未提出意见的，由行政机关依照条例规定决定是否公开（第三十二条）或视为同意公开（第三十四条）；期满后的时间计入答复期限`,
      );
    }
  }
  clock.overdue = isOverdue(dueDate, today);
  clock.dueSoon = !clock.overdue && clock.daysLeft <= DUE_SOON_WORKING_DAYS;
  return clock;
}

/** Fills in a handled request: no days left; late only if the reply or withdrawal was. */
function describeEnd(clock: RequestClock, end: RequestEvent): void {
  const { dueDate } = clock;
  const on = formatChineseDate(end.on);
  switch (end.type) {
    case 'replied':
      clock.basis.push(`${on}答复申请人（答复书${end.letterNumber}）`);
      if (dueDate !== null && compareDates(end.on, dueDate) > 0) {
        clock.overdue = true;
        clock.warnings.push(`答复超过答复期限：答复期限至${formatChineseDate(dueDate)}届满，实际于${on}答复`);
      }
      break;
    case 'withdrawn':
      clock.basis.push(`${on}申请人撤回申请，按“其他”办结`);
      if (dueDate !== null && compareDates(end.on, dueDate) > 0) {
        clock.overdue = true;
        clock.warnings.push(`申请人撤回申请时已超过答复期限：答复期限至${formatChineseDate(dueDate)}届满，${on}撤回`);
      }
      break;
    case 'clarificationLapsed':
      clock.basis.push(`申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理（第三十条），${on}办结`);
      break;
    case 'feeLapsed':
      clock.basis.push(`申请人逾期未缴纳信息处理费，视为放弃申请，行政机关不再处理（${FEE_RULE}），${on}办结`);
      break;
    default:
      break;
  }
}

/**
 * periods.ts explains every pause as a consultation. Its lines come in the order of the
 * pauses given; a pause without `kind` is explained as '征求意见：…', and only payment pauses
 * are given without `kind` here. Those lines are replaced by the payment's explanation; open
 * (unless the request is handled) and cut-back pauses get a note after their line; the total
 * line names both kinds.
 */
function explainPauses(
  lines: readonly string[],
  pauses: readonly PauseRecord[],
  countedFrom: IsoDate,
  calendar: WorkingDayCalendar,
  handled: boolean,
): string[] {
  const hasPayment = pauses.some((record) => record.payment);
  const result: string[] = [];
  let index = 0;
  for (const line of lines) {
    const isPauseLine = /^征求(第三方|其他机关)?意见：/.test(line);
    const record = isPauseLine ? pauses[index] : undefined;
    if (isPauseLine) index += 1;
    if (record === undefined) {
      result.push(hasPayment ? line.replace(/^征求意见合计/, '征求意见和等待缴费合计') : line);
      continue;
    }
    const { from, to } = record.pause;
    if (record.payment) {
      const start = compareDates(from, countedFrom) > 0 ? from : countedFrom;
      const days = compareDates(to, start) > 0 ? calendar.workingDaysBetween(start, to) : 0;
      const until = record.open
        ? `${handled ? '未缴费，计至' : '尚未缴费，暂计至'}缴费期限届满日${formatChineseDate(to)}`
        : record.lateOn !== undefined
          ? `至缴费期限届满日${formatChineseDate(to)}止`
          : `至${formatChineseDate(to)}缴费止`;
      result.push(
        `等待缴纳信息处理费：${formatChineseDate(from)}发出收费通知，${until}，其间${days}个工作日不计入答复期限（${FEE_RULE}）`,
      );
      continue;
    }
    result.push(line);
    if (record.open && !handled) {
      result.push(
        `征求意见尚未结束：暂按被征求意见方应在${formatChineseDate(to)}前提出意见计算（第三十二条、第三十四条：15个工作日，自发出征求意见书之日起算），收到意见后按实际日期重新计算`,
      );
    } else if (record.lateOn !== undefined) {
      result.push(
        `被征求意见方于${formatChineseDate(record.lateOn)}提出意见，晚于15个工作日的期限，不计入答复期限的时间只计至${formatChineseDate(to)}（第三十二条、第三十四条）`,
      );
    }
  }
  return result;
}
