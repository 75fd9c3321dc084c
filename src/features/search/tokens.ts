/**
 * The tokens of Chinese full-text search. Chinese has no spaces between words, and neither
 * SQLite's FTS5 tokenizers nor PostgreSQL's 'simple' parser segments it: both would keep a whole
 * run of Chinese characters as one token. So the text is segmented here, with jieba, and stored
 * as space-separated tokens that both databases take as they are.
 *
 * A token is one run of letters and digits (Unicode L*, N* and Co — exactly what FTS5's
 * unicode61 tokenizer keeps together, and what PostgreSQL's parser keeps as one word), NFKC-
 * normalised (full-width digits and letters become ASCII) and lower-cased. Everything else
 * (punctuation, brackets, spaces) separates tokens. A token therefore never needs escaping in
 * an FTS5 MATCH string or a tsquery: it holds no quote, operator or space.
 *
 * Document numbers (文号) and index numbers (索引号) are indexed twice: segmented like any text, and
 * as one whole token (their "key"), so that a search for the full number finds exactly that item.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { parseDocumentNumber } from '../../domain/publication/document-number.js';
import { INFO_KIND_KEYS, INFO_KINDS, type InfoKind } from '../../domain/publication/vocabulary.js';

/** One token: a run of letters, digits and private-use characters (FTS5 unicode61's token characters). */
const TOKEN_RUN = /[\p{L}\p{N}\p{Co}]+/gu;

/** The longest query the search reads; the rest is ignored (a query is words, not a document). */
export const MAX_QUERY_LENGTH = 100;
/** Query terms kept after segmentation: more would only slow the index down. */
export const MAX_QUERY_TERMS = 24;
/**
 * Body text indexed per item. PostgreSQL's tsvector holds at most 1 MB and positions up to
 * 16,383; 60,000 characters (a long plan or report) stay far inside both. The rest is not
 * searchable, and a document that long is found by its title and first pages anyway.
 */
export const MAX_INDEXED_BODY = 60_000;

let jieba: Jieba | null = null;
let loadMs: number | null = null;

/**
 * The segmenter with jieba's default dictionary, loaded on first use and kept for the process:
 * reading and building the 5 MB dictionary takes about 0.2 s (measured: ~65 ms to read, ~150 ms
 * to build), far too slow to repeat per call.
 */
export function segmenter(): Jieba {
  if (jieba) return jieba;
  const started = performance.now();
  // The dictionary module reads dict.txt when it is loaded: required here, not imported at the
  // top, so that importing this file (every command, every test) does not pay for it.
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  jieba = Jieba.withDict(dict);
  loadMs = performance.now() - started;
  return jieba;
}

/** How long loading the dictionary took in this process (ms), or null before the first use. */
export function segmenterLoadMs(): number | null {
  return loadMs;
}

/** The form tokens are compared in: NFKC (full-width → half-width) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Single-character function words that jieba leaves standing alone (的, 和, 与 …). Nearly every
 * item has them, so they only make the index bigger and an AND query slower; they are left out
 * of the index and of queries alike. Words that contain them (目的, 和平) are not affected.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(['的', '了', '和', '与', '及', '或', '之', '其', '于', '而', '并', '等', '对', '在', '是', '为', '将', '把', '被', '以']);

/** A word that is one token as it is (most of jieba's words), and a word with no token character (punctuation, spaces). */
const WHOLE_TOKEN = /^[\p{L}\p{N}\p{Co}]+$/u;
const HAS_TOKEN = /[\p{L}\p{N}\p{Co}]/u;

/** The runs of token characters in already normalised text, without stop words. */
function runsOf(text: string, into: string[]): void {
  if (WHOLE_TOKEN.test(text)) {
    if (!STOP_WORDS.has(text)) into.push(text);
    return;
  }
  if (!HAS_TOKEN.test(text)) return;
  for (const m of text.matchAll(TOKEN_RUN)) if (!STOP_WORDS.has(m[0])) into.push(m[0]);
}

/**
 * Tokens for the index: jieba's search mode, which adds the shorter words inside a long one
 * (规范性 → 规范, 范性, 规范性), so that a query for a part of a compound word still finds it.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  if (!text) return tokens;
  for (const word of segmenter().cutForSearch(normalizeText(text), true)) runsOf(word, tokens);
  return tokens;
}

/**
 * The whole-token key of a document number or index number: the canonical document number
 * (〔〕 brackets, no leading zero in the serial) when it is one, then only its token characters,
 * lower-cased. 沾政办发[2022]012号 and 沾政办发〔2022〕12号 have the same key, 沾政办发202212号;
 * 11530303MB1234567X/2022-00015 has 11530303mb1234567x202200015. Null when nothing is left.
 */
