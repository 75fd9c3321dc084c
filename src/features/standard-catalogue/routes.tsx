/** The standard disclosure catalogue in the console and the JSON API. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { attachmentHeader } from '../../http/download.js';
import { HTTP_STATUS } from '../../http/errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { standardCataloguePolicy } from './policy.js';
import { MAX_CATALOGUE_BYTES } from './read-file.js';
import { apiImportInput, columnsInput } from './schemas.js';
import {
  agencyCatalogue, catalogueOverview, chooseAgency, deleteMatter, getMatter, importCatalogue, importCatalogueJson, parseCatalogueYear, setMatterColumns, type MatterView,
} from './service.js';
import { catalogueTemplate, XLSX_TYPE } from './template.js';
import { CataloguePage, ImportPage, MatterPage, OverviewPage, type ImportFailure } from './views.js';

/** Errors shown on the page that was submitted rather than as an error page. */
const FORM_ERRORS = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT', 'INVALID_STATE'];
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

type MultipartPart = { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };

/** The text fields and the file of a multipart form (fields attached to the body). */
async function uploadedForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: { bytes: Buffer; fileName: string } | null }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const body = (request.body ?? {}) as Record<string, MultipartPart>;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (v && v.type === 'field' && typeof v.value === 'string') fields[k] = v.value;
  const part = body.file;
  if (!part || part.type !== 'file' || !part.toBuffer) return { fields, file: null };
  return { fields, file: { bytes: await part.toBuffer(), fileName: (part.filename || '标准目录').slice(0, 200) } };
}

/** A matter as the API gives it. */
function presentMatter(v: MatterView) {
  const m = v.matter;
  const c = v.compliance;
  return {
    id: m.id, agencyId: m.agency_id, domain: m.domain, firstLevel: m.first_level, secondLevel: m.second_level, content: m.content,
    legalBasis: m.legal_basis, timeLimit: m.time_limit, responsibleBody: m.responsible_body, channels: v.channels, otherChannel: m.other_channel,
    audience: { public: m.audience_public === 1, specific: m.audience_specific === 1 },
    manner: { proactive: m.manner_proactive === 1, onRequest: m.manner_on_request === 1 },
    level: { county: m.level_county === 1, township: m.level_township === 1 },
    columnIds: v.columns.map((col) => col.id),
    compliance: {
      timeliness: c.timeliness, unknownReason: c.unknownReason, limit: c.limit, itemsChecked: c.itemsChecked, itemsLate: c.itemsLate, itemsUndated: c.itemsUndated,
      lateItems: c.lateItems.map((l) => ({ itemId: l.item.id, title: l.item.title, madeOn: l.item.madeOn, publishedDate: l.item.publishedDate, deadline: l.deadline })),
      freshness: c.freshness,
      columns: c.columns.map((col) => ({ id: col.id, name: col.name, kind: col.kind, lastPublished: col.lastPublished, daysSince: col.daysSince, maxDaysStale: col.maxDaysStale, status: col.status })),
    },
  };
}

