/** 政务新媒体 in the console and the JSON API: accounts, the month grid, the overview, the import of monthly counts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today, type AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden } from '../../errors.js';
import { attachmentHeader } from '../../http/download.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { newMediaFigures } from './figures.js';
import { newMediaPolicy } from './policy.js';
import { listAccounts } from './repository.js';
import { accountInput, apiImportInput, closeAccountInput, monthsInput, newAccountInput } from './schemas.js';
import {
  chooseAgency, closeAccount, createAccount, editableAgencies, getAccount, importMonthlyFile, importMonthlyJson, listAgencyAccounts, newMediaOverview,
  reopenAccount, saveMonths, updateAccount, yearOf, type MonthlyImportResult,
} from './service.js';
import { csvTemplate, XLSX_TYPE, xlsxTemplate } from './template.js';
import { AccountPage, AccountsPage, ImportPage, NewAccountPage, OverviewPage, type AccountForm, type ImportFailure } from './views.js';

const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const PAGE_ERRORS = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'];
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The uploaded file and the text fields of a multipart form (fields are attached to the body). */
async function uploaded(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const body = (request.body ?? {}) as Record<string, { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> }>;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (v && v.type === 'field' && typeof v.value === 'string') fields[k] = v.value;
  const file = body.file;
  if (!file || file.type !== 'file' || !file.toBuffer) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件');
  const bytes = await file.toBuffer();
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  return { bytes, fileName: (file.filename || '发布条数').slice(0, 200), fields };
}

const importMessage = (r: Extract<MonthlyImportResult, { ok: true }>) => `已导入${r.written}行（${r.accounts}个账号），其中${r.changed}行的条数有变化`;

