/**
 * Disclosure on request (依申请公开): the shared vocabulary of the request domain. Keys that
 * reach the annual report (requester kinds, outcomes) are the report format's own keys.
 */
import type { OutcomeKey2021, RequesterColumn } from '../report/format.js';

export type IsoDate = string;

/** 申请人类型: exactly the applicant columns of report section 三. */
export type RequesterKind = RequesterColumn;

/** 渠道: how the request arrived. Oral requests are written down by staff (第二十九条). */
export const CHANNELS = ['online', 'inPerson', 'postSigned', 'postOrdinary', 'fax', 'email', 'oral'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  inPerson: '当面申请',
  postSigned: '邮寄（挂号信/快递，需签收）',
  postOrdinary: '平常信函',
  fax: '传真',
  email: '电子邮件',
  oral: '口头申请（工作人员代为填写）',
};

/**
 * The evidence of receipt a clerk records; which date counts depends on the channel (第三十一条).
 * - submittedOn: the day the requester handed it in (in person, oral);
 * - signedOn: the day the agency signed for the mail (registered post, courier);
 * - confirmedOn: the day the agency and the requester confirmed receipt (ordinary post, online,
 *   fax, email).
 */
export interface ReceiptEvidence {
  submittedOn?: IsoDate;
  signedOn?: IsoDate;
  confirmedOn?: IsoDate;
}

/**
 * States of a request. The clock runs in `registered` (and `decided` until the reply is sent);
 * it stops while waiting for a clarification, a consultation or a payment.
 */
export const REQUEST_STATES = [
  'registered',
  'awaitingClarification',
  'consulting',
  'awaitingPayment',
  'decided',
  'replied',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  registered: '办理中',
  awaitingClarification: '待申请人补正',
  consulting: '征求意见中',
  awaitingPayment: '待缴纳信息处理费',
  decided: '已决定，待答复',
  replied: '已答复',
  closed: '已办结归档',
};

/** 办理结果: one of the outcome rows of report section 三 (2021 format). */
export type Outcome = OutcomeKey2021;

/**
 * Events on a request's timeline. Every change of state is one event; `on` is the calendar date
 * (Asia/Shanghai) of the legal fact, which is what the periods count from.
 */
export type RequestEvent =
  | { type: 'registered'; on: IsoDate; channel: Channel; evidence: ReceiptEvidence }
  /** 第三十条: one written notice asking for clarification, with the date by which to answer. */
  | { type: 'clarificationRequested'; on: IsoDate; dueBy: IsoDate; items: string }
  /** The clarified request arrived: the reply period restarts from this day. */
  | { type: 'clarified'; on: IsoDate }
  /** No clarification by the date set: the request is treated as abandoned (三（六）1). */
  | { type: 'clarificationLapsed'; on: IsoDate }
  /** 第三十二条 (third party) / 第三十四条 (other agency): written consultation, not counted. */
  | { type: 'consultationStarted'; on: IsoDate; party: 'thirdParty' | 'agency'; with: string }
  | { type: 'consultationEnded'; on: IsoDate; opinion: string }
  /** 第三十三条第二款: one extension of at most 20 working days, approved and told to the requester. */
  | { type: 'extended'; on: IsoDate; days: number; approvedBy: string; reason: string }
  /** 国办函〔2020〕109号: fee notice; 20 working days to pay; the wait is not counted. */
  | { type: 'feeNoticed'; on: IsoDate; amountYuan: number; method: 'perRequest' | 'perPage'; dueBy: IsoDate }
  | { type: 'feePaid'; on: IsoDate; amountYuan: number }
  /** Not paid in time: the request is no longer processed (三（六）2). */
  | { type: 'feeLapsed'; on: IsoDate }
  | { type: 'decided'; on: IsoDate; outcome: Outcome; articles: string[]; reason: string; withheldParts?: string }
  /** The reply letter was sent: the request counts as handled on this day. */
  | { type: 'replied'; on: IsoDate; letterNumber: string; delivery: string }
  | { type: 'closed'; on: IsoDate }
  /** The requester withdrew the request (reported under 三（六）3 其他). */
  | { type: 'withdrawn'; on: IsoDate; reason: string };

export type RequestEventType = RequestEvent['type'];
