/** SQL of decision imports: the import rows, batched inserts of decisions, the year's counts. */
import { CompiledQuery, sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.js';
import type { RegistryImportTable } from '../../../db/schema.js';
import type { DecisionKind } from '../../../domain/registry/decisions.js';

export type RegistryImport = Selectable<RegistryImportTable>;

/** One decision to insert. */
export interface DecisionRowValues {
  number: string;
  date: string;
}

export async function insertImport(db: Executor, values: Insertable<RegistryImportTable>): Promise<RegistryImport> {
  return db.insertInto('registry_imports').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findImport(db: Executor, id: number): Promise<RegistryImport | undefined> {
  return db.selectFrom('registry_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A running import of this agency and kind, if any (at most one: a partial unique index). */
export function findRunningImport(db: Executor, agencyId: number, kind: DecisionKind): Promise<RegistryImport | undefined> {
  return db.selectFrom('registry_imports').selectAll().where('agency_id', '=', agencyId).where('kind', '=', kind).where('status', '=', 'running').executeTakeFirst();
}

/** The latest imports of these agencies, newest first. */
export function listImports(db: Executor, agencyIds: readonly number[], limit: number): Promise<RegistryImport[]> {
  return db
    .selectFrom('registry_imports')
    .selectAll()
    .where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Updates a running import; false when it is no longer running or is failing (finished, or marked
 * failing by recoverInterruptedImports because its heartbeat had stopped) — the caller must stop.
 */
export async function updateRunningImport(db: Executor, id: number, values: Updateable<RegistryImportTable>): Promise<boolean> {
  const result = await db.updateTable('registry_imports').set(values).where('id', '=', id).where('status', '=', 'running').where('failure', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The heartbeat of a running (or failing, while its rows are deleted) import. */
export async function touchImport(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('registry_imports').set({ heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Marks a running import failing: its own batches stop; its rows are deleted next. */
export async function markImportFailing(db: Executor, id: number, failure: string, at: string): Promise<void> {
  await db.updateTable('registry_imports').set({ failure, heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').where('failure', 'is', null).execute();
}

/** Marks a failing import failed once its rows are gone; false when someone else already did. */
export async function markImportFailed(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('registry_imports').set({ status: 'failed', finished_at: at, heartbeat_at: at }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Running imports whose heartbeat is older than `before` (their process has stopped). */
export function staleRunningImports(db: Executor, before: string): Promise<RegistryImport[]> {
  return db.selectFrom('registry_imports').selectAll().where('status', '=', 'running').where('heartbeat_at', '<', before).orderBy('id').execute();
}

/**
 * SQLite: the rows as one JSON text spread by json_each — a small statement whatever the batch
 * size. A multi-row VALUES list of 25,000 parameters was parsed into a program of several MB for
 * every batch, freed only when the garbage collector got round to the statement object, so the
 * process grew by tens of MB during an import. (WHERE true: an INSERT … SELECT before ON
 * CONFLICT needs a WHERE clause, SQLite's parser would otherwise take ON for a join.) RETURNING
 * (SQLite ≥ 3.35) gives the dates of the rows actually added, for the year tallies.
 */
const SQLITE_INSERT = `insert into "registry_decisions" ("agency_id","kind","import_id","decision_number","decided_on")
  select ?, ?, ?, json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(?) where true
  on conflict ("agency_id","kind","decision_number") do nothing returning "decided_on"`;

/**
 * Rows per statement: the JSON text (SQLite) and the array literals the driver makes of the two
 * arrays (PostgreSQL) stay under V8's large-object size (128 KB). A larger text that outlives one
 * minor collection stays in memory until a full one — with a batch every few milliseconds, the
 * process grew by about the size of the file.
 */
const ROWS_PER_STATEMENT = 1000;

/** A number already stored for the agency and kind is skipped, also one repeated within the batch. */
const ON_CONFLICT = 'on conflict ("agency_id","kind","decision_number") do nothing';

/**
 * PostgreSQL: the batch as two array parameters spread by unnest — five parameters instead of
 * 25,000 for the driver to convert and bind — and the added rows counted per year by the database
 * itself (a data-modifying WITH), so that a few rows come back instead of thousands.
 */
const POSTGRES_INSERT = `with added as (
  insert into "registry_decisions" ("agency_id","kind","import_id","decision_number","decided_on")
  select $1, $2, $3, t.n, t.d from unnest($4::text[], $5::text[]) as t(n, d)
  ${ON_CONFLICT} returning "decided_on")
select cast(substr("decided_on", 1, 4) as integer) as "year", count(*) as "n" from added group by 1`;

/** Rows per batch: one transaction, five statements of ROWS_PER_STATEMENT. */
export const DECISION_ROWS_PER_INSERT = 5000;

/**
 * Inserts decisions of an import (at most DECISION_ROWS_PER_INSERT) and adds the new ones to the
 * import's year tallies; returns how many were new. The rest repeat a number already stored for
 * the agency and kind. Call inside the batch's transaction.
 */
export async function insertDecisions(
  db: Executor, dialect: Dialect, values: { agencyId: number; kind: DecisionKind; importId: number }, rows: readonly DecisionRowValues[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const perYear = new Map<number, number>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    if (dialect === 'postgres') {
      const numbers = part.map((r) => r.number);
      const dates = part.map((r) => r.date);
      const result = await db.executeQuery<{ year: number; n: number }>(CompiledQuery.raw(POSTGRES_INSERT, [values.agencyId, values.kind, values.importId, numbers, dates]));
      for (const r of result.rows) perYear.set(Number(r.year), (perYear.get(Number(r.year)) ?? 0) + Number(r.n));
    } else {
      const json = JSON.stringify(part.map((r) => [r.number, r.date]));
      const result = await db.executeQuery<{ decided_on: string }>(CompiledQuery.raw(SQLITE_INSERT, [values.agencyId, values.kind, values.importId, json]));
      for (const r of result.rows) {
        const year = Number(r.decided_on.slice(0, 4));
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
      }
    }
  }
  let added = 0;
  for (const [year, decisions] of perYear) {
    added += decisions;
    await db
      .insertInto('registry_import_years')
      .values({ import_id: values.importId, year, decisions })
      .onConflict((oc) => oc.columns(['import_id', 'year']).doUpdateSet((eb) => ({ decisions: eb('registry_import_years.decisions', '+', eb.ref('excluded.decisions')) })))
      .execute();
  }
  return added;
}

/** Deletes up to `limit` decisions of an import; returns how many (0: none left). */
export async function deleteDecisionsOfImport(db: Executor, importId: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('registry_decisions')
    .where('id', 'in', (eb) => eb.selectFrom('registry_decisions').select('id').where('import_id', '=', importId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes an import's year tallies (its rows are gone). */
export async function deleteImportYears(db: Executor, importId: number): Promise<void> {
  await db.deleteFrom('registry_import_years').where('import_id', '=', importId).execute();
}

/**
 * Decisions of an agency dated in the year, per kind, from finished imports only: the sum of
 * their year tallies. A running import's rows are not counted until it is done; a failed one has
 * neither rows nor tallies left.
 */
export async function decisionCountsForYear(db: Executor, agencyId: number, year: number): Promise<Partial<Record<DecisionKind, number>>> {
  const rows = await db
    .selectFrom('registry_import_years as y')
    .innerJoin('registry_imports as i', 'i.id', 'y.import_id')
    .select(['i.kind', sql<number>`sum(y.decisions)`.as('n')])
    .where('i.agency_id', '=', agencyId)
    .where('i.status', '=', 'done')
    .where('y.year', '=', year)
    .groupBy('i.kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}
