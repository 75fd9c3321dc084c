/**
 * Full-text search, on SQLite and on PostgreSQL. Targets are the issue's:
 * - search latency (searchItems: query segmentation, the exact-match look-up, the walk over the
 *   newest matches, the ranking, the page's rows, highlighted snippets) for 200 realistic queries,
 *   p50 and p95; p95 ≤ 1.5 × the p95 of the raw ranked FTS query on the same index (FTS5 MATCH …
 *   ORDER BY rank LIMIT 20, or tsv @@ q ORDER BY ts_rank_cd LIMIT 20, ranking every match, with
 *   the same filters and weights), and ≤ 50 ms, with 1,000,000 items across 300 agencies. The
 *   cheapest FTS query (the 20 newest matches, unranked) is shown too, as the floor;
 * - import with segmentation and indexing (indexSources, the same rows indexItem writes, through
 *   Kysely) ≥ 0.5 × a bare insert loop doing the same work (the same text extraction and jieba
 *   segmentation, then one prepared INSERT per row on SQLite, or pre-built multi-row INSERTs of
 *   500 rows on PostgreSQL). The two alternate chunk by chunk of 10,000 items through the whole
 *   load, so that the growing index and whatever else the machine does weigh on both alike.
 *
 * The data (bench/search-data.ts) go into a fresh database built by the migrations: a temporary
 * SQLite file, and on PostgreSQL (127.0.0.1:5432, user postgres) a database gongkai_bench_<random>
 * dropped at the end, also when the benchmark fails or is interrupted. Only the search tables are
 * filled (and the agencies): the search reads nothing else.
 *
 * Size: GONGKAI_BENCH_SEARCH_ITEMS (default 1,000,000), or run the file directly with the size as
 * its argument: `node --import tsx bench/search.bench.ts 200000`.
 */
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { type Database, type Dialect } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { INFO_KINDS } from '../src/domain/publication/vocabulary.js';
import { indexSources, searchDocumentOf } from '../src/features/search/indexer.js';
import { RANK_WINDOW, searchItems } from '../src/features/search/query.js';
import type { IndexSource, MatchQuery } from '../src/features/search/repository.js';
import { bodyText } from '../src/features/search/text.js';
import { blockToken, facetTokens, ftsMatchExpression, itemTokens, numberKey, parseQuery, segmenter, segmenterLoadMs, tsQueryText } from '../src/features/search/tokens.js';
import { withBenchDatabase } from './database.js';
import { atLeast, atMost, median, mulberry32, timeMs, type BenchResult } from './lib.js';
import { generateAgencies } from './requests-data.js';
import { generateQueries, itemGenerator, type BenchAgency, type BenchQuery, type GeneratedSample } from './search-data.js';

const DEFAULT_ITEMS = 1_000_000;
const AGENCIES = 300;
/** Items per chunk (one transaction); chunks alternate between the two import paths. */
const CHUNK = 10_000;
const QUERIES = 200;
const ROUNDS = 3;
const SEED = 20261126;
const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Databases (as in requests.bench.ts)
// ---------------------------------------------------------------------------------------------


// ---------------------------------------------------------------------------------------------
// Loading: the product's path and the bare loop, chunk by chunk
// ---------------------------------------------------------------------------------------------

const COLUMNS = [
  'item_id', 'agency_id', 'info_kind', 'year', 'validity', 'published_date', 'document_number_key', 'index_number_key', 'title_key',
  'title', 'document_number', 'index_number', 'facets', 'kind_tokens', 'title_tokens', 'tokens', 'body_text',
] as const;

