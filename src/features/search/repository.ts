/**
 * SQL of the full-text search. The index itself is the database's own (FTS5 on SQLite, a GIN
 * index over a tsvector on PostgreSQL: migration 0008); both are written only through
 * search_documents (SQLite's triggers and PostgreSQL's generated column follow it), and read
 * here in raw SQL, one query per dialect.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, type Dialect, type Executor } from '../../db/database.js';
import type { SearchDocumentTable, Validity } from '../../db/schema.js';
import { RECENCY_BLOCK } from './tokens.js';

export type SearchDocumentRow = Insertable<SearchDocumentTable>;

/** The dialect of the connection or transaction: the full-text SQL is each database's own. */
export function dialectFor(db: Executor): Dialect {
  return dialectOf(db as unknown as Kysely<unknown>);
}

/** What the index needs of an item and its live version. */
export interface IndexSource {
  id: number;
  agency_id: number;
  live_version: number;
  withdrawn_at: string | null;
  published_date: string | null;
  index_number: string | null;
  validity: Validity;
  /** Of the live version (null when the item has none). */
  title: string | null;
  body_html: string | null;
  metadata: string | null;
}

function sources(db: Executor) {
  return db
    .selectFrom('publication_items as i')
    .leftJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select(['i.id', 'i.agency_id', 'i.live_version', 'i.withdrawn_at', 'i.published_date', 'i.index_number', 'i.validity', 'v.title', 'v.body_html', 'v.metadata']);
}

export function findIndexSource(db: Executor, itemId: number): Promise<IndexSource | undefined> {
  return sources(db).where('i.id', '=', itemId).executeTakeFirst();
}

/** Public items after `afterId`, in id order (a rebuild of the index, batch by batch). */
export function listPublicSources(db: Executor, afterId: number, limit: number): Promise<IndexSource[]> {
  return sources(db)
    .where('i.id', '>', afterId)
    .where('i.live_version', '>', 0)
    .where('i.withdrawn_at', 'is', null)
    .orderBy('i.id')
    .limit(limit)
    .execute();
}

export async function upsertDocument(db: Executor, row: SearchDocumentRow): Promise<void> {
  const { item_id: _id, ...rest } = row;
  await db.insertInto('search_documents').values(row).onConflict((oc) => oc.column('item_id').doUpdateSet(rest)).execute();
}

/** Rows per INSERT: 500 rows × 15 columns = 7,500 parameters, under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
export const ROWS_PER_INSERT = 500;

/** Inserts new rows (a rebuild, a bulk load), ROWS_PER_INSERT per statement. */
export async function insertDocuments(db: Executor, rows: readonly SearchDocumentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db.insertInto('search_documents').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  }
}

export async function deleteDocument(db: Executor, itemId: number): Promise<void> {
  await db.deleteFrom('search_documents').where('item_id', '=', itemId).execute();
}

/** Empties the index (before a rebuild). */
export async function deleteAllDocuments(db: Executor): Promise<void> {
  await db.deleteFrom('search_documents').execute();
  // FTS5 with external content: 'delete-all' empties the index without reading the content.
  if (dialectFor(db) === 'sqlite') await sql`insert into search_fts(search_fts) values ('delete-all')`.execute(db);
}

