/**
 * Generated disclosure requests for bench/requests.bench.ts: agencies, requests over three years
 * and the review cases that follow some of them, drawn from a seeded source so that every run
 * (and both databases in one run) holds exactly the same rows.
 *
 * Proportions are those of published annual reports: 自然人 file about 70% of requests; 85% are
 * handled within 0–40 calendar days, most of the rest within 100 (clarification, extension), and
 * about 1% stay open long past their due date; outcomes lean to 予以公开, 部分公开 and 本机关不掌握.
 * A few agencies (自然资源, 住建, 公安) receive most requests: agency weights follow a Zipf curve.
 *
 * Rows are built as table rows, not through the services: the benchmark measures queries over
 * the table, and a million timelines through the state machine would take longer than the queries.
 * They keep the invariants the report query relies on (outcome set exactly when handled; handled
 * on or after receipt; unconfirmed online requests in state `submitted` with no due date).
 */
import type { Insertable } from 'kysely';
import type { AgencyTable, RequestTable, ReviewCaseTable } from '../src/db/schema.js';
import { OUTCOME_ROWS_2021, type OutcomeKey2021, type RequesterColumn } from '../src/domain/report/format.js';
import type { Channel, RequestState } from '../src/domain/requests/types.js';
import { chance, pick, randomInt, type Random } from './lib.js';

/** "Today" of the generated data and of the queries: fixed, so every run measures the same rows. */
export const TODAY = '2026-03-02';
/** The report year measured: the last full year of the data. */
export const REPORT_YEAR = 2025;
/** Requests are received over the 3 years (1,096 days) before TODAY. */
const WINDOW_DAYS = 1096;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const TODAY_DAY = dayOf(TODAY);
const ISO_BY_DAY = new Map<number, string>();
/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), cached: a million rows need few dates. */
export function isoOfDay(day: number): string {
  let iso = ISO_BY_DAY.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    ISO_BY_DAY.set(day, iso);
  }
  return iso;
}
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayOf(iso) + days);
}

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

const DEPARTMENTS = [
  '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安分局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水务局',
  '农业农村局', '商务局', '文化和旅游局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '城市管理综合执法局', '林业和草原局', '信访局', '税务局',
  '人民防空办公室', '政务服务管理局', '机关事务管理局', '乡村振兴局', '国有资产监督管理局', '体育局',
];
const PLACE_FIRST = ['青', '云', '龙', '凤', '石', '金', '玉', '白', '清', '长', '新', '和', '东', '西', '南', '北', '安', '永'];
const PLACE_SECOND = ['山', '河', '溪', '岭', '桥', '湖', '坪', '阳', '川', '林', '泉', '源', '田', '塘', '宁', '丰', '平'];

/** 300 agencies of one district: the government, its office, departments, then towns and streets. */
export function generateAgencies(count: number, at: string): Array<Insertable<AgencyTable> & { id: number }> {
  const agencies: Array<Insertable<AgencyTable> & { id: number }> = [];
  const add = (name: string, kind: AgencyTable['kind'], parent: number | null) =>
    agencies.push({
      id: agencies.length + 1, parent_id: parent, name: `云岭市青川区${name}`, short_name: name, kind, credit_code: null,
      index_code: null, sort_order: agencies.length, created_at: at, updated_at: at,
    });
  add('人民政府', 'government', null);
  add('人民政府办公室', 'office', 1);
  for (const d of DEPARTMENTS) if (agencies.length < count) add(d, 'department', 1);
  for (let k = 0; agencies.length < count; k++) {
    const place = `${PLACE_FIRST[k % PLACE_FIRST.length]}${PLACE_SECOND[Math.floor(k / PLACE_FIRST.length) % PLACE_SECOND.length]}`;
    add(`${place}${k % 3 === 0 ? '街道办事处' : '镇人民政府'}`, 'township', 1);
  }
  return agencies;
}

/**
 * Draws agency ids with Zipf weights (exponent 0.7) assigned to agencies in random order: the
 * busiest agency gets about 6% of all requests, the median one about 0.2%.
 */
export class AgencyPicker {
  private readonly cumulative: number[] = [];
  readonly busiest: number;
  constructor(random: Random, count: number) {
    const ranks = Array.from({ length: count }, (_, i) => i + 1);
    for (let i = ranks.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
    }
    let sum = 0;
    for (const rank of ranks) this.cumulative.push((sum += 1 / rank ** 0.7));
    for (let i = 0; i < count; i++) this.cumulative[i]! /= sum;
    this.busiest = ranks.indexOf(1) + 1;
  }
  pick(random: Random): number {
    const r = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (random: Random) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return (random) => {
    let r = random() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1]![0];
  };
}

