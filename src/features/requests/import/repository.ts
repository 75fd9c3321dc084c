/** SQL of the bulk import of past requests: a lock, one look-up per import, bulk inserts. */
import { CompiledQuery, sql } from 'kysely';
import type { Database, Dialect, Executor } from '../../../db/database.js';
import type { RequestTable } from '../../../db/schema.js';
import type { RequestEvent } from '../../../domain/requests/types.js';

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

/** The columns an imported request is written with, in the order of ImportedRequestValues. */
export const IMPORTED_REQUEST_COLUMNS = [
  'agency_id', 'tracking_number', 'query_code_hash', 'requester_kind', 'requester_name', 'requester_id_type',
  'requester_id_number', 'requester_credit_code', 'requester_phone', 'requester_email', 'requester_address', 'requester_key',
  'description', 'preferred_form', 'delivery_way', 'channel', 'received_on', 'state', 'outcome', 'handled_on', 'due_date',
  'due_flag', 'handler_user_id', 'public_log', 'created_at', 'updated_at',
] as const satisfies readonly (keyof RequestTable)[];

/**
 * One imported request as the values of IMPORTED_REQUEST_COLUMNS, in that order: a tuple
 * rather than an object per row, since the values go straight to bound parameters.
 */
export type ImportedRequestValues = ColumnValues<typeof IMPORTED_REQUEST_COLUMNS>;
type ColumnValues<T extends readonly (keyof RequestTable)[]> = { -readonly [I in keyof T]: RequestTable[T[I]] };

const TRACKING_NUMBER = IMPORTED_REQUEST_COLUMNS.indexOf('tracking_number');

const EVENT_COLUMNS = ['request_id', 'seq', 'type', 'on_date', 'data', 'actor_user_id', 'actor_name', 'at'] as const;

/** Who wrote the imported timelines, and when: the same on every event row. */
export interface ImportAuthor {
  userId: number | null;
  name: string;
  at: string;
}

/** Writes imported requests with their timelines inside the import's transaction. */
export interface ImportWriter {
  /** Writes (SQLite) or queues (PostgreSQL) one request and its events, seq 1, 2, … in order. */
  add(request: ImportedRequestValues, events: readonly RequestEvent[]): void;
  /** Writes whatever is queued; call it once, after the last add. */
  finish(): Promise<void>;
}

/**
 * The writer for the database the transaction runs on.
 *
 * SQLite: one single-row INSERT for requests and one for events, each prepared once per import
 * on the better-sqlite3 connection (which is the transaction's: SQLite has one connection) and
 * run for every row; a request's id is the statement's last insert rowid. Measured on 50,000
 * rows, this is faster than multi-row INSERTs through Kysely, which paid for building the
 * parameter lists and for preparing a 1,000-row statement again for every batch
 * (docs/PERFORMANCE.md).
 *
 * PostgreSQL: multi-row INSERTs sized to the parameter limit, one round trip per batch; the ids
 * come back by RETURNING.
 */
export function importWriter(trx: Executor, database: Database, author: ImportAuthor): ImportWriter {
  if (database.dialect === 'sqlite') {
    if (database.sqlite === null) throw new Error('SQLite database without its connection');
    return sqliteWriter(database.sqlite, author);
  }
  return batchedWriter(trx, database.dialect, author);
}

/** The stored form of an event: its fields other than type and date, as JSON (as the service writes it). */
function eventData(event: RequestEvent): string {
  const { type: _type, on: _on, ...data } = event;
  return JSON.stringify(data);
}

function sqliteWriter(sqlite: NonNullable<Database['sqlite']>, author: ImportAuthor): ImportWriter {
  const insertRequest = sqlite.prepare(insertText('sqlite', 'requests', IMPORTED_REQUEST_COLUMNS, 1, ''));
  const insertEvent = sqlite.prepare(insertText('sqlite', 'request_events', EVENT_COLUMNS, 1, ''));
  return {
    add(request, events) {
      const requestId = insertRequest.run(request).lastInsertRowid;
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        insertEvent.run(requestId, i + 1, event.type, event.on, eventData(event), author.userId, author.name, author.at);
      }
    },
    finish: async () => undefined,
  };
}

function batchedWriter(trx: Executor, dialect: Dialect, author: ImportAuthor): ImportWriter {
  const requests: ImportedRequestValues[] = [];
  const timelines: (readonly RequestEvent[])[] = [];
  return {
    add(request, events) {
      requests.push(request);
      timelines.push(events);
    },
    async finish() {
      const ids = new Map<string, number>();
      const requestBatch = batchSize(IMPORTED_REQUEST_COLUMNS.length);
      for (let i = 0; i < requests.length; i += requestBatch) {
        const batch = requests.slice(i, i + requestBatch);
        const text = insertText(dialect, 'requests', IMPORTED_REQUEST_COLUMNS, batch.length, 'id, tracking_number');
        const result = await trx.executeQuery<{ id: number; tracking_number: string }>(CompiledQuery.raw(text, batch.flat()));
        // Neither database promises RETURNING rows in VALUES order, hence the map by tracking number.
        for (const r of result.rows) ids.set(r.tracking_number, Number(r.id));
      }
      const eventBatch = batchSize(EVENT_COLUMNS.length);
      let parameters: unknown[] = [];
      let rows = 0;
      const flush = async () => {
        await trx.executeQuery(CompiledQuery.raw(insertText(dialect, 'request_events', EVENT_COLUMNS, rows, ''), parameters));
        parameters = [];
        rows = 0;
      };
      for (let i = 0; i < requests.length; i++) {
        const requestId = ids.get(requests[i]![TRACKING_NUMBER] as string)!;
        const events = timelines[i]!;
        for (let k = 0; k < events.length; k++) {
          const event = events[k]!;
          parameters.push(requestId, k + 1, event.type, event.on, eventData(event), author.userId, author.name, author.at);
          if (++rows === eventBatch) await flush();
        }
      }
      if (rows > 0) await flush();
    },
  };
}

/**
 * One INSERT of `rows` rows as SQL text, cached per table, shape and dialect; the values are
 * bound as parameters. Written out rather than built with Kysely's query builder: building and
 * compiling a syntax tree of 26,000 values per statement took longer than SQLite took to run it.
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
