/**
 * Import of items from an old government website (migration): a CSV or JSON list of items —
 * catalogue data, HTML body, attachment paths — alone or in a ZIP package with the attachment
 * files, checked as a whole: either every item is written, in one transaction, or nothing is
 * and every error is listed by row.
 *
 * Decisions:
 * - The items were public on the old site and passed its review there, so they are stored as
 *   published, without the three-stage review: version 1, published on their original date
 *   (midnight, Beijing time), by “历史信息导入（<importer>）”.
 * - An index number given in the file is kept (unless another item holds it); otherwise one is
 *   generated as publication does (the agency's index code, the year of the published date, the
 *   next serial of index_number_sequences, inside the transaction, never reused). Kept numbers
 *   of the form <agency code>/<year>-<serial> raise the sequence first, so generated numbers
 *   come after them.
 * - Importing the same file twice: rows with an index number meet “索引号已存在”; rows without
 *   one are recognised by title and published date within the agency (“已导入过”).
 * - One audit entry per import (`item.import`: file, counts, index numbers), as the import of
 *   past requests does; each item's version names the import as its publisher.
 * - The items enter the full-text index in the same transaction (a bulk load, search/indexer.ts).
 * - Attachment files are read three times (check, text extraction, insert) rather than held in
 *   memory, so a migration of gigabytes of attachments from a folder fits; the SHA-256 taken at
 *   the check must match at the insert. Text extraction (slow for PDFs) runs before the
 *   transaction, which on SQLite holds the only connection.
 */
import { createHash } from 'node:crypto';
import { nowIso, today, type AppContext } from '../../../context.js';
import type { Executor } from '../../../db/database.js';
import { extractText } from '../../../domain/publication/extract-text.js';
import { sniffFileType, type AttachmentKind } from '../../../domain/publication/file-type.js';
import { formatIndexNumber } from '../../../domain/publication/index-number.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { findAgency } from '../../agencies/repository.js';
import { recordAudit } from '../../audit/service.js';
import { indexSources } from '../../search/indexer.js';
import { agencyIndexCode, type VersionMetadata } from '../workflow.js';
import type { IndexSource } from '../../search/repository.js';
import { publicationPolicy } from '../policy.js';
import { insertAttachment, insertItem, insertVersion, listColumnsOf, nextIndexSerial } from '../repository.js';
import {
  itemsWithIndexNumbers, itemIndexNumbersWithPrefix, lockItemImports, publishedBetween, raiseIndexSerial,
} from './repository.js';
import { ImportFileError, rowError, type RowError } from './records.js';
import { checkRecord, columnFinder, duplicatesInFile, keptSerials, titleDateKey, type CheckedRow } from './rows.js';
import { openImportFile, type AttachmentStore, type ImportFile } from './source.js';

export const IMPORT_FORBIDDEN = '无权导入：只有本单位的信息起草人、单位管理员或系统管理员可以导入历史信息';

/** Largest attachment text kept (as attachments added in the console). */
const MAX_TEXT_CHARS = 1_000_000;

export interface ImportItemsOptions {
  actor: Actor;
  agencyId: number;
  fileName: string;
  bytes: Uint8Array;
  /** Folder of the attachments of a lone CSV/JSON file (the command line); a ZIP carries its own. */
  attachmentFolder?: string | null;
  /** The account the items are recorded under (drafter) when the actor is the command line. */
  drafterUserId?: number;
  /** Check everything, write nothing. */
  checkOnly?: boolean;
  ip?: string;
}

export interface ImportSummary {
  imported: number;
  attachments: number;
  /** Items that kept the old site's index number. */
  kept: number;
  /** Index numbers generated, in the order given (by published date). */
  generated: { count: number; first: string; last: string } | null;
  itemIds: number[];
}

export type ImportItemsResult =
  | ({ ok: true; checkOnly: false } & ImportSummary)
  | { ok: true; checkOnly: true; items: number; attachments: number }
  | { ok: false; errors: RowError[]; items: number };

