/** 政府信息管理 in the console and the JSON API: the register, the yearly figures; imports in import/routes.tsx. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today, type AppContext } from '../../context.js';
import { isIsoDate } from '../../domain/calendar/index.js';
import { DOCUMENT_KINDS, EXPIRY_WARNING_DAYS, type DocumentKind } from '../../domain/registry/documents.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { listAgencies } from '../agencies/service.js';
import { parseYear } from '../annual-reports/service.js';
import { registryImportRoutes } from './import/routes.js';
import { registryPolicy } from './policy.js';
import { expiringDocuments } from './repository.js';
import { apiImportInput, documentInput, endDocumentInput, figuresInput, newDocumentInput } from './schemas.js';
import { chooseAgency, createDocument, endDocument, getDocument, getFigures, listRegister, registryAgency, saveFigures, updateDocument, type RegisterQuery } from './service.js';
import { DocumentPage, FiguresPage, NewDocumentPage, RegisterPage } from './views.js';

const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The register's filters from a query string; anything unreadable is left out. */
function registerQuery(q: Record<string, string | undefined>): RegisterQuery {
  return {
    kind: (DOCUMENT_KINDS as readonly string[]).includes(q.kind ?? '') ? (q.kind as DocumentKind) : undefined,
    inForceOn: isIsoDate(q.on) ? q.on : undefined,
    q: q.q?.trim().slice(0, 100) || undefined,
  };
}

/** The year asked for, else last year (the one reported in the first months). */
function yearOf(ctx: AppContext, raw: unknown): number {
  return raw ? parseYear(raw) : Number(today(ctx).slice(0, 4)) - 1;
}