const requesterKind = weighted<RequesterColumn>([
  ['naturalPerson', 70], ['enterprise', 15], ['legalService', 7], ['otherOrg', 4], ['research', 2], ['nonprofit', 2],
]);
const channel = weighted<Channel>([
  ['online', 55], ['postSigned', 20], ['inPerson', 15], ['email', 5], ['postOrdinary', 3], ['fax', 1], ['oral', 1],
]);
const outcome = weighted<OutcomeKey2021>([
  ['granted', 40], ['partial', 10], ['unavailable.notHeld', 25], ['unavailable.needsCreation', 4], ['unavailable.stillUnclear', 2],
  ...OUTCOME_ROWS_2021.filter((o) => o.startsWith('withheld.')).map((o) => [o, 0.75] as const),
  ...OUTCOME_ROWS_2021.filter((o) => o.startsWith('notProcessed.')).map((o) => [o, 1.6] as const),
  ['other.noClarification', 2], ['other.feeUnpaid', 0.5], ['other.other', 2.5],
]);
const openState = weighted<RequestState>([
  ['registered', 70], ['decided', 13], ['awaitingClarification', 10], ['consulting', 5], ['awaitingPayment', 2],
]);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宇鹏飞晨浩然欣怡子涵梓轩';
const COMPANY = ['建设工程', '房地产开发', '商贸', '物流', '环保科技', '农业发展', '餐饮管理', '医药', '机械制造', '信息技术'];
const LAW_FIRMS = ['正和', '天平', '明诚', '信达', '君安', '德衡'];
const SUBJECTS = [
  '集体土地征收补偿安置方案', '国有土地上房屋征收决定及补偿方案', '建设工程规划许可证及附图', '建设项目环境影响评价报告书及批复',
  '年度财政预算执行情况', '行政处罚决定书', '道路改造工程招标文件及中标结果', '城乡居民最低生活保障审批名单',
  '义务教育阶段学校招生划片范围', '农村危房改造补助资金发放明细', '违法建设拆除决定书', '安置房分配方案及分配结果',
  '河道整治工程竣工验收报告', '食品安全监督抽检结果', '企业职工工伤认定决定书', '国有建设用地使用权出让合同',
];
const PLACES = ['青山街道白塘村', '龙溪镇金桥社区', '凤阳镇石坪村', '玉泉街道和平社区', '长林镇新田村', '东湖片区', '西岭工业园区'];

function personName(random: Random): string {
  return pick(random, [...SURNAMES]) + pick(random, [...GIVEN]) + (chance(random, 0.6) ? pick(random, [...GIVEN]) : '');
}
function digits(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
  return s;
}
const HEX = '0123456789abcdef';
function hex64(random: Random): string {
  let s = '';
  for (let i = 0; i < 8; i++) {
    let word = Math.floor(random() * 2 ** 32);
    for (let j = 0; j < 8; j++, word >>>= 4) s += HEX[word & 15];
  }
  return s;
}

export type RequestRow = Insertable<RequestTable> & { id: number };
export type ReviewCaseRow = Insertable<ReviewCaseTable> & { id: number };

/** What the generator put in the table, to check the report query's figures against. */
export interface GeneratedTally {
  requests: number;
  /** Requests received in REPORT_YEAR (section 三 一、 of all agencies together). */
  receivedInYear: number;
  /** Requests handled in REPORT_YEAR (三 四、 办理结果 总计). */
  handledInYear: number;
  /** Open requests (handled_on null, not `submitted`) due from TODAY to TODAY + 7. */
  dueThisWeek: number;
  reviewCases: number;
}

/**
 * Request `n` (1-based) of `total`: its id and the serial of its tracking number. Requests are
 * made in the order they arrive, as the table fills in use: receipt dates rise evenly with n over
 * the window, so ids and tracking numbers follow receipt as they do in a real table.
 */
