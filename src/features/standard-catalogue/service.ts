/**
 * Use cases of the standard disclosure catalogue (基层政务公开标准目录, “两化”): importing an
 * agency's catalogue table (one 领域 per file; a re-import of the 领域 updates its matters in
 * place, keeping their columns, adds the new ones and removes those no longer listed), mapping
 * each matter to the portal columns that carry it, and the compliance of every matter — read
 * from the portal's own records whenever it is shown, never stored.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency, PublicationColumn } from '../../db/schema.js';
import type { Actor } from '../../domain/roles.js';
import {
  matterCompliance, summarizeCompliance, type CarriedItem, type ColumnState, type ComplianceSummary, type MatterCompliance,
} from '../../domain/standard-catalogue/compliance.js';
import { parseCatalogueSheet, type MatterDraft, type SheetError } from '../../domain/standard-catalogue/sheet.js';
import { CHANNEL_KEYS, isChannelKey, type ChannelKey } from '../../domain/standard-catalogue/vocabulary.js';
import { forbidden, notFound, validationError, type FieldError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency, listAllAgencies } from '../agencies/repository.js';
import { treeOrder, type AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import { listColumnsOf } from '../publications/repository.js';
import { standardCataloguePolicy } from './policy.js';
import { readCatalogueWorkbook } from './read-file.js';
import {
  deleteMatters, findMatter, insertMatter, itemsOfColumns, lastPublishedByColumn, listDomainMatters, listMatters, mappingsOf, replaceMappings,
  updateMatterRow, type Matter,
} from './repository.js';
import { apiImportInput, catalogueLabels, columnsInput, importInput } from './schemas.js';

export type { Matter };

/** The agencies whose catalogue the actor sees, in tree order. */
export async function visibleAgencies(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  return treeOrder(await listAllAgencies(ctx.database.db), (id) => standardCataloguePolicy.view(actor, id));
}

/**
 * The agencies the actor sees and the one asked for (?agencyId=), else the actor's own, else
 * the first. An agency outside the scope is NOT_FOUND.
 */
export async function chooseAgency(ctx: AppContext, actor: Actor, raw: unknown): Promise<{ agencies: AgencyNode[]; agency: AgencyNode }> {
  const agencies = await visibleAgencies(ctx, actor);
  if (agencies.length === 0) throw forbidden('无权查看标准目录');
  if (raw !== undefined && raw !== '') {
    const agency = agencies.find((a) => String(a.id) === String(raw));
    if (!agency) throw notFound('单位');
    return { agencies, agency };
  }
  return { agencies, agency: agencies.find((a) => a.id === actor.agencyId) ?? agencies[0]! };
}

async function editableAgency(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !standardCataloguePolicy.view(actor, agency.id)) throw notFound('单位');
  if (!standardCataloguePolicy.edit(actor, agency.id)) throw forbidden('无权修改该单位的标准目录：单位管理员和政务公开办可以导入和维护');
  return agency;
}

/** The period compliance looks at: the year, up to today for the current one. */
export function periodOf(ctx: AppContext, year: number): { year: number; from: string; to: string } {
  const day = today(ctx);
  const end = `${year}-12-31`;
  return { year, from: `${year}-01-01`, to: end < day ? end : day };
}

/** The year asked for (2019 … this year), else this year. */
export function parseCatalogueYear(ctx: AppContext, raw: unknown): number {
  const current = Number(today(ctx).slice(0, 4));
  if (raw === undefined || raw === '') return current;
  const schema = z.object({ year: z.coerce.number({ error: '应为年份' }).int('应为年份').min(2019, '不能早于2019年').max(current, '不能晚于今年') });
  return parseInput(schema, { year: raw }, catalogueLabels).year;
}

/** The channel keys stored with a matter. */
export function channelsOf(matter: Matter): ChannelKey[] {
  const parsed = JSON.parse(matter.channels) as unknown;
  return Array.isArray(parsed) ? parsed.filter((k): k is ChannelKey => typeof k === 'string' && isChannelKey(k)) : [];
}

export interface MatterView {
  matter: Matter;
  channels: ChannelKey[];
  /** The columns that carry it (that still exist). */
  columns: PublicationColumn[];
  compliance: MatterCompliance;
}

