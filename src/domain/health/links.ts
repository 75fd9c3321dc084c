/**
 * Links in published bodies, for the dead-link indicators: what a portal path points at (so the
 * caller can look up whether it still exists), the external addresses of a body, and which
 * addresses the external checker must never request (the machine's own network).
 */
import { isIP } from 'node:net';

/** What a same-site path of the portal shows. */
export type PortalTarget =
  | { kind: 'item'; id: number }
  | { kind: 'column'; id: number }
  | { kind: 'agency'; id: number }
  | { kind: 'page' }
  | { kind: 'dead' };

/**
 * The target of a same-site link ("/items/12#top", "/columns/3/page/2"). The portal's fixed
 * sections always exist; anything else outside the known addresses is dead. Mirrors the routes of
 * src/features/portal, publications/portal-routes.tsx, annual-reports, requests and search.
 */
export function portalTarget(href: string): PortalTarget {
  const path = href.split(/[?#]/)[0]!;
  const item = /^\/items\/(\d{1,10})(?:\/print|\/attachments\/\d{1,10})?\/?$/.exec(path);
  if (item) return { kind: 'item', id: Number(item[1]) };
  const column = /^\/columns\/(\d{1,10})(?:\/page\/\d{1,6}|\/rss\.xml)?\/?$/.exec(path);
  if (column) return { kind: 'column', id: Number(column[1]) };
  const agency = /^\/(?:agencies\/(\d{1,10})(?:\/catalogue(?:\/page\/\d{1,6})?)?|guide\/(\d{1,10}))\/?$/.exec(path);
  if (agency) return { kind: 'agency', id: Number(agency[1] ?? agency[2]) };
  if (/^\/(?:$|guide\/?$|rules|catalogue|annual-reports|requests\/(?:new|track|log)|search|static\/|sitemap)/.test(path)) return { kind: 'page' };
  return { kind: 'dead' };
}

/** The http(s) addresses a body links to, each once, in order of appearance. */
export function externalLinksOf(bodyHtml: string): string[] {
  const hrefs = [...bodyHtml.matchAll(/\bhref\s*=\s*"(https?:\/\/[^"\s]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return [...new Set(hrefs)];
}

/**
 * An absolute link into this very portal (GONGKAI_PUBLIC_URL) as the path it names, so it is
 * checked against the records rather than over the network; null for any other address.
 */
export function ownPortalPath(url: string, publicUrl: string | null): string | null {
  if (!publicUrl) return null;
  const base = publicUrl.replace(/\/+$/, '');
  if (url === base) return '/';
  return url.startsWith(`${base}/`) ? url.slice(base.length) : null;
}

/** The host of an http(s) address, lower-case; null for anything else. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Addresses of the machine's own networks: loopback, private (RFC 1918, fc00::/7), link-local,
 * carrier-grade NAT, unspecified. A body's link to one of them is not requested: the checker
 * would otherwise probe the intranet on a drafter's behalf.
 */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) {
    const lower = address.toLowerCase();
    if (lower === '::' || lower === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
  }
  return false;
}
