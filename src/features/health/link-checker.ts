/**
 * The external link checker: requests the http(s) addresses that public bodies link to, politely,
 * and keeps the result of each in health_link_checks, where website health reads it. Off until an
 * administrator enables it (settings: externalLinksEnabled).
 *
 * Polite and bounded:
 * - HEAD first, GET only when HEAD fails (many servers refuse HEAD); redirects are not followed —
 *   a 3xx answer means the address still leads somewhere;
 * - each request times out after 5 seconds;
 * - one request at a time to a host, each starting at least a second after the previous one
 *   ended (robots.txt included); hosts in parallel (4 at a time);
 * - the User-Agent names the checker (gongkai-linkcheck) and robots.txt is honoured;
 * - at most `externalMaxPerRun` addresses per run, those never checked first, then the oldest
 *   results; an address checked within `externalRecheckDays` days is not requested again;
 * - addresses of the own network (loopback, private, link-local) are never requested;
 * - one run at a time across every instance (a lease in `settings`).
 */
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { nowIso, today as todayOf, type AppContext } from '../../context.js';
import { externalLinksOf, hostOf, isPrivateAddress, ownPortalPath, robotsAllows, robotsRulesFor, type RobotsRules } from '../../domain/health/index.js';
import * as repo from './repository.js';
import { loadHealthSettings } from './service.js';

export const LINK_CHECK_AGENT = 'gongkai-linkcheck';
const TIMEOUT_MS = 5_000;
const MIN_INTERVAL_MS = 1_000;
const HOSTS_IN_PARALLEL = 4;
const MAX_URL_LENGTH = 2_000;

export interface LinkCheckOptions {
  /** Addresses requested at most in this run (default: the setting externalMaxPerRun). */
  cap?: number;
  /** Per request (default 5000 ms). */
  timeoutMs?: number;
  /** Between two requests to one host (default 1000 ms). */
  minIntervalMs?: number;
  /** Tests only: let the checker request addresses on the own network (a local fake server). */
  allowPrivateAddresses?: boolean;
  fetch?: typeof fetch;
}

export interface LinkCheckResult {
  /** Another run holds the lease: nothing was done. */
  busy: boolean;
  /** Addresses checked in this run. */
  checked: number;
  failing: number;
  /** Not requested: robots.txt, own network. */
  skipped: number;
  /** Still due after this run (over the cap). */
  pending: number;
}

type Outcome = { ok: 1 | 0 | null; status: number | null; detail: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

/** Whether the host resolves to the own network (then nothing is requested). */
async function onOwnNetwork(host: string): Promise<boolean> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return isPrivateAddress(bare);
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  try {
    const addresses = await lookup(bare, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address));
  } catch {
    return false; // not resolvable: the request fails and says so
  }
}

export async function checkExternalLinks(ctx: AppContext, options: LinkCheckOptions = {}): Promise<LinkCheckResult> {
  const db = ctx.database.db;
  const settings = await loadHealthSettings(db);
  const cap = options.cap ?? settings.externalMaxPerRun;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const minIntervalMs = options.minIntervalMs ?? MIN_INTERVAL_MS;
  const doFetch = options.fetch ?? fetch;
  const userAgent = `${LINK_CHECK_AGENT}/1.0${ctx.config.publicUrl ? ` (+${ctx.config.publicUrl})` : ''}`;

  const urls = new Set<string>();
  for (const body of await repo.publicBodiesWithAddresses(db)) {
    for (const url of externalLinksOf(body.body_html)) {
      if (url.length <= MAX_URL_LENGTH && hostOf(url) && ownPortalPath(url, ctx.config.publicUrl) === null) urls.add(url);
    }
  }
  const cache = await repo.linkChecksFor(db, [...urls]);
  const cutoff = new Date(ctx.clock.now().getTime() - settings.externalRecheckDays * 86_400_000).toISOString();
  const due = [...urls].filter((u) => (cache.get(u)?.checked_at ?? '') < cutoff);
  due.sort((a, b) => (cache.get(a)?.checked_at ?? '').localeCompare(cache.get(b)?.checked_at ?? ''));
  const batch = due.slice(0, cap);
  const result: LinkCheckResult = { busy: false, checked: 0, failing: 0, skipped: 0, pending: due.length - batch.length };
  if (batch.length === 0) return result;

  const leaseMs = Math.min(3_600_000, batch.length * (2 * timeoutMs + 2 * minIntervalMs) + 60_000);
  const lease = `${new Date(ctx.clock.now().getTime() + leaseMs).toISOString()}|${randomBytes(8).toString('hex')}`;
  if (!(await repo.takeLease(db, lease, nowIso(ctx)))) return { ...result, busy: true };

  try {
    const byHost = new Map<string, string[]>();
    for (const url of batch) byHost.set(hostOf(url)!, [...(byHost.get(hostOf(url)!) ?? []), url]);

    await inParallel([...byHost], HOSTS_IN_PARALLEL, async ([host, hostUrls]) => {
      let nextAt = 0;
      const request = async (url: string, method: 'HEAD' | 'GET', read = false): Promise<{ status: number; text?: string } | { error: string }> => {
        const wait = nextAt - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          const res = await doFetch(url, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': userAgent, accept: '*/*' } });
          if (read && res.ok) return { status: res.status, text: (await res.text()).slice(0, 500_000) };
          await res.body?.cancel().catch(() => undefined);
          return { status: res.status };
        } catch (error) {
          const name = error instanceof Error ? error.name : '';
          return { error: name === 'TimeoutError' || name === 'AbortError' ? `超时（${timeoutMs / 1000}秒无响应）` : '无法连接' };
        } finally {
          // Counted from the end of a request: the host sees the pause whatever the network's delays.
          nextAt = Date.now() + minIntervalMs;
        }
      };
      const save = async (url: string, outcome: Outcome) => {
        const previous = cache.get(url);
        const failingSince = outcome.ok === 0 ? (previous?.ok === 0 && previous.failing_since ? previous.failing_since : todayOf(ctx)) : null;
        await repo.saveLinkCheck(db, { url, host, ...outcome, checked_at: nowIso(ctx), failing_since: failingSince });
        if (outcome.ok === null) result.skipped++;
        else {
          result.checked++;
          if (outcome.ok === 0) result.failing++;
        }
      };

      if (!options.allowPrivateAddresses && (await onOwnNetwork(host))) {
        for (const url of hostUrls) await save(url, { ok: null, status: null, detail: '内网地址，未检查' });
        return;
      }
      const robots = new Map<string, RobotsRules>();
      for (const url of hostUrls) {
        const parsed = new URL(url);
        if (!robots.has(parsed.origin)) {
          const answer = await request(`${parsed.origin}/robots.txt`, 'GET', true);
          robots.set(parsed.origin, 'text' in answer && answer.text !== undefined ? robotsRulesFor(answer.text, LINK_CHECK_AGENT) : { allow: [], disallow: [] });
        }
        if (!robotsAllows(robots.get(parsed.origin)!, `${parsed.pathname}${parsed.search}`)) {
          await save(url, { ok: null, status: null, detail: 'robots.txt 不允许检查' });
          continue;
        }
        let answer = await request(url, 'HEAD');
        if (!('status' in answer) || answer.status >= 400) answer = await request(url, 'GET');
        if ('status' in answer) await save(url, { ok: answer.status < 400 ? 1 : 0, status: answer.status, detail: null });
        else await save(url, { ok: 0, status: null, detail: answer.error });
      }
    });
  } finally {
    await repo.releaseLease(db, lease);
  }
  return result;
}
