/** The performance assessment in the console and the JSON API: the sheet (and its XLSX), the items, manual scores. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { attachmentHeader } from '../../http/download.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { renderSheetXlsx, sheetTitle, XLSX_TYPE } from './export.js';
import { assessmentPolicy } from './policy.js';
import { itemInput, newItemInput, scoresFormInput, scoresInput, setupInput } from './schemas.js';
import {
  chooseOffice, computeSheet, createItem, deleteItem, getItems, getScoring, saveScores, setupItems, updateItem, yearOf, type ScoreSheet,
} from './service.js';
import { ItemsPage, ScoresPage, SheetPage, type FailedItemForm } from './views.js';

const FORM_ERRORS = ['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT'];
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The sheet as the API gives it: items, and per agency its scores with their basis, total and rank. */
function presentSheet(sheet: ScoreSheet) {
  return {
    officeId: sheet.office.id, title: sheetTitle(sheet), year: sheet.year, computedOn: sheet.today, maxTotal: sheet.maxTotal, provisional: sheet.provisional,
    items: sheet.items.map((i) => ({ id: i.id, name: i.name, rule: i.rule, maxScore: i.max_score, deduction: i.deduction, sortOrder: i.sort_order })),
    rows: sheet.rows.map((r) => ({
      agencyId: r.agency.id, agency: r.agency.name, total: r.total, rank: r.rank, unscored: r.unscored,
      scores: r.scores.map((s, k) => ({ itemId: sheet.items[k]!.id, score: s.score, detail: s.detail, provisional: s.provisional })),
    })),
  };
}

