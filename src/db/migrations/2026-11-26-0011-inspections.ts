import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/**
 * 监督保障, inspections: the supervising office's inspections (检查抽查) of agencies' sites and
 * new-media accounts, the findings recorded against the indicators of 国办秘函〔2019〕19号 with
 * their evidence (stored in the database like publication attachments), the rectification task
 * (整改) each finding becomes with its steps, and the notices (通报) issued from an inspection,
 * numbered per office and year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';

  await idColumn(db, db.schema.createTable('inspections'))
    // The office that plans the inspection (its notices carry this office's numbers).
    .addColumn('office_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    // 'quarterly' (季度检查) | 'adHoc' (专项/随机抽查)
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer')
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    // 'planned' (findings editable) → 'issued' (findings sent as rectification tasks)
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('rectify_by', 'varchar(10)')
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_office_year').on('inspections').columns(['office_agency_id', 'year']).execute();

  await db.schema
    .createTable('inspection_agencies')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('inspection_agencies_pk', ['inspection_id', 'agency_id'])
    .execute();
  await db.schema.createIndex('inspection_agencies_agency').on('inspection_agencies').columns(['agency_id']).execute();

  await idColumn(db, db.schema.createTable('inspection_targets'))
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    // 'site' (the agency's portal pages) | 'newMedia' (a registered new-media account)
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    // The name at planning time: an account renamed later keeps the name it was inspected under.
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('url', 'varchar(500)')
    .addColumn('account_id', 'integer', (c) => c.references('new_media_accounts.id'))
    .addColumn('platform', 'varchar(20)')
    .execute();
  await db.schema.createIndex('inspection_targets_inspection').on('inspection_targets').columns(['inspection_id', 'agency_id']).execute();

  await idColumn(db, db.schema.createTable('inspection_findings'))
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('target_id', 'integer', (c) => c.references('inspection_targets.id'))
    // A key of src/domain/inspections/indicators.ts; severity 'veto' (单项否决) | 'score' (扣分).
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('url', 'varchar(500)')
    .addColumn('column_id', 'integer', (c) => c.references('publication_columns.id'))
    .addColumn('item_id', 'integer', (c) => c.references('publication_items.id'))
    // Since when the problem exists (e.g. the day a column went stale), when known.
    .addColumn('since', 'varchar(10)')
    // 'health' (prefilled from website health) | 'manual'
    .addColumn('origin', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_findings_inspection').on('inspection_findings').columns(['inspection_id', 'agency_id']).execute();

  await idColumn(db, db.schema.createTable('rectification_tasks'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('inspection_findings.id').unique())
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    // 'open' → 'answered' → 'accepted' | 'returned' → 'answered' …
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('answered_on', 'varchar(10)')
    .addColumn('accepted_on', 'varchar(10)')
    .addColumn('returns', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_tasks_agency').on('rectification_tasks').columns(['agency_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('rectification_tasks_inspection').on('rectification_tasks').columns(['inspection_id']).execute();

  await idColumn(db, db.schema.createTable('rectification_steps'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('rectification_tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'issued' | 'answered' | 'returned' | 'accepted'
    .addColumn('action', 'varchar(10)', (c) => c.notNull())
    .addColumn('comment', 'text')
    // The deadline after this step (set when issued; a return may give a new one).
    .addColumn('due_on', 'varchar(10)')
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('rectification_steps_task_seq', ['task_id', 'seq'])
    .execute();

  await idColumn(db, db.schema.createTable('inspection_evidence'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('inspection_findings.id'))
    // Null: evidence of the finding; set: evidence the agency gave with an answer.
    .addColumn('step_id', 'integer', (c) => c.references('rectification_steps.id'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_evidence_finding').on('inspection_evidence').columns(['finding_id']).execute();

  await db.schema
    .createTable('notice_settings')
    .addColumn('office_agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    // The words before 〔year〕 in the notice number, e.g. 青政办通.
    .addColumn('prefix', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notice_sequences')
    .addColumn('office_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_sequences_pk', ['office_agency_id', 'year'])
    .execute();

  await idColumn(db, db.schema.createTable('inspection_notices'))
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('office_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    // 主送机关
    .addColumn('recipients', 'varchar(500)', (c) => c.notNull())
    // Editable text: one paragraph a line.
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('overview', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    // JSON snapshots of the results table and the problem list (附件), taken when generated.
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('problem_list', 'text', (c) => c.notNull())
    .addColumn('attachment_title', 'varchar(300)', (c) => c.notNull())
    .addColumn('signer', 'varchar(200)', (c) => c.notNull())
    // 'draft' → 'issued' (numbered, no longer editable)
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    // 'internal' (sent to the agencies' consoles) | 'public' (also on the portal)
    .addColumn('visibility', 'varchar(10)', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('serial', 'integer')
    .addColumn('number', 'varchar(60)', (c) => c.unique())
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('issued_by', 'varchar(100)')
    .addColumn('published_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_notices_office').on('inspection_notices').columns(['office_agency_id', 'status', 'issued_on']).execute();
  await db.schema.createIndex('inspection_notices_inspection').on('inspection_notices').columns(['inspection_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'inspection_notices', 'notice_sequences', 'notice_settings', 'inspection_evidence', 'rectification_steps', 'rectification_tasks',
    'inspection_findings', 'inspection_targets', 'inspection_agencies', 'inspections',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
