/**
 * Machine-readable views of the portal: an RSS 2.0 feed per column and the sitemap (an index of
 * files of at most 50,000 addresses each, as the sitemaps protocol requires).
 */

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 does not allow at all (pasted control characters).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export interface FeedItem {
  title: string;
  link: string;
  /** ISO timestamp of the live version. */
  publishedAt: string;
  summary: string;
}

export function rssFeed(channel: { title: string; link: string; description: string }, items: readonly FeedItem[]): string {
  const entries = items.map((i) => [
    '<item>',
    `<title>${xmlEscape(i.title)}</title>`,
    `<link>${xmlEscape(i.link)}</link>`,
    `<guid isPermaLink="true">${xmlEscape(i.link)}</guid>`,
    `<pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>`,
    `<description>${xmlEscape(i.summary)}</description>`,
    '</item>',
  ].join(''));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    `<title>${xmlEscape(channel.title)}</title>`,
    `<link>${xmlEscape(channel.link)}</link>`,
    `<description>${xmlEscape(channel.description)}</description>`,
    '<language>zh-CN</language>',
    ...entries,
    '</channel></rss>',
    '',
  ].join('\n');
}

/** How many addresses one sitemap file holds (the protocol's limit). */
export const SITEMAP_CHUNK = 50_000;

export function sitemapIndex(files: ReadonlyArray<{ loc: string; lastmod?: string | null }>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((f) => `<sitemap><loc>${xmlEscape(f.loc)}</loc>${f.lastmod ? `<lastmod>${f.lastmod.slice(0, 10)}</lastmod>` : ''}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

export function urlSet(urls: ReadonlyArray<{ loc: string; lastmod?: string | null }>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}
