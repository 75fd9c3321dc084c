/**
 * Search on the public portal (/search) and the public JSON API of published items
 * (/api/v1/public/items, /api/v1/public/items/:id). No session: everything here is public.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { today, type AppContext } from '../../context.js';
import { INFO_KINDS } from '../../domain/publication/vocabulary.js';
import { AppError } from '../../errors.js';
import { idParam } from '../../http/guards.js';
import { parseInput } from '../../http/validate.js';
import { treeOrder } from '../agencies/tree.js';
import { sendPortalPage } from '../portal/page.js';
import { publicItem, type PublicItem } from '../publications/queries.js';
import { searchItems, type SearchResult } from './query.js';
import { FIRST_YEAR, searchLabels, searchQueryInput, type SearchQueryInput } from './schemas.js';
import { SearchPage, type SearchFormValues } from './views.js';

const tags = ['public'];
/**
 * Searches from one address per minute. A search is the portal's most expensive public read
 * (tens of milliseconds on a million items); this is far above what a person types.
 */
const SEARCH_RATE_LIMIT = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The form's values as strings, whatever the query string held (repeated keys: the first). */
function formValues(query: unknown): SearchFormValues {
  const q = (query ?? {}) as Record<string, unknown>;
  const one = (v: unknown) => (Array.isArray(v) ? (typeof v[0] === 'string' ? v[0] : undefined) : typeof v === 'string' ? v : undefined);
  return { q: one(q.q), agencyId: one(q.agencyId), infoKind: one(q.infoKind), year: one(q.year), validity: one(q.validity) };
}

function search(ctx: AppContext, input: SearchQueryInput): Promise<SearchResult> {
  return searchItems(ctx.database.db, {
    q: input.q, agencyId: input.agencyId, infoKind: input.infoKind, year: input.year, validity: input.validity, page: input.page,
  });
}

/** The public view of a published item in the API: the live version's catalogue data and body. */
function presentItem(data: PublicItem) {
  const { item, version, metadata } = data;
  const text = (k: string) => (metadata[k] === null || metadata[k] === undefined ? null : String(metadata[k]));
  const infoKind = text('infoKind');
  return {
    id: item.id,
    url: `/items/${item.id}`,
    version: version.version,
    title: version.title,
    indexNumber: item.index_number,
    documentNumber: text('documentNumber'),
    infoKind,
    infoKindLabel: infoKind ? ((INFO_KINDS as Record<string, string>)[infoKind] ?? infoKind) : null,
    subjectCategory: text('subjectCategory'),
    issuingAgency: text('issuingAgency'),
    agencyId: item.agency_id,
    agencyName: data.agencyName,
    column: data.column ? { id: data.column.id, name: data.column.name } : null,
    writtenDate: text('writtenDate'),
    publishedDate: item.published_date,
    validity: item.validity,
    validityOn: item.validity_on,
    sourceName: text('sourceName'),
    sourceUrl: text('sourceUrl'),
    correctionNote: version.correction_note,
    publishedAt: version.published_at,
    bodyHtml: version.body_html,
    attachments: data.attachments.map((a) => ({ id: a.id, fileName: a.file_name, kind: a.kind, size: a.size, url: `/items/${item.id}/attachments/${a.id}` })),
    interprets: data.interprets,
    interpretations: data.interpretations.map((i) => ({ id: i.id, title: i.title })),
  };
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export async function searchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/search', { config: SEARCH_RATE_LIMIT }, async (request, reply) => {
    const values = formValues(request.query);
    const thisYear = Number(today(ctx).slice(0, 4));
    const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
    let result: SearchResult | null = null;
    let error: AppError | null = null;
    try {
      const input = parseInput(searchQueryInput, request.query, searchLabels);
      // Without a query the page is the form alone (the filters narrow a search, they are not one).
      if (input.q?.trim()) result = await search(ctx, input);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'VALIDATION_FAILED') throw e;
      error = e;
    }
    const title = values.q?.trim() ? `“${[...values.q.trim()].slice(0, 30).join('')}”的搜索结果` : '搜索';
    return sendPortalPage(ctx, reply, title, (agencies) => (
      <SearchPage agencies={treeOrder(agencies, () => true)} years={years} values={values} result={result} error={error?.message} fields={error?.fields} />
    ), { status: error ? 400 : 200 });
  });

  app.get('/api/v1/public/items', {
    config: SEARCH_RATE_LIMIT,
    schema: {
      tags,
      summary: '检索已公开的政府信息：?q=关键词（标题、正文、文号、索引号，最多读取100字）&agencyId=&infoKind=&year=&validity=valid|repealed|expired&page=；不填 q 时按发布日期从新到旧列出。匹配超过1000条时只排序最近的1000条，total 为1000、totalIsMore 为 true；page 最大为50。titleHtml、snippet 为已转义的 HTML，命中的词在 <mark> 中',
      querystring: json(searchQueryInput),
    },
  }, async (request) => {
    const input = parseInput(searchQueryInput, request.query, searchLabels);
    const result = await search(ctx, input);
    return {
      total: result.total, totalIsMore: result.totalIsMore, page: result.page, pageSize: result.pageSize, pages: result.pages, mode: result.mode, terms: result.terms,
      items: result.rows.map((r) => ({ ...r, url: `/items/${r.itemId}` })),
    };
  });

  app.get('/api/v1/public/items/:id', { schema: { tags, summary: '一条已公开的政府信息：现行版本的目录信息（索引号、文号、发布机构、日期、有效性）、正文和附件' } }, async (request) => {
    return { item: presentItem(await publicItem(ctx.database.db, idParam(request))) };
  });
}
