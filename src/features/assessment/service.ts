/**
 * Use cases of the performance assessment (绩效考核): the supervising office's score sheet of a
 * year — its items (configured by the office: name, points, rule), the scores it enters by hand,
 * and the sheet itself, computed from gongkai's records whenever it is shown (never stored, so it
 * always agrees with the records). Changes to the configuration are audited in their transaction.
 */
import { beijingDate, nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import {
  DEFAULT_ITEMS, itemProblems, MAX_SHEET_SCORE, publishedOnTime, rankRows, requestOverdue, roundScore, RULE_LABELS, scoreDeduction, scoreManual,
  scoreReportOnTime, scoreTimelyPublication, taskOverdue, usesDeduction, type ItemScore, type PublicationTally, type RuleKind, type SheetRow,
} from '../../domain/assessment/rules.js';
import { reportDeadline } from '../../domain/report/workflow.js';
import { inScope, type Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound, validationError, type FieldError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { listAllAgencies } from '../agencies/repository.js';
import { scopeOf, treeOrder, type AgencyNode } from '../agencies/tree.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import { assessmentPolicy } from './policy.js';
import { firstPublications, publishedItemsWithMadeOn, requestsDueInYear, tasksDueInYear } from './records.js';
import {
  deleteItemRow, deleteScore, findItem, insertItem, listItems, scoresOfItems, updateItemRow, upsertScore, type AssessmentItem, type AssessmentScore,
} from './repository.js';
import { assessmentLabels, itemInput, newItemInput, scoresInput, setupInput, yearInput, type ItemInput } from './schemas.js';

export type { AssessmentItem, AssessmentScore };

/** Agencies that are not assessed: the government itself and the supervising office. */
const NOT_ASSESSED = new Set(['government', 'office']);

/** The year asked for, else last year (the one assessed in the first months). */
export function yearOf(ctx: AppContext, raw: unknown): number {
  if (raw === undefined || raw === '') return Number(today(ctx).slice(0, 4)) - 1;
  return parseInput(yearInput, raw, { '(请求)': '年度' });
}

/**
 * The supervising offices whose sheets the actor reads, and the one asked for (?officeId=),
 * else the actor's own, else the first. An office asked for outside the scope is NOT_FOUND.
 */
export async function chooseOffice(ctx: AppContext, actor: Actor, raw: unknown): Promise<{ offices: Agency[]; office: Agency }> {
  const offices = (await listAllAgencies(ctx.database.db)).filter((a) => a.kind === 'office' && assessmentPolicy.view(actor, a.id));
  if (offices.length === 0) throw forbidden('无权查看绩效考核评分表：公开办管理员和审计员可以查看本公开办的评分表');
  if (raw !== undefined && raw !== '') {
    const office = offices.find((a) => String(a.id) === String(raw));
    if (!office) throw notFound('公开办');
    return { offices, office };
  }
  return { offices, office: offices.find((a) => a.id === actor.agencyId) ?? offices[0]! };
}

/** The office, checked: NOT_FOUND when the actor cannot see it, FORBIDDEN when they cannot configure it. */
async function configurableOffice(ctx: AppContext, actor: Actor, officeId: number): Promise<Agency> {
  const office = (await listAllAgencies(ctx.database.db)).find((a) => a.id === officeId);
  if (!office || office.kind !== 'office' || !assessmentPolicy.view(actor, office.id)) throw notFound('公开办');
  if (!assessmentPolicy.configure(actor, office.id)) throw forbidden('无权设置评分表：只有本公开办的管理员可以设置评分项和评分');
  return office;
}

/**
 * The agencies an office assesses: every agency of the government it serves, except the
 * government and the office(s) themselves, in tree order (and only those the actor sees).
 */
function assessedAgencies(all: readonly Agency[], officeId: number, actor: Actor): AgencyNode[] {
  const scope = scopeOf(all, officeId);
  const kinds = new Map(all.map((a) => [a.id, a.kind]));
  return treeOrder(all, (id) => scope.has(id) && inScope(actor, id) && !NOT_ASSESSED.has(kinds.get(id) ?? '')).map((a) => ({ ...a, depth: 0 }));
}

/** The items of an office's sheet for a year. */
export async function getItems(ctx: AppContext, actor: Actor, officeId: number, year: number): Promise<{ office: Agency; year: number; items: AssessmentItem[]; previousYearItems: number }> {
  const { office } = await chooseOffice(ctx, actor, officeId);
  return {
    office, year,
    items: await listItems(ctx.database.db, office.id, year),
    previousYearItems: (await listItems(ctx.database.db, office.id, year - 1)).length,
  };
}

export interface ScoreSheet {
  office: Agency;
  /** The government the office serves (the sheet's title names it). */
  governmentName: string;
  year: number;
  /** The day the sheet was computed. */
  today: string;
  items: AssessmentItem[];
  rows: SheetRow<AgencyNode>[];
  /** The most points the items give together. */
  maxTotal: number;
  /** Some score may still change (a deadline not yet passed). */
  provisional: boolean;
}

/** An item's rule as the domain knows it (unknown stored values read as manual). */
const ruleOf = (item: AssessmentItem): RuleKind => (item.rule in RULE_LABELS ? (item.rule as RuleKind) : 'manual');

/**
 * The score sheet of an office and year: every assessed agency × every item, computed from the
 * records now (see domain/assessment/rules.ts for each rule), with totals and ranks.
 */
export async function computeSheet(ctx: AppContext, actor: Actor, officeId: number, year: number): Promise<ScoreSheet> {
  const { office } = await chooseOffice(ctx, actor, officeId);
  const db = ctx.database.db;
  const all = await listAllAgencies(db);
  const agencies = assessedAgencies(all, office.id, actor);
  const agencyIds = agencies.map((a) => a.id);
  const items = await listItems(db, office.id, year);
  const day = today(ctx);
  const rules = new Set(items.map(ruleOf));

  // Each rule's records are read once for all agencies.
  const timeliness = new Map<number, PublicationTally>(agencyIds.map((id) => [id, { checked: 0, onTime: 0, unknown: 0 }]));
  if (rules.has('timelyPublication')) {
    const calendar = await loadCalendar(ctx);
    for (const r of await publishedItemsWithMadeOn(db, agencyIds, year)) {
      const tally = timeliness.get(r.agency_id)!;
      const onTime = publishedOnTime(r.made_on, r.published_date, calendar);
      if (onTime === null) tally.unknown += 1;
      else {
        tally.checked += 1;
        if (onTime) tally.onTime += 1;
      }
    }
  }
  const overdue = new Map<number, number>(agencyIds.map((id) => [id, 0]));
  if (rules.has('overdueRequests')) {
    for (const r of await requestsDueInYear(db, agencyIds, year)) {
      if (requestOverdue({ dueDate: r.due_date, handledOn: r.handled_on }, day)) overdue.set(r.agency_id, overdue.get(r.agency_id)! + 1);
    }
  }
  const lateTasks = new Map<number, number>(agencyIds.map((id) => [id, 0]));
  if (rules.has('rectificationOverdue')) {
    for (const t of await tasksDueInYear(db, agencyIds, year)) {
      if (taskOverdue({ status: t.status, dueOn: t.due_on, answeredOn: t.answered_on }, day)) lateTasks.set(t.agency_id, lateTasks.get(t.agency_id)! + 1);
    }
  }
  const published = rules.has('reportOnTime') ? await firstPublications(db, agencyIds, year - 1) : new Map<number, string>();
  const manual = new Map<string, AssessmentScore>((await scoresOfItems(db, items.filter((i) => ruleOf(i) === 'manual').map((i) => i.id))).map((s) => [`${s.item_id}|${s.agency_id}`, s]));

  const scoreOf = (item: AssessmentItem, agency: AgencyNode): ItemScore => {
    const rule = ruleOf(item);
    switch (rule) {
      case 'timelyPublication':
        return scoreTimelyPublication(item.max_score, timeliness.get(agency.id)!);
      case 'overdueRequests':
        return scoreDeduction(item.max_score, item.deduction ?? 0, overdue.get(agency.id)!, { noun: '未按期答复的申请', unit: '件' });
      case 'reportOnTime': {
        const first = published.get(agency.id);
        return scoreReportOnTime(item.max_score, {
          reportYear: year - 1, deadline: reportDeadline(agency.kind, year - 1), firstPublishedOn: first ? beijingDate(new Date(first)) : null, today: day,
        });
      }
      case 'rectificationOverdue':
        return scoreDeduction(item.max_score, item.deduction ?? 0, lateTasks.get(agency.id)!, { noun: '未按期整改的问题', unit: '项' });
      case 'manual':
        return scoreManual(manual.get(`${item.id}|${agency.id}`));
    }
  };
  const rows = rankRows(agencies.map((agency) => ({ agency, scores: items.map((item) => scoreOf(item, agency)) })));
  const government = all.find((a) => a.id === office.parent_id);
  return {
    office, governmentName: government?.name ?? office.name, year, today: day, items, rows,
    maxTotal: roundScore(items.reduce((sum, i) => sum + i.max_score, 0)),
    provisional: rows.some((r) => r.scores.some((s) => s.provisional)),
  };
}

function checkItem(input: ItemInput, otherItemsMax: number): void {
  const problems: FieldError[] = itemProblems({ name: input.name, rule: input.rule, maxScore: input.maxScore, deduction: input.deduction ?? null })
    .map((p) => ({ field: p.field, message: `${assessmentLabels[p.field]}：${p.message}` }));
  if (otherItemsMax + input.maxScore > MAX_SHEET_SCORE) problems.push({ field: 'maxScore', message: `分值：评分项合计不能超过${MAX_SHEET_SCORE}分` });
  if (problems.length) throw validationError(problems);
}

const itemColumns = (input: ItemInput) => ({
  name: input.name, rule: input.rule, max_score: input.maxScore, deduction: usesDeduction(input.rule) ? (input.deduction ?? null) : null,
});

/** Adds an item to an office's sheet of a year. */
export async function createItem(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<AssessmentItem> {
  const input = parseInput(newItemInput, opts.input, assessmentLabels);
  const office = await configurableOffice(ctx, opts.actor, input.officeId);
  const existing = await listItems(ctx.database.db, office.id, input.year);
  checkItem(input, existing.reduce((sum, i) => sum + i.max_score, 0));
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const created = await insertItem(trx, {
      office_id: office.id, year: input.year, ...itemColumns(input), sort_order: input.sortOrder ?? Math.max(0, ...existing.map((i) => i.sort_order)) + 1, created_at: at, updated_at: at,
    });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'assessment.item.create', entityType: 'assessmentItem', entityId: created.id, agencyId: office.id, ip: opts.ip,
      data: { year: input.year, name: created.name, rule: created.rule, maxScore: created.max_score, deduction: created.deduction },
    });
    return created;
  });
}

