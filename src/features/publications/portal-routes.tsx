/**
 * What the public sees of proactive publication: the catalogue (agencies and their columns), an
 * agency's page, a column's items (and its RSS feed), an item with its catalogue data, body,
 * attachments and interpretations (and a print view), and the sitemap.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Agency, PublicationColumn } from '../../db/schema.js';
import { htmlToText } from '../../domain/publication/sanitize.js';
import { notFound } from '../../errors.js';
import { idParam } from '../../http/guards.js';
import { Pager, PrintLayout, renderDocument } from '../../http/layout.js';
import { beijingTime } from '../audit/views.js';
import { listAllAgenciesCached } from '../agencies/repository.js';
import { treeOrder } from '../agencies/tree.js';
import { portalPageHtml, sendPortalPage, sendPublicHtml, siteName } from '../portal/page.js';
import { rssFeed, SITEMAP_CHUNK, sitemapIndex, urlSet } from './feeds.js';
import { columnFeedItems, highestItemId, publicCatalogue, publicAttachment, publicColumn, publicItem, publicItemsInIdRange, type PublicItem, type PublicListRow } from './queries.js';
import { findColumn, listColumnsOf } from './repository.js';
import { sendAttachment } from './routes.js';
import { columnTree, infoKindLabel, VALIDITY_LABELS } from './views.js';

/** An item as the public reads it (the page and its print view). */
function ItemArticle(props: { data: PublicItem; print?: boolean }) {
  const { item, version, metadata } = props.data;
  const text = (k: string) => (metadata[k] === null || metadata[k] === undefined ? '' : String(metadata[k]));
  return (
    <article class="item">
      {!props.print && (
        <p class="breadcrumb">
          <a href="/catalogue">法定主动公开内容</a> › <a href={`/agencies/${item.agency_id}`}>{props.data.agencyName}</a>
          {props.data.column && <> › <a href={`/columns/${props.data.column.id}`}>{props.data.column.name}</a></>}
        </p>
      )}
      <table class="catalogue-data">
        <caption>信息目录</caption>
        <tbody>
          <tr><th scope="row">索引号</th><td>{text('indexNumber')}</td><th scope="row">主题分类</th><td>{text('subjectCategory')}</td></tr>
          <tr><th scope="row">发布机构</th><td>{text('issuingAgency')}</td><th scope="row">信息类别</th><td>{infoKindLabel(text('infoKind'))}</td></tr>
          <tr><th scope="row">文号</th><td>{text('documentNumber')}</td><th scope="row">成文日期</th><td>{text('writtenDate')}</td></tr>
          <tr><th scope="row">发布日期</th><td>{text('publishedDate')}</td><th scope="row">有效性</th><td>{VALIDITY_LABELS[item.validity]}{item.validity_on && `（${item.validity_on}起）`}</td></tr>
        </tbody>
      </table>
      {item.validity !== 'valid' && <p class="notice" role="note">本文件{VALIDITY_LABELS[item.validity]}{item.validity_on ? `（${item.validity_on}）` : ''}，仅供查阅。</p>}
      <h1>{version.title}</h1>
      {version.version > 1 && <p class="hint">修改于 {beijingTime(version.published_at).slice(0, 16)}{version.correction_note && `：${version.correction_note}`}</p>}
      {text('sourceName') && <p class="hint">来源：{text('sourceName')}</p>}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: version.body_html }} />
      {props.data.attachments.length > 0 && (
        <section aria-labelledby="h-att">
          <h2 id="h-att">附件</h2>
          <ul>{props.data.attachments.map((a) => <li><a href={`/items/${item.id}/attachments/${a.id}`}>{a.file_name}</a>（{Math.ceil(a.size / 1024)} KB）</li>)}</ul>
        </section>
      )}
      {props.data.interprets && <p>解读文件：<a href={`/items/${props.data.interprets.id}`}>{props.data.interprets.title}</a></p>}
      {props.data.interpretations.length > 0 && (
        <section aria-labelledby="h-int">
          <h2 id="h-int">政策解读</h2>
          <ul>{props.data.interpretations.map((i) => <li><a href={`/items/${i.id}`}>{i.title}</a></li>)}</ul>
        </section>
      )}
      {!props.print && <p class="item-tools"><a href={`/items/${item.id}/print`}>打印版</a></p>}
    </article>
  );
}

