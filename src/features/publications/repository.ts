/** SQL of proactive publication. Every function runs on the executor it is given. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { stageRoles } from '../../domain/publication/review.js';
import type { Role } from '../../domain/roles.js';
import type {
  PublicationAttachment,
  PublicationColumn,
  PublicationColumnTable,
  PublicationItem,
  PublicationItemTable,
  PublicationReview,
  PublicationVersion,
} from '../../db/schema.js';

// ---- columns ------------------------------------------------------------------------------

export function listColumnsOf(db: Executor, agencyIds: readonly number[]): Promise<PublicationColumn[]> {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('publication_columns').selectAll().where('agency_id', 'in', agencyIds).orderBy('agency_id').orderBy('sort_order').orderBy('id').execute();
}

export function findColumn(db: Executor, id: number): Promise<PublicationColumn | undefined> {
  return db.selectFrom('publication_columns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertColumn(db: Executor, values: Omit<PublicationColumn, 'id'>): Promise<PublicationColumn> {
  return db.insertInto('publication_columns').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateColumnRow(db: Executor, id: number, values: Updateable<PublicationColumnTable>): Promise<PublicationColumn> {
  return db.updateTable('publication_columns').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function columnUsage(db: Executor, id: number): Promise<{ children: number; items: number }> {
  const children = await db.selectFrom('publication_columns').select(sql<number>`count(*)`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  const items = await db.selectFrom('publication_items').select(sql<number>`count(*)`.as('n')).where('column_id', '=', id).executeTakeFirstOrThrow();
  // Corrections waiting for review that would move an item into the column count too.
  const corrections = await db.selectFrom('publication_items').select(['column_id', 'correction']).where('correction', 'is not', null)
    .where('agency_id', '=', (eb) => eb.selectFrom('publication_columns').select('agency_id').where('id', '=', id)).execute();
  const moving = corrections.filter((c) => c.column_id !== id && workingItem(c).column_id === id).length;
  return { children: Number(children.n), items: Number(items.n) + moving };
}

export async function deleteColumnRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('publication_columns').where('id', '=', id).execute();
}

// ---- items --------------------------------------------------------------------------------

/** The fields a drafter edits. */
export const WORKING_FIELDS = [
  'column_id', 'title', 'body_html', 'info_kind', 'subject_category', 'issuing_agency', 'document_number',
  'written_date', 'made_on', 'source_name', 'source_url', 'interprets_item_id',
] as const satisfies ReadonlyArray<keyof PublicationItem>;

export type WorkingCopy = Pick<PublicationItem, (typeof WORKING_FIELDS)[number]>;

/**
 * The item as its drafter and reviewers see it: a published item under correction shows the
 * correction (PublicationItemTable.correction). Every read of the console goes through this; the
 * public, the reports and the checks read the row itself.
 */
export function workingItem<T extends Partial<PublicationItem> & Pick<PublicationItem, 'correction'>>(row: T): T {
  return row.correction === null ? row : { ...row, ...(JSON.parse(row.correction) as Partial<WorkingCopy>) };
}

/** The editable fields of a set of values (an item's checked input). */
export function workingCopyOf(values: WorkingCopy): WorkingCopy {
  return Object.fromEntries(WORKING_FIELDS.map((f) => [f, values[f]])) as WorkingCopy;
}

