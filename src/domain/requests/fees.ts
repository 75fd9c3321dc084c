/**
 * 信息处理费 — the processing fee (第四十二条; 《政府信息公开信息处理费管理办法》,
 * 国办函〔2020〕109号, in force 2021-01-01). Charged per request (按件, 第四条) or per page
 * (按量, 第五条), both progressive on the part above each threshold (超额累进), and for one
 * request by one method only (第三条). Amounts in whole 元.
 */
import { compareDates, isIsoDate } from '../calendar/dates.js';
import { RequestRuleError } from './receipt.js';
import type { IsoDate } from './types.js';

export type FeeMethod = 'perRequest' | 'perPage';

export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, string>> = {
  perRequest: '按件计收',
  perPage: '按量计收',
};

const MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** 第四条: up to this many requests per requester per calendar month are free. */
export const FREE_REQUESTS_PER_MONTH = 10;
/** 第五条: up to this many pages are free. */
export const FREE_PAGES = 30;

/** 第五条: per-page brackets — pages from `from` (up to `to`, inclusive) cost `yuan` each. */
export const PAGE_BRACKETS: readonly { from: number; to: number; yuan: number }[] = [
  { from: 31, to: 100, yuan: 10 },
  { from: 101, to: 200, yuan: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, yuan: 40 },
];

function assertCount(value: unknown, label: string, min: 0 | 1): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RequestRuleError(
      'FEE_INPUT_INVALID',
      `${label}“${String(value)}”无效，应为${min === 0 ? '不小于0' : '不小于1'}的整数`,
    );
  }
}

/**
 * 第四条 (按件计收): the fee for the requester's `ordinalInMonth`-th request in one calendar
 * month, in 元: 1st–10th free; 11th–30th 100 元 each; from the 31st, each further block of 10
 * costs 100 元 more each (31st–40th 200 元, 41st–50th 300 元, …). Each request pays the rate
 * of its own bracket (the charge is on "the part" above a threshold).
 */
export function perRequestFee(ordinalInMonth: number): number {
  assertCount(ordinalInMonth, '本月申请序号', 1);
  if (ordinalInMonth <= FREE_REQUESTS_PER_MONTH) return 0;
  if (ordinalInMonth <= 30) return 100;
  return 200 + Math.floor((ordinalInMonth - 31) / 10) * 100;
}

/**
 * 第四条: what one requester pays in total for `count` requests received in one calendar month
 * when every one is charged per request (the sum of perRequestFee(1…count)); for display.
 */
export function monthlyPerRequestTotal(count: number): number {
  assertCount(count, '本月申请件数', 0);
  let total = 0;
  for (let n = 1; n <= count; n += 1) total += perRequestFee(n);
  return total;
}

/**
 * 第五条 (按量计收): the fee for `pages` pages, in 元, progressive like tax brackets: the
 * first 30 pages free, pages 31–100 at 10 元, 101–200 at 20 元, from 201 at 40 元 each.
 * E.g. 250 pages = 70 × 10 + 100 × 20 + 50 × 40 = 4,700 元.
 */
export function perPageFee(pages: number): number {
  assertCount(pages, '页数', 0);
  return pageParts(pages).reduce((sum, part) => sum + part.pages * part.yuan, 0);
}

function pageParts(pages: number): { from: number; to: number; pages: number; yuan: number }[] {
  return PAGE_BRACKETS.filter((bracket) => pages >= bracket.from).map((bracket) => {
    const to = Math.min(pages, bracket.to);
    return { from: bracket.from, to, pages: to - bracket.from + 1, yuan: bracket.yuan };
  });
}

/** One request's fee input: exactly one method (第三条: never both for one request). */
export type FeeInput =
  | { method: 'perRequest'; ordinalInMonth: number; pages?: undefined }
  | { method: 'perPage'; pages: number; ordinalInMonth?: undefined };

export interface FeeResult {
  amountYuan: number;
  method: FeeMethod;
  /** The computation in Chinese, citing the rule, for the fee notice and the clerk. */
  basis: string;
}

