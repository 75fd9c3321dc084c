/**
 * Decision imports in the console and the JSON API: the upload (streamed to disk), the list,
 * one import's progress, the templates.
 *
 * The upload route lives in an encapsulated context that replaces the app's multipart parser
 * for itself: @fastify/multipart is registered with attachFieldsToBody (its hook buffers every
 * file, up to 10 MB), which suits the other forms, while a decision list may be hundreds of MB.
 * In this context the body is read by multipart.ts as it arrives, the file written to the data
 * directory; @fastify/multipart's hook then finds no multipart request to buffer. The fields
 * arrive before the file, so the CSRF check (app.ts preHandler, which reads body._csrf) works as
 * for every form. Who may upload is checked in onRequest, before a byte of the body is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError, forbidden } from '../../../errors.js';
import { attachmentHeader } from '../../../http/download.js';
import { HTTP_STATUS } from '../../../http/errors.js';
import { idParam, requireStaff } from '../../../http/guards.js';
import { sendConsolePage } from '../../../http/pages.js';
import { listAgencies } from '../../agencies/service.js';
import { registryPolicy } from '../policy.js';
import { chooseAgency, registryAgency } from '../service.js';
import { receiveMultipart, type ReceivedFile } from './multipart.js';
import { getImport, importDecisionsJson, listAgencyImports, MAX_IMPORT_FILE_BYTES, percentRead, rowErrorsOf, startFileImport } from './service.js';
import { csvTemplate, XLSX_TYPE, xlsxTemplate } from './template.js';
import { ImportPage, ImportsPage } from './views.js';

/** Errors shown on the import page rather than as an error page. */
const PAGE_ERRORS = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'];

/** Where uploads wait for their import (deleted when it settles). */
export function uploadDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'uploads');
}

/** The body the upload context's parser gives: the text fields and the file written to disk. */
interface UploadBody {
  [field: string]: unknown;
  file?: ReceivedFile | null;
}

async function editableAgencies(ctx: AppContext, actor: Actor) {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => registryPolicy.edit(actor, a.id));
  if (agencies.length === 0) throw forbidden('无权导入决定清单：信息起草人和管理员可以导入本单位的决定');
  return agencies;
}

