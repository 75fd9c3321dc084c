/**
 * The annual report's figures that disclosure-on-request records decide: section 三 and 四, the
 * processing fees collected (六), and the fee notices issued (for check 9).
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { requestSectionsByAgency } from './queries/report-sections.js';

export async function requestFiguresForYear(db: Executor, agencyId: number, year: number) {
  const sections = (await requestSectionsByAgency(db, year, [agencyId])).get(agencyId)!;
  return { ...sections, ...(await feeFiguresForYear(db, agencyId, year)) };
}

/** Fees paid within the year (元) and fee notices issued within it. */
export async function feeFiguresForYear(db: Executor, agencyId: number, year: number) {
  const rows = await db
    .selectFrom('request_events')
    .innerJoin('requests', 'requests.id', 'request_events.request_id')
    .select(['request_events.type', 'request_events.data'])
    .where('requests.agency_id', '=', agencyId)
    .where('request_events.type', 'in', ['feePaid', 'feeNoticed'])
    .where('request_events.on_date', '>=', `${year}-01-01`)
    .where('request_events.on_date', '<=', `${year}-12-31`)
    .execute();
  let collected = 0;
  let notices = 0;
  for (const r of rows) {
    if (r.type === 'feeNoticed') notices++;
    else collected += Number((JSON.parse(r.data) as { amountYuan?: number }).amountYuan ?? 0);
  }
  return { feesCollectedYuan: Math.round(collected * 100) / 100, feeNoticeCount: notices };
}

/** Whether an agency has any request or case record at all (else its figures are entered by hand). */
export async function hasRequestRecords(db: Executor, agencyId: number): Promise<boolean> {
  const row = await db.selectFrom('requests').select(sql<number>`count(*)`.as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(row.n) > 0;
}