export function generateRequest(random: Random, n: number, total: number, agencies: AgencyPicker): RequestRow {
  const receivedDay = TODAY_DAY - WINDOW_DAYS + Math.floor(((n - 1) * WINDOW_DAYS) / total);
  const received_on = isoOfDay(receivedDay);
  const kind = requesterKind(random);
  const person = kind === 'naturalPerson';
  const name = person
    ? personName(random)
    : kind === 'legalService'
      ? `云南${pick(random, LAW_FIRMS)}律师事务所`
      : `云岭市${pick(random, COMPANY)}${kind === 'enterprise' ? '有限公司' : '协会'}`;
  const idNumber = person ? `5303${digits(random, 13)}${chance(random, 0.1) ? 'X' : digits(random, 1)}` : null;
  const creditCode = person ? null : `91530300${digits(random, 9)}${HEX[Math.floor(random() * 10)]!.toUpperCase()}`;
  const phone = `1${pick(random, ['3', '5', '8', '9'])}${digits(random, 9)}`;
  const ch = channel(random);

  // 85% handled within 0–40 days, 14% within 41–100 (clarified or extended), 1% left open.
  const r = random();
  const delay = r < 0.85 ? randomInt(random, 0, 40) : r < 0.99 ? randomInt(random, 41, 100) : null;
  const extended = delay !== null && delay > 28;
  const handledDay = delay === null ? null : receivedDay + delay;
  const handled = handledDay !== null && handledDay <= TODAY_DAY;
  // About 20 working days to reply (第三十三条), 20 more when extended.
  let due_date: string | null = isoOfDay(receivedDay + (extended || delay === null ? 56 : 28));
  let state: RequestState | 'submitted';
  let out: OutcomeKey2021 | null = null;
  if (handled) {
    out = outcome(random);
    state = out.startsWith('other.') || handledDay < TODAY_DAY - 90 ? 'closed' : 'replied';
  } else if (ch === 'online' && receivedDay >= TODAY_DAY - 3 && chance(random, 0.2)) {
    state = 'submitted';
    due_date = null;
  } else {
    state = openState(random);
    if (state === 'awaitingClarification') due_date = null; // a pending clarification stops the clock
  }
  const handled_on = handled ? isoOfDay(handledDay) : null;
  const due_flag = handled || due_date === null ? null : due_date < TODAY ? 'overdue' : due_date <= addDays(TODAY, 5) ? 'dueSoon' : null;
  const at = `${received_on}T0${randomInt(random, 1, 9)}:${randomInt(random, 10, 59)}:00.000Z`;
  return {
    id: n,
    agency_id: agencies.pick(random),
    tracking_number: `${received_on.replace(/-/g, '')}-${String(n).padStart(7, '0')}`,
    query_code_hash: hex64(random),
    requester_kind: kind,
    requester_name: name,
    requester_id_type: person ? 'idCard' : null,
    requester_id_number: idNumber,
    requester_credit_code: creditCode,
    requester_phone: phone,
    requester_email: chance(random, 0.3) ? `u${digits(random, 8)}@example.cn` : null,
    requester_address: chance(random, 0.4) ? `云岭市青川区${pick(random, PLACES)}${randomInt(random, 1, 300)}号` : null,
    requester_key: person ? `id:${idNumber}` : `org:${creditCode}`,
    description: `申请公开${pick(random, PLACES)}${2020 + randomInt(random, 0, 5)}年${pick(random, SUBJECTS)}${chance(random, 0.5) ? `，包括${pick(random, SUBJECTS)}` : ''}`,
    preferred_form: chance(random, 0.6) ? 'electronic' : 'paper',
    delivery_way: pick(random, ['post', 'pickup', 'email', 'online']),
    channel: ch,
    received_on,
    state,
    outcome: out,
    handled_on,
    due_date,
    due_flag,
    handler_user_id: null,
    public_log: chance(random, 0.3) ? 1 : 0,
    created_at: at,
    updated_at: handled_on ? `${handled_on}T08:00:00.000Z` : at,
  };
}

/** A reconsideration or lawsuit after a refusal: filed 10–60 days after the reply. */
export function reviewCaseFor(random: Random, id: number, request: RequestRow): ReviewCaseRow | null {
  if (!request.handled_on || request.outcome === 'granted') return null;
  const filed_on = addDays(request.handled_on, randomInt(random, 10, 60));
  if (filed_on > TODAY) return null;
  const r = random();
  const kind = r < 0.7 ? 'reconsideration' : r < 0.9 ? 'litigationDirect' : 'litigationAfterReconsideration';
  const decided = addDays(filed_on, randomInt(random, 30, kind === 'reconsideration' ? 90 : 240));
  const result = decided > TODAY ? null : pick(random, ['upheld', 'upheld', 'upheld', 'upheld', 'corrected', 'otherResult'] as const);
  const at = `${filed_on}T03:00:00.000Z`;
  return {
    id, agency_id: request.agency_id, request_id: request.id, kind, case_number: `青川复〔${filed_on.slice(0, 4)}〕${id}号`,
    filed_on, result, decided_on: result ? decided : null, note: null, created_at: at, updated_at: at,
  };
}

/** Chance that a refused request leads to a case: about 5,000 cases over 1,000,000 requests. */
export const CASE_RATE = 0.0085;

/** Adds a request to the tally of what the report and the due list should find. */
export function tally(t: GeneratedTally, row: RequestRow): void {
  t.requests++;
  const year = String(REPORT_YEAR);
  if (row.state === 'submitted') return;
  if (row.received_on.startsWith(year)) t.receivedInYear++;
  if (row.handled_on?.startsWith(year)) t.handledInYear++;
  if (row.handled_on === null && row.due_date && row.due_date >= TODAY && row.due_date <= addDays(TODAY, 7)) t.dueThisWeek++;
}
