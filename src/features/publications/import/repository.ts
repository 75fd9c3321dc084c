/** SQL of the import of items from an old site. Every function runs on the executor it is given. */
import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.js';

/** Values per IN (…) list: far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Makes concurrent imports queue up on PostgreSQL (a transaction-scoped advisory lock), so that
 * two imports started together cannot both pass the duplicate checks. SQLite runs one writing
 * transaction at a time anyway.
 */
export async function lockItemImports(trx: Executor, dialect: Dialect): Promise<void> {
  // 0x676b7069 = 'gkpi': an arbitrary key reserved for this lock.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${0x676b7069})`.execute(trx);
}

/** The stored items holding any of these index numbers (of any agency: index numbers are unique). */
export async function itemsWithIndexNumbers(db: Executor, numbers: readonly string[]) {
  const found: Array<{ id: number; agency_id: number; index_number: string | null; live_version: number; withdrawn_at: string | null }> = [];
  for (const part of chunks([...new Set(numbers)])) {
    found.push(...await db.selectFrom('publication_items').select(['id', 'agency_id', 'index_number', 'live_version', 'withdrawn_at']).where('index_number', 'in', part).execute());
  }
  return found;
}

/** An agency's published (or once published) items with a published date in [from, to]. */
export function publishedBetween(db: Executor, agencyId: number, from: string, to: string) {
  return db
    .selectFrom('publication_items')
    .select(['id', 'title', 'published_date', 'index_number'])
    .where('agency_id', '=', agencyId)
    .where('published_date', '>=', from)
    .where('published_date', '<=', to)
    .execute();
}

/**
 * Raises an agency's index-number sequence for a year to at least `serial` (never lowers it),
 * so that the next generated number comes after the numbers an import kept.
 */
export async function raiseIndexSerial(db: Executor, agencyId: number, year: number, serial: number): Promise<void> {
  const row = await db.selectFrom('index_number_sequences').select('last_serial').where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  if (!row) {
    await db.insertInto('index_number_sequences').values({ agency_id: agencyId, year, last_serial: serial }).execute();
    return;
  }
  if (row.last_serial < serial) {
    await db.updateTable('index_number_sequences').set({ last_serial: serial }).where('agency_id', '=', agencyId).where('year', '=', year).execute();
  }
}

/** The account imported items are recorded under at the command line: the first active system administrator. */
export function firstSystemAdministrator(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.display_name'])
    .where('user_roles.role', '=', 'systemAdmin')
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .executeTakeFirst();
}

/**
 * The stored index numbers starting with `prefix` (an agency's code and '/'). The code is made of
 * letters, digits and hyphens (index-number.ts), none of which LIKE treats specially.
 */
export async function itemIndexNumbersWithPrefix(db: Executor, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('publication_items').select('index_number').where('index_number', 'like', `${prefix}%`).execute();
  return rows.flatMap((r) => (r.index_number ? [r.index_number] : []));
}
