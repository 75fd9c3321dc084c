/** SQL of agencies. */
import type { Executor } from '../../db/database.js';
import type { Agency, AgencyUpdate, NewAgency } from '../../db/schema.js';

export function listAllAgencies(db: Executor): Promise<Agency[]> {
  return db.selectFrom('agencies').selectAll().orderBy('sort_order').orderBy('id').execute();
}

/**
 * How long public pages may use a copy of the agency list. Reading the 300 agencies of a
 * district costs about 2 ms on SQLite (building the row objects), more than the rest of an item
 * page; every portal page needs the list for the site's name. This instance's own writes
 * (insertAgency, updateAgencyRow) drop the copy at once — a page read on PostgreSQL between such
 * a write and its transaction's commit may still keep the old list until it expires — and other
 * instances behind the same proxy only see a change when their copy expires, so the time is
 * kept short. Public pages are sent with max-age=60: a visitor may see older pages than this anyway.
 */
export const AGENCY_CACHE_MS = 5_000;

interface CachedAgencies {
  at: number;
  generation: number;
  rows: Promise<Agency[]>;
}

/** Copies per database (Kysely instance): tests and tools may open several in one process. */
const agencyCache = new WeakMap<Executor, CachedAgencies>();
/** Bumped by every write to agencies; a copy read before the write is not used after it. */
let agencyGeneration = 0;

/**
 * listAllAgencies for public pages: a copy at most AGENCY_CACHE_MS old (see there), read once for
 * all the requests that arrive meanwhile. Inside a transaction it reads the table. Each caller
 * gets its own array (the agency objects are shared: do not change them).
 */
export async function listAllAgenciesCached(db: Executor): Promise<Agency[]> {
  if (db.isTransaction) return listAllAgencies(db);
  const now = performance.now();
  let entry = agencyCache.get(db);
  if (!entry || entry.generation !== agencyGeneration || now - entry.at >= AGENCY_CACHE_MS) {
    const fresh: CachedAgencies = { at: now, generation: agencyGeneration, rows: listAllAgencies(db) };
    agencyCache.set(db, fresh);
    fresh.rows.catch(() => {
      if (agencyCache.get(db) === fresh) agencyCache.delete(db);
    });
    entry = fresh;
  }
  return [...(await entry.rows)];
}

/** Drops every cached agency list (after a write to agencies). */
export function forgetCachedAgencies(): void {
  agencyGeneration++;
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
  const agency = await db.insertInto('agencies').values(values).returningAll().executeTakeFirstOrThrow();
  forgetCachedAgencies();
  return agency;
}

export async function updateAgencyRow(db: Executor, id: number, values: AgencyUpdate): Promise<Agency> {
  const agency = await db.updateTable('agencies').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  forgetCachedAgencies();
  return agency;
}

export async function countAgencies(db: Executor): Promise<number> {
  const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
