/**
 * Disclosure on request, on SQLite and on PostgreSQL. Targets are the issue's:
 * - report sections 三 and 四 of 300 agencies for one year (`requestSectionsByAgency`) over
 *   1,000,000 requests take at most twice one plain GROUP BY over the same table, measured in
 *   the same run (the report query may not cost much more than reading the table once);
 * - the list of open requests due this week (one agency; all agencies), ≤ 50 ms;
 * - importRequests on SQLite, ≥ 20,000 rows/s (a city's year of records in seconds).
 *
 * The data (bench/requests-data.ts) is loaded into a fresh database built by the migrations:
 * a temporary SQLite file, and on PostgreSQL (127.0.0.1:5432, user postgres) a database
 * gongkai_bench_<random> that is dropped at the end, also when the benchmark fails or is
 * interrupted. "Today" is fixed (TODAY in requests-data.ts), so every run lists the same rows.
 * The due list is measured with the indexes as the migrations create them (including the
 * partial index requests_open_due of migration 0005), then again without that index, to show
 * what it is for.
 * GONGKAI_BENCH_REQUESTS sets a smaller request count for a quick try.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { type Database, type Dialect } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { commandLineActor } from '../src/features/audit/service.js';
import { importRequests } from '../src/features/requests/import/service.js';
import { requestSectionsByAgency } from '../src/features/requests/queries/report-sections.js';
import { withBenchDatabase } from './database.js';
import { atLeast, atMost, median, measure, mulberry32, timeMs, type BenchResult } from './lib.js';
import {
  AgencyPicker, CASE_RATE, REPORT_YEAR, TODAY, addDays, generateAgencies, generateRequest, reviewCaseFor, tally,
  type GeneratedTally, type RequestRow, type ReviewCaseRow,
} from './requests-data.js';
import { generateImportSample, importCsv } from './requests-import.js';

const REQUESTS = Number(process.env.GONGKAI_BENCH_REQUESTS) || 1_000_000;
const AGENCIES = 300;
const IMPORT_ROWS = 50_000;
/** One timed import per year, all before the loaded data (2023-03 on) and the warm-up year 2021. */
const IMPORT_YEARS = [2022, 2020, 2019];
const SEED = 20251231;

/** Rows per INSERT: 1,000 × 27 columns stays under both limits (SQLite 32,766, PostgreSQL 65,535 parameters). */
const ROWS_PER_INSERT = 1000;
/** Rows per transaction while loading. */
const ROWS_PER_TRANSACTION = 10_000;

const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------



// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

