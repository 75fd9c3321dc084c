/**
 * `gongkai export-static <dir>`: the public portal as files, for a CDN or nginx. The portal is
 * crawled through the application itself (Fastify's inject, no network), starting from the home
 * page, the catalogue, the sitemap and the stylesheets, following every same-site link and
 * resource — so each file holds exactly the bytes the server sends for that address.
 *
 * Addresses map to files as nginx's `try_files $uri $uri/index.html` expects: a page /items/5 is
 * written to items/5/index.html, a file with an extension (/sitemap.xml, /static/app.css) under
 * its own name, a download without one (/items/5/attachments/7) under its address. Dynamic parts
 * (the request form, tracking, search, the console, the API) are not exported; their links lead
 * to the server (GONGKAI_PUBLIC_URL should then name it). The portal's not-found page is written
 * to 404.html for the web server's error page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Addresses in progress at once. */
const EXPORT_CONCURRENCY = 8;

/** An address no route answers: its response is the not-found page written to 404.html. */
const NOT_FOUND_FILE_URL = '/404.html';

/** Addresses that only a running server can answer. */
const DYNAMIC = /^\/(?:console|api|requests|search)(?:[/?]|$)/;

export interface ExportResult {
  pages: number;
  files: number;
  bytes: number;
  /** Links that answered with an error (a dead link on the portal), with their status. */
  broken: Array<{ url: string; status: number }>;
  seconds: number;
}

/** The file an address is written to, relative to the export folder. */
export function fileFor(url: string, contentType: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/\/+$/, '') || '/';
  const parts = clean.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.')) throw new Error(`unsafe address: ${url}`);
  const last = parts.at(-1) ?? '';
  if (contentType.startsWith('text/html') && !/\.html?$/.test(last)) return path.join(...parts, 'index.html');
  return path.join(...parts);
}

/** Same-site links and resources of a page or feed (href, src, <loc>, <link>). */
export function linksOf(body: string, base: string | null): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    let u = raw.trim().replace(/&amp;/g, '&');
    if (base && u.startsWith(base)) u = u.slice(base.length) || '/';
    if (!u.startsWith('/') || u.startsWith('//')) return;
    u = u.split('#')[0]!;
    if (u.includes('?') || DYNAMIC.test(u)) return;
    found.add(u);
  };
  for (const m of body.matchAll(/\b(?:href|src)="([^"]+)"/g)) add(m[1]!);
  for (const m of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) add(m[1]!);
  return [...found];
}

/**
 * Crawls the portal of `app` into `dir`. `baseUrl` is the portal's public address when the app
 * writes absolute links (GONGKAI_PUBLIC_URL): links under it count as same-site.
 */
export async function exportStatic(app: FastifyInstance, dir: string, options: { baseUrl?: string | null; onProgress?: (pages: number) => void } = {}): Promise<ExportResult> {
  const started = performance.now();
  const base = options.baseUrl?.replace(/\/+$/, '') ?? null;
  const queue = ['/', '/catalogue', '/guide', '/rules', '/annual-reports', '/sitemap.xml', '/static/app.css', '/static/favicon.svg', '/assets/report.css'];
  const seen = new Set(queue);
  const written = new Set<string>();
  const result: ExportResult = { pages: 0, files: 0, bytes: 0, broken: [], seconds: 0 };
  const madeDirs = new Set<string>();
  const exportOne = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode >= 300) {
      result.broken.push({ url, status: res.statusCode });
      return;
    }
    const type = String(res.headers['content-type'] ?? '');
    const file = fileFor(url, type);
    if (written.has(file)) return;
    written.add(file);
    if (/^(?:text\/html|application\/(?:rss\+)?xml|text\/css)/.test(type)) {
      for (const link of linksOf(res.body, base)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    const target = path.join(dir, file);
    const folder = path.dirname(target);
    if (!madeDirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }
    await writeFile(target, res.rawPayload);
    result.files++;
    result.bytes += res.rawPayload.length;
    if (type.startsWith('text/html')) {
      result.pages++;
      if (result.pages % 1000 === 0) options.onProgress?.(result.pages);
    }
  };
  // A few addresses at a time, so that rendering the next page overlaps writing the last one's
  // file. A worker that finds the queue empty waits while others may still add links to it.
  let next = 0;
  let active = 0;
  let wake: (() => void) | null = null;
  let idle = new Promise<void>((resolve) => (wake = resolve));
  const worker = async () => {
    for (;;) {
      if (next < queue.length) {
        active++;
        try {
          await exportOne(queue[next++]!);
        } finally {
          active--;
          wake?.();
          idle = new Promise<void>((resolve) => (wake = resolve));
        }
      } else if (active === 0) {
        return;
      } else {
        await idle;
      }
    }
  };
  await Promise.all(Array.from({ length: EXPORT_CONCURRENCY }, worker));
  // The portal's own not-found page, for the web server's `error_page 404 /404.html`.
  const notFound = await app.inject({ method: 'GET', url: NOT_FOUND_FILE_URL });
  if (notFound.statusCode === 404) {
    await writeFile(path.join(dir, '404.html'), notFound.rawPayload);
    result.files++;
    result.bytes += notFound.rawPayload.length;
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
