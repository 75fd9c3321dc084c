/** Use cases of annual reports: entry, checks, publication, corrections, overview and roll-up. */
import { z } from 'zod';
import {
  blankReport, breakdown, checkReport, cloneReport, describeCell, getFigure, listCells, normalizeReport, setFigure, sumReports,
  type Finding, type ReportData,
} from '../../domain/report/index.js';
import {
  canTransition, findingKey, formatForYear, parseFigureInput, publicationBlockers, reportDeadline, type ReportStatus,
} from '../../domain/report/workflow.js';
import type { Actor } from '../../domain/roles.js';
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency, AnnualReport, AnnualReportVersion } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationError, type FieldError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency, listAllAgencies } from '../agencies/repository.js';
import { treeOrder } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { reportPolicy } from './policy.js';
import { feeFiguresForYear, hasRequestRecords, requestFiguresForYear } from '../requests/report-figures.js';
import { section2FiguresForYear } from '../registry/report-figures.js';
import type { Section2_2021 } from '../../domain/report/format.js';
import { draftOverview as draftOverviewText } from '../../domain/report/overview-draft.js';
import { overviewFiguresForYear } from './overview-figures.js';
import {
  findReport, findVersion, insertReport, insertVersion, latestVersions, listPublished, listReportsOfAgency, listReportsOfYear, listVersions, updateReportRow,
} from './repository.js';

/** Where a figure came from: typed by a person, or computed from gongkai's records. */
export interface FigureSource {
  origin: 'entered' | 'computed';
  by: string;
  at: string;
}
export type Sources = Record<string, FigureSource>;

export interface ReportState {
  agency: Agency;
  year: number;
  report: AnnualReport | null;
  data: ReportData;
  sources: Sources;
  explanations: Record<string, string>;
  findings: Finding[];
  versions: AnnualReportVersion[];
}

const MIN_YEAR = 2019;
const yearSchema = z.coerce.number().int().min(MIN_YEAR, `年度不能早于${MIN_YEAR}年`).max(2100, '年度不正确');

export function parseYear(raw: unknown): number {
  return parseInput(z.object({ year: yearSchema }), { year: raw }, { year: '年度' }).year;
}

async function agencyFor(ctx: AppContext, actor: Actor, agencyId: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency || !reportPolicy.view(actor, agency.id)) throw notFound('单位');
  return agency;
}

/** The data of a report as last published, else its working copy (for last year's figures). */
async function referenceData(ctx: AppContext, report: AnnualReport | undefined): Promise<ReportData | null> {
  if (!report) return null;
  if (report.version > 0) {
    const v = await findVersion(ctx.database.db, report.id, report.version);
    if (v) return JSON.parse(v.data) as ReportData;
  }
  return JSON.parse(report.data) as ReportData;
}

async function findingsFor(ctx: AppContext, agencyId: number, data: ReportData): Promise<Finding[]> {
  const previous = await referenceData(ctx, await findReport(ctx.database.db, agencyId, data.year - 1));
  // Check 9 compares with the fee records only where the agency keeps its requests in gongkai.
  const fees = (await hasRequestRecords(ctx.database.db, agencyId)) ? await feeFiguresForYear(ctx.database.db, agencyId, data.year) : null;
  return checkReport(data, { previous, ...(fees ? { feeRecordsYuan: fees.feesCollectedYuan, feeNoticeCount: fees.feeNoticeCount } : {}) });
}

/** The report of an agency and year as the console shows it (a blank one if not started). */
export async function getReportState(ctx: AppContext, actor: Actor, agencyId: number, year: number): Promise<ReportState> {
  const agency = await agencyFor(ctx, actor, agencyId);
  const report = (await findReport(ctx.database.db, agency.id, year)) ?? null;
  const data = report ? (JSON.parse(report.data) as ReportData) : blankReport(formatForYear(year), agency.name, year);
  return {
    agency, year, report, data,
    sources: report ? (JSON.parse(report.sources) as Sources) : {},
    explanations: report ? (JSON.parse(report.explanations) as Record<string, string>) : {},
    findings: await findingsFor(ctx, agency.id, data),
    versions: report ? await listVersions(ctx.database.db, report.id) : [],
  };
}

