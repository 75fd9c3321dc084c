/** SQL of website health. Every function runs on the executor it is given. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { HealthAgencySnapshotTable, HealthColumnSnapshotTable, HealthLinkCheckTable } from '../../db/schema.js';

/** Ids per IN list: well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

// ---- facts --------------------------------------------------------------------------------

/** Columns of the agencies, in portal order. */
export function columnsOf(db: Executor, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publication_columns')
    .select(['id', 'agency_id', 'parent_id', 'name', 'kind', 'created_at'])
    .where('agency_id', 'in', [...agencyIds])
    .orderBy('agency_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Per column: how many public items it holds and the newest first-publication date among them. */
export async function columnUpdates(db: Executor, agencyIds: readonly number[]): Promise<Map<number, { count: number; last: string | null }>> {
  const out = new Map<number, { count: number; last: string | null }>();
  for (const ids of chunks(agencyIds)) {
    const rows = await db
      .selectFrom('publication_items')
      .select(['column_id', sql<number>`count(*)`.as('n'), sql<string | null>`max(published_date)`.as('last')])
      .where('agency_id', 'in', ids)
      .where('live_version', '>', 0)
      .where('withdrawn_at', 'is', null)
      .groupBy('column_id')
      .execute();
    for (const r of rows) out.set(r.column_id, { count: Number(r.n), last: r.last });
  }
  return out;
}

/** Public items whose live body contains a link (bodies without "href" are not read). */
export async function publicBodiesWithLinks(db: Executor, agencyIds: readonly number[]) {
  const out: Array<{ id: number; agency_id: number; title: string; body_html: string }> = [];
  for (const ids of chunks(agencyIds)) {
    out.push(...(await db
      .selectFrom('publication_items as i')
      .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
      .select(['i.id', 'i.agency_id', 'v.title', 'v.body_html'])
      .where('i.agency_id', 'in', ids)
      .where('i.live_version', '>', 0)
      .where('i.withdrawn_at', 'is', null)
      .where('v.body_html', 'like', '%href%')
      .orderBy('i.id')
      .execute()));
  }
  return out;
}

/** Of these ids, the items the public can open (published, not withdrawn). */
export async function publicItemIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('publication_items').select('id').where('id', 'in', part).where('live_version', '>', 0).where('withdrawn_at', 'is', null).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Of these ids, the columns that exist. */
export async function existingColumnIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const part of chunks([...new Set(ids)])) {
    for (const r of await db.selectFrom('publication_columns').select('id').where('id', 'in', part).execute()) out.add(r.id);
  }
  return out;
}

/** Of these ids, the agencies that exist. */
export async function existingAgencyIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const part of chunks([...new Set(ids)])) {
    for (const r of await db.selectFrom('agencies').select('id').where('id', 'in', part).execute()) out.add(r.id);
  }
  return out;
}

/** Public 行政规范性文件 marked valid that no public item interprets (谁起草、谁解读). */
export async function uninterpretedNormative(db: Executor, agencyIds: readonly number[]) {
  const out: Array<{ id: number; agency_id: number; title: string; published_date: string | null }> = [];
  for (const ids of chunks(agencyIds)) {
    out.push(...(await db
      .selectFrom('publication_items as i')
      .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
      .select(['i.id', 'i.agency_id', 'v.title', 'i.published_date'])
      .where('i.agency_id', 'in', ids)
      .where('i.info_kind', '=', 'normative')
      .where('i.validity', '=', 'valid')
      .where('i.live_version', '>', 0)
      .where('i.withdrawn_at', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(
        selectFrom('publication_items as x').select('x.id').whereRef('x.interprets_item_id', '=', 'i.id').where('x.live_version', '>', 0).where('x.withdrawn_at', 'is', null),
      )))
      .orderBy('i.published_date')
      .orderBy('i.id')
      .execute()));
  }
  return out;
}

/** Register entries past their validity period whose linked public item still says 有效. */
export async function expiredStillValid(db: Executor, agencyIds: readonly number[], today: string) {
  const out: Array<{ id: number; agency_id: number; title: string; document_number: string | null; valid_until: string | null; item_id: number | null }> = [];
  for (const ids of chunks(agencyIds)) {
    out.push(...(await db
      .selectFrom('registry_documents as d')
      .innerJoin('publication_items as i', 'i.id', 'd.item_id')
      .select(['d.id', 'd.agency_id', 'd.title', 'd.document_number', 'd.valid_until', 'd.item_id'])
      .where('d.agency_id', 'in', ids)
      .where('d.valid_until', '<', today)
      .where('i.validity', '=', 'valid')
      .where('i.live_version', '>', 0)
      .where('i.withdrawn_at', 'is', null)
      .orderBy('d.valid_until')
      .orderBy('d.id')
      .execute()));
  }
  return out;
}

