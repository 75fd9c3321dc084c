/**
 * The statutory periods of disclosure on request (《中华人民共和国政府信息公开条例》, 2019),
 * as pure functions on a working-day calendar.
 *
 * Every period is counted as the civil law counts periods (《中华人民共和国民法典》第二百零一条):
 * the day of the triggering event is not counted, the count begins on the next day, so a
 * period of n working days ends on `calendar.addWorkingDays(eventDate, n)`. Because only
 * working days are counted, the last day is always a working day.
 */
import type { WorkingDayCalendar } from './calendar.js';
import {
  type IsoDate,
  addCalendarDays,
  chineseWeekday,
  compareDates,
  formatChineseDate,
  fromDayNumber,
  toDayNumber,
} from './dates.js';

/** 第三十三条第二款: reply within 20 working days of receipt. */
export const REPLY_PERIOD_WORKING_DAYS = 20;
/** 第三十条: ask for clarification within 7 working days of receipt. */
export const CLARIFICATION_NOTICE_WORKING_DAYS = 7;
/**
 * 第三十条 leaves the period for answering a clarification notice to the agency (a 合理期限);
 * 15 working days is common practice, and what gongkai proposes unless the clerk sets a date.
 */
export const DEFAULT_CLARIFICATION_PERIOD_WORKING_DAYS = 15;

/** The date by which a clarification is due when the notice does not state one (see above). */
export function defaultClarificationDueBy(noticeOn: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(noticeOn, DEFAULT_CLARIFICATION_PERIOD_WORKING_DAYS);
}

/** 第三十三条第二款: one extension of at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 第三十二条, 第三十四条: the consulted party answers within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): pay within 20 working days. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/**
 * 第三十三条第二款: an agency that cannot reply on the spot replies within 20 working days of
 * the date of receipt (第三十一条 fixes that date by channel). Without clarification, pauses or
 * extension; computeReplyDueDate() handles those.
 */
export function replyDueDate(receivedOn: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(receivedOn, REPLY_PERIOD_WORKING_DAYS);
}

/**
 * 第三十条: when a request is unclear, the agency tells the requester once, in writing, what to
 * clarify, within 7 working days of receipt. Returns the last day for that notice.
 */
export function clarificationNoticeDeadline(
  receivedOn: IsoDate,
  calendar: WorkingDayCalendar,
): IsoDate {
  return calendar.addWorkingDays(receivedOn, CLARIFICATION_NOTICE_WORKING_DAYS);
}

/**
 * 第三十三条第二款: the reply period may be extended once, with the approval of the head of
 * the disclosure office and notice to the requester, by at most 20 working days. Returns the
 * new due date counted from the original one. Throws RangeError for 0, fractions or more than
 * 20 days.
 */
export function extendDueDate(
  dueDate: IsoDate,
  extensionDays: number,
  calendar: WorkingDayCalendar,
): IsoDate {
  assertExtensionDays(extensionDays, 1);
  return calendar.addWorkingDays(dueDate, extensionDays);
}

/**
 * 第三十二条 (third party) and 第三十四条 (other agencies for jointly made information): the
 * consulted party answers within 15 working days of receiving the consultation letter.
 * Returns the last day for its answer. The time the consultation takes is not counted toward
 * the reply period (第三十三条第三款); see the `pauses` of computeReplyDueDate().
 */
export function consultationDeadline(
  letterReceivedOn: IsoDate,
  calendar: WorkingDayCalendar,
): IsoDate {
  return calendar.addWorkingDays(letterReceivedOn, CONSULTATION_WORKING_DAYS);
}

/**
 * 第四十二条 and 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): the requester pays the
 * processing fee within 20 working days, counted from the day after the fee notice is
 * received; unpaid in time, the request is treated as abandoned (report row 三（六）2).
 * Returns the last day for payment.
 */
export function feePaymentDeadline(
  noticeServedOn: IsoDate,
  calendar: WorkingDayCalendar,
): IsoDate {
  return calendar.addWorkingDays(noticeServedOn, FEE_PAYMENT_WORKING_DAYS);
}

/** An interval during which the reply period does not run (a consultation). */
export interface Pause {
  /** Whom the agency consulted: a third party (第三十二条) or other agencies (第三十四条). */
  readonly kind?: 'thirdParty' | 'agency';
  /** The day the consultation letter was sent. */
  readonly from: IsoDate;
  /**
   * The day the answer arrived, or the day the consultation deadline passed without one.
   * For a consultation still open, pass consultationDeadline(…) for a provisional due date.
   */
  readonly to: IsoDate;
}

