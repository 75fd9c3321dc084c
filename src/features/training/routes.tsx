/** Training records in the console and the JSON API. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { trainingFigures } from './figures.js';
import { trainingPolicy } from './policy.js';
import { trainingFormInput, trainingInput } from './schemas.js';
import { createTraining, deleteTraining, getTraining, listTrainings, organiserChoices, updateTraining, visibleAgencies, yearOf } from './service.js';
import { NewTrainingPage, TrainingListPage, TrainingPage } from './views.js';

const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export async function trainingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/console/training', async (request, reply) => {
    const { actor } = requireStaff(request);
    const list = await listTrainings(ctx, actor, yearOf(ctx, (request.query as Record<string, unknown>).year));
    const canCreate = (await organiserChoices(ctx, actor)).length > 0;
    return sendConsolePage(request, reply, '政务公开培训', () => <TrainingListPage {...list} canCreate={canCreate} />);
  });

  const newPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, error?: AppError) => {
    const { actor } = requireStaff(request);
    const organisers = await organiserChoices(ctx, actor);
    if (organisers.length === 0) throw new AppError('FORBIDDEN', '无权登记培训：单位管理员和公开办管理员可以登记本单位组织的培训');
    const agencies = await visibleAgencies(ctx, actor);
    return sendConsolePage(request, reply, '登记培训', ({ csrfToken }) => (
      <NewTrainingPage organisers={organisers} agencies={agencies} csrfToken={csrfToken} values={values} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/training/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    return newPage(request, reply, { organiserAgencyId: String(actor.agencyId) });
  });
  app.post('/console/training', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const created = await createTraining(ctx, { actor, input: trainingFormInput(body), ip: request.ip });
      return redirectWithFlash(reply, `/console/training/${created.id}`, '已登记培训');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return newPage(request, reply, body, error);
    }
  });

  const trainingPage = async (request: FastifyRequest, reply: FastifyReply, id: number, failed?: { error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const detail = await getTraining(ctx, actor, id);
    const canEdit = trainingPolicy.edit(actor, detail.training.organiser_agency_id);
    const organisers = canEdit ? await organiserChoices(ctx, actor) : [];
    const agencies = canEdit ? await visibleAgencies(ctx, actor) : [];
    return sendConsolePage(request, reply, `${detail.training.topic} - 培训`, ({ csrfToken }) => (
      <TrainingPage detail={detail} organisers={organisers} agencies={agencies} csrfToken={csrfToken} canEdit={canEdit}
        values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? HTTP_STATUS[failed.error.code] : 200 });
  };
  app.get('/console/training/:id', async (request, reply) => trainingPage(request, reply, idParam(request)));
  app.post('/console/training/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await updateTraining(ctx, { actor, id, input: trainingFormInput(body), ip: request.ip });
      return redirectWithFlash(reply, `/console/training/${id}`, '已保存');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return trainingPage(request, reply, id, { error, values: body });
    }
  });
  app.post('/console/training/:id/delete', async (request, reply) => {
    const { actor } = requireStaff(request);
    const detail = await getTraining(ctx, actor, idParam(request));
    await deleteTraining(ctx, { actor, id: detail.training.id, ip: request.ip });
    return redirectWithFlash(reply, `/console/training?year=${detail.training.held_on.slice(0, 4)}`, `已删除培训记录“${detail.training.topic}”`);
  });

  // JSON API
  const tags = ['training'];
  app.get('/api/v1/trainings', { schema: { tags, summary: '某年度本单位组织或派员参加的培训及年度数字：?year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    return listTrainings(ctx, actor, yearOf(ctx, (request.query as Record<string, unknown>).year));
  });
  app.get('/api/v1/trainings/figures', { schema: { tags, summary: '培训年度数字（次数、人次、学时）：?year=&agencyId=（不填为可见的全部单位合计）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const agencies = await visibleAgencies(ctx, actor);
    const ids = q.agencyId ? agencies.filter((a) => String(a.id) === q.agencyId).map((a) => a.id) : agencies.map((a) => a.id);
    if (ids.length === 0) throw new AppError('NOT_FOUND', '单位不存在或无权访问');
    const year = yearOf(ctx, q.year);
    return { year, agencyIds: ids, figures: await trainingFigures(ctx.database.db, ids, year) };
  });
  app.post('/api/v1/trainings', { schema: { tags, summary: '登记培训：{ organiserAgencyId, heldOn, topic, hours, note?, participants: [{ agencyId, participants }] }', body: json(trainingInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send(await createTraining(ctx, { actor, input: request.body, ip: request.ip }));
  });
  app.get('/api/v1/trainings/:id', { schema: { tags, summary: '一次培训及各单位参训人数' } }, async (request) => {
    const { actor } = requireStaff(request);
    return getTraining(ctx, actor, idParam(request));
  });
  app.put('/api/v1/trainings/:id', { schema: { tags, summary: '修改培训记录（参训人数整体替换）', body: json(trainingInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return updateTraining(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
  });
  app.delete('/api/v1/trainings/:id', { schema: { tags, summary: '删除登记有误的培训记录' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    await deleteTraining(ctx, { actor, id: idParam(request), ip: request.ip });
    return reply.status(204).send();
  });
}
