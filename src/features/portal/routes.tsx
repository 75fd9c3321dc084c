/**
 * The public portal (政府信息公开专栏). For now the shell: the home page with its sections and
 * the agencies; the sections fill as the publication, request and report features land.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendPortalPage } from './page.js';
import { treeOrder } from '../agencies/tree.js';
import type { Agency } from '../../db/schema.js';
import type { ComponentChildren } from 'preact';
import { AppError } from '../../errors.js';
import { idParam } from '../../http/guards.js';
import { AgencyGuide, GuideIndex } from './guide.js';
import { listColumnsOf } from '../publications/repository.js';

const SECTIONS = [
  { path: '/guide', title: '政府信息公开指南', text: '说明政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等（《条例》第十二条）。' },
  { path: '/rules', title: '政府信息公开制度', text: '政府信息公开工作的制度规定。' },
  { path: '/catalogue', title: '法定主动公开内容', text: '依照《条例》第二十条等规定应当主动公开的政府信息。' },
  { path: '/annual-reports', title: '政府信息公开年报', text: '各单位每年公布的政府信息公开工作年度报告（《条例》第四十九条、第五十条）。' },
  { path: '/requests/new', title: '依申请公开', text: '公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《条例》第二十七条）。' },
];

export async function portalRoutes(app: FastifyInstance, ctx: AppContext) {
  const page = (reply: FastifyReply, title: string, body: (agencies: Agency[]) => ComponentChildren) => sendPortalPage(ctx, reply, title, body);

  app.get('/', async (_request, reply) => {
    return page(reply, '首页', (agencies) => (
      <>
        <h1>政府信息公开</h1>
        <div class="sections">
          {SECTIONS.map((s) => (
            <section class="section-card" aria-labelledby={`h-${s.path.slice(1).replace('/', '-')}`}>
              <h2 id={`h-${s.path.slice(1).replace('/', '-')}`}><a href={s.path}>{s.title}</a></h2>
              <p>{s.text}</p>
            </section>
          ))}
        </div>
        <section aria-labelledby="h-agencies">
          <h2 id="h-agencies">公开主体</h2>
          <ul class="agency-list">
            {treeOrder(agencies, () => true).map((a) => (
              <li class={`depth-${Math.min(a.depth, 3)}`}>{a.name}</li>
            ))}
          </ul>
        </section>
      </>
    ));
  });

  app.get('/guide', async (_request, reply) => {
    return page(reply, '政府信息公开指南', (agencies) => <GuideIndex agencies={treeOrder(agencies, () => true)} />);
  });
  app.get('/guide/:agencyId', async (request, reply) => {
    const id = idParam(request, 'agencyId');
    const columns = await listColumnsOf(ctx.database.db, [id]);
    return page(reply, '政府信息公开指南', (agencies) => {
      const agency = agencies.find((a) => a.id === id);
      if (!agency) throw new AppError('NOT_FOUND', '该机关不存在');
      // The supervising office to complain to: the office of the government the agency belongs to.
      const government = agencies.find((a) => a.parent_id === null) ?? null;
      const office = agencies.find((a) => a.kind === 'office' && a.parent_id === government?.id) ?? null;
      return <AgencyGuide agency={agency} supervisor={agency.id === office?.id ? government : office} columns={columns} />;
    });
  });

  // Sections whose feature has landed serve their own pages.
  for (const s of SECTIONS.filter((x) => !['/annual-reports', '/requests/new', '/guide', '/catalogue'].includes(x.path))) {
    app.get(s.path, async (_request, reply) => {
      return page(reply, s.title, () => (
        <>
          <h1>{s.title}</h1>
          <p>{s.text}</p>
          <p class="empty">暂无公开内容。</p>
        </>
      ));
    });
  }
}