const narrativeSchema = z.string().max(50_000, '不能超过50000字').default('');
const metaSchema = z.object({
  narrativeOverview: narrativeSchema,
  narrativeProblems: narrativeSchema,
  narrativeOther: narrativeSchema,
  reportingUnit: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(200, '不能超过200字').optional()),
  reportDate: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional()),
});
const metaLabels = { narrativeOverview: '一、总体情况', narrativeProblems: '五、存在的主要问题及改进情况', narrativeOther: '六、其他需要报告的事项', reportingUnit: '填报单位', reportDate: '填报日期' };

/** Reads the figures of a submitted form (fields named `cell:<path>`), all or nothing. */
function figuresFromForm(data: ReportData, body: Record<string, unknown>): { next: ReportData; errors: FieldError[] } {
  const next = cloneReport(data);
  const errors: FieldError[] = [];
  for (const path of listCells(data)) {
    const raw = body[`cell:${path}`];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') {
      errors.push({ field: path, message: `${describeCell(data.format, path)}：格式不正确` });
      continue;
    }
    const parsed = parseFigureInput(data.format, path, raw);
    if (parsed.ok) setFigure(next, path, parsed.value);
    else errors.push({ field: path, message: `${describeCell(data.format, path)}：${parsed.message}` });
  }
  return { next, errors };
}

interface SaveOptions {
  actor: Actor;
  agencyId: number;
  year: number;
  ip?: string;
}

/** Writes a new working copy (figures, narrative, sources) with its audit entry; back to draft. */
interface WriteOptions {
  action: string;
  extra?: Record<string, unknown>;
  meta?: { reportingUnit?: string; reportDate?: string };
  /** Cells now computed from gongkai's records (marked computed even where the value is unchanged). */
  computed?: { paths: ReadonlySet<string>; by: string; byPath?: ReadonlyMap<string, string> };
}

async function writeWorkingCopy(ctx: AppContext, opts: SaveOptions, state: ReportState, next: ReportData, w: WriteOptions) {
  const { action, extra = {}, meta } = w;
  const at = nowIso(ctx);
  const sources = { ...state.sources };
  const changed: Record<string, [unknown, unknown]> = {};
  for (const path of listCells(next)) {
    const before = getFigure(state.data, path) ?? null;
    const after = getFigure(next, path) ?? null;
    if (before !== after) changed[path] = [before, after];
    if (w.computed?.paths.has(path)) sources[path] = { origin: 'computed', by: w.computed.byPath?.get(path) ?? w.computed.by, at };
    else if (before !== after) sources[path] = { origin: 'entered', by: opts.actor.displayName, at };
  }
  const narrativeChanged = (['overview', 'problems', 'other'] as const).filter((k) => state.data.narrative[k] !== next.narrative[k]);
  const status: ReportStatus = 'draft';
  if (state.report && !canTransition(state.report.status, status)) {
    throw new AppError('INVALID_STATE', '已发布的报告不能直接修改，请先点击“更正”');
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const values = {
      data: JSON.stringify(next), sources: JSON.stringify(sources), status, updated_at: at,
      ...(meta?.reportingUnit !== undefined ? { reporting_unit: meta.reportingUnit } : {}),
      ...(meta?.reportDate !== undefined ? { report_date: meta.reportDate } : {}),
    };
    const report = state.report
      ? await updateReportRow(trx, state.report.id, values)
      : await insertReport(trx, {
          agency_id: state.agency.id, year: state.year, format: next.format, explanations: '{}', version: 0,
          reporting_unit: meta?.reportingUnit ?? null, report_date: meta?.reportDate ?? null, published_at: null, created_at: at, ...values,
        });
    await recordAudit(ctx, trx, opts.actor, {
      action, entityType: 'annualReport', entityId: report.id, agencyId: state.agency.id, ip: opts.ip,
      data: { year: state.year, changed, narrativeChanged, ...extra },
    });
    return report;
  });
}

