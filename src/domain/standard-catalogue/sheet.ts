/**
 * Reading a standard disclosure catalogue table (基层政务公开标准目录) in the layout the State
 * Council's 26 领域 guidelines publish it: a title row, two header rows with merged cells —
 *
 *   序号 | 公开事项（一级事项 | 二级事项） | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体 |
 *   公开渠道和载体（政府网站 | 政府公报 | 两微一端 | … | 其他） | 公开对象（全社会 | 特定群众） |
 *   公开方式（主动 | 依申请） | 公开层级（县级 | 乡级）
 *
 * — and one row per matter, the marked attributes with √. The sheet arrives as rows of cells in
 * which every cell of a merged range holds the range's value (the reader fills them), so a
 * 一级事项 merged down over its 二级事项 rows is read on each of them, and a parent header over
 * its sub-columns names each of them.
 *
 * The whole sheet is checked first: every error is listed (row, column, what is wrong), and the
 * caller imports nothing while there is one.
 */
import {
  channelOfHeader, CHANNELS, FLAG_LABELS, normalizeLabel, type ChannelKey, type FlagKey, type MatterFlags,
} from './vocabulary.js';

/** A cell as a spreadsheet reader gives it. */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** Most matters one file may hold (a 领域 table has dozens; a township's whole catalogue a few hundred). */
export const MAX_MATTERS = 5000;
/** Rows searched for the header (title rows and notes may stand above it). */
const HEADER_SEARCH_ROWS = 10;

export const FIELD_LIMITS = { level: 200, content: 5000, legalBasis: 5000, timeLimit: 300, responsibleBody: 300, otherChannel: 300 } as const;

/** One matter as read from the sheet. */
export interface MatterDraft {
  /** The sheet row (1 = the first row), for messages. */
  row: number;
  firstLevel: string;
  /** '' when the table has no second level. */
  secondLevel: string;
  content: string;
  legalBasis: string | null;
  timeLimit: string | null;
  responsibleBody: string | null;
  channels: ChannelKey[];
  otherChannel: string | null;
  flags: MatterFlags;
}

export interface SheetError {
  /** Sheet row (1-based), or null for the file as a whole. */
  row: number | null;
  message: string;
}

export interface CatalogueSheet {
  /** The title above the header, e.g. 义务教育领域基层政务公开标准目录. */
  title: string | null;
  /** The 领域 the title names, e.g. 义务教育. */
  domain: string | null;
  matters: MatterDraft[];
  errors: SheetError[];
  /** Rows that hold a matter (or should: blank, title and note rows are not counted). */
  dataRows: number;
}

type TextField = 'first' | 'second' | 'content' | 'basis' | 'time' | 'body';
type Role =
  | { kind: 'text'; field: TextField; label: string }
  | { kind: 'channel'; key: ChannelKey; label: string; known: boolean }
  | { kind: 'channelText'; label: string }
  | { kind: 'flag'; key: FlagKey; label: string }
  | { kind: 'flagText'; group: 'audience' | 'manner' | 'level'; label: string };

/** The text of a cell: trimmed, dates as YYYY-MM-DD, nothing for blanks. */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).replace(/\r\n?/g, '\n').trim();
}

const FIELD_OF: Array<[RegExp, TextField]> = [
  [/公开内容|内容要素|^内容/, 'content'],
  [/公开依据|^依据/, 'basis'],
  [/公开时限|^时限/, 'time'],
  [/公开主体|^主体|责任(单位|主体)/, 'body'],
];
const LABEL_OF: Record<TextField, string> = {
  first: '一级事项', second: '二级事项', content: '公开内容（要素）', basis: '公开依据', time: '公开时限', body: '公开主体',
};

/** The sub-column labels of the second header row. */
const SUB_LABELS = /^(一级事项|二级事项|一级|二级|全社会|特定群众|特定群体|主动|主动公开|依申请|依申请公开|县级|乡级|乡镇级|乡\(镇\)级|县\(区\)级)$/;

/** Every spelling of a channel sub-column, exactly (a data cell may mention a channel in passing). */
const CHANNEL_LABELS = new Set(Object.values(CHANNELS).flatMap((c) => c.aliases.map(normalizeLabel)));

