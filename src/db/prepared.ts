/**
 * Queries built once and run many times. Kysely builds a query's tree and compiles it to SQL on
 * every call: for a portal item page's join that took about 100 µs, more than SQLite took to run
 * it, and the two queries of an item page were about a quarter of its CPU. A prepared query is
 * written with Kysely as usual, with `param('name')` where a value goes; it is compiled once per
 * dialect, and each call only fills in the values. On SQLite the statement is found already
 * prepared (withStatementCache); on PostgreSQL it runs as a named statement, parsed and planned
 * once per connection (statement-names.ts).
 *
 * `build` is told the dialect, for the few SQL functions that differ (JSON aggregates).
 *
 * Only plain values can be parameters (no arrays for `in`, no values Kysely would turn into SQL).
 * Values that are not parameters stay as they were compiled.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { dialectOf, type Dialect, type Executor } from './database.js';
import type { DB } from './schema.js';
import { registerServerPrepared } from './statement-names.js';

/** Stands for a parameter while compiling; no real value starts with a NUL. */
const PARAM_PREFIX = '\u0000gongkai-param:';

type Slot<P> = { param: keyof P } | { value: unknown };

export type PreparedQuery<P, O> = (db: Executor, params: P) => Promise<O[]>;

export function preparedQuery<P extends Record<string, unknown>, O>(
  build: (db: Kysely<DB>, param: <K extends keyof P & string>(name: K) => P[K], dialect: Dialect) => Compilable<O>,
): PreparedQuery<P, O> {
  const compiled = new Map<Dialect, { sql: string; slots: Array<Slot<P>> }>();
  const param = <K extends keyof P & string>(name: K) => `${PARAM_PREFIX}${name}` as P[K];
  return async (db, params) => {
    const dialect = dialectOf(db as unknown as Kysely<unknown>);
    let query = compiled.get(dialect);
    if (!query) {
      const { sql, parameters } = build(db as Kysely<DB>, param, dialect).compile();
      query = {
        sql,
        slots: parameters.map((p) => (typeof p === 'string' && p.startsWith(PARAM_PREFIX) ? { param: p.slice(PARAM_PREFIX.length) } : { value: p })),
      };
      compiled.set(dialect, query);
      if (dialect === 'postgres') registerServerPrepared(sql);
    }
    const values = query.slots.map((slot) => ('param' in slot ? params[slot.param] : slot.value));
    const result = await db.executeQuery<O>(CompiledQuery.raw(query.sql, values));
    return result.rows;
  };
}
