/**
 * Website health of gongkai's own portal, per agency and column, by the content indicators of
 * 国办秘函〔2019〕19号 (src/domain/health: the rules; this file gathers the facts from the records).
 *
 * For other features — keep these signatures stable:
 *
 *   agencyHealth(ctxOrDb, agencyId, today): Promise<HealthFinding[]>
 *     Every finding of one agency on `today` (YYYY-MM-DD, Beijing), 单项否决 first:
 *     { indicator, severity: 'veto' | 'deduct' | 'warn', message, columnId?, itemId?, since? }
 *     (plus documentId? and url? where they apply). `indicator` is a key of HEALTH_INDICATORS in
 *     src/domain/health/indicators.ts, `since` the first day the problem counted. Pass the
 *     AppContext when you have it: absolute links into the portal (GONGKAI_PUBLIC_URL) are then
 *     checked as portal paths. No permission check: the caller has done its own.
 *
 *   agencyHealthResult(ctxOrDb, agencyId, today): Promise<AgencyHealthResult> — the same with the
 *     columns' states, the indicators' summary, the score and the conclusion.
 *
 *   columnHealthOf(ctxOrDb, agencyIds, today) — the cheap part (columns and home page only), for
 *     dashboards; healthFigures(ctxOrDb, agencyIds, today) — totals for report section 一.
 */
import { beijingDate, today as todayOf, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { Agency, PublicationColumn } from '../../db/schema.js';
import { addCalendarDays, defaultCalendar } from '../../domain/calendar/index.js';
import {
  evaluateAgencyHealth, externalLinksOf, normalizeHealthSettings, ownPortalPath, portalTarget, statePeriods, withChildren,
  type AgencyHealthFacts, type AgencyHealthResult, type ColumnState, type DeadLinkFact, type HealthFinding, type HealthSettings, type HomeState, type StatePeriod,
} from '../../domain/health/index.js';
import type { Actor } from '../../domain/roles.js';
import { forbidden, notFound } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency, listAllAgencies } from '../agencies/repository.js';
import { treeOrder, type AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendarAdditions } from '../calendar/service.js';
import { internalLinks } from '../publications/checks.js';
import { findColumn } from '../publications/repository.js';
import { healthPolicy } from './policy.js';
import * as repo from './repository.js';
import { healthSettingLabels, healthSettingsInput } from './schemas.js';

export type { AgencyHealthResult, HealthFinding, HealthSettings };

/** Services take the application context, or just a database handle (a transaction included). */
export type HealthSource = AppContext | Executor;

function isContext(source: HealthSource): source is AppContext {
  return typeof (source as AppContext).database === 'object' && (source as AppContext).database !== null && 'db' in (source as AppContext).database;
}
const dbOf = (source: HealthSource): Executor => (isContext(source) ? source.database.db : source);
const publicUrlOf = (source: HealthSource): string | null => (isContext(source) ? source.config.publicUrl : null);

/** The office's thresholds (the 19号 values until changed). */
export async function loadHealthSettings(db: Executor): Promise<HealthSettings> {
  const raw = await repo.readSettingValue(db, repo.SETTINGS_KEY);
  if (!raw) return normalizeHealthSettings(null);
  try {
    return normalizeHealthSettings(JSON.parse(raw));
  } catch {
    return normalizeHealthSettings(null);
  }
}

// ---- gathering the facts --------------------------------------------------------------------

function emptyFacts(agencyId: number): AgencyHealthFacts {
  return { agencyId, columns: [], deadInternalLinks: [], deadExternalLinks: [], uninterpreted: [], expiredStillValid: [], published: [] };
}

async function columnFacts(db: Executor, agencyIds: readonly number[], facts: Map<number, AgencyHealthFacts>) {
  const columns = await repo.columnsOf(db, agencyIds);
  const updates = await repo.columnUpdates(db, agencyIds);
  const byAgency = new Map<number, typeof columns>();
  for (const c of columns) byAgency.set(c.agency_id, [...(byAgency.get(c.agency_id) ?? []), c]);
  for (const [agencyId, list] of byAgency) {
    facts.get(agencyId)!.columns = withChildren(list.map((c) => ({
      id: c.id, name: c.name, kind: c.kind, parentId: c.parent_id, createdOn: beijingDate(new Date(c.created_at)),
      itemCount: updates.get(c.id)?.count ?? 0, lastPublishedOn: updates.get(c.id)?.last ?? null,
    })));
  }
}

