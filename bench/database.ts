/**
 * A fresh database for one benchmark run: a SQLite file, or a PostgreSQL database created for
 * the run and dropped afterwards — also on Ctrl-C or SIGTERM, so a stopped run leaves nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** How another process (a forked server) reaches the same database. */
export interface BenchConnection {
  sqliteFile: string | null;
  databaseUrl: string | null;
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Runs `body` on a migrated fresh database and always cleans up. With `dir` the SQLite file is
 * made there and only the database files are removed (the folder may hold the run's inputs);
 * without it a temporary folder is made and removed.
 */
export async function withBenchDatabase<T>(
  dialect: Dialect,
  body: (database: Database, connection: BenchConnection) => Promise<T>,
  options: { dir?: string } = {},
): Promise<T> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const sqliteFile = path.join(dir, 'bench.sqlite');
  let database: Database;
  let databaseUrl: string | null = null;
  let drop = async () => {};
  if (dialect === 'sqlite') {
    database = openDatabase({ databaseUrl: null, dataDir: dir, sqliteFile });
  } else {
    const name = `gongkai_bench_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    database = openDatabase({ databaseUrl, dataDir: dir });
    drop = async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      console.error(`已删除基准数据库 ${name}`);
    };
  }
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await database.close().catch(() => undefined);
      await drop();
      if (options.dir) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile + suffix, { force: true });
      else fs.rmSync(dir, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await migrateToLatest(database);
    return await body(database, { sqliteFile: database.sqliteFile, databaseUrl });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