/**
 * A second (or third) header row: it names at least two known sub-columns, and under the
 * header's plain columns (公开内容, 公开依据 …) it is blank or repeats the header (a vertical
 * merge) — a data row has its own text there, even one that says 全社会 and 主动 in words.
 */
function isSubHeaderRow(cells: readonly SheetCell[] | undefined, header: readonly SheetCell[]): boolean {
  if (!cells) return false;
  let known = 0;
  for (const [c, cell] of cells.entries()) {
    const t = normalizeLabel(cellText(cell));
    if (SUB_LABELS.test(t) || CHANNEL_LABELS.has(t)) known++;
    const above = normalizeLabel(cellText(header[c]));
    if (t && t !== above && FIELD_OF.some(([re]) => re.test(above))) return false;
  }
  return known >= 2;
}

function isHeaderRow(cells: readonly SheetCell[] | undefined): boolean {
  if (!cells) return false;
  const texts = cells.map((c) => normalizeLabel(cellText(c)));
  return texts.some((t) => /^(公开事项|事项名称|一级事项)/.test(t)) && texts.some((t) => t.includes('公开内容'));
}

function flagOf(group: 'audience' | 'manner' | 'level', leaf: string): FlagKey | null {
  if (group === 'audience') return leaf.includes('全社会') ? 'audiencePublic' : leaf.includes('特定') ? 'audienceSpecific' : null;
  if (group === 'manner') return leaf.includes('依申请') ? 'mannerOnRequest' : leaf.includes('主动') ? 'mannerProactive' : null;
  return /县|区级|市级/.test(leaf) ? 'levelCounty' : /乡|镇|街道/.test(leaf) ? 'levelTownship' : null;
}

const GROUP_OF: Array<[RegExp, 'audience' | 'manner' | 'level']> = [[/公开对象/, 'audience'], [/公开方式/, 'manner'], [/公开层级/, 'level']];

/** The role of each column from the header row and the sub-header rows. */
function columnRoles(header: readonly SheetCell[], subs: ReadonlyArray<readonly SheetCell[] | undefined>, width: number): Map<number, Role> {
  const roles = new Map<number, Role>();
  let sawFirst = false;
  for (let c = 0; c < width; c++) {
    const parent = normalizeLabel(cellText(header[c]));
    const below = subs.map((row) => normalizeLabel(cellText(row?.[c]))).filter((t) => t !== '');
    const leaf = below.at(-1) ?? parent;
    const split = leaf !== parent;
    const leafRaw = cellText(subs.map((row) => row?.[c]).filter((x) => cellText(x) !== '').at(-1) ?? header[c]);
    if (!parent && !leaf) continue;
    if (/^序号/.test(parent)) continue;
    if (/^(一级事项|一级)$/.test(leaf)) {
      roles.set(c, { kind: 'text', field: 'first', label: '一级事项' });
      sawFirst = true;
      continue;
    }
    if (/^(二级事项|二级)$/.test(leaf)) {
      roles.set(c, { kind: 'text', field: 'second', label: '二级事项' });
      continue;
    }
    if (/^(公开事项|事项名称|一级事项)/.test(parent)) {
      // A merged 公开事项 without sub-headers: its first column is the first level, the next the second.
      if (!sawFirst) {
        roles.set(c, { kind: 'text', field: 'first', label: '一级事项' });
        sawFirst = true;
      } else {
        roles.set(c, { kind: 'text', field: 'second', label: '二级事项' });
      }
      continue;
    }
    const field = FIELD_OF.find(([re]) => re.test(parent))?.[1];
    if (field) {
      roles.set(c, { kind: 'text', field, label: LABEL_OF[field] });
      continue;
    }
    if (/公开渠道|载体/.test(parent)) {
      if (!split) roles.set(c, { kind: 'channelText', label: '公开渠道和载体' });
      else {
        const key = channelOfHeader(leaf);
        roles.set(c, { kind: 'channel', key: key ?? 'other', label: key ? CHANNELS[key].label : leafRaw, known: key !== null });
      }
      continue;
    }
    const group = GROUP_OF.find(([re]) => re.test(parent))?.[1];
    if (group) {
      const label = group === 'audience' ? '公开对象' : group === 'manner' ? '公开方式' : '公开层级';
      if (!split) roles.set(c, { kind: 'flagText', group, label });
      else {
        const key = flagOf(group, leaf);
        if (key) roles.set(c, { kind: 'flag', key, label: FLAG_LABELS[key] });
      }
    }
    // Any other column (备注, 责任科室 …) is not read.
  }
  return roles;
}

