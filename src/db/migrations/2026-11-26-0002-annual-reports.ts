import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/** Annual reports (one working copy per agency and year) and their published versions. */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'varchar(4)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('explanations', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporting_unit', 'varchar(200)')
    .addColumn('report_date', 'varchar(10)')
    .addColumn('published_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year', ['agency_id', 'year'])
    .execute();
  await db.schema.createIndex('annual_reports_year').on('annual_reports').columns(['year', 'status']).execute();

  await idColumn(db, db.schema.createTable('annual_report_versions'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('explanations', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('reporting_unit', 'varchar(200)', (c) => c.notNull())
    .addColumn('report_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_by_user_id', 'integer')
    .addColumn('published_by_name', 'varchar(100)', (c) => c.notNull())
    .addUniqueConstraint('annual_report_versions_report_version', ['report_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_report_versions').execute();
  await db.schema.dropTable('annual_reports').execute();
}
