/**
 * Sections 三 (requests received and handled) and 四 (reconsideration and litigation) of the
 * annual report, computed from gongkai's records for one agency and one year, in the 2021
 * format (国办公开办函〔2021〕30号). Pure: the caller loads the records.
 *
 * Section 三 counts every request exactly once per year, by its dates alone:
 * - 一 received:   received within the year;
 * - 二 carriedIn:  received before 1 January and not handled before 1 January;
 * - 三 outcomes:   handled within the year, in the row of its outcome; 三（七） is their sum;
 * - 四 carriedOut: received on or before 31 December and not handled by 31 December.
 * So 一+二 = 三（七）+四 holds in every column, and this year's 四 is next year's 二 by
 * construction: the two describe the same set of requests (received by 31 December, still open
 * on it). A request with an outcome but no handling date (decided, reply not yet sent) is still
 * open: the reply letter is what completes it.
 */
import { isIsoDate } from '../calendar/dates.js';
import {
  OUTCOME_ROWS_2021,
  REQUESTER_COLUMNS,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  blankReport,
  type Report2021,
  type Section3Column,
  type Section3RowKey,
  type Section4Column,
  type Section4Group,
} from '../report/index.js';
import type { IsoDate, Outcome, RequesterKind } from './types.js';

/** A request as the report sees it. */
export interface RequestRecord {
  id: string;
  requesterKind: RequesterKind;
  /** 收到申请之日 (第三十一条). */
  receivedOn: IsoDate;
  /**
   * The day the request counts as handled: the reply letter was sent, or the request lapsed
   * (no clarification, fee unpaid) or was withdrawn. Null while it is open.
   */
  handledOn: IsoDate | null;
  /** The report row it is counted in once handled; must be set when handledOn is. */
  outcome: Outcome | null;
}

/** An administrative reconsideration or litigation case about disclosure (report section 四). */
export interface ReviewCase {
  id: string;
  kind: Section4Group;
  /** The day the reconsideration was applied for or the suit was filed. */
  filedOn: IsoDate;
  /** Null while the case is pending; set together with decidedOn. */
  result: 'upheld' | 'corrected' | 'otherResult' | null;
  decidedOn: IsoDate | null;
}

/** Section 三 row keys of the 2021 format (the 2019 format's single 其他处理 row excluded). */
export type Section3RowKey2021 = Exclude<Section3RowKey, 'other'>;
/** Section 三 as computed: every 2021 row, every column, a count (never blank). */
export type ComputedSection3 = Record<Section3RowKey2021, Record<Section3Column, number>>;
/** Section 四 as computed: every group, every column, a count (never blank). */
export type ComputedSection4 = Record<Section4Group, Record<Section4Column, number>>;

export interface RequestSections {
  section3: ComputedSection3;
  section4: ComputedSection4;
  /**
   * Records that could not be counted and were left out, one Chinese sentence each, naming the
   * record id: requests first, then cases, each in input order.
   */
  problems: string[];
}

const REQUESTER_KINDS: ReadonlySet<string> = new Set(REQUESTER_COLUMNS);
const OUTCOMES: ReadonlySet<string> = new Set(OUTCOME_ROWS_2021);
const CASE_KINDS: ReadonlySet<string> = new Set(SECTION4_GROUPS);
const CASE_RESULTS: ReadonlySet<string> = new Set(['upheld', 'corrected', 'otherResult']);
const SECTION3_ROWS_2021: readonly Section3RowKey2021[] = [
  'received',
  'carriedIn',
  ...OUTCOME_ROWS_2021,
  'handledTotal',
  'carriedOut',
];

/** What is wrong with a request record, in Chinese; empty when it can be counted. */
function requestDefects(r: RequestRecord): string[] {
  const defects: string[] = [];
  const receivedOk = isIsoDate(r.receivedOn);
  const handledOk = r.handledOn === null || isIsoDate(r.handledOn);
  if (!receivedOk) defects.push(`收到申请日期“${String(r.receivedOn)}”无效`);
  if (!handledOk) defects.push(`办结日期“${String(r.handledOn)}”无效`);
  if (receivedOk && r.handledOn !== null && handledOk && r.handledOn < r.receivedOn) {
    defects.push(`办结日期${r.handledOn}早于收到申请日期${r.receivedOn}`);
  }
  if (r.handledOn !== null && r.outcome === null) {
    defects.push(handledOk ? `已于${r.handledOn}办结，但没有登记办理结果` : '已办结，但没有登记办理结果');
  }
  if (r.outcome !== null && !OUTCOMES.has(r.outcome)) {
    defects.push(`办理结果“${String(r.outcome)}”不是报告表格中的办理结果`);
  }
  if (!REQUESTER_KINDS.has(r.requesterKind)) defects.push(`申请人类型“${String(r.requesterKind)}”无效`);
  return defects;
}

/** What is wrong with a review case record, in Chinese; empty when it can be counted. */
function caseDefects(c: ReviewCase): string[] {
  const defects: string[] = [];
  const filedOk = isIsoDate(c.filedOn);
  const decidedOk = c.decidedOn === null || isIsoDate(c.decidedOn);
  if (!CASE_KINDS.has(c.kind)) defects.push(`案件类型“${String(c.kind)}”无效`);
  if (!filedOk) defects.push(`提起日期“${String(c.filedOn)}”无效`);
  if (!decidedOk) defects.push(`审结日期“${String(c.decidedOn)}”无效`);
  if (filedOk && c.decidedOn !== null && decidedOk && c.decidedOn < c.filedOn) {
    defects.push(`审结日期${c.decidedOn}早于提起日期${c.filedOn}`);
  }
  if (c.result !== null && !CASE_RESULTS.has(c.result)) defects.push(`审结结果“${String(c.result)}”无效`);
  if (c.decidedOn !== null && c.result === null) {
    defects.push(decidedOk ? `已于${c.decidedOn}审结，但没有登记结果` : '已审结，但没有登记结果');
  }
  if (c.decidedOn === null && c.result !== null) defects.push('已登记审结结果，但没有审结日期');
  return defects;
}

