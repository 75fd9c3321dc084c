/** The Chinese error page, in the console's or the portal's shell depending on the URL. */
import type { FastifyRequest } from 'fastify';
import type { AppError } from '../errors.js';
import { ConsoleLayout, PortalLayout, renderDocument } from './layout.js';

const TITLES: Partial<Record<AppError['code'], string>> = {
  NOT_FOUND: '页面不存在',
  FORBIDDEN: '没有权限',
  CSRF_INVALID: '页面已过期',
  RATE_LIMITED: '操作过于频繁',
  INTERNAL: '系统错误',
};

export function errorPage(request: FastifyRequest, error: AppError): string {
  const title = TITLES[error.code] ?? '操作未能完成';
  const body = (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{error.message}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f) => (
            <li>{f.message}</li>
          ))}
        </ul>
      )}
      <p><a href={request.url.startsWith('/console') ? '/console' : '/'}>返回首页</a></p>
    </section>
  );
  if (request.url.startsWith('/console')) {
    return renderDocument(<ConsoleLayout title={title} actor={request.session?.actor ?? null}>{body}</ConsoleLayout>);
  }
  return renderDocument(<PortalLayout title={title} siteName="政府信息公开">{body}</PortalLayout>);
}
