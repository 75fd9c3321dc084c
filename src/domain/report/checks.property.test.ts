import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from './checks.js';
import {
  REQUESTER_COLUMNS,
  SECTION4_GROUPS,
  outcomeRows,
  section3Rows,
  type ReportData,
  type ReportFormat,
} from './format.js';
import {
  cloneReport,
  emptyReport,
  getFigure,
  isDecimalCell,
  isSignedCell,
  listCells,
  setFigure,
} from './model.js';

const RUNS = 300;
const count = (max: number) => fc.integer({ min: 0, max });

/**
 * A report whose figures are consistent by construction: random outcomes per requester column,
 * a random split of the year's work into carried-in and new requests, totals derived.
 */
function consistentReport(format: ReportFormat): fc.Arbitrary<ReportData> {
  const outcomes = outcomeRows(format);
  const column = fc.record({
    outcomes: fc.array(count(20), { minLength: outcomes.length, maxLength: outcomes.length }),
    carriedOut: count(10),
    carriedIn: count(30),
  });
  const section2Size = listCells(format).filter((c) => c.startsWith('section2.')).length;
  return fc
    .record({
      columns: fc.array(column, { minLength: 6, maxLength: 6 }),
      reviews: fc.array(fc.array(count(30), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      section2: fc.array(count(1000), { minLength: section2Size, maxLength: section2Size }),
      amountCents: count(10_000_000),
    })
    .map(({ columns, reviews, section2, amountCents }) => {
      const r = emptyReport(format, '某局', format === '2021' ? 2022 : 2020);
      columns.forEach((c, i) => {
        const requester = REQUESTER_COLUMNS[i]!;
        const handled = c.outcomes.reduce((a, b) => a + b, 0);
        const carriedIn = Math.min(c.carriedIn, handled + c.carriedOut);
        const set = (row: string, v: number) => setFigure(r, `section3.${row}.${requester}`, v);
        outcomes.forEach((row, j) => set(row, c.outcomes[j]!));
        set('handledTotal', handled);
        set('carriedOut', c.carriedOut);
        set('carriedIn', carriedIn);
        set('received', handled + c.carriedOut - carriedIn);
      });
      for (const row of section3Rows(format)) {
        const total = REQUESTER_COLUMNS.reduce((a, c) => a + (getFigure(r, `section3.${row}.${c}`) ?? 0), 0);
        setFigure(r, `section3.${row}.total`, total);
      }
      SECTION4_GROUPS.forEach((g, i) => {
        const four = reviews[i]!;
        ['upheld', 'corrected', 'otherResult', 'pending'].forEach((c, j) =>
          setFigure(r, `section4.${g}.${c}`, four[j]!),
        );
        setFigure(r, `section4.${g}.total`, four.reduce((a, b) => a + b, 0));
      });
      listCells(format)
        .filter((c) => c.startsWith('section2.'))
        .forEach((path, i) => {
          const v = section2[i]!;
          if (isDecimalCell(format, path)) setFigure(r, path, amountCents / 100);
          else setFigure(r, path, isSignedCell(format, path) ? v - 500 : v);
        });
      return r;
    });
}

const anyReport = fc.constantFrom<ReportFormat>('2021', '2019').chain(consistentReport);

describe('checkReport properties', () => {
  it('finds nothing in a report whose figures are consistent by construction', () => {
    fc.assert(
      fc.property(anyReport, (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds a hard finding naming a section 三 or 四 cell changed by any nonzero amount', () => {
    // Section 二 has no arithmetic rule, so a changed count there can be right; only its
    // validity (figures.invalid) is checked.
    const changed = fc.record({
      report: anyReport,
      pick: fc.nat(),
      delta: fc.oneof(
        fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
        fc.constantFrom(0.5, -0.25, 1e-9),
      ),
    });
    fc.assert(
      fc.property(changed, ({ report, pick, delta }) => {
        const cells = listCells(report).filter((c) => !c.startsWith('section2.'));
        const path = cells[pick % cells.length]!;
        const altered = cloneReport(report);
        setFigure(altered, path, (getFigure(report, path) ?? 0) + delta);
        const hits = checkReport(altered).filter((f) => f.severity === 'hard' && f.cells.includes(path));
        expect(hits.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('flags a negative or fractional section 二 count as figures.invalid', () => {
    const changed = fc.record({
      report: anyReport,
      pick: fc.nat(),
      bad: fc.constantFrom(-1, -7, 0.5, 2.25),
    });
    fc.assert(
      fc.property(changed, ({ report, pick, bad }) => {
        const cells = listCells(report).filter(
          (c) => c.startsWith('section2.') && !isSignedCell(report.format, c) && !isDecimalCell(report.format, c),
        );
        const path = cells[pick % cells.length]!;
        const altered = cloneReport(report);
        setFigure(altered, path, bad);
        expect(checkReport(altered).map((f) => [f.rule, f.cells])).toEqual([['figures.invalid', [path]]]);
      }),
      { numRuns: RUNS },
    );
  });
});
