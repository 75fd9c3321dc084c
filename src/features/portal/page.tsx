/** Sending a public portal page: the site's name, the layout, caching. */
import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
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
  return reply.type('text/html; charset=utf-8').header('cache-control', PUBLIC_PAGE_CACHE).send(html);
}

/** A portal page's document; the static export makes some pages with this directly, not through a request. */
export function portalPageHtml(agencies: readonly Agency[], title: string, body: ComponentChildren, styles?: readonly string[]): string {
  return renderDocument(<PortalLayout title={title} siteName={siteName(agencies)} styles={styles}>{body}</PortalLayout>);
}

/** A stylesheet generated from a renderer's CSS (the report, the letters). */
export function sendStylesheet(reply: FastifyReply, css: string) {
  return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css);
}
