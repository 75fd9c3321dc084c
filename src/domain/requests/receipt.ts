/**
 * 收到申请之日 — the date of receipt of a request (第三十一条), from which every period of
 * disclosure on request is counted. Also the error type of the request rules.
 */
import { isIsoDate } from '../calendar/dates.js';
import type { Channel, IsoDate, ReceiptEvidence } from './types.js';

/** Stable codes of RequestRuleError, for the API error table. */
export type RequestRuleCode =
  /** The evidence the channel needs for its date of receipt is missing (第三十一条). */
  | 'RECEIPT_EVIDENCE_MISSING'
  /** A date is not a real 'YYYY-MM-DD' date. */
  | 'INVALID_DATE'
  /** The event is not allowed in the request's current state (see TRANSITIONS). */
  | 'EVENT_NOT_ALLOWED'
  /** A second clarification notice (第三十条: once only). */
  | 'CLARIFICATION_ALREADY_REQUESTED'
  /** A second extension (第三十三条第二款: once only). */
  | 'EXTENSION_ALREADY_GRANTED'
  /** Extension days outside 1–20 or not whole (第三十三条第二款). */
  | 'EXTENSION_DAYS_INVALID'
  /** A second fee notice on the same request. */
  | 'FEE_ALREADY_NOTICED'
  /** The first event of a history is not `registered`, or a history is empty. */
  | 'FIRST_EVENT_NOT_REGISTERED'
  /** An event dated before the previous event or before the date of receipt. */
  | 'EVENT_DATE_BACKWARDS'
  /** A lapse recorded before the period it relies on has run out. */
  | 'LAPSE_TOO_EARLY'
  /** An outcome that the event cannot carry (e.g. 三（六）1 without a lapse). */
  | 'OUTCOME_NOT_ALLOWED'
  /** Amounts, pages or ordinals that are not valid (fees). */
  | 'FEE_INPUT_INVALID'
  /** Both charging methods for one request (国办函〔2020〕109号第三条). */
  | 'FEE_METHODS_COMBINED'
  /** Any other inconsistent event data (e.g. a due-by date before the notice). */
  | 'EVENT_DATA_INVALID';

/**
 * A request rule was broken. `code` is stable for the API; `message` is Chinese, for people,
 * and names the rule (article) where there is one. Services map it to AppError.
 */
export class RequestRuleError extends Error {
  override readonly name = 'RequestRuleError';

  constructor(
    readonly code: RequestRuleCode,
    message: string,
  ) {
    super(message);
  }
}

/** Which piece of evidence fixes the date of receipt for each channel (第三十一条). */
export const RECEIPT_EVIDENCE_FIELD: Readonly<Record<Channel, keyof ReceiptEvidence>> = {
  inPerson: 'submittedOn',
  oral: 'submittedOn',
  postSigned: 'signedOn',
  postOrdinary: 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
  email: 'confirmedOn',
};

const MISSING_MESSAGE: Readonly<Record<Channel, string>> = {
  inPerson: '当面提交的申请须填写提交日期（第三十一条第（一）项）',
  oral: '口头提出的申请须填写申请人提出申请的日期（第二十九条、第三十一条第（一）项）',
  postSigned: '挂号信须填写签收日期（第三十一条）',
  postOrdinary: '平常信函须填写与申请人确认的日期（第三十一条第（二）项）',
  online: '网上申请须填写双方确认的日期（第三十一条第（三）项）',
  fax: '传真申请须填写双方确认的日期（第三十一条第（三）项）',
  email: '电子邮件申请须填写双方确认的日期（第三十一条第（三）项）',
};

const FIELD_LABEL: Readonly<Record<keyof ReceiptEvidence, string>> = {
  submittedOn: '提交日期',
  signedOn: '签收日期',
  confirmedOn: '确认日期',
};

/**
 * 第三十一条: the date of receipt by channel — in person or oral: the day submitted;
 * registered post or courier: the day the agency signed for it; ordinary post: the day the
 * office confirmed with the requester; online, fax, email (数据电文): the day both sides
 * confirmed. Evidence that does not belong to the channel is ignored. Throws RequestRuleError
 * (RECEIPT_EVIDENCE_MISSING, INVALID_DATE) when the needed date is missing or not a date.
 */
export function dateOfReceipt(channel: Channel, evidence: ReceiptEvidence): IsoDate {
  const field = RECEIPT_EVIDENCE_FIELD[channel];
  if (field === undefined) {
    throw new RequestRuleError('EVENT_DATA_INVALID', `申请渠道“${String(channel)}”无效`);
  }
  const value = evidence[field];
  if (value === undefined || value === '') {
    throw new RequestRuleError('RECEIPT_EVIDENCE_MISSING', MISSING_MESSAGE[channel]);
  }
  if (!isIsoDate(value)) {
    throw new RequestRuleError(
      'INVALID_DATE',
      `${FIELD_LABEL[field]}“${String(value)}”无效，请按“年-月-日”格式填写真实存在的日期`,
    );
  }
  return value;
}

const RULE_TEXT: Readonly<Record<Channel, string>> = {
  inPerson: '当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）。',
  oral:
    '申请人采用书面形式确有困难而口头提出的，由政府信息公开工作机构代为填写申请（第二十九条），以申请人提出申请之日为收到申请之日（第三十一条第（一）项）。',
  postSigned: '以挂号信、快递等需签收的邮寄方式提交的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）。',
  postOrdinary:
    '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（第三十一条第（二）项）。',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）。',
  fax: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）。',
  email: '以电子邮件等数据电文形式提交的，按互联网渠道处理，以双方确认之日为收到申请之日（第三十一条第（三）项）。',
};

/** The rule of 第三十一条 for a channel, in Chinese, as shown to clerks at registration. */
export function receiptRuleText(channel: Channel): string {
  return RULE_TEXT[channel];
}
