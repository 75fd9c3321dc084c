/** Console and JSON API routes of inspections and rectification tasks. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today, type AppContext } from '../../context.js';
import { defaultRectificationDueOn } from '../../domain/inspections/rectification.js';
import { AppError } from '../../errors.js';
import { attachmentHeader } from '../../http/download.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { listAgencies } from '../agencies/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { UploadedFile } from './evidence.js';
import { inspectionPolicy } from './policy.js';
import { acceptTask, answerTask, getTask, listTasksFor, returnTask } from './rectification.js';
import { TaskListPage, TaskPage } from './rectification-views.js';
import {
  addTarget, deleteFinding, evidenceFile, getInspection, issueInspection, listInspectionsFor, planInspection, planningOptions, prefillFindings, recordFinding,
} from './service.js';
import { InspectionListPage, InspectionPage, PlanInspectionPage } from './views.js';

/** Errors shown on the page that was submitted, rather than as an error page. */
const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
const isFormError = (error: unknown): error is AppError => error instanceof AppError && FORM_ERRORS.includes(error.code);

/** Larger bodies for the API calls that carry a screenshot in base64 (5 MB → about 6.7 MB). */
const SCREENSHOT_BODY_LIMIT = 8 * 1024 * 1024;

type Body = Record<string, unknown>;

/**
 * The fields and the file of a form: urlencoded, or multipart (an upload form, whose fields
 * arrive as objects). An empty file input (no file chosen) is no file.
 */
export async function formWithFile(request: FastifyRequest): Promise<{ fields: Body; file: UploadedFile | null }> {
  if (!request.isMultipart()) return { fields: (request.body ?? {}) as Body, file: null };
  const fields: Body = {};
  let file: UploadedFile | null = null;
  for (const [name, raw] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    for (const part of Array.isArray(raw) ? raw : [raw]) {
      const p = part as { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };
      if (p?.type === 'file' && p.toBuffer) {
        const bytes = await p.toBuffer();
        if (name === 'file' && (bytes.length > 0 || p.filename)) file = { fileName: p.filename || '截图', bytes };
      } else if (p?.type === 'field') {
        const previous = fields[name];
        fields[name] = previous === undefined ? p.value : ([] as unknown[]).concat(previous, p.value);
      }
    }
  }
  return { fields, file };
}

/** A screenshot given to the JSON API: { fileName, contentBase64 }. */
function apiScreenshot(body: Body): UploadedFile | null {
  const s = body.screenshot as { fileName?: unknown; contentBase64?: unknown } | undefined;
  if (s === undefined || s === null) return null;
  if (typeof s !== 'object' || typeof s.contentBase64 !== 'string') throw new AppError('VALIDATION_FAILED', '截图应为 { fileName, contentBase64 }', [{ field: 'screenshot', message: '截图：格式不正确' }]);
  return { fileName: typeof s.fileName === 'string' ? s.fileName : '截图', bytes: Buffer.from(s.contentBase64, 'base64') };
}

