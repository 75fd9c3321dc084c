/**
 * Importing past requests from a spreadsheet, one row per request with its dates and outcome.
 * Pure: the caller reads the file into rows of cells and says which agencies the actor may
 * handle; this module checks every row, turns each good row into the timeline it implies, runs
 * the state machine over it and computes what the request table caches (state, outcome,
 * handled date, due date).
 *
 * Decisions:
 * - The sheet is checked as a whole and every error is listed, each naming its row as the
 *   spreadsheet shows it (the header is row 1) and its column. The caller imports nothing
 *   unless the list is empty.
 * - Each good row becomes the timeline its dates and outcome imply, checked by the state
 *   machine (import-timeline.ts: what is filled in where the sheet says nothing); a rule the
 *   timeline breaks becomes the row's error.
 * - Written for volume (a year of a city's requests at once): the same few spellings of
 *   agencies, outcomes and dates recur on every row and are read once each.
 */
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../calendar/calendar.js';
import { formatChineseDate } from '../calendar/dates.js';
import { MAX_EXTENSION_WORKING_DAYS } from '../calendar/periods.js';
import { isValidCreditCode, normalizeCreditCode } from '../credit-code.js';
import { isValidIdCardNumber } from '../id-card.js';
import { OUTCOME_ROWS_2021, SECTION3_COLUMN_LABELS } from '../report/format.js';
import { compactLabel, matchLabel, section3Specs, type LabelSpec } from '../report/read/labels.js';
import { feeAmount, ImportTimelines } from './import-timeline.js';
import { RequestRuleError } from './receipt.js';
import { CHANNEL_LABELS, type Channel, type IsoDate, type Outcome, type RequestEvent, type RequestState, type RequesterKind } from './types.js';

export { IMPORT_UNRECORDED, importEvents } from './import-timeline.js';

/** Most data rows one import takes (a year of a large city's requests fits many times over). */
export const MAX_IMPORT_ROWS = 200_000;

export type ImportColumnKey =
  | 'agency' | 'requesterKind' | 'requesterName' | 'identity' | 'contact' | 'description' | 'channel'
  | 'receivedOn' | 'clarificationRequestedOn' | 'clarifiedOn' | 'extensionDays' | 'repliedOn' | 'outcome' | 'note';

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header cell of the template. */
  header: string;
  /** How errors name the column. */
  label: string;
  /** A sheet without this column cannot be imported. */
  required: boolean;
  /** Other headers accepted for the column (compared without spaces and punctuation). */
  aliases: readonly string[];
}

/** The column layout, in template order (template.ts explains each column to people). */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'agency', header: '受理单位（统一社会信用代码或单位全称）', label: '受理单位', required: true, aliases: ['受理单位', '受理机关'] },
  { key: 'requesterKind', header: '申请人类型', label: '申请人类型', required: true, aliases: [] },
  { key: 'requesterName', header: '申请人姓名或名称', label: '申请人姓名或名称', required: true, aliases: ['申请人', '申请人姓名', '申请人名称'] },
  { key: 'identity', header: '证件号码或统一社会信用代码', label: '证件号码或统一社会信用代码', required: false, aliases: ['证件号码', '统一社会信用代码', '身份证号码'] },
  { key: 'contact', header: '联系方式', label: '联系方式', required: false, aliases: ['联系电话'] },
  { key: 'description', header: '申请内容', label: '申请内容', required: true, aliases: ['所需政府信息', '申请公开的内容'] },
  { key: 'channel', header: '申请渠道', label: '申请渠道', required: true, aliases: ['申请方式'] },
  { key: 'receivedOn', header: '收到申请日期', label: '收到申请日期', required: true, aliases: ['收到申请之日', '受理日期'] },
  { key: 'clarificationRequestedOn', header: '补正通知日期', label: '补正通知日期', required: false, aliases: ['告知补正日期'] },
  { key: 'clarifiedOn', header: '收到补正日期', label: '收到补正日期', required: false, aliases: [] },
  { key: 'extensionDays', header: '延期天数', label: '延期天数', required: false, aliases: ['延长天数', '延期工作日'] },
  { key: 'repliedOn', header: '答复日期（办结日期）', label: '答复日期（办结日期）', required: true, aliases: ['答复日期', '办结日期'] },
  { key: 'outcome', header: '办理结果', label: '办理结果', required: true, aliases: [] },
  { key: 'note', header: '备注', label: '备注', required: false, aliases: [] },
];

