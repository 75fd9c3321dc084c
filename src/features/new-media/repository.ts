/** SQL of 政务新媒体: the accounts and their monthly item counts. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NewMediaAccountTable, NewMediaMonthlyItemsTable } from '../../db/schema.js';
import { PLATFORMS, type Platform } from './rules.js';

export type NewMediaAccount = Selectable<NewMediaAccountTable>;
export type MonthlyItems = Selectable<NewMediaMonthlyItemsTable>;

const ids = (agencyIds: readonly number[]) => (agencyIds.length ? [...agencyIds] : [-1]);

export function findAccount(db: Executor, id: number): Promise<NewMediaAccount | undefined> {
  return db.selectFrom('new_media_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountByName(db: Executor, agencyId: number, platform: Platform, name: string): Promise<NewMediaAccount | undefined> {
  return db.selectFrom('new_media_accounts').selectAll().where('agency_id', '=', agencyId).where('platform', '=', platform).where('name', '=', name).executeTakeFirst();
}

export async function insertAccount(db: Executor, values: Insertable<NewMediaAccountTable>): Promise<NewMediaAccount> {
  return db.insertInto('new_media_accounts').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAccountRow(db: Executor, id: number, values: Updateable<NewMediaAccountTable>): Promise<NewMediaAccount> {
  return db.updateTable('new_media_accounts').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The accounts of these agencies: operating ones first, then by platform (in PLATFORMS order) and name. */
export function listAccounts(db: Executor, agencyIds: readonly number[]): Promise<NewMediaAccount[]> {
  return db
    .selectFrom('new_media_accounts')
    .selectAll()
    .where('agency_id', 'in', ids(agencyIds))
    .orderBy(sql`case when status = 'operating' then 0 else 1 end`)
    .orderBy(sql`case platform ${sql.join(PLATFORMS.map((p, i) => sql`when ${p} then ${i}`), sql` `)} else ${PLATFORMS.length} end`)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The counts of an account for the months in [from, to] ('YYYY-MM'). */
export function monthsOfAccount(db: Executor, accountId: number, from: string, to: string): Promise<MonthlyItems[]> {
  return db.selectFrom('new_media_monthly_items').selectAll().where('account_id', '=', accountId).where('month', '>=', from).where('month', '<=', to).orderBy('month').execute();
}

/** Items of the year per account, for the accounts of these agencies. */
export async function itemsPerAccount(db: Executor, agencyIds: readonly number[], year: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('new_media_monthly_items as m')
    .innerJoin('new_media_accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', sql<number>`sum(m.items)`.as('n')])
    .where('a.agency_id', 'in', ids(agencyIds))
    .where('m.month', '>=', `${year}-01`)
    .where('m.month', '<=', `${year}-12`)
    .groupBy('m.account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
}

/** Items of the year per agency. */
export async function itemsPerAgency(db: Executor, agencyIds: readonly number[], year: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('new_media_monthly_items as m')
    .innerJoin('new_media_accounts as a', 'a.id', 'm.account_id')
    .select(['a.agency_id', sql<number>`sum(m.items)`.as('n')])
    .where('a.agency_id', 'in', ids(agencyIds))
    .where('m.month', '>=', `${year}-01`)
    .where('m.month', '<=', `${year}-12`)
    .groupBy('a.agency_id')
    .execute();
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
}

/** The dates and platform of every account of these agencies (the year's figures). */
export function accountDates(db: Executor, agencyIds: readonly number[]) {
  return db.selectFrom('new_media_accounts').select(['agency_id', 'platform', 'opened_on', 'closed_on']).where('agency_id', 'in', ids(agencyIds)).execute();
}

export async function upsertMonth(db: Executor, row: Insertable<NewMediaMonthlyItemsTable>): Promise<void> {
  await db
    .insertInto('new_media_monthly_items')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'month']).doUpdateSet({ items: row.items, entered_by: row.entered_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteMonth(db: Executor, accountId: number, month: string): Promise<void> {
  await db.deleteFrom('new_media_monthly_items').where('account_id', '=', accountId).where('month', '=', month).execute();
}

/** The stored counts of these (account, month) pairs, keyed 'accountId|month'. */
export async function storedMonths(db: Executor, accountIds: readonly number[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.selectFrom('new_media_monthly_items').select(['account_id', 'month', 'items']).where('account_id', 'in', [...accountIds]).execute();
  return new Map(rows.map((r) => [`${r.account_id}|${r.month}`, r.items]));
}
