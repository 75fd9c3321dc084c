/** SQL of the standard disclosure catalogue: matters, their columns, and what the columns show. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { StandardCatalogueMatterTable } from '../../db/schema.js';

export type Matter = Selectable<StandardCatalogueMatterTable>;

const ids = (list: readonly number[]) => (list.length ? [...list] : [-1]);

/** The matters of some agencies, in catalogue order (领域, then the table's order). */
export function listMatters(db: Executor, agencyIds: readonly number[]): Promise<Matter[]> {
  return db.selectFrom('standard_catalogue_matters').selectAll()
    .where('agency_id', 'in', ids(agencyIds))
    .orderBy('agency_id').orderBy('domain').orderBy('sort_order').orderBy('id')
    .execute();
}

export function listDomainMatters(db: Executor, agencyId: number, domain: string): Promise<Matter[]> {
  return db.selectFrom('standard_catalogue_matters').selectAll().where('agency_id', '=', agencyId).where('domain', '=', domain).orderBy('sort_order').execute();
}

export function findMatter(db: Executor, id: number): Promise<Matter | undefined> {
  return db.selectFrom('standard_catalogue_matters').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMatter(db: Executor, values: Insertable<StandardCatalogueMatterTable>): Promise<Matter> {
  return db.insertInto('standard_catalogue_matters').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateMatterRow(db: Executor, id: number, values: Updateable<StandardCatalogueMatterTable>): Promise<void> {
  await db.updateTable('standard_catalogue_matters').set(values).where('id', '=', id).execute();
}

/** Removes matters with their column mappings. */
export async function deleteMatters(db: Executor, matterIds: readonly number[]): Promise<void> {
  if (matterIds.length === 0) return;
  await db.deleteFrom('standard_catalogue_matter_columns').where('matter_id', 'in', [...matterIds]).execute();
  await db.deleteFrom('standard_catalogue_matters').where('id', 'in', [...matterIds]).execute();
}

/** matter id → the ids of the columns that carry it. */
export async function mappingsOf(db: Executor, matterIds: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('standard_catalogue_matter_columns').select(['matter_id', 'column_id'])
    .where('matter_id', 'in', ids(matterIds)).orderBy('matter_id').orderBy('column_id').execute();
  const result = new Map<number, number[]>();
  for (const r of rows) result.set(r.matter_id, [...(result.get(r.matter_id) ?? []), r.column_id]);
  return result;
}

export async function replaceMappings(db: Executor, matterId: number, columnIds: readonly number[]): Promise<void> {
  await db.deleteFrom('standard_catalogue_matter_columns').where('matter_id', '=', matterId).execute();
  if (columnIds.length) await db.insertInto('standard_catalogue_matter_columns').values(columnIds.map((column_id) => ({ matter_id: matterId, column_id }))).execute();
}

/** The newest published date of each column's public items on or before `asOf`. */
export async function lastPublishedByColumn(db: Executor, agencyIds: readonly number[], asOf: string): Promise<Map<number, string>> {
  const rows = await db.selectFrom('publication_items')
    .select(['column_id', sql<string>`max(published_date)`.as('last')])
    .where('agency_id', 'in', ids(agencyIds))
    .where('live_version', '>', 0)
    .where('withdrawn_at', 'is', null)
    .where('published_date', '<=', asOf)
    .groupBy('column_id')
    .execute();
  return new Map(rows.filter((r) => r.last).map((r) => [r.column_id, r.last]));
}

/** Public items of the given columns published within [from, to], with their live titles. */
export function itemsOfColumns(db: Executor, columnIds: readonly number[], from: string, to: string) {
  if (columnIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select(['i.id', 'i.column_id', 'v.title', 'i.made_on', 'i.published_date'])
    .where('i.column_id', 'in', [...columnIds])
    .where('i.live_version', '>', 0)
    .where('i.withdrawn_at', 'is', null)
    .where('i.published_date', '>=', from)
    .where('i.published_date', '<=', to)
    .orderBy('i.published_date').orderBy('i.id')
    .execute();
}
