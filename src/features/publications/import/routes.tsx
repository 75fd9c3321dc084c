/** Console routes of the import of items from an old site: the page, the upload, the template. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.js';
import type { Actor } from '../../../domain/roles.js';
import { AppError } from '../../../errors.js';
import { attachmentHeader } from '../../../http/download.js';
import { HTTP_STATUS, toAppError } from '../../../http/errors.js';
import { requireStaff } from '../../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../../http/pages.js';
import { listAgencies } from '../../agencies/service.js';
import { publicationPolicy } from '../policy.js';
import { IMPORT_FORBIDDEN, importItems, importSummaryText } from './service.js';
import { buildImportTemplate, CSV_TYPE } from './template.js';
import { ItemImportPage, type ImportFailure } from './views.js';

/** Errors shown on the import page rather than as an error page. */
const PAGE_ERRORS = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'];
const PAGE = '/console/publications/import';
/** Largest file uploaded through the page: the app's multipart limit (src/app.ts, MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The agencies the actor may import into; FORBIDDEN when there are none. */
async function importableAgencies(ctx: AppContext, actor: Actor) {
  const agencies = (await listAgencies(ctx, actor)).filter((a) => publicationPolicy.draft(actor, a.id));
  if (agencies.length === 0) throw new AppError('FORBIDDEN', IMPORT_FORBIDDEN);
  return agencies;
}

type Part = { type?: string; value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };

/** The uploaded file and the chosen agency of the multipart form (fields are attached to the body). */
async function uploadedForm(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string; agencyId: number | null }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const body = request.body as Record<string, Part | undefined> | undefined;
  const raw = body?.agencyId?.value;
  const agencyId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const file = body?.file;
  if (!file || file.type !== 'file' || !file.toBuffer) throw new AppError('VALIDATION_FAILED', '请选择要导入的文件');
  const bytes = await file.toBuffer();
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  return { bytes, fileName: (file.filename || '历史信息').slice(0, 200), agencyId };
}

export async function publicationImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const page = async (request: FastifyRequest, reply: FastifyReply, extra: { agencyId?: number | null; failure?: ImportFailure; error?: string; status?: number } = {}) => {
    const { actor } = requireStaff(request);
    const agencies = await importableAgencies(ctx, actor);
    const agencyId = extra.agencyId ?? (agencies.length === 1 ? agencies[0]!.id : null);
    return sendConsolePage(request, reply, '导入历史信息', ({ csrfToken }) => (
      <ItemImportPage csrfToken={csrfToken} agencies={agencies} agencyId={agencyId} uploadMegabytes={MAX_UPLOAD_BYTES / 1024 / 1024} failure={extra.failure} error={extra.error} />
    ), { status: extra.status ?? 200 });
  };

  app.get(PAGE, async (request, reply) => {
    const raw = (request.query as Record<string, string | undefined>).agencyId ?? '';
    return page(request, reply, { agencyId: /^\d{1,9}$/.test(raw) ? Number(raw) : null });
  });

  app.post(PAGE, {
    // A file over the upload limit fails while the body is read, before the handler: say so on the page.
    errorHandler: async (error: FastifyError, request, reply) => {
      const { error: appError } = toAppError(error);
      if (appError.code !== 'PAYLOAD_TOO_LARGE' || !request.session) throw error;
      return page(request, reply, {
        error: `文件超过${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不能在网页上传。请分成几个文件导入，或请系统管理员在服务器上用命令导入：gongkai publications import --agency 单位编号 文件路径`,
        status: HTTP_STATUS.PAYLOAD_TOO_LARGE,
      });
    },
  }, async (request, reply) => {
    const { actor } = requireStaff(request);
    await importableAgencies(ctx, actor);
    let agencyId: number | null = null;
    try {
      const form = await uploadedForm(request);
      agencyId = form.agencyId;
      if (agencyId === null) throw new AppError('VALIDATION_FAILED', '请选择导入到哪个单位');
      const result = await importItems(ctx, { actor, agencyId, fileName: form.fileName, bytes: form.bytes, ip: request.ip });
      if (result.ok && !result.checkOnly) return redirectWithFlash(reply, `${PAGE}?agencyId=${agencyId}`, importSummaryText(result));
      if (!result.ok) return page(request, reply, { agencyId, failure: { fileName: form.fileName, errors: result.errors, items: result.items }, status: 400 });
      throw new Error('unreachable: the web import always writes');
    } catch (error) {
      if (!(error instanceof AppError) || !PAGE_ERRORS.includes(error.code)) throw error;
      return page(request, reply, { agencyId, error: error.message, status: HTTP_STATUS[error.code] });
    }
  });

  app.get(`${PAGE}/template.csv`, async (request, reply) => {
    const { actor } = requireStaff(request);
    await importableAgencies(ctx, actor);
    return reply
      .type(CSV_TYPE)
      .header('content-disposition', attachmentHeader('历史信息导入模板.csv', 'publication-import-template.csv'))
      .header('cache-control', 'no-store')
      .send(buildImportTemplate());
  });
}
