import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/dates.js';
import {
  OUTCOME_ROWS_2021,
  REQUESTER_COLUMNS,
  SECTION2_FIELDS,
  SECTION3_COLUMNS,
  SECTION4_GROUPS,
  checkReport,
  hasHardFinding,
  setFigure,
  type ReportData,
} from '../report/index.js';
import { computeRequestSections, requestSectionsAsReport, type RequestRecord, type ReviewCase } from './report.js';

const YEARS = [2023, 2024, 2025] as const;
const FIRST = toDayNumber('2023-01-01');
const LAST = toDayNumber('2025-12-31');
/** Days where off-by-one errors live: both sides of each New Year, and the days just before. */
const BOUNDARIES = ['2023-01-01', '2023-12-30', '2023-12-31', '2024-01-01', '2024-12-30', '2024-12-31', '2025-01-01', '2025-12-31'].map(toDayNumber);

const day = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: FIRST, max: LAST }) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARIES) },
);

/** When a request or case filed on `from` is completed: never, after a delay, or on a boundary day. */
const completion = fc.oneof(
  { weight: 1, arbitrary: fc.constant<null>(null) },
  { weight: 2, arbitrary: fc.record({ delay: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ delay: fc.integer({ min: 0, max: 500 }) }) },
  { weight: 1, arbitrary: fc.record({ on: fc.constantFrom(...BOUNDARIES) }) },
);

function completedOn(from: number, c: { delay: number } | { on: number } | null): string | null {
  if (c === null) return null;
  return fromDayNumber('delay' in c ? from + c.delay : Math.max(from, c.on));
}

const requestArb = fc
  .record({ kind: fc.constantFrom(...REQUESTER_COLUMNS), received: day, handled: completion, outcome: fc.constantFrom(...OUTCOME_ROWS_2021) })
  .map(({ kind, received, handled, outcome }) => {
    const handledOn = completedOn(received, handled);
    return { requesterKind: kind, receivedOn: fromDayNumber(received), handledOn, outcome: handledOn === null ? null : outcome };
  });

const caseArb = fc
  .record({
    kind: fc.constantFrom(...SECTION4_GROUPS),
    filed: day,
    decided: completion,
    result: fc.constantFrom('upheld', 'corrected', 'otherResult') as fc.Arbitrary<'upheld' | 'corrected' | 'otherResult'>,
  })
  .map(({ kind, filed, decided, result }) => {
    const decidedOn = completedOn(filed, decided);
    return { kind, filedOn: fromDayNumber(filed), decidedOn, result: decidedOn === null ? null : result };
  });

const history = fc.record({
  requests: fc.array(requestArb, { maxLength: 40 }).map((rs) => rs.map((r, i): RequestRecord => ({ id: `R${i}`, ...r }))),
  cases: fc.array(caseArb, { maxLength: 12 }).map((cs) => cs.map((c, i): ReviewCase => ({ id: `K${i}`, ...c }))),
});

/** Section 二 as staff would enter it: the property is about sections 三 and 四. */
function withSection2(report: ReportData): ReportData {
  for (const [item, fields] of SECTION2_FIELDS['2021']) {
    for (const field of fields) setFigure(report, `section2.${item}.${field}`, 0);
  }
  return report;
}

describe('request sections over three years of random histories', () => {
  it('balance, carry over year to year, and count every request once', () => {
    fc.assert(
      fc.property(history, ({ requests, cases }) => {
        const years = [...YEARS, 2026].map((y) => computeRequestSections(y, requests, cases));
        let previous: ReportData | null = null;
        for (const [i, year] of YEARS.entries()) {
          expect(years[i]!.problems).toEqual([]);
          const report = withSection2(requestSectionsAsReport('某区某局', year, requests, cases));
          const findings = checkReport(report, { previous });
          expect(hasHardFinding(findings)).toBe(false);
          expect(findings).toEqual([]);
          previous = report;
          // 四 of one year is 二 of the next, column by column.
          expect(years[i]!.section3.carriedOut).toEqual(years[i + 1]!.section3.carriedIn);
        }
        expect(Object.values(years[0]!.section3.carriedIn).every((n) => n === 0)).toBe(true);

        // Every request is handled in exactly one year, or still open at the end of the last.
        for (const column of SECTION3_COLUMNS) {
          const n = requests.filter((r) => column === 'total' || r.requesterKind === column).length;
          const handled = YEARS.reduce((s, _, i) => s + years[i]!.section3.handledTotal[column], 0);
          expect(handled + years[2]!.section3.carriedOut[column]).toBe(n);
        }
        for (const outcome of OUTCOME_ROWS_2021) {
          const handled = YEARS.reduce((s, _, i) => s + years[i]!.section3[outcome].total, 0);
          expect(handled).toBe(requests.filter((r) => r.outcome === outcome && r.handledOn! <= '2025-12-31').length);
        }

        // Every case is counted once, in the year it was filed; pending = still open on 31 December.
        for (const group of SECTION4_GROUPS) {
          const ofGroup = cases.filter((c) => c.kind === group);
          expect(YEARS.reduce((s, _, i) => s + years[i]!.section4[group].total, 0)).toBe(ofGroup.length);
          for (const [i, year] of YEARS.entries()) {
            const pending = ofGroup.filter(
              (c) => c.filedOn.startsWith(`${year}-`) && (c.decidedOn === null || c.decidedOn > `${year}-12-31`),
            );
            expect(years[i]!.section4[group].pending).toBe(pending.length);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves corrupt records out of every year and lists each of them', () => {
    const corruption = fc.constantFrom('handledBeforeReceived', 'noOutcome', 'badReceived', 'badHandled');
    const corrupted = fc.record({ h: history, marks: fc.array(fc.option(corruption, { nil: null, freq: 2 }), { minLength: 40, maxLength: 40 }) });
    fc.assert(
      fc.property(corrupted, ({ h, marks }) => {
        const bad = new Set<string>();
        const requests = h.requests.map((r, i): RequestRecord => {
          const mark = marks[i];
          if (!mark) return r;
          bad.add(r.id);
          switch (mark) {
            case 'handledBeforeReceived':
              return { ...r, handledOn: fromDayNumber(toDayNumber(r.receivedOn) - 1), outcome: 'granted' };
            case 'noOutcome':
              return { ...r, handledOn: r.handledOn ?? r.receivedOn, outcome: null };
            case 'badReceived':
              return { ...r, receivedOn: r.receivedOn.replaceAll('-', '/') };
            case 'badHandled':
              return { ...r, handledOn: '2024-02-30' };
          }
        });
        const good = requests.filter((r) => !bad.has(r.id));
        const listed = new Set<string>();
        for (const year of YEARS) {
          const withBad = computeRequestSections(year, requests, h.cases);
          expect(withBad.section3).toEqual(computeRequestSections(year, good, h.cases).section3);
          for (const p of withBad.problems) listed.add(/“(R\d+)”/.exec(p)![1]!);
        }
        expect([...listed].sort()).toEqual([...bad].sort());
      }),
      { numRuns: 300 },
    );
  });
});
