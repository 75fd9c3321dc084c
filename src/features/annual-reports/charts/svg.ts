/**
 * Turning ECharts' server-side SVG into markup the portal can serve: deterministic, free of
 * inline CSS (so it can be inlined under the `style-src 'self'` policy of app.ts), and labelled
 * for screen readers.
 */
import { createHash } from 'node:crypto';
import { BACKGROUND_COLOR, CHART_FONT_FAMILY, EMPTY_CHART_HEIGHT, TEXT_COLOR } from './theme.js';

/** Text for assistive technology: the chart's title and what its bars say. */
export interface ChartLabel {
  title: string;
  description: string;
}

// ECharts' text elements carry style="font-size:12px;font-family:…;font-weight:bold;". All of
// these are also SVG presentation attributes, which CSP does not govern; inline `style`
// attributes are blocked by `style-src 'self'`.
const PRESENTATION_PROPERTIES = new Set(['font-size', 'font-family', 'font-style', 'font-weight']);

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&gt;', '>')
    .replaceAll('&lt;', '<')
    .replaceAll('&amp;', '&');
}

function styleToAttributes(style: string): string {
  const attributes: string[] = [];
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (PRESENTATION_PROPERTIES.has(property)) attributes.push(`${property}="${value}"`);
    else kept.push(`${property}:${value};`);
  }
  // Anything else is left in place, where the tests' "no style attribute" check catches it.
  if (kept.length > 0) attributes.push(`style="${kept.join('')}"`);
  return attributes.join(' ');
}

/** The opening tag of the root element. */
function rootOpening(svg: string): string {
  const end = svg.indexOf('>');
  return end < 0 ? '' : svg.slice(0, end + 1);
}

/**
 * Clean up the output of `renderToSVGString`:
 * - drop the `<style>` element and the classes it targets: they are hover effects, useless in a
 *   static picture, and a `<style>` element is blocked by the page's CSP anyway;
 * - drop the `ecmeta_*` attributes, which only serve ECharts' client-side hydration;
 * - turn inline `style` attributes into presentation attributes;
 * - replace zrender's ids (`zr3-c0`), which count chart instances and so differ from one render
 *   to the next, by ids derived from the content: the same input gives the same bytes, and two
 *   different charts on one page cannot collide;
 * - name the picture: role="img", aria-label and a `<title>`. ECharts' own `aria` option only
 *   writes aria-label to a DOM container, which server-side rendering has not got.
 */
export function finishSvg(raw: string, label: ChartLabel): string {
  let svg = raw
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_match, style: string) => {
      const attributes = styleToAttributes(style);
      return attributes ? ` ${attributes}` : '';
    });
  const normalized = svg.replace(/\bzr\d+-/g, 'zr-');
  const prefix = `gkc${createHash('sha256').update(normalized).digest('hex').slice(0, 10)}-`;
  svg = svg.replace(/(id="|url\(#|href="#)zr\d+-/g, `$1${prefix}`);
  const name = `${label.title}：${label.description}`;
  return svg.replace(
    /^<svg\b([^>]*)>/,
    `<svg$1 role="img" aria-label="${escapeXml(name)}"><title>${escapeXml(name)}</title>`,
  );
}

/** The "暂无数据" picture shown when a chart has no figure at all. */
export function emptyChartSvg(title: string, width: number): string {
  const height = EMPTY_CHART_HEIGHT;
  const name = `${title}：暂无数据`;
  const font = `font-family="${CHART_FONT_FAMILY}"`;
  return [
    `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" version="1.1"`,
    ` viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(name)}">`,
    `<title>${escapeXml(name)}</title>`,
    `<rect width="${width}" height="${height}" x="0" y="0" fill="${BACKGROUND_COLOR}"></rect>`,
    `<text x="${width / 2}" y="32" text-anchor="middle" dominant-baseline="central" ${font}`,
    ` font-size="18px" font-weight="bold" fill="${TEXT_COLOR}">${escapeXml(title)}</text>`,
    `<text x="${width / 2}" y="80" text-anchor="middle" dominant-baseline="central" ${font}`,
    ` font-size="14px" fill="${TEXT_COLOR}">暂无数据</text>`,
    '</svg>',
  ].join('');
}

/**
 * The SVG as a `data:` URL for `<img src>` (the CSP allows `img-src data:`). Base64 rather than
 * percent-encoding: the charts are full of Chinese text, which percent-encoding triples.
 */
export function svgToDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * The accessible name of one of our charts (its aria-label), for the `alt` of an `<img>` that
 * shows it as a data URI: inside an image, the SVG's own label is not exposed to screen readers.
 */
export function svgAltText(svg: string): string {
  const match = /\saria-label="([^"]*)"/.exec(rootOpening(svg));
  return match?.[1] === undefined ? '' : unescapeXml(match[1]);
}
