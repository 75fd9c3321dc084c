/** A cookie-keeping client over Fastify's inject, that reads CSRF tokens from the pages it gets. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/context.js';
import { TEST_PASSWORD } from './factories.js';

export class Browser {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } });
    this.remember(res);
    return res;
  }

  /** Submits a form as a browser would (urlencoded, with the last CSRF token seen). */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: string | null } = {}) {
    const params = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) params.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    const res = await this.app.inject({
      method: 'POST', url, payload: params.toString(),
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  /** A JSON API call with this browser's session cookie. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
    const res = await this.app.inject({
      method, url, headers: { cookie: this.cookieHeader, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.remember(res);
    return res;
  }

  /** Uploads a file through a multipart form, with the last CSRF token seen. */
  async upload(url: string, fields: Record<string, string>, file: { name: string; content: string | Buffer }) {
    const { payload, contentType } = multipart({ _csrf: this.csrf, ...fields }, { field: 'file', ...file });
    const res = await this.app.inject({ method: 'POST', url, payload, headers: { cookie: this.cookieHeader, 'content-type': contentType } });
    this.remember(res);
    return res;
  }

  async login(username: string, password = TEST_PASSWORD) {
    await this.get('/console/login');
    return this.post('/console/login', { username, password });
  }
}

/** A cookie-keeping client signed in as `username` (the factories' test password). */
export async function signedIn(app: FastifyInstance, username: string): Promise<Browser> {
  const browser = new Browser(app);
  await browser.login(username);
  return browser;
}

export async function testApp(ctx: AppContext) {
  return buildApp(ctx, { logger: false });
}

/** A multipart/form-data body with text fields and one file, as a browser's upload form sends it. */
export function multipart(fields: Record<string, string>, file: { field: string; name: string; content: string | Buffer; type?: string }) {
  const boundary = '----gongkai-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/plain'}\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
