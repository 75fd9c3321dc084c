/** Console and JSON API routes of proactive publication. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { PublicationAttachment, PublicationItem } from '../../db/schema.js';
import { reviewRefusal } from '../../domain/publication/review.js';
import { AppError } from '../../errors.js';
import { attachmentHeader } from '../../http/download.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { listAgencies } from '../agencies/service.js';
import { DEFAULT_WRONG_PHRASES } from '../../domain/publication/wrong-phrases.js';
import { publicationPolicy } from './policy.js';
import { getItemDetail, listItemsForActor, reviewQueue, staffAttachment } from './queries.js';
import { listReviews, listWrongPhraseRows } from './repository.js';
import {
  addAttachment, createColumn, createItem, deleteColumn, deleteWrongPhrase, listColumns, removeAttachment, saveWrongPhrase,
  setFewerStagesAllowed, setReviewStages, updateColumn, updateItem,
} from './service.js';
import { reviewItem, submitItem, withdrawItem, type ReviewOutcome } from './workflow.js';
import { ColumnsPage, ItemDetailPage, ItemFormPage, ItemListPage, ReviewQueuePage, SettingsPage } from './views.js';

/** Errors shown on the page that was submitted, rather than as an error page. */
const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN'];
const isFormError = (error: unknown): error is AppError => error instanceof AppError && FORM_ERRORS.includes(error.code);

const REVIEW_RESULT_TEXT: Record<ReviewOutcome['result'], string> = {
  nextStage: '已同意，送下一审核环节',
  rejected: '已退回起草人修改',
  scheduled: '终审通过，将按定时发布',
  published: '终审通过，已发布到门户网站',
};

/** The datetime-local value of a stored UTC timestamp, in Beijing time. */
function beijingLocal(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

function formValues(item: PublicationItem): Record<string, unknown> {
  return {
    title: item.title, columnId: String(item.column_id), infoKind: item.info_kind, subjectCategory: item.subject_category ?? '',
    bodyHtml: item.body_html, issuingAgency: item.issuing_agency, documentNumber: item.document_number ?? '', writtenDate: item.written_date ?? '',
    madeOn: item.made_on ?? '', interpretsItemId: item.interprets_item_id ? String(item.interprets_item_id) : '', sourceName: item.source_name ?? '',
    sourceUrl: item.source_url ?? '', scheduledFor: beijingLocal(item.scheduled_for),
  };
}

/** The uploaded file of a multipart form (fields are attached to the body). */
async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const file = (request.body as Record<string, { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }> | undefined)?.file;
  if (!file || file.type !== 'file' || !file.toBuffer) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
  return { bytes: await file.toBuffer(), fileName: file.filename || '附件' };
}

/** Sends an attachment as a download (never rendered inline by the browser). */
export function sendAttachment(reply: FastifyReply, a: PublicationAttachment) {
  const ext = a.file_name.includes('.') ? a.file_name.slice(a.file_name.lastIndexOf('.')).replace(/[^.a-zA-Z0-9]/g, '') : '';
  return reply
    .type(a.mime)
    .header('content-disposition', attachmentHeader(a.file_name, `attachment-${a.id}${ext}`))
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(a.content));
}

