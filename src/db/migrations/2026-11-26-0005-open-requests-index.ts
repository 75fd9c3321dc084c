import { sql, type Kysely } from 'kysely';

/**
 * Open requests by due date: the due-this-week lists and the deadline sweep. A partial index
 * holds only open requests; without it SQLite scanned the whole table for the all-agencies list
 * (322 ms → 0.9 ms with 1,000,000 requests, docs/PERFORMANCE.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('requests_open_due').on('requests').columns(['due_date', 'agency_id']).where(sql.ref('handled_on'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_open_due').execute();
}
