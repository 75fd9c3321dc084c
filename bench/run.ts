/**
 * `npm run bench [-- name …]`: run every bench/*.bench.ts (or the named ones) in sequence and
 * print their figures with the machine and the date, ready for docs/PERFORMANCE.md.
 *
 * Always exits 0: benchmarks report, they do not fail CI (timings depend on the machine and on
 * whatever else it is running). A figure that misses its target is marked 未达标.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './lib.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const SUFFIX = '.bench.ts';

interface Row {
  bench: string;
  result: BenchResult;
}

/** Names given on the command line, matched against "report" of report.bench.ts. */
function selectBenches(available: readonly string[], requested: readonly string[]): string[] {
  if (requested.length === 0) return [...available];
  const names = requested.map((r) => r.replace(/^.*\//, '').replace(/\.bench\.ts$/, ''));
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(`未知的基准：${unknown.join('、')}。可用：${available.join('、')}`);
  }
  return available.filter((n) => names.includes(n));
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Number.isInteger(value) || Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Wide characters (CJK, full-width forms) take two columns on a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

function printTable(rows: readonly Row[]): void {
  const header = ['基准', '项目', '数值', '单位', '目标', '结论'];
  const lines = rows.map(({ bench, result }) => [
    bench,
    result.name,
    formatValue(result.value),
    result.unit,
    result.target ?? '',
    result.ok === undefined ? '' : result.ok ? '达标' : '未达标',
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i]!))));
  const format = (cells: readonly string[]) =>
    cells.map((c, i) => pad(c, widths[i]!, i === 2 ? 'right' : 'left')).join('  ').trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

async function main(): Promise<void> {
  const available = (await readdir(BENCH_DIR))
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
  const selected = selectBenches(available, process.argv.slice(2));

  const cpus = os.cpus();
  const loadBefore = loadAverage();
  const started = new Date();
  const rows: Row[] = [];
  const failed: string[] = [];

  for (const bench of selected) {
    console.error(`运行 ${bench}${SUFFIX} …`);
    try {
      const module = (await import(pathToFileURL(`${BENCH_DIR}${bench}${SUFFIX}`).href)) as { run?: unknown };
      if (typeof module.run !== 'function') throw new TypeError(`${bench}${SUFFIX} 没有导出 run()`);
      const results = (await (module.run as () => Promise<BenchResult[]>)()) ?? [];
      for (const result of results) rows.push({ bench, result });
    } catch (error) {
      // Reported, not fatal: the other benchmarks still run.
      failed.push(bench);
      console.error(`${bench}${SUFFIX} 出错：`, error);
    }
  }

  console.log('');
  console.log(`日期：${started.toISOString().slice(0, 10)}（UTC，开始于 ${started.toISOString()}）`);
  console.log(`机器：${cpus[0]?.model ?? '未知 CPU'}，${cpus.length} 核，内存 ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB，${os.type()} ${os.release()} ${os.arch()}`);
  console.log(`Node：${process.version}`);
  console.log(`负载（1/5/15 分钟平均）：开始 ${loadBefore}；结束 ${loadAverage()}`);
  console.log(`命令：npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`);
  console.log('');
  if (rows.length > 0) printTable(rows);
  const missed = rows.filter((r) => r.result.ok === false).length;
  console.log('');
  if (rows.length === 0) {
    console.log(failed.length > 0 ? `没有得到数据；出错的基准：${failed.join('、')}。` : '没有运行任何基准。');
    return;
  }
  console.log(
    `${rows.length} 项数据，${missed === 0 ? '全部目标达标' : `${missed} 项未达标`}` +
      (failed.length > 0 ? `；出错的基准：${failed.join('、')}` : '') +
      '。',
  );
}

try {
  await main();
} catch (error) {
  console.error('基准运行出错：', error);
} finally {
  process.exitCode = 0;
}