/** Dead links of the public bodies: same-site paths checked against the records; external addresses by the checker's last result. */
async function linkFacts(db: Executor, agencyIds: readonly number[], publicUrl: string | null, settings: HealthSettings, facts: Map<number, AgencyHealthFacts>) {
  const bodies = await repo.publicBodiesWithLinks(db, agencyIds);
  const found = bodies.map((b) => {
    const external: string[] = [];
    const internal = internalLinks(b.body_html);
    for (const url of externalLinksOf(b.body_html)) {
      const own = ownPortalPath(url, publicUrl);
      if (own !== null) internal.push(own);
      else external.push(url);
    }
    return { body: b, internal: [...new Set(internal)].map((href) => ({ href, target: portalTarget(href) })), external };
  });
  const ids = (kind: 'item' | 'column' | 'agency') => found.flatMap((f) => f.internal.flatMap((l) => (l.target.kind === kind ? [l.target.id] : [])));
  const items = await repo.publicItemIds(db, ids('item'));
  const columns = await repo.existingColumnIds(db, ids('column'));
  const agencies = await repo.existingAgencyIds(db, ids('agency'));
  const works = (t: ReturnType<typeof portalTarget>) =>
    t.kind === 'page' || (t.kind === 'item' && items.has(t.id)) || (t.kind === 'column' && columns.has(t.id)) || (t.kind === 'agency' && agencies.has(t.id));
  const checks = settings.externalLinksEnabled ? await repo.linkChecksFor(db, found.flatMap((f) => f.external)) : new Map<string, repo.LinkCheck>();
  for (const f of found) {
    const target = facts.get(f.body.agency_id)!;
    for (const l of f.internal) if (!works(l.target)) target.deadInternalLinks.push({ itemId: f.body.id, title: f.body.title, url: l.href });
    for (const url of f.external) {
      const check = checks.get(url);
      if (check?.ok !== 0) continue;
      const dead: DeadLinkFact = { itemId: f.body.id, title: f.body.title, url, failingSince: check.failing_since };
      const detail = check.status ? `HTTP ${check.status}` : check.detail;
      if (detail) dead.detail = detail;
      target.deadExternalLinks.push(dead);
    }
  }
}

async function recordFacts(db: Executor, agencyIds: readonly number[], today: string, settings: HealthSettings, facts: Map<number, AgencyHealthFacts>) {
  for (const d of await repo.uninterpretedNormative(db, agencyIds)) {
    facts.get(d.agency_id)!.uninterpreted.push({ itemId: d.id, title: d.title, publishedOn: d.published_date ?? today });
  }
  for (const d of await repo.expiredStillValid(db, agencyIds, today)) {
    facts.get(d.agency_id)!.expiredStillValid.push({ documentId: d.id, itemId: d.item_id!, title: d.title, documentNumber: d.document_number, validUntil: d.valid_until! });
  }
  for (const p of await repo.publishedSince(db, agencyIds, addCalendarDays(today, -settings.delayLookbackDays))) {
    facts.get(p.agency_id)!.published.push({ itemId: p.id, title: p.title, madeOn: p.made_on!, publishedOn: p.published_date! });
  }
}

/** The facts of each agency; `columnsOnly` skips the bodies and records (dashboards). */
async function gatherFacts(source: HealthSource, agencyIds: readonly number[], today: string, settings: HealthSettings, columnsOnly = false) {
  const db = dbOf(source);
  const facts = new Map(agencyIds.map((id) => [id, emptyFacts(id)]));
  await columnFacts(db, agencyIds, facts);
  if (!columnsOnly) {
    await linkFacts(db, agencyIds, publicUrlOf(source), settings, facts);
    await recordFacts(db, agencyIds, today, settings, facts);
  }
  return facts;
}

/** Website health of several agencies on `today`. */
export async function healthOfAgencies(source: HealthSource, agencyIds: readonly number[], today: string): Promise<Map<number, AgencyHealthResult>> {
  const db = dbOf(source);
  const settings = await loadHealthSettings(db);
  const calendar = defaultCalendar(await loadCalendarAdditions(db));
  const facts = await gatherFacts(source, agencyIds, today, settings);
  return new Map([...facts].map(([id, f]) => [id, evaluateAgencyHealth(f, { today, settings, calendar })]));
}

