/** SQL of the supervising office's dashboard. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

export interface RequestCounts {
  /** Received and not yet handled. */
  open: number;
  /** Open, due from today to the end of the week (not overdue). */
  dueThisWeek: number;
  /** Open and past the reply period. */
  overdue: number;
  /** Submitted online, not yet confirmed as received (第三十一条: the clock has not started). */
  awaitingConfirmation: number;
}

/** Open requests per agency, by their cached due dates (kept current by every event and the deadline sweep). */
export async function requestCountsByAgency(db: Executor, agencyIds: readonly number[], today: string, weekEnd: string): Promise<Map<number, RequestCounts>> {
  const out = new Map<number, RequestCounts>(agencyIds.map((id) => [id, { open: 0, dueThisWeek: 0, overdue: 0, awaitingConfirmation: 0 }]));
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('requests')
    .select([
      'agency_id',
      sql<number>`sum(case when state <> 'submitted' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when state <> 'submitted' and due_date >= ${today} and due_date <= ${weekEnd} then 1 else 0 end)`.as('due_week'),
      sql<number>`sum(case when state <> 'submitted' and due_date < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when state = 'submitted' then 1 else 0 end)`.as('awaiting'),
    ])
    .where('agency_id', 'in', [...agencyIds])
    .where('handled_on', 'is', null)
    .groupBy('agency_id')
    .execute();
  for (const r of rows) {
    out.set(r.agency_id, { open: Number(r.open ?? 0), dueThisWeek: Number(r.due_week ?? 0), overdue: Number(r.overdue ?? 0), awaitingConfirmation: Number(r.awaiting ?? 0) });
  }
  return out;
}
