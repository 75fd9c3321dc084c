/**
 * What the public sees of proactive publication: the catalogue (agencies and their columns), a
 * column's items, and an item with its catalogue data, body, attachments and interpretations.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { idParam } from '../../http/guards.js';
import { beijingTime } from '../audit/views.js';
import { treeOrder } from '../agencies/tree.js';
import { sendPortalPage } from '../portal/page.js';
import { listAllAgencies } from '../agencies/repository.js';
import { listColumnsOf } from './repository.js';
import { sendAttachment } from './routes.js';
import { publicAttachment, publicColumn, publicItem } from './queries.js';
import { columnTree, infoKindLabel, VALIDITY_LABELS } from './views.js';

export async function publicationPortalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.get('/catalogue', async (_request, reply) => {
    const columns = await listColumnsOf(db, (await listAllAgencies(db)).map((a) => a.id));
    return sendPortalPage(ctx, reply, '法定主动公开内容', (agencies) => {
      return (
        <>
          <h1>法定主动公开内容</h1>
          <p>依照《条例》第十九条、第二十条等规定应当主动公开的政府信息，按公开主体和栏目编排。</p>
          {treeOrder(agencies, (id) => columns.some((c) => c.agency_id === id)).map((a) => (
            <section aria-labelledby={`ag-${a.id}`}>
              <h2 id={`ag-${a.id}`}>{a.name}</h2>
              <ul class="column-list">
                {columnTree(columns.filter((c) => c.agency_id === a.id)).map((c) => (
                  <li class={`indent-${Math.min(c.depth, 3)}`}><a href={`/columns/${c.id}`}>{c.name}</a></li>
                ))}
              </ul>
            </section>
          ))}
        </>
      );
    });
  });

  app.get('/columns/:id', async (request, reply) => {
    const id = idParam(request);
    const page = Math.max(1, Math.min(100_000, Number((request.query as Record<string, string>).page) || 1));
    const data = await publicColumn(db, id, page);
    const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
    return sendPortalPage(ctx, reply, data.column.name, () => (
      <>
        <p class="breadcrumb"><a href="/catalogue">法定主动公开内容</a> › {data.agencyName}</p>
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
        {pages > 1 && (
          <nav class="pager" aria-label="分页">
            {page > 1 && <a href={`/columns/${id}?page=${page - 1}`}>上一页</a>}
            <span>第{page}/{pages}页</span>
            {page < pages && <a href={`/columns/${id}?page=${page + 1}`}>下一页</a>}
          </nav>
        )}
      </>
    ));
  });

  app.get('/items/:id', async (request, reply) => {
    const data = await publicItem(db, idParam(request));
    const { item, version, metadata } = data;
    const text = (k: string) => (metadata[k] === null || metadata[k] === undefined ? '' : String(metadata[k]));
    return sendPortalPage(ctx, reply, version.title, () => (
      <article class="item">
        <p class="breadcrumb"><a href="/catalogue">法定主动公开内容</a> › {data.agencyName}{data.column && <> › <a href={`/columns/${data.column.id}`}>{data.column.name}</a></>}</p>
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
        {data.attachments.length > 0 && (
          <section aria-labelledby="h-att">
            <h2 id="h-att">附件</h2>
            <ul>{data.attachments.map((a) => <li><a href={`/items/${item.id}/attachments/${a.id}`}>{a.file_name}</a>（{Math.ceil(a.size / 1024)} KB）</li>)}</ul>
          </section>
        )}
        {data.interprets && <p>解读文件：<a href={`/items/${data.interprets.id}`}>{data.interprets.title}</a></p>}
        {data.interpretations.length > 0 && (
          <section aria-labelledby="h-int">
            <h2 id="h-int">政策解读</h2>
            <ul>{data.interpretations.map((i) => <li><a href={`/items/${i.id}`}>{i.title}</a></li>)}</ul>
          </section>
        )}
      </article>
    ));
  });

  app.get('/items/:id/attachments/:attachmentId', async (request, reply) => {
    const attachment = await publicAttachment(db, idParam(request), idParam(request, 'attachmentId'));
    return sendAttachment(reply.header('cache-control', 'public, max-age=300'), attachment);
  });
}
