import { describe, expect, it } from 'vitest';
import {
  OUTCOME_ROWS_2021,
  SECTION3_COLUMNS,
  SECTION4_GROUPS,
  checkReport,
  hasHardFinding,
  setFigure,
  SECTION2_FIELDS,
} from '../report/index.js';
import {
  computeRequestSections,
  requestSectionsAsReport,
  type ComputedSection3,
  type ComputedSection4,
  type RequestRecord,
  type ReviewCase,
} from './report.js';

/** The non-zero cells of section 三 as "row.column": count; every other cell is 0. */
function nonZero3(section3: ComputedSection3): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [row, cells] of Object.entries(section3)) {
    for (const [column, n] of Object.entries(cells)) if (n !== 0) out[`${row}.${column}`] = n;
  }
  return out;
}

function nonZero4(section4: ComputedSection4): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, cells] of Object.entries(section4)) {
    for (const [column, n] of Object.entries(cells)) if (n !== 0) out[`${group}.${column}`] = n;
  }
  return out;
}

const req = (
  id: string,
  requesterKind: RequestRecord['requesterKind'],
  receivedOn: string,
  handledOn: string | null,
  outcome: RequestRecord['outcome'],
): RequestRecord => ({ id, requesterKind, receivedOn, handledOn, outcome });

const review = (
  id: string,
  kind: ReviewCase['kind'],
  filedOn: string,
  decidedOn: string | null,
  result: ReviewCase['result'],
): ReviewCase => ({ id, kind, filedOn, decidedOn, result });

const requests: RequestRecord[] = [
  req('A', 'naturalPerson', '2023-11-20', '2024-01-05', 'granted'),
  // Received 30 December, replied 6 January: carried out of 2024, into 2025, handled in 2025.
  req('B', 'naturalPerson', '2024-12-30', '2025-01-06', 'partial'),
  req('C', 'enterprise', '2024-01-01', '2024-01-01', 'unavailable.notHeld'),
  req('D', 'legalService', '2024-06-10', '2024-07-08', 'withheld.thirdPartyRights'),
  req('E', 'naturalPerson', '2024-12-31', null, null),
  req('F', 'naturalPerson', '2023-05-01', '2023-12-31', 'granted'),
  req('G', 'otherOrg', '2025-01-01', '2025-01-20', 'other.feeUnpaid'),
  req('H', 'research', '2024-03-01', '2024-03-20', 'notProcessed.repeated'),
  req('I', 'nonprofit', '2024-09-09', '2024-12-31', 'other.noClarification'),
  // Decided, reply letter not yet sent: still open.
  req('J', 'enterprise', '2024-11-11', null, 'granted'),
];

const cases: ReviewCase[] = [
  review('K1', 'reconsideration', '2024-03-01', '2024-05-01', 'upheld'),
  // Filed 2024, decided 2025: pending in 2024's report, in no table of 2025.
  review('K2', 'reconsideration', '2024-11-20', '2025-01-15', 'corrected'),
  review('K3', 'litigationDirect', '2024-12-31', null, null),
  review('K4', 'litigationAfterReconsideration', '2023-08-01', '2024-02-01', 'otherResult'),
  review('K5', 'litigationDirect', '2025-01-01', '2025-06-30', 'otherResult'),
  review('K6', 'reconsideration', '2024-07-01', '2024-12-31', 'corrected'),
];

