/**
 * Migration 0015 moves the corrections in progress off the item rows: a published item back in
 * draft, in review or scheduled gets its live version's values back on the row, and its working
 * copy goes into `correction`. Items without a correction are left as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { ItemStatus } from '../../src/db/schema.js';
import { findItem } from '../../src/features/publications/repository.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';

describe.each(DIALECTS)('migration 0015 (corrections beside the live values) on %s', (dialect) => {
  let ctx: TestContext;
  const ids: Record<string, number> = {};
  const columns: Record<string, number> = {};
  const at = '2026-03-02T02:00:00.000Z';

  beforeAll(async () => {
    ctx = await createTestContext(dialect, {}, { migratedTo: '2026-11-27-0014-export-snapshot-index' });
    const db = ctx.database.db;
    const d = await makeDistrict(ctx);
    for (const [key, name] of [['notices', '通知公告'], ['policies', '行政规范性文件'], ['old', '旧栏目']] as const) {
      columns[key] = (await db.insertInto('publication_columns').values({ agency_id: d.deptA.id, parent_id: null, name, kind: 'notices', sort_order: 1, created_at: at, updated_at: at })
        .returning('id').executeTakeFirstOrThrow()).id;
    }
    const item = async (key: string, status: ItemStatus, live: { columnId: number; title: string } | null, working: { columnId: number; title: string; infoKind: string; documentNumber: string | null }) => {
      const row = await db.insertInto('publication_items').values({
        agency_id: d.deptA.id, column_id: working.columnId, title: working.title, body_html: `<p>${working.title}</p>`, info_kind: working.infoKind,
        subject_category: '科技、教育', issuing_agency: '测试区教育局', document_number: working.documentNumber, written_date: null, made_on: '2026-03-01',
        source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null, correction_note: null, status, review_stage: status === 'review' ? 1 : null,
        stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null, live_version: live ? 1 : 0, index_number: live ? `GK/2026-0000${Object.keys(ids).length + 1}` : null,
        published_date: live ? '2026-03-01' : null, first_published_at: live ? at : null, withdrawn_at: null, withdrawal_reason: null, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      ids[key] = row.id;
      if (live) {
        await db.insertInto('publication_versions').values({
          item_id: row.id, version: 1, title: live.title, body_html: `<p>${live.title}</p>`, attachment_ids: '[]', correction_note: null, published_at: at, published_by: '终审人',
          metadata: JSON.stringify({
            indexNumber: 'GK', columnId: live.columnId, infoKind: 'notice', subjectCategory: '科技、教育', issuingAgency: '测试区教育局', documentNumber: null,
            writtenDate: null, madeOn: '2026-02-27', publishedDate: '2026-03-01', sourceName: null, sourceUrl: null, interpretsItemId: null,
          }),
        }).execute();
      }
    };
    // Saved over the row before 0015: moved to the policies column, made a normative document.
    await item('inReview', 'review', { columnId: columns.notices!, title: '关于资助工作的通知' }, { columnId: columns.policies!, title: '资助工作规程', infoKind: 'normative', documentNumber: '测教规〔2026〕3号' });
    // Moved out of a column that was then deleted: the row keeps the column it has.
    await item('columnGone', 'draft', { columnId: columns.old!, title: '旧栏目的通知' }, { columnId: columns.notices!, title: '旧栏目的通知（更正）', infoKind: 'notice', documentNumber: null });
    await db.deleteFrom('publication_columns').where('id', '=', columns.old!).execute();
    await item('published', 'published', { columnId: columns.notices!, title: '已发布的通知' }, { columnId: columns.notices!, title: '已发布的通知', infoKind: 'notice', documentNumber: null });
    await item('draft', 'draft', null, { columnId: columns.policies!, title: '从未发布的草稿', infoKind: 'normative', documentNumber: '测教规〔2026〕4号' });
    await migrateToLatest(ctx.database);
  });
  afterAll(async () => {
    await ctx?.cleanup();
  });

  const row = (key: string) => ctx.database.db.selectFrom('publication_items')
    .select(['column_id', 'title', 'body_html', 'info_kind', 'document_number', 'made_on', 'status', 'correction']).where('id', '=', ids[key]!).executeTakeFirstOrThrow();

  it('puts the live values back on the row of a correction in progress, and the correction beside them', async () => {
    const r = await row('inReview');
    expect({ ...r, correction: null }).toEqual({
      column_id: columns.notices, title: '关于资助工作的通知', body_html: '<p>关于资助工作的通知</p>', info_kind: 'notice', document_number: null, made_on: '2026-02-27', status: 'review', correction: null,
    });
    expect(JSON.parse(r.correction!)).toEqual({
      column_id: columns.policies, title: '资助工作规程', body_html: '<p>资助工作规程</p>', info_kind: 'normative', subject_category: '科技、教育', issuing_agency: '测试区教育局',
      document_number: '测教规〔2026〕3号', written_date: null, made_on: '2026-03-01', source_name: null, source_url: null, interprets_item_id: null,
    });
    // The console still sees the correction.
    const working = await findItem(ctx.database.db, ids.inReview!);
    expect([working!.column_id, working!.title, working!.info_kind]).toEqual([columns.policies, '资助工作规程', 'normative']);
  });

  it('keeps the column of an item whose live column was deleted', async () => {
    const r = await row('columnGone');
    expect([r.column_id, r.title, r.status]).toEqual([columns.notices, '旧栏目的通知', 'draft']);
    expect(JSON.parse(r.correction!).title).toBe('旧栏目的通知（更正）');
  });

  it('leaves published items and drafts never published as they were', async () => {
    expect(await row('published')).toMatchObject({ title: '已发布的通知', made_on: '2026-03-01', correction: null });
    expect(await row('draft')).toMatchObject({ column_id: columns.policies, title: '从未发布的草稿', document_number: '测教规〔2026〕4号', correction: null });
  });
});
