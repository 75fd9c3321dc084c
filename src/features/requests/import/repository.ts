/** SQL of the bulk import of past requests: a lock, one look-up per import, batched inserts. */
import { CompiledQuery, sql, type Insertable } from 'kysely';
import type { Dialect, Executor } from '../../../db/database.js';
import type { RequestEventTable, RequestTable } from '../../../db/schema.js';

/**
 * SQLite allows at most 32,766 bound parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER
 * since 3.32); PostgreSQL 65,535. A batch uses at most this many.
 */
export const MAX_BOUND_PARAMETERS = 32_766;

/** Rows per multi-row INSERT: as many as the parameter limit allows, at most 1,000. */
export function batchSize(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(MAX_BOUND_PARAMETERS / columns)));
}

/**
 * Makes concurrent imports queue up on PostgreSQL (a transaction-scoped advisory lock), so that
 * two imports started together cannot number their requests alike or both pass the duplicate
 * check. SQLite runs one writing transaction at a time anyway.
 */
export async function lockImports(trx: Executor, dialect: Dialect): Promise<void> {
  // 0x676b696d = 'gkim': an arbitrary key reserved for this lock.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${0x676b696d})`.execute(trx);
}

/**
 * The highest tracking number starting with `prefix`, which ends in '-' (fixed-width numbers
 * sort as text). On SQLite a range over the unique index: its LIKE ignores case, cannot use the
 * index, and would scan every request. On PostgreSQL LIKE, which is right whatever the
 * database's collation (a locale collation may ignore the '-' a range relies on).
 */
export async function lastTrackingNumber(trx: Executor, dialect: Dialect, prefix: string): Promise<string | null> {
  let query = trx.selectFrom('requests').select((eb) => eb.fn.max('tracking_number').as('last'));
  query = dialect === 'sqlite'
    // '.' follows '-' in byte order: every number with the prefix sorts below prefix-with-'.'.
    ? query.where('tracking_number', '>', prefix).where('tracking_number', '<', `${prefix.slice(0, -1)}.`)
    : query.where('tracking_number', 'like', `${prefix}%`);
  const row = await query.executeTakeFirst();
  return row?.last ?? null;
}

/** Stored requests of these agencies received in [from, to]: what an imported row may repeat. */
export function requestsReceivedBetween(trx: Executor, agencyIds: readonly number[], from: string, to: string) {
  return trx
    .selectFrom('requests')
    .select(['agency_id', 'tracking_number', 'requester_name', 'requester_id_number', 'requester_credit_code', 'description', 'received_on'])
    .where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1])
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .execute();
}

/**
 * One multi-row INSERT as SQL text, cached per table, shape and dialect. The rows are bound as
 * parameters. Written out rather than built with Kysely's query builder: building and compiling
 * a syntax tree of 26,000 values per statement took longer than SQLite took to run it.
 */
const insertTexts = new Map<string, string>();
function insertText(dialect: Dialect, table: string, columns: readonly string[], rows: number, returning: string): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}|${returning}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`;
    const tuples = Array.from({ length: rows }, tuple).join(',');
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples}${returning ? ` returning ${returning}` : ''}`;
    if (insertTexts.size > 100) insertTexts.clear();
    insertTexts.set(key, text);
  }
  return text;
}

/** Runs multi-row INSERTs of `rows` (all with the same keys) in batches; yields each batch's RETURNING rows. */
async function insertBatches<R>(trx: Executor, dialect: Dialect, table: string, rows: readonly object[], returning: string, each: (returned: R[]) => void): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const size = batchSize(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const parameters: unknown[] = [];
    for (const row of batch) for (const column of columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
    const result = await trx.executeQuery<R>(CompiledQuery.raw(insertText(dialect, table, columns, batch.length, returning), parameters));
    each(result.rows);
  }
}

/** Inserts requests in batches; returns the id of each tracking number. */
export async function insertRequestBatch(trx: Executor, dialect: Dialect, rows: readonly Insertable<RequestTable>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // Neither database promises RETURNING rows in VALUES order, hence the map by tracking number.
  await insertBatches<{ id: number; tracking_number: string }>(trx, dialect, 'requests', rows, 'id, tracking_number', (returned) => {
    for (const r of returned) ids.set(r.tracking_number, Number(r.id));
  });
  return ids;
}

/** Inserts timeline events in batches. */
export async function insertEventBatch(trx: Executor, dialect: Dialect, rows: readonly Insertable<RequestEventTable>[]): Promise<void> {
  await insertBatches(trx, dialect, 'request_events', rows, '', () => {});
}
