/**
 * CPU per portal page, in one process and without sockets: a tool for A/B work on the portal's
 * code, not a benchmark with targets (those are in portal.bench.ts). It loads N items (default
 * 20,000) as portal.bench.ts does, builds the application as `gongkai serve` does, and calls
 * `app.inject` for item pages (random ids), list pages (random columns, page 1) and a page
 * without a database query (/rules). Each kind runs ROUNDS rounds of CALLS calls; it prints the
 * fastest round's CPU µs per call (user + system), which is the least disturbed by whatever else
 * the machine does.
 *
 *   node --import tsx bench/portal-cpu.ts [items] [sqlite|postgres]
 *   PORTAL_CPU_PROFILE=item node --import tsx bench/portal-cpu.ts 20000 sqlite
 *
 * PORTAL_CPU_PROFILE=<kind> writes a CPU profile of that kind's rounds alone (not the loading) to
 * portal-<kind>.cpuprofile in the working directory, for Chrome's DevTools.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/context.js';
import type { Dialect } from '../src/db/database.js';
import { withBenchDatabase } from './database.js';
import { mulberry32, randomInt } from './lib.js';
import { COLUMNS_PER_AGENCY } from './portal-data.js';
import { load } from './portal.bench.js';

const ROUNDS = 8;
const CALLS = 500;

const items = Number(process.argv[2]) || 20_000;
const dialect = (process.argv[3] ?? 'sqlite') as Dialect;

await withBenchDatabase(dialect, async (database) => {
  const loaded = await load(database, items);
  console.log(`${dialect}: ${loaded.items} items loaded in ${(loaded.loadMs / 1000).toFixed(1)} s`);
  const app = await buildApp({ database, config: loadConfig({}), clock: systemClock }, { logger: false });
  const random = mulberry32(7);
  const kinds: Record<string, () => string> = {
    item: () => `/items/${randomInt(random, 1, loaded.items)}`,
    list: () => `/columns/${randomInt(random, 1, 300 * COLUMNS_PER_AGENCY)}`,
    rules: () => '/rules',
  };
  const profiled = process.env.PORTAL_CPU_PROFILE;
  for (const [kind, url] of Object.entries(kinds)) {
    const session = kind === profiled ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    let best = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      const before = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) {
        const response = await app.inject({ method: 'GET', url: url() });
        if (response.statusCode !== 200) throw new Error(`${response.statusCode} for ${kind}`);
      }
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / CALLS);
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(`portal-${kind}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    }
    console.log(`${kind}: ${best.toFixed(0)} µs CPU per page (fastest of ${ROUNDS} rounds of ${CALLS})`);
  }
  await app.close();
});