/** A cell as the file reader gives it: text, a number, an Excel date, or nothing. */
export type ImportCell = string | number | boolean | Date | null | undefined;

/** 办理结果 of an imported row: a report outcome row, or a withdrawal (counted under 三（六）3). */
export type ImportOutcome = Outcome | 'withdrawn';

/** One good row: what the sheet says, the timeline it implies and the columns cached from it. */
export interface ImportRow {
  /** Row number in the sheet (the header is row 1). */
  row: number;
  agencyId: number;
  requesterKind: RequesterKind;
  requesterName: string;
  idType: 'idCard' | 'other' | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  description: string;
  channel: Channel;
  receivedOn: IsoDate;
  clarificationRequestedOn: IsoDate | null;
  clarifiedOn: IsoDate | null;
  extensionDays: number | null;
  repliedOn: IsoDate | null;
  outcome: ImportOutcome | null;
  note: string | null;
  events: RequestEvent[];
  state: RequestState;
  /** The report row (withdrawn → other.other); null while open. */
  reportOutcome: Outcome | null;
  handledOn: IsoDate | null;
  dueDate: IsoDate | null;
}

export interface ImportError {
  row: number;
  /** The column's label, or null for a row-level error (duplicate, procedure rule). */
  column: string | null;
  /** What is wrong, without the position. */
  detail: string;
  /** The full Chinese sentence: 第5行“收到申请日期”：不是有效的日期. */
  message: string;
}

/** The file as a whole cannot be imported (empty, unreadable, too many rows). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export interface ImportOptions {
  /** Today in Beijing: no date may be later. */
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** The id of the agency the cell names, or null when unknown or not the actor's to handle. */
  resolveAgency(text: string): number | null;
}

