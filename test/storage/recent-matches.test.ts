/**
 * The newest matches of a query (repository.recentMatches) are exactly the newest `limit` items
 * that hold its terms, on SQLite and PostgreSQL, however the matches are spread over the recency
 * blocks that PostgreSQL's walk steps through: dense among the newest items, a few there and many
 * far back (its last step, by id), thinning out step by step (an OR of several blocks), or none
 * among the newest at all. Items are indexed with ids from 1 to 250,000 (25 blocks), a few
 * thousand of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSources } from '../../src/features/search/indexer.js';
import { recentMatches, type IndexSource } from '../../src/features/search/repository.js';
import { ftsMatchExpression, parseQuery, tsQueryText } from '../../src/features/search/tokens.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeAgency } from '../factories.js';
import { rng } from '../random.js';

/** How likely an item with this id holds each word. */
const WORDS: Record<string, (id: number) => number> = {
  // Dense among the newest 10,000 items, rare before.
  堤防: (id) => (id > 240_000 ? 0.5 : 0.01),
  // A handful among the newest 20,000, many between 100,000 and 180,000, some before.
  水库: (id) => (id > 230_000 ? 0.004 : id > 100_000 && id <= 180_000 ? 0.3 : id <= 50_000 ? 0.2 : 0),
  // Thinning out: more items further back.
  泵站: (id) => 0.02 + (0.3 * (250_000 - id)) / 250_000,
  // Only far back.
  闸门: (id) => (id <= 30_000 ? 0.4 : 0),
};

describe.each(DIALECTS)('the newest matches on %s', (dialect) => {
  let ctx: TestContext;
  const holders = new Map<string, number[]>(Object.keys(WORDS).map((w) => [w, []]));

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const agency = await makeAgency(ctx, { name: '检索测试单位' });
    const random = rng(20261127);
    const ids = new Set<number>();
    // Every 50th id, plus a denser stretch among the newest.
    for (let id = 1; id <= 250_000; id += 50) ids.add(id);
    for (let id = 240_001; id <= 250_000; id += 10) ids.add(id);
    const sources: IndexSource[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      const words = Object.entries(WORDS).filter(([, p]) => random() < p(id)).map(([w]) => w);
      for (const w of words) holders.get(w)!.push(id);
      sources.push({
        id, agency_id: agency.id, live_version: 1, withdrawn_at: null, published_date: '2026-01-05', index_number: null, validity: 'valid',
        title: `第${id}号信息`, body_html: `<p>本期检查情况。${words.map((w) => `${w}运行正常。`).join('')}</p>`,
        metadata: JSON.stringify({ infoKind: 'news' }),
      });
    }
    await ctx.database.db.transaction().execute((trx) => indexSources(trx, sources));
  }, 120_000);

  afterAll(async () => {
    await ctx?.cleanup();
  });

  const newest = async (word: string, limit: number) => {
    const parsed = parseQuery(word);
    const match = dialect === 'postgres' ? tsQueryText(parsed, 'and') : ftsMatchExpression(parsed, 'and');
    return recentMatches(ctx.database.db, { match, rankQuery: tsQueryText(parsed, 'and'), kindBoost: false }, limit);
  };

  it.each(Object.keys(WORDS))('finds the newest items holding %s, in order, for any limit', async (word) => {
    const all = holders.get(word)!.sort((a, b) => b - a);
    expect(all.length).toBeGreaterThan(150);
    for (const limit of [1, 20, 150, all.length - 1, all.length + 5]) {
      const { ids, headlines } = await newest(word, limit);
      expect(ids).toEqual(all.slice(0, limit));
      // PostgreSQL reads each match's headline with its id; SQLite reads ids from the index alone.
      if (dialect === 'postgres') expect(headlines!.map((h) => [h.item_id, h.title])).toEqual(ids.map((id) => [id, `第${id}号信息`]));
      else expect(headlines).toBeNull();
    }
  });

  it('finds nothing for a word no item holds', async () => {
    expect((await newest('灌区', 50)).ids).toEqual([]);
  });
});