export async function countDocuments(db: Executor): Promise<number> {
  const row = await db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- searching ------------------------------------------------------------------------------

export interface SearchFilters {
  agencyId?: number;
  infoKind?: string;
  year?: number;
  validity?: Validity;
}

export interface MatchQuery {
  /** The whole FTS5 MATCH expression (SQLite) or tsquery text (PostgreSQL), filters included. */
  match: string;
  /** PostgreSQL: the tsquery of the terms alone, which ranks (the filters' facets do not). */
  rankQuery: string;
  /** True when the query names an info kind: its label then weighs most. */
  kindBoost: boolean;
}

/**
 * Weights of the indexed columns when matches are ranked by relevance: a title hit counts ten
 * times a body hit; the info kind's label, when the query names the kind, ten times a title hit
 * (else it is not even searched); facets nothing. PostgreSQL's ts_rank_cd takes them as
 * {D, C, B, A}, each at most 1: the same proportions scaled, body D, facets C, title B, kind A.
 */
const TITLE_WEIGHT = 10;
const KIND_WEIGHT = 100;

/**
 * The most recent matches (highest ids first), at most `limit`.
 *
 * SQLite: FTS5 walks its lists backwards and stops after `limit` matches.
 *
 * PostgreSQL: a GIN index gives its matches in no useful order, and the planner's two ways to the
 * newest ones are both slow for some words: reading every match's row and keeping the newest
 * (a common word: hundreds of thousands of rows), or walking the primary key backwards testing
 * each row's tsvector (a word in one item of a hundred: a hundred rows read, and unpacked, per
 * match). So the search asks the GIN index for the matches among the newest items first — every
 * item's facets hold its recency block (tokens.ts blockToken) — then in the blocks before them,
 * each step only as far back as the matches found so far say the rest will need (with a margin),
 * and stops once it has `limit`. Only the rows of the matches in the blocks searched are read:
 * about what the page needs, not every match of a range fixed in advance (a query whose matches
 * thin out after the newest 20,000 items read 8,000 rows for 1,000 with fixed steps). When the
 * rest would need most of the older blocks, the last step asks for all of them by id instead of
 * by an OR of many blocks' lists. The rows read for their ids also give their headlines, so that
 * ordering the window reads them only once (SQLite reads its ids from the index alone).
 */
export async function recentMatches(db: Executor, q: MatchQuery, limit: number): Promise<{ ids: number[]; headlines: Headline[] | null }> {
  if (dialectFor(db) === 'sqlite') {
    const result = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${q.match} order by rowid desc limit ${limit}`.execute(db);
    return { ids: result.rows.map((r) => Number(r.id)), headlines: null };
  }
  const newest = await db.selectFrom('search_documents').select((eb) => eb.fn.max('item_id').as('id')).executeTakeFirst();
  const newestId = Number(newest?.id ?? 0);
  const found: Headline[] = [];
  // The newest block may hold a single item: the first step is the newest 10,000–20,000 items.
  let from = Math.floor(newestId / RECENCY_BLOCK);
  let span = 2;
  let last = false;
  for (;;) {
    const to = from - span + 1;
    last ||= to <= 0;
    const range = last ? '' : ` & (${Array.from({ length: span }, (_, k) => `'bk${from - k}'`).join(' | ')})`;
    // The last step reads the index without blocks: the ids keep out the newer blocks' matches, already found.
    const older = last && found.length > 0 ? sql`and d.item_id < ${(from + 1) * RECENCY_BLOCK}` : sql``;
    // "item_id + 0": sorting by an expression keeps the planner off the backward primary-key walk.
    const result = await sql<Headline>`
      select d.item_id, d.info_kind, d.title, d.document_number, d.index_number from search_documents d
      where d.tsv @@ ${`(${q.match})${range}`}::tsquery ${older}
      order by d.item_id + 0 desc limit ${limit - found.length}`.execute(db);
    for (const r of result.rows) found.push({ ...r, item_id: Number(r.item_id) });
    if (found.length >= limit || last) return { ids: found.map((r) => r.item_id), headlines: found };
    // Matches per item so far → how many older items the rest needs, half as many again for luck.
    const perItem = found.length / (newestId - to * RECENCY_BLOCK + 1);
    const wanted = (limit - found.length) * 1.5;
    from = to - 1;
    span = Math.max(1, Math.ceil(wanted / perItem / RECENCY_BLOCK));
    // Each block in the OR costs the index about as much as reading BLOCK_COST rows (1.5–2 ms at a
    // million items): when all the older matches are expected to cost less, read them instead.
    last = perItem * (from + 1) * RECENCY_BLOCK <= span * BLOCK_COST + wanted;
  }
}

/** PostgreSQL: one recency block more in a GIN query costs about as much as reading this many rows. */
const BLOCK_COST = 100;

/**
 * How many items match, counted up to `cap` + 1 (more means "more than `cap`"). On SQLite a
 * single term's count tells whether bm25 is affordable: it reads the whole list of every term.
 */
export async function countMatches(db: Executor, q: MatchQuery, cap: number): Promise<number> {
  const result = dialectFor(db) === 'postgres'
    ? await sql<{ n: number }>`select count(*) as n from (select 1 from search_documents d where d.tsv @@ ${q.match}::tsquery limit ${cap + 1}) m`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from (select rowid from search_fts where search_fts match ${q.match} limit ${cap + 1})`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Every match ranked by relevance, best first: bm25 (SQLite) or ts_rank_cd (PostgreSQL) with the
 * weights above, equal scores newest first. Only for a small set of matches (the caller checks).
 */
export async function rankedMatches(db: Executor, q: MatchQuery, limit: number): Promise<number[]> {
  const kind = q.kindBoost ? KIND_WEIGHT : 0;
  if (dialectFor(db) === 'postgres') {
    const weights = `{${1 / KIND_WEIGHT}, 0, ${TITLE_WEIGHT / KIND_WEIGHT}, ${kind / KIND_WEIGHT}}`;
    const result = await sql<{ id: number }>`
      select d.item_id as id from search_documents d
      where d.tsv @@ ${q.match}::tsquery
      order by ts_rank_cd(${weights}::float4[], d.tsv, ${q.rankQuery}::tsquery) desc, d.item_id desc
      limit ${limit}`.execute(db);
    return result.rows.map((r) => Number(r.id));
  }
  const result = await sql<{ id: number }>`
    select rowid as id from search_fts
    where search_fts match ${q.match} and rank match ${`bm25(${TITLE_WEIGHT}.0, 1.0, ${kind}.0, 0.0)`}
    order by rank, rowid desc
    limit ${limit}`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/**
 * PostgreSQL: how common the most common lexemes are (the share of items holding each), from the
 * planner's statistics of the tsvector column (ANALYZE keeps the ~1,000 most common). A lexeme not
 * listed is rarer than all of them. Read at most every ten minutes per database.
 */
export async function commonLexemes(db: Executor): Promise<ReadonlyMap<string, number>> {
  const cached = lexemeCache.get(db);
  if (cached && cached.until > Date.now()) return cached.frequencies;
  const result = await sql<{ e: string; f: number }>`
    select x.e, x.f from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(e, f)
    where s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname = 'tsv' and x.e is not null`.execute(db);
  const frequencies = new Map(result.rows.map((r) => [r.e, Number(r.f)]));
  lexemeCache.set(db, { until: Date.now() + 600_000, frequencies });
  return frequencies;
}

const lexemeCache = new WeakMap<object, { until: number; frequencies: ReadonlyMap<string, number> }>();

/** Which of `ids` the query matches (exact hits are counted once, with the others). */
export async function matchingAmong(db: Executor, q: MatchQuery, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const list = sql.join(ids.map((id) => sql`${id}`));
  const result = dialectFor(db) === 'postgres'
    ? await sql<{ item_id: number }>`select d.item_id from search_documents d where d.item_id in (${list}) and d.tsv @@ ${q.match}::tsquery`.execute(db)
    : await sql<{ item_id: number }>`select rowid as item_id from search_fts where search_fts match ${q.match} and rowid in (${list})`.execute(db);
  return new Set(result.rows.map((r) => Number(r.item_id)));
}

/** What ordering many matches by where the terms occur needs of each (query.ts placementOrder). */
export interface Headline {
  item_id: number;
  info_kind: string;
  title: string;
  document_number: string | null;
  index_number: string | null;
}

/** The short columns of matches, for ordering many of them by where the terms occur. */
export async function headlines(db: Executor, ids: readonly number[]): Promise<Headline[]> {
  if (ids.length === 0) return [];
  const rows: Headline[] = [];
  // In parts: SQLite takes at most 32,766 parameters in one statement.
  for (let i = 0; i < ids.length; i += 5000) {
    rows.push(...await db.selectFrom('search_documents').select(['item_id', 'info_kind', 'title', 'document_number', 'index_number'])
      .where('item_id', 'in', ids.slice(i, i + 5000)).execute());
  }
  return rows;
}

/**
 * Items whose document number, index number or title is exactly the query (by key, see
 * tokens.ts numberKey), within the filters, newest first: they head the results.
 */
export async function exactIds(db: Executor, key: string, filters: SearchFilters, limit: number): Promise<number[]> {
  let query = db.selectFrom('search_documents as d').select('d.item_id')
    .where((eb) => eb.or([eb('d.document_number_key', '=', key), eb('d.index_number_key', '=', key), eb('d.title_key', '=', key)]));
  if (filters.agencyId !== undefined) query = query.where('d.agency_id', '=', filters.agencyId);
  if (filters.infoKind !== undefined) query = query.where('d.info_kind', '=', filters.infoKind);
  if (filters.year !== undefined) query = query.where('d.year', '=', filters.year);
  if (filters.validity !== undefined) query = query.where('d.validity', '=', filters.validity);
  const rows = await query.orderBy('d.published_date', 'desc').orderBy('d.item_id', 'desc').limit(limit).execute();
  return rows.map((r) => Number(r.item_id));
}

/** Items by filters alone, newest first (the API without a query). */
export async function browseIds(db: Executor, filters: SearchFilters, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
  let query = db.selectFrom('search_documents as d');
  if (filters.agencyId !== undefined) query = query.where('d.agency_id', '=', filters.agencyId);
  if (filters.infoKind !== undefined) query = query.where('d.info_kind', '=', filters.infoKind);
  if (filters.year !== undefined) query = query.where('d.year', '=', filters.year);
  if (filters.validity !== undefined) query = query.where('d.validity', '=', filters.validity);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select('d.item_id').orderBy('d.published_date', 'desc').orderBy('d.item_id', 'desc').limit(limit).offset(offset).execute();
  return { ids: rows.map((r) => r.item_id), total: Number(total.n) };
}

export type ResultRow = Pick<
  Selectable<SearchDocumentTable>,
  'item_id' | 'agency_id' | 'info_kind' | 'validity' | 'published_date' | 'title' | 'document_number' | 'index_number' | 'body_text'
> & { agency_name: string | null };

/** The rows of a result page, in the order of `ids`. */
export async function documentsByIds(db: Executor, ids: readonly number[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents as d')
    .leftJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['d.item_id', 'd.agency_id', 'd.info_kind', 'd.validity', 'd.published_date', 'd.title', 'd.document_number', 'd.index_number', 'd.body_text', 'a.name as agency_name'])
    .where('d.item_id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.item_id), r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ResultRow => r !== undefined);
}
