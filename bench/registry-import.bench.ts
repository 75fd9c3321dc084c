/**
 * Decision imports (政府信息管理), on SQLite and on PostgreSQL. The check: "import
 * 1,000,000 decisions and compare the count in section 二". No target is set by the issue; the
 * brief's aims are ≥ 30,000 rows/s on SQLite and a memory growth well under the file's size.
 *
 * A CSV of 1,000,000 penalty decisions (UTF-8 with a byte order mark, the template's columns, a
 * party's name in the third column as real lists have) is written to a temporary file, a
 * piece at a time. Each database is fresh (migrateToLatest): a temporary SQLite file, and a
 * PostgreSQL database gongkai_bench_<pid>_<random> dropped at the end, also after an error or
 * Ctrl-C. On each, the file is imported with startFileImport — the path of the console's upload
 * after the file is on disk and of `gongkai registry import-decisions` — then imported again
 * (every row a duplicate), and section2FiguresForYear counts the year. Each database runs in a
 * process of its own (node --expose-gc), so that one's garbage is not counted in the other's
 * memory. Memory: the resident set size, sampled every 20 ms during the first import, minus its
 * size just before (after a full collection).
 * GONGKAI_BENCH_DECISIONS sets a smaller row count for a quick try.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { systemClock, type AppContext } from '../src/context.js';
import { type Dialect } from '../src/db/database.js';
import { commandLineActor } from '../src/features/audit/service.js';
import { startFileImport } from '../src/features/registry/import/service.js';
import { section2FiguresForYear } from '../src/features/registry/report-figures.js';
import { withBenchDatabase } from './database.js';
import { atLeast, atMost, mulberry32, randomInt, timeMs, type BenchResult } from './lib.js';

const ROWS = Number(process.env.GONGKAI_BENCH_DECISIONS) || 1_000_000;
const YEAR = 2025;
const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fmt = (n: number) => n.toLocaleString('en-US');
const MB = 1024 * 1024;

interface GeneratedFile {
  path: string;
  bytes: number;
  /** Decisions dated in YEAR (the rest are dated in the year before). */
  inYear: number;
}

/** Writes the CSV a piece at a time; 90% of the decisions in YEAR, the rest in the year before. */
async function generateCsv(dir: string): Promise<GeneratedFile> {
  const file = path.join(dir, 'decisions.csv');
  const out = fs.createWriteStream(file);
  const random = mulberry32(20251231);
  const names = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄'];
  let inYear = 0;
  let chunk = '\ufeff决定文书号,决定日期,相对人或事项名称\r\n';
  for (let i = 1; i <= ROWS; i++) {
    const thisYear = random() < 0.9;
    if (thisYear) inYear += 1;
    const year = thisYear ? YEAR : YEAR - 1;
    const date = `${year}-${String(randomInt(random, 1, 12)).padStart(2, '0')}-${String(randomInt(random, 1, 28)).padStart(2, '0')}`;
    const party = i % 3 === 0 ? `云岭市某某商贸有限公司第${i}分店` : `${names[i % names.length]}某${i % 1000}`;
    chunk += `青市监罚〔${year}〕${i}号,${date},${party}\r\n`;
    // Small pieces: a string over V8's large-object size (128 KB) would survive as garbage until a
    // full collection and be counted in the import's memory growth measured next.
    if (chunk.length > 16_384) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
  return { path: file, bytes: fs.statSync(file).size, inYear };
}


/** Runs `fn` while sampling the resident set size; returns its result and the peak growth in MB. */
async function withRssSampling<T>(fn: () => Promise<T>): Promise<{ result: T; growthMb: number; baseMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - base) / MB, baseMb: base / MB };
  } finally {
    clearInterval(timer);
  }
}