export async function findItem(db: Executor, id: number): Promise<PublicationItem | undefined> {
  const row = await db.selectFrom('publication_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row && workingItem(row);
}

export async function insertItem(db: Executor, values: Insertable<PublicationItemTable>): Promise<PublicationItem> {
  return db.insertInto('publication_items').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates the row; returns the item as the console sees it (workingItem). */
export async function updateItemRow(db: Executor, id: number, values: Updateable<PublicationItemTable>): Promise<PublicationItem> {
  return workingItem(await db.updateTable('publication_items').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

export interface ItemListFilter {
  agencyIds: readonly number[];
  status?: string;
  columnId?: number;
  q?: string;
  /** Items waiting at a review stage (any stage when true). */
  inReview?: boolean;
  /** Items in review at a stage one of these roles decides (which role decides which stage: stageRoles). */
  reviewRoles?: readonly Role[];
  limit: number;
  offset: number;
}

export async function listItems(db: Executor, filter: ItemListFilter) {
  if (filter.agencyIds.length === 0) return { rows: [], total: 0 };
  let query = db.selectFrom('publication_items').where('agency_id', 'in', filter.agencyIds);
  if (filter.status) query = query.where('status', '=', filter.status as PublicationItem['status']);
  if (filter.columnId) query = query.where('column_id', '=', filter.columnId);
  if (filter.reviewRoles) {
    // Every (stages required, stage) pair whose role the reviewer holds; agencies have 1–3 stages.
    const roles = filter.reviewRoles;
    const stages = [1, 2, 3].flatMap((n) => stageRoles(n).flatMap((role, i) => (roles.includes(role) ? [{ n, stage: i + 1 }] : [])));
    if (stages.length === 0) return { rows: [], total: 0 };
    query = query.where('status', '=', 'review').where((eb) =>
      eb.or(stages.map((s) => eb.and([eb('stages_required', s.n === 3 ? '>=' : '=', s.n), eb('review_stage', '=', s.stage)]))));
  }
  if (filter.q) query = query.where((eb) => eb.or([eb('title', 'like', `%${escapeLike(filter.q!)}%`), eb('index_number', '=', filter.q!), eb('document_number', '=', filter.q!)]));
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['id', 'agency_id', 'column_id', 'title', 'info_kind', 'status', 'review_stage', 'stages_required', 'live_version', 'index_number', 'published_date', 'validity', 'updated_at', 'drafter_user_id', 'scheduled_for', 'correction'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows: rows.map(workingItem), total: Number(total.n) };
}

function escapeLike(s: string) {
  return s.replace(/[%_\\]/g, '');
}

/** Items due for a scheduled publication. */
export async function findScheduledDue(db: Executor, nowIso: string, limit: number) {
  const rows = await db.selectFrom('publication_items').selectAll().where('status', '=', 'scheduled').where('scheduled_for', '<=', nowIso).orderBy('scheduled_for').limit(limit).execute();
  return rows.map(workingItem);
}

/** Every interpretation of an item, public or not (the public ones: publicItem's prepared query). */
export function interpretationsOf(db: Executor, itemId: number) {
  return db.selectFrom('publication_items').select(['id', 'title', 'status', 'live_version', 'published_date', 'withdrawn_at'])
    .where('interprets_item_id', '=', itemId).orderBy('id').execute();
}

// ---- attachments, reviews, versions -------------------------------------------------------

export type AttachmentInfo = Omit<PublicationAttachment, 'content'>;

/** Every column of an attachment but its content. */
const ATTACHMENT_INFO = ['id', 'item_id', 'file_name', 'kind', 'mime', 'size', 'sha256', 'text', 'current', 'created_at'] as const;

export function listAttachments(db: Executor, itemId: number, currentOnly: boolean): Promise<AttachmentInfo[]> {
  let q = db.selectFrom('publication_attachments').select(ATTACHMENT_INFO).where('item_id', '=', itemId);
  if (currentOnly) q = q.where('current', '=', 1);
  return q.orderBy('id').execute();
}

/** The attachments of several items, retired ones too, in the order listAttachments gives each item's. */
export function listAttachmentsOf(db: Executor, itemIds: readonly number[]): Promise<AttachmentInfo[]> {
  return db.selectFrom('publication_attachments').select(ATTACHMENT_INFO).where('item_id', 'in', [...itemIds]).orderBy('id').execute();
}

export function findAttachment(db: Executor, itemId: number, id: number): Promise<PublicationAttachment | undefined> {
  return db.selectFrom('publication_attachments').selectAll().where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst();
}

export async function insertAttachment(db: Executor, values: Omit<PublicationAttachment, 'id'>): Promise<AttachmentInfo> {
  return db.insertInto('publication_attachments').values(values).returning(ATTACHMENT_INFO).executeTakeFirstOrThrow();
}

export async function retireAttachment(db: Executor, itemId: number, id: number): Promise<number> {
  const result = await db.updateTable('publication_attachments').set({ current: 0 }).where('item_id', '=', itemId).where('id', '=', id).where('current', '=', 1).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listReviews(db: Executor, itemId: number): Promise<PublicationReview[]> {
  return db.selectFrom('publication_reviews').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

export async function insertReview(db: Executor, values: Omit<PublicationReview, 'id'>): Promise<PublicationReview> {
  return db.insertInto('publication_reviews').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listVersions(db: Executor, itemId: number): Promise<PublicationVersion[]> {
  return db.selectFrom('publication_versions').selectAll().where('item_id', '=', itemId).orderBy('version').execute();
}

export function findVersion(db: Executor, itemId: number, version: number): Promise<PublicationVersion | undefined> {
  return db.selectFrom('publication_versions').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
}

export async function insertVersion(db: Executor, values: Omit<PublicationVersion, 'id'>): Promise<PublicationVersion> {
  return db.insertInto('publication_versions').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * The next serial of an agency's index numbers in a year, inside the caller's transaction. A
 * serial is never given twice, even when the item is later withdrawn.
 */
export async function nextIndexSerial(db: Executor, agencyId: number, year: number): Promise<number> {
  const updated = await db
    .updateTable('index_number_sequences')
    .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .returning('last_serial')
    .executeTakeFirst();
  if (updated) return updated.last_serial;
  await db.insertInto('index_number_sequences').values({ agency_id: agencyId, year, last_serial: 1 }).execute();
  return 1;
}

// ---- settings -----------------------------------------------------------------------------

export function listWrongPhraseRows(db: Executor) {
  return db.selectFrom('wrong_phrases').selectAll().orderBy('wrong').execute();
}

// ---- figures ------------------------------------------------------------------------------

/**
 * Items first published in a year that are still public, per agency and info kind (the counts in
 * section 一 of the annual report). Withdrawn items are not counted: they are no longer public.
 */
export async function countPublishedByKind(db: Executor, agencyIds: readonly number[], year: number) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('publication_items')
    .select(['agency_id', 'info_kind', sql<number>`count(*)`.as('n')])
    .where('agency_id', 'in', agencyIds)
    .where('live_version', '>', 0)
    .where('withdrawn_at', 'is', null)
    .where('published_date', '>=', `${year}-01-01`)
    .where('published_date', '<=', `${year}-12-31`)
    .groupBy(['agency_id', 'info_kind'])
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id, infoKind: r.info_kind, count: Number(r.n) }));
}
