/**
 * The rows of an import file checked without I/O: each record (records.ts) becomes the values
 * of one published item or a list of errors naming its row and field in Chinese. What needs the
 * database or the attachment files (stored index numbers, earlier imports, the files' content)
 * is checked by the service.
 */
import { isIsoDate } from '../../../domain/calendar/index.js';
import { normalizeDocumentNumber } from '../../../domain/publication/document-number.js';
import { parseIndexNumber } from '../../../domain/publication/index-number.js';
import { sanitizeHtml } from '../../../domain/publication/sanitize.js';
import { INFO_KINDS, isInfoKind, isSubjectCategory, type InfoKind } from '../../../domain/publication/vocabulary.js';
import type { Validity } from '../../../db/schema.js';
import { MAX_BODY_CHARS } from '../schemas.js';
import { bodyHtmlOf } from '../service.js';
import type { ImportFieldKey } from './fields.js';
import { rowError, type RawRecord, type RowError } from './records.js';

/** Most attachments one item may list. */
export const MAX_ATTACHMENTS_PER_ITEM = 100;
/** Longest stored index number (the column is varchar(60)). */
export const MAX_INDEX_NUMBER_CHARS = 60;

/** The values of one item, checked and normalised. */
export interface CheckedRow {
  row: number;
  label: string;
  title: string;
  columnId: number;
  infoKind: InfoKind;
  subjectCategory: string | null;
  issuingAgency: string;
  documentNumber: string | null;
  writtenDate: string | null;
  publishedDate: string;
  validity: Validity;
  indexNumber: string | null;
  /** Sanitised. */
  bodyHtml: string;
  /** Normalised relative paths of the attachment files, in the order given. */
  attachments: string[];
  sourceName: string | null;
  interpretsIndexNumber: string | null;
}

// ---- values -------------------------------------------------------------------------------

const DATE_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\d{1,2}[:时]\d{2}分?(?::\d{2})?)?$/;

