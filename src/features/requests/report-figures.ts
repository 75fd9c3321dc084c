/**
 * The annual report's figures that disclosure-on-request records decide: section 三 and 四, the
 * processing fees collected (六), and the fee notices issued (for check 9).
 */
import { sql } from 'kysely';
import { computeRequestSections, type RequestRecord, type ReviewCase as DomainCase } from '../../domain/requests/report.js';
import type { RequesterKind, Outcome } from '../../domain/requests/types.js';
import type { Executor } from '../../db/database.js';
import { casesForYear, requestRecordsForYear } from './repository.js';

export async function requestFiguresForYear(db: Executor, agencyId: number, year: number) {
  const requests: RequestRecord[] = (await requestRecordsForYear(db, agencyId, year)).map((r) => ({
    id: String(r.id), requesterKind: r.requester_kind as RequesterKind, receivedOn: r.received_on, handledOn: r.handled_on, outcome: r.outcome as Outcome | null,
  }));
  const cases: DomainCase[] = (await casesForYear(db, agencyId, year)).map((c) => ({
    id: String(c.id), kind: c.kind, filedOn: c.filed_on, result: c.result, decidedOn: c.decided_on,
  }));
  const sections = computeRequestSections(year, requests, cases);
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