const CONSULTED: Readonly<Record<'thirdParty' | 'agency' | 'either', readonly [string, string]>> = {
  thirdParty: ['征求第三方意见', '第三十二条'],
  agency: ['征求其他机关意见', '第三十四条'],
  either: ['征求意见', '第三十二条、第三十四条'],
};

export interface ReplyDueDateInput {
  /** Date of receipt (收到申请之日, 第三十一条). */
  readonly receivedOn: IsoDate;
  /** The day the clarification notice (补正告知) was sent, if one was. */
  readonly clarificationRequestedOn?: IsoDate;
  /** The day the clarified request arrived; the reply period restarts from it (第三十条). */
  readonly clarifiedOn?: IsoDate;
  /** Consultations (第三十二条, 第三十四条) whose time is not counted (第三十三条第三款). */
  readonly pauses?: readonly Pause[];
  /** Approved extension in working days, 1–20 (第三十三条第二款); 0 or absent = none. */
  readonly extensionDays?: number;
}

export interface ReplyDueDate {
  /**
   * The last day to reply; null while a clarification has been asked for and not yet
   * received, because the period then has not started (第三十条).
   */
  readonly dueDate: IsoDate | null;
  /** The day after which the period is counted: receipt, or the clarified request. */
  readonly countedFrom: IsoDate;
  /** Working days not counted because of pauses (union of overlapping pauses). */
  readonly pausedWorkingDays: number;
  /** Each step of the computation in Chinese, with its article, for display. */
  readonly basis: string[];
  /** Irregularities found on the way, in Chinese (e.g. a late clarification notice). */
  readonly warnings: string[];
}

/**
 * The reply due date of a request (第三十三条), taking into account:
 * - clarification (第三十条): once the clarified request arrives, the 20 working days run
 *   from `clarifiedOn` instead of `receivedOn`; while it has not arrived there is no due date;
 *   a notice later than 7 working days after receipt is reported in `warnings`;
 * - pauses (第三十三条第三款): for each pause, the working days strictly after `from` up to
 *   and including `to` are not counted. The day the letter is sent is still counted (the
 *   agency worked on the request that day); the day the answer arrives is not (it restarts
 *   the next day), mirroring how every period here starts the day after its event.
 *   Overlapping pauses count once;
 * - extension (第三十三条第二款): `extensionDays` more working days, at most 20.
 * Throws RangeError (Chinese message) for inconsistent input, InvalidDateError for invalid
 * dates and CalendarNotCoveredError when a needed year is not in the calendar.
 */
