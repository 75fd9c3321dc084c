import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * Disclosure on request: requests and their timeline, letters, review cases, the working-day
 * calendar's overrides, and console notifications from the deadline sweep.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)')
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('requests'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_number', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('requester_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('requester_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('requester_id_type', 'varchar(20)')
    .addColumn('requester_id_number', 'varchar(40)')
    .addColumn('requester_credit_code', 'varchar(18)')
    .addColumn('requester_phone', 'varchar(40)')
    .addColumn('requester_email', 'varchar(200)')
    .addColumn('requester_address', 'varchar(300)')
    .addColumn('requester_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('preferred_form', 'varchar(20)', (c) => c.notNull())
    .addColumn('delivery_way', 'varchar(20)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('state', 'varchar(30)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(40)')
    .addColumn('handled_on', 'varchar(10)')
    .addColumn('due_date', 'varchar(10)')
    .addColumn('due_flag', 'varchar(10)')
    .addColumn('handler_user_id', 'integer')
    .addColumn('public_log', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_agency_received').on('requests').columns(['agency_id', 'received_on']).execute();
  await db.schema.createIndex('requests_agency_handled').on('requests').columns(['agency_id', 'handled_on']).execute();
  await db.schema.createIndex('requests_due').on('requests').columns(['state', 'due_date']).execute();
  await db.schema.createIndex('requests_requester').on('requests').columns(['agency_id', 'requester_key', 'received_on']).execute();

  await idColumn(db, db.schema.createTable('request_events'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('request_events_request_seq', ['request_id', 'seq'])
    .execute();

  await idColumn(db, db.schema.createTable('request_letters'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('number', 'varchar(60)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('approved_by', 'varchar(100)')
    .addColumn('approved_at', 'varchar(30)')
    .addColumn('sent_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_letters_request').on('request_letters').column('request_id').execute();

  await db.schema
    .createTable('letter_sequences')
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('series', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_sequences_pk', ['agency_id', 'year', 'series'])
    .execute();

  await db.schema
    .createTable('letter_templates')
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_templates_pk', ['agency_id', 'kind'])
    .execute();

  await idColumn(db, db.schema.createTable('review_cases'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(100)')
    .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(20)')
    .addColumn('decided_on', 'varchar(10)')
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_cases_agency_filed').on('review_cases').columns(['agency_id', 'filed_on']).execute();

  await idColumn(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('message', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'review_cases', 'letter_templates', 'letter_sequences', 'request_letters', 'request_events', 'requests', 'calendar_years', 'calendar_days']) {
    await db.schema.dropTable(t).execute();
  }
}