export interface ImportParse {
  rows: ImportRow[];
  errors: ImportError[];
  /** Data rows found (header, explanation row and empty rows not counted). */
  dataRows: number;
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

function blank(cell: ImportCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text of a cell, trimmed (full-width spaces too). */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    // Most cells need no trimming; the check is much cheaper than the replace.
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(cell.length - 1);
    if (first > 0x20 && last > 0x20 && first !== 0x3000 && last !== 0x3000 && first !== 0xa0 && last !== 0xa0) return cell;
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' for a real date of years 1900–9999, else null. */
function isoOf(year: number, month: number, day: number): IsoDate | null {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  if (year < 1900 || year > 9999 || last === undefined || day < 1 || day > last) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000;

/**
 * A date cell: 2025-01-24, 2025/1/24, 2025.1.24, 2025年1月24日, 20250124 (a time after it is
 * ignored), an Excel date cell, or an Excel serial day number. Null when it is none of these
 * or not a real date.
 */
export function parseImportDate(cell: ImportCell): IsoDate | null {
  if (typeof cell === 'string') {
    // A column repeats a few hundred dates thousands of times: remember each text as written.
    let date = dateCache.get(cell);
    if (date === undefined) {
      date = parseDateText(cell);
      if (dateCache.size >= 10_000) dateCache.clear();
      dateCache.set(cell, date);
    }
    return date;
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // exceljs gives the day shown in the cell as midnight UTC.
    return isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231) {
      return isoOf(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    }
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return null;
    return new Date((EXCEL_EPOCH_DAY + Math.floor(cell)) * 86_400_000).toISOString().slice(0, 10);
  }
  return parseDateText(cellText(cell));
}

const dateCache = new Map<string, IsoDate | null>();

function parseDateText(written: string): IsoDate | null {
  const text = cellText(written).normalize('NFKC');
  if (text.length === 10 && text[4] === '-' && text[7] === '-') {
    return isoOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  }
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Text compared for names: NFKC, no spaces or punctuation, lower case. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

function lookup<K extends string>(names: readonly (readonly [K, readonly string[]])[]): (text: string) => K | null {
  const map = new Map<string, K>();
  for (const [key, list] of names) for (const name of list) map.set(compact(name), key);
  // The same few spellings recur on every row: remember each as written.
  const seen = new Map<string, K | null>();
  return (text) => {
    let key = seen.get(text);
    if (key === undefined) {
      key = map.get(compact(text)) ?? null;
      if (seen.size >= 1000) seen.clear();
      seen.set(text, key);
    }
    return key;
  };
}

// ---------------------------------------------------------------------------------------------
// Requester kind, channel, outcome
// ---------------------------------------------------------------------------------------------

/** 申请人类型 as written in the sheet; the first name of each is the template's. */
export const REQUESTER_KIND_NAMES: readonly (readonly [RequesterKind, readonly string[]])[] = [
  ['naturalPerson', ['自然人', '公民', '个人']],
  ['enterprise', ['商业企业', '企业', '公司']],
  ['research', ['科研机构']],
  ['nonprofit', ['社会公益组织', '公益组织']],
  ['legalService', ['法律服务机构', '律师事务所']],
  ['otherOrg', ['其他组织', '其他']],
];
const kindOf = lookup(REQUESTER_KIND_NAMES);

/** 申请渠道 as written in the sheet; the first name of each is the template's. */
export const CHANNEL_NAMES: readonly (readonly [Channel, readonly string[]])[] = [
  ['online', ['网上申请', '网上', '网络申请', '互联网', '在线申请', '政府网站', CHANNEL_LABELS.online]],
  ['inPerson', ['当面申请', '当面', '当面提交', '现场申请', '窗口申请', CHANNEL_LABELS.inPerson]],
  ['postSigned', ['信函', '邮寄', '挂号信', '快递', 'EMS', '信函申请', '邮寄申请', CHANNEL_LABELS.postSigned]],
  ['postOrdinary', ['平常信函', '平信', '普通信函', CHANNEL_LABELS.postOrdinary]],
  ['fax', ['传真', '传真申请', CHANNEL_LABELS.fax]],
  ['email', ['电子邮件', '电子邮件申请', '邮件', 'email', 'e-mail', CHANNEL_LABELS.email]],
  ['oral', ['口头申请', '口头', CHANNEL_LABELS.oral]],
];
const channelOf = lookup(CHANNEL_NAMES);

/** Outcome keys of the report in table order, then withdrawn: what OUTCOME_CHOICES lists. */
export const IMPORT_OUTCOMES: readonly ImportOutcome[] = [...OUTCOME_ROWS_2021, 'withdrawn'];

/** The value offered in the template's list for each outcome (group - name of the report row). */
export const OUTCOME_CHOICES: Readonly<Record<ImportOutcome, string>> = {
  granted: '予以公开',
  partial: '部分公开',
  'withheld.stateSecret': '不予公开-属于国家秘密',
  'withheld.forbiddenByLaw': '不予公开-其他法律行政法规禁止公开',
  'withheld.endangersSecurity': '不予公开-危及“三安全一稳定”',
  'withheld.thirdPartyRights': '不予公开-保护第三方合法权益',
  'withheld.internalAffairs': '不予公开-属于三类内部事务信息',
  'withheld.processInfo': '不予公开-属于四类过程性信息',
  'withheld.enforcementFile': '不予公开-属于行政执法案卷',
  'withheld.inquiryMatter': '不予公开-属于行政查询事项',
  'unavailable.notHeld': '无法提供-本机关不掌握相关政府信息',
  'unavailable.needsCreation': '无法提供-没有现成信息需要另行制作',
  'unavailable.stillUnclear': '无法提供-补正后申请内容仍不明确',
  'notProcessed.petition': '不予处理-信访举报投诉类申请',
  'notProcessed.repeated': '不予处理-重复申请',
  'notProcessed.publication': '不予处理-要求提供公开出版物',
  'notProcessed.excessive': '不予处理-无正当理由大量反复申请',
  'notProcessed.confirmOrReissue': '不予处理-要求行政机关确认或重新出具已获取信息',
  'other.noClarification': '其他处理-申请人无正当理由逾期不补正',
  'other.feeUnpaid': '其他处理-申请人逾期未缴纳费用',
  'other.other': '其他处理-其他',
  withdrawn: '撤回',
};

/** Short forms accepted besides the report's own labels (matched with one slip tolerated). */
const OUTCOME_ALIASES: Readonly<Partial<Record<ImportOutcome, readonly string[]>>> = {
  granted: ['公开', '同意公开', '全部公开'],
  'withheld.stateSecret': ['国家秘密', '涉密'],
  'withheld.forbiddenByLaw': ['法律行政法规禁止公开', '法律法规禁止公开'],
  'withheld.endangersSecurity': ['三安全一稳定'],
  'withheld.thirdPartyRights': ['第三方合法权益', '涉及第三方合法权益'],
  'withheld.internalAffairs': ['内部事务信息', '内部事务'],
  'withheld.processInfo': ['过程性信息'],
  'withheld.enforcementFile': ['行政执法案卷', '执法案卷'],
  'withheld.inquiryMatter': ['行政查询事项'],
  'unavailable.notHeld': ['本机关不掌握', '不掌握'],
  'unavailable.needsCreation': ['需要另行制作', '没有现成信息'],
  'unavailable.stillUnclear': ['补正后仍不明确', '仍不明确'],
  'notProcessed.petition': ['信访举报投诉', '信访'],
  'notProcessed.publication': ['公开出版物'],
  'notProcessed.excessive': ['大量反复申请'],
  'notProcessed.confirmOrReissue': ['确认或重新出具已获取信息', '重新出具'],
  'other.noClarification': ['申请人无正当理由逾期不补正', '申请人逾期不补正', '逾期不补正', '逾期未补正'],
  'other.feeUnpaid': ['申请人逾期未按收费通知要求缴纳费用', '申请人逾期未缴纳费用', '逾期未缴纳费用', '逾期未缴费'],
  withdrawn: ['撤回', '申请人撤回', '撤回申请', '申请人撤回申请'],
};

const REPORT_NAMES = new Map(section3Specs('2021').map((spec) => [spec.key as string, spec.names]));
const OUTCOME_SPECS: readonly LabelSpec<ImportOutcome>[] = IMPORT_OUTCOMES.map((key) => ({
  key,
  names: [...(REPORT_NAMES.get(key) ?? []), ...(OUTCOME_ALIASES[key] ?? [])],
}));

const GROUPS: Readonly<Record<string, readonly Outcome[]>> = {
  一: ['granted'],
  二: ['partial'],
  三: OUTCOME_ROWS_2021.filter((k) => k.startsWith('withheld.')),
  四: OUTCOME_ROWS_2021.filter((k) => k.startsWith('unavailable.')),
  五: OUTCOME_ROWS_2021.filter((k) => k.startsWith('notProcessed.')),
  六: OUTCOME_ROWS_2021.filter((k) => k.startsWith('other.')),
};
const GROUP_NAMES = new Set(['不予公开', '无法提供', '不予处理', '其他处理']);

/** “三（三）1”, “(三)1”, “三三1”: the row reference clerks use, with what follows it. */
function parseRef(text: string): { key: Outcome | null; rest: string } | null {
  const m = /^三?\(([一二三四五六])\)(\d{1,2})?[.、]?/.exec(text) ?? /^三([一二三四五六])(\d{1,2})?$/.exec(text);
  if (!m) return null;
  const keys = GROUPS[m[1] as string] ?? [];
  const item = m[2] === undefined ? null : Number(m[2]);
  const key = keys.length === 1 ? (item === null || item === 1 ? keys[0]! : null) : item === null ? null : keys[item - 1] ?? null;
  return { key, rest: text.slice(m[0].length) };
}

/**
 * 办理结果 as written: the report's row labels (“予以公开”, “属于国家秘密”, “本机关不掌握相关
 * 政府信息”, …) with or without their group (“不予公开-国家秘密”), row references (“三（三）1”),
 * short forms, one slip in longer names, a label cut off with “…”, and 撤回.
 */
export function matchImportOutcome(text: string): { outcome: ImportOutcome } | { error: string } {
  const shown = text.trim();
  const normal = shown.normalize('NFKC').replace(/\s/g, '');
  const truncated = /(…|⋯|\.\.\.)$/.test(normal);
  const ref = parseRef(normal);
  if (ref) {
    if (ref.key === null) return { error: `“${shown}”不是年报表格中的办理结果序号` };
    if (ref.rest !== '') {
      const named = matchLabel(ref.rest, OUTCOME_SPECS);
      if (named.kind === 'match' && named.key !== ref.key) return { error: `序号与名称不一致：“${shown}”` };
    }
    return { outcome: ref.key };
  }
  const key = compactLabel(normal);
  if (GROUP_NAMES.has(key)) {
    return { error: `“${shown}”是一类办理结果，请写明具体情形，如“${key}-${key === '不予公开' ? '属于国家秘密' : key === '无法提供' ? '本机关不掌握相关政府信息' : key === '不予处理' ? '重复申请' : '其他'}”` };
  }
  const found = matchLabel(normal, OUTCOME_SPECS);
  if (found.kind === 'match') return { outcome: found.key };
  if (truncated && key.length >= 4) {
    const keys = OUTCOME_SPECS.filter((s) => s.names.some((n) => compactLabel(n).startsWith(key))).map((s) => s.key);
    if (keys.length === 1) return { outcome: keys[0]! };
  }
  return { error: `无法识别“${shown}”，请填写年报表格中的办理结果，如“予以公开”“不予公开-属于国家秘密”或“三（三）1”` };
}

// A sheet repeats a handful of spellings thousands of times; fuzzy matching each costs ~50 µs.
const outcomeCache = new Map<string, ReturnType<typeof matchImportOutcome>>();
function cachedOutcome(text: string): ReturnType<typeof matchImportOutcome> {
  let result = outcomeCache.get(text);
  if (result === undefined) {
    result = matchImportOutcome(text);
    if (outcomeCache.size >= 1000) outcomeCache.clear();
    outcomeCache.set(text, result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

function headerKey(text: string): ImportColumnKey | null {
  const full = compact(text);
  const base = compact(text.replace(/[（(].*$/, ''));
  for (const column of IMPORT_COLUMNS) {
    const names = [column.header, column.header.replace(/（.*$/, ''), ...column.aliases].map(compact);
    if (names.includes(full) || names.includes(base)) return column.key;
  }
  return null;
}

interface Layout {
  headerRow: number;
  index: Partial<Record<ImportColumnKey, number>>;
}

/** Finds the header among the first rows (a title row above it is allowed). */
function findLayout(sheet: readonly (readonly ImportCell[] | undefined)[], errors: ImportError[]): Layout | null {
  for (let r = 0; r < Math.min(sheet.length, 5); r++) {
    const cells = sheet[r] ?? [];
    const keys = cells.map((c) => (typeof c === 'string' ? headerKey(c) : null));
    if (keys.filter((k) => k !== null).length < 3) continue;
    const index: Partial<Record<ImportColumnKey, number>> = {};
    const headerRow = r + 1;
    const position = `第${headerRow}行（表头）`;
    keys.forEach((key, i) => {
      if (key === null) return;
      const column = IMPORT_COLUMNS.find((c) => c.key === key)!;
      if (index[key] !== undefined) {
        errors.push(fileError(headerRow, `${position}：“${column.label}”列出现了两次（第${index[key]! + 1}列和第${i + 1}列）`));
      } else index[key] = i;
    });
    for (const column of IMPORT_COLUMNS) {
      if (column.required && index[column.key] === undefined) errors.push(fileError(headerRow, `${position}：缺少“${column.label}”列`));
    }
    return { headerRow, index };
  }
  errors.push(fileError(1, '第1行（表头）：不是导入模板的表头，请下载导入模板，按第1行的列名填写'));
  return null;
}

function fileError(row: number, message: string): ImportError {
  return { row, column: null, detail: message, message };
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const KIND_LIST = '自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他组织';
const CHANNEL_LIST = '网上申请、当面申请、信函、平常信函、传真、电子邮件或口头申请';
const PHONE = /^[0-9+\-() ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function kindLabel(kind: RequesterKind): string {
  return kind === 'otherOrg' ? '其他组织' : SECTION3_COLUMN_LABELS[kind];
}

/**
 * Same requester, for duplicates: the ID or credit code when given, else the name (spaces
 * ignored). Exported so that the service compares rows already stored the same way.
 */
export function importDuplicateKey(r: { agencyId: number; idNumber: string | null; creditCode: string | null; requesterName: string; description: string; receivedOn: IsoDate }): string {
  const who = r.creditCode ? `org:${r.creditCode}` : r.idNumber ? `id:${r.idNumber.toUpperCase()}` : `name:${withoutSpaces(r.requesterName)}`;
  return `${r.agencyId}\u0000${who}\u0000${withoutSpaces(r.description)}\u0000${r.receivedOn}`;
}

const SPACE = /\s/;
/** The text without white space; most texts have none, and the test is cheaper than the copy. */
function withoutSpaces(text: string): string {
  return SPACE.test(text) ? text.replace(/\s/g, '') : text;
}

const LABELS = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.label])) as Record<ImportColumnKey, string>;
const ok = <T>(v: T | false): v is T => v !== false;

/**
 * Reads data rows one at a time. A class rather than closures per row: an import reads up to
 * 200,000 rows, and functions created per row show in the profile. Dates are validated
 * 'YYYY-MM-DD' strings, so comparing them as strings orders them.
 */
class RowReader {
  row = 0;
  cells: readonly ImportCell[] = [];
  private readonly todayText: string;

  constructor(
    private readonly layout: Layout,
    private readonly options: ImportOptions,
    private readonly errors: ImportError[],
  ) {
    this.todayText = formatChineseDate(options.today);
  }

  cell(key: ImportColumnKey): ImportCell {
    const i = this.layout.index[key];
    return i === undefined ? null : this.cells[i];
  }

  fail(key: ImportColumnKey, detail: string): void {
    const column = LABELS[key];
    this.errors.push({ row: this.row, column, detail, message: `第${this.row}行“${column}”：${detail}` });
  }

  text(key: ImportColumnKey, max: number, required: boolean): string | null {
    const value = cellText(this.cell(key));
    if (value === '') {
      if (required) this.fail(key, '未填写');
      return null;
    }
    if (value.length > max) {
      this.fail(key, `不能超过${max}个字`);
      return null;
    }
    return value;
  }

  /** A date, null when blank (and not required), false when wrong (the error is pushed). */
  date(key: ImportColumnKey, required: boolean): IsoDate | null | false {
    const raw = this.cell(key);
    if (blank(raw)) {
      if (required) this.fail(key, '未填写');
      return required ? false : null;
    }
    const value = parseImportDate(raw);
    if (value === null) this.fail(key, '不是有效的日期');
    else if (value > this.options.today) this.fail(key, `不能晚于今天（${this.todayText}）`);
    else return value;
    return false;
  }

  /** The row's values, or null when any cell or rule is wrong (the errors are pushed). */
  read(row: number, cells: readonly ImportCell[]): ImportRow | null {
    this.row = row;
    this.cells = cells;
    const before = this.errors.length;
    const agencyText = this.text('agency', 200, true);
    const agencyId = agencyText === null ? null : this.options.resolveAgency(agencyText);
    if (agencyText !== null && agencyId === null) this.fail('agency', `找不到“${agencyText}”，或您无权办理该单位的申请`);
    const kindText = this.text('requesterKind', 50, true);
    const requesterKind = kindText === null ? null : kindOf(kindText);
    if (kindText !== null && requesterKind === null) this.fail('requesterKind', `应为${KIND_LIST}，填写的是“${kindText}”`);
    const requesterName = this.text('requesterName', 200, true);
    const identity = requesterKind === null ? null : this.identity(requesterKind);
    const contact = this.contact();
    const description = this.text('description', 5000, true);
    const channelText = this.text('channel', 50, true);
    const channel = channelText === null ? null : channelOf(channelText);
    if (channelText !== null && channel === null) this.fail('channel', `应为${CHANNEL_LIST}，填写的是“${channelText}”`);
    const receivedOn = this.date('receivedOn', true);
    const noticeOn = this.date('clarificationRequestedOn', false);
    const clarifiedOn = this.date('clarifiedOn', false);
    const extensionDays = this.extensionDays();
    const repliedOn = this.date('repliedOn', false);
    let outcome: ImportOutcome | null | false = null;
    if (!blank(this.cell('outcome'))) {
      const matched = cachedOutcome(cellText(this.cell('outcome')));
      if ('error' in matched) this.fail('outcome', matched.error);
      outcome = 'error' in matched ? false : matched.outcome;
    }
    const note = this.text('note', 2000, false);

    // Across columns, each rule only where the cells it reads are good.
    if (ok(receivedOn) && receivedOn !== null && ok(noticeOn) && ok(clarifiedOn) && ok(repliedOn)) {
      if (clarifiedOn !== null && noticeOn === null) this.fail('clarificationRequestedOn', '填写了收到补正日期，须同时填写补正通知日期');
      if (noticeOn !== null && noticeOn < receivedOn) this.fail('clarificationRequestedOn', '早于收到申请日期');
      if (clarifiedOn !== null && noticeOn !== null && clarifiedOn < noticeOn) this.fail('clarifiedOn', '早于补正通知日期');
      if (repliedOn !== null) {
        if (repliedOn < receivedOn) this.fail('repliedOn', '早于收到申请日期');
        else if (clarifiedOn !== null && repliedOn < clarifiedOn) this.fail('repliedOn', '早于收到补正日期');
        else if (noticeOn !== null && repliedOn < noticeOn) this.fail('repliedOn', '早于补正通知日期');
      }
      if (ok(outcome)) {
        if (outcome !== null && repliedOn === null) this.fail('repliedOn', '填写了办理结果，须同时填写答复日期（办结日期）');
        if (outcome === null && repliedOn !== null) this.fail('outcome', '填写了答复日期，须同时填写办理结果');
        if (outcome === 'other.noClarification') {
          if (noticeOn === null) this.fail('clarificationRequestedOn', '办理结果为“申请人逾期不补正”的，须填写补正通知日期');
          if (clarifiedOn !== null) this.fail('clarifiedOn', '已收到补正的申请，办理结果不能是“申请人逾期不补正”');
        } else if (noticeOn !== null && clarifiedOn === null && outcome !== null && outcome !== 'withdrawn') {
          this.fail('clarifiedOn', '已告知补正的申请，收到补正后才能作出答复，请填写收到补正日期；申请人未补正的，办理结果应为“申请人逾期不补正”');
        }
        if (outcome === 'other.feeUnpaid' && feeAmount(note) === null) {
          this.fail('note', '办理结果为“申请人逾期未缴纳费用”的，须在备注中写明收费通知的金额，如“收费200元”');
        }
      }
      if (extensionDays !== null && ok(extensionDays) && noticeOn !== null && clarifiedOn === null) {
        this.fail('extensionDays', '申请人未补正的申请不能延期答复（答复期限自收到补正之日起计算）');
      }
    }
    if (this.errors.length > before) return null;
    return {
      row, agencyId: agencyId!, requesterKind: requesterKind!, requesterName: requesterName!,
      idType: identity?.idType ?? null, idNumber: identity?.idNumber ?? null, creditCode: identity?.creditCode ?? null,
      phone: contact.phone, email: contact.email, address: contact.address, description: description!, channel: channel!,
      receivedOn: receivedOn as IsoDate, clarificationRequestedOn: noticeOn as IsoDate | null, clarifiedOn: clarifiedOn as IsoDate | null,
      extensionDays: extensionDays as number | null, repliedOn: repliedOn as IsoDate | null, outcome: outcome as ImportOutcome | null, note,
      // Filled in by parseImportSheet; present from the start so every row has one shape.
      events: [], state: 'registered', reportOutcome: null, handledOn: null, dueDate: null,
    };
  }

  /** 延期天数: a whole number of working days, 1–20 (“10”, “10天”, “10个工作日”). */
  private extensionDays(): number | null | false {
    const raw = this.cell('extensionDays');
    if (blank(raw)) return null;
    const m = typeof raw === 'number' ? null : /^(\d+)\s*(?:个?工作日|天|日)?$/.exec(cellText(raw).normalize('NFKC'));
    const days = typeof raw === 'number' ? raw : m ? Number(m[1]) : NaN;
    if (Number.isInteger(days) && days >= 1 && days <= MAX_EXTENSION_WORKING_DAYS) return days;
    this.fail('extensionDays', '应为1至20之间的整数（第三十三条第二款：延长的期限最长不得超过20个工作日）');
    return false;
  }

  /** 证件号码或统一社会信用代码, as the requester kind requires. */
  private identity(kind: RequesterKind): { idType: 'idCard' | 'other' | null; idNumber: string | null; creditCode: string | null } | null {
    const raw = this.cell('identity');
    const bad = (detail: string) => {
      this.fail('identity', detail);
      return null;
    };
    const lost = '号码被Excel当作数字保存，末几位已经丢失：请把该列设为“文本”格式后重新填写';
    if (typeof raw === 'number' && (!Number.isSafeInteger(raw) || String(raw).length > 15)) return bad(lost);
    const text = cellText(raw);
    const value = /^[0-9A-Za-z]*$/.test(text) ? text.toUpperCase() : normalizeCreditCode(text.normalize('NFKC'));
    if (/^\d(\.\d+)?E\+?\d+$/.test(value)) return bad(lost);
    if (kind === 'naturalPerson') {
      if (value === '') return { idType: null, idNumber: null, creditCode: null };
      if (value.length > 40) return bad('不能超过40个字符');
      if (isValidIdCardNumber(value)) return { idType: 'idCard', idNumber: value, creditCode: null };
      if (isValidCreditCode(value)) return bad('申请人类型为自然人，应填写身份证件号码，不能填写统一社会信用代码');
      if (/^\d{17}[\dX]$/.test(value)) return bad('不是有效的居民身份证号码（末位校验码不符）');
      return { idType: 'other', idNumber: value, creditCode: null };
    }
    // Optional for organisations too: older registers often lack it. Given, it must fit the kind.
    if (value === '') return { idType: null, idNumber: null, creditCode: null };
    const name = kindLabel(kind);
    if (isValidCreditCode(value)) return { idType: null, idNumber: null, creditCode: value };
    if (isValidIdCardNumber(value)) return bad(`申请人类型为${name}，应填写统一社会信用代码，不能填写身份证号码`);
    return bad('不是有效的统一社会信用代码');
  }

  /** 联系方式: phone, e-mail and address, separated by ；or ; — each recognised by its form. */
  private contact() {
    const result = { phone: null as string | null, email: null as string | null, address: null as string | null };
    const text = this.text('contact', 300, false);
    if (text === null) return result;
    const rest: string[] = [];
    for (const part of text.split(/[；;]/)) {
      const plain = part.trim().normalize('NFKC');
      if (plain === '') continue;
      if (result.phone === null && PHONE.test(plain)) result.phone = plain;
      else if (result.email === null && EMAIL.test(plain) && plain.length <= 200) result.email = plain;
      else rest.push(part.trim());
    }
    if (rest.length) result.address = rest.join('；');
    return result;
  }
}

function isTemplateNote(cells: readonly ImportCell[] | undefined): boolean {
  return (cells ?? []).some((c) => typeof c === 'string' && /^\s*【?填写说明/.test(c));
}

/**
 * Checks a whole sheet (rows of cells; the first row the header, or up to four title rows
 * above it; the template's explanation row right below the header is skipped) and returns
 * every good row with its timeline and cached columns, and every error in row order. Throws
 * ImportFileError when there are no data rows or more than MAX_IMPORT_ROWS.
 */
export function parseImportSheet(sheet: readonly (readonly ImportCell[] | undefined)[], options: ImportOptions): ImportParse {
  const errors: ImportError[] = [];
  const layout = findLayout(sheet, errors);
  if (layout === null) return { rows: [], errors, dataRows: 0 };
  const first = layout.headerRow + (isTemplateNote(sheet[layout.headerRow]) ? 1 : 0);
  const indexes: number[] = [];
  for (let i = first; i < sheet.length; i++) if ((sheet[i] ?? []).some((c) => !blank(c))) indexes.push(i);
  if (indexes.length === 0) throw new ImportFileError('文件中没有可导入的数据行（第1行为表头，数据从表头的下一行开始）');
  if (indexes.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(`文件有${indexes.length}行数据，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`);
  }
  if (errors.length) return { rows: [], errors, dataRows: indexes.length };

  const reader = new RowReader(layout, options, errors);
  const timelines = new ImportTimelines(options);
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const i of indexes) {
    const row = i + 1;
    const parsed = reader.read(row, sheet[i] ?? []);
    if (parsed === null) continue;
    const key = importDuplicateKey(parsed);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const message = `第${row}行：与第${earlier}行重复（受理单位、申请人、申请内容和收到申请日期均相同）`;
      errors.push({ row, column: null, detail: message, message });
      continue;
    }
    seen.set(key, row);
    try {
      timelines.fill(parsed);
      rows.push(parsed);
    } catch (error) {
      if (!(error instanceof RequestRuleError) && !(error instanceof CalendarNotCoveredError)) throw error;
      const message = `第${row}行：${error.message}`;
      errors.push({ row, column: null, detail: error.message, message });
    }
  }
  return { rows, errors, dataRows: indexes.length };
}