export async function registryImportRoutes(app: FastifyInstance, ctx: AppContext, options: { apiImportSchema: unknown }): Promise<void> {
  const page = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: unknown, extra: { error?: string; kind?: string; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    const { agencies, agency } = await chooseAgency(ctx, actor, agencyRaw);
    const imports = await listAgencyImports(ctx, actor, agency.id);
    return sendConsolePage(request, reply, `决定清单导入 - ${agency.short_name}`, ({ csrfToken }) => (
      <ImportsPage agencies={agencies} agency={agency} imports={imports} csrfToken={csrfToken} canEdit={registryPolicy.edit(actor, agency.id)}
        maxMegabytes={MAX_IMPORT_FILE_BYTES / 1024 / 1024} error={extra.error} kind={extra.kind} />
    ), { status: extra.status ?? 200 });
  };

  app.get('/console/registry/imports', async (request, reply) => page(request, reply, (request.query as Record<string, unknown>).agencyId));

  app.get('/console/registry/imports/template.csv', async (request, reply) => {
    requireStaff(request);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentHeader('决定清单导入模板.csv', 'decision-list-template.csv')).send(csvTemplate());
  });
  app.get('/console/registry/imports/template.xlsx', async (request, reply) => {
    requireStaff(request);
    return reply.type(XLSX_TYPE).header('content-disposition', attachmentHeader('决定清单导入模板.xlsx', 'decision-list-template.xlsx')).send(await xlsxTemplate());
  });

  app.get('/console/registry/imports/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const imp = await getImport(ctx, actor, idParam(request));
    const agency = await registryAgency(ctx, actor, imp.agency_id);
    // The page reloads itself while the import runs: the Refresh header (and a meta element in the page).
    if (imp.status === 'running') reply.header('refresh', '2');
    return sendConsolePage(request, reply, `导入 ${imp.file_name}`, () => (
      <ImportPage imp={imp} agency={agency} percent={percentRead(imp)} errors={rowErrorsOf(imp)} />
    ));
  });

  // The upload, streamed to disk (see the module comment).
  await app.register(async (upload) => {
    upload.removeContentTypeParser('multipart/form-data');
    upload.addContentTypeParser('multipart/form-data', async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
      const form = await receiveMultipart(payload, request.headers['content-type'], {
        dir: uploadDir(ctx), maxFileBytes: MAX_IMPORT_FILE_BYTES, maxFieldBytes: 10_000, maxFields: 10,
      });
      const body: UploadBody = { ...form.fields, file: form.file };
      return body;
    });
    // Files handed to an import are deleted by it when it settles; any other (a refused upload,
    // a failed CSRF check) is deleted before the answer goes out.
    const claimed = new WeakSet<ReceivedFile>();
    upload.addHook('onSend', async (request, _reply, payload) => {
      const file = (request.body as UploadBody | undefined)?.file;
      if (file && !claimed.has(file)) await fs.promises.rm(file.path, { force: true });
      return payload;
    });

    upload.post('/console/registry/imports', {
      onRequest: async (request) => {
        const { actor } = requireStaff(request);
        await editableAgencies(ctx, actor);
      },
    }, async (request, reply) => {
      const { actor } = requireStaff(request);
      const body = (request.body ?? {}) as UploadBody;
      const kind = typeof body.kind === 'string' ? body.kind : undefined;
      try {
        if (!request.headers['content-type']?.startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
        const file = body.file;
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件');
        if (file.bytes === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
        const started = await startFileImport(ctx, {
          actor, input: { agencyId: body.agencyId, kind }, fileName: file.fileName || '决定清单', path: file.path, deleteAfter: true, ip: request.ip,
          log: (error) => app.log.error({ err: error }, 'registry import failed'),
        });
        claimed.add(file);
        return reply.redirect(`/console/registry/imports/${started.import.id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !PAGE_ERRORS.includes(error.code)) throw error;
        return page(request, reply, body.agencyId, { error: error.message, kind, status: HTTP_STATUS[error.code] });
      }
    });
  });

  // JSON API
  const tags = ['registry'];
  app.get('/api/v1/registry/imports', { schema: { tags, summary: '决定清单的导入记录：?agencyId=' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { agency } = await chooseAgency(ctx, actor, (request.query as Record<string, unknown>).agencyId);
    return { agencyId: agency.id, imports: (await listAgencyImports(ctx, actor, agency.id)).map(presentImport) };
  });
  app.get('/api/v1/registry/imports/:id', { schema: { tags, summary: '一次导入的进度、计数和有误的行' } }, async (request) => {
    const { actor } = requireStaff(request);
    return presentImport(await getImport(ctx, actor, idParam(request)));
  });
  app.post('/api/v1/registry/imports', {
    schema: { tags, summary: '以 JSON 导入决定：{ agencyId, kind, fileName?, decisions: [{ number, date }] }（至多20000条；更大的清单请上传文件或用命令行）', body: options.apiImportSchema },
  }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const imp = await importDecisionsJson(ctx, { actor, input: request.body, ip: request.ip, log: (error) => app.log.error({ err: error }, 'registry import failed') });
    return reply.status(201).send(presentImport(imp));
  });
}

/** An import as the API gives it. */
function presentImport(imp: Awaited<ReturnType<typeof getImport>>) {
  return {
    id: imp.id, agencyId: imp.agency_id, kind: imp.kind, fileName: imp.file_name, status: imp.status, percent: percentRead(imp),
    rowsRead: imp.rows_read, accepted: imp.rows_accepted, duplicate: imp.rows_duplicate, rejected: imp.rows_rejected,
    errors: rowErrorsOf(imp), failure: imp.failure, startedBy: imp.started_by_name, startedAt: imp.started_at, finishedAt: imp.finished_at,
  };
}
