/**
 * The security headers every response carries (Content-Security-Policy, X-Frame-Options, …),
 * as helmet writes them. @fastify/helmet built helmet's middleware again for every request and
 * parsed the CSP directives each time (about 5 % of a portal page's CPU); the headers depend only
 * on the configuration, so they are computed once here and set by one onRequest hook.
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /** Behind HTTPS: HSTS and upgrade-insecure-requests. */
  secure: boolean;
}

/** The headers helmet sets with gongkai's policy, and the ones it removes (X-Powered-By). */
export function securityHeaders(options: SecurityHeaderOptions): { set: Record<string, string>; removed: string[] } {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
    strictTransportSecurity: options.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  const set: Record<string, string> = {};
  const removed: string[] = [];
  // helmet only calls setHeader and removeHeader; with no nonces its output is the same for every request.
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      removed.push(name.toLowerCase());
    },
  };
  let failure: unknown = null;
  middleware({} as never, response as never, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return { set, removed };
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const { set, removed } = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(set);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}
