/**
 * The working-day calendar the product uses: the seed from chinese-days plus what
 * administrators entered (single days, and years declared complete once the State Council's
 * notice is out — it is published each November for the next year).
 */
import { z } from 'zod';
import { defaultCalendar, isIsoDate, type WorkingDayCalendar } from '../../domain/calendar/index.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { nowIso, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { forbidden } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { recordAudit } from '../audit/service.js';

export async function loadCalendarAdditions(db: Executor) {
  const days = await db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
  const years = await db.selectFrom('calendar_years').select('year').execute();
  return {
    overrides: days.map((d) => ({ date: d.date, kind: d.kind, ...(d.name ? { name: d.name } : {}), source: d.source })),
    maintainedYears: years.map((y) => y.year),
  };
}

/** The calendar with the administrators' entries (read fresh: the table is small). */
export async function loadCalendar(ctx: AppContext): Promise<WorkingDayCalendar> {
  return defaultCalendar(await loadCalendarAdditions(ctx.database.db));
}

export const calendarPolicy = {
  edit: (actor: Actor) => hasRole(actor, 'systemAdmin', 'officeAdmin'),
};

const dayInput = z.object({
  date: z.string({ error: '请填写日期' }).refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）'),
  kind: z.enum(['workday', 'holiday'], { error: '请选择上班或休息' }),
  name: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(100).optional()),
  source: z.string({ error: '请填写依据' }).trim().min(2, '请填写依据（如国务院办公厅通知文号）').max(300),
});
const yearInput = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  source: z.string({ error: '请填写依据' }).trim().min(2, '请填写依据（如国务院办公厅通知文号）').max(300),
});

/** Sets one day as working day or day off, with the notice it follows. */
export async function setCalendarDay(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }) {
  if (!calendarPolicy.edit(opts.actor)) throw forbidden('只有管理员可以维护工作日历');
  const input = parseInput(dayInput, opts.input, { date: '日期', kind: '类型', name: '名称', source: '依据' });
  const at = nowIso(ctx);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_days').where('date', '=', input.date).execute();
    await trx.insertInto('calendar_days').values({ date: input.date, kind: input.kind, name: input.name ?? null, source: input.source, updated_by: opts.actor.displayName, updated_at: at }).execute();
    await recordAudit(ctx, trx, opts.actor, { action: 'calendar.setDay', entityType: 'calendar', entityId: input.date, agencyId: null, ip: opts.ip, data: input });
  });
}

/** Declares a year's schedule complete, so that periods may run into it. */
export async function declareCalendarYear(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }) {
  if (!calendarPolicy.edit(opts.actor)) throw forbidden('只有管理员可以维护工作日历');
  const input = parseInput(yearInput, opts.input, { year: '年度', source: '依据' });
  const at = nowIso(ctx);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_years').where('year', '=', input.year).execute();
    await trx.insertInto('calendar_years').values({ year: input.year, source: input.source, updated_by: opts.actor.displayName, updated_at: at }).execute();
    await recordAudit(ctx, trx, opts.actor, { action: 'calendar.declareYear', entityType: 'calendar', entityId: String(input.year), agencyId: null, ip: opts.ip, data: input });
  });
}