/** Public items first published on or after `from` that state when the information was made. */
export async function publishedSince(db: Executor, agencyIds: readonly number[], from: string) {
  const out: Array<{ id: number; agency_id: number; title: string; made_on: string | null; published_date: string | null }> = [];
  for (const ids of chunks(agencyIds)) {
    out.push(...(await db
      .selectFrom('publication_items as i')
      .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
      .select(['i.id', 'i.agency_id', 'v.title', 'i.made_on', 'i.published_date'])
      .where('i.agency_id', 'in', ids)
      .where('i.live_version', '>', 0)
      .where('i.withdrawn_at', 'is', null)
      .where('i.made_on', 'is not', null)
      .where('i.published_date', '>=', from)
      .orderBy('i.published_date')
      .orderBy('i.id')
      .execute()));
  }
  return out;
}

// ---- external link checks -----------------------------------------------------------------

export type LinkCheck = HealthLinkCheckTable;

export async function linkChecksFor(db: Executor, urls: readonly string[]): Promise<Map<string, LinkCheck>> {
  const out = new Map<string, LinkCheck>();
  for (const part of chunks([...new Set(urls)])) {
    for (const r of await db.selectFrom('health_link_checks').selectAll().where('url', 'in', part).execute()) out.set(r.url, r);
  }
  return out;
}

/** Every public body that may contain an external address, for the checker. */
export function publicBodiesWithAddresses(db: Executor) {
  return db
    .selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select(['i.id', 'v.body_html'])
    .where('i.live_version', '>', 0)
    .where('i.withdrawn_at', 'is', null)
    .where('v.body_html', 'like', '%http%')
    .orderBy('i.id')
    .execute();
}

export async function saveLinkCheck(db: Executor, row: LinkCheck): Promise<void> {
  const { url, ...rest } = row;
  await db.insertInto('health_link_checks').values(row).onConflict((oc) => oc.column('url').doUpdateSet(rest)).execute();
}

// ---- settings -----------------------------------------------------------------------------

export const SETTINGS_KEY = 'health.settings';
export const LINK_CHECK_LEASE_KEY = 'health.linkCheckLease';
export const LINK_CHECK_LAST_RUN_KEY = 'health.linkCheckLastRun';

export async function readSettingValue(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSettingValue(db: Executor, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/**
 * Takes the lease of the external link checker until `until` (ISO), unless another run holds an
 * unexpired one: so that several instances never check at once (one request per second per host
 * holds across the installation). The value starts with the expiry, so ISO order is time order.
 */
export async function takeLease(db: Executor, value: string, nowIso: string): Promise<boolean> {
  const inserted = await db.insertInto('settings').values({ key: LINK_CHECK_LEASE_KEY, value }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const updated = await db.updateTable('settings').set({ value }).where('key', '=', LINK_CHECK_LEASE_KEY).where('value', '<', nowIso).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function releaseLease(db: Executor, value: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', LINK_CHECK_LEASE_KEY).where('value', '=', value).execute();
}

// ---- snapshots ----------------------------------------------------------------------------

/** Agencies that already have their snapshot of the day. */
export async function agenciesWithSnapshot(db: Executor, onDate: string): Promise<Set<number>> {
  const rows = await db.selectFrom('health_agency_snapshots').select('agency_id').where('on_date', '=', onDate).execute();
  return new Set(rows.map((r) => r.agency_id));
}

/** Writes a day's rows; rows already there (another instance, a second run) are left as they are. */
export async function insertSnapshots(db: Executor, columns: Insertable<HealthColumnSnapshotTable>[], agency: Insertable<HealthAgencySnapshotTable>): Promise<boolean> {
  const result = await db.insertInto('health_agency_snapshots').values(agency).onConflict((oc) => oc.columns(['agency_id', 'on_date']).doNothing()).executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  for (let i = 0; i < columns.length; i += 100) {
    await db.insertInto('health_column_snapshots').values(columns.slice(i, i + 100)).onConflict((oc) => oc.columns(['column_id', 'on_date']).doNothing()).execute();
  }
  return true;
}

/** The agencies' snapshots of a day. */
export async function agencySnapshotsOn(db: Executor, agencyIds: readonly number[], onDate: string) {
  const out: Array<Selectable<HealthAgencySnapshotTable>> = [];
  for (const ids of chunks(agencyIds)) out.push(...(await db.selectFrom('health_agency_snapshots').selectAll().where('on_date', '=', onDate).where('agency_id', 'in', ids).execute()));
  return out;
}

/** A column's snapshots, oldest first (at most the last `limit` days). */
export async function columnSnapshots(db: Executor, columnId: number, limit: number) {
  const rows = await db.selectFrom('health_column_snapshots').selectAll().where('column_id', '=', columnId).orderBy('on_date', 'desc').limit(limit).execute();
  return rows.reverse();
}

/** An agency's daily conclusions, newest first. */
export function agencySnapshots(db: Executor, agencyId: number, limit: number) {
  return db.selectFrom('health_agency_snapshots').select(['on_date', 'result', 'veto', 'score', 'stale_columns', 'empty_columns']).where('agency_id', '=', agencyId).orderBy('on_date', 'desc').limit(limit).execute();
}
