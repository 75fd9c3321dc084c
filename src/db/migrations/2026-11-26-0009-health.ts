import type { Kysely } from 'kysely';

/**
 * Website health (网站健康): the daily snapshots of every column's state and of every agency's
 * findings (so the office can see when a column went stale and for how long), and the cache of
 * external link checks. The thresholds are one JSON value in `settings` (key health.settings).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per column and day: written once by the daily sweep, never updated.
  await db.schema
    .createTable('health_column_snapshots')
    .addColumn('column_id', 'integer', (c) => c.notNull().references('publication_columns.id').onDelete('cascade'))
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('max_days', 'integer', (c) => c.notNull())
    .addColumn('last_published_on', 'varchar(10)')
    .addColumn('days_since_update', 'integer')
    .addColumn('stale', 'integer', (c) => c.notNull())
    .addColumn('empty', 'integer', (c) => c.notNull())
    .addColumn('judged', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_column_snapshots_pk', ['column_id', 'on_date'])
    .execute();
  await db.schema.createIndex('health_column_snapshots_agency').on('health_column_snapshots').columns(['agency_id', 'on_date']).execute();

  // One row per agency and day: the conclusion and the findings of that day.
  await db.schema
    .createTable('health_agency_snapshots')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(10)', (c) => c.notNull())
    .addColumn('veto', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('stale_columns', 'integer', (c) => c.notNull())
    .addColumn('empty_columns', 'integer', (c) => c.notNull())
    .addColumn('judged_columns', 'integer', (c) => c.notNull())
    .addColumn('home_last_published_on', 'varchar(10)')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_agency_snapshots_pk', ['agency_id', 'on_date'])
    .execute();
  await db.schema.createIndex('health_agency_snapshots_date').on('health_agency_snapshots').columns(['on_date']).execute();

  // The last check of each external address (only when an administrator enables the checker).
  await db.schema
    .createTable('health_link_checks')
    .addColumn('url', 'varchar(2000)', (c) => c.primaryKey())
    .addColumn('host', 'varchar(255)', (c) => c.notNull())
    // 1 reachable, 0 failing, null not requested (robots.txt, own network)
    .addColumn('ok', 'integer')
    .addColumn('status', 'integer')
    .addColumn('detail', 'varchar(300)')
    .addColumn('checked_at', 'varchar(30)', (c) => c.notNull())
    // The day of the first failing check in the current run of failures.
    .addColumn('failing_since', 'varchar(10)')
    .execute();
  await db.schema.createIndex('health_link_checks_checked').on('health_link_checks').columns(['checked_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['health_link_checks', 'health_agency_snapshots', 'health_column_snapshots']) await db.schema.dropTable(t).execute();
  await db.deleteFrom('settings').where('key', 'in', ['health.settings', 'health.linkCheckLease', 'health.linkCheckLastRun']).execute();
}