export async function registryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Register
  app.get('/console/registry', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agencies, agency } = await chooseAgency(ctx, actor, q.agencyId);
    const query = registerQuery(q);
    const register = await listRegister(ctx, actor, agency.id, query);
    return sendConsolePage(request, reply, `政府信息管理 - ${agency.short_name}`, () => (
      <RegisterPage agencies={agencies} {...register} filter={{ kind: query.kind, on: query.inForceOn, q: query.q }} canEdit={registryPolicy.edit(actor, agency.id)} />
    ));
  });

  const newPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, error?: AppError) => {
    const { actor } = requireStaff(request);
    const { agencies, agency } = await chooseAgency(ctx, actor, values.agencyId);
    if (!registryPolicy.edit(actor, agency.id)) throw forbidden('无权登记该单位的文件');
    return sendConsolePage(request, reply, '登记文件', ({ csrfToken }) => (
      <NewDocumentPage agencies={agencies} agency={agency} csrfToken={csrfToken} values={values} error={error?.message} fields={error?.fields} />
    ), { status: error ? (error.code === 'VALIDATION_FAILED' ? 400 : 409) : 200 });
  };
  app.get('/console/registry/documents/new', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return newPage(request, reply, { agencyId: q.agencyId, kind: 'normative' });
  });
  app.post('/console/registry/documents', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const created = await createDocument(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, `/console/registry/documents/${created.id}`, '已登记');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return newPage(request, reply, body, error);
    }
  });

  const documentPage = async (request: FastifyRequest, reply: FastifyReply, id: number, failed?: { form: 'edit' | 'repeal' | 'expire'; error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const { document, agency, item } = await getDocument(ctx, actor, id);
    return sendConsolePage(request, reply, document.title, ({ csrfToken }) => (
      <DocumentPage document={document} agency={agency} item={item} today={today(ctx)} csrfToken={csrfToken} canEdit={registryPolicy.edit(actor, document.agency_id)}
        failedForm={failed?.form} values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? (failed.error.code === 'VALIDATION_FAILED' ? 400 : 409) : 200 });
  };
  app.get('/console/registry/documents/:id', async (request, reply) => documentPage(request, reply, idParam(request)));
  const documentAction = (path: string, form: 'edit' | 'repeal' | 'expire', run: (actor: Actor, id: number, body: unknown, ip: string) => Promise<string>) =>
    app.post(path, async (request, reply) => {
      const { actor } = requireStaff(request);
      const id = idParam(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        return redirectWithFlash(reply, `/console/registry/documents/${id}`, await run(actor, id, body, request.ip));
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
        return documentPage(request, reply, id, { form, error, values: body });
      }
    });
  documentAction('/console/registry/documents/:id', 'edit', async (actor, id, input, ip) => {
    await updateDocument(ctx, { actor, id, input, ip });
    return '已保存';
  });
  documentAction('/console/registry/documents/:id/repeal', 'repeal', async (actor, id, input, ip) => {
    const d = await endDocument(ctx, { actor, id, action: 'repeal', input, ip });
    return `已登记废止（${d.repealed_on}）${d.item_id ? '，公开信息已标注“已废止”' : ''}`;
  });
  documentAction('/console/registry/documents/:id/expire', 'expire', async (actor, id, input, ip) => {
    const d = await endDocument(ctx, { actor, id, action: 'expire', input, ip });
    return `已登记失效（${d.expired_on}）${d.item_id ? '，公开信息已标注“已失效”' : ''}`;
  });

  // Yearly figures
  const figuresPage = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: unknown, yearRaw: unknown, failed?: { error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const { agencies, agency } = await chooseAgency(ctx, actor, agencyRaw);
    const figures = await getFigures(ctx, actor, agency.id, yearOf(ctx, yearRaw));
    return sendConsolePage(request, reply, `年度数字 - ${agency.short_name}`, ({ csrfToken }) => (
      <FiguresPage agencies={agencies} {...figures} csrfToken={csrfToken} canEdit={registryPolicy.edit(actor, agency.id)}
        values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? 400 : 200 });
  };
  app.get('/console/registry/figures', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return figuresPage(request, reply, q.agencyId, q.year);
  });
  app.post('/console/registry/figures', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await saveFigures(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, `/console/registry/figures?agencyId=${String(body.agencyId)}&year=${String(body.year)}`, '已保存年度数字');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return figuresPage(request, reply, body.agencyId, body.year, { error, values: body });
    }
  });

  // JSON API
  const tags = ['registry'];
  app.get('/api/v1/registry/documents', { schema: { tags, summary: '规章和行政规范性文件登记：?agencyId=&kind=rule|normative&on=YYYY-MM-DD（该日现行有效）&q=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agency } = await chooseAgency(ctx, actor, q.agencyId);
    const register = await listRegister(ctx, actor, agency.id, registerQuery(q));
    return { agencyId: agency.id, documents: register.documents, expiring: register.expiring, lapsed: register.lapsed };
  });
  app.post('/api/v1/registry/documents', { schema: { tags, summary: '登记规章或行政规范性文件', body: json(newDocumentInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send(await createDocument(ctx, { actor, input: request.body, ip: request.ip }));
  });
  app.get('/api/v1/registry/documents/:id', { schema: { tags, summary: '登记的文件及其关联的公开信息' } }, async (request) => {
    const { actor } = requireStaff(request);
    return getDocument(ctx, actor, idParam(request));
  });
  app.put('/api/v1/registry/documents/:id', { schema: { tags, summary: '修改登记信息（不含废止、失效）', body: json(documentInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return updateDocument(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
  });
  for (const action of ['repeal', 'expire'] as const) {
    app.post(`/api/v1/registry/documents/:id/${action}`, { schema: { tags, summary: action === 'repeal' ? '登记废止：{ on, reason }' : '登记失效：{ on, reason }', body: json(endDocumentInput) } }, async (request) => {
      const { actor } = requireStaff(request);
      return endDocument(ctx, { actor, id: idParam(request), action, input: request.body, ip: request.ip });
    });
  }
  app.get('/api/v1/registry/expiring', { schema: { tags, summary: '有效期即将届满的文件：?agencyId=（不填为可见的全部单位）&days=90' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const days = q.days && /^\d{1,4}$/.test(q.days) ? Number(q.days) : EXPIRY_WARNING_DAYS;
    const ids = q.agencyId ? [(await registryAgency(ctx, actor, Number(q.agencyId) || 0)).id] : (await listAgencies(ctx, actor)).filter((a) => registryPolicy.view(actor, a.id)).map((a) => a.id);
    return { days, documents: await expiringDocuments(ctx.database.db, ids, today(ctx), days) };
  });
  app.get('/api/v1/registry/figures', { schema: { tags, summary: '某单位某年度填报的数字和年报第二部分（按现有记录）：?agencyId=&year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agency } = await chooseAgency(ctx, actor, q.agencyId);
    const { year, entered, section2 } = await getFigures(ctx, actor, agency.id, yearOf(ctx, q.year));
    return { agencyId: agency.id, year, entered, ...section2 };
  });
  app.put('/api/v1/registry/figures', { schema: { tags, summary: '填报年度数字：不出现的项不变，null 删除该项', body: json(figuresInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    const entered = await saveFigures(ctx, { actor, input: request.body, ip: request.ip });
    return { entered };
  });

  await registryImportRoutes(app, ctx, { apiImportSchema: json(apiImportInput) });
}
