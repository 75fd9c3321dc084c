/** SQL of agencies. */
import type { Executor } from '../../db/database.js';
import type { Agency, AgencyUpdate, NewAgency } from '../../db/schema.js';

export function listAllAgencies(db: Executor): Promise<Agency[]> {
  return db.selectFrom('agencies').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export function findAgency(db: Executor, id: number): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgencyByName(db: Executor, name: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('name', '=', name).executeTakeFirst();
}

export function findAgencyByCreditCode(db: Executor, code: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('credit_code', '=', code).executeTakeFirst();
}

export async function insertAgency(db: Executor, values: NewAgency): Promise<Agency> {
  return db.insertInto('agencies').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgencyRow(db: Executor, id: number, values: AgencyUpdate): Promise<Agency> {
  return db.updateTable('agencies').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function countAgencies(db: Executor): Promise<number> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