/** What the check found out about one attachment file. */
interface CheckedFile {
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** 00:00 in Beijing on a date, as the stored UTC timestamp. */
function beijingMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/**
 * Imports the items of a file into an agency (see the module comment). Throws AppError:
 * NOT_FOUND for an agency outside the actor's scope, FORBIDDEN for an actor who may not draft
 * there, VALIDATION_FAILED when the file as a whole cannot be read. Row errors are returned.
 */
export async function importItems(ctx: AppContext, opts: ImportItemsOptions): Promise<ImportItemsResult> {
  const db = ctx.database.db;
  const agency = await findAgency(db, opts.agencyId);
  if (!agency || !publicationPolicy.view(opts.actor, opts.agencyId)) throw notFound('单位');
  if (!publicationPolicy.draft(opts.actor, agency.id)) throw forbidden(IMPORT_FORBIDDEN);
  const drafterUserId = opts.actor.userId || opts.drafterUserId;
  if (!drafterUserId) throw new AppError('VALIDATION_FAILED', '须指明导入的信息记在哪个账号名下');

  let file: ImportFile;
  try {
    file = await openImportFile(opts.bytes, opts.fileName, opts.attachmentFolder ?? null);
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
  const items = file.records.length;

  const findColumn = columnFinder(await listColumnsOf(db, [agency.id]));
  const errors: RowError[] = [];
  const rows: CheckedRow[] = [];
  const listed: AttachmentList[] = [];
  const day = today(ctx);
  for (const record of file.records) {
    const checked = checkRecord(record, { today: day, agencyName: agency.name, findColumn });
    errors.push(...checked.errors);
    if (checked.row) rows.push(checked.row);
    if (checked.attachments.length > 0) listed.push({ row: record.row, label: record.label, paths: checked.attachments });
  }
  errors.push(...duplicatesInFile(rows));
  const files = await checkAttachments(listed, file.attachments, errors);
  const links = await interpretationTargets(db, opts.actor, rows, errors);
  errors.push(...await storedConflicts(db, agency.id, rows));
  if (errors.length > 0) return { ok: false, errors: byRow(errors), items };
  if (opts.checkOnly) return { ok: true, checkOnly: true, items, attachments: rows.reduce((n, r) => n + r.attachments.length, 0) };

  const texts = new Map<string, string | null>();
  for (const [p, f] of files) {
    const bytes = await readVerified(file.attachments!, p, f);
    texts.set(p, await extractText(bytes, f.kind).then((t) => (t === null ? null : t.slice(0, MAX_TEXT_CHARS))).catch(() => null));
  }

  const at = nowIso(ctx);
  const code = agencyIndexCode(agency);
  const publishedBy = `历史信息导入（${opts.actor.displayName}）`.slice(0, 100);
  // Numbered and written in the order of publication, so serials and ids follow the dates.
  const ordered = [...rows].sort((a, b) => (a.publishedDate < b.publishedDate ? -1 : a.publishedDate > b.publishedDate ? 1 : a.row - b.row));
  const fileSha256 = sha256(opts.bytes);

  return db.transaction().execute(async (trx): Promise<ImportItemsResult> => {
    await lockItemImports(trx, ctx.database.dialect);
    const conflicts = await storedConflicts(trx, agency.id, rows);
    if (conflicts.length > 0) return { ok: false, errors: byRow(conflicts), items };

    for (const [year, serial] of keptSerials(rows, code)) await raiseIndexSerial(trx, agency.id, year, serial);
    // Generated numbers skip any number already taken (an item entered by other means).
    const taken = new Set([...await itemIndexNumbersWithPrefix(trx, `${code}/`), ...rows.flatMap((r) => (r.indexNumber ? [r.indexNumber] : []))]);
    const generated: string[] = [];
    const ids = new Map<CheckedRow, number>();
    const numbers = new Map<CheckedRow, string>();
    const idByIndexNumber = new Map<string, number>();
    for (const r of ordered) {
      let indexNumber = r.indexNumber;
      const year = Number(r.publishedDate.slice(0, 4));
      while (indexNumber === null || (r.indexNumber === null && taken.has(indexNumber))) {
        indexNumber = formatIndexNumber(code, year, await nextIndexSerial(trx, agency.id, year));
      }
      if (r.indexNumber === null) generated.push(indexNumber);
      const publishedAt = beijingMidnight(r.publishedDate);
      const item = await insertItem(trx, {
        agency_id: agency.id, column_id: r.columnId, title: r.title, body_html: r.bodyHtml, info_kind: r.infoKind,
        subject_category: r.subjectCategory, issuing_agency: r.issuingAgency, document_number: r.documentNumber,
        written_date: r.writtenDate, made_on: null, source_name: r.sourceName, source_url: null,
        interprets_item_id: r.interpretsIndexNumber ? links.get(r.interpretsIndexNumber) ?? null : null,
        scheduled_for: null, correction_note: null, status: 'published', review_stage: null, review_round: 0,
        stages_required: agency.review_stages, drafter_user_id: drafterUserId, submitted_by: null, live_version: 1,
        index_number: indexNumber, published_date: r.publishedDate, first_published_at: publishedAt, validity: r.validity,
        validity_on: null, withdrawn_at: null, withdrawal_reason: null, created_at: at, updated_at: at,
      });
      ids.set(r, item.id);
      numbers.set(r, indexNumber);
      idByIndexNumber.set(indexNumber, item.id);
    }

    let attachmentCount = 0;
    const searchSources: IndexSource[] = [];
    for (const r of ordered) {
      const itemId = ids.get(r)!;
      // An interpretation of another row of the same file: both exist now.
      let interpretsItemId = r.interpretsIndexNumber ? links.get(r.interpretsIndexNumber) ?? null : null;
      if (r.interpretsIndexNumber && interpretsItemId === null) {
        interpretsItemId = idByIndexNumber.get(r.interpretsIndexNumber)!;
        await trx.updateTable('publication_items').set({ interprets_item_id: interpretsItemId }).where('id', '=', itemId).execute();
      }
      const attachmentIds: number[] = [];
      for (const p of r.attachments) {
        const f = files.get(p)!;
        const bytes = await readVerified(file.attachments!, p, f);
        const attachment = await insertAttachment(trx, {
          item_id: itemId, file_name: attachmentName(p), kind: f.kind, mime: f.mime, size: f.size, sha256: f.sha256,
          content: Buffer.from(bytes), text: texts.get(p) ?? null, current: 1, created_at: at,
        });
        attachmentIds.push(attachment.id);
      }
      attachmentCount += attachmentIds.length;
      const metadata: VersionMetadata = {
        indexNumber: numbers.get(r)!, columnId: r.columnId, infoKind: r.infoKind, subjectCategory: r.subjectCategory, issuingAgency: r.issuingAgency,
        documentNumber: r.documentNumber, writtenDate: r.writtenDate, madeOn: null, publishedDate: r.publishedDate,
        sourceName: r.sourceName, sourceUrl: null, interpretsItemId,
      };
      const version = await insertVersion(trx, {
        item_id: itemId, version: 1, title: r.title, body_html: r.bodyHtml, metadata: JSON.stringify(metadata),
        attachment_ids: JSON.stringify(attachmentIds), correction_note: null, published_at: beijingMidnight(r.publishedDate), published_by: publishedBy,
      });
      searchSources.push({
        id: itemId, agency_id: agency.id, live_version: 1, withdrawn_at: null, published_date: r.publishedDate, index_number: numbers.get(r)!,
        validity: r.validity, title: version.title, body_html: version.body_html, metadata: version.metadata,
      });
    }
    // Public from now on, so in the full-text index too (as publication keeps it, search/indexer.ts).
    await indexSources(trx, searchSources);

    const itemIds = ordered.map((r) => ids.get(r)!);
    const summary: ImportSummary = {
      imported: rows.length,
      attachments: attachmentCount,
      kept: rows.length - generated.length,
      generated: generated.length > 0 ? { count: generated.length, first: generated[0]!, last: generated[generated.length - 1]! } : null,
      itemIds,
    };
    await recordAudit(ctx, trx, opts.actor, {
      action: 'item.import', entityType: 'item', entityId: null, agencyId: agency.id, ip: opts.ip,
      data: {
        fileName: opts.fileName, itemsFile: file.itemsName, fileSha256, items: summary.imported, attachments: summary.attachments,
        keptIndexNumbers: summary.kept, generatedIndexNumbers: summary.generated, itemIds: { first: itemIds.reduce((a, b) => Math.min(a, b)), last: itemIds.reduce((a, b) => Math.max(a, b)) },
        drafterUserId,
      },
    });
    return { ok: true, checkOnly: false, ...summary };
  });
}

/** 已导入3条信息，附件1个；沿用原索引号1条，新编索引号2条（…至…）。 */
export function importSummaryText(s: ImportSummary): string {
  const parts = [`已导入${s.imported}条信息${s.attachments > 0 ? `，附件${s.attachments}个` : ''}`];
  if (s.kept > 0) parts.push(`沿用原索引号${s.kept}条`);
  if (s.generated) parts.push(`新编索引号${s.generated.count}条（${s.generated.first}${s.generated.count > 1 ? `至${s.generated.last}` : ''}）`);
  return `${parts.join('；')}。`;
}

/** Errors in the order of the file's rows (a row's own errors first, in field order). */
function byRow(errors: RowError[]): RowError[] {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i).map(({ e }) => e);
}

/** The file name shown for an attachment: the last part of its path. */
function attachmentName(p: string): string {
  return p.split('/').pop()!.trim().slice(0, 200) || '附件';
}

/** The attachment paths a row lists (also a row with other errors). */
interface AttachmentList {
  row: number;
  label: string;
  paths: string[];
}

/**
 * Reads every attachment file the rows name once and checks it: present, not empty, at most
 * 10 MB, of an accepted type by content (sniffFileType). Errors are added per row naming it.
 */
async function checkAttachments(lists: readonly AttachmentList[], store: AttachmentStore | null, errors: RowError[]): Promise<Map<string, CheckedFile>> {
  const checked = new Map<string, CheckedFile | string>();
  for (const r of lists) {
    for (const p of r.paths) {
      let result = checked.get(p);
      if (result === undefined) {
        result = await checkAttachment(store, p);
        checked.set(p, result);
      }
      if (typeof result === 'string') errors.push(rowError(r, 'attachments', result));
    }
  }
  const files = new Map<string, CheckedFile>();
  for (const [p, result] of checked) if (typeof result !== 'string') files.set(p, result);
  return files;
}

async function checkAttachment(store: AttachmentStore | null, p: string): Promise<CheckedFile | string> {
  if (!store) return `上传的是单个CSV/JSON文件，无法附带“${p}”：请把信息列表命名为 items.csv，与附件文件一起打包成ZIP上传`;
  const read = await store.read(p);
  if (!read.ok) {
    if (read.reason === 'missing') return `${store.where}中没有文件“${p}”`;
    if (read.reason === 'tooLarge') return `“${p}”超过10 MB`;
    return `无法读取“${p}”（文件已损坏）`;
  }
  if (read.bytes.length === 0) return `“${p}”是空文件`;
  const type = sniffFileType(read.bytes, p);
  if (!type) return `“${p}”的类型不受支持或内容与扩展名不符（支持 PDF、DOC/DOCX、XLS/XLSX、OFD、WPS、图片）`;
  return { kind: type.kind, mime: type.mime, size: read.bytes.length, sha256: sha256(read.bytes) };
}

/** An attachment read again, which must be the file that was checked. */
async function readVerified(store: AttachmentStore, p: string, f: CheckedFile): Promise<Uint8Array> {
  const read = await store.read(p);
  if (!read.ok || sha256(read.bytes) !== f.sha256) throw new AppError('CONFLICT', `附件“${p}”在导入过程中被改动或删除，未导入任何信息，请重新导入`);
  return read.bytes;
}

/**
 * The stored items that rows name as the document they interpret (by index number), when the
 * actor may see them or they are public. Rows of the same file are linked after insertion.
 */
async function interpretationTargets(db: Executor, actor: Actor, rows: readonly CheckedRow[], errors: RowError[]): Promise<Map<string, number>> {
  const inFile = new Set(rows.flatMap((r) => (r.indexNumber ? [r.indexNumber] : [])));
  const wanted = rows.filter((r) => r.interpretsIndexNumber !== null && !inFile.has(r.interpretsIndexNumber));
  const found = new Map<string, number>();
  if (wanted.length === 0) return found;
  for (const item of await itemsWithIndexNumbers(db, wanted.map((r) => r.interpretsIndexNumber!))) {
    const visible = publicationPolicy.view(actor, item.agency_id) || (item.live_version > 0 && !item.withdrawn_at);
    if (visible && item.index_number) found.set(item.index_number, item.id);
  }
  for (const r of wanted) {
    if (!found.has(r.interpretsIndexNumber!)) errors.push(rowError(r, 'interpretsIndexNumber', `找不到索引号为${r.interpretsIndexNumber}的信息（须是已发布的信息，或本文件中的另一行）`));
  }
  return found;
}

/**
 * Rows that clash with stored items: an index number another item holds, or — for a row
 * without an index number — an item of the agency with the same title and published date,
 * which is how importing the same file again shows.
 */
async function storedConflicts(db: Executor, agencyId: number, rows: readonly CheckedRow[]): Promise<RowError[]> {
  const errors: RowError[] = [];
  const numbered = rows.filter((r) => r.indexNumber !== null);
  if (numbered.length > 0) {
    const holders = new Map((await itemsWithIndexNumbers(db, numbered.map((r) => r.indexNumber!))).map((i) => [i.index_number, i]));
    for (const r of numbered) {
      const holder = holders.get(r.indexNumber);
      if (!holder) continue;
      errors.push(rowError(r, 'indexNumber', holder.agency_id === agencyId
        ? `索引号已存在：本单位已有索引号为${r.indexNumber}的信息，该行可能已经导入过`
        : `索引号已存在：${r.indexNumber}已被其他单位的信息使用`));
    }
  }
  const unnumbered = rows.filter((r) => r.indexNumber === null);
  if (unnumbered.length > 0) {
    let from = unnumbered[0]!.publishedDate;
    let to = from;
    for (const r of unnumbered) {
      if (r.publishedDate < from) from = r.publishedDate;
      if (r.publishedDate > to) to = r.publishedDate;
    }
    const stored = new Map<string, string | null>();
    for (const s of await publishedBetween(db, agencyId, from, to)) stored.set(titleDateKey(s.title, s.published_date!), s.index_number);
    for (const r of unnumbered) {
      const key = titleDateKey(r.title, r.publishedDate);
      if (!stored.has(key)) continue;
      const number = stored.get(key);
      errors.push(rowError(r, null, `已导入过：本单位已有标题和发布日期都相同的信息${number ? `（索引号${number}）` : ''}`));
    }
  }
  return errors;
}