export async function standardCatalogueRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/console/standard-catalogue', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agencies, agency } = await chooseAgency(ctx, actor, q.agencyId);
    const catalogue = await agencyCatalogue(ctx, actor, agency.id, parseCatalogueYear(ctx, q.year));
    return sendConsolePage(request, reply, `标准目录 - ${agency.short_name}`, () => (
      <CataloguePage agencies={agencies} {...catalogue} canEdit={standardCataloguePolicy.edit(actor, agency.id)} isOffice={standardCataloguePolicy.overview(actor)} />
    ));
  });

  app.get('/console/standard-catalogue/overview', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { period, rows } = await catalogueOverview(ctx, actor, parseCatalogueYear(ctx, q.year));
    return sendConsolePage(request, reply, '各单位标准目录落实情况', () => <OverviewPage agencies={rows.map((r) => r.agency)} period={period} rows={rows} />);
  });

  const importPage = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: unknown, extra: { failure?: ImportFailure; error?: AppError; domain?: string; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    const { agencies, agency } = await chooseAgency(ctx, actor, agencyRaw);
    return sendConsolePage(request, reply, `导入标准目录 - ${agency.short_name}`, ({ csrfToken }) => (
      <ImportPage agencies={agencies} agency={agency} year={parseCatalogueYear(ctx, undefined)} isOffice={standardCataloguePolicy.overview(actor)} csrfToken={csrfToken}
        canEdit={standardCataloguePolicy.edit(actor, agency.id)} maxMegabytes={MAX_CATALOGUE_BYTES / 1024 / 1024} domain={extra.domain}
        failure={extra.failure} error={extra.error?.message} fields={extra.error?.fields} />
    ), { status: extra.status ?? 200 });
  };
  app.get('/console/standard-catalogue/import', async (request, reply) => importPage(request, reply, (request.query as Record<string, unknown>).agencyId));
  app.post('/console/standard-catalogue/import', async (request, reply) => {
    const { actor } = requireStaff(request);
    let fields: Record<string, string> = {};
    try {
      const form = await uploadedForm(request);
      fields = form.fields;
      if (!form.file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件', [{ field: 'file', message: '文件：请选择要导入的文件' }]);
      if (form.file.bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的', [{ field: 'file', message: '文件：上传的文件是空的' }]);
      const result = await importCatalogue(ctx, { actor, input: { agencyId: fields.agencyId, domain: fields.domain }, fileName: form.file.fileName, bytes: form.file.bytes, ip: request.ip });
      if (!result.ok) {
        return importPage(request, reply, fields.agencyId, { failure: { fileName: form.file.fileName, errors: result.errors, dataRows: result.dataRows }, domain: fields.domain, status: 400 });
      }
      return redirectWithFlash(reply, `/console/standard-catalogue?agencyId=${fields.agencyId}`,
        `已导入${result.domain}领域的标准目录：共${result.total}个公开事项（新增${result.added}个，更新${result.updated}个，删除${result.removed}个）`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return importPage(request, reply, fields.agencyId, { error, domain: fields.domain, status: HTTP_STATUS[error.code] });
    }
  });

  app.get('/console/standard-catalogue/template.xlsx', async (request, reply) => {
    requireStaff(request);
    return reply.type(XLSX_TYPE).header('content-disposition', attachmentHeader('基层政务公开标准目录导入模板.xlsx', 'standard-catalogue-template.xlsx'))
      .header('cache-control', 'no-store').send(await catalogueTemplate());
  });

  const matterPage = async (request: FastifyRequest, reply: FastifyReply, id: number, yearRaw: unknown, failed?: AppError) => {
    const { actor } = requireStaff(request);
    const detail = await getMatter(ctx, actor, id, parseCatalogueYear(ctx, yearRaw));
    const m = detail.view.matter;
    return sendConsolePage(request, reply, `${m.second_level || m.first_level} - 标准目录`, ({ csrfToken }) => (
      <MatterPage {...detail} csrfToken={csrfToken} canEdit={standardCataloguePolicy.edit(actor, m.agency_id)} error={failed?.message} fields={failed?.fields} />
    ), { status: failed ? HTTP_STATUS[failed.code] : 200 });
  };
  app.get('/console/standard-catalogue/matters/:id', async (request, reply) => matterPage(request, reply, idParam(request), (request.query as Record<string, unknown>).year));
  app.post('/console/standard-catalogue/matters/:id/columns', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const columns = await setMatterColumns(ctx, { actor, id, input: { columnIds: body.columnIds }, ip: request.ip });
      return redirectWithFlash(reply, `/console/standard-catalogue/matters/${id}`, columns.length ? `已保存承载栏目（${columns.length}个）` : '已取消承载栏目');
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return matterPage(request, reply, id, undefined, error);
    }
  });
  app.post('/console/standard-catalogue/matters/:id/delete', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    const confirmed = (request.body as Record<string, unknown> | undefined)?.confirm === '1';
    try {
      const matter = await deleteMatter(ctx, { actor, id, confirmed, ip: request.ip });
      return redirectWithFlash(reply, `/console/standard-catalogue?agencyId=${matter.agency_id}`, `已删除公开事项“${matter.second_level || matter.first_level}”`);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.includes(error.code)) throw error;
      return matterPage(request, reply, id, undefined, error);
    }
  });

  // JSON API
  const tags = ['standard-catalogue'];
  app.get('/api/v1/standard-catalogue', { schema: { tags, summary: '某单位的基层政务公开标准目录及各事项落实情况：?agencyId=&year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = request.query as Record<string, string | undefined>;
    const { agency } = await chooseAgency(ctx, actor, q.agencyId);
    const { period, matters, summary } = await agencyCatalogue(ctx, actor, agency.id, parseCatalogueYear(ctx, q.year));
    return { agencyId: agency.id, period, summary, matters: matters.map(presentMatter) };
  });
  app.get('/api/v1/standard-catalogue/overview', { schema: { tags, summary: '各单位标准目录落实情况（政务公开主管部门）：?year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { period, rows } = await catalogueOverview(ctx, actor, parseCatalogueYear(ctx, (request.query as Record<string, unknown>).year));
    return { period, agencies: rows.map((r) => ({ agencyId: r.agency.id, name: r.agency.name, ...r.summary })) };
  });
  app.get('/api/v1/standard-catalogue/matters/:id', { schema: { tags, summary: '一个公开事项及其落实情况：?year=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { period, view } = await getMatter(ctx, actor, idParam(request), parseCatalogueYear(ctx, (request.query as Record<string, unknown>).year));
    return { period, matter: presentMatter(view) };
  });
  app.post('/api/v1/standard-catalogue/import', {
    schema: { tags, summary: '以 JSON 导入一个领域的标准目录：{ agencyId, domain, matters: [{ firstLevel, secondLevel?, content, … }] }（替换该领域，按一级+二级事项更新）', body: json(apiImportInput) },
  }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const { ok: _ok, ...result } = await importCatalogueJson(ctx, { actor, input: request.body, ip: request.ip });
    return reply.status(201).send(result);
  });
  app.put('/api/v1/standard-catalogue/matters/:id/columns', { schema: { tags, summary: '指定承载公开事项的栏目：{ columnIds: [...] }（空数组取消）', body: json(columnsInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    return { columnIds: await setMatterColumns(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip }) };
  });
}
