/**
 * Helpers shared by the benchmarks: timing, medians, targets and a seeded random source, so
 * that every run measures the same generated data.
 */

/** One figure a benchmark reports. `ok` is false when the figure misses its target. */
export interface BenchResult {
  name: string;
  value: number;
  /** e.g. "ms", "份/秒", "MB" */
  unit: string;
  /** The target as printed, e.g. "≤ 200 ms". */
  target?: string;
  ok?: boolean;
}

/** Milliseconds taken by one call; the clock is process.hrtime.bigint (monotonic, ns). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Measurement {
  /** Median of the timed runs, ms. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number[];
}

/**
 * Run `fn` `warmup` times untimed (so the JIT has compiled the hot paths and lazy caches are
 * filled), then `runs` times timed, and take the median: one slow run (a GC pause, another
 * process on the machine) does not move it.
 */
export async function measure(
  fn: () => unknown,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(fn));
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), samples };
}

/** A figure that must be at least `limit` (throughput). */
export function atLeast(name: string, value: number, unit: string, limit: number): BenchResult {
  return { name, value, unit, target: `≥ ${limit.toLocaleString('en-US')} ${unit}`, ok: value >= limit };
}

/** A figure that must be at most `limit` (time, memory). */
export function atMost(name: string, value: number, unit: string, limit: number): BenchResult {
  return { name, value, unit, target: `≤ ${limit.toLocaleString('en-US')} ${unit}`, ok: value <= limit };
}

/** Peak resident set size of this process so far, in MB (the kernel's maxrss). */
export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** A seeded source of numbers in [0, 1): mulberry32, small and good enough for test data. */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from no items');
  return item;
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}
