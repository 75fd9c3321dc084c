/**
 * The daily website-health sweep: checks external links when enabled (at most hourly), then
 * records each agency's column states and findings of the day. Idempotent: one snapshot row per agency (and column) and
 * day, written once (an agency with today's row is skipped, and a row already there is never
 * overwritten), so running it twice a day, or on two instances, changes nothing. Batch-limited:
 * at most `limit` agencies per run; the next run (every few minutes in the server) goes on.
 */
import { nowIso, today as todayOf, type AppContext } from '../../context.js';
import { listAllAgencies } from '../agencies/repository.js';
import { checkExternalLinks, type LinkCheckOptions, type LinkCheckResult } from './link-checker.js';
import * as repo from './repository.js';
import { healthOfAgencies, loadHealthSettings } from './service.js';

export interface HealthSweepResult {
  date: string;
  /** Agencies whose snapshot of the day this run wrote. */
  agencies: number;
  columns: number;
  /** Agencies still without today's snapshot (over the limit). */
  remaining: number;
  /** The external link check of this run; null when disabled or run within the hour. */
  links: LinkCheckResult | null;
}

/** Agencies evaluated together (one set of queries each). */
const GROUP = 50;

/**
 * The checker reads every public body to find the addresses due; the server sweeps every few
 * minutes, so it runs at most once an hour (each run requesting at most externalMaxPerRun).
 */
const LINK_CHECK_EVERY_MS = 3_600_000;

async function linkCheckDue(ctx: AppContext): Promise<boolean> {
  const last = await repo.readSettingValue(ctx.database.db, repo.LINK_CHECK_LAST_RUN_KEY);
  return !last || Date.parse(last) + LINK_CHECK_EVERY_MS <= ctx.clock.now().getTime();
}

export async function sweepWebsiteHealth(ctx: AppContext, options: { limit?: number; links?: LinkCheckOptions | false } = {}): Promise<HealthSweepResult> {
  const db = ctx.database.db;
  const settings = await loadHealthSettings(db);
  let links: LinkCheckResult | null = null;
  if (settings.externalLinksEnabled && options.links !== false && (await linkCheckDue(ctx))) {
    links = await checkExternalLinks(ctx, options.links || {});
    if (!links.busy) await repo.writeSettingValue(db, repo.LINK_CHECK_LAST_RUN_KEY, nowIso(ctx));
  }

  const date = todayOf(ctx);
  const done = await repo.agenciesWithSnapshot(db, date);
  const waiting = (await listAllAgencies(db)).filter((a) => !done.has(a.id)).map((a) => a.id);
  const todo = waiting.slice(0, options.limit ?? 200);
  const result: HealthSweepResult = { date, agencies: 0, columns: 0, remaining: waiting.length - todo.length, links };
  for (let i = 0; i < todo.length; i += GROUP) {
    const health = await healthOfAgencies(ctx, todo.slice(i, i + GROUP), date);
    for (const [agencyId, h] of health) {
      const columns = h.columns.map((c) => ({
        column_id: c.columnId, on_date: date, agency_id: agencyId, kind: c.kind, max_days: c.maxDays, last_published_on: c.lastPublishedOn,
        days_since_update: c.daysSinceUpdate, stale: c.stale ? 1 : 0, empty: c.empty ? 1 : 0, judged: c.judged ? 1 : 0,
      }));
      const written = await db.transaction().execute((trx) => repo.insertSnapshots(trx, columns, {
        agency_id: agencyId, on_date: date, result: h.result, veto: h.veto ? 1 : 0, score: h.score, stale_columns: h.staleColumns,
        empty_columns: h.emptyColumns, judged_columns: h.columns.filter((c) => c.judged).length, home_last_published_on: h.home.lastPublishedOn,
        findings: JSON.stringify(h.findings), created_at: nowIso(ctx),
      }));
      if (!written) continue;
      result.agencies++;
      result.columns += columns.length;
    }
  }
  return result;
}
