/**
 * Test databases: every storage test runs on SQLite (a temporary file) and on PostgreSQL
 * (a database created for the test file and dropped afterwards, on 127.0.0.1:5432).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.js';
import type { AppContext, Clock } from '../src/context.js';
import { openDatabase, type Dialect } from '../src/db/database.js';
import { migrateTo, migrateToLatest } from '../src/db/migrate.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** Where the test PostgreSQL server is; CI and the developers' machines have it here. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private t = new Date('2026-03-02T02:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
  advanceMinutes(m: number) {
    this.advance(m * 60_000);
  }
}

export interface TestContext extends AppContext {
  clock: FakeClock;
  cleanup(): Promise<void>;
}

/**
 * A fresh database on `dialect`, migrated to the latest migration, or only up to
 * `options.migratedTo` (a test of a later migration's data move runs the rest itself).
 */
export async function createTestContext(dialect: Dialect, overrides: Partial<Config> = {}, options: { migratedTo?: Parameters<typeof migrateTo>[1] } = {}): Promise<TestContext> {
  const migrate = (database: TestContext['database']) => (options.migratedTo ? migrateTo(database, options.migratedTo) : migrateToLatest(database));
  // Tests sign in far more often than a person: the rate limits get their own test (foundation).
  const base = loadConfig({ LOG_LEVEL: 'silent', GONGKAI_LOGIN_RATE_LIMIT: '1000', GONGKAI_PUBLIC_RATE_LIMIT: '1000' } as NodeJS.ProcessEnv);
  const clock = new FakeClock();
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
    const config = { ...base, dataDir: dir, databaseUrl: null, ...overrides };
    const database = openDatabase({ ...config, sqliteFile: path.join(dir, 'test.sqlite') });
    await migrate(database);
    return {
      database, config, clock,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `gongkai_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const config = { ...base, databaseUrl: url.toString(), ...overrides };
  const database = openDatabase(config);
  await migrate(database);
  return {
    database, config, clock,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