export function numberKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const parsed = parseDocumentNumber(value.trim());
  const text = normalizeText(parsed ? `${parsed.issuer}${parsed.year}${parsed.serial}号` : value);
  const key = (text.match(TOKEN_RUN) ?? []).join('');
  return key === '' ? null : key;
}

/** What one item contributes to the index. */
export interface IndexedText {
  title: string;
  documentNumber: string | null;
  indexNumber: string | null;
  /** The info kind's label (行政规范性文件…): a search for the kind finds its items first. */
  infoKindLabel: string;
  issuingAgency: string;
  /** The body as plain text. */
  bodyText: string;
}

export interface IndexTokens {
  /** The title and the numbers (segmented and whole): ranked ten times the body. */
  titleTokens: string;
  /** titleTokens followed by the issuing agency and the body: everything searchable. */
  tokens: string;
  /** The info kind's label: searched, and ranked first, only when the query names the kind. */
  kindTokens: string;
}

/** Short texts repeated across items (agency names, kind labels): segmented once. */
const shortTextCache = new Map<string, string[]>();

function cachedTokens(text: string): string[] {
  let tokens = shortTextCache.get(text);
  if (!tokens) {
    tokens = indexTokens(text);
    if (shortTextCache.size >= 5000) shortTextCache.clear();
    shortTextCache.set(text, tokens);
  }
  return tokens;
}

/** The space-joined tokens of an item for the three indexed columns. */
export function itemTokens(text: IndexedText): IndexTokens {
  const title = [...indexTokens(text.title), ...numberTokens(text.documentNumber), ...numberTokens(text.indexNumber)];
  const titleTokens = title.join(' ');
  const rest = [...cachedTokens(text.issuingAgency), ...indexTokens(text.bodyText.slice(0, MAX_INDEXED_BODY))].join(' ');
  return { titleTokens, tokens: rest ? `${titleTokens} ${rest}` : titleTokens, kindTokens: cachedTokens(text.infoKindLabel).map((t) => KIND_PREFIX + t).join(' ') };
}

/**
 * The info kind's label tokens carry a prefix (kd规范性), so that they never match the same word
 * of a title or body: only a query that names the kind asks for them.
 */
export const KIND_PREFIX = 'kd';

/** A number's segmented tokens and, when it is more than one token, its whole key too. */
function numberTokens(value: string | null): string[] {
  if (!value) return [];
  const tokens = indexTokens(value);
  const key = numberKey(value);
  if (key && !(tokens.length === 1 && tokens[0] === key)) tokens.push(key);
  return tokens;
}

// ---- queries ------------------------------------------------------------------------------

export interface ParsedQuery {
  /** The query as read: trimmed, at most MAX_QUERY_LENGTH characters. */
  text: string;
  /** Distinct tokens of the query, in order (jieba's exact mode: the words as written). */
  terms: string[];
  /**
   * The query as one key (numberKey): compared with the items' document numbers, index numbers
   * and titles for the exact-match boost; also searched as a whole token when it holds a digit
   * (a document or index number typed in full).
   */
  key: string | null;
  /** True when `key` is searched as a whole token besides the terms. */
  wholeKey: boolean;
  /** The info kind the query names (规范性文件 → normative), whose items rank first; see kindOfQuery. */
  kind: InfoKind | null;
}

/**
 * The info kind a query names: the one kind whose label contains the whole query (规范性文件 and
 * 行政规范性文件 → normative, 政策解读 or 解读 → interpretation, 规章 → rule). Someone who types
 * the name of a kind looks for items of that kind, not for news that mention it. A query of one
 * character, or one that several labels contain (文件, 信息), names none.
 */
export function kindOfQuery(text: string): InfoKind | null {
  const q = (normalizeText(text).match(TOKEN_RUN) ?? []).join('');
  if ([...q].length < 2) return null;
  const kinds = INFO_KIND_KEYS.filter((k) => INFO_KINDS[k].includes(q));
  return kinds.length === 1 ? kinds[0]! : null;
}

/**
 * Reads a query: capped, segmented with jieba's exact mode (规范性文件 → 规范性, 文件 — each of
 * them is among the search-mode tokens of the indexed text), reduced to distinct tokens.
 * Operators and quotes typed by the user are not operators here: only token characters survive.
 */
