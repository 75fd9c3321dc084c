/**
 * The Fastify instance: security plugins, the session hook, the error handler and every
 * feature's routes. Stateless apart from the database, so several instances can run side by side.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { AppError } from './errors.js';
import { resolveSession, SESSION_COOKIE, type SessionState } from './features/accounts/auth.js';
import { accountRoutes } from './features/accounts/routes.js';
import { agencyRoutes } from './features/agencies/routes.js';
import { annualReportRoutes } from './features/annual-reports/routes.js';
import { portalReportRoutes } from './features/annual-reports/portal-routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { calendarRoutes } from './features/calendar/routes.js';
import { requestRoutes } from './features/requests/routes.js';
import { letterTemplateRoutes } from './features/requests/letters/templates-routes.js';
import { requestImportRoutes } from './features/requests/import/routes.js';
import { registryRoutes } from './features/registry/routes.js';
import { newMediaRoutes } from './features/new-media/routes.js';
import { trainingRoutes } from './features/training/routes.js';
import { assessmentRoutes } from './features/assessment/routes.js';
import { consoleRoutes } from './features/console/routes.js';
import { portalRoutes } from './features/portal/routes.js';
import { publicationRoutes } from './features/publications/routes.js';
import { publicationPortalRoutes } from './features/publications/portal-routes.js';
import { publicationImportRoutes } from './features/publications/import/routes.js';
import { searchRoutes } from './features/search/routes.js';
import { standardCatalogueRoutes } from './features/standard-catalogue/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { dashboardRoutes } from './features/dashboard/routes.js';
import { inspectionRoutes } from './features/inspections/routes.js';
import { noticeRoutes } from './features/inspections/notices/routes.js';
import { cookieSecret } from './features/setup/bootstrap.js';
import { HTTP_STATUS, toAppError } from './http/errors.js';
import { errorPage } from './http/error-page.js';
import { registerEtags } from './http/etag.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, if any. */
    session: SessionState | null;
  }
}

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

/** Largest uploaded file (a published report, a spreadsheet of records). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
  });
  // Fastify's schemas are documentation only (OpenAPI); input is validated once, with zod, in the services.
  app.setValidatorCompiler(() => () => true);

  registerSecurityHeaders(app, { secure: ctx.config.secureCookies });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCookie, { secret: await cookieSecret(ctx) });
  await app.register(fastifyCsrf, {
    cookieKey: 'gk_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies },
    // Multipart forms (file uploads) carry the token as a field object, urlencoded ones as a string.
    getToken: (request) => {
      const token = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof token === 'string') return token;
      if (token && typeof token === 'object' && typeof (token as { value?: unknown }).value === 'string') return (token as { value: string }).value;
      return request.headers['x-csrf-token'] as string | undefined;
    },
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 100_000 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'gongkai API', version: '1', description: '政务公开平台 JSON API。错误统一为 { "error": { "code", "message", "fields" } }。' },
    },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });

  app.decorateRequest('session', null);
  // Hooks that every request passes take a callback: most requests (the public's) have no
  // session cookie and no body, and return at once without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.url.startsWith('/static/') ? undefined : request.cookies[SESSION_COOKIE];
    if (!token) return done();
    resolveSession(ctx, token).then((session) => {
      request.session = session;
      done();
    }, done);
  });
  // Cross-site requests: HTML forms carry a CSRF token; the JSON API accepts only
  // application/json bodies, which a foreign page cannot send without a CORS preflight.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    if (isApi(request)) {
      const type = request.headers['content-type'] ?? '';
      if (request.body !== undefined && !type.startsWith('application/json')) {
        return done(new AppError('UNSUPPORTED_MEDIA_TYPE', 'API 只接受 application/json 格式的请求体'));
      }
      return done();
    }
    app.csrfProtection(request, reply, done);
  });

  registerEtags(app);

  app.setErrorHandler(async (error, request, reply) => {
    const { error: appError, unexpected } = toAppError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    const status = HTTP_STATUS[appError.code];
    if (isApi(request)) {
      return reply.status(status).send({ error: { code: appError.code, message: appError.message, fields: appError.fields } });
    }
    if (appError.code === 'UNAUTHENTICATED') {
      return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (appError.code === 'PASSWORD_CHANGE_REQUIRED') return reply.redirect('/console/password', 303);
    return sendHtml(reply, errorPage(request, appError), status);
  });
  app.setNotFoundHandler(async (request, reply) => {
    // A typed or pasted address with a trailing slash (/console/) goes to the page without it.
    const [pathname, query] = request.url.split(/\?(.*)/s, 2) as [string, string | undefined];
    if ((request.method === 'GET' || request.method === 'HEAD') && pathname.length > 1 && pathname.endsWith('/') && !pathname.startsWith('//')) {
      return reply.redirect(`${pathname.replace(/\/+$/, '') || '/'}${query !== undefined ? `?${query}` : ''}`, 301);
    }
    const error = new AppError('NOT_FOUND', '您访问的页面不存在');
    if (isApi(request)) return reply.status(404).send({ error: { code: error.code, message: error.message, fields: [] } });
    return sendHtml(reply, errorPage(request, error), 404);
  });

  await portalRoutes(app, ctx);
  await consoleRoutes(app, ctx);
  await agencyRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await annualReportRoutes(app, ctx);
  await calendarRoutes(app, ctx);
  await requestRoutes(app, ctx);
  await letterTemplateRoutes(app, ctx);
  await requestImportRoutes(app, ctx);
  await portalReportRoutes(app, ctx);
  await publicationRoutes(app, ctx);
  await publicationImportRoutes(app, ctx);
  await publicationPortalRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await registryRoutes(app, ctx);
  await newMediaRoutes(app, ctx);
  await trainingRoutes(app, ctx);
  await assessmentRoutes(app, ctx);
  await standardCatalogueRoutes(app, ctx);
  await healthRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await inspectionRoutes(app, ctx);
  await noticeRoutes(app, ctx);

  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/static/favicon.svg', 301));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
