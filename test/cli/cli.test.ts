/**
 * The gongkai command as an operator runs it, on SQLite and on PostgreSQL: demo, user
 * administration, audit verification after tampering, backup, calendar and report check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, PG_ADMIN_URL } from '../db.js';
import { gongkai, ROOT, sqlOn as sqlOnInstallation } from './run.js';
import { LOCK_FILE } from '../../src/features/portal/static-export.js';

// Each command starts a Node process that compiles TypeScript on the fly (3–5 s on a busy
// 2-core machine), and a test runs several of them.
vi.setConfig({ testTimeout: 180_000 });

const ZHANYI = path.resolve(ROOT, '../shared/fixtures/reports/zhanyi-2022.txt');


describe.each(DIALECTS)('gongkai command on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
  const dbName = `gongkai_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: dir, DATABASE_URL: '' };
  const sqlOn = (query: string) => sqlOnInstallation({ dialect, dataDir: dir, databaseUrl: env.DATABASE_URL }, query);

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

  it('loads the demo district and administers users', async () => {
    const demo = await gongkai(env, 'demo');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('已加载演示数据：18个单位，120个用户，310条已发布的政府信息，20个政务新媒体账号（运营中19个），3次培训记录。');
    const again = await gongkai(env, 'demo');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('演示数据已加载过');

    const created = await gongkai(env, 'user', 'create', '--agency', '3', '--username', 'zhang.san', '--name', '张三', '--roles', 'drafter,reviewerFirst');
    expect(created.stdout).toMatch(/^已创建用户 zhang\.san，一次性初始密码：.{16}\n$/);
    const bad = await gongkai(env, 'user', 'create', '--agency', '3', '--username', 'li.si', '--name', '李四', '--roles', 'boss');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('角色：不是有效的角色');
    expect((await gongkai(env, 'user', 'lock', 'zhang.san')).stdout).toBe('已锁定账号 zhang.san\n');
    expect(await sqlOn("select disabled from users where username = 'zhang.san'")).toEqual([{ disabled: 1 }]);
    expect((await gongkai(env, 'user', 'lock', 'nobody')).stderr).toContain('用户“nobody”不存在');
  });

  it('exports the demo portal statically, only with the portal\'s public address', async () => {
    const out = path.join(dir, 'portal');
    const missing = await gongkai(env, 'export-static', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('导出静态门户需要门户的公开地址');
    expect(fs.existsSync(out)).toBe(false);
    const wrong = await gongkai(env, 'export-static', out, '--base-url', 'www.qingchuan.gov.cn');
    expect([wrong.code, wrong.stderr.trim()]).toEqual([2, '--base-url 须为 http(s) 网址，如 https://www.example.gov.cn，收到“www.qingchuan.gov.cn”。']);
    const threads = await gongkai(env, 'export-static', out, '--base-url', 'https://www.qingchuan.gov.cn/', '--workers', 'two');
    expect([threads.code, threads.stderr.trim()]).toEqual([2, '--workers 须为 0 到 64 的整数，收到“two”。']);
    expect(fs.existsSync(out)).toBe(false);
    const done = await gongkai(env, 'export-static', out, '--base-url', 'https://www.qingchuan.gov.cn/');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/已导出到 .*：\d+个页面/);
    expect(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://www.qingchuan.gov.cn/sitemaps/pages.xml</loc>');
    expect(fs.readFileSync(path.join(out, '404.html'), 'utf8')).toContain('您访问的页面不存在');
    expect(fs.existsSync(path.join(out, 'items', '1.html'))).toBe(true);
    // Run again into the same folder: a refresh, and nothing has changed since.
    const again = await gongkai(env, 'export-static', out, '--base-url', 'https://www.qingchuan.gov.cn/');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^已更新 .*（自上次导出以来有变动的信息0条、不再公开的0条）：重新生成\d+个页面，共\d+个文件（[\d.]+ MB），其中新写入或有改动的0个，删除不再公开的0个；用时/m);
    const full = await gongkai(env, 'export-static', out, '--base-url', 'https://www.qingchuan.gov.cn/', '--full');
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/^已全部重新生成 .*：\d+个页面，共\d+个文件（[\d.]+ MB），其中新写入或有改动的0个，删除不再公开的0个；用时/m);
    // Another export working in the folder (this test's own process holds the lock): nothing is done.
    fs.writeFileSync(path.join(out, LOCK_FILE), String(process.pid));
    const busy = await gongkai(env, 'export-static', out, '--base-url', 'https://www.qingchuan.gov.cn/');
    expect([busy.code, busy.stdout, busy.stderr.trim()]).toEqual([3, '', `另一个导出（进程 ${process.pid}）正在写入 ${out}，本次未做任何改动；请等它结束后再运行。`]);
    fs.rmSync(path.join(out, LOCK_FILE));
  });

  it('audit verify passes, then names the first edited entry', async () => {
    const ok = await gongkai(env, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('审计日志完好：共4条，哈希链连续无断裂\n');
    await sqlOn("update audit_log set data = '{}' where seq = 3");
    const broken = await gongkai(env, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('审计日志校验失败：第3条记录的内容已被改动（哈希不符）（共读取4条）\n');
  });

  it('backs up the database', async () => {
    const target = path.join(dir, dialect === 'sqlite' ? 'copy.sqlite' : 'copy.sql');
    const res = await gongkai(env, 'backup', target);
    expect(res.stdout).toBe(`已备份到 ${target}\n`);
    const content = fs.readFileSync(target);
    if (dialect === 'sqlite') expect(content.subarray(0, 15).toString()).toBe('SQLite format 3');
    else expect(content.toString()).toContain('CREATE TABLE public.audit_log');
  });
});

describe('gongkai command without an installation', () => {
  const env = { GONGKAI_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-')), DATABASE_URL: '' };
  afterAll(() => fs.rmSync(env.GONGKAI_DATA_DIR, { recursive: true, force: true }));

  it('computes due dates across 国庆 2024', async () => {
    const res = await gongkai(env, 'calendar', 'due', '2024-09-27');
    expect(res.stdout).toBe('2024-10-30\n');
  });
  it('checks the zhanyi 2022 report: exit 1 with its known inconsistencies', async () => {
    const res = await gongkai(env, 'report', 'check', ZHANYI, '--json');
    expect(res.code).toBe(1);
    const { findings } = JSON.parse(res.stdout) as { findings: Array<{ rule: string; cells: string[] }> };
    const rules = findings.map((f) => `${f.rule} ${f.cells[0]}`);
    expect(rules).toContain('requests.balance section3.received.total');
    expect(rules).toContain('requests.outcomeSum section3.handledTotal.total');
    expect(rules).toContain('narrative.mismatch section2.normativeDocs.inForce');
    expect(findings.some((f) => f.rule === 'reviews.groupTotal')).toBe(false);
  });
});
