/** Running the gongkai command as an operator would: a Node process compiling TypeScript on the fly. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project root (the commands run there). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `gongkai <args>` with extra environment; never throws on a non-zero exit code. */
export async function gongkai(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Runs one SQL statement on the installation a command used: the SQLite file in its data folder,
 * or the PostgreSQL database its environment names. Rows for a query, [] otherwise.
 */
export async function sqlOn(installation: { dialect: 'sqlite' | 'postgres'; dataDir: string; databaseUrl: string | undefined }, query: string): Promise<Array<Record<string, unknown>>> {
  if (installation.dialect === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(path.join(installation.dataDir, 'gongkai.sqlite'));
    try {
      const statement = db.prepare(query);
      if (!statement.reader) {
        statement.run();
        return [];
      }
      return statement.all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: installation.databaseUrl });
  await c.connect();
  try {
    return (await c.query(query)).rows as Array<Record<string, unknown>>;
  } finally {
    await c.end();
  }
}
