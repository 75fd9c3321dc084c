/** Sending console pages: layout, CSRF token and the one-shot flash message. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { ConsoleLayout, renderDocument } from './layout.js';

const FLASH_COOKIE = 'gk_flash';

/** Sets a message shown once on the next page (after a redirect). */
export function setFlash(reply: FastifyReply, message: string) {
  reply.setCookie(FLASH_COOKIE, message, { signed: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 });
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export interface PageContext {
  csrfToken: string;
}

/** Renders a console page; `body` receives the CSRF token for its forms. */
export function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: (page: PageContext) => ComponentChildren,
  options: { status?: number; styles?: readonly string[]; scripts?: readonly string[] } = {},
) {
  const csrfToken = reply.generateCsrf();
  const html = renderDocument(
    <ConsoleLayout title={title} actor={request.session?.actor ?? null} csrfToken={csrfToken} flash={takeFlash(request, reply)} styles={options.styles} scripts={options.scripts}>
      {body({ csrfToken })}
    </ConsoleLayout>,
  );
  return reply.status(options.status ?? 200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** Redirect after a successful POST (303: the browser follows with GET). */
export function redirectWithFlash(reply: FastifyReply, to: string, message: string) {
  setFlash(reply, message);
  return reply.redirect(to, 303);
}