/** An item the actor may configure, with its office. */
async function configurableItem(ctx: AppContext, actor: Actor, id: number): Promise<{ item: AssessmentItem; office: Agency }> {
  const item = await findItem(ctx.database.db, id);
  if (!item || !assessmentPolicy.view(actor, item.office_id)) throw notFound('评分项');
  return { item, office: await configurableOffice(ctx, actor, item.office_id) };
}

/**
 * Changes an item. Its rule cannot change while scores entered by hand exist for it (they would
 * be lost silently), and its points cannot fall below a score already entered.
 */
export async function updateItem(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<AssessmentItem> {
  const { item: before, office } = await configurableItem(ctx, opts.actor, opts.id);
  const input = parseInput(itemInput, opts.input, assessmentLabels);
  const others = (await listItems(ctx.database.db, office.id, before.year)).filter((i) => i.id !== before.id);
  checkItem(input, others.reduce((sum, i) => sum + i.max_score, 0));
  const scores = await scoresOfItems(ctx.database.db, [before.id]);
  if (scores.length > 0 && input.rule !== before.rule) {
    throw new AppError('INVALID_STATE', `该评分项已有${scores.length}个单位的评分，不能改变计分方式；如需改变，请先删除该评分项`);
  }
  const highest = Math.max(0, ...scores.map((s) => s.score));
  if (highest > input.maxScore) throw validationError([{ field: 'maxScore', message: `分值：已有单位得分${highest}分，分值不能低于该分数` }]);
  const columns = { ...itemColumns(input), sort_order: input.sortOrder ?? before.sort_order };
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(columns)) if ((before as Record<string, unknown>)[k] !== v) changed[k] = [(before as Record<string, unknown>)[k], v];
  if (Object.keys(changed).length === 0) return before;
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateItemRow(trx, before.id, { ...columns, updated_at: nowIso(ctx) });
    await recordAudit(ctx, trx, opts.actor, { action: 'assessment.item.update', entityType: 'assessmentItem', entityId: before.id, agencyId: office.id, ip: opts.ip, data: { year: before.year, changed } });
    return updated;
  });
}