/** The values of one row, computed the way a hand-written loop would: the same extraction and segmentation. */
function bareRow(s: IndexSource): unknown[] {
  const meta = JSON.parse(s.metadata!) as { infoKind: string; documentNumber: string | null; issuingAgency: string };
  const text = bodyText(s.body_html!);
  const t = itemTokens({
    title: s.title!, documentNumber: meta.documentNumber, indexNumber: s.index_number, infoKindLabel: (INFO_KINDS as Record<string, string>)[meta.infoKind] ?? '',
    issuingAgency: meta.issuingAgency, bodyText: text,
  });
  return [
    s.id, s.agency_id, meta.infoKind, Number(s.published_date!.slice(0, 4)), s.validity, s.published_date, numberKey(meta.documentNumber), numberKey(s.index_number),
    numberKey(s.title) ?? '', s.title, meta.documentNumber, s.index_number,
    [...facetTokens({ agencyId: s.agency_id, year: Number(s.published_date!.slice(0, 4)), infoKind: meta.infoKind, validity: s.validity }), blockToken(s.id)].join(' '),
    t.kindTokens, t.titleTokens, t.tokens, text,
  ];
}

/** The bare loop must write what the product writes (a block token it lacked once made PostgreSQL's walk read every match). */
function sameRows(source: IndexSource): void {
  const product = searchDocumentOf(source)!;
  const bare = bareRow(source);
  const differ = COLUMNS.filter((c, i) => product[c] !== bare[i]);
  if (differ.length > 0) throw new Error(`裸插入循环与 indexSources 写出的行不同：${differ.join('、')}`);
}

const BARE_ROWS_PER_INSERT = 500;