export async function assessmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/console/assessment', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { offices, office } = await chooseOffice(ctx, actor, q.officeId);
    const sheet = await computeSheet(ctx, actor, office.id, yearOf(ctx, q.year));
    return sendConsolePage(request, reply, `绩效考核评分表 - ${sheet.year}年度`, () => (
      <SheetPage offices={offices} sheet={sheet} canConfigure={assessmentPolicy.configure(actor, office.id)} />
    ));
  });

  app.get('/console/assessment/sheet.xlsx', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { office } = await chooseOffice(ctx, actor, q.officeId);
    const sheet = await computeSheet(ctx, actor, office.id, yearOf(ctx, q.year));
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`${sheetTitle(sheet)}.xlsx`, `assessment-${sheet.year}.xlsx`))
      .header('cache-control', 'no-store')
      .send(await renderSheetXlsx(sheet));
  });

  const itemsPage = async (request: FastifyRequest, reply: FastifyReply, officeRaw: unknown, yearRaw: unknown, failed?: FailedItemForm & { status: number }) => {
    const { actor } = requireStaff(request);
    const { offices, office } = await chooseOffice(ctx, actor, officeRaw);
    const data = await getItems(ctx, actor, office.id, yearOf(ctx, yearRaw));
    return sendConsolePage(request, reply, `绩效考核评分项 - ${data.year}年度`, ({ csrfToken }) => (
      <ItemsPage offices={offices} {...data} csrfToken={csrfToken} canConfigure={assessmentPolicy.configure(actor, office.id)} failed={failed} />
    ), { status: failed?.status ?? 200 });
  };
  app.get('/console/assessment/items', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return itemsPage(request, reply, q.officeId, q.year);
  });
  const failedForm = (form: FailedItemForm['form'], body: Record<string, unknown>, error: AppError) => ({ form, values: body, error: error.message, fields: error.fields, status: HTTP_STATUS[error.code] });
  const itemsUrl = (officeId: unknown, year: unknown) => `/console/assessment/items?officeId=${String(officeId)}&year=${String(year)}`;
  app.post('/console/assessment/items', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const item = await createItem(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, itemsUrl(item.office_id, item.year), `已增加评分项“${item.name}”`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return itemsPage(request, reply, body.officeId, body.year, failedForm('new', body, error));
    }
  });
  app.post('/console/assessment/items/setup', async (request, reply) => {
    const { actor } = requireStaff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const items = await setupItems(ctx, { actor, input: body, ip: request.ip });
      return redirectWithFlash(reply, itemsUrl(body.officeId, body.year), `已设置${items.length}个评分项`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return itemsPage(request, reply, body.officeId, body.year, failedForm('setup', body, error));
    }
  });
  app.post('/console/assessment/items/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const item = await updateItem(ctx, { actor, id, input: body, ip: request.ip });
      return redirectWithFlash(reply, itemsUrl(item.office_id, item.year), `已保存评分项“${item.name}”`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      const { item } = await getScoring(ctx, actor, id);
      return itemsPage(request, reply, item.office_id, String(item.year), failedForm(id, body, error));
    }
  });
  app.post('/console/assessment/items/:id/delete', async (request, reply) => {
    const { actor } = requireStaff(request);
    const item = await deleteItem(ctx, { actor, id: idParam(request), ip: request.ip });
    return redirectWithFlash(reply, itemsUrl(item.office_id, item.year), `已删除评分项“${item.name}”`);
  });

  const scoresPage = async (request: FastifyRequest, reply: FastifyReply, id: number, failed?: { error: AppError; values: Record<string, unknown> }) => {
    const { actor } = requireStaff(request);
    const scoring = await getScoring(ctx, actor, id);
    return sendConsolePage(request, reply, `${scoring.item.name} - 评分`, ({ csrfToken }) => (
      <ScoresPage {...scoring} csrfToken={csrfToken} canConfigure={assessmentPolicy.configure(actor, scoring.item.office_id)}
        values={failed?.values} error={failed?.error.message} fields={failed?.error.fields} />
    ), { status: failed ? HTTP_STATUS[failed.error.code] : 200 });
  };
  app.get('/console/assessment/items/:id/scores', async (request, reply) => scoresPage(request, reply, idParam(request)));
  app.post('/console/assessment/items/:id/scores', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await saveScores(ctx, { actor, itemId: id, input: scoresFormInput(body), ip: request.ip });
      return redirectWithFlash(reply, `/console/assessment/items/${id}/scores`, '已保存评分');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return scoresPage(request, reply, id, { error, values: body });
    }
  });

  // JSON API
  const tags = ['assessment'];
  app.get('/api/v1/assessment/sheet', { schema: { tags, summary: '绩效考核评分表（按记录即时计算）：?officeId=&year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { office } = await chooseOffice(ctx, actor, q.officeId);
    return presentSheet(await computeSheet(ctx, actor, office.id, yearOf(ctx, q.year)));
  });
  app.get('/api/v1/assessment/items', { schema: { tags, summary: '某公开办某年度的评分项：?officeId=&year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { office } = await chooseOffice(ctx, actor, q.officeId);
    const { year, items } = await getItems(ctx, actor, office.id, yearOf(ctx, q.year));
    return { officeId: office.id, year, items };
  });
  app.post('/api/v1/assessment/items', { schema: { tags, summary: '增加评分项：{ officeId, year, name, rule, maxScore, deduction?, sortOrder? }', body: json(newItemInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send(await createItem(ctx, { actor, input: request.body, ip: request.ip }));
  });
  app.post('/api/v1/assessment/items/setup', { schema: { tags, summary: '以默认评分项或上一年度的评分项开始某年度的评分表：{ officeId, year, from: default|previous }', body: json(setupInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    return reply.status(201).send({ items: await setupItems(ctx, { actor, input: request.body, ip: request.ip }) });
  });
  app.put('/api/v1/assessment/items/:id', { schema: { tags, summary: '修改评分项', body: json(itemInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return updateItem(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
  });
  app.delete('/api/v1/assessment/items/:id', { schema: { tags, summary: '删除评分项及其手工评分' } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    await deleteItem(ctx, { actor, id: idParam(request), ip: request.ip });
    return reply.status(204).send();
  });
  app.get('/api/v1/assessment/items/:id/scores', { schema: { tags, summary: '手工评分项的各单位评分' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { item, scores } = await getScoring(ctx, actor, idParam(request));
    return { item, scores };
  });
  app.put('/api/v1/assessment/items/:id/scores', { schema: { tags, summary: '手工评分：{ scores: [{ agencyId, score|null, note? }] }，不出现的单位不变，null 撤销评分', body: json(scoresInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return { scores: await saveScores(ctx, { actor, itemId: idParam(request), input: request.body, ip: request.ip }) };
  });
}
