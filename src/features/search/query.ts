/**
 * Searching published items: the query segmented like the index, all its terms required (any of
 * them when all find nothing), with highlighted titles and snippets. The order:
 * 1. items whose document number, index number or title is exactly the query (by key);
 * 2. the other matches, of which the newest RANK_WINDOW are ranked —
 *    - when few items match (and, on SQLite, every term is rare): by relevance, bm25 (SQLite)
 *      or ts_rank_cd (PostgreSQL), a title hit weighing ten times a body hit and, when the query
 *      names an info kind (规范性文件), the kind's label ten times a title hit;
 *    - else by the same priorities read from the short columns (placementOrder): the kind the
 *      query names, then how many terms the title holds, then the newest.
 * Relevance ranking over a million items costs what the matches or the terms' lists cost (a
 * common word: hundreds of milliseconds); the window keeps every search within tens.
 */
import type { Executor } from '../../db/database.js';
import type { Validity } from '../../db/schema.js';
import { highlight, snippet } from './highlight.js';
import * as repo from './repository.js';
import { facetTokens, ftsMatchExpression, normalizeText, parseQuery, tsQueryText, type ParsedQuery, type TermMode } from './tokens.js';

/** Results per page. */
export const PAGE_SIZE = 20;
/** The deepest page served: 50 pages of 20 is more than anyone reads, and the ranked window. */
export const MAX_PAGE = 50;

export interface SearchOptions {
  /** The query as typed; capped at MAX_QUERY_LENGTH characters. Empty: the newest items (filters only). */
  q?: string | null;
  agencyId?: number;
  infoKind?: string;
  year?: number;
  validity?: Validity;
  page?: number;
}

export interface SearchResultRow {
  itemId: number;
  title: string;
  /** The title as HTML: escaped, the query's terms in <mark>. */
  titleHtml: string;
  /** About 120 characters of the body around the terms, as HTML: escaped, terms in <mark>. */
  snippet: string;
  agencyId: number;
  agencyName: string;
  publishedDate: string;
  documentNumber: string | null;
  indexNumber: string | null;
  validity: Validity;
  infoKind: string;
}

export interface SearchResult {
  /** Matching items; when `totalIsMore`, more than this many. */
  total: number;
  /** True when more than RANK_WINDOW items match: `total` is then RANK_WINDOW, counting stopped. */
  totalIsMore: boolean;
  page: number;
  pageSize: number;
  /** Pages that can be shown (at most MAX_PAGE). */
  pages: number;
  /** 'all': every term matched; 'any': no item had all of them, these have some; 'browse': no query. */
  mode: 'all' | 'any' | 'browse';
  /** The terms searched for (after segmentation), for the page to show. */
  terms: string[];
  rows: SearchResultRow[];
}

/**
 * The matches ranked: at most RANK_WINDOW of them, the most recent ones when there are more (the
 * pages stop there, and the count says "more than RANK_WINDOW": an exact count of a common word's
 * hundreds of thousands of matches would cost more than the search). Each page is a slice of
 * this list, so pages never overlap.
 */
export const RANK_WINDOW = MAX_PAGE * PAGE_SIZE;
/**
 * Relevance ranking (bm25 / ts_rank_cd) is used when it is affordable, which is when few items
 * match: ts_rank_cd reads the whole tsvector of every match (PostgreSQL: ~50 µs each), and FTS5's
 * bm25 reads the whole list of every query term (SQLite: so every term must be rare too).
 * Otherwise the matches are ordered by where the terms occur (placementOrder), newest first.
 */
const RANKED_MAX: Record<'sqlite' | 'postgres', number> = { sqlite: RANK_WINDOW, postgres: 200 };
/** SQLite: a term in more items than this makes bm25 too slow (its IDF pass reads them all). */
const RARE_TERM = 5000;

/** Characters NFKC changes that Chinese text has: superscripts, ①, Kangxi radicals, ideographic space, ㎡, compatibility ideographs, ligatures, full-width forms. */
const NFKC_CHANGES = /[\u00a0-\u00bf\u2000-\u206f\u2150-\u24ff\u2f00-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufb00-\ufb4f\uff00-\uffef]/;

/** What placementOrder needs of a match. */
export type Placement = repo.Headline;

/**
 * Orders many matches without reading their text: first the items of the info kind the query
 * names, then by how many of the query's terms their title and numbers hold, then the newest
 * (highest id) first — the order bm25's weights would mostly give (kind ≫ title ≫ body), at the
 * cost of reading a few short columns instead of every term's list.
 */
export function placementOrder(rows: readonly Placement[], query: Pick<ParsedQuery, 'terms' | 'kind'>): number[] {
  const keyed = rows.map((r) => {
    const text = `${r.title} ${r.document_number ?? ''} ${r.index_number ?? ''}`;
    // NFKC only where it changes something (full-width forms, compatibility characters): it is slow.
    const headline = NFKC_CHANGES.test(text) ? normalizeText(text) : text.toLowerCase();
    return { id: Number(r.item_id), kind: query.kind !== null && r.info_kind === query.kind ? 0 : 1, inTitle: query.terms.filter((t) => headline.includes(t)).length };
  });
  keyed.sort((a, b) => a.kind - b.kind || b.inTitle - a.inTitle || b.id - a.id);
  return keyed.map((k) => k.id);
}

/**
 * One page of results. Hostile input is harmless by construction: only token characters reach
 * the index (quoted), the query is capped, and snippets are escaped before they are marked.
 */