function pgInsertSql(rows: number): string {
  let p = 0;
  const tuple = () => `(${COLUMNS.map(() => `$${++p}`).join(',')})`;
  return `insert into search_documents (${COLUMNS.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
}

async function bareInsert(database: Database, items: readonly IndexSource[]): Promise<void> {
  if (database.sqlite) {
    const insert = database.sqlite.prepare(`insert into search_documents (${COLUMNS.join(',')}) values (${COLUMNS.map(() => '?').join(',')})`);
    database.sqlite.transaction(() => {
      for (const item of items) insert.run(...bareRow(item));
    })();
    return;
  }
  const full = pgInsertSql(BARE_ROWS_PER_INSERT);
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < items.length; i += BARE_ROWS_PER_INSERT) {
      const part = items.slice(i, i + BARE_ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const item of part) params.push(...bareRow(item));
      await trx.executeQuery(CompiledQuery.raw(part.length === BARE_ROWS_PER_INSERT ? full : pgInsertSql(part.length), params));
    }
  });
}

interface Loaded {
  items: number;
  samples: GeneratedSample[];
  agencies: BenchAgency[];
  productRows: number;
  productMs: number;
  bareRows: number;
  bareMs: number;
  loadMs: number;
  /** After the load: VACUUM ANALYZE (PostgreSQL), ANALYZE (SQLite). */
  analyzeMs: number;
  sizeMb: number;
}

async function load(database: Database, items: number): Promise<Loaded> {
  const { db, dialect } = database;
  const at = '2026-03-02T00:00:00.000Z';
  const agencyRows = generateAgencies(AGENCIES, at);
  await db.insertInto('agencies').values(agencyRows).execute();
  if (dialect === 'postgres') await sql`select setval(pg_get_serial_sequence('agencies', 'id'), (select max(id) from agencies))`.execute(db);
  const agencies = agencyRows.map((a) => ({ id: a.id, name: a.name, shortName: a.short_name }));
  const generator = itemGenerator(mulberry32(SEED), agencies, Math.max(1, Math.floor(items / 2000)));
  let productRows = 0, productMs = 0, bareRows = 0, bareMs = 0;
  const started = process.hrtime.bigint();
  for (let chunk = 0; generator.generated < items; chunk++) {
    const sources = generator.chunk(Math.min(CHUNK, items - generator.generated));
    if (chunk % 2 === 0) {
      productMs += await timeMs(() => db.transaction().execute((trx) => indexSources(trx, sources)));
      productRows += sources.length;
    } else {
      if (chunk === 1) sameRows(sources[0]!);
      bareMs += await timeMs(() => bareInsert(database, sources));
      bareRows += sources.length;
    }
    if ((chunk + 1) % 10 === 0) console.error(`${DIALECT_NAMES[dialect]}：已载入 ${fmt(generator.generated)} 条`);
  }
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const analyzeMs = await timeMs(() => (dialect === 'postgres' ? sql`vacuum analyze search_documents, agencies`.execute(db) : sql`analyze`.execute(db)));
  return { items, samples: generator.samples, agencies, productRows, productMs, bareRows, bareMs, loadMs, analyzeMs, sizeMb: await sizeMb(database) };
}

async function sizeMb(database: Database): Promise<number> {
  if (database.sqliteFile) {
    await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    return fs.statSync(database.sqliteFile).size / 2 ** 20;
  }
  const row = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(database.db);
  return Number(row.rows[0]!.n) / 2 ** 20;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** What the index is asked for a query: the match with its facets, and the weights' switch. */
function matchOf(dialect: Dialect, query: BenchQuery): MatchQuery | null {
  const parsed = parseQuery(query.q);
  if (parsed.terms.length === 0) return null;
  const facets = facetTokens(query);
  return {
    match: dialect === 'postgres' ? tsQueryText(parsed, 'and', facets) : ftsMatchExpression(parsed, 'and', facets),
    rankQuery: tsQueryText(parsed, 'and'),
    kindBoost: parsed.kind !== null,
  };
}

/**
 * The raw ranked FTS query: FTS5 MATCH … ORDER BY rank LIMIT 20, or tsv @@ q ORDER BY
 * ts_rank_cd LIMIT 20, ranking every match — what a search without a window would run.
 */
function rawFullRanking(db: Kysely<DB>, dialect: Dialect, query: BenchQuery): Promise<unknown> {
  const m = matchOf(dialect, query);
  if (!m) return Promise.resolve();
  const kind = m.kindBoost ? 100 : 0;
  if (dialect === 'postgres') {
    return stopped(db, 'full', (trx) => sql`select d.item_id from search_documents d where d.tsv @@ ${m.match}::tsquery
      order by ts_rank_cd(${`{0.01, 0, 0.1, ${kind / 100}}`}::float4[], d.tsv, ${m.rankQuery}::tsquery) desc limit 20`.execute(trx));
  }
  return sql`select rowid from search_fts where search_fts match ${m.match} and rank match ${`bm25(10.0, 1.0, ${kind}.0, 0.0)`}
    order by rank limit 20`.execute(db);
}

/** The cheapest FTS query: the 20 newest matches, unranked (FTS5 walks its lists backwards). */
function rawNewest(db: Kysely<DB>, dialect: Dialect, query: BenchQuery): Promise<unknown> {
  const m = matchOf(dialect, query);
  if (!m) return Promise.resolve();
  return dialect === 'postgres'
    ? stopped(db, 'newest', (trx) => sql`select d.item_id from search_documents d where d.tsv @@ ${m.match}::tsquery order by d.item_id desc limit 20`.execute(trx))
    : sql`select rowid from search_fts where search_fts match ${m.match} order by rowid desc limit 20`.execute(db);
}

/**
 * PostgreSQL: a raw query stopped after FULL_TIMEOUT_MS and counted as that long (its figure is
 * then a lower bound). Ranking every match of a common word reads hundreds of thousands of
 * tsvectors; the planner's walk down the primary key for the newest matches of a word in one
 * item of a hundred unpacks a hundred tsvectors per match.
 */
function stopped(db: Kysely<DB>, variant: 'full' | 'newest', run: (trx: Kysely<DB>) => Promise<unknown>): Promise<unknown> {
  return db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = ${sql.raw(String(FULL_TIMEOUT_MS))}`.execute(trx);
    return run(trx);
  }).catch((error: { code?: string }) => {
    if (error.code !== '57014') throw error;
    timeouts[variant]++;
  });
}