/** Removes an item and the scores entered for it. */
export async function deleteItem(ctx: AppContext, opts: { actor: Actor; id: number; ip?: string }): Promise<AssessmentItem> {
  const { item, office } = await configurableItem(ctx, opts.actor, opts.id);
  const scores = await scoresOfItems(ctx.database.db, [item.id]);
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteItemRow(trx, item.id);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'assessment.item.delete', entityType: 'assessmentItem', entityId: item.id, agencyId: office.id, ip: opts.ip,
      data: { year: item.year, name: item.name, rule: item.rule, maxScore: item.max_score, scores: Object.fromEntries(scores.map((s) => [s.agency_id, s.score])) },
    });
  });
  return item;
}

/** Starts a year's sheet with the default items or a copy of the previous year's items (no scores). */
export async function setupItems(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<AssessmentItem[]> {
  const input = parseInput(setupInput, opts.input, assessmentLabels);
  const office = await configurableOffice(ctx, opts.actor, input.officeId);
  const db = ctx.database.db;
  if ((await listItems(db, office.id, input.year)).length > 0) throw new AppError('CONFLICT', `${input.year}年度已有评分项，请逐项修改`);
  const source = input.from === 'default'
    ? DEFAULT_ITEMS.map((i, k) => ({ name: i.name, rule: i.rule as string, max_score: i.maxScore, deduction: i.deduction, sort_order: k + 1 }))
    : (await listItems(db, office.id, input.year - 1)).map((i) => ({ name: i.name, rule: i.rule, max_score: i.max_score, deduction: i.deduction, sort_order: i.sort_order }));
  if (source.length === 0) throw validationError([{ field: 'from', message: `评分项来源：${input.year - 1}年度没有评分项，请使用默认评分项` }]);
  const at = nowIso(ctx);
  await db.transaction().execute(async (trx) => {
    for (const s of source) await insertItem(trx, { office_id: office.id, year: input.year, ...s, created_at: at, updated_at: at });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'assessment.items.setup', entityType: 'assessmentSheet', entityId: `${office.id}/${input.year}`, agencyId: office.id, ip: opts.ip,
      data: { year: input.year, from: input.from, items: source.map((s) => ({ name: s.name, rule: s.rule, maxScore: s.max_score, deduction: s.deduction })) },
    });
  });
  return listItems(db, office.id, input.year);
}

