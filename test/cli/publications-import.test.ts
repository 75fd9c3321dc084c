/**
 * `gongkai publications import` as an operator runs it, on SQLite and on PostgreSQL: a check
 * that writes nothing, a CSV with its attachment in the file's folder, the same file again, a
 * ZIP imported as a named account, another agency's drafter, a missing file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { insertColumn } from '../../src/features/publications/repository.js';
import { DIALECTS, FakeClock, PG_ADMIN_URL } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { gongkai } from './run.js';

// Each command starts a Node process that compiles TypeScript on the fly (3–5 s on a busy
// 2-core machine), and a test runs several of them.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const CSV = [
  '标题,栏目,发布日期,索引号,正文,附件',
  '关于印发《学生资助工作实施细则》的通知,政策文件,2020-09-01,,<p>细则全文见附件。</p>,附件/实施细则.pdf',
  '教育局开展2020年秋季开学安全检查,工作动态,2020年9月2日,OLD-2020-0007,检查情况如下。,',
].join('\r\n');


describe.each(DIALECTS)('gongkai publications import on %s', (dialect) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-import-'));
  const files = path.join(dir, '旧网站导出');
  const dbName = `gongkai_cli_import_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const env: NodeJS.ProcessEnv = { GONGKAI_DATA_DIR: dir, DATABASE_URL: '' };
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let rootId: number;

  /** The installation's database, opened in this process between commands. */
  async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
    const database = openDatabase(loadConfig({ GONGKAI_DATA_DIR: dir, DATABASE_URL: env.DATABASE_URL } as NodeJS.ProcessEnv));
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  }
  const items = () => withDatabase((database) => database.db.selectFrom('publication_items').selectAll().orderBy('id').execute());

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
    await withDatabase(async (database) => {
      await migrateToLatest(database);
      const ctx = { database, config: loadConfig({ GONGKAI_DATA_DIR: dir } as NodeJS.ProcessEnv), clock: new FakeClock() };
      district = await makeDistrict(ctx);
      rootId = (await makeUser(ctx, { agencyId: district.government.id, roles: ['systemAdmin'], username: 'root' })).id;
      const at = ctx.clock.now().toISOString();
      for (const [name, kind] of [['政策文件', 'policy'], ['工作动态', 'news']]) {
        await insertColumn(database.db, { agency_id: district.deptA.id, parent_id: null, name: name!, kind: kind!, sort_order: 0, created_at: at, updated_at: at });
      }
    });
    fs.mkdirSync(path.join(files, '附件'), { recursive: true });
    fs.writeFileSync(path.join(files, 'items.csv'), CSV);
    fs.writeFileSync(path.join(files, '附件', '实施细则.pdf'), PDF);
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

  it('--check reads the CSV and its attachment from the folder and writes nothing', async () => {
    const res = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), '--check', path.join(files, 'items.csv'));
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toBe('检查通过：2条信息、1个附件可以导入（未写入数据库）\n');
    expect(await items()).toEqual([]);
  });

  it('imports the CSV as the command line, recording the items under the first system administrator', async () => {
    const res = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), path.join(files, 'items.csv'));
    const code = `GK${String(district.deptA.id).padStart(6, '0')}`;
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toBe(`已导入2条信息，附件1个；沿用原索引号1条；新编索引号1条（${code}/2020-00001）。\n`);
    const rows = await items();
    expect(rows.map((r) => [r.title, r.status, r.index_number, r.published_date, r.drafter_user_id])).toEqual([
      ['关于印发《学生资助工作实施细则》的通知', 'published', `${code}/2020-00001`, '2020-09-01', rootId],
      ['教育局开展2020年秋季开学安全检查', 'published', 'OLD-2020-0007', '2020-09-02', rootId],
    ]);
    await withDatabase(async ({ db }) => {
      const attachment = await db.selectFrom('publication_attachments').selectAll().where('item_id', '=', rows[0]!.id).executeTakeFirstOrThrow();
      expect([attachment.file_name, attachment.kind, Buffer.from(attachment.content).equals(PDF)]).toEqual(['实施细则.pdf', 'pdf', true]);
      const version = await db.selectFrom('publication_versions').selectAll().where('item_id', '=', rows[0]!.id).executeTakeFirstOrThrow();
      expect(JSON.parse(version.attachment_ids)).toEqual([attachment.id]);
      expect(version.published_by).toBe('历史信息导入（系统（命令行））');
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'item.import').execute();
      expect(audit.map((a) => [a.actor_user_id, a.actor_name, a.agency_id])).toEqual([[null, '系统（命令行）', district.deptA.id]]);
      expect(JSON.parse(audit[0]!.data)).toMatchObject({ fileName: 'items.csv', items: 2, attachments: 1, drafterUserId: rootId });
    });
  });

  it('the same file again: every row is listed as already imported, exit code 1, nothing written', async () => {
    const res = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), path.join(files, 'items.csv'));
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe([
      '未导入：在2条信息中发现2处错误，涉及2条；文件中的任何一条信息都没有导入，请更正后重新导入。',
      `第2行：已导入过：本单位已有标题和发布日期都相同的信息（索引号GK${String(district.deptA.id).padStart(6, '0')}/2020-00001）`,
      '第3行“索引号”：索引号已存在：本单位已有索引号为OLD-2020-0007的信息，该行可能已经导入过',
      '',
    ].join('\n'));
    expect(await items()).toHaveLength(2);
  });

  it('a ZIP imported as a named drafter; another agency’s drafter and a missing file are refused', async () => {
    const z = new JSZip();
    z.file('items.json', JSON.stringify([{ title: '2021年学生资助资金分配结果', column: '政策文件', infoKind: 'fiscal', publishedDate: '2021-06-30', attachments: ['分配表.pdf'] }]));
    z.file('分配表.pdf', PDF);
    const zip = path.join(dir, '迁移包.zip');
    fs.writeFileSync(zip, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const refused = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), '--user', 'drafter-b', zip);
    expect(refused).toMatchObject({ code: 2, stderr: '错误：单位不存在或无权访问\n' });
    const missing = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), path.join(dir, 'nothing.csv'));
    expect(missing).toMatchObject({ code: 2, stderr: `错误：文件不存在：${path.join(dir, 'nothing.csv')}\n` });
    expect(await items()).toHaveLength(2);

    const res = await gongkai(env, 'publications', 'import', '--agency', String(district.deptA.id), '--user', 'drafter-a', zip);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toBe(`已导入1条信息，附件1个；新编索引号1条（GK${String(district.deptA.id).padStart(6, '0')}/2021-00001）。\n`);
    const imported = (await items())[2]!;
    expect([imported.title, imported.info_kind, imported.drafter_user_id]).toEqual(['2021年学生资助资金分配结果', 'fiscal', district.drafterA.id]);
    await withDatabase(async ({ db }) => {
      const version = await db.selectFrom('publication_versions').select('published_by').where('item_id', '=', imported.id).executeTakeFirstOrThrow();
      expect(version.published_by).toBe(`历史信息导入（${district.drafterA.display_name}）`);
    });
  });
});