/** Every matter's compliance in the period, from a handful of queries whatever the number of matters. */
async function viewsOf(ctx: AppContext, matters: readonly Matter[], period: { from: string; to: string }): Promise<MatterView[]> {
  const db = ctx.database.db;
  const agencyIds = [...new Set(matters.map((m) => m.agency_id))];
  const mappings = await mappingsOf(db, matters.map((m) => m.id));
  const columns = await listColumnsOf(db, agencyIds);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const children = new Map<number, number[]>();
  for (const c of columns) if (c.parent_id !== null) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  // A column carries what its sub-columns carry: 政策文件 holds its 行政规范性文件.
  const subtree = (id: number): number[] => {
    const out: number[] = [];
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...(children.get(next) ?? []));
    }
    return out;
  };
  const last = await lastPublishedByColumn(db, agencyIds, period.to);
  const state = (c: PublicationColumn): ColumnState => {
    const dates = subtree(c.id).map((id) => last.get(id)).filter((d): d is string => !!d).sort();
    return { id: c.id, name: c.name, kind: c.kind, lastPublished: dates.at(-1) ?? null };
  };
  const mappedSubtrees = new Set([...mappings.values()].flat().filter((id) => byId.has(id)).flatMap(subtree));
  const items = await itemsOfColumns(db, [...mappedSubtrees], period.from, period.to);
  const itemsByColumn = new Map<number, CarriedItem[]>();
  for (const i of items) {
    const carried: CarriedItem = { id: i.id, title: i.title, columnId: i.column_id, madeOn: i.made_on, publishedDate: i.published_date! };
    const list = itemsByColumn.get(i.column_id);
    if (list) list.push(carried);
    else itemsByColumn.set(i.column_id, [carried]);
  }
  const calendar = await loadCalendar(ctx);
  const day = period.to;
  return matters.map((matter) => {
    const mapped = (mappings.get(matter.id) ?? []).map((id) => byId.get(id)).filter((c): c is PublicationColumn => !!c && c.agency_id === matter.agency_id);
    const carried = mapped.flatMap((c) => subtree(c.id)).flatMap((id) => itemsByColumn.get(id) ?? []);
    return {
      matter,
      channels: channelsOf(matter),
      columns: mapped,
      compliance: matterCompliance({
        proactive: matter.manner_proactive === 1, timeLimit: matter.time_limit, columns: mapped.map(state), items: carried, today: day, calendar,
      }),
    };
  });
}

/** An agency's catalogue with every matter's compliance in the year. */
export async function agencyCatalogue(ctx: AppContext, actor: Actor, agencyId: number, year: number) {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !standardCataloguePolicy.view(actor, agency.id)) throw notFound('单位');
  const period = periodOf(ctx, year);
  const matters = await viewsOf(ctx, await listMatters(ctx.database.db, [agency.id]), period);
  return { agency, period, matters, summary: summarizeCompliance(matters.map((m) => m.compliance)) };
}

/** One matter, its compliance, and the agency's columns to map it to. */
export async function getMatter(ctx: AppContext, actor: Actor, id: number, year: number) {
  const matter = await findMatter(ctx.database.db, id);
  if (!matter || !standardCataloguePolicy.view(actor, matter.agency_id)) throw notFound('公开事项');
  const agency = (await findAgency(ctx.database.db, matter.agency_id))!;
  const period = periodOf(ctx, year);
  const [view] = await viewsOf(ctx, [matter], period);
  return { agency, period, view: view!, agencyColumns: await listColumnsOf(ctx.database.db, [agency.id]) };
}

export interface OverviewRow {
  agency: AgencyNode;
  summary: ComplianceSummary;
}

/** Every agency in the actor's scope with its catalogue's compliance: the supervising office's view. */
export async function catalogueOverview(ctx: AppContext, actor: Actor, year: number): Promise<{ period: ReturnType<typeof periodOf>; rows: OverviewRow[] }> {
  if (!standardCataloguePolicy.overview(actor)) throw forbidden('只有政务公开主管部门可以查看各单位标准目录落实情况');
  const agencies = await visibleAgencies(ctx, actor);
  const period = periodOf(ctx, year);
  const views = await viewsOf(ctx, await listMatters(ctx.database.db, agencies.map((a) => a.id)), period);
  const byAgency = new Map<number, MatterCompliance[]>();
  for (const v of views) {
    const list = byAgency.get(v.matter.agency_id);
    if (list) list.push(v.compliance);
    else byAgency.set(v.matter.agency_id, [v.compliance]);
  }
  return { period, rows: agencies.map((agency) => ({ agency, summary: summarizeCompliance(byAgency.get(agency.id) ?? []) })) };
}

