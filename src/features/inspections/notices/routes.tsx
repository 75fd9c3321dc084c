/** Routes of notices (通报): console, JSON API, and the portal pages of public notices. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today, type AppContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { attachmentHeader } from '../../../http/download.js';
import { HTTP_STATUS } from '../../../http/errors.js';
import { idParam, requireStaff } from '../../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../../http/pages.js';
import { listAgencies } from '../../agencies/service.js';
import { sendPortalPage } from '../../portal/page.js';
import { inspectionPolicy } from '../policy.js';
import { publicNotices } from '../repository.js';
import { renderNoticeDocx } from './render-docx.js';
import {
  draftNotice, getNotice, issueNotice, listNoticesFor, noticeDocument, noticePrefixFor, publicNotice, setNoticePrefix, setNoticeVisibility, updateNotice,
} from './service.js';
import { NoticeListPage, NoticePage, PortalNoticeList, PortalNoticePage } from './views.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const isFormError = (error: unknown): error is AppError => error instanceof AppError && FORM_ERRORS.includes(error.code);

type Body = Record<string, unknown>;

/** A file name without characters file systems refuse. */
const fileNameOf = (title: string, number: string | null) => `${number ? `${number} ` : ''}${title}`.replace(/[\\/:*?"<>|\r\n]/g, '_').slice(0, 150);

export async function noticeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const listPage = async (request: FastifyRequest, reply: FastifyReply, error?: AppError) => {
    const { actor } = requireStaff(request);
    const rows = await listNoticesFor(ctx, actor);
    const agencies = await listAgencies(ctx, actor);
    const office = agencies.some((a) => inspectionPolicy.viewInspection(actor, a.id));
    const prefix = inspectionPolicy.issueNotice(actor, actor.agencyId) ? await noticePrefixFor(ctx.database.db, actor.agencyId) : null;
    return sendConsolePage(request, reply, '通报', ({ csrfToken }) => (
      <NoticeListPage rows={rows} office={office} csrfToken={csrfToken} prefix={prefix} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/notices', async (request, reply) => listPage(request, reply));
  app.post('/console/notices/prefix', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      const prefix = await setNoticePrefix(ctx, { actor, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, '/console/notices', `已设置通报文号前缀“${prefix}”`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return listPage(request, reply, error);
    }
  });

  app.post('/console/inspections/:id/notices', async (request, reply) => {
    const { actor } = requireStaff(request);
    const notice = await draftNotice(ctx, { actor, inspectionId: idParam(request), ip: request.ip });
    return redirectWithFlash(reply, `/console/notices/${notice.id}`, '已生成通报草稿');
  });

  const noticePage = async (request: FastifyRequest, reply: FastifyReply, id: number, values: Body | null = null, error?: AppError) => {
    const { actor } = requireStaff(request);
    const view = await getNotice(ctx, actor, id);
    const doc = noticeDocument(view.notice, today(ctx));
    return sendConsolePage(request, reply, view.notice.title, ({ csrfToken }) => (
      <NoticePage view={view} doc={doc} csrfToken={csrfToken} values={values} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/notices/:id', async (request, reply) => noticePage(request, reply, idParam(request)));
  const noticeAction = (path: string, run: (request: FastifyRequest, id: number) => Promise<string>) =>
    app.post(`/console/notices/:id${path}`, async (request, reply) => {
      requireStaff(request);
      const id = idParam(request);
      try {
        return redirectWithFlash(reply, `/console/notices/${id}`, await run(request, id));
      } catch (error) {
        if (!isFormError(error)) throw error;
        return noticePage(request, reply, id, path === '' ? ((request.body ?? {}) as Body) : null, error);
      }
    });
  noticeAction('', async (request, id) => {
    await updateNotice(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return '已保存';
  });
  noticeAction('/issue', async (request, id) => {
    const notice = await issueNotice(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return notice.visibility === 'public' ? `已印发${notice.number}，并在门户网站公开发布` : `已印发${notice.number}，各被检查单位可在工作台查看`;
  });
  noticeAction('/visibility', async (request, id) => {
    const notice = await setNoticeVisibility(ctx, { actor: requireStaff(request).actor, id, input: request.body, ip: request.ip });
    return notice.visibility === 'public' ? '已在门户网站公开发布' : '已从门户网站撤下';
  });
  app.get('/console/notices/:id/docx', async (request, reply) => {
    const { actor } = requireStaff(request);
    const view = await getNotice(ctx, actor, idParam(request));
    const buffer = await renderNoticeDocx(noticeDocument(view.notice, today(ctx)));
    return reply.type(DOCX).header('cache-control', 'no-store').header('content-disposition', attachmentHeader(`${fileNameOf(view.notice.title, view.notice.number)}.docx`, `notice-${view.notice.id}.docx`)).send(buffer);
  });

  // ---- portal ----
  app.get('/notices', async (_request, reply) => {
    const rows = await publicNotices(ctx.database.db, 200);
    return sendPortalPage(ctx, reply, '通报', () => <PortalNoticeList rows={rows} />);
  });
  app.get('/notices/:id', async (request, reply) => {
    const notice = await publicNotice(ctx.database.db, idParam(request));
    return sendPortalPage(ctx, reply, notice.title, () => <PortalNoticePage id={notice.id} doc={noticeDocument(notice, today(ctx))} />);
  });
  app.get('/notices/:id/docx', async (request, reply) => {
    const notice = await publicNotice(ctx.database.db, idParam(request));
    const buffer = await renderNoticeDocx(noticeDocument(notice, today(ctx)));
    return reply.type(DOCX).header('cache-control', 'public, max-age=60').header('content-disposition', attachmentHeader(`${fileNameOf(notice.title, notice.number)}.docx`, `notice-${notice.id}.docx`)).send(buffer);
  });

  // ---- JSON API ----
  const tags = ['notices'];
  app.get('/api/v1/notices', { schema: { tags, summary: '通报列表（本公开办的通报及涉及本单位的已印发通报）' } }, async (request) => ({ notices: await listNoticesFor(ctx, requireStaff(request).actor) }));
  app.post('/api/v1/inspections/:id/notices', { schema: { tags, summary: '根据检查结果起草通报（已有草稿时重新生成）' } }, async (request, reply) => {
    const notice = await draftNotice(ctx, { actor: requireStaff(request).actor, inspectionId: idParam(request), ip: request.ip });
    return reply.status(201).send({ notice });
  });
  app.get('/api/v1/notices/:id', { schema: { tags, summary: '通报内容' } }, async (request) => {
    const view = await getNotice(ctx, requireStaff(request).actor, idParam(request));
    return { notice: view.notice, results: view.results, problemList: view.problemList, numberPreview: view.numberPreview };
  });
  app.put('/api/v1/notices/:id', { schema: { tags, summary: '修改通报草稿：{ title, recipients, intro, overview, problems, requirements }' } }, async (request) =>
    ({ notice: await updateNotice(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body, ip: request.ip }) }));
  app.post('/api/v1/notices/:id/issue', { schema: { tags, summary: '印发通报：{ visibility: internal | public }' } }, async (request) =>
    ({ notice: await issueNotice(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body, ip: request.ip }) }));
  app.post('/api/v1/notices/:id/visibility', { schema: { tags, summary: '公开或撤下已印发的通报：{ visibility }' } }, async (request) =>
    ({ notice: await setNoticeVisibility(ctx, { actor: requireStaff(request).actor, id: idParam(request), input: request.body, ip: request.ip }) }));
}