/** 2022-03-05, 2022/3/5, 2022.3.5, 2022年3月5日 (a time after it is ignored) → '2022-03-05'; null when not a date. */
export function parseImportDate(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = DATE_SEPARATED.exec(s);
  const parts = m ? [m[1]!, m[3]!, m[4]!] : DATE_CHINESE.exec(s)?.slice(1, 4);
  if (!parts) return null;
  const iso = `${parts[0]}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const VALIDITY: Readonly<Record<string, Validity>> = {
  有效: 'valid', 现行有效: 'valid', valid: 'valid',
  已废止: 'repealed', 废止: 'repealed', repealed: 'repealed',
  已失效: 'expired', 失效: 'expired', expired: 'expired',
};

/** 有效 / 已废止 / 已失效 (or the keys); '' is valid; null when not one of them. */
export function parseValidity(text: string): Validity | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return s === '' ? 'valid' : VALIDITY[s] ?? null;
}

/** The glossary's short names, besides the labels and keys of INFO_KINDS. */
const INFO_KIND_ALIASES: Readonly<Record<string, InfoKind>> = {
  动态: 'news', 工作动态: 'news', 通知: 'notice', 公告: 'notice', 概况: 'overview', 文件: 'document',
  规范性文件: 'normative', 重要会议: 'meeting', 会议: 'meeting', 财政: 'fiscal', 解读: 'interpretation',
};

/** The info kind a cell names: a key, a label (政府文件) or a short name (文件); null otherwise. */
export function parseInfoKind(text: string): InfoKind | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  if (isInfoKind(s)) return s;
  if (isInfoKind(s.toLowerCase())) return s.toLowerCase() as InfoKind;
  const byLabel = (Object.entries(INFO_KINDS) as Array<[InfoKind, string]>).find(([, label]) => label === s);
  return byLabel ? byLabel[0] : INFO_KIND_ALIASES[s] ?? null;
}

/** The info kind of an item whose row gives none: what its column's kind publishes. */
export const INFO_KIND_OF_COLUMN_KIND: Readonly<Record<string, InfoKind>> = {
  news: 'news', notices: 'notice', policy: 'document', fiscal: 'fiscal', planning: 'planning',
  statistics: 'statistics', personnel: 'personnel', interpretation: 'interpretation', other: 'other',
};

/** Attachment paths of a cell: separated by ; ； | or line breaks. */
export function splitPaths(value: string | string[]): string[] {
  const parts = Array.isArray(value) ? value : value.split(/[;；|\r\n]/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * A relative path inside the ZIP (or the file's folder) in one form: '/' separators, no './'
 * or empty parts. An absolute path or one that climbs out with '..' is refused (a string).
 */
export function normalizeRelativePath(path: string): { path: string } | { error: string } {
  const s = path.normalize('NFC').replace(/\\/g, '/').trim();
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return { error: `“${path}”是绝对路径，应写相对于ZIP包根目录（或导入文件所在文件夹）的路径` };
  const parts = s.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { error: `“${path}”含有“..”，附件须在ZIP包（或导入文件所在文件夹）之内` };
  if (parts.length === 0) return { error: `“${path}”不是文件路径` };
  return { path: parts.join('/') };
}

/** The column a cell names, or why none. */
export type ColumnMatch = { id: number; kind: string } | { error: string };

export interface ColumnNode {
  id: number;
  parent_id: number | null;
  name: string;
  kind: string;
}

/**
 * Finds an agency's column by name (when the name is unique) or by its path of names
 * (“政策文件/规范性文件”, from the top or its last parts), separated by / ／ > or ›.
 */
export function columnFinder(columns: readonly ColumnNode[]): (text: string) => ColumnMatch {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const pathOf = (c: ColumnNode): string[] => {
    const names: string[] = [];
    for (let at: ColumnNode | undefined = c; at && names.length <= columns.length; at = at.parent_id ? byId.get(at.parent_id) : undefined) names.unshift(at.name.trim());
    return names;
  };
  const paths = columns.map((c) => ({ column: c, path: pathOf(c) }));
  return (text) => {
    const wanted = text.split(/[/／>›]/).map((p) => p.trim()).filter((p) => p !== '');
    if (wanted.length === 0) return { error: '请填写栏目' };
    const ends = (path: string[]) => path.length >= wanted.length && wanted.every((w, i) => path[path.length - wanted.length + i] === w);
    const full = paths.filter((p) => p.path.length === wanted.length && ends(p.path));
    const found = full.length > 0 ? full : paths.filter((p) => ends(p.path));
    if (found.length === 1) return { id: found[0]!.column.id, kind: found[0]!.column.kind };
    const written = wanted.join('/');
    if (found.length === 0) return { error: `本单位没有栏目“${written}”（须是已建立的栏目，写名称或“上级栏目/栏目”路径）` };
    return { error: `本单位有${found.length}个栏目都叫“${written}”，请写完整路径，如${found.slice(0, 2).map((p) => `“${p.path.join('/')}”`).join('或')}` };
  };
}

// ---- one row ------------------------------------------------------------------------------

export interface RowCheckOptions {
  /** Today in Beijing: no date may be later. */
  today: string;
  /** The importing agency's name: the issuing agency when the row gives none. */
  agencyName: string;
  findColumn: (text: string) => ColumnMatch;
}

const LIMITS: Partial<Record<ImportFieldKey, number>> = { title: 300, issuingAgency: 200, documentNumber: 100, sourceName: 200 };

/**
 * Checks one record: its values, or every error it has (all fields are checked). The attachment
 * paths are returned in either case, so that the files of a row with errors are checked too.
 */
export function checkRecord(record: RawRecord, options: RowCheckOptions): { row: CheckedRow | null; errors: RowError[]; attachments: string[] } {
  const errors = [...record.errors];
  const fail = (field: ImportFieldKey, detail: string) => {
    errors.push(rowError(record, field, detail));
    return null;
  };
  const given = (field: ImportFieldKey): boolean => {
    const v = record.values[field];
    return (Array.isArray(v) ? v.join('') : v ?? '').trim() !== '';
  };
  const text = (field: ImportFieldKey): string | null => {
    const v = record.values[field];
    const s = (Array.isArray(v) ? v.join(';') : v ?? '').trim();
    if (s === '') return null;
    const max = LIMITS[field];
    if (max !== undefined && s.length > max) return fail(field, `不能超过${max}个字符（现有${s.length}个）`);
    return s;
  };
  const date = (field: ImportFieldKey): string | null => {
    const s = text(field);
    if (s === null) return null;
    const iso = parseImportDate(s);
    if (!iso) return fail(field, `“${s}”不是有效的日期（可写作2022-03-05、2022/3/5或2022年3月5日）`);
    if (iso < '1949-10-01') return fail(field, `${iso}早于1949年10月1日`);
    if (iso > options.today) return fail(field, `${iso}晚于今天（${options.today}）`);
    return iso;
  };

  const title = text('title')?.replace(/\s+/g, ' ') ?? null;
  if (!given('title')) fail('title', '请填写标题');
  const columnText = text('column');
  let column: { id: number; kind: string } | null = null;
  if (columnText === null) fail('column', '请填写栏目');
  else {
    const match = options.findColumn(columnText);
    if ('error' in match) fail('column', match.error);
    else column = match;
  }
  const kindText = text('infoKind');
  let infoKind: InfoKind | null = null;
  if (kindText !== null) {
    infoKind = parseInfoKind(kindText);
    if (!infoKind) fail('infoKind', `“${kindText}”不是信息类别，应为${Object.values(INFO_KINDS).join('、')}之一`);
  } else if (column) infoKind = INFO_KIND_OF_COLUMN_KIND[column.kind] ?? 'other';
  const subjectCategory = text('subjectCategory')?.normalize('NFKC').replace(/,/g, '、').replace(/\s+/g, '') ?? null;
  if (subjectCategory !== null && !isSubjectCategory(subjectCategory)) fail('subjectCategory', `“${subjectCategory}”不在国务院主题分类中`);
  const issuingAgency = text('issuingAgency') ?? options.agencyName;

  let documentNumber: string | null = null;
  const numberText = text('documentNumber');
  if (numberText !== null) {
    const normalized = normalizeDocumentNumber(numberText);
    // Rules are numbered as orders (XX人民政府令第N号); accepted as written, as the item form does.
    if (normalized) documentNumber = normalized.value;
    else if (/令第[0-9]+号$/.test(numberText)) documentNumber = numberText;
    else fail('documentNumber', `“${numberText}”格式不正确，应形如“沾政办发〔2022〕12号”或“XX人民政府令第N号”`);
  }
  const writtenDate = date('writtenDate');
  const publishedDate = date('publishedDate');
  if (!given('publishedDate')) fail('publishedDate', '请填写发布日期');
  if (writtenDate && publishedDate && writtenDate > publishedDate) fail('writtenDate', `成文日期${writtenDate}晚于发布日期${publishedDate}`);

  const validityText = text('validity') ?? '';
  const validity = parseValidity(validityText);
  if (!validity) fail('validity', `“${validityText}”应为“有效”“已废止”或“已失效”`);

  const indexNumber = indexNumberOf(text('indexNumber'), (detail) => fail('indexNumber', detail));
  const interpretsIndexNumber = indexNumberOf(text('interpretsIndexNumber'), (detail) => fail('interpretsIndexNumber', detail));
  if (interpretsIndexNumber !== null && interpretsIndexNumber === indexNumber) fail('interpretsIndexNumber', '不能是本条信息自己的索引号');

  const rawBody = record.values.bodyHtml;
  const bodySource = typeof rawBody === 'string' ? rawBody : '';
  let bodyHtml = '';
  if (bodySource.length > MAX_BODY_CHARS) fail('bodyHtml', `过长（超过${MAX_BODY_CHARS.toLocaleString('zh-CN')}个字符）`);
  else if (bodySource.trim() !== '') bodyHtml = sanitizeHtml(bodyHtmlOf(bodySource));

  const attachments: string[] = [];
  const listed = record.values.attachments === undefined ? [] : splitPaths(record.values.attachments);
  if (listed.length > MAX_ATTACHMENTS_PER_ITEM) fail('attachments', `一条信息最多${MAX_ATTACHMENTS_PER_ITEM}个附件`);
  else {
    for (const p of listed) {
      const normalized = normalizeRelativePath(p);
      if ('error' in normalized) fail('attachments', normalized.error);
      else if (!attachments.includes(normalized.path)) attachments.push(normalized.path);
    }
  }
  if (bodyHtml.trim() === '' && listed.length === 0) fail('bodyHtml', '正文和附件不能都为空');

  if (errors.length > 0 || title === null || !column || !infoKind || !publishedDate || !validity) return { row: null, errors, attachments };
  return {
    row: {
      row: record.row, label: record.label, title, columnId: column.id, infoKind, subjectCategory, issuingAgency, documentNumber,
      writtenDate, publishedDate, validity, indexNumber, bodyHtml, attachments, sourceName: text('sourceName'), interpretsIndexNumber,
    },
    errors,
    attachments,
  };
}

function indexNumberOf(written: string | null, fail: (detail: string) => null): string | null {
  if (written === null) return null;
  const s = written.normalize('NFKC');
  if (/\s/.test(s)) return fail(`“${written}”中不应有空格`);
  if (s.length > MAX_INDEX_NUMBER_CHARS) return fail(`不能超过${MAX_INDEX_NUMBER_CHARS}个字符`);
  if (/[\u0000-\u001f\u007f<>"]/.test(s)) return fail(`“${written}”含有不能用于索引号的字符`);
  return s;
}

// ---- the rows together ----------------------------------------------------------------------

/**
 * Rows that repeat an earlier row of the same file: the same index number, or — for rows
 * without one — the same title and published date (which is how a later import recognises an
 * item already imported, see the service).
 */
export function duplicatesInFile(rows: readonly CheckedRow[]): RowError[] {
  const errors: RowError[] = [];
  const byNumber = new Map<string, CheckedRow>();
  const byTitle = new Map<string, CheckedRow>();
  for (const r of rows) {
    if (r.indexNumber !== null) {
      const first = byNumber.get(r.indexNumber);
      if (first) errors.push(rowError(r, 'indexNumber', `${r.indexNumber}与${first.label}的索引号相同`));
      else byNumber.set(r.indexNumber, r);
    } else {
      const key = titleDateKey(r.title, r.publishedDate);
      const first = byTitle.get(key);
      if (first) errors.push(rowError(r, null, `与${first.label}重复（标题和发布日期相同，都没有索引号）`));
      else byTitle.set(key, r);
    }
  }
  return errors;
}

/** What identifies an item without an index number among an agency's items. */
export function titleDateKey(title: string, publishedDate: string): string {
  return `${publishedDate}\u0000${title.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The highest serial per year among the file's index numbers written with this agency's code
 * (<code>/<year>-<serial>): the sequence is raised to it so that numbers generated later do not
 * collide with the kept ones.
 */
export function keptSerials(rows: readonly CheckedRow[], agencyCode: string): Map<number, number> {
  const floors = new Map<number, number>();
  for (const r of rows) {
    const parsed = r.indexNumber ? parseIndexNumber(r.indexNumber) : null;
    if (!parsed || parsed.agencyCode !== agencyCode) continue;
    floors.set(parsed.year, Math.max(floors.get(parsed.year) ?? 0, parsed.serial));
  }
  return floors;
}
