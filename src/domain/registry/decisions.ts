/**
 * Lists of individual licensing, penalty and enforcement decisions (report section 二 第（五）（六）
 * 项), as agencies export them from their case systems: one row per decision. Pure: the caller
 * reads the file row by row; this module finds the header and turns each row into a decision
 * number and date, or into row errors.
 *
 * Decisions:
 * - Only the decision number (决定文书号) and date (决定日期) are read. Such lists also name the
 *   parties (相对人) and matters; that is personal data the report does not need, so those columns
 *   are never read, stored or quoted in an error message.
 * - A decision is counted in the year of its date. The same number is the same decision: numbers
 *   are compared after NFKC (full-width digits and letters as half-width) and without spaces, so
 *   re-importing a list, or a list typed a little differently, adds nothing.
 * - Rows are numbered as the spreadsheet shows them (the first row of the file is row 1).
 */
import type { IsoDate } from '../calendar/dates.js';
import { cellText, parseImportDate, type ImportCell } from '../requests/import.js';

export const DECISION_KINDS = ['licensing', 'penalty', 'enforcement'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = { licensing: '行政许可', penalty: '行政处罚', enforcement: '行政强制' };

/** The yearly figures of section 二 an agency may enter: the three decision counts and the fees. */
export const FIGURE_KEYS = [...DECISION_KINDS, 'fees'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  licensing: '行政许可决定数量',
  penalty: '行政处罚决定数量',
  enforcement: '行政强制决定数量',
  fees: '行政事业性收费金额（万元）',
};

/** Longest decision number stored (the column is varchar(100)). */
export const MAX_DECISION_NUMBER_LENGTH = 100;

/** The header must be within the first rows (a title row or two may come before it). */
export const MAX_HEADER_ROW = 10;

/** Headers of the two columns read, as the template writes them, and other spellings accepted. */
export const DECISION_COLUMNS = {
  number: { header: '决定文书号', aliases: ['决定书文号', '文书号', '决定文号', '决定书编号', '决定书号', '文书编号', '决定编号'] },
  date: { header: '决定日期', aliases: ['作出决定日期', '决定作出日期', '决定书日期', '作出日期', '处罚决定日期', '许可决定日期', '强制决定日期'] },
} as const;

/** Optional columns of the template that are never read (personal data). */
export const IGNORED_COLUMNS = ['相对人', '事项名称'] as const;

/** Where the two columns are (0-based cell indexes). */
export interface DecisionHeader {
  number: number;
  date: number;
  /** The row of the header (1-based). */
  row: number;
}

export interface DecisionRowError {
  row: number;
  /** The column's template header, or null for the whole row. */
  column: string | null;
  /** The full sentence: 第5行“决定日期”：不是有效的日期. */
  message: string;
}

export type DecisionRow = { ok: true; number: string; date: IsoDate } | { ok: false; errors: DecisionRowError[] };

/** Header text compared without spaces and punctuation, full-width as half-width. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

const NUMBER_NAMES = new Set([DECISION_COLUMNS.number.header, ...DECISION_COLUMNS.number.aliases].map(compact));
const DATE_NAMES = new Set([DECISION_COLUMNS.date.header, ...DECISION_COLUMNS.date.aliases].map(compact));

/**
 * The header, if this row is one: a cell named as the number column and one named as the date
 * column (exact names first; otherwise a header containing 文书号/文号 and one containing
 * 决定…日期, as in “行政处罚决定书文号”, “作出处罚决定的日期”).
 */
export function findDecisionHeader(cells: readonly ImportCell[], row: number): DecisionHeader | null {
  const names = cells.map((c) => compact(cellText(c)));
  let number = names.findIndex((n) => NUMBER_NAMES.has(n));
  let date = names.findIndex((n) => DATE_NAMES.has(n));
  if (number < 0) number = names.findIndex((n) => /文书号|文号|决定书编号/.test(n));
  if (date < 0) date = names.findIndex((n, i) => i !== number && /决定.*日期|^日期$/.test(n));
  return number >= 0 && date >= 0 && number !== date ? { number, date, row } : null;
}

/** The stored form of a decision number: NFKC, no whitespace. */
export function normalizeDecisionNumber(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** True when every cell of the row is empty. */
export function isBlankRow(cells: readonly ImportCell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/**
 * One data row: its decision number and date, or what is wrong with it. `today` (Beijing) bounds
 * the date: a decision cannot be dated later than the day it is imported.
 */
export function parseDecisionRow(cells: readonly ImportCell[], header: DecisionHeader, row: number, today: IsoDate): DecisionRow {
  const errors: DecisionRowError[] = [];
  const fail = (column: string, detail: string) => errors.push({ row, column, message: `第${row}行“${column}”：${detail}` });

  const rawNumber = cells[header.number];
  const number = typeof rawNumber === 'number' && Number.isFinite(rawNumber) ? String(rawNumber) : normalizeDecisionNumber(cellText(rawNumber));
  if (number === '') fail(DECISION_COLUMNS.number.header, '未填写');
  else if (number.length > MAX_DECISION_NUMBER_LENGTH) fail(DECISION_COLUMNS.number.header, `超过${MAX_DECISION_NUMBER_LENGTH}个字符`);

  const rawDate = cells[header.date];
  const date = parseImportDate(rawDate);
  if (rawDate === null || rawDate === undefined || cellText(rawDate) === '') fail(DECISION_COLUMNS.date.header, '未填写');
  else if (date === null) fail(DECISION_COLUMNS.date.header, `不是有效的日期（“${cellText(rawDate).slice(0, 30)}”），日期可写作2025-01-24、2025/1/24或2025年1月24日`);
  else if (date > today) fail(DECISION_COLUMNS.date.header, `${date}晚于今天`);

  return errors.length > 0 || date === null ? { ok: false, errors } : { ok: true, number, date };
}
