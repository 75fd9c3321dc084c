/**
 * The records the computed items of the score sheet read, one query per rule: the year's
 * published items with the day they were made, the requests whose reply period ended in the
 * year, the first publication of last year's annual reports, and the rectification tasks of
 * inspections whose deadline fell in the year.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

const ids = (agencyIds: readonly number[]) => (agencyIds.length ? [...agencyIds] : [-1]);

/**
 * Items published in the year (live, not withdrawn) that state the day they were made or
 * changed (第二十六条 counts from it): agency, made_on, published_date.
 */
export function publishedItemsWithMadeOn(db: Executor, agencyIds: readonly number[], year: number) {
  return db
    .selectFrom('publication_items')
    .select(['agency_id', 'made_on', 'published_date'])
    .where('agency_id', 'in', ids(agencyIds))
    .where('live_version', '>', 0)
    .where('withdrawn_at', 'is', null)
    .where('made_on', 'is not', null)
    .where('published_date', '>=', `${year}-01-01`)
    .where('published_date', '<=', `${year}-12-31`)
    .execute();
}

/**
 * Requests whose reply period ends in the year (cached due_date, kept after the reply): agency,
 * due date and the day they were handled. Online submissions not yet received have no due date.
 */
export function requestsDueInYear(db: Executor, agencyIds: readonly number[], year: number) {
  return db
    .selectFrom('requests')
    .select(['agency_id', 'due_date', 'handled_on'])
    .where('agency_id', 'in', ids(agencyIds))
    .where('due_date', '>=', `${year}-01-01`)
    .where('due_date', '<=', `${year}-12-31`)
    .execute();
}

/** When each agency's report on `reportYear` was first published (its version 1), as stored (ISO UTC). */
export async function firstPublications(db: Executor, agencyIds: readonly number[], reportYear: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('annual_reports as r')
    .innerJoin('annual_report_versions as v', 'v.report_id', 'r.id')
    .select(['r.agency_id', sql<string>`min(v.published_at)`.as('first')])
    .where('r.agency_id', 'in', ids(agencyIds))
    .where('r.year', '=', reportYear)
    .groupBy('r.agency_id')
    .execute();
  return new Map(rows.map((r) => [r.agency_id, r.first]));
}

/**
 * Rectification tasks (of issued inspections, by any office) whose current deadline falls in the
 * year: agency, status, deadline and the day of the latest answer.
 */
export function tasksDueInYear(db: Executor, agencyIds: readonly number[], year: number) {
  return db
    .selectFrom('rectification_tasks')
    .select(['agency_id', 'status', 'due_on', 'answered_on'])
    .where('agency_id', 'in', ids(agencyIds))
    .where('due_on', '>=', `${year}-01-01`)
    .where('due_on', '<=', `${year}-12-31`)
    .execute();
}