async function benchDialect(dialect: Dialect, file: GeneratedFile, dir: string): Promise<BenchResult[]> {
  const label = DIALECT_NAMES[dialect];
  return withBenchDatabase(dialect, async (database) => {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), dataDir: dir };
    const ctx: AppContext = { database, config, clock: systemClock };
    const at = new Date().toISOString();
    const agency = await database.db.insertInto('agencies').values({
      parent_id: null, name: '云岭市青川区市场监督管理局', short_name: '区市场监管局', kind: 'department', credit_code: null, index_code: null, sort_order: 1, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const importOnce = async () => {
      const started = await startFileImport(ctx, {
        actor: commandLineActor(), input: { agencyId: agency.id, kind: 'penalty' }, fileName: 'decisions.csv', path: file.path, deleteAfter: false,
        log: (error) => console.error(error),
      });
      return started.done;
    };
    console.error(`${label}：导入 ${fmt(ROWS)} 行 …`);
    let first!: Awaited<ReturnType<typeof importOnce>>;
    const memory = await withRssSampling(async () => {
      const ms = await timeMs(async () => {
        first = await importOnce();
      });
      return ms;
    });
    if (first.status !== 'done' || first.rows_accepted !== ROWS) throw new Error(`导入结果不符：${JSON.stringify(first)}`);
    const importMs = memory.result;

    console.error(`${label}：再次导入（全部重复）…`);
    let second!: Awaited<ReturnType<typeof importOnce>>;
    const againMs = await timeMs(async () => {
      second = await importOnce();
    });
    if (second.status !== 'done' || second.rows_duplicate !== ROWS || second.rows_accepted !== 0) throw new Error(`再次导入结果不符：${JSON.stringify(second)}`);

    let counted = 0;
    const countMs = await timeMs(async () => {
      counted = (await section2FiguresForYear(database.db, agency.id, YEAR)).section2.penalty.decisions ?? -1;
    });
    const fileMb = file.bytes / MB;
    return [
      ...(dialect === 'sqlite'
        ? [atLeast(`${label}：导入 ${fmt(ROWS)} 行决定清单（CSV ${fileMb.toFixed(1)} MiB），每批 5,000 行一个事务`, ROWS / (importMs / 1000), '行/秒', 30_000)]
        : [{ name: `${label}：导入 ${fmt(ROWS)} 行决定清单（CSV ${fileMb.toFixed(1)} MiB）`, value: ROWS / (importMs / 1000), unit: '行/秒' }]),
      { name: `${label}：— 用时`, value: importMs / 1000, unit: '秒' },
      atMost(`${label}：导入期间常驻内存（RSS）的最大增长（导入前 ${memory.baseMb.toFixed(0)} MB；目标：小于文件大小）`, memory.growthMb, 'MB', Math.round(fileMb)),
      { name: `${label}：再次导入同一文件（全部计为重复）`, value: ROWS / (againMs / 1000), unit: '行/秒' },
      { name: `${label}：年报第二部分 ${YEAR} 年行政处罚决定数 − 生成的数`, value: counted - file.inYear, unit: '件', target: '应为 0', ok: counted === file.inYear },
      { name: `${label}：section2FiguresForYear（${fmt(ROWS)} 件决定）`, value: countMs, unit: 'ms' },
    ];
  }, { dir });
}

/** Runs one database's part in a child process; its results come back as JSON on stdout. */
function inChild(dialect: Dialect, file: GeneratedFile, dir: string): Promise<BenchResult[]> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', dialect, JSON.stringify(file), dir], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as BenchResult[]);
    });
    child.stderr?.pipe(process.stderr);
  });
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-registry-'));
  const results: BenchResult[] = [];
  try {
    console.error(`生成 ${fmt(ROWS)} 行 CSV …`);
    const file = await generateCsv(dir);
    console.error(`已生成 ${(file.bytes / MB).toFixed(1)} MiB，其中 ${YEAR} 年 ${fmt(file.inYear)} 行`);
    for (const dialect of ['sqlite', 'postgres'] as const) {
      try {
        results.push(...(await inChild(dialect, file, dir)));
      } catch (error) {
        // Reported, not fatal: the other database still runs.
        console.error(`${DIALECT_NAMES[dialect]} 基准出错：`, error);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// The child process: `node --expose-gc --import tsx bench/registry-import.bench.ts --child <dialect> <file JSON> <dir>`.
if (process.argv[2] === '--child' && process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dialect, file, dir] = [process.argv[3] as Dialect, JSON.parse(process.argv[4]!) as GeneratedFile, process.argv[5]!];
  const results = await benchDialect(dialect, file, dir);
  process.stdout.write(JSON.stringify(results));
}