function assertEditable(opts: SaveOptions, state: ReportState) {
  if (!reportPolicy.edit(opts.actor, state.agency.id)) throw forbidden('无权填报该单位的年度报告');
  if (state.report?.status === 'published') throw new AppError('INVALID_STATE', '已发布的报告不能直接修改，请先点击“更正”');
}

/** Saves the figures and narrative of the console form. Any wrong cell: nothing is saved. */
export async function saveReportForm(ctx: AppContext, opts: SaveOptions & { body: unknown }): Promise<AnnualReport> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  const body = (opts.body ?? {}) as Record<string, unknown>;
  const meta = parseInput(metaSchema, {
    narrativeOverview: body.narrativeOverview, narrativeProblems: body.narrativeProblems, narrativeOther: body.narrativeOther,
    reportingUnit: body.reportingUnit, reportDate: body.reportDate,
  }, metaLabels);
  const { next, errors } = figuresFromForm(state.data, body);
  if (errors.length) throw validationError(errors);
  next.narrative = { overview: meta.narrativeOverview, problems: meta.narrativeProblems, other: meta.narrativeOther };
  return writeWorkingCopy(ctx, opts, state, next, { action: 'report.save', meta: { reportingUnit: meta.reportingUnit, reportDate: meta.reportDate } });
}

/**
 * The findings the form would have if saved now — for live checks while a clerk types.
 * Writes nothing. Cells that cannot be read come back as errors, and count as blank meanwhile.
 */
export async function previewFindings(ctx: AppContext, opts: { actor: Actor; agencyId: number; year: number; body: unknown }) {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  const body = (opts.body && typeof opts.body === 'object' ? opts.body : {}) as Record<string, unknown>;
  const { next, errors } = figuresFromForm(state.data, body);
  for (const e of errors) setFigure(next, e.field, null);
  for (const [k, field] of [['overview', 'narrativeOverview'], ['problems', 'narrativeProblems'], ['other', 'narrativeOther']] as const) {
    const v = body[field];
    if (typeof v === 'string') next.narrative[k] = v.slice(0, 50_000);
  }
  return { findings: await findingsFor(ctx, state.agency.id, next), errors };
}

/** Replaces the figures and narrative with a report JSON (the DESIGN.md shape), e.g. from another system. */
export async function saveReportJson(ctx: AppContext, opts: SaveOptions & { json: unknown }): Promise<AnnualReport> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  const result = normalizeReport(opts.json);
  if (!result.ok) throw validationError(result.errors.map((e) => ({ field: e.path, message: `${e.path}：${e.message}` })));
  const next = result.report;
  if (next.year !== opts.year) throw validationError([{ field: 'year', message: `year：应为${opts.year}` }]);
  if (next.format !== state.data.format) throw validationError([{ field: 'format', message: `format：${opts.year}年度报告应使用“${state.data.format}”格式` }]);
  next.agency = state.agency.name;
  return writeWorkingCopy(ctx, opts, state, next, { action: 'report.save', extra: { source: 'json' } });
}

/** Takes the figures (and narrative) read from a published report file into the working copy. */
export async function importReadFigures(ctx: AppContext, opts: SaveOptions & { figures: ReportData; fileName: string }): Promise<AnnualReport> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  if (opts.figures.format !== state.data.format) {
    throw validationError([{ field: 'file', message: `文件：该文件是${opts.figures.format}年格式的报告，而${opts.year}年度报告应使用${state.data.format}年格式` }]);
  }
  const next = cloneReport(state.data);
  for (const path of listCells(next)) {
    const value = getFigure(opts.figures, path);
    if (value !== undefined && value !== null) setFigure(next, path, value);
  }
  for (const k of ['overview', 'problems', 'other'] as const) if (opts.figures.narrative[k].trim()) next.narrative[k] = opts.figures.narrative[k];
  return writeWorkingCopy(ctx, opts, state, next, { action: 'report.import', extra: { fileName: opts.fileName } });
}