export type ImportResult =
  | { ok: true; domain: string; added: number; updated: number; removed: number; total: number }
  | { ok: false; errors: SheetError[]; dataRows: number };

const flagColumns = (d: MatterDraft) => ({
  audience_public: d.flags.audiencePublic ? 1 : 0,
  audience_specific: d.flags.audienceSpecific ? 1 : 0,
  manner_proactive: d.flags.mannerProactive ? 1 : 0,
  manner_on_request: d.flags.mannerOnRequest ? 1 : 0,
  level_county: d.flags.levelCounty ? 1 : 0,
  level_township: d.flags.levelTownship ? 1 : 0,
});

const matterColumns = (d: MatterDraft, sortOrder: number) => ({
  sort_order: sortOrder,
  content: d.content,
  legal_basis: d.legalBasis,
  time_limit: d.timeLimit,
  responsible_body: d.responsibleBody,
  channels: JSON.stringify(d.channels),
  other_channel: d.otherChannel,
  ...flagColumns(d),
});

const keyOf = (first: string, second: string) => `${first}\u0000${second}`;

/**
 * Imports an agency's catalogue table of one 领域 (see the module comment). The whole file is
 * checked first: with any error nothing changes and every error is returned. Throws AppError
 * for input that is wrong as a whole (no agency, no 领域, not an XLSX file, too large).
 */
export async function importCatalogue(ctx: AppContext, opts: { actor: Actor; input: unknown; fileName: string; bytes: Uint8Array; ip?: string }): Promise<ImportResult> {
  const input = parseInput(importInput, opts.input, catalogueLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const rows = await readCatalogueWorkbook(opts.bytes);
  const sheet = parseCatalogueSheet(rows);
  if (sheet.errors.length) return { ok: false, errors: sheet.errors, dataRows: sheet.dataRows };
  const domain = input.domain ?? sheet.domain;
  if (!domain) throw validationError([{ field: 'domain', message: '领域：请填写该目录所属的领域（如“义务教育”），文件标题中没有写明' }]);
  const source = { fileName: opts.fileName, sha256: createHash('sha256').update(opts.bytes).digest('hex') };
  return writeCatalogue(ctx, { actor: opts.actor, agency, domain, drafts: sheet.matters, source, ip: opts.ip });
}

/**
 * The same for a 领域's matters sent as JSON (apiImportInput). Any wrong matter, or the same
 * 一级+二级事项 twice: VALIDATION_FAILED naming each, and nothing changes.
 */
export async function importCatalogueJson(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<ImportResult & { ok: true }> {
  const input = parseInput(apiImportInput, opts.input, catalogueLabels);
  const agency = await editableAgency(ctx, opts.actor, input.agencyId);
  const seen = new Map<string, number>();
  const duplicates: FieldError[] = [];
  const drafts: MatterDraft[] = input.matters.map((m, i) => {
    const key = keyOf(m.firstLevel, m.secondLevel ?? '');
    const earlier = seen.get(key);
    if (earlier !== undefined) duplicates.push({ field: `matters.${i}`, message: `公开事项第${i + 1}项：与第${earlier + 1}项相同（${m.firstLevel}${m.secondLevel ? ` / ${m.secondLevel}` : ''}）` });
    else seen.set(key, i);
    return {
      row: i + 1, firstLevel: m.firstLevel, secondLevel: m.secondLevel ?? '', content: m.content, legalBasis: m.legalBasis ?? null, timeLimit: m.timeLimit ?? null,
      responsibleBody: m.responsibleBody ?? null, channels: CHANNEL_KEYS.filter((k) => m.channels.includes(k)), otherChannel: m.otherChannel ?? null,
      flags: {
        audiencePublic: m.audience.public, audienceSpecific: m.audience.specific, mannerProactive: m.manner.proactive, mannerOnRequest: m.manner.onRequest,
        levelCounty: m.level.county, levelTownship: m.level.township,
      },
    };
  });
  if (duplicates.length) throw validationError(duplicates);
  return writeCatalogue(ctx, { actor: opts.actor, agency, domain: input.domain, drafts, source: { via: 'api' }, ip: opts.ip });
}

/** Replaces a 领域's matters with the checked drafts (update by key, add, remove), with one audit entry. */
async function writeCatalogue(ctx: AppContext, opts: { actor: Actor; agency: Agency; domain: string; drafts: readonly MatterDraft[]; source: Record<string, string>; ip?: string }) {
  const { agency, domain, drafts } = opts;
  const existing = new Map((await listDomainMatters(ctx.database.db, agency.id, domain)).map((m) => [keyOf(m.first_level, m.second_level), m]));
  const keep = new Set(drafts.map((d) => keyOf(d.firstLevel, d.secondLevel)));
  const removed = [...existing.entries()].filter(([k]) => !keep.has(k)).map(([, m]) => m);
  const at = nowIso(ctx);
  let added = 0;
  let updated = 0;
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteMatters(trx, removed.map((m) => m.id));
    for (const [i, d] of drafts.entries()) {
      const before = existing.get(keyOf(d.firstLevel, d.secondLevel));
      if (before) {
        await updateMatterRow(trx, before.id, { ...matterColumns(d, i + 1), updated_at: at });
        updated++;
      } else {
        await insertMatter(trx, {
          agency_id: agency.id, domain, first_level: d.firstLevel, second_level: d.secondLevel, ...matterColumns(d, i + 1), created_at: at, updated_at: at,
        });
        added++;
      }
    }
    await recordAudit(ctx, trx, opts.actor, {
      action: 'standardCatalogue.import', entityType: 'standardCatalogue', entityId: `${agency.id}/${domain}`, agencyId: agency.id, ip: opts.ip,
      data: {
        domain, ...opts.source, matters: drafts.length, added, updated,
        removed: removed.map((m) => (m.second_level ? `${m.first_level} / ${m.second_level}` : m.first_level)),
      },
    });
  });
  return { ok: true as const, domain, added, updated, removed: removed.length, total: drafts.length };
}

