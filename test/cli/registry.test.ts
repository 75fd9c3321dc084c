/**
 * `gongkai registry import-decisions` as an operator runs it, on SQLite and on PostgreSQL: an
 * import with a bad row, the same file again (all duplicates), and refused input.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, PG_ADMIN_URL } from '../db.js';
import { gongkai, sqlOn as sqlOnInstallation } from './run.js';

// Each command starts a Node process that compiles TypeScript on the fly (3–5 s on a busy machine).
vi.setConfig({ testTimeout: 180_000 });



describe.each(DIALECTS)('gongkai registry import-decisions on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-registry-'));
  const dbName = `gongkai_cli_registry_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: dir, DATABASE_URL: '' };
  const sqlOn = (query: string) => sqlOnInstallation({ dialect, dataDir: dir, databaseUrl: env.DATABASE_URL }, query);
  const list = path.join(dir, '2025年行政处罚决定.csv');

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`CREATE DATABASE ${dbName}`);
      await c.end();
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
    expect((await gongkai(env, 'migrate')).code).toBe(0);
    await sqlOn(`insert into agencies (parent_id, name, short_name, kind, credit_code, index_code, sort_order, created_at, updated_at)
      values (null, '青川区市场监督管理局', '区市场监管局', 'department', null, null, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    fs.writeFileSync(list, '\ufeff决定文书号,决定日期,相对人\r\n青市监罚〔2025〕1号,2025-01-03,张三\r\n青市监罚〔2025〕2号,2025/2/4,\r\n青市监罚〔2025〕3号,2025年3月5日,\r\n青市监罚〔2025〕4号,2025-02-30,\r\n');
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    }
  });

  it('imports the list, lists the bad row, leaves the file in place; the same file again adds nothing', async () => {
    const id = ((await sqlOn("select id from agencies where short_name = '区市场监管局'"))[0] as { id: number }).id;
    const first = await gongkai(env, 'registry', 'import-decisions', '--agency', String(id), '--kind', 'penalty', list);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^开始导入 2025年行政处罚决定\.csv（导入编号1）\n/);
    expect(first.stdout).toContain('导入完成：读取4行，新导入3件，重复0件，有误1行\n  第5行“决定日期”：不是有效的日期（“2025-02-30”），日期可写作2025-01-24、2025/1/24或2025年1月24日\n');
    expect(fs.existsSync(list)).toBe(true);
    const stored = await sqlOn('select decision_number, decided_on from registry_decisions order by decided_on');
    expect(stored).toEqual([
      { decision_number: '青市监罚〔2025〕1号', decided_on: '2025-01-03' },
      { decision_number: '青市监罚〔2025〕2号', decided_on: '2025-02-04' },
      { decision_number: '青市监罚〔2025〕3号', decided_on: '2025-03-05' },
    ]);
    expect(await sqlOn("select action, actor_name from audit_log where entity_type = 'registryImport' order by seq")).toEqual([
      { action: 'registry.import.start', actor_name: '系统（命令行）' },
      { action: 'registry.import.finish', actor_name: '系统（命令行）' },
    ]);

    const again = await gongkai(env, 'registry', 'import-decisions', '--agency', String(id), '--kind', 'penalty', list);
    expect(again.stdout).toContain('导入完成：读取4行，新导入0件，重复3件，有误1行');
    expect(Number((await sqlOn('select count(*) as n from registry_decisions'))[0]!.n)).toBe(3);
  });

  it('refuses a wrong kind, an unknown agency and a missing file with exit code 2', async () => {
    const kind = await gongkai(env, 'registry', 'import-decisions', '--agency', '1', '--kind', 'fine', list);
    expect([kind.code, kind.stderr]).toEqual([2, '错误：提交的内容有误：类别：请选择决定类别\n']);
    const agency = await gongkai(env, 'registry', 'import-decisions', '--agency', '999', '--kind', 'penalty', list);
    expect([agency.code, agency.stderr]).toEqual([2, '错误：单位不存在或无权访问\n']);
    const missing = await gongkai(env, 'registry', 'import-decisions', '--agency', '1', '--kind', 'penalty', path.join(dir, 'none.csv'));
    expect([missing.code, missing.stderr]).toEqual([2, `错误：文件不存在：${path.join(dir, 'none.csv')}\n`]);
  });
});
