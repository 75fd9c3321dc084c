/**
 * The load generator of bench/portal.bench.ts, run as a separate process (child_process.fork) so
 * that it does not share an event loop with the server it measures. It receives one job by IPC,
 * keeps `concurrency` requests in flight over keep-alive connections (node:http Agent) to
 * 127.0.0.1, each to `${prefix}${random id in [1, maxId]}`, for `warmupMs` untimed then
 * `durationMs` timed, and sends back what it counted. Loopback only: the port is the bench
 * process's own server.
 */
import http from 'node:http';
import { mulberry32 } from './lib.js';

export interface LoadJob {
  port: number;
  /** Path before the random id, e.g. "/items/". */
  prefix: string;
  maxId: number;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
}

export interface LoadResult {
  requests: number;
  /** Responses other than 200, and connection errors. */
  errors: number;
  statuses: Record<string, number>;
  bytes: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

export function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const random = mulberry32(job.seed);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let bytes = 0;
  let measuring = false;
  let stopped = false;
  let started = 0;

  const one = () =>
    new Promise<void>((resolve) => {
      const path = `${job.prefix}${1 + Math.floor(random() * job.maxId)}`;
      const t0 = performance.now();
      const req = http.get({ host: '127.0.0.1', port: job.port, path, agent }, (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => {
          if (measuring && !stopped) {
            requests++;
            bytes += size;
            latencies.push(performance.now() - t0);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            if (res.statusCode !== 200) errors++;
          }
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('error', () => {
        if (measuring && !stopped) errors++;
        resolve();
      });
    });

  const worker = async () => {
    while (!stopped) await one();
  };

  return new Promise((resolve) => {
    const workers = Array.from({ length: job.concurrency }, worker);
    setTimeout(() => {
      measuring = true;
      started = performance.now();
      setTimeout(() => {
        stopped = true;
        const seconds = (performance.now() - started) / 1000;
        void Promise.all(workers).then(() => {
          agent.destroy();
          latencies.sort((a, b) => a - b);
          resolve({ requests, errors, statuses, bytes, seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) });
        });
      }, job.durationMs);
    }, job.warmupMs);
  });
}

// Forked by the benchmark: one job per process.
if (process.send) {
  process.once('disconnect', () => process.exit(0));
  process.once('message', (job: LoadJob) => {
    void runLoad(job).then((result) => {
      process.send!(result, () => process.exit(0));
    });
  });
}
