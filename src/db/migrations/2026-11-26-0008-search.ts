import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * Chinese full-text search of published items. `search_documents` holds one row per public item
 * (the live version's title, numbers, catalogue data and plain-text body) with its text already
 * segmented by jieba into space-separated tokens (src/features/search/tokens.ts). The full-text
 * index over those tokens is the database's own:
 * - SQLite: an FTS5 table with search_documents as its external content (no second copy of the
 *   tokens), kept in step by triggers. unicode61 keeps a run of letters and digits — Chinese
 *   characters included, they are letters — as one token, so each pre-segmented token stays
 *   whole; remove_diacritics 0 leaves the text as segmented.
 * - PostgreSQL: a stored tsvector generated from the same tokens with the 'simple' configuration
 *   (no stemming, no stop words), with a GIN index.
 * Four indexed columns, ranked by weights the query chooses: title_tokens (title, document and
 * index numbers; PostgreSQL weight B), tokens (all the text; D), kind_tokens (the info kind's
 * label, searched and ranked first only when the query names the kind, as 规范性文件 does; A)
 * and facets (a token per filter value, ag12 yr2024 iknormative vavalid, so that a filtered
 * search stays one full-text query; C, never ranked).
 *
 * The table is derived data: `gongkai search reindex` rebuilds it from the items. It has no
 * foreign key to publication_items for that reason (and a bulk rebuild spares the look-ups).
 * Items published before this migration are indexed by that command.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Short columns first: SQLite reads a row's columns in order, and the long texts at the end
  // are never read by the filters, the exact-match look-up or the result list.
  await db.schema
    .createTable('search_documents')
    .addColumn('item_id', 'integer', (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('info_kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('validity', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_date', 'varchar(10)', (c) => c.notNull())
    // numberKey() of the document number, the index number and the title: the exact-match boost.
    .addColumn('document_number_key', 'varchar(100)')
    .addColumn('index_number_key', 'varchar(60)')
    .addColumn('title_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('document_number', 'varchar(100)')
    .addColumn('index_number', 'varchar(60)')
    .addColumn('facets', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind_tokens', 'varchar(100)', (c) => c.notNull())
    .addColumn('title_tokens', 'text', (c) => c.notNull())
    .addColumn('tokens', 'text', (c) => c.notNull())
    // The body as plain text, for snippets.
    .addColumn('body_text', 'text', (c) => c.notNull())
    .execute();
  // Listing without a query (the API's browse): newest first, of everyone or of one agency.
  await db.schema.createIndex('search_documents_published').on('search_documents').columns(['published_date', 'item_id']).execute();
  await db.schema.createIndex('search_documents_agency').on('search_documents').columns(['agency_id', 'published_date']).execute();
  // The exact-match boost looks its items up by key before the full-text query.
  for (const key of ['document_number_key', 'index_number_key', 'title_key']) {
    await db.schema.createIndex(`search_documents_${key}`).on('search_documents').column(key).execute();
  }

  if (dialectOf(db) === 'postgres') {
    await sql`alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, kind_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, title_tokens), 'B')
        || setweight(to_tsvector('simple'::regconfig, facets), 'C') || to_tsvector('simple'::regconfig, tokens)
    ) stored`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
    // lz4 (PostgreSQL 14+, when built with it) compresses the long columns about as well as the
    // default pglz and several times faster: a quarter off a bulk load, and a tsvector that
    // ts_rank_cd unpacks faster.
    await sql`do $$ begin
      if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        alter table search_documents alter column title_tokens set compression lz4, alter column tokens set compression lz4,
          alter column body_text set compression lz4, alter column tsv set compression lz4;
      end if;
    end $$`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(
    title_tokens, tokens, kind_tokens, facets,
    content = 'search_documents', content_rowid = 'item_id',
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
  // The default rank; a search chooses its own weights (rank MATCH 'bm25(…)').
  await sql`insert into search_fts(search_fts, rank) values ('rank', 'bm25(10.0, 1.0, 0.0, 0.0)')`.execute(db);
  const columns = sql.raw('title_tokens, tokens, kind_tokens, facets');
  const values = (row: 'new' | 'old') => sql.raw(`${row}.title_tokens, ${row}.tokens, ${row}.kind_tokens, ${row}.facets`);
  await sql`create trigger search_documents_ai after insert on search_documents begin
    insert into search_fts(rowid, ${columns}) values (new.item_id, ${values('new')});
  end`.execute(db);
  await sql`create trigger search_documents_ad after delete on search_documents begin
    insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.item_id, ${values('old')});
  end`.execute(db);
  // Only a change of what is indexed touches the index.
  await sql`create trigger search_documents_au after update of item_id, ${columns} on search_documents begin
    insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.item_id, ${values('old')});
    insert into search_fts(rowid, ${columns}) values (new.item_id, ${values('new')});
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
}