export async function publicationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- lists ----
  app.get('/console/publications', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const agencyId = /^\d{1,9}$/.test(q.agencyId ?? '') ? Number(q.agencyId) : undefined;
    const status = ['draft', 'review', 'scheduled', 'published', 'withdrawn'].includes(q.status ?? '') ? q.status : undefined;
    const page = Math.max(1, Math.min(10_000, Number(q.page) || 1));
    const search = q.q?.trim().slice(0, 100) || undefined;
    const list = await listItemsForActor(ctx, actor, { agencyId, status, q: search, page });
    if (list.agencies.length === 0) throw new AppError('FORBIDDEN', '无权查看主动公开信息');
    const queue = await reviewQueue(ctx, actor);
    return sendConsolePage(request, reply, '主动公开', () => (
      <ItemListPage actor={actor} rows={list.rows} total={list.total} page={page} pageSize={list.pageSize} agencies={list.agencies} query={{ agencyId, status, q: search }} queueCount={queue.length} />
    ));
  });
  app.get('/console/publications/review', async (request, reply) => {
    const { actor } = requireStaff(request);
    const rows = await reviewQueue(ctx, actor);
    return sendConsolePage(request, reply, '待我审核', () => <ReviewQueuePage rows={rows} />);
  });

  // ---- the item form ----
  const formPage = async (request: FastifyRequest, reply: FastifyReply, opts: { agencyId: number | null; item?: PublicationItem; values: Record<string, unknown>; error?: AppError }) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => publicationPolicy.draft(actor, a.id));
    if (agencies.length === 0) throw new AppError('FORBIDDEN', '只有信息起草人可以起草信息');
    const agencyId = opts.agencyId ?? (agencies.length === 1 ? agencies[0]!.id : null);
    if (agencyId !== null && !agencies.some((a) => a.id === agencyId)) throw new AppError('NOT_FOUND', '单位不存在或无权访问');
    const columns = agencyId ? await listColumns(ctx, actor, agencyId) : [];
    const action = opts.item ? `/console/publications/${opts.item.id}/edit` : `/console/publications/new?agencyId=${agencyId}`;
    return sendConsolePage(request, reply, opts.item ? '编辑信息' : '起草信息', ({ csrfToken }) => (
      <ItemFormPage action={action} title={opts.item ? `编辑：${opts.item.title}` : '起草信息'} agencies={agencies} agencyId={agencyId} columns={columns}
        values={opts.values} csrfToken={csrfToken} error={opts.error?.message} fields={opts.error?.fields} correcting={opts.item?.status === 'published'} />
    ), { status: opts.error ? HTTP_STATUS[opts.error.code] : 200 });
  };
  const agencyQuery = (request: FastifyRequest) => {
    const raw = (request.query as Record<string, string | undefined>).agencyId ?? '';
    return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  };
  app.get('/console/publications/new', async (request, reply) => formPage(request, reply, { agencyId: agencyQuery(request), values: {} }));
  app.post('/console/publications/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencyId = agencyQuery(request);
    if (agencyId === null) throw new AppError('NOT_FOUND', '单位不存在或无权访问');
    try {
      const item = await createItem(ctx, { actor, agencyId, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/publications/${item.id}`, '已保存草稿。可上传附件，完成后提交审核。');
    } catch (error) {
      if (!isFormError(error)) throw error;
      return formPage(request, reply, { agencyId, values: request.body as Record<string, unknown>, error });
    }
  });
  app.get('/console/publications/:id/edit', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { item } = await getItemDetail(ctx, actor, idParam(request));
    return formPage(request, reply, { agencyId: item.agency_id, item, values: formValues(item) });
  });
  app.post('/console/publications/:id/edit', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      await updateItem(ctx, { actor, id, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/publications/${id}`, '已保存');
    } catch (error) {
      if (!isFormError(error)) throw error;
      const { item } = await getItemDetail(ctx, actor, id);
      return formPage(request, reply, { agencyId: item.agency_id, item, values: request.body as Record<string, unknown>, error });
    }
  });

  // ---- one item ----
  const detailPage = async (request: FastifyRequest, reply: FastifyReply, id: number, error?: AppError) => {
    const { actor } = requireStaff(request);
    const detail = await getItemDetail(ctx, actor, id);
    const { item } = detail;
    let refusal: string | null = null;
    if (item.status === 'review' && item.review_stage !== null) {
      const reviews = await listReviews(ctx.database.db, item.id);
      refusal = reviewRefusal({
        actorUserId: actor.userId, actorRoles: actor.roles, drafterUserId: item.drafter_user_id, submittedBy: item.submitted_by, stage: item.review_stage, stagesRequired: item.stages_required,
        earlierReviewerIds: reviews.filter((r) => r.round === item.review_round && r.decision === 'approve' && r.stage < item.review_stage!).map((r) => r.reviewer_user_id),
      });
    }
    return sendConsolePage(request, reply, item.title, ({ csrfToken }) => (
      <ItemDetailPage actor={actor} detail={detail} csrfToken={csrfToken} error={error?.message} fields={error?.fields} refusal={refusal} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/publications/:id', async (request, reply) => detailPage(request, reply, idParam(request)));

  const itemAction = (path: string, run: (request: FastifyRequest, id: number) => Promise<string>) => {
    app.post(`/console/publications/:id${path}`, async (request, reply) => {
      const id = idParam(request);
      try {
        const message = await run(request, id);
        return redirectWithFlash(reply, `/console/publications/${id}`, message);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return detailPage(request, reply, id, error);
      }
    });
  };
  itemAction('/submit', async (request, id) => {
    await submitItem(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return '已提交审核';
  });
  itemAction('/review', async (request, id) => {
    const outcome = await reviewItem(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return REVIEW_RESULT_TEXT[outcome.result];
  });
  itemAction('/withdraw', async (request, id) => {
    await withdrawItem(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return '已撤回，门户网站不再显示该信息';
  });
  itemAction('/attachments', async (request, id) => {
    const { actor } = requireStaff(request);
    const { bytes, fileName } = await uploadedFile(request);
    await addAttachment(ctx, { actor, id, bytes, fileName, ip: request.ip });
    return `已上传附件“${fileName}”`;
  });
  app.post('/console/publications/:id/attachments/:attachmentId/delete', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      await removeAttachment(ctx, { actor, id, attachmentId: idParam(request, 'attachmentId'), ip: request.ip });
      return redirectWithFlash(reply, `/console/publications/${id}`, '已删除附件');
    } catch (error) {
      if (!isFormError(error)) throw error;
      return detailPage(request, reply, id, error);
    }
  });
  app.get('/console/publications/:id/attachments/:attachmentId', async (request, reply) => {
    const { actor } = requireStaff(request);
    const attachment = await staffAttachment(ctx, actor, idParam(request), idParam(request, 'attachmentId'));
    return sendAttachment(reply.header('cache-control', 'no-store'), attachment);
  });

  // ---- columns ----
  const columnsPage = async (request: FastifyRequest, reply: FastifyReply, agencyId: number | null, error?: AppError) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => publicationPolicy.view(actor, a.id));
    if (agencies.length === 0) throw new AppError('FORBIDDEN', '无权查看栏目');
    const agency = agencies.find((a) => a.id === (agencyId ?? actor.agencyId)) ?? agencies[0]!;
    const columns = await listColumns(ctx, actor, agency.id);
    return sendConsolePage(request, reply, '栏目管理', ({ csrfToken }) => (
      <ColumnsPage agencies={agencies} agency={agency} columns={columns} canManage={publicationPolicy.manageColumns(actor, agency.id)} csrfToken={csrfToken} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/publications/columns', async (request, reply) => columnsPage(request, reply, agencyQuery(request)));
  app.post('/console/publications/columns', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencyId = agencyQuery(request) ?? actor.agencyId;
    try {
      const column = await createColumn(ctx, { actor, agencyId, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/publications/columns?agencyId=${agencyId}`, `已添加栏目“${column.name}”`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return columnsPage(request, reply, agencyId, error);
    }
  });
  for (const [path, run, done] of [
    ['', (request: FastifyRequest, id: number) => updateColumn(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip }), '已保存栏目'],
    ['/delete', (request: FastifyRequest, id: number) => deleteColumn(ctx, { actor: requireStaff(request).actor, id, ip: request.ip }), '已删除栏目'],
  ] as const) {
    app.post(`/console/publications/columns/:id${path}`, async (request, reply) => {
      const { actor } = requireStaff(request);
      const id = idParam(request);
      const agencyId = agencyQuery(request) ?? actor.agencyId;
      try {
        await run(request, id);
        return redirectWithFlash(reply, `/console/publications/columns${agencyId ? `?agencyId=${agencyId}` : ''}`, done);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return columnsPage(request, reply, agencyId, error);
      }
    });
  }

  // ---- settings ----
  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, error?: AppError) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => publicationPolicy.view(actor, a.id));
    const rows = await listWrongPhraseRows(ctx.database.db);
    const phrases = rows.length > 0 ? rows : DEFAULT_WRONG_PHRASES.map((p) => ({ id: null, wrong: p.wrong, correct: p.correct, note: null }));
    return sendConsolePage(request, reply, '审核设置', ({ csrfToken }) => (
      <SettingsPage actor={actor} agencies={agencies} phrases={phrases} builtIn={rows.length === 0} csrfToken={csrfToken} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/publications/settings', async (request, reply) => settingsPage(request, reply));
  const settingsAction = (path: string, run: (request: FastifyRequest) => Promise<unknown>, done: string) => {
    app.post(`/console/publications/settings${path}`, async (request, reply) => {
      try {
        await run(request);
        return redirectWithFlash(reply, '/console/publications/settings', done);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return settingsPage(request, reply, error);
      }
    });
  };
  settingsAction('/phrases', (r) => saveWrongPhrase(ctx, { actor: requireStaff(r).actor, input: r.body, ip: r.ip }), '已保存词条');
  settingsAction('/phrases/:id/delete', (r) => deleteWrongPhrase(ctx, { actor: requireStaff(r).actor, id: idParam(r), ip: r.ip }), '已删除词条');
  settingsAction('/agencies/:id/allow', (r) => setFewerStagesAllowed(ctx, { actor: requireStaff(r).actor, agencyId: idParam(r), input: r.body, ip: r.ip }), '已保存');
  settingsAction('/agencies/:id/stages', (r) => setReviewStages(ctx, { actor: requireStaff(r).actor, agencyId: idParam(r), input: r.body, ip: r.ip }), '已设置审核环节');

  // ---- JSON API ----
  const tags = ['publications'];
  app.get('/api/v1/publications/columns', { schema: { tags, summary: '单位的栏目（?agencyId=）' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { columns: await listColumns(ctx, actor, agencyQuery(request) ?? actor.agencyId) };
  });
  app.post('/api/v1/publications/columns', { schema: { tags, summary: '添加栏目（?agencyId=）：{ name, kind, parentId?, sortOrder? }' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send({ column: await createColumn(ctx, { actor, agencyId: agencyQuery(request) ?? actor.agencyId, input: request.body, ip: request.ip }) });
  });
  app.post('/api/v1/publications/items', { schema: { tags, summary: '起草信息（?agencyId=）' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const item = await createItem(ctx, { actor, agencyId: agencyQuery(request) ?? actor.agencyId, input: request.body, ip: request.ip });
    return reply.status(201).send({ item });
  });
  app.get('/api/v1/publications/items/:id', { schema: { tags, summary: '信息详情：工作稿、自动检查、审核记录、发布版本' } }, async (request) => {
    const { actor } = requireStaff(request);
    return getItemDetail(ctx, actor, idParam(request));
  });
  app.put('/api/v1/publications/items/:id', { schema: { tags, summary: '修改工作稿（已发布的信息即开始更正）' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { item: await updateItem(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip }) };
  });
  app.post('/api/v1/publications/items/:id/attachments', { schema: { tags, summary: '上传附件：{ fileName, contentBase64 }' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as { fileName?: unknown; contentBase64?: unknown };
    if (typeof body.fileName !== 'string' || typeof body.contentBase64 !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(body.contentBase64)) {
      throw new AppError('VALIDATION_FAILED', '须提供 fileName 与 Base64 编码的 contentBase64', [{ field: 'contentBase64', message: '附件内容：须为 Base64 编码' }]);
    }
    const attachment = await addAttachment(ctx, { actor, id: idParam(request), fileName: body.fileName, bytes: Buffer.from(body.contentBase64, 'base64'), ip: request.ip });
    return reply.status(201).send({ attachment });
  });
  app.post('/api/v1/publications/items/:id/submit', { schema: { tags, summary: '提交审核：{ correctionNote? }' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { item: await submitItem(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip }) };
  });
  app.post('/api/v1/publications/items/:id/review', { schema: { tags, summary: '审核：{ decision, confidentiality, accuracy, timeliness, comment?, overrideReason? }' } }, async (request) => {
    const { actor } = requireStaff(request);
    const outcome = await reviewItem(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
    return { result: outcome.result, item: outcome.item };
  });
  app.post('/api/v1/publications/items/:id/withdraw', { schema: { tags, summary: '撤回：{ reason }' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { item: await withdrawItem(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip }) };
  });
}
