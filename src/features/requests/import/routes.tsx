/** Console routes of the bulk import of past requests: the page, the upload, the template. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError } from '../../../errors.js';
import { attachmentHeader } from '../../../http/download.js';
import { HTTP_STATUS } from '../../../http/errors.js';
import { requireStaff } from '../../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../../http/pages.js';
import { listAgencies } from '../../agencies/service.js';
import { requestPolicy } from '../policy.js';
import { importRequests } from './service.js';
import { buildImportTemplate, XLSX_TYPE } from './template.js';
import { RequestImportPage, type ImportFailure } from './views.js';

/** Errors shown on the import page rather than as an error page. */
const PAGE_ERRORS = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'];

/** The agencies whose requests the actor may import; FORBIDDEN when there are none. */
async function importableAgencies(ctx: AppContext, actor: Actor) {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => requestPolicy.handle(actor, a.id));
  if (agencies.length === 0) throw new AppError('FORBIDDEN', '无权导入依申请公开记录：只有依申请公开承办人、审批人可以导入本单位的申请');
  return agencies;
}

/** The uploaded file of the multipart form (fields are attached to the body). */
async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const file = (request.body as Record<string, { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }> | undefined)?.file;
  if (!file || file.type !== 'file' || !file.toBuffer) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件');
  const bytes = await file.toBuffer();
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  return { bytes, fileName: (file.filename || '申请登记表').slice(0, 200) };
}

export async function requestImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const page = async (request: FastifyRequest, reply: FastifyReply, extra: { failure?: ImportFailure; error?: string; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    await importableAgencies(ctx, actor);
    return sendConsolePage(request, reply, '导入历史申请', ({ csrfToken }) => (
      <RequestImportPage csrfToken={csrfToken} failure={extra.failure} error={extra.error} />
    ), { status: extra.status ?? 200 });
  };

  app.get('/console/requests/import', async (request, reply) => page(request, reply));

  app.post('/console/requests/import', async (request, reply) => {
    const { actor } = requireStaff(request);
    await importableAgencies(ctx, actor);
    try {
      const { bytes, fileName } = await uploadedFile(request);
      const result = await importRequests(ctx, { actor, fileName, bytes, ip: request.ip });
      if (result.ok) {
        const { first, last } = result.trackingNumbers;
        return redirectWithFlash(reply, '/console/requests/import', `已导入${result.imported}件申请，受理编号${first}${result.imported > 1 ? `至${last}` : ''}`);
      }
      return page(request, reply, { failure: { fileName, errors: result.errors, dataRows: result.dataRows }, status: 400 });
    } catch (error) {
      if (!(error instanceof AppError) || !PAGE_ERRORS.includes(error.code)) throw error;
      return page(request, reply, { error: error.message, status: HTTP_STATUS[error.code] });
    }
  });

  app.get('/console/requests/import/template.xlsx', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agencies = await importableAgencies(ctx, actor);
    const file = await buildImportTemplate(agencies.map((a) => a.name));
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentHeader('依申请公开历史申请导入模板.xlsx', 'request-import-template.xlsx'))
      .header('cache-control', 'no-store')
      .send(file);
  });
}
