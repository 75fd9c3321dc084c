/**
 * The server side of bench/portal.bench.ts, run as a separate process (child_process.fork) so that
 * its memory is a server's alone, not the loader's leftovers: either the application as `gongkai
 * serve` builds it (buildApp on the bench database, plus one route that sends a constant page:
 * CONSTANT_PREFIX) or a bare node:http server that repeats two recorded responses (/columns/… →
 * the list page, anything else → the item page). It listens on 127.0.0.1 and samples its own RSS
 * every 50 ms.
 *
 * Messages in: { start: ServerStart }, { stats: true, reset?: boolean }, { close: true }.
 * Messages out: { port }, { stats: ServerStats }, { error }.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';

/** A response as the bare server repeats it: headers and the body, base64 (IPC carries JSON). */
export interface RecordedPage {
  headers: Record<string, string>;
  body: string;
}

export type ServerStart =
  | { mode: 'app'; sqliteFile: string | null; databaseUrl: string | null; constantOf: string }
  | { mode: 'bare'; item: RecordedPage; list: RecordedPage };

export interface ServerStats {
  rssMb: number;
  /** Highest RSS sampled since the start or the last reset. */
  peakRssMb: number;
  heapUsedMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Where the application server sends its constant page (the page at ServerStart's `constantOf`). */
export const CONSTANT_PREFIX = '/bench-constant/';

async function start(spec: ServerStart): Promise<{ port: number; close: () => Promise<void> }> {
  if (spec.mode === 'app') {
    // Imported here, so that the bare server's process holds node:http alone.
    const [{ buildApp }, { loadConfig }, { systemClock }, { openDatabase }] = await Promise.all([
      import('../src/app.js'), import('../src/config.js'), import('../src/context.js'), import('../src/db/database.js'),
    ]);
    const database = openDatabase({ databaseUrl: spec.databaseUrl, dataDir: os.tmpdir(), ...(spec.sqliteFile ? { sqliteFile: spec.sqliteFile } : {}) });
    const app = await buildApp({ database, config: loadConfig({}), clock: systemClock }, { logger: false });
    // The application's ceiling: the page at `constantOf`, made once, then sent as bytes through
    // all the application's plugins and hooks (security headers, session cookie, ETag) as an item
    // page is, but neither read nor rendered again.
    let constant: Promise<{ type: string; cache: string; body: Buffer }> | null = null;
    app.get(`${CONSTANT_PREFIX}:id`, async (_request, reply) => {
      constant ??= app.inject({ url: spec.constantOf }).then((res) => ({ type: String(res.headers['content-type']), cache: String(res.headers['cache-control']), body: res.rawPayload }));
      const page = await constant;
      return reply.type(page.type).header('cache-control', page.cache).send(page.body);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      port: (app.server.address() as AddressInfo).port,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  }
  const pages = [spec.item, spec.list].map((p) => ({ headers: p.headers, body: Buffer.from(p.body, 'base64') }));
  const [item, list] = pages as [(typeof pages)[0], (typeof pages)[0]];
  const server = http.createServer((req, res) => {
    const page = req.url?.startsWith('/columns/') ? list : item;
    res.writeHead(200, page.headers);
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.send) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  let close: (() => Promise<void>) | null = null;
  const send = (message: unknown) => process.send!(message);
  // The benchmark has gone (finished, failed or interrupted): so does its server.
  process.once('disconnect', () => process.exit(0));
  process.on('message', (message: { start?: ServerStart; stats?: boolean; reset?: boolean; close?: boolean }) => {
    if (message.start) {
      start(message.start).then(
        (server) => {
          close = server.close;
          send({ port: server.port });
        },
        (error: unknown) => send({ error: String(error instanceof Error ? error.stack : error) }),
      );
    } else if (message.stats) {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      send({ stats: { rssMb: mb(usage.rss), peakRssMb: mb(peak), heapUsedMb: mb(usage.heapUsed) } satisfies ServerStats });
      if (message.reset) peak = usage.rss;
    } else if (message.close) {
      clearInterval(sampler);
      void (close?.() ?? Promise.resolve()).finally(() => process.exit(0));
    }
  });
}
