/**
 * Highlighted snippets of search results, built as HTML safely: the text is cut into pieces,
 * every piece is escaped, and only then are the hits wrapped in <mark>. Nothing of the stored
 * text is ever inserted unescaped, whatever it holds.
 *
 * Hits are found by comparing in the tokens' form (NFKC, lower case: see tokens.ts), mapped back
 * to the characters of the original text, so 'ＡＢＣ' in a body is marked for a query 'abc'.
 */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** The text in the tokens' form, with the offset in the original of every UTF-16 unit. */
interface Folded {
  text: string;
  /** origin[i] = index in the original text where folded unit i comes from; origin[length] = original length. */
  origin: number[] | null;
}

function fold(text: string): Folded {
  const lower = text.normalize('NFKC').toLowerCase();
  // The common case (Chinese, ASCII): the same length, unit for unit.
  if (lower.length === text.length && text.normalize('NFKC') === text) return { text: lower, origin: null };
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    out += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** A hit: [start, end) in the original text. */
export type Range = [number, number];

/**
 * Where the terms occur in the text, as non-overlapping ranges in order. At one position the
 * longest term wins (规范性 over 规范); terms are in the tokens' form already.
 */
export function findHits(text: string, terms: readonly string[]): Range[] {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text === '') return [];
  const folded = fold(text);
  const found: Range[] = [];
  for (const term of wanted) {
    for (let at = folded.text.indexOf(term); at !== -1; at = folded.text.indexOf(term, at + term.length)) {
      found.push([at, at + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - b[0] - (a[1] - a[0]));
  const hits: Range[] = [];
  let end = -1;
  for (const r of found) {
    if (r[0] < end) continue;
    hits.push(r);
    end = r[1];
  }
  if (!folded.origin) return hits;
  const origin = folded.origin;
  // A folded unit may come from the middle of an original character (ﬁ → fi): widen to whole characters.
  return hits.map(([s, e]) => [origin[s]!, e < origin.length - 1 && origin[e] === origin[e - 1] ? nextOrigin(origin, e) : origin[e]!] as Range);
}

function nextOrigin(origin: readonly number[], at: number): number {
  let k = at;
  while (k < origin.length - 1 && origin[k] === origin[at - 1]) k++;
  return origin[k]!;
}

/** The text as HTML with the given ranges (within it, in order) wrapped in <mark>. */
export function markRanges(text: string, ranges: readonly Range[]): string {
  let html = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e > text.length || s >= e) continue;
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at));
}

/** The whole text as HTML with every hit of the terms marked (titles). */
export function highlight(text: string, terms: readonly string[]): string {
  return markRanges(text, findHits(text, terms));
}

/** Characters of body text a snippet shows. */
export const SNIPPET_LENGTH = 120;
/** Characters shown before the first hit, so that the hit is read in its sentence. */
const LEAD = 24;

/**
 * A snippet of the body around the hits, as HTML: the window of SNIPPET_LENGTH characters that
 * holds the most distinct terms (the earliest of equals), starting a little before its first
 * hit, with … where text was cut off. Without any hit in the body (the item was found by its
 * title or number), the beginning of the body.
 */
export function snippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): string {
  const body = text.replace(/\s+/g, ' ').trim();
  if (body.length <= length) return highlight(body, terms);
  const hits = findHits(body, terms);
  let start = 0;
  if (hits.length > 0) {
    const termAt = (r: Range) => body.slice(r[0], r[1]).normalize('NFKC').toLowerCase();
    let best = -1;
    // The first 200 hits are candidates: a long body full of a common word costs no more.
    for (let i = 0; i < Math.min(hits.length, 200); i++) {
      const distinct = new Set<string>();
      for (let j = i; j < hits.length && hits[j]![1] <= hits[i]![0] + length - LEAD; j++) distinct.add(termAt(hits[j]!));
      if (distinct.size > best) {
        best = distinct.size;
        start = Math.max(0, hits[i]![0] - LEAD);
      }
    }
    start = Math.min(start, body.length - length);
  }
  // Never cut a surrogate pair in two.
  if (start > 0 && isLowSurrogate(body.charCodeAt(start))) start--;
  let end = Math.min(body.length, start + length);
  if (end < body.length && isLowSurrogate(body.charCodeAt(end))) end++;
  const inside = hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start] as Range);
  return `${start > 0 ? '…' : ''}${markRanges(body.slice(start, end), inside)}${end < body.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
