/**
 * The public portal under load, on SQLite and on PostgreSQL. Targets are the issue's (#6):
 * - item page (/items/<random id>) ≥ 0.6 × and list page (/columns/<random column>) ≥ 0.4 × the
 *   requests per second of a bare node:http server sending the same response (the same status,
 *   headers and body bytes that the application sent for one such page) in the same run;
 * - the server process's memory ≤ 500 MB with 1,000,000 items (peak RSS while serving);
 * - static export ≥ 2,000 pages/s.
 * Beside the targets, the exported folder is served by nginx (where installed) against bare
 * node:http with the same bytes: the deployment README.md recommends for heavy traffic. And the
 * application's ceiling: the same item page bytes sent by the application process through all its
 * plugins and hooks, neither read nor rendered (portal-server.ts), against the bare server: what
 * the framework and the hooks alone leave of bare node:http.
 *
 * Data (bench/portal-data.ts): 300 agencies, 5 columns each, N published items with one live
 * version each, loaded straight into a fresh database built by the migrations — a temporary
 * SQLite file (prepared statements, synchronous=OFF during the load only), and on PostgreSQL
 * (127.0.0.1:5432, user postgres) a database gongkai_bench_<random> (multi-row INSERTs, the next
 * chunk generated while the previous one is inserted, VACUUM ANALYZE and CHECKPOINT after) that is dropped at
 * the end, also when the benchmark fails or is interrupted.
 *
 * The application (buildApp, as `gongkai serve` builds it, on the bench database) and the bare
 * server each run in a process of their own (bench/portal-server.ts), so that the server's memory
 * is its own and not this process's loader leftovers; both listen on 127.0.0.1. The load
 * generator is a third process (bench/portal-load.ts): CONCURRENCY requests in flight over
 * keep-alive connections, WARMUP_MS untimed, then DURATION_MS timed. The bare and application
 * runs alternate, ROUNDS times, so whatever else the machine is doing weighs on both alike; each
 * figure is the total of its rounds. The list page is measured without the two partial indexes
 * of migrations 0013/0016 (dropped in the bench database), then again after re-creating them
 * (PORTAL_INDEXES): the product's own indexes.
 *
 * The static export crawls a separate database of EXPORT_ITEMS items (a full export of 1,000,000
 * items writes two pages per item, about 20 GB, and takes many minutes).
 *
 * Size: BENCH_PORTAL_ITEMS (default 1,000,000), or run the file directly with the size as its
 * argument: `node --import tsx bench/portal.bench.ts 200000`. BENCH_PORTAL_EXPORT_ITEMS (default
 * 20,000), BENCH_PORTAL_SECONDS (timed seconds per run, default 10), BENCH_PORTAL_DIALECTS
 * (e.g. "sqlite").
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CompiledQuery, sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { systemClock, type AppContext } from '../src/context.js';
import { type Database, type Dialect, type Executor } from '../src/db/database.js';
import { exportStatic, type ExportResult } from '../src/features/portal/static-export.js';
import { withBenchDatabase } from './database.js';
import { atLeast, atMost, mulberry32, timeMs, type BenchResult } from './lib.js';
import { writeFilesBare, type BareWrite } from './portal-files.js';
import {
  benchDrafter, columnId, COLUMNS_PER_AGENCY, generateColumns, ITEM_COLUMNS, portalItems, VERSION_COLUMNS,
  type PortalChunk,
} from './portal-data.js';
import type { LoadJob, LoadResult } from './portal-load.js';
import { CONSTANT_PREFIX, type RecordedPage, type ServerStart, type ServerStats } from './portal-server.js';
import { generateAgencies } from './requests-data.js';

const ENV_ITEMS = Number(process.env.BENCH_PORTAL_ITEMS ?? process.env.GONGKAI_BENCH_PORTAL_ITEMS);
const DEFAULT_ITEMS = 1_000_000;
const EXPORT_ITEMS = Number(process.env.BENCH_PORTAL_EXPORT_ITEMS) || 20_000;
const AGENCIES = 300;
const CONCURRENCY = 32;
const WARMUP_MS = 2_000;
const DURATION_MS = (Number(process.env.BENCH_PORTAL_SECONDS) || 10) * 1000;
const ROUNDS = 2;
/** Rows per transaction while loading. */
const CHUNK = 10_000;
/** Rows per INSERT on PostgreSQL: 1,000 × 32 columns stays under its 65,535 parameters. */
const ROWS_PER_INSERT = 1000;
const SEED = 20261127;
const AT = '2026-03-02T00:00:00.000Z';
const LOAD_SCRIPT = fileURLToPath(new URL('./portal-load.ts', import.meta.url));
const SERVER_SCRIPT = fileURLToPath(new URL('./portal-server.ts', import.meta.url));