export async function newMediaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // The accounts of an agency
  app.get('/console/new-media', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agencies, agency } = await chooseAgency(ctx, actor, q.agencyId);
    const page = await listAgencyAccounts(ctx, actor, agency.id, yearOf(ctx, q.year));
    return sendConsolePage(request, reply, `政务新媒体 - ${agency.short_name}`, () => (
      <AccountsPage agencies={agencies} {...page} canEdit={newMediaPolicy.edit(actor, agency.id)} />
    ));
  });

  app.get('/console/new-media/overview', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agencies } = await chooseAgency(ctx, actor, undefined);
    const overview = await newMediaOverview(ctx, actor, yearOf(ctx, q.year));
    return sendConsolePage(request, reply, '政务新媒体 - 各单位汇总', () => <OverviewPage agencies={agencies} {...overview} />);
  });

  const newPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, error?: AppError) => {
    const { actor } = requireStaff(request);
    const { agency } = await chooseAgency(ctx, actor, values.agencyId);
    if (!newMediaPolicy.edit(actor, agency.id)) throw forbidden('无权登记该单位的政务新媒体账号');
    return sendConsolePage(request, reply, '登记政务新媒体账号', ({ csrfToken }) => (
      <NewAccountPage agency={agency} year={yearOf(ctx, undefined)} csrfToken={csrfToken} values={values} error={error?.message} fields={error?.fields} />
    ), { status: error ? HTTP_STATUS[error.code] : 200 });
  };
  app.get('/console/new-media/accounts/new', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return newPage(request, reply, { agencyId: q.agencyId, platform: 'wechat' });
  });
  app.post('/console/new-media/accounts', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const created = await createAccount(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, `/console/new-media/accounts/${created.id}`, '已登记账号');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return newPage(request, reply, body, error);
    }
  });

  // One account
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, id: number, yearRaw: unknown, failed?: { form: AccountForm; error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const detail = await getAccount(ctx, actor, id, yearOf(ctx, yearRaw));
    return sendConsolePage(request, reply, `${detail.account.name} - 政务新媒体`, ({ csrfToken }) => (
      <AccountPage {...detail} today={today(ctx)} csrfToken={csrfToken} canEdit={newMediaPolicy.edit(actor, detail.account.agency_id)}
        failedForm={failed?.form} values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? HTTP_STATUS[failed.error.code] : 200 });
  };
  app.get('/console/new-media/accounts/:id', async (request, reply) => accountPage(request, reply, idParam(request), (request.query as Record<string, unknown>).year));
  const accountAction = (path: string, form: AccountForm, run: (actor: Actor, id: number, body: Record<string, unknown>, ip: string) => Promise<string>) =>
    app.post(path, async (request, reply) => {
      const { actor } = requireStaff(request);
      const id = idParam(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      // The month grid stays on its year; the other forms go back to the current one.
      const year = form === 'months' && typeof body.year === 'string' && /^\d{4}$/.test(body.year) ? body.year : undefined;
      try {
        return redirectWithFlash(reply, `/console/new-media/accounts/${id}${year ? `?year=${year}` : ''}`, await run(actor, id, body, request.ip));
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
        return accountPage(request, reply, id, year, { form, error, values: body });
      }
    });
  accountAction('/console/new-media/accounts/:id', 'edit', async (actor, id, input, ip) => {
    await updateAccount(ctx, { actor, id, input, ip });
    return '已保存';
  });
  accountAction('/console/new-media/accounts/:id/close', 'close', async (actor, id, input, ip) => {
    const a = await closeAccount(ctx, { actor, id, input, ip });
    return `已登记${a.status === 'merged' ? '整合' : '关停'}（${a.closed_on}）`;
  });
  accountAction('/console/new-media/accounts/:id/reopen', 'reopen', async (actor, id, _input, ip) => {
    await reopenAccount(ctx, { actor, id, ip });
    return '已恢复为运营中';
  });
  accountAction('/console/new-media/accounts/:id/months', 'months', async (actor, id, input, ip) => {
    await saveMonths(ctx, { actor, id, input, ip });
    return `已保存${String(input.year)}年各月发布条数`;
  });

  // Import of monthly counts
  const importPage = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: unknown, yearRaw: unknown, extra: { error?: string; failure?: ImportFailure; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    const { agencies, agency } = await chooseAgency(ctx, actor, agencyRaw);
    const editable = await editableAgencies(ctx, actor);
    return sendConsolePage(request, reply, '导入政务新媒体发布条数', ({ csrfToken }) => (
      <ImportPage agencies={agencies} editable={editable} agency={agency} year={yearOf(ctx, yearRaw)} csrfToken={csrfToken} error={extra.error} failure={extra.failure} />
    ), { status: extra.status ?? 200 });
  };
  app.get('/console/new-media/import', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return importPage(request, reply, q.agencyId, q.year);
  });
  app.post('/console/new-media/import', async (request, reply) => {
    const { actor } = requireStaff(request);
    let agencyId: string | undefined;
    try {
      const { bytes, fileName, fields } = await uploaded(request);
      agencyId = fields.agencyId;
      const result = await importMonthlyFile(ctx, { actor, agencyId: fields.agencyId, fileName, bytes, ip: request.ip });
      if (result.ok) return redirectWithFlash(reply, `/console/new-media?agencyId=${fields.agencyId}`, importMessage(result));
      return importPage(request, reply, agencyId, undefined, { failure: { fileName, errors: result.errors, dataRows: result.dataRows }, status: 400 });
    } catch (error) {
      if (!(error instanceof AppError) || !PAGE_ERRORS.includes(error.code)) throw error;
      return importPage(request, reply, agencyId, undefined, { error: error.message, status: HTTP_STATUS[error.code] });
    }
  });
  app.get('/console/new-media/import/template.csv', async (request, reply) => {
    requireStaff(request);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader('政务新媒体发布条数导入模板.csv', 'new-media-template.csv')).send(csvTemplate());
  });
  app.get('/console/new-media/import/template.xlsx', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agency } = await chooseAgency(ctx, actor, q.agencyId);
    const year = yearOf(ctx, q.year);
    const accounts = (await listAccounts(ctx.database.db, [agency.id])).map((a) => ({ name: a.name, platform: a.platform, openedOn: a.opened_on, closedOn: a.closed_on }));
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`${agency.short_name}${year}年政务新媒体发布条数.xlsx`, `new-media-${year}.xlsx`))
      .header('cache-control', 'no-store')
      .send(await xlsxTemplate(accounts, year, today(ctx)));
  });

  // JSON API
  const tags = ['new-media'];
  app.get('/api/v1/new-media/accounts', { schema: { tags, summary: '某单位的政务新媒体账号及某年度各账号发布条数：?agencyId=&year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agency } = await chooseAgency(ctx, actor, q.agencyId);
    const page = await listAgencyAccounts(ctx, actor, agency.id, yearOf(ctx, q.year));
    return { agencyId: agency.id, year: page.year, accounts: page.accounts, figures: page.figures };
  });
  app.post('/api/v1/new-media/accounts', { schema: { tags, summary: '登记政务新媒体账号', body: json(newAccountInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send(await createAccount(ctx, { actor, input: request.body, ip: request.ip }));
  });
  app.get('/api/v1/new-media/accounts/:id', { schema: { tags, summary: '一个账号及其某年度各月发布条数：?year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { account, year, months } = await getAccount(ctx, actor, idParam(request), yearOf(ctx, (request.query as Record<string, unknown>).year));
    return { account, year, months: months.map((m) => ({ month: m.month, items: m.items, enteredBy: m.entered_by, updatedAt: m.updated_at })) };
  });
  app.put('/api/v1/new-media/accounts/:id', { schema: { tags, summary: '修改账号信息（不含关停、整合）', body: json(accountInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return updateAccount(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
  });
  app.post('/api/v1/new-media/accounts/:id/close', { schema: { tags, summary: '登记关停或整合：{ status: closed|merged, closedOn, reason }', body: json(closeAccountInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return closeAccount(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
  });
  app.post('/api/v1/new-media/accounts/:id/reopen', { schema: { tags, summary: '关停或整合登记有误时恢复为运营中' } }, async (request) => {
    const { actor } = requireStaff(request);
    return reopenAccount(ctx, { actor, id: idParam(request), ip: request.ip });
  });
  app.put('/api/v1/new-media/accounts/:id/months', { schema: { tags, summary: '填报某年度各月发布条数：{ year, m1 … m12 }，不出现的月份不变，null 删除该月', body: json(monthsInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    const months = await saveMonths(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
    return { months: months.map((m) => ({ month: m.month, items: m.items })) };
  });
  app.post('/api/v1/new-media/monthly-items', {
    schema: { tags, summary: '导入发布条数：{ agencyId, rows: [{ account, platform?, month, items }] }；全部无误才写入，否则返回 errors', body: json(apiImportInput) },
  }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const result = await importMonthlyJson(ctx, { actor, input: request.body, ip: request.ip });
    if (!result.ok) return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: `有${result.errors.length}处错误，未导入任何一行`, fields: result.errors.map((e) => ({ field: `rows.${e.row - 2}`, message: e.message })) } });
    return result;
  });
  app.get('/api/v1/new-media/figures', { schema: { tags, summary: '政务新媒体年度数字（年末运营账号、新开通、关停或整合、发布条数）：?year=&agencyId=（不填为可见的全部单位合计）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const year = yearOf(ctx, q.year);
    if (q.agencyId) {
      const { agency } = await chooseAgency(ctx, actor, q.agencyId);
      return { year, agencyIds: [agency.id], figures: await newMediaFigures(ctx.database.db, [agency.id], year) };
    }
    const overview = await newMediaOverview(ctx, actor, year);
    return { year, agencyIds: overview.rows.map((r) => r.agency.id), figures: overview.total, perAgency: overview.rows.map((r) => ({ agencyId: r.agency.id, ...r.figures })) };
  });
}
