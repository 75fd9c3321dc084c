import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/**
 * Proactive publication (主动公开): each agency's columns, items with their working copy and their
 * immutable published versions, the three-stage review's decisions, attachments (stored in the
 * database so that every instance behind a proxy sees them), index-number sequences, the wrong
 * phrases the checks look for, and the number of review stages an agency uses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';

  await db.schema.alterTable('agencies').addColumn('review_stages', 'integer', (c) => c.notNull().defaultTo(3)).execute();
  await db.schema.alterTable('agencies').addColumn('fewer_stages_allowed', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await idColumn(db, db.schema.createTable('publication_columns'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('publication_columns.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_columns_agency').on('publication_columns').columns(['agency_id', 'parent_id']).execute();

  await idColumn(db, db.schema.createTable('publication_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('publication_columns.id'))
    // The working copy: what drafters edit and reviewers pass.
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('info_kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject_category', 'varchar(60)')
    .addColumn('issuing_agency', 'varchar(200)', (c) => c.notNull())
    .addColumn('document_number', 'varchar(100)')
    .addColumn('written_date', 'varchar(10)')
    .addColumn('made_on', 'varchar(10)')
    .addColumn('source_name', 'varchar(200)')
    .addColumn('source_url', 'varchar(500)')
    .addColumn('interprets_item_id', 'integer', (c) => c.references('publication_items.id'))
    .addColumn('scheduled_for', 'varchar(30)')
    // For a correction of a published item: what changed, shown with the next version.
    .addColumn('correction_note', 'text')
    // Workflow of the working copy: draft → review (stage 1..n) → scheduled | published; withdrawn.
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('review_stage', 'integer')
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stages_required', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('drafter_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    // What the public sees: the live version (0 = never published) and its catalogue data.
    .addColumn('live_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('index_number', 'varchar(60)', (c) => c.unique())
    .addColumn('published_date', 'varchar(10)')
    .addColumn('first_published_at', 'varchar(30)')
    .addColumn('validity', 'varchar(20)', (c) => c.notNull().defaultTo('valid'))
    .addColumn('validity_on', 'varchar(10)')
    .addColumn('withdrawn_at', 'varchar(30)')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_items_agency_status').on('publication_items').columns(['agency_id', 'status']).execute();
  await db.schema.createIndex('publication_items_column_live').on('publication_items').columns(['column_id', 'published_date']).execute();
  await db.schema.createIndex('publication_items_published').on('publication_items').columns(['agency_id', 'published_date']).execute();
  await db.schema.createIndex('publication_items_interprets').on('publication_items').columns(['interprets_item_id']).execute();

  await idColumn(db, db.schema.createTable('publication_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publication_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_by', 'varchar(100)', (c) => c.notNull())
    .addUniqueConstraint('publication_versions_item_version', ['item_id', 'version'])
    .execute();

  await idColumn(db, db.schema.createTable('publication_reviews'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publication_items.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('reviewer_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('decision', 'varchar(20)', (c) => c.notNull())
    .addColumn('confidentiality', 'varchar(10)', (c) => c.notNull())
    .addColumn('accuracy', 'varchar(10)', (c) => c.notNull())
    .addColumn('timeliness', 'varchar(10)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_reviews_item').on('publication_reviews').columns(['item_id', 'round', 'stage']).execute();

  await idColumn(db, db.schema.createTable('publication_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publication_items.id'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('text', 'text')
    // 0 once the working copy no longer holds it; published versions list the ids they showed.
    .addColumn('current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_attachments_item').on('publication_attachments').columns(['item_id', 'current']).execute();

  await db.schema
    .createTable('index_number_sequences')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_number_sequences_pk', ['agency_id', 'year'])
    .execute();

  await idColumn(db, db.schema.createTable('wrong_phrases'))
    .addColumn('wrong', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('correct', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wrong_phrases', 'index_number_sequences', 'publication_attachments', 'publication_reviews', 'publication_versions', 'publication_items', 'publication_columns']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('agencies').dropColumn('fewer_stages_allowed').execute();
  await db.schema.alterTable('agencies').dropColumn('review_stages').execute();
}