export async function inspectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const officeOf = async (request: FastifyRequest) => {
    const { actor } = requireStaff(request);
    return (await listAgencies(ctx, actor)).some((a) => inspectionPolicy.viewInspection(actor, a.id));
  };

  // ---- inspections ----
  app.get('/console/inspections', async (request, reply) => {
    const { actor } = requireStaff(request);
    if (!(await officeOf(request))) return reply.redirect('/console/rectifications', 303);
    const rows = await listInspectionsFor(ctx, actor);
    const canPlan = (await listAgencies(ctx, actor)).some((a) => inspectionPolicy.plan(actor, a.id));
    return sendConsolePage(request, reply, '检查整改', () => <InspectionListPage rows={rows} canPlan={canPlan} />);
  });

  const planPage = async (request: FastifyRequest, reply: FastifyReply, values: Body, error?: AppError) => {
    const { actor } = requireStaff(request);
    const options = await planningOptions(ctx, actor);
    return sendConsolePage(request, reply, '安排检查', ({ csrfToken }) => (
      <PlanInspectionPage csrfToken={csrfToken} agencies={options.agencies} accounts={options.accounts} values={values} thisYear={Number(today(ctx).slice(0, 4))} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/inspections/new', async (request, reply) => planPage(request, reply, {}));
  app.post('/console/inspections/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      const inspection = await planInspection(ctx, { actor, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/inspections/${inspection.id}`, '已保存检查安排');
    } catch (error) {
      if (!isFormError(error)) throw error;
      return planPage(request, reply, (request.body ?? {}) as Body, error);
    }
  });

  const detailPage = async (request: FastifyRequest, reply: FastifyReply, id: number, values: Body = {}, error?: AppError) => {
    const { actor } = requireStaff(request);
    const view = await getInspection(ctx, actor, id);
    let defaultRectifyBy: string | null = null;
    if (view.canEdit) {
      try {
        defaultRectifyBy = defaultRectificationDueOn(today(ctx), await loadCalendar(ctx));
      } catch {
        defaultRectifyBy = null;
      }
    }
    return sendConsolePage(request, reply, view.inspection.title, ({ csrfToken }) => (
      <InspectionPage view={view} csrfToken={csrfToken} values={values} today={today(ctx)} defaultRectifyBy={defaultRectifyBy} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/inspections/:id', async (request, reply) => detailPage(request, reply, idParam(request)));

  /** A form on the inspection page: run, then back to the page with a message or the errors. */
  const inspectionAction = (path: string, run: (request: FastifyRequest, id: number, fields: Body, file: UploadedFile | null) => Promise<string>) =>
    app.post(`/console/inspections/:id${path}`, async (request, reply) => {
      requireStaff(request);
      const id = idParam(request);
      const { fields, file } = await formWithFile(request);
      try {
        return redirectWithFlash(reply, `/console/inspections/${id}`, await run(request, id, fields, file));
      } catch (error) {
        if (!isFormError(error)) throw error;
        return detailPage(request, reply, id, fields, error);
      }
    });
  inspectionAction('/targets', async (request, id, fields) => {
    const target = await addTarget(ctx, { actor: requireStaff(request).actor, id, input: fields, ip: request.ip });
    return `已添加检查对象“${target.name}”`;
  });
  inspectionAction('/findings', async (request, id, fields, file) => {
    const { evidence } = await recordFinding(ctx, { actor: requireStaff(request).actor, id, input: fields, file, ip: request.ip });
    return evidence ? `已记录问题（附截图“${evidence.file_name}”）` : '已记录问题';
  });
  app.post('/console/inspections/:id/findings/:findingId/delete', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      await deleteFinding(ctx, { actor, id, findingId: idParam(request, 'findingId'), ip: request.ip });
      return redirectWithFlash(reply, `/console/inspections/${id}`, '已删除问题');
    } catch (error) {
      if (!isFormError(error)) throw error;
      return detailPage(request, reply, id, {}, error);
    }
  });
  inspectionAction('/prefill', async (request, id) => {
    const { added } = await prefillFindings(ctx, { actor: requireStaff(request).actor, id, ip: request.ip });
    return added ? `已从网站健康检查导入${added}个问题` : '网站健康检查没有发现新的问题';
  });
  inspectionAction('/issue', async (request, id, fields) => {
    const { tasks, inspection } = await issueInspection(ctx, { actor: requireStaff(request).actor, id, input: fields, ip: request.ip });
    return `已下发${tasks}项整改任务，整改期限${inspection.rectify_by}`;
  });

  app.get('/console/inspections/evidence/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const evidence = await evidenceFile(ctx, actor, idParam(request));
    const ext = evidence.kind === 'png' ? '.png' : '.jpg';
    return reply
      .type(evidence.mime)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      // Shown in the browser: the type was decided by the content (PNG or JPEG only).
      .header('content-disposition', attachmentHeader(evidence.file_name, `evidence-${evidence.id}${ext}`).replace(/^attachment/, 'inline'))
      .send(Buffer.from(evidence.content));
  });

  // ---- rectification tasks ----
  app.get('/console/rectifications', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const inspectionId = /^\d{1,9}$/.test(q.inspectionId ?? '') ? Number(q.inspectionId) : undefined;
    const result = await listTasksFor(ctx, actor, { show: q.show ?? 'open', inspectionId });
    const office = await officeOf(request);
    return sendConsolePage(request, reply, '整改任务', () => <TaskListPage result={result} office={office} inspectionId={inspectionId} />);
  });

  const taskPage = async (request: FastifyRequest, reply: FastifyReply, id: number, values: Body = {}, error?: AppError) => {
    const { actor } = requireStaff(request);
    const view = await getTask(ctx, actor, id);
    return sendConsolePage(request, reply, '整改任务', ({ csrfToken }) => <TaskPage view={view} csrfToken={csrfToken} values={values} error={error?.message} fields={error?.fields} />, {
      status: error ? HTTP_STATUS[error.code] : 200,
    });
  };
  app.get('/console/rectifications/:id', async (request, reply) => taskPage(request, reply, idParam(request)));
  const taskAction = (path: string, run: (request: FastifyRequest, id: number, fields: Body, file: UploadedFile | null) => Promise<string>) =>
    app.post(`/console/rectifications/:id${path}`, async (request, reply) => {
      requireStaff(request);
      const id = idParam(request);
      const { fields, file } = await formWithFile(request);
      try {
        return redirectWithFlash(reply, `/console/rectifications/${id}`, await run(request, id, fields, file));
      } catch (error) {
        if (!isFormError(error)) throw error;
        return taskPage(request, reply, id, fields, error);
      }
    });
  taskAction('/answer', async (request, id, fields, file) => {
    await answerTask(ctx, { actor: requireStaff(request).actor, id, input: fields, file, ip: request.ip });
    return '已提交整改情况，等待公开办验收';
  });
  taskAction('/accept', async (request, id, fields) => {
    await acceptTask(ctx, { actor: requireStaff(request).actor, id, input: fields, ip: request.ip });
    return '已验收，整改完成';
  });
  taskAction('/return', async (request, id, fields) => {
    const task = await returnTask(ctx, { actor: requireStaff(request).actor, id, input: fields, ip: request.ip });
    return `已退回重新整改，整改期限${task.due_on}`;
  });

  // ---- JSON API ----
  const tags = ['inspections'];
  app.get('/api/v1/inspections', { schema: { tags, summary: '本公开办安排的检查' } }, async (request) => ({ inspections: await listInspectionsFor(ctx, requireStaff(request).actor) }));
  app.post('/api/v1/inspections', { schema: { tags, summary: '安排检查：{ kind, year, quarter | startsOn, endsOn, title, agencyIds, sites, accountIds }' } }, async (request, reply) => {
    const inspection = await planInspection(ctx, { actor: requireStaff(request).actor, input: request.body, ip: request.ip });
    return reply.status(201).send({ inspection });
  });
  app.get('/api/v1/inspections/:id', { schema: { tags, summary: '检查详情：范围、检查对象、问题及其整改任务' } }, async (request) => {
    const view = await getInspection(ctx, requireStaff(request).actor, idParam(request));
    return { inspection: view.inspection, agencyIds: view.agencies.map((a) => a.id), targets: view.targets, findings: view.findings, notices: view.notices };
  });
  app.post('/api/v1/inspections/:id/targets', { schema: { tags, summary: '添加检查对象：{ agencyId, kind: site | newMedia, name, url, accountId }' } }, async (request, reply) => {
    const target = await addTarget(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body, ip: request.ip });
    return reply.status(201).send({ target });
  });
  app.post('/api/v1/inspections/:id/findings', { bodyLimit: SCREENSHOT_BODY_LIMIT, schema: { tags, summary: '记录问题：{ agencyId, targetId, indicator, description, url, since, screenshot: { fileName, contentBase64 } }' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    const { screenshot: _file, ...input } = body;
    const result = await recordFinding(ctx, { actor: requireStaff(request).actor, id: idParam(request), input, file: apiScreenshot(body), ip: request.ip });
    return reply.status(201).send(result);
  });
  app.delete('/api/v1/inspections/:id/findings/:findingId', { schema: { tags, summary: '删除问题（下发前）' } }, async (request, reply) => {
    await deleteFinding(ctx, { actor: requireStaff(request).actor, id: idParam(request), findingId: idParam(request, 'findingId'), ip: request.ip });
    return reply.status(204).send();
  });
  app.post('/api/v1/inspections/:id/prefill', { schema: { tags, summary: '从网站健康检查导入问题（不重复添加）' } }, async (request) =>
    prefillFindings(ctx, { actor: requireStaff(request).actor, id: idParam(request), ip: request.ip }));
  app.post('/api/v1/inspections/:id/issue', { schema: { tags, summary: '下发整改：{ rectifyBy }（默认10个工作日）' } }, async (request) => {
    const { inspection, tasks } = await issueInspection(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body ?? {}, ip: request.ip });
    return { tasks, rectifyBy: inspection.rectify_by, status: inspection.status };
  });

  const taskTags = ['rectification'];
  app.get('/api/v1/rectifications', { schema: { tags: taskTags, summary: '整改任务：?show=open|overdue|answered|accepted&inspectionId=' } }, async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const inspectionId = /^\d{1,9}$/.test(q.inspectionId ?? '') ? Number(q.inspectionId) : undefined;
    const { rows, today: day } = await listTasksFor(ctx, requireStaff(request).actor, { show: q.show, inspectionId });
    return { today: day, tasks: rows };
  });
  app.get('/api/v1/rectifications/:id', { schema: { tags: taskTags, summary: '整改任务详情与办理过程' } }, async (request) => getTask(ctx, requireStaff(request).actor, idParam(request)));
  app.post('/api/v1/rectifications/:id/answer', { bodyLimit: SCREENSHOT_BODY_LIMIT, schema: { tags: taskTags, summary: '反馈整改情况：{ description, screenshot: { fileName, contentBase64 } }' } }, async (request) => {
    const body = (request.body ?? {}) as Body;
    const { screenshot: _file, ...input } = body;
    return { task: await answerTask(ctx, { actor: requireStaff(request).actor, id: idParam(request), input, file: apiScreenshot(body), ip: request.ip }) };
  });
  app.post('/api/v1/rectifications/:id/accept', { schema: { tags: taskTags, summary: '验收通过：{ comment }' } }, async (request) =>
    ({ task: await acceptTask(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body ?? {}, ip: request.ip }) }));
  app.post('/api/v1/rectifications/:id/return', { schema: { tags: taskTags, summary: '退回重新整改：{ comment, dueOn }' } }, async (request) =>
    ({ task: await returnTask(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body ?? {}, ip: request.ip }) }));
}
