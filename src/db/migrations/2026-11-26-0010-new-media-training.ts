import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * 监督保障, part one: the register of government new-media accounts (政务新媒体) with the items
 * each published per month, the trainings held and who attended them, and the supervising
 * office's performance assessment (绩效考核): the items of its score sheet per year and the
 * scores it enters by hand. Scores of the computed items are not stored: they are computed from
 * the records whenever the sheet is shown.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('new_media_accounts'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    // 'wechat' | 'weibo' | 'douyin' | 'toutiao' | 'app' | 'other'
    .addColumn('platform', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('platform_account_id', 'varchar(100)')
    .addColumn('operator', 'varchar(200)', (c) => c.notNull())
    .addColumn('opened_on', 'varchar(10)', (c) => c.notNull())
    // 'operating' (运营中) | 'closed' (已关停) | 'merged' (整合)
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('close_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One account of a name per platform and agency: the import finds accounts by name.
  await db.schema.createIndex('new_media_accounts_name').on('new_media_accounts').columns(['agency_id', 'platform', 'name']).unique().execute();

  await db.schema
    .createTable('new_media_monthly_items')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('new_media_accounts.id'))
    // 'YYYY-MM'
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('new_media_monthly_items_pk', ['account_id', 'month'])
    .execute();

  await idColumn(db, db.schema.createTable('trainings'))
    .addColumn('organiser_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trainings_held_on').on('trainings').columns(['held_on']).execute();

  await db.schema
    .createTable('training_participants')
    .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_participants_pk', ['training_id', 'agency_id'])
    .execute();
  await db.schema.createIndex('training_participants_agency').on('training_participants').columns(['agency_id']).execute();

  await idColumn(db, db.schema.createTable('assessment_items'))
    // The supervising office (an agency of kind office) whose score sheet this item belongs to.
    .addColumn('office_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // A rule of src/domain/assessment/rules.ts (RULE_KINDS), or 'manual'.
    .addColumn('rule', 'varchar(30)', (c) => c.notNull())
    .addColumn('max_score', 'double precision', (c) => c.notNull())
    // Points taken off per occurrence (rules that count occurrences); null otherwise.
    .addColumn('deduction', 'double precision')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_items_office_year').on('assessment_items').columns(['office_id', 'year', 'sort_order']).execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('assessment_items.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('entered_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_scores_pk', ['item_id', 'agency_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assessment_scores', 'assessment_items', 'training_participants', 'trainings', 'new_media_monthly_items', 'new_media_accounts']) {
    await db.schema.dropTable(t).execute();
  }
}