/** Fills every blank cell with 0 — an explicit act, so that a blank is never silently a zero. */
export async function fillBlanksWithZero(ctx: AppContext, opts: SaveOptions): Promise<AnnualReport> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  const next = cloneReport(state.data);
  for (const path of listCells(next)) if (getFigure(next, path) === null) setFigure(next, path, 0);
  return writeWorkingCopy(ctx, opts, state, next, { action: 'report.fillZero' });
}

/**
 * Fills sections 三 and 四 (and the fees collected, 六) from gongkai's own request and case
 * records, and the cells of section 二 the agency has 政府信息管理 records for. Those cells are
 * marked computed.
 */
export async function computeFromRecords(ctx: AppContext, opts: SaveOptions): Promise<void> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  if (state.data.format !== '2021') throw new AppError('INVALID_STATE', '2019–2020年度的试行格式不支持从记录计算，请手工填报');
  const figures = await requestFiguresForYear(ctx.database.db, state.agency.id, opts.year);
  const next = cloneReport(state.data);
  const paths = new Set<string>();
  for (const path of listCells(next)) {
    const [section, ...rest] = path.split('.');
    const column = rest.pop()!;
    const row = rest.join('.');
    const value = section === 'section3' ? figures.section3[row as keyof typeof figures.section3]?.[column as 'total']
      : section === 'section4' ? figures.section4[row as keyof typeof figures.section4]?.[column as 'total'] : undefined;
    if (value === undefined) continue;
    setFigure(next, path, value);
    paths.add(path);
  }
  next.feesCollectedYuan = figures.feesCollectedYuan;
  // Section 二 from the records of 政府信息管理: only the cells the agency has records for.
  const registry = await section2FiguresForYear(ctx.database.db, state.agency.id, opts.year);
  const byPath = new Map<string, string>();
  for (const path of Object.keys(registry.origins)) {
    const [, item, field] = path.split('.') as [string, keyof Section2_2021, string];
    setFigure(next, path, (registry.section2[item] as Record<string, number | null>)[field] ?? null);
    paths.add(path);
    byPath.set(path, '政府信息管理记录');
  }
  await writeWorkingCopy(ctx, opts, state, next, { action: 'report.compute', computed: { paths, by: '依申请公开记录', byPath } });
}

/**
 * Writes section 一 (总体情况) drafted from gongkai's records (overview-figures.ts →
 * domain/report/overview-draft.ts) into the narrative, for staff to edit. Text already there is
 * replaced only when `overwrite` is set (the form's 覆盖现有内容); otherwise INVALID_STATE and
 * nothing changes. Audited like every change of the working copy.
 */
export async function draftOverview(ctx: AppContext, opts: SaveOptions & { overwrite: boolean }): Promise<AnnualReport> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  const previous = state.data.narrative.overview;
  if (previous.trim() !== '' && !opts.overwrite) {
    throw new AppError('INVALID_STATE', '“一、总体情况”已有内容：要用根据记录起草的内容替换，请勾选“覆盖现有内容”');
  }
  const next = cloneReport(state.data);
  next.narrative.overview = draftOverviewText(await overviewFiguresForYear(ctx.database.db, state.agency, opts.year));
  return writeWorkingCopy(ctx, opts, state, next, { action: 'report.draftOverview', extra: { overwritten: previous.trim() !== '' } });
}

/** Runs every check; without a hard finding the report becomes “checked”. */
export async function markChecked(ctx: AppContext, opts: SaveOptions): Promise<{ findings: Finding[]; checked: boolean }> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  assertEditable(opts, state);
  if (!state.report) throw new AppError('INVALID_STATE', '报告尚未填报');
  const hard = state.findings.filter((f) => f.severity === 'hard').length;
  if (hard > 0 || state.report.status === 'checked') return { findings: state.findings, checked: hard === 0 };
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateReportRow(trx, state.report!.id, { status: 'checked', updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'report.check', entityType: 'annualReport', entityId: state.report!.id, agencyId: state.agency.id, ip: opts.ip,
      data: { year: opts.year, softFindings: state.findings.length },
    });
  });
  return { findings: state.findings, checked: true };
}