export async function searchItems(db: Executor, options: SearchOptions): Promise<SearchResult> {
  const page = Math.min(MAX_PAGE, Math.max(1, Math.trunc(options.page ?? 1) || 1));
  const offset = (page - 1) * PAGE_SIZE;
  const filters: repo.SearchFilters = { agencyId: options.agencyId, infoKind: options.infoKind, year: options.year, validity: options.validity };
  const query = parseQuery(options.q);
  const result = (counted: number, mode: SearchResult['mode'], rows: SearchResultRow[]): SearchResult => {
    const totalIsMore = counted > RANK_WINDOW && mode !== 'browse';
    const total = totalIsMore ? RANK_WINDOW : counted;
    return { total, totalIsMore, page, pageSize: PAGE_SIZE, pages: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE))), mode, terms: query.terms, rows };
  };

  if (query.text === '') {
    const { ids, total } = await repo.browseIds(db, filters, PAGE_SIZE, offset);
    return result(total, 'browse', present(await repo.documentsByIds(db, ids), query));
  }
  // Only punctuation, symbols or spaces: nothing to look for.
  if (query.terms.length === 0) return result(0, 'all', []);

  const dialect = repo.dialectFor(db);
  // Items whose number or title is exactly the query head the results (a handful at most).
  const exact = query.key ? await repo.exactIds(db, query.key, filters, PAGE_SIZE) : [];
  const facets = facetTokens(filters);
  const searched = await rarestTerms(db, query);
  const run = async (mode: TermMode) => {
    const match: repo.MatchQuery = {
      match: dialect === 'postgres' ? tsQueryText(searched, mode, facets) : ftsMatchExpression(searched, mode, facets),
      rankQuery: tsQueryText(searched, mode),
      kindBoost: query.kind !== null,
    };
    // One walk gives the window and tells whether there are more.
    const recent = await repo.recentMatches(db, match, RANK_WINDOW + 1);
    const total = recent.ids.length;
    const window = recent.ids.slice(0, RANK_WINDOW);
    const [ordered, matching] = await Promise.all([
      (async () => {
        if (window.length === 0) return [];
        if (window.length <= RANKED_MAX[dialect] && (dialect === 'postgres' || (await rareTerms(db, searched)))) return repo.rankedMatches(db, match, RANK_WINDOW);
        return placementOrder(recent.headlines?.slice(0, RANK_WINDOW) ?? (await repo.headlines(db, window)), query);
      })(),
      repo.matchingAmong(db, match, exact),
    ]);
    // The exact items first, then the others without them.
    const merged = exact.length ? [...new Set([...exact, ...ordered])] : ordered;
    return { total: total + exact.filter((id) => !matching.has(id)).length, ids: merged.slice(offset, offset + PAGE_SIZE) };
  };
  let mode: SearchResult['mode'] = 'all';
  let { total, ids } = await run('and');
  if (total === 0 && query.terms.length > 1) {
    mode = 'any';
    ({ total, ids } = await run('or'));
  }
  return result(total, mode, present(await repo.documentsByIds(db, ids), query));
}

/** The most terms a long query (a title typed in full) is searched with. */
export const MAX_SEARCHED_TERMS = 4;
/** Items counted per term to tell the rare terms of a long query from the common ones. */
const TERM_SAMPLE = 10_000;

/**
 * A long query searched with its MAX_SEARCHED_TERMS rarest terms only. The full-text indexes
 * intersect the lists of all the terms of a query; for a title typed in full (白宁镇人民政府2026年
 * 安全生产工作要点: nine terms, 人民政府 and 工作 in most items) that reads most of the index,
 * while its rare terms alone already find the item (and the title's exact key puts it first).
 * How rare: SQLite counts each term's items up to TERM_SAMPLE; PostgreSQL reads the planner's
 * statistics of the most common lexemes. Highlighting still marks every term.
 */
async function rarestTerms(db: Executor, query: ParsedQuery): Promise<ParsedQuery> {
  if (query.terms.length <= MAX_SEARCHED_TERMS) return query;
  const counted: Array<{ term: string; n: number; at: number }> = [];
  if (repo.dialectFor(db) === 'postgres') {
    const common = await repo.commonLexemes(db);
    for (const [at, term] of query.terms.entries()) counted.push({ term, at, n: common.get(term) ?? 0 });
  } else {
    for (const [at, term] of query.terms.entries()) {
      const match = ftsMatchExpression({ ...query, terms: [term], wholeKey: false }, 'and');
      counted.push({ term, at, n: await repo.countMatches(db, { match, rankQuery: '', kindBoost: false }, TERM_SAMPLE) });
    }
  }
  const kept = new Set(counted.sort((a, b) => a.n - b.n || b.term.length - a.term.length || a.at - b.at).slice(0, MAX_SEARCHED_TERMS).map((c) => c.term));
  return { ...query, terms: query.terms.filter((t) => kept.has(t)) };
}

/** SQLite: true when no term of the query is in more than RARE_TERM items (bm25 is then cheap). */
async function rareTerms(db: Executor, query: ParsedQuery): Promise<boolean> {
  for (const term of query.terms) {
    const match = ftsMatchExpression({ ...query, terms: [term], wholeKey: false }, 'and');
    if ((await repo.countMatches(db, { match, rankQuery: '', kindBoost: false }, RARE_TERM)) > RARE_TERM) return false;
  }
  return true;
}

function present(rows: readonly repo.ResultRow[], query: ParsedQuery): SearchResultRow[] {
  return rows.map((r) => ({
    itemId: Number(r.item_id),
    title: r.title,
    titleHtml: highlight(r.title, query.terms),
    snippet: snippet(r.body_text, query.terms),
    agencyId: r.agency_id,
    agencyName: r.agency_name ?? '',
    publishedDate: r.published_date,
    documentNumber: r.document_number,
    indexNumber: r.index_number,
    validity: r.validity,
    infoKind: r.info_kind,
  }));
}