describe('computeRequestSections', () => {
  it('computes 2024: the request of 30 December is received and carried out', () => {
    const { section3, problems } = computeRequestSections(2024, requests, cases);
    expect(problems).toEqual([]);
    expect(nonZero3(section3)).toEqual({
      'received.naturalPerson': 2,
      'received.enterprise': 2,
      'received.research': 1,
      'received.nonprofit': 1,
      'received.legalService': 1,
      'received.total': 7,
      'carriedIn.naturalPerson': 1,
      'carriedIn.total': 1,
      'granted.naturalPerson': 1,
      'granted.total': 1,
      'withheld.thirdPartyRights.legalService': 1,
      'withheld.thirdPartyRights.total': 1,
      'unavailable.notHeld.enterprise': 1,
      'unavailable.notHeld.total': 1,
      'notProcessed.repeated.research': 1,
      'notProcessed.repeated.total': 1,
      'other.noClarification.nonprofit': 1,
      'other.noClarification.total': 1,
      'handledTotal.naturalPerson': 1,
      'handledTotal.enterprise': 1,
      'handledTotal.research': 1,
      'handledTotal.nonprofit': 1,
      'handledTotal.legalService': 1,
      'handledTotal.total': 5,
      'carriedOut.naturalPerson': 2,
      'carriedOut.enterprise': 1,
      'carriedOut.total': 3,
    });
  });

  it('computes 2025: the same request is carried in and handled (partial)', () => {
    const { section3 } = computeRequestSections(2025, requests, cases);
    expect(nonZero3(section3)).toEqual({
      'received.otherOrg': 1,
      'received.total': 1,
      'carriedIn.naturalPerson': 2,
      'carriedIn.enterprise': 1,
      'carriedIn.total': 3,
      'partial.naturalPerson': 1,
      'partial.total': 1,
      'other.feeUnpaid.otherOrg': 1,
      'other.feeUnpaid.total': 1,
      'handledTotal.naturalPerson': 1,
      'handledTotal.otherOrg': 1,
      'handledTotal.total': 2,
      'carriedOut.naturalPerson': 1,
      'carriedOut.enterprise': 1,
      'carriedOut.total': 2,
    });
    expect(computeRequestSections(2024, requests, cases).section3.carriedOut).toEqual(section3.carriedIn);
  });

  it('computes 2023: handled on 31 December counts in that year', () => {
    const { section3 } = computeRequestSections(2023, requests, cases);
    expect(nonZero3(section3)).toEqual({
      'received.naturalPerson': 2,
      'received.total': 2,
      'granted.naturalPerson': 1,
      'granted.total': 1,
      'handledTotal.naturalPerson': 1,
      'handledTotal.total': 1,
      'carriedOut.naturalPerson': 1,
      'carriedOut.total': 1,
    });
  });

  it('has every 2021 row and every column, with zeros where nothing is counted', () => {
    const { section3, section4 } = computeRequestSections(2030, [], []);
    expect(Object.keys(section3)).toEqual(['received', 'carriedIn', ...OUTCOME_ROWS_2021, 'handledTotal', 'carriedOut']);
    for (const row of Object.values(section3)) {
      expect(Object.keys(row)).toEqual([...SECTION3_COLUMNS]);
      expect(Object.values(row).every((n) => n === 0)).toBe(true);
    }
    expect(Object.keys(section4)).toEqual([...SECTION4_GROUPS]);
    expect(section4.reconsideration).toEqual({ upheld: 0, corrected: 0, otherResult: 0, pending: 0, total: 0 });
  });

  it('counts cases filed in the year, with their result as of 31 December', () => {
    expect(nonZero4(computeRequestSections(2024, requests, cases).section4)).toEqual({
      'reconsideration.upheld': 1,
      'reconsideration.corrected': 1,
      'reconsideration.pending': 1,
      'reconsideration.total': 3,
      'litigationDirect.pending': 1,
      'litigationDirect.total': 1,
    });
    // K2 (filed 2024, decided 2025) is not counted again in 2025.
    expect(nonZero4(computeRequestSections(2025, requests, cases).section4)).toEqual({
      'litigationDirect.otherResult': 1,
      'litigationDirect.total': 1,
    });
    expect(nonZero4(computeRequestSections(2023, requests, cases).section4)).toEqual({
      'litigationAfterReconsideration.pending': 1,
      'litigationAfterReconsideration.total': 1,
    });
  });

  it('lists records that cannot be counted and leaves them out', () => {
    const bad: RequestRecord[] = [
      req('P1', 'naturalPerson', '2024-05-10', '2024-05-01', 'granted'),
      req('P2', 'enterprise', '2024-02-02', '2024-02-20', null),
      req('P3', 'naturalPerson', '2024-02-30', null, null),
      req('P4', 'naturalPerson', '2024-03-01', '2024/03/01', 'granted'),
      req('P5', 'bureau' as RequestRecord['requesterKind'], '2024-03-01', '2024-03-02', 'approved' as RequestRecord['outcome']),
      // Wholly outside 2024: left out, but not listed in 2024's problems.
      req('P6', 'naturalPerson', '2026-01-05', '2026-01-01', 'granted'),
      req('P7', 'naturalPerson', '2022-05-05', '2022-05-01', 'granted'),
      req('A', 'naturalPerson', '2024-01-02', '2024-01-03', 'granted'),
    ];
    const badCases: ReviewCase[] = [
      review('Q1', 'reconsideration', '2024-13-01', null, null),
      review('Q2', 'litigationDirect', '2024-06-01', '2024-05-01', 'upheld'),
      review('Q3', 'reconsideration', '2024-06-01', '2024-07-01', null),
      review('Q4', 'reconsideration', '2024-06-01', null, 'upheld'),
      review('Q5', 'reconsideration', '2023-06-01', null, 'upheld'),
    ];
    const { section3, section4, problems } = computeRequestSections(2024, [...requests, ...bad], [...cases, ...badCases]);
    expect(problems).toEqual([
      '依申请公开记录“P1”：办结日期2024-05-01早于收到申请日期2024-05-10。该记录未计入统计。',
      '依申请公开记录“P2”：已于2024-02-20办结，但没有登记办理结果。该记录未计入统计。',
      '依申请公开记录“P3”：收到申请日期“2024-02-30”无效。该记录未计入统计。',
      '依申请公开记录“P4”：办结日期“2024/03/01”无效。该记录未计入统计。',
      '依申请公开记录“P5”：办理结果“approved”不是报告表格中的办理结果；申请人类型“bureau”无效。该记录未计入统计。',
      '依申请公开记录“A”：编号与前面的记录重复（只计第一条）。该记录未计入统计。',
      '复议诉讼案件“Q1”：提起日期“2024-13-01”无效。该记录未计入统计。',
      '复议诉讼案件“Q2”：审结日期2024-05-01早于提起日期2024-06-01。该记录未计入统计。',
      '复议诉讼案件“Q3”：已于2024-07-01审结，但没有登记结果。该记录未计入统计。',
      '复议诉讼案件“Q4”：已登记审结结果，但没有审结日期。该记录未计入统计。',
    ]);
    // The counts are those of the good records alone.
    const good = computeRequestSections(2024, requests, cases);
    expect(section3).toEqual(good.section3);
    expect(section4).toEqual(good.section4);
    expect(computeRequestSections(2026, bad, []).problems).toEqual([
      '依申请公开记录“P3”：收到申请日期“2024-02-30”无效。该记录未计入统计。',
      '依申请公开记录“P4”：办结日期“2024/03/01”无效。该记录未计入统计。',
      '依申请公开记录“P6”：办结日期2026-01-01早于收到申请日期2026-01-05。该记录未计入统计。',
    ]);
  });

  it('rejects a year that is not a four-digit integer', () => {
    expect(() => computeRequestSections(2024.5, [], [])).toThrow(RangeError);
    expect(() => computeRequestSections(99, [], [])).toThrow(RangeError);
  });
});

