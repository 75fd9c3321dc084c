/** The supervising office's dashboard in the console and the JSON API. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requireStaff } from '../../http/guards.js';
import { sendConsolePage } from '../../http/pages.js';
import { officeDashboard } from './service.js';
import { OfficeDashboardPage } from './views.js';

export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/console/office', async (request, reply) => {
    const { actor } = requireStaff(request);
    const dashboard = await officeDashboard(ctx, actor);
    return sendConsolePage(request, reply, '监督概览', () => <OfficeDashboardPage dashboard={dashboard} />);
  });

  app.get('/api/v1/dashboard/office', { schema: { tags: ['dashboard'], summary: '监督概览：各单位办理中、本周到期、超期的申请，本年主动公开（按信息类别），未按期更新和空白栏目，未完成的整改任务，上年度年报状态' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { charts: _charts, rows, ...rest } = await officeDashboard(ctx, actor);
    return {
      ...rest,
      agencies: rows.map((r) => ({
        agencyId: r.agency.id, name: r.agency.name, requests: r.requests, published: r.published,
        columns: { judged: r.columns.judged, columns: r.columns.columns, stale: r.columns.staleColumns, empty: r.columns.emptyColumns, vetoes: r.columns.vetoes.map((v) => v.indicator) },
        rectification: r.rectification, report: r.report,
      })),
    };
  });
}
