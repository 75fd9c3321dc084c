/**
 * 政务新媒体 as plain data (no I/O): platforms and statuses, the dates of an account, months,
 * and the year's figures of report section 一 (“N个政务新媒体账号”, “政务新媒体平台主动公开信息N条”).
 */
import { cellText, parseImportDate, type ImportCell } from '../../domain/requests/import.js';

export const PLATFORMS = ['wechat', 'weibo', 'douyin', 'toutiao', 'app', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  app: '客户端App',
  other: '其他',
};

/** Other ways a platform is written in a spreadsheet. */
const PLATFORM_NAMES: Record<Platform, readonly string[]> = {
  wechat: ['微信公众号', '微信', '公众号', '微信号', 'wechat'],
  weibo: ['微博', '新浪微博', 'weibo'],
  douyin: ['抖音', '抖音号', 'douyin'],
  toutiao: ['今日头条', '头条', '头条号', 'toutiao'],
  app: ['客户端App', '客户端', 'App', '移动客户端', 'app'],
  other: ['其他', '其它', 'other'],
};

export const ACCOUNT_STATUSES = ['operating', 'closed', 'merged'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  operating: '运营中',
  closed: '已关停',
  merged: '已整合',
};

/** The two ways an account stops: shut down, or merged into another account. */
export const CLOSING_STATUSES = ['closed', 'merged'] as const;
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

/** Most items one account may report for one month (a sanity bound, not a rule of law). */
export const MAX_MONTHLY_ITEMS = 100_000;

const compact = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
const platformByName = new Map<string, Platform>();
for (const p of PLATFORMS) for (const name of PLATFORM_NAMES[p]) platformByName.set(compact(name), p);

/** The platform a spreadsheet names, or null. */
export function matchPlatform(text: string): Platform | null {
  return platformByName.get(compact(text)) ?? null;
}

/** The dates of an account as the figures read them. */
export interface AccountDates {
  openedOn: string;
  /** The first day it no longer operates (shut down or merged); null while it operates. */
  closedOn: string | null;
}

/** Whether an account operates on a day: opened by then, not yet closed. */
export function operatesOn(a: AccountDates, day: string): boolean {
  return a.openedOn <= day && (a.closedOn === null || a.closedOn > day);
}

export interface AccountYearFigures {
  /** Accounts operating on 31 December (“N个政务新媒体账号”). */
  accounts: number;
  /** Accounts opened in the year. */
  opened: number;
  /** Accounts shut down or merged in the year. */
  closed: number;
}

/** The year's account figures of a list of accounts. */
export function accountFiguresForYear(accounts: readonly AccountDates[], year: number): AccountYearFigures {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let operating = 0;
  let opened = 0;
  let closed = 0;
  for (const a of accounts) {
    if (operatesOn(a, last)) operating += 1;
    if (a.openedOn >= first && a.openedOn <= last) opened += 1;
    if (a.closedOn !== null && a.closedOn >= first && a.closedOn <= last) closed += 1;
  }
  return { accounts: operating, opened, closed };
}

/** Problems with an account's opening date (field → message without the label). */
export function openingProblem(openedOn: string, closedOn: string | null, today: string): string | null {
  if (openedOn > today) return '不能晚于今天';
  if (closedOn !== null && openedOn > closedOn) return `不能晚于关停（整合）日期${closedOn}`;
  return null;
}

/** Problems with the day an account stops operating. */
export function closingProblem(openedOn: string, closedOn: string, today: string): string | null {
  if (closedOn > today) return '不能晚于今天';
  if (closedOn < openedOn) return `不能早于开通日期${openedOn}`;
  return null;
}

/** 'YYYY-MM' of a day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The twelve months of a year, 'YYYY-01' … 'YYYY-12'. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Why an account cannot have items in a month: a month still to come, before the month it was
 * opened, or after the month it stopped in. Null when the month is fine.
 */
export function monthProblem(a: AccountDates, month: string, today: string): string | null {
  if (month > monthOf(today)) return `${monthLabel(month)}尚未结束，不能填写今后月份的发布条数`;
  if (month < monthOf(a.openedOn)) return `账号于${a.openedOn}开通，${monthLabel(month)}尚未开通`;
  if (a.closedOn !== null && month > monthOf(a.closedOn)) return `账号已于${a.closedOn}关停或整合，${monthLabel(month)}不再运营`;
  return null;
}

/** 2025年3月. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

function monthText(year: number, month: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * A month as a spreadsheet gives it: 2025-03, 2025-3, 2025/3, 2025.3, 2025年3月, 202503, or a
 * date (2025-03-01, an Excel date cell) whose month is meant. Null when it is none of these.
 */
export function parseMonth(cell: ImportCell): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 200001 && cell <= 210012) return monthText(Math.floor(cell / 100), cell % 100);
  if (typeof cell === 'string' || cell === null || cell === undefined) {
    const text = cellText(cell).normalize('NFKC');
    const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?(?:份)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
    if (m) return monthText(Number(m[1]), Number(m[2]));
  }
  const date = parseImportDate(cell);
  return date === null ? null : monthText(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** A count of items as typed: digits (full-width too), thousands separators; null when it is not one. */
export function parseItemCount(cell: ImportCell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= MAX_MONTHLY_ITEMS ? cell : null;
  const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '').replace(/条$/, '');
  if (!/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_MONTHLY_ITEMS ? n : null;
}