describe('requestSectionsAsReport', () => {
  it('fills sections 三 and 四 and leaves section 二 blank', () => {
    const report = requestSectionsAsReport('某区住房和城乡建设局', 2024, requests, cases);
    expect(report.format).toBe('2021');
    expect(report.agency).toBe('某区住房和城乡建设局');
    expect(report.year).toBe(2024);
    expect(report.section2.normativeDocs).toEqual({ issued: null, repealed: null, inForce: null });
    expect(report.section2.fees).toEqual({ amountWanYuan: null });
    expect(report.section3.received?.total).toBe(7);
    expect(report.section3.carriedOut?.total).toBe(3);
    expect(report.section4.reconsideration.pending).toBe(1);
    expect(report.narrative).toEqual({ overview: '', problems: '', other: '' });

    // Only the blank section 二 blocks publishing: one finding per item.
    const findings = checkReport(report);
    expect(findings.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
      ['cells.blank', 'hard', 'section2.rules.issued'],
      ['cells.blank', 'hard', 'section2.normativeDocs.issued'],
      ['cells.blank', 'hard', 'section2.licensing.decisions'],
      ['cells.blank', 'hard', 'section2.penalty.decisions'],
      ['cells.blank', 'hard', 'section2.enforcement.decisions'],
      ['cells.blank', 'hard', 'section2.fees.amountWanYuan'],
    ]);

    // Once staff enter section 二, the report passes every check, also against last year's.
    for (const [item, fields] of SECTION2_FIELDS['2021']) {
      for (const field of fields) setFigure(report, `section2.${item}.${field}`, 0);
    }
    const previous = requestSectionsAsReport('某区住房和城乡建设局', 2023, requests, cases);
    expect(checkReport(report, { previous })).toEqual([]);
    expect(hasHardFinding(checkReport(report))).toBe(false);
  });

  it('does not share its tables with the computation (each call builds its own)', () => {
    const a = requestSectionsAsReport('某局', 2024, requests, cases);
    const b = requestSectionsAsReport('某局', 2024, requests, cases);
    setFigure(a, 'section3.received.total', 99);
    expect(b.section3.received?.total).toBe(7);
  });
});
