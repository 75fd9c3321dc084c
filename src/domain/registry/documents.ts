/**
 * The register of rules (规章) and normative documents (行政规范性文件): when a document is in force,
 * what the year's figures of report section 二 第（一）项 are, and which documents need attention.
 *
 * Decisions:
 * - In force on day D ⇔ issued on or before D, not repealed or expired on or before D, and either
 *   no stated validity period or one that runs to D or later. The issue date, not the effective
 *   date, starts it: the report's own relation (check 7: in force = last year's in force + issued
 *   − repealed) only holds if a document counts from the day it is counted as issued.
 * - A repeal (废止) or expiry (失效) takes effect on its date: the document is no longer in force
 *   that day. The year's 废止件数 counts repeals only; a document that lapses by its validity
 *   period leaves 现行有效 without counting as repealed (check 7 then warns, and the report
 *   explains it).
 * - 行政规范性文件 usually state a validity period of at most five years (the practice of the
 *   provinces' rules on normative documents). A missing or longer period is a warning, never a
 *   refusal: the register records what the document says.
 */
import { addCalendarDays, compareDates, type IsoDate } from '../calendar/dates.js';

export const DOCUMENT_KINDS = ['rule', 'normative'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = { rule: '规章', normative: '行政规范性文件' };

/** The usual longest validity period of a 行政规范性文件, in years. */
export const NORMATIVE_VALIDITY_YEARS = 5;

/** Days before the end of a validity period from which the register warns. */
export const EXPIRY_WARNING_DAYS = 90;

/** The dates of a register entry that decide whether it is in force. */
export interface DocumentDates {
  kind: DocumentKind;
  issuedOn: IsoDate;
  validUntil: IsoDate | null;
  repealedOn: IsoDate | null;
  expiredOn: IsoDate | null;
}

export type DocumentStatus = 'notIssued' | 'inForce' | 'repealed' | 'expired' | 'lapsed';

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  notIssued: '尚未印发',
  inForce: '现行有效',
  repealed: '已废止',
  expired: '已失效',
  lapsed: '有效期已届满',
};

/**
 * The status of a document on a day: not yet issued, in force, repealed, expired (recorded), or
 * lapsed (its validity period ran out and no expiry has been recorded yet).
 */
export function documentStatusOn(doc: DocumentDates, on: IsoDate): DocumentStatus {
  if (doc.issuedOn > on) return 'notIssued';
  if (doc.repealedOn !== null && doc.repealedOn <= on) return 'repealed';
  if (doc.expiredOn !== null && doc.expiredOn <= on) return 'expired';
  if (doc.validUntil !== null && doc.validUntil < on) return 'lapsed';
  return 'inForce';
}

/** 现行有效 on a day (see the module comment). */
export function isInForceOn(doc: DocumentDates, on: IsoDate): boolean {
  return documentStatusOn(doc, on) === 'inForce';
}

/** Section 二 第（一）项 for one kind: 本年制发件数, 本年废止件数, 现行有效件数 (on 31 December). */
export interface DocumentYearFigures {
  issued: number;
  repealed: number;
  inForce: number;
}

/** The year's figures of each kind from the register entries of one agency. */
export function documentFiguresForYear(docs: readonly DocumentDates[], year: number): Record<DocumentKind, DocumentYearFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const figures: Record<DocumentKind, DocumentYearFigures> = {
    rule: { issued: 0, repealed: 0, inForce: 0 },
    normative: { issued: 0, repealed: 0, inForce: 0 },
  };
  for (const doc of docs) {
    const f = figures[doc.kind];
    if (doc.issuedOn >= from && doc.issuedOn <= to) f.issued += 1;
    if (doc.repealedOn !== null && doc.repealedOn >= from && doc.repealedOn <= to) f.repealed += 1;
    if (isInForceOn(doc, to)) f.inForce += 1;
  }
  return figures;
}

/** Days from `today` to the last valid day; null without a validity period. */
export function daysUntilExpiry(doc: Pick<DocumentDates, 'validUntil'>, today: IsoDate): number | null {
  if (doc.validUntil === null) return null;
  return compareDates(doc.validUntil, today);
}

/** In force today and its validity period ends within `days` days (today counted). */
export function isExpiringWithin(doc: DocumentDates, today: IsoDate, days: number): boolean {
  const left = daysUntilExpiry(doc, today);
  return left !== null && left >= 0 && left <= days && isInForceOn(doc, today);
}

/** The same day `years` later (29 February → 28 February in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** The day an expiry takes effect when the period ran out: the day after the last valid day. */
export function expiryDateAfter(validUntil: IsoDate): IsoDate {
  return addCalendarDays(validUntil, 1);
}

/**
 * Warnings about the validity period of a register entry, for the list and the form: a normative
 * document without a stated period, or with one longer than five years from its issue.
 */
export function validityWarnings(doc: Pick<DocumentDates, 'kind' | 'issuedOn' | 'validUntil'>): string[] {
  if (doc.kind !== 'normative') return [];
  if (doc.validUntil === null) return [`未载明有效期：行政规范性文件一般应载明有效期，通常不超过${NORMATIVE_VALIDITY_YEARS}年`];
  if (doc.validUntil > addYears(doc.issuedOn, NORMATIVE_VALIDITY_YEARS)) return [`有效期超过${NORMATIVE_VALIDITY_YEARS}年：行政规范性文件的有效期通常不超过${NORMATIVE_VALIDITY_YEARS}年`];
  return [];
}

/** What is wrong with the dates of an entry, as Chinese messages without the field's label (empty when consistent). */
export function documentDateProblems(doc: {
  issuedOn: IsoDate; effectiveOn: IsoDate | null; validUntil: IsoDate | null; today: IsoDate;
}): Array<{ field: 'issuedOn' | 'effectiveOn' | 'validUntil'; message: string }> {
  const problems: Array<{ field: 'issuedOn' | 'effectiveOn' | 'validUntil'; message: string }> = [];
  if (doc.issuedOn > doc.today) problems.push({ field: 'issuedOn', message: '不能晚于今天' });
  if (doc.effectiveOn !== null && doc.effectiveOn < doc.issuedOn) problems.push({ field: 'effectiveOn', message: '不能早于印发日期' });
  if (doc.validUntil !== null && doc.validUntil < (doc.effectiveOn ?? doc.issuedOn)) {
    problems.push({ field: 'validUntil', message: doc.effectiveOn ? '不能早于施行日期' : '不能早于印发日期' });
  }
  return problems;
}

/** Why a repeal or expiry on `on` cannot be recorded, or null. */
export function endDateProblem(doc: DocumentDates, on: IsoDate, today: IsoDate): string | null {
  if (doc.repealedOn !== null) return `该文件已于${doc.repealedOn}废止`;
  if (doc.expiredOn !== null) return `该文件已于${doc.expiredOn}失效`;
  if (on < doc.issuedOn) return '不能早于印发日期';
  if (on > today) return '不能晚于今天：废止或失效后再登记';
  return null;
}
