/**
 * Report sections 三 and 四 of many agencies at once, counted by the database: one GROUP BY over
 * requests and one over cases. The counting rules are those of computeRequestSections in
 * src/domain/requests/report.ts (the reference implementation); a test holds the two equal.
 *
 * 三: a request counts in a year when received by its end and not handled before its start —
 * under 一 if received within the year, else 二; under its outcome row if handled within the
 * year, else 四. Online submissions not yet confirmed (第三十一条) are not received yet.
 * 四: cases filed within the year, with their result as of 31 December (later: 尚未审结).
 */
import { sql } from 'kysely';
import { REQUESTER_COLUMNS, SECTION3_COLUMNS, SECTION4_COLUMNS, SECTION4_GROUPS, OUTCOME_ROWS_2021 } from '../../../domain/report/format.js';
import type { ComputedSection3, ComputedSection4, Section3RowKey2021 } from '../../../domain/requests/report.js';
import type { Executor } from '../../../db/database.js';

export interface AgencySections {
  section3: ComputedSection3;
  section4: ComputedSection4;
}

const ROWS: readonly Section3RowKey2021[] = ['received', 'carriedIn', ...OUTCOME_ROWS_2021, 'handledTotal', 'carriedOut'];

function empty(): AgencySections {
  return {
    section3: Object.fromEntries(ROWS.map((r) => [r, Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, 0]))])) as ComputedSection3,
    section4: Object.fromEntries(SECTION4_GROUPS.map((g) => [g, Object.fromEntries(SECTION4_COLUMNS.map((c) => [c, 0]))])) as ComputedSection4,
  };
}

/** Sections 三 and 四 of `year` for the given agencies (null = every agency with records). */
export async function requestSectionsByAgency(db: Executor, year: number, agencyIds: readonly number[] | null): Promise<Map<number, AgencySections>> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  let requests = db
    .selectFrom('requests')
    .select([
      'agency_id', 'requester_kind', 'outcome',
      sql<number>`sum(case when received_on >= ${start} then 1 else 0 end)`.as('received'),
      sql<number>`sum(case when received_on < ${start} then 1 else 0 end)`.as('carried_in'),
      sql<number>`sum(case when handled_on is not null and handled_on <= ${end} then 1 else 0 end)`.as('handled'),
    ])
    .where('received_on', '<=', end)
    .where((eb) => eb.or([eb('handled_on', 'is', null), eb('handled_on', '>=', start)]))
    .where('state', '!=', 'submitted')
    // Records the state machine could not have produced are left out, as the reference does.
    .where(sql<boolean>`(handled_on is null) = (outcome is null)`)
    .where((eb) => eb.or([eb('handled_on', 'is', null), eb('handled_on', '>=', eb.ref('received_on'))]))
    .groupBy(['agency_id', 'requester_kind', 'outcome']);
  let cases = db
    .selectFrom('review_cases')
    .select([
      'agency_id', 'kind',
      sql<string>`case when result is not null and decided_on <= ${end} then result else 'pending' end`.as('column'),
      sql<number>`count(*)`.as('n'),
    ])
    .where('filed_on', '>=', start)
    .where('filed_on', '<=', end)
    // By position: PostgreSQL cannot match a GROUP BY expression with its own bound parameter.
    .groupBy(sql`1, 2, 3`);
  if (agencyIds !== null) {
    const ids = agencyIds.length ? [...agencyIds] : [-1];
    requests = requests.where('agency_id', 'in', ids);
    cases = cases.where('agency_id', 'in', ids);
  }
  const result = new Map<number, AgencySections>();
  for (const id of agencyIds ?? []) result.set(id, empty());
  const of = (id: number) => result.get(id) ?? result.set(id, empty()).get(id)!;
  for (const row of await requests.execute()) {
    const kind = row.requester_kind as (typeof REQUESTER_COLUMNS)[number];
    if (!REQUESTER_COLUMNS.includes(kind)) continue;
    const s3 = of(row.agency_id).section3;
    const add = (r: Section3RowKey2021, n: number) => {
      s3[r][kind] += n;
      s3[r].total += n;
    };
    const received = Number(row.received);
    const carriedIn = Number(row.carried_in);
    const handled = Number(row.handled);
    add('received', received);
    add('carriedIn', carriedIn);
    if (handled && row.outcome && (OUTCOME_ROWS_2021 as readonly string[]).includes(row.outcome)) {
      add(row.outcome as Section3RowKey2021, handled);
      add('handledTotal', handled);
    }
    add('carriedOut', received + carriedIn - handled);
  }
  for (const row of await cases.execute()) {
    const group = of(row.agency_id).section4[row.kind];
    const column = row.column as (typeof SECTION4_COLUMNS)[number];
    group[column] += Number(row.n);
    group.total += Number(row.n);
  }
  return result;
}
