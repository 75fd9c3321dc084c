/**
 * Similar request texts. Two uses in the law:
 * - 第三十五条 and report rows 三（五）2 重复申请 / 三（五）4 无正当理由大量反复申请: a requester
 *   asking again for what they asked before. findRepeats shows the clerk the earlier requests
 *   of the same requester that look the same; the clerk decides, the code never does.
 * - 第四十四条: information asked for by several requesters should be considered for proactive
 *   publication. popularTopics groups similar requests from different requesters.
 *
 * Chinese has no spaces between words, so texts are compared on character bigrams (Sørensen–Dice
 * over bigram counts), after normalizeRequestText has removed punctuation and the formulas every
 * request repeats (申请公开, 请提供, 关于, 的, 相关信息…). Numbers name the information itself
 * — the budget of 2023 is not the budget of 2022, 12号 is not 14号 — yet they are one or two
 * bigrams of a long text. So when both texts contain numbers, the bigram score is scaled by
 * (1 + Dice of their sets of numbers) / 2: texts citing different numbers never reach 0.5, below
 * both default thresholds, while a reworded request for the same thing keeps its score.
 */
import type { IsoDate, Outcome } from './types.js';

// Formulas of request letters, longest first so that the longest one matching at a position is
// removed (a single pass: removing a formula never creates another one out of its neighbours).
const BOILERPLATE = [
  '政府信息公开申请表',
  '政府信息公开申请',
  '信息公开申请',
  '公开申请',
  '依申请公开',
  '政府信息公开',
  '申请公开',
  '请求公开',
  '要求公开',
  '请予公开',
  '予以公开',
  '请公开',
  '申请提供',
  '要求提供',
  '请求提供',
  '请提供',
  '申请获取',
  '申请查阅',
  '相关政府信息',
  '有关政府信息',
  '政府信息',
  '相关信息',
  '有关信息',
  '相关文件',
  '相关资料',
  '的信息',
  '关于',
  '有关',
  '相关',
  '本人',
  '贵单位',
  '贵机关',
  '贵局',
  '谢谢',
  '的',
].sort((a, b) => b.length - a.length);
const BOILERPLATE_RE = new RegExp(BOILERPLATE.join('|'), 'g');

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
// A year written in Chinese digits, 二〇二三年, is the same year as 2023年.
const CHINESE_YEAR_RE = /([〇零一二三四五六七八九]{4})年/g;

/**
 * The part of a request text that says what is asked for: full-width letters, digits and
 * spaces unified with their ASCII forms (NFKC), letters lower-cased, Chinese-digit years as
 * Arabic digits, every punctuation mark, symbol and space removed, and the formulas of request
 * letters dropped (申请公开, 请提供, 关于, 的, 相关信息, 政府信息…).
 */
export function normalizeRequestText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(CHINESE_YEAR_RE, (_, digits: string) => `${[...digits].map((d) => CHINESE_DIGITS[d]).join('')}年`)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(BOILERPLATE_RE, '');
}

/** A normalized text's bigram counts and the numbers it cites. */
interface Profile {
  normalized: string;
  grams: Map<string, number>;
  size: number;
  numbers: Set<string>;
}

function profile(text: string): Profile {
  const normalized = normalizeRequestText(text);
  const chars = [...normalized];
  const grams = new Map<string, number>();
  const add = (gram: string) => grams.set(gram, (grams.get(gram) ?? 0) + 1);
  // A one-character text is its own gram, so that it can still match itself.
  if (chars.length === 1) add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
  // 05 and 5 are the same number (2023年05月, 2023年5月).
  const numbers = new Set((normalized.match(/\d+/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, '')));
  return { normalized, grams, size: chars.length === 1 ? 1 : Math.max(chars.length - 1, 0), numbers };
}

function dice(common: number, a: number, b: number): number {
  return (2 * common) / (a + b);
}

/** The bigram score of two profiles sharing `common` bigrams, scaled when their numbers differ. */
function scoreOf(common: number, a: Profile, b: Profile): number {
  const text = dice(common, a.size, b.size);
  if (a.numbers.size === 0 || b.numbers.size === 0) return text;
  let shared = 0;
  for (const n of a.numbers) if (b.numbers.has(n)) shared += 1;
  return (text * (1 + dice(shared, a.numbers.size, b.numbers.size))) / 2;
}

function profileSimilarity(a: Profile, b: Profile): number {
  if (a.normalized === b.normalized) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a];
  let common = 0;
  for (const [gram, n] of small.grams) common += Math.min(n, large.grams.get(gram) ?? 0);
  return scoreOf(common, a, b);
}

/**
 * How alike two request texts are, from 0 (nothing in common) to 1 (the same after
 * normalization): Dice coefficient of their character bigrams, scaled down when both cite
 * numbers and the numbers differ (see the module comment). Two texts that are nothing but
 * formulas (both normalize to '') count as the same.
 */
export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(profile(a), profile(b));
}

