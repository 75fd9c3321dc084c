/** Disclosure on request: the public form and status page, and the console. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today, type AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { treeOrder } from '../agencies/tree.js';
import { listAgencies } from '../agencies/service.js';
import { sendPortalPage, sendStylesheet } from '../portal/page.js';
import type { Agency } from '../../db/schema.js';
import type { ComponentChildren } from 'preact';
import { submitOnlineRequest, SUBMITTED } from './intake.js';
import { requestPolicy } from './policy.js';
import { publicLog, searchRequests } from './repository.js';
import { getRequest, recordRequestEvent, registerRequest, setPublicLog, trackRequest } from './service.js';
import type { Actor } from '../../domain/roles.js';
import { popularTopics } from '../../domain/requests/index.js';
import { attachmentHeader } from '../../http/download.js';
import { approveLetter, draftLetter, letterForRender, letterKindsFor, sendLetter } from './letters/service.js';
import { renderLetterDocx } from './letters/render-docx.js';
import { LETTER_CSS, LetterDocument } from './letters/render-html.js';
import { listReviewCases, saveReviewCase } from './cases.js';
import { CasesPage } from './cases-view.js';
import { outcomeLabel, PublicRequestForm, RequestDetailPage, RequestListPage, StaffIntakePage, SubmittedPage, TrackForm, TrackResult } from './views.js';

const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function requestRoutes(app: FastifyInstance, ctx: AppContext) {
  // Every page here has a form or a requester's data: never cached.
  const portal = (_request: FastifyRequest, reply: FastifyReply, title: string, body: (csrfToken: string, agencies: Agency[]) => ComponentChildren, status = 200) => {
    const csrfToken = reply.generateCsrf();
    return sendPortalPage(ctx, reply, title, (agencies) => body(csrfToken, agencies), { status, private: true });
  };
  // Public forms are limited per address: enough for a person, too few for a flood.
  const publicLimit = { rateLimit: { max: ctx.config.publicRateLimit, timeWindow: '10 minutes' } };

  app.get('/requests/new', async (request, reply) =>
    portal(request, reply, '政府信息公开申请', (csrf, agencies) => <PublicRequestForm csrfToken={csrf} agencies={treeOrder(agencies, () => true)} values={{}} />));

  app.post('/requests/new', { config: publicLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.website === 'string' && body.website !== '') throw new AppError('VALIDATION_FAILED', '提交未被接受');
    try {
      const { request: created, queryCode } = await submitOnlineRequest(ctx, { agencyId: body.agencyId, input: body, ip: request.ip });
      return portal(request, reply, '申请已提交', (_csrf, agencies) => (
        <SubmittedPage trackingNumber={created.tracking_number} queryCode={queryCode} agencyName={agencies.find((a) => a.id === created.agency_id)?.name ?? ''} />
      ));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      return portal(request, reply, '政府信息公开申请', (csrf, agencies) => (
        <PublicRequestForm csrfToken={csrf} agencies={treeOrder(agencies, () => true)} values={body} error={error.message} fields={error.fields} />
      ), 400);
    }
  });

  app.get('/requests/track', async (request, reply) => {
    const number = (request.query as Record<string, unknown>).number;
    return portal(request, reply, '查询办理进度', (csrf) => <TrackForm csrfToken={csrf} number={typeof number === 'string' ? number.slice(0, 40) : ''} />);
  });
  app.post('/requests/track', { config: publicLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const view = await trackRequest(ctx, { trackingNumber: body.number, queryCode: body.code });
      return portal(request, reply, '申请办理进度', (csrf) => <TrackResult view={view} csrfToken={csrf} code={String(body.code)} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      return portal(request, reply, '查询办理进度', (csrf) => <TrackForm csrfToken={csrf} number={typeof body.number === 'string' ? body.number.slice(0, 40) : ''} error={error.message} />, 404);
    }
  });

  app.get('/requests/log', async (request, reply) => {
    const rows = await publicLog(ctx.database.db, 100, 0);
    return portal(request, reply, '依申请公开办理情况', () => (
      <section>
        <h1>依申请公开办理情况</h1>
        <p>以下为各机关决定公布的已办结申请及其办理结果，不含申请人信息。</p>
        {rows.length === 0 ? <p class="empty">暂无公布的申请。</p> : (
          <table class="data">
            <thead><tr><th scope="col">机关</th><th scope="col">收到日期</th><th scope="col">申请内容</th><th scope="col">办理结果</th><th scope="col">办结日期</th></tr></thead>
            <tbody>{rows.map((r) => <tr><td>{r.agency_name}</td><td>{r.received_on}</td><td>{r.description}</td><td>{r.outcome ? outcomeLabel(r.outcome) : ''}</td><td>{r.handled_on}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    ));
  });

  // Console
  app.get('/console/requests', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => requestPolicy.view(actor, a.id));
    if (!agencies.length) throw new AppError('FORBIDDEN', '无权查看依申请公开');
    const q = request.query as Record<string, string | undefined>;
    const rows = await searchRequests(ctx.database.db, {
      agencyIds: agencies.map((a) => a.id), state: q.state === 'open' || q.state === SUBMITTED ? q.state : undefined,
      due: q.due === 'overdue' || q.due === 'soon' ? q.due : undefined, q: q.q?.slice(0, 100), today: today(ctx), limit: 200, offset: 0,
    });
    return sendConsolePage(request, reply, '依申请公开', () => (
      <RequestListPage rows={rows} filter={q} canRegister={agencies.some((a) => requestPolicy.handle(actor, a.id))} today={today(ctx)} />
    ));
  });

  const intakePage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, error?: AppError) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => requestPolicy.handle(actor, a.id));
    if (!agencies.length) throw new AppError('FORBIDDEN', '无权登记申请');
    return sendConsolePage(request, reply, '登记申请', ({ csrfToken }) => (
      <StaffIntakePage csrfToken={csrfToken} agencies={agencies} values={{ agencyId: String(actor.agencyId), ...values }} error={error?.message} fields={error?.fields} />
    ), { status: error ? 400 : 200 });
  };
  app.get('/console/requests/cases', async (request, reply) => casesPage(request, reply));
  app.post('/console/requests/cases', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      await saveReviewCase(ctx, { actor, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, '/console/requests/cases', '已登记');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return casesPage(request, reply, error);
    }
  });
  app.get('/console/requests/new', async (request, reply) => intakePage(request, reply, { submittedOn: today(ctx) }));
  app.post('/console/requests/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      const { request: created, queryCode } = await registerRequest(ctx, { actor, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/requests/${created.id}`, `已登记，受理编号 ${created.tracking_number}，查询码 ${queryCode}（请告知申请人，只显示这一次）`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return intakePage(request, reply, request.body as Record<string, unknown>, error);
    }
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, error?: AppError) => {
    const { actor } = requireStaff(request);
    const view = await getRequest(ctx, actor, id);
    return sendConsolePage(request, reply, `申请 ${view.request.tracking_number}`, ({ csrfToken }) => (
      <RequestDetailPage view={view} csrfToken={csrfToken} canHandle={requestPolicy.handle(actor, view.request.agency_id)} canApprove={requestPolicy.approve(actor, view.request.agency_id)} today={today(ctx)} error={error?.message} fields={error?.fields} letterKinds={letterKindsFor(view.events)} />
    ), { status: error ? (error.code === 'VALIDATION_FAILED' ? 400 : 409) : 200 });
  };
  app.get('/console/requests/:id', async (request, reply) => detail(request, reply, idParam(request)));
  // 第四十四条: information many requesters ask for should be considered for proactive publication.
  app.get('/console/requests/topics', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => requestPolicy.view(actor, a.id));
    if (!agencies.length) throw new AppError('FORBIDDEN', '无权查看依申请公开');
    const since = new Date(`${today(ctx)}T00:00:00Z`);
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const rows = await ctx.database.db.selectFrom('requests').select(['id', 'agency_id', 'tracking_number', 'requester_key', 'description'])
      .where('agency_id', 'in', agencies.map((a) => a.id)).where('received_on', '>=', since.toISOString().slice(0, 10)).orderBy('id').limit(20_000).execute();
    const topics = popularTopics(rows.map((r) => ({ id: String(r.id), requesterKey: r.requester_key, text: r.description })));
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return sendConsolePage(request, reply, '多人申请的信息', () => (
      <section>
        <h1>多人申请的信息（近一年）</h1>
        <p>以下信息被3个以上不同申请人申请过。依照《条例》第四十四条，多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。</p>
        {topics.length === 0 && <p class="empty">暂无。</p>}
        <ol>
          {topics.map((t) => (
            <li>
              <strong>{t.representative.text.slice(0, 100)}</strong>（{t.requesterKeys.length}位申请人，{t.requestIds.length}件申请）：
              {t.requestIds.map((id) => <> <a href={`/console/requests/${id}`}>{byId.get(id)?.tracking_number ?? id}</a></>)}
            </li>
          ))}
        </ol>
      </section>
    ));
  });

  // Reconsideration and litigation cases
  const casesPage = async (request: FastifyRequest, reply: FastifyReply, error?: AppError) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => requestPolicy.view(actor, a.id));
    if (!agencies.length) throw new AppError('FORBIDDEN', '无权查看复议诉讼案件');
    const editable = agencies.filter((a) => requestPolicy.handle(actor, a.id));
    const cases = await listReviewCases(ctx, actor);
    return sendConsolePage(request, reply, '复议诉讼案件', ({ csrfToken }) => (
      <CasesPage cases={cases} agencies={editable.length ? editable : agencies} csrfToken={csrfToken} canEdit={editable.length > 0} error={error?.message} fields={error?.fields} />
    ), { status: error ? 400 : 200 });
  };
  const letterAction = (path: string, run: (actor: Actor, id: number, letterId: number, body: Record<string, unknown>) => Promise<string>) =>
    app.post(path, async (request, reply) => {
      const { actor } = requireStaff(request);
      const id = idParam(request);
      const letterId = (request.params as Record<string, string>).letterId ? idParam(request, 'letterId') : 0;
      try {
        return redirectWithFlash(reply, `/console/requests/${id}`, await run(actor, id, letterId, (request.body ?? {}) as Record<string, unknown>));
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
        return detail(request, reply, id, error);
      }
    });
  letterAction('/console/requests/:id/letters', async (actor, id, _letterId, body) => {
    const values = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('v:')).map(([k, v]) => [k.slice(2), v]));
    const { missing } = await draftLetter(ctx, { actor, requestId: id, kind: body.kind, values, ip: undefined });
    return missing.length ? `已生成草稿，尚需填写：${missing.map((m) => m.label).join('、')}` : '已生成文书草稿，待机关负责人签发';
  });
  letterAction('/console/requests/:id/letters/:letterId/approve', async (actor, id, letterId) => `已签发：${(await approveLetter(ctx, { actor, requestId: id, letterId })).number}`);
  letterAction('/console/requests/:id/letters/:letterId/send', async (actor, id, letterId) => {
    await sendLetter(ctx, { actor, requestId: id, letterId });
    return '已发出';
  });
  const letterOf = async (request: FastifyRequest) => {
    const { actor } = requireStaff(request);
    const view = await getRequest(ctx, actor, idParam(request));
    const letter = view.letters.find((l) => l.id === idParam(request, 'letterId'));
    if (!letter) throw new AppError('NOT_FOUND', '文书不存在或无权访问');
    return letterForRender(ctx, view.request, letter);
  };
  app.get('/console/requests/:id/letters/:letterId/docx', async (request, reply) => {
    const letter = await letterOf(request);
    return reply.type(DOCX).header('content-disposition', attachmentHeader(`${letter.title}.docx`, 'letter.docx')).send(await renderLetterDocx(letter));
  });
  app.get('/console/requests/:id/letters/:letterId/view', async (request, reply) => {
    const letter = await letterOf(request);
    return sendConsolePage(request, reply, letter.title, () => <LetterDocument letter={letter} />, { styles: ['/assets/letter.css'] });
  });
  app.get('/assets/letter.css', async (_request, reply) => sendStylesheet(reply, LETTER_CSS));
  app.post('/requests/track/letter', { config: publicLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const view = await trackRequest(ctx, { trackingNumber: body.number, queryCode: body.code });
    const letter = view.letters.find((l) => String(l.id) === String(body.letterId) && l.status === 'sent' && !['consultationLetter', 'agencyConsultationLetter'].includes(l.kind));
    if (!letter) throw new AppError('NOT_FOUND', '文书不存在');
    const rendered = await letterForRender(ctx, view.request, letter);
    return reply.type(DOCX).header('content-disposition', attachmentHeader(`${rendered.title}.docx`, 'letter.docx')).send(await renderLetterDocx(rendered));
  });

  app.post('/console/requests/:id/public-log', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const visible = (request.body as Record<string, unknown> | undefined)?.visible === '1';
    try {
      await setPublicLog(ctx, { actor, id, visible, ip: request.ip });
      return redirectWithFlash(reply, `/console/requests/${id}`, visible ? '已在依申请公开办理情况中公布（不含申请人信息）' : '已取消公布');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return detail(request, reply, id, error);
    }
  });

  app.post('/console/requests/:id/events', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      await recordRequestEvent(ctx, { actor, id, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/requests/${id}`, '已记录');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return detail(request, reply, id, error);
    }
  });

  // JSON API
  const tags = ['requests'];
  app.get('/api/v1/requests/:id', { schema: { tags, summary: '申请详情、办理过程与期限' } }, async (request) => {
    const { actor } = requireStaff(request);
    const view = await getRequest(ctx, actor, idParam(request));
    const { query_code_hash: _hidden, ...requestFields } = view.request;
    return { request: requestFields, events: view.events, clock: view.clock, allowed: view.allowed };
  });
  app.post('/api/v1/requests', { schema: { tags, summary: '登记申请（非网上渠道）' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const { request: created, queryCode } = await registerRequest(ctx, { actor, input: request.body, ip: request.ip });
    return reply.status(201).send({ id: created.id, trackingNumber: created.tracking_number, queryCode, dueDate: created.due_date, receivedOn: created.received_on });
  });
  app.post('/api/v1/requests/:id/events', { schema: { tags, summary: '记录办理步骤：{ type, on, … }' } }, async (request) => {
    const { actor } = requireStaff(request);
    const updated = await recordRequestEvent(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
    return { state: updated.state, outcome: updated.outcome, dueDate: updated.due_date, handledOn: updated.handled_on };
  });
}
