/**
 * Long lists in the static export (SQLite and PostgreSQL): a column's and an agency's 目录 later
 * pages are made from one pass over the list's rows (publicListPages, read in chunks of 1,000 that
 * each start after the last row of the one before), not requested page by page. Every page must
 * still be the server's, across chunk boundaries and among many items of the same date.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicStateQuery } from '../../src/features/portal/export-changes.js';
import { exportStatic, fileFor } from '../../src/features/portal/static-export.js';
import { columnFeedItems, publicCatalogue, publicColumn, publicListPages } from '../../src/features/publications/queries.js';
import { openDatabase } from '../../src/db/database.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';
import { testApp } from '../http.js';

/** Items in the long column; with a second, short column of the same agency, its 目录 has 2,170. */
const LONG = 2_150;
const SHORT = 20;

describe.each(DIALECTS)('long lists in the static export on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let dir: string;
  let agencyId: number;
  let longColumn: number;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const d = await makeDistrict(ctx);
    agencyId = d.deptA.id;
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();
    const column = (name: string) => db.insertInto('publication_columns').values({ agency_id: agencyId, parent_id: null, name, kind: 'news', sort_order: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    longColumn = (await column('工作动态')).id;
    const shortColumn = (await column('通知公告')).id;
    await db.transaction().execute(async (trx) => {
      for (let n = 1; n <= LONG + SHORT; n++) {
        // 37 dates for 2,170 items: about 60 items share each date, so chunks end among equal dates.
        const date = `2026-01-${String(1 + (n % 37) % 28).padStart(2, '0')}`;
        const title = `第${n}条工作动态`;
        const item = await trx.insertInto('publication_items').values({
          agency_id: agencyId, column_id: n <= LONG ? longColumn : shortColumn, title, body_html: `<p>正文${n}</p>`, info_kind: 'news', subject_category: null,
          issuing_agency: '测试区教育局', document_number: null, written_date: null, made_on: null, source_name: null, source_url: null, interprets_item_id: null,
          scheduled_for: null, correction_note: null, status: 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null,
          live_version: 1, index_number: `EDU/2026-${String(n).padStart(5, '0')}`, published_date: date, first_published_at: at,
          validity: n % 250 === 0 ? 'repealed' : 'valid', validity_on: n % 250 === 0 ? '2026-02-01' : null, withdrawn_at: null, withdrawal_reason: null, created_at: at, updated_at: at,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('publication_versions').values({
          item_id: item.id, version: 1, title, body_html: `<p>正文${n}：${'内容'.repeat(n % 40)}</p>`, metadata: JSON.stringify({ indexNumber: `EDU/2026-${String(n).padStart(5, '0')}` }),
          attachment_ids: '[]', correction_note: null, published_at: at, published_by: '用户',
        }).execute();
      }
    });
    app = await testApp(ctx);
    dir = await mkdtemp(path.join(os.tmpdir(), 'gk-export-lists-'));
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads a list in one pass as the same pages, in the same order, as one query per page', async () => {
    const db = ctx.database.db;
    const columnPages: number[][] = [];
    for await (const rows of publicListPages(db, 'column_id', longColumn, 20, 2)) columnPages.push(rows.map((r) => r.id));
    expect(columnPages).toHaveLength(Math.ceil(LONG / 20) - 1);
    for (const [i, ids] of columnPages.entries()) expect(ids, `page ${i + 2}`).toEqual((await publicColumn(db, longColumn, i + 2)).rows.map((r) => r.id));

    const cataloguePages: number[][] = [];
    for await (const rows of publicListPages(db, 'agency_id', agencyId, 100, 2)) cataloguePages.push(rows.map((r) => r.id));
    expect(cataloguePages).toHaveLength(Math.ceil((LONG + SHORT) / 100) - 1);
    expect(cataloguePages.at(-1)).toHaveLength((LONG + SHORT) % 100);
    for (const [i, ids] of cataloguePages.entries()) expect(ids, `page ${i + 2}`).toEqual((await publicCatalogue(db, agencyId, i + 2)).rows.map((r) => r.id));
  });

  it('takes the export’s snapshot from the covering index of migration 0014, not from the item rows', async () => {
    const { sql: text, parameters } = publicStateQuery(ctx.database.db).compile();
    expect(parameters).toEqual([]);
    // SQLite's planner has no statistics here, as in production; PostgreSQL chooses by its own.
    if (dialect === 'sqlite') {
      const plan = (await sql.raw(`explain query plan ${text}`).execute(ctx.database.db)).rows.map((r) => (r as { detail: string }).detail);
      expect(plan).toEqual(['SCAN publication_items USING COVERING INDEX publication_items_public_state']);
    }
    expect((await publicStateQuery(ctx.database.db).execute()).length).toBe(LONG + SHORT);
  });

  it('reads the lists’ pages, counts and feeds through the covering partial indexes of migration 0016', async () => {
    const read = async (db: TestContext['database']['db']) => {
      const column = await publicColumn(db, longColumn, 3);
      const catalogue = await publicCatalogue(db, agencyId, 3);
      const feed = await columnFeedItems(db, longColumn);
      const pass: number[] = [];
      for await (const rows of publicListPages(db, 'column_id', longColumn, 20, 2)) pass.push(rows.length);
      return [column.total, column.rows.length, catalogue.total, catalogue.rows.length, feed.length, pass.length];
    };
    expect(await read(ctx.database.db)).toEqual([LONG, 20, LONG + SHORT, 100, 20, Math.ceil(LONG / 20) - 1]);
    // SQLite: the statements these run, prepared on a connection of their own so that none comes
    // from the statement cache, and their plans. Every read of publication_items must be one of
    // the public partial indexes covering it, or a look-up of a row by id; not the older
    // (column_id, published_date) / (agency_id, published_date) indexes, which read every row
    // before the page. PostgreSQL's planner chooses by its statistics.
    if (dialect === 'sqlite') {
      const own = openDatabase({ databaseUrl: null, dataDir: path.dirname(ctx.database.sqliteFile!), sqliteFile: ctx.database.sqliteFile! });
      const statements: string[] = [];
      const prepare = own.sqlite!.prepare.bind(own.sqlite!);
      own.sqlite!.prepare = ((text: string) => {
        statements.push(text);
        return prepare(text);
      }) as typeof prepare;
      try {
        expect(await read(own.db)).toEqual([LONG, 20, LONG + SHORT, 100, 20, Math.ceil(LONG / 20) - 1]);
        const reads = new Set<string>();
        for (const text of statements.filter((t) => t.includes('"publication_items"'))) {
          const args = (text.match(/\?/g) ?? []).map(() => 1);
          for (const row of prepare(`explain query plan ${text}`).all(...args) as Array<{ detail: string }>) {
            if (/publication_items|\b(i|p)\b USING/.test(row.detail) && !row.detail.includes('publication_versions')) reads.add(row.detail.replace(/ \(.*\)$/, ''));
          }
        }
        expect([...reads].sort()).toEqual([
          'SEARCH i USING COVERING INDEX publication_items_agency_public',
          'SEARCH i USING COVERING INDEX publication_items_column_public',
          'SEARCH i USING INTEGER PRIMARY KEY',
          'SEARCH p USING COVERING INDEX publication_items_agency_public',
          'SEARCH p USING COVERING INDEX publication_items_column_public',
        ]);
      } finally {
        await own.close();
      }
    }
  });

  it('gives a column’s feed its first page, in the page’s order', async () => {
    const db = ctx.database.db;
    const firstPage = (await publicColumn(db, longColumn, 1)).rows.map((r) => r.id);
    expect(firstPage).toHaveLength(20);
    expect((await columnFeedItems(db, longColumn)).map((r) => r.id)).toEqual(firstPage);
  });

  it('writes every page of every list with the server’s bytes, and no page after the last', async () => {
    const result = await exportStatic(ctx, dir, { workers: 0 });
    expect(result.broken).toEqual([]);
    const pages = [
      ...Array.from({ length: Math.ceil(LONG / 20) }, (_, i) => (i === 0 ? `/columns/${longColumn}` : `/columns/${longColumn}/page/${i + 1}`)),
      ...Array.from({ length: Math.ceil((LONG + SHORT) / 100) }, (_, i) => (i === 0 ? `/agencies/${agencyId}/catalogue` : `/agencies/${agencyId}/catalogue/page/${i + 1}`)),
    ];
    for (const url of pages) {
      const served = await app.inject({ url });
      expect(served.statusCode, url).toBe(200);
      expect(await readFile(path.join(dir, fileFor(url, 'text/html'))), url).toEqual(served.rawPayload);
    }
    await expect(readFile(path.join(dir, 'columns', String(longColumn), 'page', `${Math.ceil(LONG / 20) + 1}.html`))).rejects.toThrow(/ENOENT/);
    await expect(readFile(path.join(dir, 'agencies', String(agencyId), 'catalogue', 'page', `${Math.ceil((LONG + SHORT) / 100) + 1}.html`))).rejects.toThrow(/ENOENT/);
  });
});