export function parseQuery(raw: string | null | undefined): ParsedQuery {
  const text = [...(raw ?? '').trim()].slice(0, MAX_QUERY_LENGTH).join('').trim();
  const terms: string[] = [];
  if (text) {
    const seen = new Set<string>();
    const runs: string[] = [];
    for (const word of segmenter().cut(normalizeText(text), true)) runsOf(word, runs);
    for (const run of runs) {
      if (seen.has(run)) continue;
      seen.add(run);
      terms.push(run);
      if (terms.length === MAX_QUERY_TERMS) break;
    }
  }
  const key = terms.length ? numberKey(text) : null;
  const wholeKey = key !== null && /\d/.test(key) && !(terms.length === 1 && terms[0] === key);
  return { text, terms, key, wholeKey, kind: terms.length ? kindOfQuery(text) : null };
}

/** How the terms of a query combine: all of them (first try), or any (when all finds nothing). */
export type TermMode = 'and' | 'or';

/** The filters of a search, as the index holds them (facets). */
export interface FacetValues {
  agencyId?: number;
  year?: number;
  infoKind?: string;
  validity?: string;
}

/**
 * Facet tokens: each filter value of an item as one token of a column of its own (ag12, yr2024,
 * iknormative, vavalid), so that a filtered search is one full-text query (an intersection of
 * the index's lists) instead of a look-up of every match's row. Only the filters a query sets.
 */
export function facetTokens(values: FacetValues): string[] {
  const tokens: string[] = [];
  if (values.agencyId !== undefined) tokens.push(`ag${values.agencyId}`);
  if (values.year !== undefined) tokens.push(`yr${values.year}`);
  if (values.infoKind !== undefined) tokens.push(`ik${values.infoKind.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
  if (values.validity !== undefined) tokens.push(`va${values.validity.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
  return tokens;
}

/** Items per recency block: every item's facets hold the block of its id (bk0 = ids 0–9,999…). */
export const RECENCY_BLOCK = 10_000;

/** The recency block token of an item: lets PostgreSQL find the newest matches with its GIN index alone. */
export function blockToken(itemId: number): string {
  return `bk${Math.floor(itemId / RECENCY_BLOCK)}`;
}

/**
 * The FTS5 MATCH expression of a query: every term as a quoted string (or the kind-label token
 * as well, when the query names the kind), ANDed or ORed, and the whole key as an alternative,
 * in the title, body and kind columns; then the filters' facet tokens, ANDed, in the facets
 * column. Terms hold only token characters, so quoting cannot be escaped from; FTS5's own syntax
 * (NEAR, *, ^) is never produced from the input.
 */
export function ftsMatchExpression(query: ParsedQuery, mode: TermMode, facets: readonly string[] = []): string {
  const quote = (t: string) => `"${t.replace(/"/g, '')}"`;
  const term = (t: string) => (query.kind ? `(${quote(t)} OR ${quote(KIND_PREFIX + t)})` : quote(t));
  let expression = query.terms.map(term).join(mode === 'and' ? ' AND ' : ' OR ');
  if (query.wholeKey && query.key) expression = `(${expression}) OR ${quote(query.key)}`;
  expression = `{title_tokens tokens${query.kind ? ' kind_tokens' : ''}} : (${expression})`;
  if (facets.length === 0) return expression;
  return `{facets} : (${facets.map(quote).join(' AND ')}) AND ${expression}`;
}

/**
 * The tsquery text of a query for PostgreSQL, cast with ::tsquery (not to_tsquery, which would
 * parse the terms again): every term as a quoted lexeme (or the kind-label lexeme as well, when
 * the query names the kind), & or |, the whole key with |, then the facet tokens, ANDed. No
 * weight restrictions: the GIN index answers such a query without reading a row.
 */
export function tsQueryText(query: ParsedQuery, mode: TermMode, facets: readonly string[] = []): string {
  const lexeme = (t: string) => `'${t.replace(/['\\]/g, '')}'`;
  const term = (t: string) => (query.kind ? `(${lexeme(t)} | ${lexeme(KIND_PREFIX + t)})` : lexeme(t));
  let terms = query.terms.map(term).join(mode === 'and' ? ' & ' : ' | ');
  if (query.wholeKey && query.key) terms = `(${terms}) | ${lexeme(query.key)}`;
  if (facets.length === 0) return terms;
  return `(${terms}) & ${facets.map(lexeme).join(' & ')}`;
}
