/** Agency administration: console pages and the JSON API. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { agencyPolicy } from './policy.js';
import { agencyInput } from './schemas.js';
import { createAgency, getAgency, listAgencies, updateAgency } from './service.js';
import { AgencyFormPage, AgencyListPage, agencyFormValues, type AgencyFormValues } from './views.js';

/** The API's view of an agency (column names stay inside the repository). */
export function presentAgency(a: Agency) {
  return {
    id: a.id, parentId: a.parent_id, name: a.name, shortName: a.short_name, kind: a.kind,
    creditCode: a.credit_code, indexCode: a.index_code, sortOrder: a.sort_order,
    contacts: { officeName: a.office_name, officeAddress: a.office_address, officeHours: a.office_hours, postalCode: a.postal_code, phone: a.phone, fax: a.fax, email: a.email, website: a.website },
  };
}

const agencyBodySchema = z.toJSONSchema(agencyInput, { io: 'input', unrepresentable: 'any' });

export async function agencyRoutes(app: FastifyInstance, ctx: AppContext) {
  const formPage = async (
    request: Parameters<typeof requireStaff>[0],
    reply: Parameters<typeof sendConsolePage>[1],
    opts: { title: string; action: string; values: AgencyFormValues; canEdit: boolean; error?: AppError; status?: number },
  ) => {
    const { actor } = requireStaff(request);
    const parents = (await listAgencies(ctx, actor)).filter((a) => agencyPolicy.create(actor, a.id));
    return sendConsolePage(request, reply, opts.title, ({ csrfToken }) => (
      <AgencyFormPage csrfToken={csrfToken} action={opts.action} title={opts.title} values={opts.values} parents={parents}
        canEdit={opts.canEdit} error={opts.error?.message} fields={opts.error?.fields} />
    ), { status: opts.status });
  };

  app.get('/console/agencies', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencies = await listAgencies(ctx, actor);
    const canCreate = agencies.some((a) => agencyPolicy.create(actor, a.id));
    return sendConsolePage(request, reply, '单位管理', () => <AgencyListPage agencies={agencies} canCreate={canCreate} />);
  });

  app.get('/console/agencies/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    const parentId = (request.query as Record<string, string>).parentId ?? String(actor.agencyId);
    return formPage(request, reply, { title: '新增单位', action: '/console/agencies/new', values: { kind: 'department', parentId }, canEdit: true });
  });

  app.post('/console/agencies/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      const agency = await createAgency(ctx, { actor, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/agencies/${agency.id}`, `已新增单位：${agency.name}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'CONFLICT'].includes(error.code)) throw error;
      return formPage(request, reply, {
        title: '新增单位', action: '/console/agencies/new', values: request.body as AgencyFormValues, canEdit: true, error,
        status: error.code === 'CONFLICT' ? 409 : 400,
      });
    }
  });

  app.get('/console/agencies/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agency = await getAgency(ctx, actor, idParam(request));
    return formPage(request, reply, {
      title: agency.name, action: `/console/agencies/${agency.id}`, values: agencyFormValues(agency), canEdit: agencyPolicy.update(actor, agency.id),
    });
  });

  app.post('/console/agencies/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      const agency = await updateAgency(ctx, { actor, id, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/agencies/${agency.id}`, '已保存');
    } catch (error) {
      if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'CONFLICT'].includes(error.code)) throw error;
      return formPage(request, reply, {
        title: '修改单位', action: `/console/agencies/${id}`, values: request.body as AgencyFormValues, canEdit: true, error,
        status: error.code === 'CONFLICT' ? 409 : 400,
      });
    }
  });

  // JSON API
  const tags = ['agencies'];
  app.get('/api/v1/agencies', { schema: { tags, summary: '可见单位列表（树序）' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { agencies: (await listAgencies(ctx, actor)).map((a) => ({ ...presentAgency(a), depth: a.depth })) };
  });
  app.get('/api/v1/agencies/:id', { schema: { tags, summary: '单位详情' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { agency: presentAgency(await getAgency(ctx, actor, idParam(request))) };
  });
  app.post('/api/v1/agencies', { schema: { tags, summary: '新增单位', body: agencyBodySchema } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const agency = await createAgency(ctx, { actor, input: request.body, ip: request.ip });
    return reply.status(201).send({ agency: presentAgency(agency) });
  });
  app.put('/api/v1/agencies/:id', { schema: { tags, summary: '修改单位', body: agencyBodySchema } }, async (request) => {
    const { actor } = requireStaff(request);
    return { agency: presentAgency(await updateAgency(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip })) };
  });
}