const REQUEST_COLUMNS = [
  'id', 'agency_id', 'tracking_number', 'query_code_hash', 'requester_kind', 'requester_name', 'requester_id_type',
  'requester_id_number', 'requester_credit_code', 'requester_phone', 'requester_email', 'requester_address', 'requester_key',
  'description', 'preferred_form', 'delivery_way', 'channel', 'received_on', 'state', 'outcome', 'handled_on', 'due_date',
  'due_flag', 'handler_user_id', 'public_log', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof RequestRow>;

/** INSERT INTO requests (…) VALUES (…), (…) for `rows` rows, with the dialect's placeholders. */
function insertSql(dialect: Dialect, table: string, columns: readonly string[], rows: number): string {
  let p = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++p}` : '?')).join(',')})`;
  return `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
}

interface Loaded {
  tally: GeneratedTally;
  busiestAgency: number;
  loadMs: number;
  /** PostgreSQL: VACUUM ANALYZE after the load (autovacuum would do it soon after). */
  analyzeMs: number;
}

/**
 * Agencies, REQUESTS requests and their review cases, with multi-row INSERTs of 1,000 rows and a
 * transaction per 10,000 (SQLite: synchronous=OFF while loading only). Rows carry their ids so
 * that review cases can point at their request whatever order the inserts commit in.
 */
async function load(database: Database): Promise<Loaded> {
  const { db, dialect } = database;
  const random = mulberry32(SEED);
  const caseRandom = mulberry32(SEED + 2);
  const picker = new AgencyPicker(mulberry32(SEED + 1), AGENCIES);
  const t: GeneratedTally = { requests: 0, receivedInYear: 0, handledInYear: 0, dueThisWeek: 0, reviewCases: 0 };
  const cases: ReviewCaseRow[] = [];
  const fullSql = insertSql(dialect, 'requests', REQUEST_COLUMNS, ROWS_PER_INSERT);

  const started = process.hrtime.bigint();
  let synchronous: unknown = null;
  if (dialect === 'sqlite') {
    synchronous = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous;
    await sql`pragma synchronous = OFF`.execute(db);
  }
  await db.insertInto('agencies').values(generateAgencies(AGENCIES, `${TODAY}T00:00:00.000Z`)).execute();

  const insertChunk = (rows: readonly RequestRow[]) =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const part = rows.slice(i, i + ROWS_PER_INSERT);
        const params: unknown[] = [];
        for (const row of part) for (const column of REQUEST_COLUMNS) params.push(row[column] ?? null);
        const text = part.length === ROWS_PER_INSERT ? fullSql : insertSql(dialect, 'requests', REQUEST_COLUMNS, part.length);
        await trx.executeQuery(CompiledQuery.raw(text, params));
      }
    });
  // PostgreSQL works in its own process: generate the next chunk while it inserts this one.
  let inFlight: Promise<void> = Promise.resolve();
  for (let n = 1; n <= REQUESTS; ) {
    const rows: RequestRow[] = [];
    for (; rows.length < ROWS_PER_TRANSACTION && n <= REQUESTS; n++) {
      const row = generateRequest(random, n, REQUESTS, picker);
      tally(t, row);
      rows.push(row);
      if (caseRandom() < CASE_RATE) {
        const c = reviewCaseFor(caseRandom, cases.length + 1, row);
        if (c) cases.push(c);
      }
    }
    await inFlight;
    inFlight = insertChunk(rows);
    if (dialect === 'sqlite') await inFlight;
  }
  await inFlight;
  for (let i = 0; i < cases.length; i += 1000) await db.insertInto('review_cases').values(cases.slice(i, i + 1000)).execute();
  t.reviewCases = cases.length;

  if (dialect === 'sqlite') {
    await sql`pragma synchronous = ${sql.raw(String(synchronous ?? 2))}`.execute(db);
  } else {
    // Ids were given explicitly: move the identity sequences past them, as a restore would.
    for (const table of ['agencies', 'requests', 'review_cases']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
    }
  }
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const analyzeMs = dialect === 'postgres' ? await timeMs(() => sql`vacuum analyze agencies, requests, review_cases`.execute(db)) : 0;
  return { tally: t, busiestAgency: picker.busiest, loadMs, analyzeMs };
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The one plain GROUP BY the report query is compared with. */
function plainGroupBy(db: Kysely<DB>) {
  return db
    .selectFrom('requests')
    .select(['agency_id', 'requester_kind', 'outcome'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['agency_id', 'requester_kind', 'outcome'])
    .execute();
}

/** Open requests (handled_on null, not an unconfirmed online submission) due within 7 calendar days. */
function dueThisWeek(db: Kysely<DB>, agencyId: number | null) {
  let q = db
    .selectFrom('requests')
    .select(['id', 'agency_id', 'tracking_number', 'requester_name', 'state', 'received_on', 'due_date', 'due_flag'])
    .where('handled_on', 'is', null)
    .where('state', '!=', 'submitted')
    .where('due_date', '>=', TODAY)
    .where('due_date', '<=', addDays(TODAY, 7));
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('due_date').orderBy('id').limit(200).execute();
}

/** Drops the partial index of open requests by due date (migration 0005), for the comparison. */
function dropOpenDueIndex(db: Kysely<DB>) {
  return db.schema.dropIndex('requests_open_due').execute();
}

async function benchReport(db: Kysely<DB>, label: string, loaded: Loaded): Promise<BenchResult[]> {
  const agencyIds = Array.from({ length: AGENCIES }, (_, i) => i + 1);
  let received = 0;
  let handled = 0;
  let groups = 0;
  const report = async () => {
    const sections = await requestSectionsByAgency(db, REPORT_YEAR, agencyIds);
    received = handled = 0;
    for (const s of sections.values()) {
      received += s.section3.received.total;
      handled += s.section3.handledTotal.total;
    }
  };
  const plain = async () => {
    groups = (await plainGroupBy(db)).length;
  };
  // Alternate the two so that whatever else the machine is doing weighs on both alike.
  await plain();
  await report();
  const plainMs: number[] = [];
  const reportMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    plainMs.push(await timeMs(plain));
    reportMs.push(await timeMs(report));
  }
  const p = median(plainMs);
  const r = median(reportMs);
  const mismatch = Math.abs(received - loaded.tally.receivedInYear) + Math.abs(handled - loaded.tally.handledInYear);
  return [
    { name: `${label}：普通 GROUP BY（机关×申请人类型×结果，全表 ${fmt(loaded.tally.requests)} 件，5 次中位数）`, value: p, unit: 'ms' },
    { name: `${label}：requestSectionsByAgency，${AGENCIES} 个机关 ${REPORT_YEAR} 年三、四部分（5 次中位数）`, value: r, unit: 'ms' },
    atMost(`${label}：两者之比（年报查询 ÷ 普通 GROUP BY）`, r / p, '倍', 2),
    { name: `${label}：  其中普通 GROUP BY 的分组数`, value: groups, unit: '组' },
    { name: `${label}：  其中年报本年新收、办结与生成数据之差（应为 0）`, value: mismatch, unit: '件' },
  ];
}

async function benchDue(db: Kysely<DB>, label: string, loaded: Loaded, variant: string): Promise<BenchResult[]> {
  let rows = 0;
  const one = await measure(async () => (rows = (await dueThisWeek(db, loaded.busiestAgency)).length), { warmup: 3, runs: 21 });
  const oneRows = rows;
  const all = await measure(async () => (rows = (await dueThisWeek(db, null)).length), { warmup: 3, runs: 21 });
  return [
    atMost(`${label}：本周到期清单，一个机关（最忙的，${oneRows} 行；${variant}；21 次中位数）`, one.medianMs, 'ms', 50),
    atMost(`${label}：本周到期清单，全部机关（${rows} 行，共 ${fmt(loaded.tally.dueThisWeek)} 件到期；${variant}；21 次中位数）`, all.medianMs, 'ms', 50),
  ];
}

async function benchDialect(dialect: Dialect): Promise<BenchResult[]> {
  const label = DIALECT_NAMES[dialect];
  return withBenchDatabase(dialect, async (database) => {
    const { db } = database;
    console.error(`${label}：载入 ${fmt(REQUESTS)} 件申请 …`);
    const loaded = await load(database);
    console.error(`${label}：载入用时 ${(loaded.loadMs / 1000).toFixed(1)} s`);
    const results: BenchResult[] = [
      {
        name: `${label}：生成并载入 ${AGENCIES} 个机关、${fmt(loaded.tally.requests)} 件申请、${fmt(loaded.tally.reviewCases)} 件复议诉讼`,
        value: loaded.loadMs / 1000,
        unit: 's',
      },
    ];
    if (dialect === 'postgres') results.push({ name: `${label}：  载入后 VACUUM ANALYZE`, value: loaded.analyzeMs / 1000, unit: 's' });
    results.push(...(await benchReport(db, label, loaded)));
    results.push(...(await benchDue(db, label, loaded, '现有索引')));
    // With the indexes as landed. The imported rows (2019–2022, all handled) do not change what
    // the due list finds.
    if (dialect === 'sqlite') results.push(...(await benchImport(database)));
    await dropOpenDueIndex(db);
    if (dialect === 'postgres') await sql`analyze requests`.execute(db);
    results.push(...(await benchDue(db, label, loaded, '去掉 requests_open_due 索引对照')));
    return results;
  });
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/**
 * importRequests on generated CSVs of IMPORT_ROWS rows, into the loaded database with its
 * million requests, each timed from the file's bytes to the commit. Three imports of different
 * years before the loaded data begins (so none repeats a stored request), one after the other;
 * the figure is the median. An untimed import of 1,000 rows (2021) runs first so that the JIT,
 * the calendar and the file readers are warm, as in a server that has been up for a while.
 */
async function benchImport(database: Database): Promise<BenchResult[]> {
  const ctx: AppContext = {
    database,
    config: loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv),
    clock: { now: () => new Date(`${TODAY}T02:00:00.000Z`) },
  };
  const names = generateAgencies(AGENCIES, '').map((a) => a.name);
  const file = (rows: number, year: number) => importCsv(generateImportSample(mulberry32(SEED + year), rows, AGENCIES, year), names);
  const importFile = async (bytes: Uint8Array) => {
    const result = await importRequests(ctx, { actor: commandLineActor(), fileName: 'bench-import.csv', bytes });
    if (!result.ok) throw new Error(`导入被拒：${result.errors.slice(0, 3).map((e) => e.message).join('；')}`);
    return result.imported;
  };
  await importFile(file(1000, 2021));
  const events = async () =>
    Number((await database.db.selectFrom('request_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const eventsBefore = await events();
  const times: number[] = [];
  let imported = 0;
  let size = 0;
  for (const year of IMPORT_YEARS) {
    const bytes = file(IMPORT_ROWS, year);
    size = bytes.length;
    times.push(await timeMs(async () => (imported = await importFile(bytes))));
  }
  const eventRows = ((await events()) - eventsBefore) / IMPORT_YEARS.length;
  const ms = median(times);
  const rate = (t: number) => fmt(Math.round(imported / (t / 1000)));
  return [
    atLeast(
      `SQLite：importRequests 导入 ${fmt(imported)} 行 CSV（${(size / 2 ** 20).toFixed(1)} MiB；每次写入 ${fmt(imported)} 件申请、${fmt(eventRows)} 条办理记录；${IMPORT_YEARS.length} 次中位数）`,
      imported / (ms / 1000), '行/秒', 20_000,
    ),
    { name: `SQLite：  其中导入用时（${IMPORT_YEARS.length} 次中位数；各次 ${times.map((t) => `${(t / 1000).toFixed(2)} s = ${rate(t)} 行/秒`).join('，')}）`, value: ms / 1000, unit: 's' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const dialect of ['sqlite', 'postgres'] as const) {
    try {
      results.push(...(await benchDialect(dialect)));
    } catch (error) {
      // Reported, not fatal: the other database still runs.
      console.error(`${DIALECT_NAMES[dialect]} 基准出错：`, error);
    }
  }
  return results;
}