const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => bytes / 2 ** 20;

// ---------------------------------------------------------------------------------------------
// Databases (as in requests.bench.ts)
// ---------------------------------------------------------------------------------------------

/** Where a server process finds the bench database. */
interface Connection {
  sqliteFile: string | null;
  databaseUrl: string | null;
}


// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

function pgInsertSql(table: string, columns: readonly string[], rows: number): string {
  let p = 0;
  const tuple = () => `(${columns.map(() => `$${++p}`).join(',')})`;
  return `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
}

function values<T>(row: T, columns: ReadonlyArray<keyof T>): unknown[] {
  return columns.map((c) => row[c] ?? null);
}

interface Loaded {
  items: number;
  loadMs: number;
  /** PostgreSQL: VACUUM ANALYZE and CHECKPOINT after the load. */
  analyzeMs: number;
  sizeMb: number;
}

/** Agencies, their columns, one drafter, and `count` items with their live versions. */
export async function load(database: Database, count: number): Promise<Loaded> {
  const { db, dialect } = database;
  const started = process.hrtime.bigint();
  const agencyRows = generateAgencies(AGENCIES, AT);
  await db.insertInto('agencies').values(agencyRows).execute();
  await db.insertInto('users').values(benchDrafter(1, AT)).execute();
  await db.insertInto('publication_columns').values(generateColumns(agencyRows.map((a) => a.id), AT)).execute();
  const generator = portalItems(mulberry32(SEED), agencyRows.map((a) => ({ id: a.id, name: a.name, shortName: a.short_name })));

  let insertChunk: (chunk: PortalChunk) => Promise<void>;
  let synchronous: unknown = null;
  const sqlite = database.sqlite;
  if (sqlite) {
    synchronous = sqlite.pragma('synchronous', { simple: true });
    sqlite.pragma('synchronous = OFF');
    const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');
    const insertItem = sqlite.prepare(`insert into publication_items (${ITEM_COLUMNS.join(',')}) values (${placeholders(ITEM_COLUMNS.length)})`);
    const insertVersion = sqlite.prepare(`insert into publication_versions (${VERSION_COLUMNS.join(',')}) values (${placeholders(VERSION_COLUMNS.length)})`);
    const write = sqlite.transaction((chunk: PortalChunk) => {
      for (const row of chunk.items) insertItem.run(values(row, ITEM_COLUMNS));
      for (const row of chunk.versions) insertVersion.run(values(row, VERSION_COLUMNS));
    });
    insertChunk = async (chunk) => write(chunk);
  } else {
    const fullItems = pgInsertSql('publication_items', ITEM_COLUMNS, ROWS_PER_INSERT);
    const fullVersions = pgInsertSql('publication_versions', VERSION_COLUMNS, ROWS_PER_INSERT);
    const insertRows = async <T>(trx: Executor, table: string, columns: ReadonlyArray<keyof T & string>, full: string, rows: readonly T[]) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const part = rows.slice(i, i + ROWS_PER_INSERT);
        const params: unknown[] = [];
        for (const row of part) params.push(...values(row, columns));
        await trx.executeQuery(CompiledQuery.raw(part.length === ROWS_PER_INSERT ? full : pgInsertSql(table, columns, part.length), params));
      }
    };
    insertChunk = (chunk) =>
      db.transaction().execute(async (trx) => {
        await insertRows(trx, 'publication_items', ITEM_COLUMNS, fullItems, chunk.items);
        await insertRows(trx, 'publication_versions', VERSION_COLUMNS, fullVersions, chunk.versions);
      });
  }
  // PostgreSQL works in its own process: generate the next chunk while it inserts this one.
  let inFlight: Promise<void> = Promise.resolve();
  while (generator.generated < count) {
    const chunk = generator.chunk(Math.min(CHUNK, count - generator.generated));
    await inFlight;
    inFlight = insertChunk(chunk);
    if (sqlite) await inFlight;
    if (generator.generated % 100_000 === 0) console.error(`${DIALECT_NAMES[dialect]}：已载入 ${fmt(generator.generated)} 条`);
  }
  await inFlight;

  if (sqlite) {
    sqlite.pragma(`synchronous = ${Number(synchronous ?? 2)}`);
  } else {
    // Ids were given explicitly: move the identity sequences past them, as a restore would.
    for (const table of ['agencies', 'users', 'publication_columns', 'publication_items', 'publication_versions']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
    }
  }
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  // PostgreSQL: statistics for the planner, and the load's dirty pages written out now, so that
  // what is measured next does not share the disk with the checkpoint of a bulk load made a
  // moment before (a 20,000-item export lost up to 40 % to it). SQLite's load is checkpointed by
  // sizeMb.
  const analyzeMs = dialect === 'postgres'
    ? await timeMs(async () => {
      await sql`vacuum analyze agencies, publication_columns, publication_items, publication_versions`.execute(db);
      await sql`checkpoint`.execute(db);
    })
    : 0;
  return { items: count, loadMs, analyzeMs, sizeMb: await sizeMb(database) };
}

async function sizeMb(database: Database): Promise<number> {
  if (database.sqliteFile) {
    await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
    return mb(fs.statSync(database.sqliteFile).size);
  }
  const row = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(database.db);
  return mb(Number(row.rows[0]!.n));
}

// ---------------------------------------------------------------------------------------------
// Serving
// ---------------------------------------------------------------------------------------------

/** A server in its own process (bench/portal-server.ts). */
class ServerProcess {
  private readonly waiting: Array<{ resolve: (message: Record<string, unknown>) => void; reject: (error: Error) => void }> = [];
  private constructor(private readonly child: ChildProcess, readonly port: number) {
    child.on('message', (message) => this.waiting.shift()?.resolve(message as Record<string, unknown>));
    child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`服务进程退出，代码 ${code}`));
    });
  }

  static async start(spec: ServerStart): Promise<ServerProcess> {
    const child = fork(SERVER_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const reply = await new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Record<string, unknown>));
      child.once('exit', (code) => reject(new Error(`服务进程退出，代码 ${code}`)));
      child.send({ start: spec });
    });
    child.removeAllListeners('exit');
    if (typeof reply.port !== 'number') {
      child.kill();
      throw new Error(`服务进程未能启动：${String(reply.error)}`);
    }
    return new ServerProcess(child, reply.port);
  }

  /** The server's memory; `reset` starts a new peak. */
  stats(reset = false): Promise<ServerStats> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null) return reject(new Error(`服务进程已退出，代码 ${this.child.exitCode}`));
      this.waiting.push({ resolve: (message) => resolve(message.stats as ServerStats), reject });
      this.child.send({ stats: true, reset });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.send({ close: true });
    });
  }
}

/** Headers that belong to one connection, not to the response. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/** The response the bare server repeats: what the application sent for one page. */
async function record(port: number, url: string): Promise<RecordedPage & { bytes: number }> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  if (res.status !== 200) throw new Error(`${url} 返回 ${res.status}`);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { headers, body: body.toString('base64'), bytes: body.length };
}

/** One run of the load generator, in its own process. */
function generateLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | null = null;
    child.once('message', (message) => (result = message as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`负载进程退出，代码 ${code}`))));
    child.send(job);
  });
}

interface Tally {
  requests: number;
  errors: number;
  seconds: number;
  rates: number[];
  p50: number[];
  p99: number[];
}

const emptyTally = (): Tally => ({ requests: 0, errors: 0, seconds: 0, rates: [], p50: [], p99: [] });
function add(t: Tally, r: LoadResult): void {
  t.requests += r.requests;
  t.errors += r.errors;
  t.seconds += r.seconds;
  t.rates.push(r.requests / r.seconds);
  t.p50.push(r.p50Ms);
  t.p99.push(r.p99Ms);
}
const rate = (t: Tally) => t.requests / t.seconds;
const rounds = (t: Tally) => t.rates.map((r) => fmt(Math.round(r))).join('，');

/**
 * ROUNDS load runs against each of two servers (in `order` in even rounds, reversed in odd ones,
 * so that whatever else the machine does weighs on both alike), each added to its server's tally.
 * `around` wraps each run, e.g. to sample the server's memory.
 */
async function inTurn<K extends string>(
  tallies: Record<K, Tally>,
  ports: Record<K, number>,
  order: readonly [K, K],
  page: { prefix: string; maxId: number },
  seedOf: (round: number) => number,
  around: (target: K, round: number, run: () => Promise<void>) => Promise<void> = (_target, _round, run) => run(),
): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? order : [...order].reverse()) {
      await around(target, round, async () => {
        add(tallies[target], await generateLoad({
          port: ports[target], prefix: page.prefix, maxId: page.maxId, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS, seed: seedOf(round),
        }));
      });
    }
  }
}

interface Page {
  key: 'item' | 'list';
  prefix: string;
  maxId: number;
  what: string;
  /** The target (application ÷ bare), or null where there is none. */
  limit: number | null;
  bytes: number;
}

/**
 * ROUNDS runs of the application and of the bare server for one page, alternating which goes
 * first; the application's peak RSS over its runs.
 */
async function compare(app: ServerProcess, bare: ServerProcess, page: Page, label: string, variant: string) {
  const tallies = { app: emptyTally(), bare: emptyTally() };
  let peakRssMb = 0;
  await inTurn(tallies, { app: app.port, bare: bare.port }, ['bare', 'app'], page, (round) => SEED + round * 10 + (page.key === 'item' ? 1 : 2), async (target, round, run) => {
    const server = target === 'app' ? app : bare;
    await server.stats(true);
    await run();
    if (target === 'app') peakRssMb = Math.max(peakRssMb, (await server.stats()).peakRssMb);
    console.error(`${label}：${page.key === 'item' ? '信息页' : '列表页'}（${variant}）${target === 'app' ? '应用' : '裸 node:http'} 第 ${round + 1} 轮 ${fmt(Math.round(tallies[target].rates.at(-1)!))} 次/秒`);
  });
  const { app: a, bare: b } = tallies;
  const results: BenchResult[] = [
    { name: `${label}：${page.what}，裸 node:http 同样字节（${fmt(page.bytes)} 字节；各轮 ${rounds(b)}）`, value: rate(b), unit: '次/秒' },
    {
      name: `${label}：${page.what}，应用（${variant}；各轮 ${rounds(a)}；p50 ${a.p50.map((x) => x.toFixed(1)).join('/')} ms，p99 ${a.p99.map((x) => x.toFixed(1)).join('/')} ms）`,
      value: rate(a), unit: '次/秒',
    },
    page.limit === null
      ? { name: `${label}：${page.what}，应用 ÷ 裸 node:http（${variant}）`, value: rate(a) / rate(b), unit: '倍' }
      : atLeast(`${label}：${page.what}，应用 ÷ 裸 node:http（${variant}）`, rate(a) / rate(b), '倍', page.limit),
  ];
  if (a.errors > 0 || b.errors > 0) results.push(atMost(`${label}：${page.what}，非 200 或出错的请求（${variant}）`, a.errors + b.errors, '次', 0));
  return { results, peakRssMb };
}

/**
 * The partial indexes of public items (migration 0013, made covering by 0016): a column's or an
 * agency's public items by date, so that counting them and finding a page read the index alone
 * (a column's page with what it shows). The bench drops them first and measures the list page
 * without and then with them.
 */
const PORTAL_INDEXES = [
  'create index publication_items_column_public on publication_items (column_id, published_date, id, live_version, withdrawn_at, title, index_number, validity, document_number, info_kind) where live_version > 0 and withdrawn_at is null',
  'create index publication_items_agency_public on publication_items (agency_id, published_date, id, live_version, withdrawn_at) where live_version > 0 and withdrawn_at is null',
];

async function benchServing(database: Database, connection: Connection, label: string, loaded: Loaded): Promise<BenchResult[]> {
  const columns = AGENCIES * COLUMNS_PER_AGENCY;
  // The item page the bare server repeats is also the application's constant page (its ceiling).
  const itemUrl = `/items/${Math.ceil(loaded.items / 2)}`;
  const app = await ServerProcess.start({ mode: 'app', ...connection, constantOf: itemUrl });
  const results: BenchResult[] = [];
  let bare: ServerProcess | null = null;
  try {
    const idle = await app.stats();
    const itemPage = await record(app.port, itemUrl);
    const listPage = await record(app.port, `/columns/${columnId(2, 1)}`);
    bare = await ServerProcess.start({ mode: 'bare', item: itemPage, list: listPage });
    const bareIdle = await bare.stats();
    const item: Page = { key: 'item', prefix: '/items/', maxId: loaded.items, what: `信息页 /items/<随机 1–${fmt(loaded.items)}>`, limit: 0.6, bytes: itemPage.bytes };
    const list: Page = { key: 'list', prefix: '/columns/', maxId: columns, what: `列表页 /columns/<随机 1–${fmt(columns)}>`, limit: 0.4, bytes: listPage.bytes };

    for (const name of ['publication_items_column_public', 'publication_items_agency_public']) await sql.raw(`drop index if exists ${name}`).execute(database.db);
    const itemRun = await compare(app, bare, item, label, '不含迁移 0013/0016 的部分索引');
    const listRun = await compare(app, bare, list, label, '不含迁移 0013/0016 的部分索引');
    const ceiling: Page = { key: 'item', prefix: CONSTANT_PREFIX, maxId: loaded.items, what: `应用上限：经应用的全部插件和钩子发送同样字节的信息页（不查库、不渲染）`, limit: null, bytes: itemPage.bytes };
    const ceilingRun = await compare(app, bare, ceiling, label, '固定页面');
    results.push(...itemRun.results, ...listRun.results, ...ceilingRun.results);

    const indexMs = await timeMs(async () => {
      for (const statement of PORTAL_INDEXES) await sql.raw(statement).execute(database.db);
      if (database.dialect === 'postgres') await sql`analyze publication_items`.execute(database.db);
    });
    results.push({ name: `${label}：重建迁移 0013/0016 的两个部分索引（publication_items_column_public、_agency_public${database.dialect === 'postgres' ? '，含 ANALYZE' : ''}）`, value: indexMs, unit: 'ms' });
    const indexedRun = await compare(app, bare, list, label, '含迁移 0013/0016 的部分索引');
    results.push(...indexedRun.results);

    const peak = Math.max(itemRun.peakRssMb, listRun.peakRssMb, ceilingRun.peakRssMb, indexedRun.peakRssMb);
    const after = await app.stats();
    results.push(
      atMost(
        `${label}：应用服务进程 RSS 峰值（负载期间每 50 ms 采样；启动后空闲 ${idle.rssMb.toFixed(0)} MB，结束时 ${after.rssMb.toFixed(0)} MB，堆 ${after.heapUsedMb.toFixed(0)} MB；裸 node:http 进程空闲 ${bareIdle.rssMb.toFixed(0)} MB）`,
        peak, 'MB', 500,
      ),
    );
  } finally {
    await app.close();
    await bare?.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Static export
// ---------------------------------------------------------------------------------------------

/**
 * The export twice, and between them its files written twice by writeFilesBare (the disk's own
 * speed for the same files: export, bare, bare, export, so that whatever the disk is doing weighs
 * on both alike). The target is the exports' pages per second; the ratio says how much of their
 * time the file system takes. Then the export once more into the second's folder: a refresh with
 * nothing changed. The first export's folder is then served by nginx.
 */
export async function benchExport(database: Database, label: string): Promise<BenchResult[]> {
  const loaded = await load(database, EXPORT_ITEMS);
  const ctx: AppContext = { database, config: loadConfig({}), clock: systemClock };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-export-'));
  fs.chmodSync(root, 0o755); // mkdtemp makes it 0700; nginx's worker (benchNginx) may run as another user
  const folder = (name: string) => path.join(root, name);
  try {
    const exports: ExportResult[] = [];
    const bare: BareWrite[] = [];
    const exportOnce = async (name: string) => {
      exports.push(await exportStatic(ctx, folder(name), { baseUrl: 'https://www.example.gov.cn' }));
      console.error(`${label}：静态导出 第 ${exports.length} 次 ${fmt(Math.round(exports.at(-1)!.pages / exports.at(-1)!.seconds))} 页/秒`);
    };
    const bareOnce = async (name: string) => {
      bare.push(await writeFilesBare(folder('export-1'), folder(name), os.availableParallelism()));
      console.error(`${label}：直接写出同样的文件 第 ${bare.length} 次 ${fmt(Math.round(bare.at(-1)!.pages / bare.at(-1)!.seconds))} 页/秒`);
    };
    await exportOnce('export-1');
    await bareOnce('bare-1');
    await bareOnce('bare-2');
    await exportOnce('export-2');
    // Into the second's folder again: with nothing changed (only the site's fixed part is made),
    // after a day's changes, and every page made again (--full).
    const idle = await exportStatic(ctx, folder('export-2'), { baseUrl: 'https://www.example.gov.cn' });
    const day = await changeADay(database, loaded.items);
    const incremental = await exportStatic(ctx, folder('export-2'), { baseUrl: 'https://www.example.gov.cn' });
    const full = await exportStatic(ctx, folder('export-2'), { baseUrl: 'https://www.example.gov.cn', full: true });
    const rate = (runs: ReadonlyArray<{ pages: number; seconds: number }>) => runs.reduce((n, r) => n + r.pages, 0) / runs.reduce((n, r) => n + r.seconds, 0);
    const [first] = exports as [ExportResult];
    const seconds = (runs: ReadonlyArray<{ seconds: number }>) => runs.map((r) => r.seconds.toFixed(1)).join('/');
    const again = (r: ExportResult) => `生成 ${fmt(r.pages)} 个页面，写入 ${fmt(r.written)} 个文件，删除 ${r.removed} 个`;
    const results: BenchResult[] = [
      atLeast(
        `${label}：静态导出 ${fmt(loaded.items)} 条信息的库（${fmt(first.pages)} 个页面，共 ${fmt(first.files)} 个文件 ${mb(first.bytes).toFixed(0)} MB；两次 ${seconds(exports)} s；死链 ${first.broken.length} 个）`,
        rate(exports), '页/秒', 2_000,
      ),
      { name: `${label}：同一磁盘上直接写出这些文件（${os.availableParallelism()} 个线程，不生成页面；两次 ${seconds(bare)} s）`, value: rate(bare), unit: '页/秒' },
      { name: `${label}：静态导出 ÷ 直接写出同样的文件`, value: rate(exports) / rate(bare), unit: '倍' },
      { name: `${label}：再次导出到同一目录，无变动（只生成固定部分：${again(idle)}）`, value: idle.seconds, unit: 's' },
      { name: `${label}：一天的变动后再次导出（${day}；有变动的信息 ${incremental.changed?.items} 条、不再公开 ${incremental.changed?.gone} 条；${again(incremental)}）`, value: incremental.seconds, unit: 's' },
      { name: `${label}：再次导出，全部重新生成（--full：${again(full)}，${fmt(Math.round(full.pages / full.seconds))} 页/秒）`, value: full.seconds, unit: 's' },
    ];
    results.push(...(await benchNginx(folder('export-1'), label, loaded.items)));
    return results;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A day's publishing on a portal of `items` items, written as the workflow leaves the rows: 50 new
 * items (copies of existing ones, published today), 30 marked 已废止 by the registry, and 20
 * withdrawn. Returns what it did, for the result's name.
 */
export async function changeADay(database: Database, items: number): Promise<string> {
  const { db } = database;
  const at = new Date().toISOString();
  const spread = (n: number, offset: number) => Array.from({ length: n }, (_, k) => 1 + ((offset + k * Math.floor(items / n)) % items));
  await db.transaction().execute(async (trx) => {
    let next = Number((await trx.selectFrom('publication_items').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id) + 1;
    for (const source of spread(50, 101)) {
      const { id: _id, ...item } = await trx.selectFrom('publication_items').selectAll().where('id', '=', source).executeTakeFirstOrThrow();
      const { id: _vid, ...version } = await trx.selectFrom('publication_versions').selectAll().where('item_id', '=', source).where('version', '=', item.live_version).executeTakeFirstOrThrow();
      await trx.insertInto('publication_items').values({ ...item, id: next, index_number: `${item.index_number}-${next}`, published_date: at.slice(0, 10), first_published_at: at, created_at: at, updated_at: at }).execute();
      await trx.insertInto('publication_versions').values({ ...version, item_id: next, published_at: at }).execute();
      next++;
    }
    await trx.updateTable('publication_items').set({ validity: 'repealed', validity_on: at.slice(0, 10), updated_at: at }).where('id', 'in', spread(30, 203)).execute();
    await trx.updateTable('publication_items').set({ status: 'withdrawn', withdrawn_at: at, withdrawal_reason: '基准：撤回', updated_at: at }).where('id', 'in', spread(20, 307)).execute();
  });
  return '新发布 50 条、标注废止 30 条、撤回 20 条';
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((file) => fs.existsSync(file)) ?? null;

/**
 * The deployment README.md describes for heavy traffic: the exported folder served by nginx (one
 * worker process, like the one Node.js process it is compared with; the README's try_files),
 * against bare node:http sending the same bytes and headers, in the same run, alternating as in
 * `compare`. Skipped, with a message, where nginx is not installed.
 */
async function benchNginx(root: string, label: string, items: number): Promise<BenchResult[]> {
  if (!NGINX) {
    console.error(`${label}：未找到 nginx，跳过“nginx 提供导出的静态页面”一项`);
    return [];
  }
  fs.chmodSync(root, 0o755); // mkdtemp makes it 0700; nginx's worker may run as another user
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-nginx-'));
  const port = await freePort();
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), [
    'daemon off;', 'worker_processes 1;', `pid ${prefix}/nginx.pid;`, `error_log ${prefix}/error.log;`,
    'events { worker_connections 1024; }',
    'http {',
    '  types { text/html html; text/css css; application/xml xml; application/rss+xml rss; application/json json; image/svg+xml svg; }',
    '  default_type application/octet-stream;', '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`),
    `  server { listen 127.0.0.1:${port}; root ${root}; charset utf-8; error_page 404 /404.html;`,
    '    location / { try_files $uri $uri.html $uri/index.html =404; } }',
    '}',
  ].join('\n'));
  const nginx = spawn(NGINX, ['-p', prefix, '-e', `${prefix}/error.log`, '-c', `${prefix}/nginx.conf`], { stdio: ['ignore', 'inherit', 'inherit'] });
  let bare: ServerProcess | null = null;
  try {
    await waitForPort(port, nginx);
    const item = await record(port, `/items/${Math.ceil(items / 2)}`);
    const list = await record(port, `/columns/${columnId(2, 1)}`);
    bare = await ServerProcess.start({ mode: 'bare', item, list });
    const results: BenchResult[] = [];
    for (const page of [
      { key: 'item', prefix: '/items/', maxId: items, what: `信息页 /items/<随机 1–${fmt(items)}>`, bytes: item.bytes },
      { key: 'list', prefix: '/columns/', maxId: AGENCIES * COLUMNS_PER_AGENCY, what: `列表页 /columns/<随机 1–${fmt(AGENCIES * COLUMNS_PER_AGENCY)}>`, bytes: list.bytes },
    ] as const) {
      const tallies = { nginx: emptyTally(), bare: emptyTally() };
      await inTurn(tallies, { nginx: port, bare: bare.port }, ['bare', 'nginx'], page, (round) => SEED + round * 10 + 5);
      const { nginx: n, bare: b } = tallies;
      results.push(
        { name: `${label}：导出后由 nginx（1 个工作进程）提供的${page.what}（${fmt(page.bytes)} 字节；各轮 ${rounds(n)}；同轮裸 node:http ${fmt(Math.round(rate(b)))}）`, value: rate(n), unit: '次/秒' },
        { name: `${label}：  nginx ÷ 裸 node:http（${page.key === 'item' ? '信息页' : '列表页'}，同样字节）`, value: rate(n) / rate(b), unit: '倍' },
      );
      if (n.errors > 0 || b.errors > 0) results.push(atMost(`${label}：  nginx 与裸 node:http 非 200 或出错的请求`, n.errors + b.errors, '次', 0));
    }
    return results;
  } finally {
    await bare?.close();
    nginx.kill('SIGQUIT');
    await new Promise((resolve) => (nginx.exitCode !== null ? resolve(null) : nginx.once('exit', resolve)));
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

/** A port nobody listens on now (the OS's choice for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port`; fails if `child` exits first or after 10 s. */
async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx 退出，代码 ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx 10 秒内未在端口 ${port} 上接受连接`);
}

// ---------------------------------------------------------------------------------------------

async function benchDialect(dialect: Dialect, items: number): Promise<BenchResult[]> {
  const label = DIALECT_NAMES[dialect];
  const results = await withBenchDatabase(dialect, async (database, connection) => {
    console.error(`${label}：载入 ${fmt(items)} 条信息 …`);
    const loaded = await load(database, items);
    console.error(`${label}：载入用时 ${(loaded.loadMs / 1000).toFixed(1)} s`);
    const out: BenchResult[] = [
      {
        name: `${label}：生成并载入 ${AGENCIES} 个机关、${fmt(AGENCIES * COLUMNS_PER_AGENCY)} 个栏目、${fmt(items)} 条信息及其版本（库 ${loaded.sizeMb.toFixed(0)} MB）`,
        value: loaded.loadMs / 1000, unit: 's',
      },
    ];
    if (dialect === 'postgres') out.push({ name: `${label}：  载入后 VACUUM ANALYZE、CHECKPOINT`, value: loaded.analyzeMs / 1000, unit: 's' });
    out.push(...(await benchServing(database, connection, label, loaded)));
    return out;
  });
  try {
    results.push(...(await withBenchDatabase(dialect, (database) => benchExport(database, label))));
  } catch (error) {
    console.error(`${label} 静态导出基准出错：`, error);
  }
  return results;
}

export async function run(items = Number.isFinite(ENV_ITEMS) && ENV_ITEMS > 0 ? ENV_ITEMS : DEFAULT_ITEMS): Promise<BenchResult[]> {
  const dialects = (process.env.BENCH_PORTAL_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Dialect[];
  const results: BenchResult[] = [];
  for (const dialect of dialects) {
    try {
      results.push(...(await benchDialect(dialect, items)));
    } catch (error) {
      // Reported, not fatal: the other database still runs.
      console.error(`${DIALECT_NAMES[dialect] ?? dialect} 基准出错：`, error);
    }
  }
  return results;
}

// `node --import tsx bench/portal.bench.ts [items]`: this benchmark alone, figures as JSON lines.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = Number(process.argv[2]);
  for (const r of await run(Number.isFinite(arg) && arg > 0 ? arg : undefined)) console.log(JSON.stringify(r));
}