/**
 * The fee of one request by one method, with its Chinese explanation. Throws RequestRuleError:
 * FEE_METHODS_COMBINED when both an ordinal and pages are given (第三条), FEE_INPUT_INVALID
 * for an unknown method or a count that is not a whole number in range.
 */
export function computeFee(input: FeeInput): FeeResult {
  if (input.ordinalInMonth !== undefined && input.pages !== undefined) {
    throw new RequestRuleError(
      'FEE_METHODS_COMBINED',
      `同一件申请只能选择按件或按量一种标准计收，不得同时按照两种标准重复计算（${MEASURES}第三条）`,
    );
  }
  if (input.method === 'perRequest') {
    const n = input.ordinalInMonth;
    const amountYuan = perRequestFee(n);
    const bracket =
      n <= FREE_REQUESTS_PER_MONTH
        ? '10件以下（含10件）的，不收费'
        : n <= 30
          ? '11—30件（含30件）的部分，100元/件'
          : `31件以上的部分以10件为一档，每增加一档提高100元/件，第${31 + Math.floor((n - 31) / 10) * 10}—${40 + Math.floor((n - 31) / 10) * 10}件为${amountYuan}元/件`;
    return {
      amountYuan,
      method: 'perRequest',
      basis: `按件计收：本件为该申请人本自然月内累计第${n}件申请，适用“${bracket}”，收费${amountYuan}元（${MEASURES}第四条）`,
    };
  }
  if (input.method === 'perPage') {
    const { pages } = input;
    const amountYuan = perPageFee(pages);
    const parts = pageParts(pages).map(
      (part) =>
        `${part.from}—${part.to}页${part.pages}页×${part.yuan}元=${part.pages * part.yuan}元`,
    );
    const detail =
      parts.length === 0
        ? '30页以下（含30页）的，不收费'
        : `30页以下（含30页）不收费；${parts.join('；')}；合计${amountYuan}元`;
    return {
      amountYuan,
      method: 'perPage',
      basis: `按量计收：共${pages}页，${detail}（${MEASURES}第五条）`,
    };
  }
  throw new RequestRuleError(
    'FEE_INPUT_INVALID',
    `计收方式“${String((input as { method: unknown }).method)}”无效，应为按件（perRequest）或按量（perPage）`,
  );
}

/**
 * The ordinal of a request among its requester's requests to the agency in the same calendar
 * month (第四条: 同一申请人一个自然月内累计申请), counted by date of receipt.
 * `receivedDates` are the dates of receipt of this requester's requests in registration
 * order, including this one at `thisIndex`. Requests received earlier in the month come
 * first; requests received on the same day are ordered by registration order (their index),
 * so a request registered later never lowers the fee of one registered before it.
 */
export function requestOrdinalInMonth(
  receivedDates: readonly IsoDate[],
  thisRequestDate: IsoDate,
  thisIndex: number,
): number {
  if (!isIsoDate(thisRequestDate)) {
    throw new RequestRuleError('INVALID_DATE', `收到申请之日“${String(thisRequestDate)}”无效`);
  }
  if (!Number.isSafeInteger(thisIndex) || thisIndex < 0 || thisIndex >= receivedDates.length) {
    throw new RequestRuleError('FEE_INPUT_INVALID', `本件申请的序号“${String(thisIndex)}”不在申请列表范围内`);
  }
  if (receivedDates[thisIndex] !== thisRequestDate) {
    throw new RequestRuleError(
      'FEE_INPUT_INVALID',
      `申请列表第${thisIndex + 1}件的收到日期（${String(receivedDates[thisIndex])}）与本件申请（${thisRequestDate}）不一致`,
    );
  }
  const month = thisRequestDate.slice(0, 7);
  let ordinal = 1;
  receivedDates.forEach((date, index) => {
    if (!isIsoDate(date)) {
      throw new RequestRuleError('INVALID_DATE', `收到申请之日“${String(date)}”无效`);
    }
    if (index === thisIndex || date.slice(0, 7) !== month) return;
    const order = compareDates(date, thisRequestDate);
    if (order < 0 || (order === 0 && index < thisIndex)) ordinal += 1;
  });
  return ordinal;
}
