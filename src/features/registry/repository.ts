/** SQL of the register of rules and normative documents, and of the yearly figures. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RegistryDocumentTable, RegistryFigureTable, Validity } from '../../db/schema.js';
import { addCalendarDays } from '../../domain/calendar/index.js';
import type { DocumentDates, DocumentKind } from '../../domain/registry/documents.js';
import { indexItem } from '../search/indexer.js';

export type RegistryDocument = Selectable<RegistryDocumentTable>;
export type RegistryFigure = Selectable<RegistryFigureTable>;

/** The published item a register entry may link (what the register reads and sets of it). */
export interface LinkedItem {
  id: number;
  agency_id: number;
  title: string;
  index_number: string | null;
  validity: Validity;
  validity_on: string | null;
}

export function findDocument(db: Executor, id: number): Promise<RegistryDocument | undefined> {
  return db.selectFrom('registry_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDocumentByNumber(db: Executor, agencyId: number, documentNumber: string): Promise<RegistryDocument | undefined> {
  return db.selectFrom('registry_documents').selectAll().where('agency_id', '=', agencyId).where('document_number', '=', documentNumber).executeTakeFirst();
}

export function findDocumentByItem(db: Executor, itemId: number): Promise<RegistryDocument | undefined> {
  return db.selectFrom('registry_documents').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function insertDocument(db: Executor, values: Insertable<RegistryDocumentTable>): Promise<RegistryDocument> {
  return db.insertInto('registry_documents').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateDocumentRow(db: Executor, id: number, values: Updateable<RegistryDocumentTable>): Promise<RegistryDocument> {
  return db.updateTable('registry_documents').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface DocumentFilter {
  agencyIds: readonly number[];
  kind?: DocumentKind;
  /** Only documents in force on this day (domain/registry/documents.ts isInForceOn, as SQL). */
  inForceOn?: string;
  q?: string;
  limit: number;
}

/** The register list: newest issue first. */
export function listDocuments(db: Executor, f: DocumentFilter): Promise<RegistryDocument[]> {
  let q = db.selectFrom('registry_documents').selectAll().where('agency_id', 'in', f.agencyIds.length ? [...f.agencyIds] : [-1]);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.inForceOn) {
    const on = f.inForceOn;
    q = q
      .where('issued_on', '<=', on)
      .where((eb) => eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', on)]))
      .where((eb) => eb.or([eb('expired_on', 'is', null), eb('expired_on', '>', on)]))
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', on)]));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // ESCAPE is explicit: SQLite has no default LIKE escape character.
    q = q.where(sql<boolean>`(title like ${like} escape '\\' or document_number like ${like} escape '\\')`);
  }
  return q.orderBy('issued_on', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** The dates that decide the year's figures, for every entry of an agency. */
export async function documentDatesOf(db: Executor, agencyId: number): Promise<DocumentDates[]> {
  const rows = await db
    .selectFrom('registry_documents')
    .select(['kind', 'issued_on', 'valid_until', 'repealed_on', 'expired_on'])
    .where('agency_id', '=', agencyId)
    .execute();
  return rows.map((r) => ({ kind: r.kind, issuedOn: r.issued_on, validUntil: r.valid_until, repealedOn: r.repealed_on, expiredOn: r.expired_on }));
}

/**
 * Documents in force today whose validity period ends within `days` days (today included),
 * soonest first — for the register page and the console dashboard.
 */
export function expiringDocuments(db: Executor, agencyIds: readonly number[], today: string, days: number): Promise<RegistryDocument[]> {
  return db
    .selectFrom('registry_documents')
    .selectAll()
    .where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
    .where('valid_until', '>=', today)
    .where('valid_until', '<=', addCalendarDays(today, days))
    .where('issued_on', '<=', today)
    .where((eb) => eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', today)]))
    .where((eb) => eb.or([eb('expired_on', 'is', null), eb('expired_on', '>', today)]))
    .orderBy('valid_until')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Documents whose validity period has run out with no repeal or expiry recorded. */
export function lapsedDocuments(db: Executor, agencyIds: readonly number[], today: string): Promise<RegistryDocument[]> {
  return db
    .selectFrom('registry_documents')
    .selectAll()
    .where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
    .where('valid_until', '<', today)
    .where('repealed_on', 'is', null)
    .where('expired_on', 'is', null)
    .orderBy('valid_until')
    .orderBy('id')
    .limit(500)
    .execute();
}

const ITEM_COLUMNS = ['id', 'agency_id', 'title', 'index_number', 'validity', 'validity_on'] as const;

export function findItem(db: Executor, id: number): Promise<LinkedItem | undefined> {
  return db.selectFrom('publication_items').select(ITEM_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findItemByIndexNumber(db: Executor, indexNumber: string): Promise<LinkedItem | undefined> {
  return db.selectFrom('publication_items').select(ITEM_COLUMNS).where('index_number', '=', indexNumber).executeTakeFirst();
}

/**
 * 有效性 of a published item, as the portal shows it (已废止 / 已失效 with the date). updated_at
 * moves with it, as with every change to an item's public pages: the static export finds the pages
 * to make again by it.
 */
export async function setItemValidity(db: Executor, itemId: number, validity: Validity, on: string | null, at: string): Promise<void> {
  await db.updateTable('publication_items').set({ validity, validity_on: on, updated_at: at }).where('id', '=', itemId).execute();
  // The search's validity filter follows, in the same transaction.
  await indexItem(db, itemId);
}

export function listFigures(db: Executor, agencyId: number, year: number): Promise<RegistryFigure[]> {
  return db.selectFrom('registry_figures').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).execute();
}

export async function upsertFigure(db: Executor, row: Insertable<RegistryFigureTable>): Promise<void> {
  await db
    .insertInto('registry_figures')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'key']).doUpdateSet({ value: row.value, note: row.note, entered_by: row.entered_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteFigure(db: Executor, agencyId: number, year: number, key: RegistryFigure['key']): Promise<void> {
  await db.deleteFrom('registry_figures').where('agency_id', '=', agencyId).where('year', '=', year).where('key', '=', key).execute();
}
