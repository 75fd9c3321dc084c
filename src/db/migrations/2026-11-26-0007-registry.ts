import { sql, type Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * 政府信息管理 — the records behind report section 二: the register of rules and normative
 * documents (制发, 废止, 失效, 有效期), the yearly figures an agency enters (licensing, penalty and
 * enforcement decisions, administrative fees), and lists of individual decisions imported from
 * spreadsheets with the imports that brought them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('registry_documents'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    // 'rule' (规章) | 'normative' (行政规范性文件)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('document_number', 'varchar(100)')
    .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('repealed_on', 'varchar(10)')
    .addColumn('repeal_reason', 'text')
    .addColumn('expired_on', 'varchar(10)')
    .addColumn('expiry_reason', 'text')
    // NULLs are distinct in a unique index on both databases: many entries link no item.
    .addColumn('item_id', 'integer', (c) => c.references('publication_items.id').unique())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_documents_agency').on('registry_documents').columns(['agency_id', 'kind', 'issued_on']).execute();
  await db.schema.createIndex('registry_documents_number').on('registry_documents').columns(['agency_id', 'document_number']).unique().execute();
  await db.schema.createIndex('registry_documents_valid_until').on('registry_documents').columns(['valid_until']).execute();

  await db.schema
    .createTable('registry_figures')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 'licensing' | 'penalty' | 'enforcement' (decisions) | 'fees' (万元)
    .addColumn('key', 'varchar(20)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('entered_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_figures_pk', ['agency_id', 'year', 'key'])
    .execute();

  await idColumn(db, db.schema.createTable('registry_imports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    // running → done | failed; a failing import stays running while its rows are deleted.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('failure', 'text')
    .addColumn('started_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('started_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('heartbeat_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('registry_imports_agency').on('registry_imports').columns(['agency_id', 'started_at']).execute();
  // One running import per agency and kind: a second one could count the first one's rows as
  // duplicates, which would then vanish if the first one failed.
  await db.schema.createIndex('registry_imports_one_running').on('registry_imports').columns(['agency_id', 'kind']).unique()
    .where(sql.ref('status'), '=', 'running').execute();

  // agency_id repeats the import's agency for the unique key and the year's count; it has no
  // foreign key of its own (the import's is enough), which spares a look-up per inserted row.
  await idColumn(db, db.schema.createTable('registry_decisions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('decision_number', 'varchar(100)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('registry_imports.id'))
    .execute();
  // Re-importing the same list adds nothing: the same decision number is the same decision.
  await db.schema.createIndex('registry_decisions_number').on('registry_decisions').columns(['agency_id', 'kind', 'decision_number']).unique().execute();
  await db.schema.createIndex('registry_decisions_import').on('registry_decisions').columns(['import_id']).execute();

  // The decisions an import added, per year of their date: the year's count is the sum over the
  // agency's finished imports. Kept with each batch, in its transaction. An index on the
  // decisions' dates would answer the same, but costs every insert a write at a random place
  // (half the import speed on SQLite with a million rows) and every count a scan of the year.
  await db.schema
    .createTable('registry_import_years')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('registry_imports.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('decisions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_import_years_pk', ['import_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['registry_import_years', 'registry_decisions', 'registry_imports', 'registry_figures', 'registry_documents']) {
    await db.schema.dropTable(t).execute();
  }
}