export function computeReplyDueDate(
  input: ReplyDueDateInput,
  calendar: WorkingDayCalendar,
): ReplyDueDate {
  const { receivedOn, clarificationRequestedOn, clarifiedOn } = input;
  const pauses = input.pauses ?? [];
  const extensionDays = input.extensionDays ?? 0;
  toDayNumber(receivedOn);
  assertExtensionDays(extensionDays, 0);

  const basis: string[] = [
    `收到申请之日为${formatChineseDate(receivedOn)}（第三十一条）；期间自次日起计算，当日不计入（《中华人民共和国民法典》第二百零一条）`,
  ];
  const warnings: string[] = [];

  let countedFrom = receivedOn;
  if (clarifiedOn !== undefined && clarificationRequestedOn === undefined) {
    throw new RangeError('填写了收到补正申请的日期，但没有补正告知的日期');
  }
  if (clarificationRequestedOn !== undefined) {
    if (compareDates(clarificationRequestedOn, receivedOn) < 0) {
      throw new RangeError('补正告知日期不能早于收到申请之日');
    }
    const noticeDeadline = clarificationNoticeDeadline(receivedOn, calendar);
    basis.push(
      `${formatChineseDate(clarificationRequestedOn)}一次性告知申请人补正（第三十条：应在收到申请之日起${CLARIFICATION_NOTICE_WORKING_DAYS}个工作日内告知，即${formatChineseDate(noticeDeadline)}前）`,
    );
    if (compareDates(clarificationRequestedOn, noticeDeadline) > 0) {
      warnings.push(
        `补正告知晚于第三十条规定的期限：应在${formatChineseDate(noticeDeadline)}前告知，实际于${formatChineseDate(clarificationRequestedOn)}告知`,
      );
    }
    if (clarifiedOn === undefined) {
      basis.push('尚未收到补正后的申请；答复期限自收到补正申请之日起计算（第三十条），目前不计算答复期限');
      return { dueDate: null, countedFrom: receivedOn, pausedWorkingDays: 0, basis, warnings };
    }
    if (compareDates(clarifiedOn, clarificationRequestedOn) < 0) {
      throw new RangeError('收到补正申请的日期不能早于补正告知日期');
    }
    countedFrom = clarifiedOn;
    basis.push(
      `${formatChineseDate(clarifiedOn)}收到补正后的申请，答复期限自该日起重新计算（第三十条）`,
    );
  }

  basis.push(
    `答复期限为自${formatChineseDate(countedFrom)}起${REPLY_PERIOD_WORKING_DAYS}个工作日（第三十三条第二款）`,
  );

  // Pauses as day-number intervals (from, to]; validated, and clipped to the counted period.
  const start = toDayNumber(countedFrom);
  const intervals = pauses.map((pause) => {
    const from = toDayNumber(pause.from);
    const to = toDayNumber(pause.to);
    if (to < from) throw new RangeError(`征求意见期间的结束日期${pause.to}早于开始日期${pause.from}`);
    if (from < toDayNumber(receivedOn)) {
      throw new RangeError(`征求意见期间的开始日期${pause.from}早于收到申请之日`);
    }
    return { pause, from: Math.max(from, start), to };
  });
  for (const { pause, from, to } of intervals) {
    const days = to > from ? calendar.workingDaysBetween(fromDayNumber(from), pause.to) : 0;
    const [who, article] = CONSULTED[pause.kind ?? 'either'];
    basis.push(
      `${who}：${formatChineseDate(pause.from)}发出征求意见书，至${formatChineseDate(pause.to)}止，其间${days}个工作日不计入答复期限（${article}，第三十三条第三款）`,
    );
  }

  const isPaused = (day: number): boolean =>
    intervals.some(({ from, to }) => day > from && day <= to);
  const target = REPLY_PERIOD_WORKING_DAYS + extensionDays;
  let counted = 0;
  let paused = 0;
  let date = countedFrom;
  calendar.isWorkingDay(countedFrom); // coverage check of the start day
  while (counted < target) {
    date = addCalendarDays(date, 1);
    if (!calendar.isWorkingDay(date)) continue;
    if (isPaused(toDayNumber(date))) paused += 1;
    else counted += 1;
  }
  if (intervals.length > 1) {
    basis.push(`征求意见合计${paused}个工作日不计入答复期限`);
  }
  if (extensionDays > 0) {
    basis.push(
      `经政府信息公开工作机构负责人同意并告知申请人，延长答复期限${extensionDays}个工作日（第三十三条第二款：最长不超过${MAX_EXTENSION_WORKING_DAYS}个工作日）`,
    );
  }
  basis.push(`答复期限届满日：${formatChineseDate(date)}（${chineseWeekday(date)}）`);
  return { dueDate: date, countedFrom, pausedWorkingDays: paused, basis, warnings };
}

/**
 * Working days left until `dueDate`, seen on `today`: the working days after today up to and
 * including the due date (0 = due today). Negative when overdue: minus the working days after
 * the due date up to and including today, and at least −1, so that a deadline that passed on
 * a Friday is already overdue on the Saturday (daysLeft < 0 exactly when isOverdue).
 */
export function daysLeft(dueDate: IsoDate, today: IsoDate, calendar: WorkingDayCalendar): number {
  const left = calendar.workingDaysBetween(today, dueDate);
  if (compareDates(today, dueDate) > 0) return Math.min(left, -1);
  return left;
}

/** True when `today` is after the due date (the due date itself is still in time). */
export function isOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return compareDates(today, dueDate) > 0;
}

function assertExtensionDays(extensionDays: number, min: 0 | 1): void {
  if (!Number.isInteger(extensionDays) || extensionDays < min) {
    throw new RangeError(
      `延长答复期限的天数“${String(extensionDays)}”无效，应为${min}至${MAX_EXTENSION_WORKING_DAYS}之间的整数个工作日`,
    );
  }
  if (extensionDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(
      `延长答复期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条第二款），申请延长${extensionDays}个工作日`,
    );
  }
}

