/** Sending a public portal page: the site's name, the layout, caching. */
import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { PortalLayout, renderDocument } from '../../http/layout.js';
import { listAllAgenciesCached } from '../agencies/repository.js';

/** The portal is the root government's (the first agency without a parent). */
export function siteName(agencies: readonly Agency[]): string {
  return agencies.find((a) => a.parent_id === null)?.name ?? '政府信息公开';
}

/** Cache-Control of a public page: a minute. */
const PUBLIC_PAGE_CACHE = 'public, max-age=60';

export interface PortalPageOptions {
  status?: number;
  styles?: readonly string[];
  /** Pages with a form (CSRF token) or a requester's data are never cached; the rest for a minute. */
  private?: boolean;
}

export async function sendPortalPage(
  ctx: AppContext,
  reply: FastifyReply,
  title: string,
  body: (agencies: Agency[]) => ComponentChildren,
  options: PortalPageOptions = {},
) {
  // A copy of at most a few seconds (AGENCY_CACHE_MS): every portal page needs the site's name.
  const agencies = await listAllAgenciesCached(ctx.database.db);
  const html = portalPageHtml(agencies, title, body(agencies), options.styles);
  return reply
    .status(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', options.private ? 'no-store' : PUBLIC_PAGE_CACHE)
    .send(html);
}

/** Sends a public page already made (an item's page or print view). */
export function sendPublicHtml(reply: FastifyReply, html: string) {
  // As bytes: encoded once, for the ETag's hash and the socket alike (a string is encoded by each).
  return reply.type('text/html; charset=utf-8').header('cache-control', PUBLIC_PAGE_CACHE).send(Buffer.from(html));
}

/** A portal page's document; the static export makes some pages with this directly, not through a request. */
export function portalPageHtml(agencies: readonly Agency[], title: string, body: ComponentChildren, styles?: readonly string[]): string {
  const shell = portalShell(siteName(agencies), styles);
  return `${shell[0]}${renderToString(<>{title}</>)}${shell[1]}${renderToString(<>{body}</>)}${shell[2]}`;
}

/** Stand-ins for the page's title and content while the shell is rendered (never in a page: NUL). */
const TITLE_SLOT = '\u0000title\u0000';
const BODY_SLOT = '\u0000body\u0000';
/** The layout of portal pages around a page's title and content, per site name and stylesheets. */
const shells = new Map<string, readonly [string, string, string]>();

/**
 * PortalLayout rendered once, cut where the page's title and content go. Rendering the layout (a
 * header, the navigation, the search form, a footer) took a quarter of an item page's time; the
 * same bytes come out (page.test.tsx renders pages both ways).
 */
function portalShell(site: string, styles: readonly string[] | undefined): readonly [string, string, string] {
  const key = JSON.stringify([site, styles ?? []]);
  let shell = shells.get(key);
  if (!shell) {
    const html = renderDocument(<PortalLayout title={TITLE_SLOT} siteName={site} styles={styles}>{BODY_SLOT}</PortalLayout>);
    const [before, rest] = html.split(TITLE_SLOT) as [string, string];
    const [middle, after] = rest.split(BODY_SLOT) as [string, string];
    shell = [before, middle, after];
    if (shells.size > 100) shells.clear();
    shells.set(key, shell);
  }
  return shell;
}

/** A stylesheet generated from a renderer's CSS (the report, the letters). */
export function sendStylesheet(reply: FastifyReply, css: string) {
  return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css);
}
