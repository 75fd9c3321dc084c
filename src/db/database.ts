/**
 * Opens gongkai's database: embedded SQLite (one file under the data directory) by default,
 * PostgreSQL when DATABASE_URL is set. Everything above this file is dialect-agnostic.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { serverPreparedStatements } from './statement-names.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The SQLite file, for backups; null on PostgreSQL. */
  sqliteFile: string | null;
  /** How another process or thread opens the same database (the static export's workers). */
  options: DatabaseOptions;
  /**
   * The better-sqlite3 connection behind `db`; null on PostgreSQL. Only for bulk writes that
   * prepare their statements once (the import of past requests), and only inside a transaction
   * opened on `db`: it is the same single connection, so its statements join that transaction.
   */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

/** A connection or an open transaction: services take whichever they are given. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** SQLite only: an explicit file (tests use a temporary one). */
  sqliteFile?: string;
}

// PostgreSQL returns COUNT(*) and other int8 values as strings; our counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped database) is
    // discarded by the pool; without a listener its error would end the whole process.
    pool.on('error', (error) => process.stderr.write(`PostgreSQL connection closed by the server: ${error.message}\n`));
    pool.on('connect', useNamedStatements);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqliteFile: null, options: { databaseUrl: options.databaseUrl, dataDir: options.dataDir }, sqlite: null, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir, 'gongkai.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of pages kept per connection (SQLite's default is 2 MiB): a portal page reads a few
  // pages of a large database, and each one not kept costs a read from the OS's cache.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqliteFile: file, options: { databaseUrl: null, dataDir: options.dataDir, sqliteFile: file }, sqlite, close: () => db.destroy() };
}

/** Prepared statements kept per connection; SQL texts beyond it (e.g. long IN lists) are re-prepared. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement anew, and on SQLite preparing costs more than
 * running a primary-key look-up (about a tenth of a portal page's CPU). This hands the driver the
 * same prepared statement for the same SQL text, least recently used dropped first. A statement
 * still iterating (a streamed query) is busy and cannot run twice, so a fresh one is prepared for
 * the second user; SQLite re-prepares a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const kept = cache.get(sql);
      if (kept && !kept.busy) {
        // Re-inserted, so the Map's order stays least recently used first.
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (!kept) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

/**
 * Kysely runs every query as `client.query(text, values)`, an unnamed statement that PostgreSQL
 * parses and plans each time. A text registered by a prepared query runs as a named statement
 * instead: pg prepares it on the connection the first time and then only binds the values.
 */
function useNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && Array.isArray(rest[0]) && rest.length === 1 ? serverPreparedStatements.get(text) : undefined;
    return name ? query({ name, text, values: rest[0] }) : query(text, ...rest);
  };
}

/** Which dialect a Kysely instance speaks (migrations need it for identity columns). */
export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