/** A manual item with the agencies it scores and the scores entered. */
export async function getScoring(ctx: AppContext, actor: Actor, itemId: number): Promise<{ item: AssessmentItem; office: Agency; agencies: AgencyNode[]; scores: AssessmentScore[] }> {
  const item = await findItem(ctx.database.db, itemId);
  if (!item || !assessmentPolicy.view(actor, item.office_id)) throw notFound('评分项');
  const all = await listAllAgencies(ctx.database.db);
  return { item, office: all.find((a) => a.id === item.office_id)!, agencies: assessedAgencies(all, item.office_id, actor), scores: await scoresOfItems(ctx.database.db, [item.id]) };
}

/** Items the office scores by hand (every other rule is computed from the records). */
export const isScoredByHand = (item: AssessmentItem) => ruleOf(item) === 'manual';

/**
 * Saves the scores of an item scored by hand: an agency left out stays as it is, a blank score is
 * removed, a score (0 to the item's points, two decimals at most) replaces the agency's. All or nothing.
 */
export async function saveScores(ctx: AppContext, opts: { actor: Actor; itemId: number; input: unknown; ip?: string }): Promise<AssessmentScore[]> {
  const { item, office } = await configurableItem(ctx, opts.actor, opts.itemId);
  if (!isScoredByHand(item)) throw new AppError('INVALID_STATE', `“${item.name}”按记录自动计分，不能手工评分`);
  const input = parseInput(scoresInput, opts.input, assessmentLabels);
  const { agencies, scores } = await getScoring(ctx, opts.actor, item.id);
  const assessed = new Map(agencies.map((a) => [a.id, a]));
  const before = new Map(scores.map((s) => [s.agency_id, s]));
  const problems: FieldError[] = [];
  const writes: Array<{ agencyId: number; score: number | null; note: string | null }> = [];
  for (const s of input.scores) {
    const agency = assessed.get(s.agencyId);
    if (!agency) {
      problems.push({ field: 'scores', message: `评分：单位（编号${s.agencyId}）不在本公开办的考核范围内` });
      continue;
    }
    if (s.score !== undefined && s.score > item.max_score) problems.push({ field: `s_${agency.id}`, message: `${agency.name}：得分不能超过分值${item.max_score}分` });
    const score = s.score ?? null;
    const note = score === null ? null : (s.note ?? null);
    const old = before.get(agency.id);
    if ((old?.score ?? null) !== score || (old?.note ?? null) !== note) writes.push({ agencyId: agency.id, score, note });
  }
  if (problems.length) throw validationError(problems);
  if (writes.length > 0) {
    const at = nowIso(ctx);
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const w of writes) {
        if (w.score === null) await deleteScore(trx, item.id, w.agencyId);
        else await upsertScore(trx, { item_id: item.id, agency_id: w.agencyId, score: w.score, note: w.note, entered_by: opts.actor.displayName, updated_at: at });
      }
      await recordAudit(ctx, trx, opts.actor, {
        action: 'assessment.scores.save', entityType: 'assessmentItem', entityId: item.id, agencyId: office.id, ip: opts.ip,
        data: { year: item.year, item: item.name, changed: Object.fromEntries(writes.map((w) => [w.agencyId, [before.get(w.agencyId)?.score ?? null, w.score]])) },
      });
    });
  }
  return scoresOfItems(ctx.database.db, [item.id]);
}
