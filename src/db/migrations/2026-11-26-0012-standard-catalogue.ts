import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * The standard disclosure catalogue (基层政务公开标准目录, “两化”): each agency's disclosure
 * matters (公开事项) as the State Council's 26 领域 guideline tables list them, and the portal
 * columns that carry each matter (for the compliance the supervising office sees).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('standard_catalogue_matters'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    // 领域, e.g. 义务教育: one imported table; a re-import of the same 领域 replaces its matters.
    .addColumn('domain', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('first_level', 'varchar(200)', (c) => c.notNull())
    // '' when the table gives no second level (keeps the unique key free of nulls).
    .addColumn('second_level', 'varchar(200)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('time_limit', 'varchar(300)')
    .addColumn('responsible_body', 'varchar(300)')
    // JSON array of channel keys (domain/standard-catalogue/vocabulary.ts CHANNELS).
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('other_channel', 'varchar(300)')
    .addColumn('audience_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('audience_specific', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('manner_proactive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('manner_on_request', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('level_county', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('level_township', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('standard_catalogue_matters_key')
    .on('standard_catalogue_matters')
    .columns(['agency_id', 'domain', 'first_level', 'second_level'])
    .unique()
    .execute();

  await db.schema
    .createTable('standard_catalogue_matter_columns')
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('standard_catalogue_matters.id'))
    // No foreign key: deleting a portal column (publications/service.ts deleteColumn) must not be
    // blocked by a mapping; a mapping to a column that no longer exists is simply not shown.
    .addColumn('column_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_catalogue_matter_columns_pk', ['matter_id', 'column_id'])
    .execute();
  await db.schema.createIndex('standard_catalogue_matter_columns_column').on('standard_catalogue_matter_columns').columns(['column_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('standard_catalogue_matter_columns').execute();
  await db.schema.dropTable('standard_catalogue_matters').execute();
}