/** Everything about one agency's site on `today` (see the file comment). */
export async function agencyHealthResult(source: HealthSource, agencyId: number, today: string): Promise<AgencyHealthResult> {
  return (await healthOfAgencies(source, [agencyId], today)).get(agencyId)!;
}

/** The findings of one agency's site on `today` (see the file comment: a stable contract). */
export async function agencyHealth(source: HealthSource, agencyId: number, today: string): Promise<HealthFinding[]> {
  return (await agencyHealthResult(source, agencyId, today)).findings;
}

export interface ColumnHealthSummary {
  judged: boolean;
  columns: number;
  staleColumns: number;
  emptyColumns: number;
  home: HomeState;
  /** The 单项否决 indicators that have tripped (they depend on the columns alone). */
  vetoes: HealthFinding[];
  states: ColumnState[];
}

/** Columns and home page of each agency: the cheap part of health, for dashboards. */
export async function columnHealthOf(source: HealthSource, agencyIds: readonly number[], today: string): Promise<Map<number, ColumnHealthSummary>> {
  const settings = await loadHealthSettings(dbOf(source));
  const facts = await gatherFacts(source, agencyIds, today, settings, true);
  return new Map([...facts].map(([id, f]) => {
    const r = evaluateAgencyHealth(f, { today, settings, calendar: null });
    return [id, {
      judged: r.judged, columns: r.columns.filter((c) => c.judged).length, staleColumns: r.staleColumns, emptyColumns: r.emptyColumns,
      home: r.home, vetoes: r.findings.filter((x) => x.severity === 'veto'), states: r.columns,
    }];
  }));
}

/** Totals over agencies for report section 一 (四) 平台建设: judged columns, stale, empty, agencies failing a veto. */
export async function healthFigures(source: HealthSource, agencyIds: readonly number[], today: string) {
  const summaries = [...(await columnHealthOf(source, agencyIds, today)).values()].filter((s) => s.judged);
  return {
    agencies: summaries.length,
    columns: summaries.reduce((n, s) => n + s.columns, 0),
    staleColumns: summaries.reduce((n, s) => n + s.staleColumns, 0),
    emptyColumns: summaries.reduce((n, s) => n + s.emptyColumns, 0),
    vetoAgencies: summaries.filter((s) => s.vetoes.length > 0).length,
  };
}

// ---- pages ----------------------------------------------------------------------------------

/** One agency's conclusion, as the overview lists it. */
export interface HealthSummary {
  judged: boolean;
  result: AgencyHealthResult['result'];
  score: number;
  veto: boolean;
  /** The 单项否决 indicators that tripped. */
  vetoes: HealthFinding['indicator'][];
  columns: number;
  staleColumns: number;
  emptyColumns: number;
  homeLastPublishedOn: string | null;
}

export interface OverviewRow {
  agency: AgencyNode;
  summary: HealthSummary;
  /** When today's daily record was written (ISO); null when computed now (no record yet today). */
  recordedAt: string | null;
}

function summaryOf(h: AgencyHealthResult): HealthSummary {
  return {
    judged: h.judged, result: h.result, score: h.score, veto: h.veto, vetoes: h.findings.filter((f) => f.severity === 'veto').map((f) => f.indicator),
    columns: h.columns.filter((c) => c.judged).length, staleColumns: h.staleColumns, emptyColumns: h.emptyColumns, homeLastPublishedOn: h.home.lastPublishedOn,
  };
}

/**
 * Every agency in the actor's scope (tree order) with its conclusion of today: from the daily
 * record when the sweep has written it (reading every body of a large district on each view would
 * take seconds), computed now for agencies without one. An agency's own page is always live.
 */