/** Sets the columns that carry a matter: columns of the matter's own agency only. */
export async function setMatterColumns(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<number[]> {
  const matter = await findMatter(ctx.database.db, opts.id);
  if (!matter || !standardCataloguePolicy.view(opts.actor, matter.agency_id)) throw notFound('公开事项');
  await editableAgency(ctx, opts.actor, matter.agency_id);
  const input = parseInput(columnsInput, opts.input, catalogueLabels);
  const chosen = [...new Set(input.columnIds)].sort((a, b) => a - b);
  const own = new Set((await listColumnsOf(ctx.database.db, [matter.agency_id])).map((c) => c.id));
  const foreign = chosen.filter((id) => !own.has(id));
  if (foreign.length) throw validationError([{ field: 'columnIds', message: `承载栏目：只能选择本单位的栏目（编号${foreign.join('、')}不是）` }]);
  const before = (await mappingsOf(ctx.database.db, [matter.id])).get(matter.id) ?? [];
  if (before.join(',') === chosen.join(',')) return chosen;
  await ctx.database.db.transaction().execute(async (trx) => {
    await replaceMappings(trx, matter.id, chosen);
    await updateMatterRow(trx, matter.id, { updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'standardCatalogue.mapColumns', entityType: 'standardCatalogueMatter', entityId: matter.id, agencyId: matter.agency_id, ip: opts.ip,
      data: { domain: matter.domain, firstLevel: matter.first_level, secondLevel: matter.second_level, columns: [before, chosen] },
    });
  });
  return chosen;
}

/** Removes a matter (and its columns) from the catalogue, once the form's 确认删除 is ticked. */
export async function deleteMatter(ctx: AppContext, opts: { actor: Actor; id: number; confirmed: boolean; ip?: string }): Promise<Matter> {
  const matter = await findMatter(ctx.database.db, opts.id);
  if (!matter || !standardCataloguePolicy.view(opts.actor, matter.agency_id)) throw notFound('公开事项');
  await editableAgency(ctx, opts.actor, matter.agency_id);
  if (!opts.confirmed) throw validationError([{ field: 'confirm', message: '确认删除：请勾选“确认删除”（删除后该事项的承载栏目一并删除）' }]);
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteMatters(trx, [matter.id]);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'standardCatalogue.deleteMatter', entityType: 'standardCatalogueMatter', entityId: matter.id, agencyId: matter.agency_id, ip: opts.ip,
      data: { domain: matter.domain, firstLevel: matter.first_level, secondLevel: matter.second_level },
    });
  });
  return matter;
}