/**
 * An item's page and its print view, as the server sends them and as the static export writes
 * them (it reads many items at once with publicItems and makes their pages without a request).
 */
export function itemPageHtml(data: PublicItem, agencies: readonly Agency[]): string {
  return portalPageHtml(agencies, data.version.title, <ItemArticle data={data} />);
}

export function itemPrintHtml(data: PublicItem, agencies: readonly Agency[]): string {
  return renderDocument(<PrintLayout title={data.version.title} siteName={siteName(agencies)}><ItemArticle data={data} print /></PrintLayout>);
}

/** Pages of a list of `total` rows, `pageSize` a page; an empty list has one (empty) page. */
export function pageCount(list: { total: number; pageSize: number }): number {
  return Math.max(1, Math.ceil(list.total / list.pageSize));
}

/** What a column's page shows: publicColumn's answer, or the static export's rows of one page with the same column data. */
export interface ColumnPageData {
  column: PublicationColumn;
  children: readonly PublicationColumn[];
  agencyName: string;
  total: number;
  pageSize: number;
  rows: ReadonlyArray<Pick<PublicListRow, 'id' | 'title' | 'validity' | 'published_date'>>;
}

/** Page `page` of a column, as the route sends it and the static export writes it. */
export function columnPageHtml(agencies: readonly Agency[], data: ColumnPageData, page: number): string {
  const id = data.column.id;
  const pages = pageCount(data);
  return portalPageHtml(agencies, data.column.name, (
    <>
      <p class="breadcrumb"><a href="/catalogue">法定主动公开内容</a> › <a href={`/agencies/${data.column.agency_id}`}>{data.agencyName}</a></p>
      <h1>{data.column.name}</h1>
      {data.children.length > 0 && (
        <ul class="column-list">{data.children.map((c) => <li><a href={`/columns/${c.id}`}>{c.name}</a></li>)}</ul>
      )}
      {data.rows.length === 0 ? <p class="empty">暂无公开内容。</p> : (
        <ul class="item-list">
          {data.rows.map((r) => (
            <li>
              <a href={`/items/${r.id}`}>{r.title}</a>
              {r.validity !== 'valid' && <span class="tag">{VALIDITY_LABELS[r.validity]}</span>}
              <span class="date">{r.published_date}</span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} href={(n) => (n === 1 ? `/columns/${id}` : `/columns/${id}/page/${n}`)}>第{page}/{pages}页（共{data.total}条）</Pager>
      <p class="item-tools"><a href={`/columns/${id}/rss.xml`}>RSS订阅</a></p>
    </>
  ));
}

/** What an agency's 目录 page shows: publicCatalogue's answer, or the static export's rows of one page. */
export interface CataloguePageData {
  total: number;
  pageSize: number;
  rows: ReadonlyArray<Pick<PublicListRow, 'id' | 'index_number' | 'title' | 'body_html' | 'published_date' | 'info_kind' | 'validity'>>;
}

/** Page `page` of an agency's 政府信息公开目录, as the route sends it and the static export writes it. */
export function cataloguePageHtml(agencies: readonly Agency[], agency: Agency, data: CataloguePageData, page: number): string {
  const id = agency.id;
  const pages = pageCount(data);
  return portalPageHtml(agencies, `${agency.name}政府信息公开目录`, (
    <>
      <p class="breadcrumb"><a href={`/agencies/${agency.id}`}>{agency.name}</a></p>
      <h1>{agency.name}政府信息公开目录</h1>
      <p>依照《条例》第十二条编制，列出本机关全部主动公开政府信息的索引、名称、内容概述和生成日期，共{data.total}条。</p>
      {data.rows.length === 0 ? <p class="empty">暂无公开内容。</p> : (
        <div class="table-scroll">
          <table class="data">
            <thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">内容概述</th><th scope="col">信息类别</th><th scope="col">生成日期</th></tr></thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <td>{r.index_number}</td>
                  <td><a href={`/items/${r.id}`}>{r.title}</a>{r.validity !== 'valid' && <span class="tag">{VALIDITY_LABELS[r.validity]}</span>}</td>
                  <td>{summaryOf(r.body_html)}</td>
                  <td>{infoKindLabel(r.info_kind)}</td>
                  <td>{r.published_date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} href={(n) => (n === 1 ? `/agencies/${id}/catalogue` : `/agencies/${id}/catalogue/page/${n}`)} />
    </>
  ));
}

/** 内容概述: the first 60 characters of an item's text. */
function summaryOf(bodyHtml: string): string {
  const text = htmlToText(bodyHtml).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The portal's public address: configured, or the address this request came to. */
export function publicBase(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export async function publicationPortalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.get('/catalogue', async (_request, reply) => {
    const columns = await listColumnsOf(db, (await listAllAgenciesCached(db)).map((a) => a.id));
    return sendPortalPage(ctx, reply, '法定主动公开内容', (agencies) => (
      <>
        <h1>法定主动公开内容</h1>
        <p>依照《条例》第十九条、第二十条等规定应当主动公开的政府信息，按公开主体和栏目编排。</p>
        {treeOrder(agencies, (id) => columns.some((c) => c.agency_id === id)).map((a) => (
          <section aria-labelledby={`ag-${a.id}`}>
            <h2 id={`ag-${a.id}`}><a href={`/agencies/${a.id}`}>{a.name}</a></h2>
            <ul class="column-list">
              {columnTree(columns.filter((c) => c.agency_id === a.id)).map((c) => (
                <li class={`indent-${Math.min(c.depth, 3)}`}><a href={`/columns/${c.id}`}>{c.name}</a></li>
              ))}
            </ul>
          </section>
        ))}
      </>
    ));
  });

  app.get('/agencies/:id', async (request, reply) => {
    const id = idParam(request);
    const agencies = await listAllAgenciesCached(db);
    const agency = agencies.find((a) => a.id === id);
    if (!agency) throw notFound('机关');
    const columns = await listColumnsOf(db, [agency.id]);
    return sendPortalPage(ctx, reply, agency.name, () => (
      <>
        <h1>{agency.name}</h1>
        <ul class="sections">
          <li class="section-card"><h2><a href={`/guide/${agency.id}`}>政府信息公开指南</a></h2><p>分类、编排体系、获取方式和工作机构的联系方式。</p></li>
          <li class="section-card"><h2><a href={`/agencies/${agency.id}/catalogue`}>政府信息公开目录</a></h2><p>全部主动公开信息的索引、名称、内容概述和生成日期。</p></li>
          <li class="section-card"><h2><a href="/rules">政府信息公开制度</a></h2><p>政府信息公开工作的制度规定。</p></li>
          <li class="section-card"><h2><a href="/annual-reports">政府信息公开年报</a></h2><p>各年度政府信息公开工作年度报告。</p></li>
          <li class="section-card"><h2><a href={`/requests/new?agencyId=${agency.id}`}>依申请公开</a></h2><p>向本机关申请获取政府信息。</p></li>
        </ul>
        <section aria-labelledby="h-columns">
          <h2 id="h-columns">法定主动公开内容</h2>
          {columns.length === 0 ? <p class="empty">暂无公开内容。</p> : (
            <ul class="column-list">
              {columnTree(columns).map((c) => <li class={`indent-${Math.min(c.depth, 3)}`}><a href={`/columns/${c.id}`}>{c.name}</a></li>)}
            </ul>
          )}
        </section>
      </>
    ));
  });

  const cataloguePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(request);
    const raw = (request.params as Record<string, string>).page ?? '1';
    if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw notFound('页面');
    const page = Number(raw);
    const agencies = await listAllAgenciesCached(db);
    const agency = agencies.find((a) => a.id === id);
    if (!agency) throw notFound('机关');
    const data = await publicCatalogue(db, id, page);
    if (page > pageCount(data)) throw notFound('页面');
    return sendPublicHtml(reply, cataloguePageHtml(agencies, agency, data, page));
  };
  app.get('/agencies/:id/catalogue', cataloguePage);
  app.get('/agencies/:id/catalogue/page/:page', cataloguePage);

  // Pages of a list are paths (/columns/5/page/2), so that the static export has a file for each.
  const columnPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(request);
    const raw = (request.params as Record<string, string>).page ?? '1';
    if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw notFound('页面');
    const page = Number(raw);
    const data = await publicColumn(db, id, page);
    // As the catalogue's pages: a page after the last does not exist (nor in the static export).
    if (page > pageCount(data)) throw notFound('页面');
    return sendPublicHtml(reply, columnPageHtml(await listAllAgenciesCached(db), data, page));
  };
  app.get('/columns/:id', columnPage);
  app.get('/columns/:id/page/:page', columnPage);

  app.get('/columns/:id/rss.xml', async (request, reply) => {
    const column = await findColumn(db, idParam(request));
    if (!column) throw notFound('栏目');
    const agencies = await listAllAgenciesCached(db);
    const agencyName = agencies.find((a) => a.id === column.agency_id)?.name ?? '';
    const base = publicBase(ctx, request);
    const items = await columnFeedItems(db, column.id);
    const xml = rssFeed(
      { title: `${agencyName} - ${column.name}`, link: `${base}/columns/${column.id}`, description: `${siteName(agencies)}政府信息公开专栏：${agencyName}${column.name}` },
      items.map((i) => ({ title: i.title, link: `${base}/items/${i.id}`, publishedAt: i.published_at, summary: htmlToText(i.body_html).replace(/\s+/g, ' ').slice(0, 200) })),
    );
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get('/items/:id', async (request, reply) => {
    const data = await publicItem(db, idParam(request));
    reply.header('last-modified', new Date(data.version.published_at).toUTCString());
    return sendPublicHtml(reply, itemPageHtml(data, await listAllAgenciesCached(db)));
  });

  app.get('/items/:id/print', async (request, reply) => {
    const data = await publicItem(db, idParam(request));
    return sendPublicHtml(reply, itemPrintHtml(data, await listAllAgenciesCached(db)));
  });

  app.get('/items/:id/attachments/:attachmentId', async (request, reply) => {
    const attachment = await publicAttachment(db, idParam(request), idParam(request, 'attachmentId'));
    return sendAttachment(reply.header('cache-control', 'public, max-age=300'), attachment);
  });

  // The sitemap: an index of the fixed pages and of the items in id ranges of 50,000.
  app.get('/sitemap.xml', async (request, reply) => {
    const base = publicBase(ctx, request);
    const chunks = Math.ceil((await highestItemId(db)) / SITEMAP_CHUNK);
    const files = [{ loc: `${base}/sitemaps/pages.xml` }, ...Array.from({ length: chunks }, (_, n) => ({ loc: `${base}/sitemaps/items-${n + 1}.xml` }))];
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sitemapIndex(files));
  });
  app.get('/sitemaps/pages.xml', async (request, reply) => {
    const base = publicBase(ctx, request);
    const agencies = await listAllAgenciesCached(db);
    const columns = await listColumnsOf(db, agencies.map((a) => a.id));
    const paths = ['/', '/guide', '/rules', '/catalogue', '/annual-reports', '/requests/new', ...agencies.flatMap((a) => [`/agencies/${a.id}`, `/guide/${a.id}`]), ...columns.map((c) => `/columns/${c.id}`)];
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(urlSet(paths.map((p) => ({ loc: `${base}${p}` }))));
  });
  app.get('/sitemaps/items-:n.xml', async (request, reply) => {
    const raw = (request.params as Record<string, string>).n ?? '';
    if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw notFound('页面');
    const n = Number(raw);
    const base = publicBase(ctx, request);
    const rows = await publicItemsInIdRange(db, (n - 1) * SITEMAP_CHUNK + 1, n * SITEMAP_CHUNK);
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(urlSet(rows.map((r) => ({ loc: `${base}/items/${r.id}`, lastmod: r.published_at }))));
  });
}
