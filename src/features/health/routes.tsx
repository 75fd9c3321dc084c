/** Website health in the console and the JSON API. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { healthPolicy } from './policy.js';
import { healthSettingsInput } from './schemas.js';
import { agencyHealthDetail, columnHistory, getHealthSettings, healthOverview, saveHealthSettings } from './service.js';
import { AgencyHealthPage, ColumnHistoryPage, HealthOverviewPage, HealthSettingsPage } from './views.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/console/health', async (request, reply) => {
    const { actor } = requireStaff(request);
    const overview = await healthOverview(ctx, actor);
    return sendConsolePage(request, reply, '网站健康检查', () => <HealthOverviewPage {...overview} canEditSettings={healthPolicy.editSettings(actor)} />);
  });

  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, failed?: { error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const settings = await getHealthSettings(ctx, actor);
    return sendConsolePage(request, reply, '网站健康检查设置', ({ csrfToken }) => (
      <HealthSettingsPage settings={settings} csrfToken={csrfToken} values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? 400 : 200 });
  };
  app.get('/console/health/settings', async (request, reply) => settingsPage(request, reply));
  app.post('/console/health/settings', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await saveHealthSettings(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, '/console/health/settings', '已保存网站健康检查设置');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      return settingsPage(request, reply, { error, values: body });
    }
  });

  app.get('/console/health/columns/:columnId', async (request, reply) => {
    const { actor } = requireStaff(request);
    const history = await columnHistory(ctx, actor, idParam(request, 'columnId'));
    return sendConsolePage(request, reply, `栏目更新历史 - ${history.column.name}`, () => <ColumnHistoryPage history={history} canEditSettings={healthPolicy.editSettings(actor)} />);
  });

  app.get('/console/health/:agencyId', async (request, reply) => {
    const { actor } = requireStaff(request);
    const detail = await agencyHealthDetail(ctx, actor, idParam(request, 'agencyId'));
    return sendConsolePage(request, reply, `网站健康 - ${detail.agency.short_name}`, () => <AgencyHealthPage {...detail} canEditSettings={healthPolicy.editSettings(actor)} />);
  });

  // JSON API
  const tags = ['health'];
  app.get('/api/v1/health', { schema: { tags, summary: '可见各单位今天的网站健康情况（今日巡检记录，尚无记录的即时检查）：结论、得分、单项否决、未按期更新和空白栏目数' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { today, rows } = await healthOverview(ctx, actor);
    return { today, agencies: rows.map(({ agency, summary, recordedAt }) => ({ agencyId: agency.id, name: agency.name, recordedAt, ...summary })) };
  });
  app.get('/api/v1/health/agencies/:agencyId', { schema: { tags, summary: '某单位今天的网站健康：各项指标、问题清单（indicator, severity, message, columnId, itemId, since）和各栏目状态' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agency, health } = await agencyHealthDetail(ctx, actor, idParam(request, 'agencyId'));
    return { name: agency.name, ...health };
  });
  app.get('/api/v1/health/columns/:columnId', { schema: { tags, summary: '栏目今天的状态和每日巡检记录的未按期更新、空白期间' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { column, current, periods, snapshots } = await columnHistory(ctx, actor, idParam(request, 'columnId'));
    return { columnId: column.id, agencyId: column.agency_id, name: column.name, kind: column.kind, current, periods, snapshots };
  });
  app.get('/api/v1/health/settings', { schema: { tags, summary: '网站健康检查的阈值和外部链接检查设置' } }, async (request) => {
    const { actor } = requireStaff(request);
    return getHealthSettings(ctx, actor);
  });
  app.put('/api/v1/health/settings', { schema: { tags, summary: '修改网站健康检查设置：不出现的项不变', body: json(healthSettingsInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return saveHealthSettings(ctx, { actor, input: request.body, ip: request.ip });
  });
}