const publishSchema = z.object({
  correctionNote: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(2000, '不能超过2000字').optional()),
  reportDate: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional()),
});

/**
 * Publishes the checked report as its next version: no hard finding, every soft finding explained,
 * and for a correction the reason. The version is immutable; the portal shows it from now on.
 */
export async function publishReport(ctx: AppContext, opts: SaveOptions & { body: unknown }): Promise<AnnualReportVersion> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  if (!reportPolicy.publish(opts.actor, state.agency.id)) throw forbidden('无权发布该单位的年度报告');
  const report = state.report;
  if (!report || report.status !== 'checked') throw new AppError('INVALID_STATE', '报告须先通过检查（状态为“已检查”）才能发布');
  const body = (opts.body ?? {}) as Record<string, unknown>;
  const input = parseInput(publishSchema, { correctionNote: body.correctionNote, reportDate: body.reportDate }, { correctionNote: '更正说明', reportDate: '发布日期' });
  const explanations: Record<string, string> = {};
  for (const f of state.findings.filter((x) => x.severity === 'soft')) {
    const key = findingKey(f);
    const given = body[`explain:${key}`];
    const text = typeof given === 'string' ? given.trim().slice(0, 2000) : (state.explanations[key] ?? '');
    if (text) explanations[key] = text;
  }
  const blockers = publicationBlockers(state.findings, explanations);
  if (blockers.length) throw new AppError('INVALID_STATE', `不能发布：${blockers.join('；')}`);
  if (report.version > 0 && !input.correctionNote) {
    throw validationError([{ field: 'correctionNote', message: '更正说明：更正已发布的报告须说明更正的内容和原因' }]);
  }
  const at = nowIso(ctx);
  const reportDate = input.reportDate ?? report.report_date ?? today(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, {
      report_id: report.id, version: report.version + 1, data: report.data, findings: JSON.stringify(state.findings),
      explanations: JSON.stringify(explanations), correction_note: report.version > 0 ? input.correctionNote! : null,
      reporting_unit: report.reporting_unit ?? state.agency.name, report_date: reportDate, published_at: at,
      published_by_user_id: opts.actor.userId || null, published_by_name: opts.actor.displayName,
    });
    await updateReportRow(trx, report.id, { status: 'published', version: version.version, published_at: at, explanations: JSON.stringify(explanations), report_date: reportDate, updated_at: at });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'report.publish', entityType: 'annualReport', entityId: report.id, agencyId: state.agency.id, ip: opts.ip,
      data: { year: opts.year, version: version.version, softFindings: Object.keys(explanations).length, correctionNote: version.correction_note },
    });
    return version;
  });
}

/** Reopens a published report for correction; the published versions stay as they are. */
export async function startCorrection(ctx: AppContext, opts: SaveOptions): Promise<void> {
  const state = await getReportState(ctx, opts.actor, opts.agencyId, opts.year);
  if (!reportPolicy.publish(opts.actor, state.agency.id)) throw forbidden('无权更正该单位的年度报告');
  if (state.report?.status !== 'published') throw new AppError('INVALID_STATE', '只有已发布的报告可以更正');
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateReportRow(trx, state.report!.id, { status: 'draft', updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'report.correct', entityType: 'annualReport', entityId: state.report!.id, agencyId: state.agency.id, ip: opts.ip,
      data: { year: opts.year, fromVersion: state.report!.version },
    });
  });
}


export interface OverviewRow {
  agency: Agency;
  depth: number;
  status: ReportStatus | 'missing';
  version: number;
  deadline: string;
  overdue: boolean;
  publishedAt: string | null;
}