/** PostgreSQL: the longest a raw query may run, and how many were stopped. */
const FULL_TIMEOUT_MS = 3000;
const timeouts = { full: 0, newest: 0 };

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function benchQueries(database: Database, label: string, loaded: Loaded): Promise<BenchResult[]> {
  const { db, dialect } = database;
  const queries = generateQueries(mulberry32(SEED + 7), loaded.samples, loaded.agencies, QUERIES);
  const variants = {
    full: (query: BenchQuery) => rawFullRanking(db, dialect, query),
    newest: (query: BenchQuery) => rawNewest(db, dialect, query),
    search: (query: BenchQuery) => searchItems(db, { ...query, page: 1 }),
  };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  const samples = Object.fromEntries(names.map((n) => [n, queries.map(() => [] as number[])])) as Record<keyof typeof variants, number[][]>;
  // The search and the newest matches: a warm-up pass (caches, the JIT, the planner's
  // statistics), then ROUNDS timed passes, alternating which goes first.
  for (const query of queries) {
    await variants.newest(query);
    await variants.search(query);
  }
  timeouts.full = timeouts.newest = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < queries.length; i++) {
      const order = (round + i) % 2 === 0 ? (['newest', 'search'] as const) : (['search', 'newest'] as const);
      for (const name of order) samples[name][i]!.push(await timeMs(() => variants[name](queries[i]!)));
    }
  }
  // Ranking every match: one timed run each (on a million items a common word takes seconds).
  for (let i = 0; i < queries.length; i++) samples.full[i]!.push(await timeMs(() => variants.full(queries[i]!)));
  const perQuery = (name: keyof typeof variants) => samples[name].map(median);
  const full = perQuery('full');
  const newest = perQuery('newest');
  const searched = perQuery('search');
  const p95 = (v: number[]) => percentile(v, 95);

  // Does the exact document or index number find its item first?
  let exact = 0;
  let exactFirst = 0;
  let totalHits = 0;
  let capped = 0;
  for (const query of queries) {
    const result = await variants.search(query);
    totalHits += result.total;
    if (result.totalIsMore) capped++;
    if (query.label !== '文号' && query.label !== '索引号') continue;
    exact++;
    const sample = loaded.samples.find((s) => s.indexNumber === query.q || s.documentNumber === query.q || s.documentNumber?.replace('〔', '[').replace('〕', ']') === query.q);
    if (sample && result.rows[0]?.itemId === sample.id) exactFirst++;
  }
  const slowest = queries.map((q, i) => ({ q, ms: searched[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.error(`${label}：最慢的查询：${slowest.map((s) => `${s.q.label}“${s.q.q}”${s.q.agencyId ? `+机构${s.q.agencyId}` : ''}${s.q.year ? `+${s.q.year}年` : ''}${s.q.infoKind ? `+${s.q.infoKind}` : ''} ${s.ms.toFixed(1)} ms`).join('；')}`);
  const runs = `${QUERIES} 个查询，每个 ${ROUNDS} 次取中位数`;
  return [
    { name: `${label}：原始全文查询，全部匹配排序 p50（每个查询 1 次${dialect === 'postgres' ? `；超过 ${FULL_TIMEOUT_MS / 1000} 秒即停止，按 ${FULL_TIMEOUT_MS / 1000} 秒计，共 ${timeouts.full} 个` : ''}）`, value: percentile(full, 50), unit: 'ms' },
    { name: `${label}：原始全文查询，全部匹配排序 p95`, value: p95(full), unit: 'ms' },
    { name: `${label}：原始全文查询，不排序取最新 20 条 p50（${runs}${dialect === 'postgres' ? `；超过 ${FULL_TIMEOUT_MS / 1000} 秒即停止，共 ${timeouts.newest} 次` : ''}）`, value: percentile(newest, 50), unit: 'ms' },
    { name: `${label}：原始全文查询，不排序取最新 20 条 p95`, value: p95(newest), unit: 'ms' },
    { name: `${label}：searchItems p50（分词、精确匹配、计数、排序、取行、摘要高亮）`, value: percentile(searched, 50), unit: 'ms' },
    atMost(`${label}：searchItems p95`, p95(searched), 'ms', 50),
    atMost(`${label}：searchItems p95 ÷ 原始全文查询（全部匹配排序）p95`, p95(searched) / p95(full), '倍', 1.5),
    { name: `${label}：  对照：searchItems p95 ÷ 不排序取最新 20 条的原始查询 p95`, value: p95(searched) / p95(newest), unit: '倍' },
    { name: `${label}：  其中最慢一个查询（searchItems）`, value: Math.max(...searched), unit: 'ms' },
    { name: `${label}：  其中文号、索引号查询排在第一位的（共 ${exact} 个）`, value: exactFirst, unit: '个' },
    { name: `${label}：  其中匹配超过 ${fmt(RANK_WINDOW)} 条的查询（只排最近 ${fmt(RANK_WINDOW)} 条匹配，计数到此为止）`, value: capped, unit: '个' },
    { name: `${label}：  其中 ${QUERIES} 个查询的命中总数（计数封顶后；平均每个 ${fmt(Math.round(totalHits / QUERIES))} 条）`, value: totalHits, unit: '条' },
  ];
}

async function benchDialect(dialect: Dialect, items: number): Promise<BenchResult[]> {
  const label = DIALECT_NAMES[dialect];
  return withBenchDatabase(dialect, async (database) => {
    console.error(`${label}：载入 ${fmt(items)} 条信息 …`);
    const loaded = await load(database, items);
    console.error(`${label}：载入用时 ${(loaded.loadMs / 1000).toFixed(1)} s`);
    const product = loaded.productRows / (loaded.productMs / 1000);
    const bare = loaded.bareRows / (loaded.bareMs / 1000);
    const results: BenchResult[] = [
      { name: `${label}：分词并索引 ${fmt(items)} 条信息（${AGENCIES} 个机关；两种写法各一半，每 ${fmt(CHUNK)} 条交替）`, value: loaded.loadMs / 1000, unit: 's' },
      { name: `${label}：  对照：裸插入循环（同样的正文提取和分词，预编译语句）`, value: bare, unit: '行/秒' },
      { name: `${label}：  indexSources（与 indexItem 相同的行，经 Kysely 多行插入）`, value: product, unit: '行/秒' },
      atLeast(`${label}：  两者之比（indexSources ÷ 裸插入循环）`, product / bare, '倍', 0.5),
      { name: `${label}：  载入后 ${dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'}`, value: loaded.analyzeMs / 1000, unit: 's' },
      { name: `${label}：  数据库大小`, value: loaded.sizeMb, unit: 'MiB' },
    ];
    results.push(...(await benchQueries(database, label, loaded)));
    return results;
  });
}

export async function run(itemsArg?: number): Promise<BenchResult[]> {
  const items = itemsArg ?? (Number(process.env.GONGKAI_BENCH_SEARCH_ITEMS) || DEFAULT_ITEMS);
  const loadMs = await timeMs(() => segmenter());
  const results: BenchResult[] = [
    { name: `分词词典载入（每个进程一次）`, value: segmenterLoadMs() ?? loadMs, unit: 'ms' },
  ];
  const only = process.env.GONGKAI_BENCH_SEARCH_DIALECT as Dialect | undefined;
  for (const dialect of (['sqlite', 'postgres'] as const).filter((d) => !only || d === only)) {
    try {
      results.push(...(await benchDialect(dialect, items)));
    } catch (error) {
      // Reported, not fatal: the other database still runs.
      console.error(`${DIALECT_NAMES[dialect]} 基准出错：`, error);
    }
  }
  return results;
}

// Run directly: `node --import tsx bench/search.bench.ts [items]` prints the figures as JSON lines.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = process.argv[2] ? Number(process.argv[2].replace(/_/g, '')) : undefined;
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) {
    console.error(`条数应为正整数：${process.argv[2]}`);
    process.exitCode = 2;
  } else {
    const started = new Date();
    for (const r of await run(size)) console.log(`${r.name}\t${r.value.toFixed(r.value >= 100 ? 0 : 2)} ${r.unit}${r.target ? `\t目标 ${r.target}\t${r.ok ? '达标' : '未达标'}` : ''}`);
    console.log(`日期：${started.toISOString()}；负载：${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}；${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}`);
  }
}