export async function healthOverview(ctx: AppContext, actor: Actor): Promise<{ today: string; rows: OverviewRow[]; settings: HealthSettings }> {
  const day = todayOf(ctx);
  const agencies = treeOrder(await listAllAgencies(ctx.database.db), (id) => healthPolicy.view(actor, id));
  if (agencies.length === 0) throw forbidden('无权查看网站健康情况');
  const recorded = new Map((await repo.agencySnapshotsOn(ctx.database.db, agencies.map((a) => a.id), day)).map((s) => [s.agency_id, s]));
  const missing = agencies.filter((a) => !recorded.has(a.id)).map((a) => a.id);
  const live = missing.length ? await healthOfAgencies(ctx, missing, day) : new Map<number, AgencyHealthResult>();
  const rows = agencies.map((agency): OverviewRow => {
    const s = recorded.get(agency.id);
    if (!s) return { agency, summary: summaryOf(live.get(agency.id)!), recordedAt: null };
    const findings = JSON.parse(s.findings) as HealthFinding[];
    return {
      agency,
      recordedAt: s.created_at,
      summary: {
        judged: s.result !== 'none', result: s.result, score: s.score, veto: s.veto === 1, vetoes: findings.filter((f) => f.severity === 'veto').map((f) => f.indicator),
        columns: s.judged_columns, staleColumns: s.stale_columns, emptyColumns: s.empty_columns, homeLastPublishedOn: s.home_last_published_on,
      },
    };
  });
  return { today: day, rows, settings: await loadHealthSettings(ctx.database.db) };
}

async function visibleAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !healthPolicy.view(actor, agency.id)) throw notFound('单位');
  return agency;
}

/** One agency: every indicator with its findings, the columns, and the last days' conclusions. */
export async function agencyHealthDetail(ctx: AppContext, actor: Actor, agencyId: number) {
  const agency = await visibleAgency(ctx, actor, agencyId);
  const day = todayOf(ctx);
  return {
    agency,
    health: await agencyHealthResult(ctx, agency.id, day),
    settings: await loadHealthSettings(ctx.database.db),
    history: await repo.agencySnapshots(ctx.database.db, agency.id, 30),
  };
}

export interface ColumnHistory {
  agency: Agency;
  column: PublicationColumn;
  today: string;
  current: ColumnState | null;
  periods: StatePeriod[];
  snapshots: Awaited<ReturnType<typeof repo.columnSnapshots>>;
}

/** A column's state today and the periods it was stale or empty, from the daily snapshots. */
export async function columnHistory(ctx: AppContext, actor: Actor, columnId: number): Promise<ColumnHistory> {
  const column = await findColumn(ctx.database.db, columnId);
  if (!column || !healthPolicy.view(actor, column.agency_id)) throw notFound('栏目');
  const agency = (await findAgency(ctx.database.db, column.agency_id))!;
  const day = todayOf(ctx);
  const summary = (await columnHealthOf(ctx, [agency.id], day)).get(agency.id)!;
  const snapshots = await repo.columnSnapshots(ctx.database.db, column.id, 400);
  const periods = statePeriods(snapshots.filter((s) => s.judged === 1).map((s) => ({ onDate: s.on_date, stale: s.stale === 1, empty: s.empty === 1, lastPublishedOn: s.last_published_on })), day);
  return { agency, column, today: day, current: summary.states.find((s) => s.columnId === column.id) ?? null, periods, snapshots };
}

// ---- settings -------------------------------------------------------------------------------

export async function getHealthSettings(ctx: AppContext, actor: Actor): Promise<HealthSettings> {
  if (!healthPolicy.editSettings(actor)) throw forbidden('只有公开办管理员和系统管理员可以设置网站健康检查');
  return loadHealthSettings(ctx.database.db);
}

/** Changes some thresholds (the rest keep their values), with its audit entry. */
export async function saveHealthSettings(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<HealthSettings> {
  if (!healthPolicy.editSettings(opts.actor)) throw forbidden('只有公开办管理员和系统管理员可以设置网站健康检查');
  const input = parseInput(healthSettingsInput, opts.input, healthSettingLabels);
  const before = await loadHealthSettings(ctx.database.db);
  const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && before[k as keyof HealthSettings] !== v));
  const after = normalizeHealthSettings({ ...before, ...changes });
  if (Object.keys(changes).length === 0) return before;
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.writeSettingValue(trx, repo.SETTINGS_KEY, JSON.stringify(after));
    await recordAudit(ctx, trx, opts.actor, { action: 'health.settings', entityType: 'settings', entityId: repo.SETTINGS_KEY, agencyId: null, ip: opts.ip, data: { changes } });
  });
  return after;
}
