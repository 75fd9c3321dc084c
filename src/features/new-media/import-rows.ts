/**
 * The rows of a spreadsheet of monthly item counts (账号名称 · 平台 · 月份 · 发布条数), checked as a
 * whole: every row names a registered account of the agency, a month it operated in and a count.
 * Pure: the accounts come in as data; the caller reads the file and writes the counts.
 */
import { cellText, type ImportCell } from '../../domain/requests/import.js';
import { matchPlatform, monthLabel, monthProblem, parseItemCount, parseMonth, PLATFORM_LABELS, type Platform } from './rules.js';

/** The columns: the first header of each is the template's, the others are accepted too. */
export const MONTHLY_COLUMNS = {
  account: { header: '账号名称', aliases: ['账号名称', '账号', '新媒体账号', '账号名', '名称', '账号ID', '账号id', '微信号'] },
  platform: { header: '平台', aliases: ['平台', '平台类型', '账号类型', '类型'] },
  month: { header: '月份', aliases: ['月份', '月度', '统计月份', '年月', '年份月份'] },
  items: { header: '发布条数', aliases: ['发布条数', '发布信息条数', '发布信息数', '信息条数', '条数', '发布数量', '数量'] },
} as const;
type ColumnKey = keyof typeof MONTHLY_COLUMNS;

/** The header may be below a title row or two. */
export const MAX_HEADER_ROW = 10;
/** Rows one file may hold (an agency's accounts × months of several years is far less). */
export const MAX_MONTHLY_ROWS = 10_000;

/** The file as a whole cannot be used; the message is for people. */
export class MonthlyFileError extends Error {
  override readonly name = 'MonthlyFileError';
}

/** An account of the agency, as the import finds it. */
export interface AccountForImport {
  id: number;
  platform: Platform;
  name: string;
  platformAccountId: string | null;
  openedOn: string;
  closedOn: string | null;
}

export interface MonthlyRow {
  row: number;
  accountId: number;
  month: string;
  items: number;
}

export interface MonthlyRowError {
  row: number;
  message: string;
}

export interface MonthlySheet {
  rows: MonthlyRow[];
  errors: MonthlyRowError[];
  /** Rows below the header with a count filled in. */
  dataRows: number;
}

const compact = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();

function findHeader(cells: readonly ImportCell[]): Partial<Record<ColumnKey, number>> | null {
  const found: Partial<Record<ColumnKey, number>> = {};
  cells.forEach((cell, i) => {
    const text = compact(cellText(cell));
    if (!text) return;
    for (const key of Object.keys(MONTHLY_COLUMNS) as ColumnKey[]) {
      if (found[key] === undefined && MONTHLY_COLUMNS[key].aliases.some((a) => compact(a) === text)) {
        found[key] = i;
        break;
      }
    }
  });
  return found.account !== undefined && found.month !== undefined && found.items !== undefined ? found : null;
}

/** Finds each row's account by its name or its ID on the platform (narrowed by the platform, when given). */
function accountFinder(accounts: readonly AccountForImport[]) {
  const byKey = new Map<string, AccountForImport[]>();
  const add = (key: string, a: AccountForImport) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(a)) list.push(a);
    byKey.set(key, list);
  };
  for (const a of accounts) {
    add(compact(a.name), a);
    if (a.platformAccountId) add(compact(a.platformAccountId), a);
  }
  return (name: string, platform: Platform | null): AccountForImport | string => {
    const candidates = (byKey.get(compact(name)) ?? []).filter((a) => platform === null || a.platform === platform);
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length === 0) {
      return `找不到账号“${name}”${platform ? `（${PLATFORM_LABELS[platform]}）` : ''}：请先在本单位的政务新媒体中登记该账号，或核对账号名称`;
    }
    return `有${candidates.length}个名为“${name}”的账号（${candidates.map((a) => PLATFORM_LABELS[a.platform]).join('、')}），请在“平台”列注明`;
  };
}

/** Reads and checks every row (see the module comment). Throws MonthlyFileError when no header is found. */
export function parseMonthlySheet(
  sheet: readonly (readonly ImportCell[] | undefined)[],
  opts: { accounts: readonly AccountForImport[]; today: string; rowName?: (row: number) => string },
): MonthlySheet {
  const rowName = opts.rowName ?? ((row: number) => `第${row}行`);
  let header: Partial<Record<ColumnKey, number>> | null = null;
  let headerRow = 0;
  for (let i = 0; i < Math.min(sheet.length, MAX_HEADER_ROW); i++) {
    header = findHeader(sheet[i] ?? []);
    if (header) {
      headerRow = i;
      break;
    }
  }
  if (!header) {
    throw new MonthlyFileError(`找不到表头：文件的前${MAX_HEADER_ROW}行中没有“${MONTHLY_COLUMNS.account.header}”“${MONTHLY_COLUMNS.month.header}”“${MONTHLY_COLUMNS.items.header}”三列，请按导入模板填写`);
  }
  const find = accountFinder(opts.accounts);
  const rows: MonthlyRow[] = [];
  const errors: MonthlyRowError[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = headerRow + 1; i < sheet.length; i++) {
    const cells = sheet[i] ?? [];
    const cell = (key: ColumnKey) => (header[key] === undefined ? null : cells[header[key]!]);
    // A row without a count is left out: the template lists every account and month, and the
    // months not filled in stay as they are.
    if (cellText(cell('items')) === '') continue;
    dataRows += 1;
    if (dataRows > MAX_MONTHLY_ROWS) throw new MonthlyFileError(`文件超过${MAX_MONTHLY_ROWS}行数据，请分成几个文件导入`);
    const row = i + 1;
    const rowErrors: string[] = [];
    const name = cellText(cell('account'));
    const platformText = cellText(cell('platform'));
    const platform = platformText ? matchPlatform(platformText) : null;
    if (platformText && platform === null) rowErrors.push(`平台“${platformText}”无法识别，应为${Object.values(PLATFORM_LABELS).join('、')}之一`);
    let account: AccountForImport | null = null;
    if (!name) rowErrors.push(`${MONTHLY_COLUMNS.account.header}：请填写`);
    else if (!platformText || platform !== null) {
      const found = find(name, platform);
      if (typeof found === 'string') rowErrors.push(found);
      else account = found;
    }
    const monthCell = cell('month');
    const month = parseMonth(monthCell);
    if (month === null) rowErrors.push(cellText(monthCell) ? `月份“${cellText(monthCell)}”无法识别，应写作2025-03或2025年3月` : '月份：请填写');
    const itemsCell = cell('items');
    const items = parseItemCount(itemsCell);
    if (items === null) rowErrors.push(`发布条数“${cellText(itemsCell)}”应为不小于0的整数`);
    if (account && month) {
      const problem = monthProblem(account, month, opts.today);
      if (problem) rowErrors.push(`“${account.name}”${problem}`);
      const key = `${account.id}|${month}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) rowErrors.push(`与${rowName(earlier)}重复：“${account.name}”${monthLabel(month)}的发布条数只能填一次`);
      else seen.set(key, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors.map((message) => ({ row, message: `${rowName(row)}：${message}` })));
    else rows.push({ row, accountId: account!.id, month: month!, items: items! });
  }
  if (dataRows === 0) throw new MonthlyFileError('文件中没有数据：表头下面没有填写了发布条数的行');
  return { rows, errors, dataRows };
}
