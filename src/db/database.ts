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

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The SQLite file, for backups; null on PostgreSQL. */
  sqliteFile: string | null;
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqliteFile: null, sqlite: null, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir, 'gongkai.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

/** Which dialect a Kysely instance speaks (migrations need it for identity columns). */
export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