/** Every agency in the actor's scope with the state of its report for `year` and its deadline. */
export async function reportOverview(ctx: AppContext, actor: Actor, year: number): Promise<OverviewRow[]> {
  if (!reportPolicy.overview(actor)) throw forbidden('只有政务公开主管部门可以查看各单位年报情况');
  const agencies = treeOrder(await listAllAgencies(ctx.database.db), (id) => reportPolicy.view(actor, id));
  const reports = new Map((await listReportsOfYear(ctx.database.db, year, agencies.map((a) => a.id))).map((r) => [r.agency_id, r]));
  const day = today(ctx);
  return agencies.map((a) => {
    const r = reports.get(a.id);
    const deadline = reportDeadline(a.kind, year);
    return {
      agency: a, depth: a.depth, status: r?.status ?? 'missing', version: r?.version ?? 0, deadline,
      overdue: day > deadline && (r?.version ?? 0) === 0, publishedAt: r?.published_at ?? null,
    };
  });
}

export interface RollUp {
  year: number;
  report: ReportData;
  included: Array<{ agency: Agency; source: string; data: ReportData }>;
  missing: Agency[];
  breakdowns: Map<string, ReturnType<typeof breakdown>>;
}

/** The sum of the chosen agencies' reports (published version where there is one), with a per-agency breakdown of every figure. */
export async function rollUpReports(ctx: AppContext, actor: Actor, opts: { year: number; agencyIds: number[] }): Promise<RollUp> {
  if (!reportPolicy.rollUp(actor)) throw forbidden('只有政务公开主管部门可以汇总年报');
  const db = ctx.database.db;
  const ids = [...new Set(opts.agencyIds)];
  // Three queries whatever the number of agencies: agencies, their reports, the published versions.
  const agencies = new Map((await listAllAgencies(db)).map((a) => [a.id, a]));
  for (const id of ids) if (!agencies.has(id) || !reportPolicy.view(actor, id)) throw notFound('单位');
  const reports = new Map((await listReportsOfYear(db, opts.year, ids)).map((r) => [r.agency_id, r]));
  const published = await latestVersions(db, [...reports.values()].filter((r) => r.version > 0));
  const own = agencies.get(actor.agencyId);
  const government = own?.kind === 'office' && own.parent_id !== null ? agencies.get(own.parent_id) : own;
  const title = `${government?.name ?? ''}（汇总）`;
  const included: RollUp['included'] = [];
  const missing: Agency[] = [];
  for (const id of ids) {
    const agency = agencies.get(id)!;
    const report = reports.get(id);
    if (!report) {
      missing.push(agency);
      continue;
    }
    const data = JSON.parse(published.get(report.id)?.data ?? report.data) as ReportData;
    included.push({ agency, data, source: report.version > 0 ? `已发布第${report.version}版` : '草稿（未发布）' });
  }
  const format = formatForYear(opts.year);
  const parts = included.map((i) => ({ ...i.data, agency: i.agency.short_name }));
  const report = sumReports(format, title, opts.year, parts);
  const breakdowns = new Map(listCells(format).map((path) => [path, breakdown(parts, path)]));
  return { year: opts.year, report, included, missing, breakdowns };
}

/** Every year's report of one agency (published version where there is one), for comparisons and charts. */
export async function reportHistory(ctx: AppContext, actor: Actor, agencyId: number): Promise<{ agency: Agency; years: Array<{ year: number; data: ReportData; published: boolean }> }> {
  const agency = await agencyFor(ctx, actor, agencyId);
  const years = [];
  for (const r of await listReportsOfAgency(ctx.database.db, agency.id)) {
    years.push({ year: r.year, data: (await referenceData(ctx, r))!, published: r.version > 0 });
  }
  return { agency, years };
}

/** Published reports for the portal. */
export function publishedReports(ctx: AppContext) {
  return listPublished(ctx.database.db);
}

/** One published version (the latest when `version` is omitted), for the portal. */
export async function publishedVersion(ctx: AppContext, agencyId: number, year: number, version?: number) {
  const agency = await findAgency(ctx.database.db, agencyId);
  const report = agency ? await findReport(ctx.database.db, agencyId, year) : undefined;
  if (!agency || !report || report.version === 0) throw notFound('年度报告');
  const v = await findVersion(ctx.database.db, report.id, version ?? report.version);
  if (!v) throw notFound('年度报告版本');
  return { agency, report, version: v, data: JSON.parse(v.data) as ReportData, versions: await listVersions(ctx.database.db, report.id) };
}
