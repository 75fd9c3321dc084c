/**
 * The disk's own speed for the static export's files, for bench/portal.bench.ts: the files an
 * export wrote are read into memory, then written again to a fresh folder, with the same names and
 * bytes, by as many worker threads as the export used — one mkdirSync per new folder and one
 * writeFileSync per file, as the export does, and nothing else (no database, no rendering, no
 * crawl). The export cannot be faster than this on the same disk; the two together say how much of
 * an export's time is the file system's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Job {
  dir: string;
  files: Array<[string, Uint8Array]>;
}

export interface BareWrite {
  files: number;
  /** HTML files, 404.html aside: what the export counts as pages. */
  pages: number;
  seconds: number;
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** Writes the files under `from` again under `to` (which must not exist yet) with `threads` threads. */
export async function writeFilesBare(from: string, to: string, threads: number): Promise<BareWrite> {
  const names = listFiles(from);
  const jobs: Job[] = Array.from({ length: threads }, () => ({ dir: to, files: [] }));
  names.forEach((name, i) => jobs[i % threads]!.files.push([name, fs.readFileSync(path.join(from, name))]));
  const script = new URL(import.meta.url);
  const workers = jobs.map((job) => new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
    { eval: true, workerData: job },
  ));
  const answer = (worker: Worker) => new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  try {
    await Promise.all(workers.map(answer)); // ready, with the files in memory
    const started = performance.now();
    const done = workers.map(answer);
    for (const worker of workers) worker.postMessage('go');
    await Promise.all(done);
    const seconds = (performance.now() - started) / 1000;
    return { files: names.length, pages: names.filter((n) => n.endsWith('.html') && n !== '404.html').length, seconds };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && parentPort) {
  const job = workerData as Job;
  const port = parentPort;
  port.once('message', () => {
    const made = new Set<string>();
    for (const [name, bytes] of job.files) {
      const target = path.join(job.dir, name);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      fs.writeFileSync(target, bytes);
    }
    port.postMessage('done');
  });
  port.postMessage('ready');
}