function zeroRow(): Record<Section3Column, number> {
  return Object.fromEntries(SECTION3_COLUMNS.map((c) => [c, 0])) as Record<Section3Column, number>;
}

function zeroGroup(): Record<Section4Column, number> {
  return Object.fromEntries(SECTION4_COLUMNS.map((c) => [c, 0])) as Record<Section4Column, number>;
}

/**
 * Sections 三 and 四 of `year`'s report (2021 format) from the agency's request records and
 * review cases. Pass every record that may reach the year — in particular the requests of
 * earlier years still open on 1 January — records of other years are simply not counted.
 *
 * Records that cannot be counted (a malformed date, handled before received, handled without
 * an outcome, an unknown requester kind or outcome; for cases the same, or a result without a
 * decision date or the reverse; a repeated id) are left out of every year's counts, so the
 * carry-over between years stays exact, and are listed in `problems` in the years whose tables
 * they could reach (a record wholly outside the year, e.g. received after 31 December, is not
 * listed there).
 */
export function computeRequestSections(
  year: number,
  requests: readonly RequestRecord[],
  cases: readonly ReviewCase[],
): RequestSections {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`report year must be a four-digit integer, got ${year}`);
  }
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const section3 = Object.fromEntries(SECTION3_ROWS_2021.map((row) => [row, zeroRow()])) as ComputedSection3;
  const section4 = Object.fromEntries(SECTION4_GROUPS.map((g) => [g, zeroGroup()])) as ComputedSection4;
  const problems: string[] = [];

  const count = (row: Section3RowKey2021, kind: RequesterKind) => {
    section3[row][kind] += 1;
    section3[row].total += 1;
  };

  const seenRequests = new Set<string>();
  for (const r of requests) {
    const defects = requestDefects(r);
    if (seenRequests.has(r.id)) defects.push('编号与前面的记录重复（只计第一条）');
    seenRequests.add(r.id);
    if (defects.length > 0) {
      // Listed only where it could have reached this year's table: not when it was received
      // after the year, nor when both its dates lie before the year.
      const outside =
        (isIsoDate(r.receivedOn) && r.receivedOn > end) ||
        (isIsoDate(r.receivedOn) && r.receivedOn < start && r.handledOn !== null && isIsoDate(r.handledOn) && r.handledOn < start);
      if (!outside) problems.push(`依申请公开记录“${r.id}”：${defects.join('；')}。该记录未计入统计。`);
      continue;
    }
    if (r.receivedOn > end) continue;
    const openOnStart = r.handledOn === null || r.handledOn >= start;
    if (!openOnStart) continue;
    count(r.receivedOn >= start ? 'received' : 'carriedIn', r.requesterKind);
    if (r.handledOn !== null && r.handledOn <= end) {
      count(r.outcome!, r.requesterKind);
      count('handledTotal', r.requesterKind);
    } else {
      count('carriedOut', r.requesterKind);
    }
  }

  // Section 四 counts the cases filed within the year, each in the column of its result as of
  // 31 December (decided later, or not yet: 尚未审结). The format has no carry-over row for
  // cases, so a case pending at the end of one year cannot be handed on to the next report; had
  // the table counted "decided this year or pending at its end", a case open across New Year
  // would appear in two reports and every multi-year or roll-up sum would count it twice.
  // Counting by filing year puts each case in exactly one report, the one of the year it
  // arose, and a published report never changes afterwards. The cost: the final result of a
  // case pending on 31 December appears in no table (the narrative of the next report, 六, is
  // the place to state it).
  const seenCases = new Set<string>();
  for (const c of cases) {
    const defects = caseDefects(c);
    if (seenCases.has(c.id)) defects.push('编号与前面的记录重复（只计第一条）');
    seenCases.add(c.id);
    if (defects.length > 0) {
      const outside = isIsoDate(c.filedOn) && (c.filedOn < start || c.filedOn > end);
      if (!outside) problems.push(`复议诉讼案件“${c.id}”：${defects.join('；')}。该记录未计入统计。`);
      continue;
    }
    if (c.filedOn < start || c.filedOn > end) continue;
    const column: Section4Column =
      c.result !== null && c.decidedOn !== null && c.decidedOn <= end ? c.result : 'pending';
    section4[c.kind][column] += 1;
    section4[c.kind].total += 1;
  }

  return { section3, section4, problems };
}

/**
 * `year`'s report (2021 format) with sections 三 and 四 computed from the records.
 *
 * Everything this function does not compute is left blank (null), as blankReport makes it —
 * section 二 (rules and documents, licensing, penalty, enforcement, fees) and the narrative —
 * not filled with zeros as emptyReport would: a 0 there would be a figure nobody counted, and
 * the checks could not tell it from a real one. Blank, the cells raise cells.blank (hard), so
 * the report cannot be published until staff enter section 二. The problems found in the
 * records are not part of the report: call computeRequestSections to show them.
 */
export function requestSectionsAsReport(
  agency: string,
  year: number,
  requests: readonly RequestRecord[],
  cases: readonly ReviewCase[],
): Report2021 {
  const { section3, section4 } = computeRequestSections(year, requests, cases);
  const report = blankReport('2021', agency, year) as Report2021;
  return { ...report, section3, section4 };
}