/** The request being registered or examined. */
export interface RepeatCandidate {
  /** Its own id when it is already stored, so that it is not matched with itself. */
  id?: string;
  /** Identifies the requester across requests (e.g. the requester's record id or ID number hash). */
  requesterKey: string;
  text: string;
  receivedOn: IsoDate;
}

/** An earlier request of the agency. */
export interface PreviousRequest {
  id: string;
  requesterKey: string;
  text: string;
  receivedOn: IsoDate;
  outcome?: Outcome | null;
}

/** An earlier request of the same requester that looks like the candidate. */
export interface RepeatMatch {
  id: string;
  receivedOn: IsoDate;
  text: string;
  /** The earlier request's outcome, where it has one: a repeat of an answered request is what 三（五）2 counts. */
  outcome: Outcome | null;
  similarity: number;
}

/**
 * Earlier requests of the same requester whose text is at least `threshold` similar to the
 * candidate's: possible 重复申请 (report row 三（五）2; 第三十五条 when they are many). Only
 * requests received on or before the candidate's day are earlier. Most similar first, then the
 * most recent, then by id.
 */
export function findRepeats(
  candidate: RepeatCandidate,
  previous: readonly PreviousRequest[],
  threshold = 0.8,
): RepeatMatch[] {
  const own = profile(candidate.text);
  const matches: RepeatMatch[] = [];
  for (const p of previous) {
    if (p.requesterKey !== candidate.requesterKey) continue;
    if (candidate.id !== undefined && p.id === candidate.id) continue;
    if (p.receivedOn > candidate.receivedOn) continue;
    const similarity = profileSimilarity(own, profile(p.text));
    if (similarity < threshold) continue;
    matches.push({ id: p.id, receivedOn: p.receivedOn, text: p.text, outcome: p.outcome ?? null, similarity });
  }
  return matches.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A request as popularTopics reads it. */
export interface TopicRequest {
  id: string;
  requesterKey: string;
  text: string;
}

/** Similar requests from several requesters: a candidate for proactive publication (第四十四条). */
export interface PopularTopic {
  /** The request most like the others of the topic (highest total similarity to them; first on a tie). */
  representative: TopicRequest;
  /** The topic's requests, in input order. */
  requestIds: string[];
  /** The distinct requesters, in order of first appearance. */
  requesterKeys: string[];
}

/**
 * Groups requests whose texts are at least `threshold` similar and keeps the groups asked for
 * by at least `minRequesters` distinct requesters (第四十四条). Requests are linked when any two
 * are that similar and a group is everything linked (single linkage): the result does not
 * depend on the input order, at the price that a chain of small rewordings can join requests
 * whose ends differ more than the threshold — acceptable for a suggestion a clerk reviews.
 * Requests whose text is nothing but formulas (normalizes to '') say nothing and are left out.
 * Most requesters first, then most requests, then input order. Pairs are found through a bigram
 * index, so the cost grows with the pairs that share bigrams, not with all pairs.
 */
export function popularTopics(
  requests: readonly TopicRequest[],
  threshold = 0.7,
  minRequesters = 3,
): PopularTopic[] {
  const profiles = requests.map((r) => profile(r.text));
  const parent = requests.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const n = requests.length;
  // Sum of each request's scores with the requests it is linked to: picks the representative.
  const linked = new Float64Array(n);
  // Only pairs sharing a bigram can score above 0, so each request is compared with the earlier
  // ones found through an index from bigram to (request, count) — not with all of them.
  const postings = new Map<string, number[]>();
  const common = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = profiles[i]!;
    for (const [gram, count] of a.grams) {
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      for (let k = 0; k < list.length; k += 2) {
        const j = list[k]!;
        if (common[j] === 0) touched.push(j);
        common[j] = common[j]! + Math.min(count, list[k + 1]!);
      }
      list.push(i, count);
    }
    for (const j of touched) {
      const s = scoreOf(common[j]!, profiles[j]!, a);
      common[j] = 0;
      if (s < threshold) continue;
      linked[i] = linked[i]! + s;
      linked[j] = linked[j]! + s;
      const [ri, rj] = [find(i), find(j)];
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
    touched.length = 0;
  }

  const groups = new Map<number, number[]>();
  requests.forEach((_, i) => {
    if (profiles[i]!.size === 0) return;
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  });

  const topics: Array<PopularTopic & { first: number }> = [];
  for (const members of groups.values()) {
    const requesterKeys = [...new Set(members.map((i) => requests[i]!.requesterKey))];
    if (requesterKeys.length < minRequesters) continue;
    // Highest total similarity to the members it is linked to (pairs below the threshold count
    // as 0: this only picks a representative); the first on a tie.
    let best = members[0]!;
    for (const i of members) if (linked[i]! > linked[best]!) best = i;
    topics.push({
      representative: { ...requests[best]! },
      requestIds: members.map((i) => requests[i]!.id),
      requesterKeys,
      first: members[0]!,
    });
  }
  return topics
    .sort(
      (a, b) =>
        b.requesterKeys.length - a.requesterKeys.length ||
        b.requestIds.length - a.requestIds.length ||
        a.first - b.first,
    )
    .map(({ first: _first, ...topic }) => topic);
}
