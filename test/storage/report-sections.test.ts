/**
 * The report query (one GROUP BY per table) counts exactly as the reference implementation
 * computeRequestSections, on SQLite and PostgreSQL, over random histories across year ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_ROWS_2021, REQUESTER_COLUMNS } from '../../src/domain/report/format.js';
import { computeRequestSections, type RequestRecord, type ReviewCase } from '../../src/domain/requests/report.js';
import { requestSectionsByAgency } from '../../src/features/requests/queries/report-sections.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeAgency } from '../factories.js';
import { rng } from '../random.js';

function day(base: string, plus: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10);
}

describe.each(DIALECTS)('report sections by query on %s', (dialect) => {
  let ctx: TestContext;
  const agencies: number[] = [];
  const records = new Map<number, { requests: RequestRecord[]; cases: ReviewCase[] }>();

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const random = rng(20261126);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let a = 0; a < 3; a++) agencies.push((await makeAgency(ctx, { name: `统计测试单位${a}` })).id);
    const at = ctx.clock.now().toISOString();
    const rows = [];
    const caseRows = [];
    for (const agency of agencies) records.set(agency, { requests: [], cases: [] });
    for (let i = 0; i < 1500; i++) {
      const agency = pick(agencies);
      // Receipts from 2023-12-01 to 2026-01-31, weighted towards the year ends.
      const receivedOn = random() < 0.3 ? day(pick(['2023-12-31', '2024-12-31', '2025-12-31']), Math.floor(random() * 5) - 2) : day('2023-12-01', Math.floor(random() * 792));
      const handled = random() < 0.85 ? day(receivedOn, Math.floor(random() * 60)) : null;
      const submitted = random() < 0.03;
      const outcome = handled ? pick(OUTCOME_ROWS_2021) : null;
      const kind = pick(REQUESTER_COLUMNS);
      rows.push({
        agency_id: agency, tracking_number: `T${i}`, query_code_hash: 'x', requester_kind: kind, requester_name: 'n', requester_key: `k${i}`,
        description: 'd', preferred_form: 'paper', delivery_way: 'post', channel: 'inPerson', received_on: receivedOn,
        state: submitted ? 'submitted' : handled ? 'replied' : 'registered', outcome: submitted ? null : outcome, handled_on: submitted ? null : handled,
        due_date: null, due_flag: null, handler_user_id: null, public_log: 0, created_at: at, updated_at: at,
      });
      if (!submitted) records.get(agency)!.requests.push({ id: `T${i}`, requesterKind: kind, receivedOn, handledOn: handled, outcome });
    }
    for (let i = 0; i < 200; i++) {
      const agency = pick(agencies);
      const filedOn = day('2024-01-01', Math.floor(random() * 730));
      const decidedOn = random() < 0.7 ? day(filedOn, Math.floor(random() * 200)) : null;
      const result = decidedOn ? pick(['upheld', 'corrected', 'otherResult'] as const) : null;
      const kind = pick(['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const);
      caseRows.push({ agency_id: agency, request_id: null, kind, case_number: null, filed_on: filedOn, result, decided_on: decidedOn, note: null, created_at: at, updated_at: at });
      records.get(agency)!.cases.push({ id: `C${i}`, kind, filedOn, result, decidedOn });
    }
    for (let i = 0; i < rows.length; i += 200) await ctx.database.db.insertInto('requests').values(rows.slice(i, i + 200)).execute();
    await ctx.database.db.insertInto('review_cases').values(caseRows).execute();
  });
  afterAll(async () => ctx?.cleanup());

  for (const year of [2024, 2025, 2026]) {
    it(`${year}: every agency's sections equal the reference`, async () => {
      const byQuery = await requestSectionsByAgency(ctx.database.db, year, agencies);
      for (const agency of agencies) {
        const { requests, cases } = records.get(agency)!;
        const reference = computeRequestSections(year, requests, cases);
        expect(reference.problems).toEqual([]);
        expect(byQuery.get(agency)).toEqual({ section3: reference.section3, section4: reference.section4 });
      }
      // The sample is not trivial: requests cross the year end in both directions.
      const a = byQuery.get(agencies[0]!)!.section3;
      expect(a.carriedIn.total + a.carriedOut.total).toBeGreaterThan(0);
    });
  }
});