/** √ and its look-alikes; 是 / Y in tables typed without the symbol. */
const MARK = /^[√✓✔☑✅●■◆▲★✚+]|^(是|有|Y|YES)$/i;
const NO_MARK = /^(×|✗|✘|╳|否|无|不|N|NO|-|—|－|–|\/|0)$/i;

/** true (marked), false (blank or crossed) or null (something else is written). */
function markOf(text: string): boolean | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return false;
  if (MARK.test(t)) return true;
  if (NO_MARK.test(t)) return false;
  return null;
}

/** A row to skip: a title or note (one text over the whole row, or a 注/说明 line). */
function isBannerRow(texts: readonly string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return true;
  const same = filled.every((t) => t === filled[0]);
  return same && (filled.length >= 3 || /^(注|说明|备注|填表说明|附)/.test(filled[0]!));
}

/** The 领域 a title names: “义务教育领域基层政务公开标准目录” → 义务教育. */
export function domainOfTitle(title: string): string | null {
  const m = /([^\s：:（(，,、]{2,40}?)领域/.exec(title.normalize('NFKC').replace(/\s+/g, ''));
  // The template's placeholder (××领域…) names no 领域.
  return m && !/^[×xX*?_]+$/.test(m[1]!) ? m[1]! : null;
}

/** Reads the sheet (see the module comment). */
export function parseCatalogueSheet(rows: ReadonlyArray<readonly SheetCell[] | undefined>): CatalogueSheet {
  const errors: SheetError[] = [];
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex(isHeaderRow);
  if (headerIndex < 0) {
    errors.push({ row: null, message: `在前${HEADER_SEARCH_ROWS}行中找不到表头：标准目录应有“公开事项”“公开内容（要素）”“公开时限”“公开主体”等列（可下载导入模板对照）` });
    return { title: null, domain: null, matters: [], errors, dataRows: 0 };
  }
  let title: string | null = null;
  for (const cells of rows.slice(0, headerIndex)) {
    const text = (cells ?? []).map(cellText).find((t) => t !== '');
    if (text) {
      title = text;
      break;
    }
  }
  const subs: Array<readonly SheetCell[] | undefined> = [];
  for (let r = headerIndex + 1; r <= headerIndex + 2 && isSubHeaderRow(rows[r], rows[headerIndex]!); r++) subs.push(rows[r]);
  const dataStart = headerIndex + 1 + subs.length;
  const width = Math.max(0, ...[rows[headerIndex], ...subs].map((r) => r?.length ?? 0));
  const roles = columnRoles(rows[headerIndex]!, subs, width);
  const has = (field: TextField) => [...roles.values()].some((r) => r.kind === 'text' && r.field === field);
  for (const field of ['first', 'content'] as const) {
    if (!has(field)) errors.push({ row: headerIndex + 1, message: `表头中找不到“${field === 'first' ? '公开事项（一级事项）' : '公开内容（要素）'}”列` });
  }
  if (errors.length) return { title, domain: title ? domainOfTitle(title) : null, matters: [], errors, dataRows: 0 };

  const matters: MatterDraft[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let r = dataStart; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const texts = Array.from({ length: Math.max(width, cells.length) }, (_, c) => cellText(cells[c]));
    if (isBannerRow(texts)) continue;
    const row = r + 1;
    const text: Record<TextField, string> = { first: '', second: '', content: '', basis: '', time: '', body: '' };
    for (const [c, role] of roles) if (role.kind === 'text' && !text[role.field]) text[role.field] = texts[c] ?? '';
    // A header repeated on the next printed page.
    if (/^(一级事项|公开事项|事项名称)$/.test(normalizeLabel(text.first)) || normalizeLabel(text.content).startsWith('公开内容')) continue;
    dataRows++;
    if (dataRows > MAX_MATTERS) {
      errors.push({ row: null, message: `文件超过${MAX_MATTERS}个公开事项，请分成几个文件（如按领域）导入` });
      break;
    }
    const rowErrors: string[] = [];
    const flags: MatterFlags = { audiencePublic: false, audienceSpecific: false, mannerProactive: false, mannerOnRequest: false, levelCounty: false, levelTownship: false };
    const channels = new Set<ChannelKey>();
    const others: string[] = [];
    for (const [c, role] of roles) {
      const value = texts[c] ?? '';
      if (role.kind === 'channel') {
        const mark = markOf(value);
        if (mark === true) {
          channels.add(role.key);
          if (!role.known) others.push(role.label);
        } else if (mark === null) {
          // 其他 names its channel in words; so may a channel column (“√（村务公开栏）”).
          if (role.key === 'other') {
            channels.add('other');
            others.push(role.known ? value : `${role.label}：${value}`);
          } else rowErrors.push(`“${role.label}”列：无法识别“${value}”，适用的渠道请填“√”，不适用的留空`);
        }
      } else if (role.kind === 'channelText') {
        for (const part of value.split(/[、，,；;\/\n]+/).map((p) => p.trim()).filter(Boolean)) {
          const key = channelOfHeader(part);
          channels.add(key ?? 'other');
          if (!key || key === 'other') others.push(part);
        }
      } else if (role.kind === 'flag') {
        const mark = markOf(value);
        if (mark === null) rowErrors.push(`“${role.label}”列：无法识别“${value}”，适用的请填“√”，不适用的留空`);
        else if (mark) flags[role.key] = true;
      } else if (role.kind === 'flagText' && value) {
        const keys = value.split(/[、，,；;\/\s]+/).filter(Boolean).map((part) => flagOf(role.group, part));
        if (keys.some((k) => k === null)) rowErrors.push(`“${role.label}”列：无法识别“${value}”`);
        for (const k of keys) if (k) flags[k] = true;
      }
    }
    if (!text.first) rowErrors.push(text.second ? '一级事项：未填写（二级事项所属的一级事项）' : '一级事项：未填写');
    if (!text.content) rowErrors.push('公开内容（要素）：未填写');
    const tooLong = (field: TextField, max: number) => {
      if (text[field].length > max) rowErrors.push(`${LABEL_OF[field]}：不能超过${max}个字符（现有${text[field].length}个）`);
    };
    tooLong('first', FIELD_LIMITS.level);
    tooLong('second', FIELD_LIMITS.level);
    tooLong('content', FIELD_LIMITS.content);
    tooLong('basis', FIELD_LIMITS.legalBasis);
    tooLong('time', FIELD_LIMITS.timeLimit);
    tooLong('body', FIELD_LIMITS.responsibleBody);
    const otherChannel = others.length ? [...new Set(others)].join('、') : null;
    if (otherChannel && otherChannel.length > FIELD_LIMITS.otherChannel) rowErrors.push(`其他渠道：不能超过${FIELD_LIMITS.otherChannel}个字符`);
    const key = `${text.first}\u0000${text.second}`;
    const earlier = seen.get(key);
    if (text.first && earlier !== undefined) rowErrors.push(`与第${earlier}行的公开事项相同（${text.first}${text.second ? ` / ${text.second}` : ''}），同一事项只能出现一次`);
    else if (text.first) seen.set(key, row);
    if (rowErrors.length) {
      for (const message of rowErrors) errors.push({ row, message: `第${row}行 ${message}` });
      continue;
    }
    matters.push({
      row, firstLevel: text.first, secondLevel: text.second, content: text.content,
      legalBasis: text.basis || null, timeLimit: text.time || null, responsibleBody: text.body || null,
      channels: (Object.keys(CHANNELS) as ChannelKey[]).filter((k) => channels.has(k)), otherChannel, flags,
    });
  }
  if (dataRows === 0 && errors.length === 0) errors.push({ row: null, message: '表头下面没有公开事项' });
  return { title, domain: title ? domainOfTitle(title) : null, matters, errors, dataRows };
}
