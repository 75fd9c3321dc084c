/**
 * The deadline sweep: marks open requests due within 3 working days and overdue ones, and
 * notifies their handlers — in the console always, by e-mail when SMTP is configured. It selects
 * a limited batch by a marker column (due_flag) and sets the marker with a conditional update,
 * so running it twice, or on two instances at once, notifies once.
 */
import { sql } from 'kysely';
import { requestClock } from '../domain/requests/index.js';
import { nowIso, today, type AppContext } from '../context.js';
import { loadCalendar } from '../features/calendar/service.js';
import { listEvents } from '../features/requests/repository.js';
import { toDomainEvents } from '../features/requests/service.js';
import { SUBMITTED } from '../features/requests/intake.js';
import type { Mailer } from './mailer.js';

export interface SweepResult {
  dueSoon: number;
  overdue: number;
  notified: number;
}

export async function sweepDeadlines(ctx: AppContext, options: { limit?: number; mailer?: Mailer | null } = {}): Promise<SweepResult> {
  const db = ctx.database.db;
  const day = today(ctx);
  const calendar = await loadCalendar(ctx);
  // Anything due within a week of calendar days can be within 3 working days.
  const horizon = new Date(`${day}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 7);
  const candidates = await db
    .selectFrom('requests')
    .select(['id', 'agency_id', 'tracking_number', 'due_flag', 'handler_user_id'])
    .where('handled_on', 'is', null)
    .where('state', '!=', SUBMITTED)
    .where('due_date', 'is not', null)
    .where('due_date', '<=', horizon.toISOString().slice(0, 10))
    .where((eb) => eb.or([eb('due_flag', 'is', null), eb('due_flag', '=', 'dueSoon')]))
    .orderBy('due_date')
    .limit(options.limit ?? 500)
    .execute();
  const result: SweepResult = { dueSoon: 0, overdue: 0, notified: 0 };
  const mails: Array<{ to: string; subject: string; text: string }> = [];
  for (const c of candidates) {
    let clock;
    try {
      clock = requestClock(toDomainEvents(await listEvents(db, c.id)), calendar, day);
    } catch {
      continue; // a year without its calendar: the request page says so; nothing to flag
    }
    const flag = clock.overdue ? 'overdue' : clock.dueSoon ? 'dueSoon' : null;
    if (!flag || flag === c.due_flag) continue;
    const message = flag === 'overdue'
      ? `申请${c.tracking_number}已超过答复期限（${clock.dueDate}），请立即处理`
      : `申请${c.tracking_number}将于${clock.dueDate}到期，剩余${clock.daysLeft}个工作日`;
    const recipients = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.email'])
      .distinct()
      .where('users.agency_id', '=', c.agency_id)
      .where('users.disabled', '=', 0)
      .where((eb) => eb.or([eb('user_roles.role', 'in', ['requestHandler', 'requestApprover']), eb('users.id', '=', c.handler_user_id ?? -1)]))
      .execute();
    const marked = await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('requests')
        .set({ due_flag: flag, due_date: clock.dueDate })
        .where('id', '=', c.id)
        .where(sql<boolean>`coalesce(due_flag, '') = ${c.due_flag ?? ''}`)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false; // another instance got there first
      if (recipients.length) {
        await trx.insertInto('notifications').values(recipients.map((r) => ({ user_id: r.id, request_id: c.id, kind: flag, message, created_at: nowIso(ctx), read_at: null }))).execute();
      }
      return true;
    });
    if (!marked) continue;
    result[flag]++;
    result.notified += recipients.length;
    for (const r of recipients) if (r.email) mails.push({ to: r.email, subject: `【政务公开】${message}`, text: `${message}。\n\n请登录政务公开平台工作台查看。` });
  }
  // E-mail after commit: a mail server that is down never loses the console notification.
  if (options.mailer) for (const m of mails) await options.mailer.send(m).catch(() => undefined);
  return result;
}
