/**
 * The body of a publication item is rich text pasted from Word or WPS. Before it is stored or
 * shown it is cut down to an allow-list of elements and attributes: the portal's CSP forbids
 * inline style anyway, and anything scriptable on a government portal is an XSS hole.
 *
 * The input is parsed the way a browser parses the inner HTML of a <div> (parse5, scripting
 * enabled), a new tree is built from allowed nodes only, and parse5 serialises it, escaping
 * text and attribute values. The output contains no raw-text, foreign (SVG/MathML), template or
 * form elements, so re-parsing it cannot change what is an element and what is text (the
 * mutation-XSS family); the only thing a re-parse can change is nesting (an unwrapped <button>
 * may leave a <div> inside a <p>), so sanitizing repeats until the output is stable, which makes
 * sanitizeHtml idempotent.
 */
import { defaultTreeAdapter, html as parse5Html, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const HTML_NS = parse5Html.NS.HTML;

/** Elements kept, with the attributes each may keep (beyond none). */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li',
    'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr', 'span', 'div', 'pre', 'code']
    .map((tag) => [tag, []] as [string, readonly string[]]),
  ['a', ['href']],
  ['img', ['src', 'alt', 'width', 'height']],
  ['th', ['colspan', 'rowspan']],
  ['td', ['colspan', 'rowspan']],
]);

/** Renamed on the way: the page title is the portal's h1, so the body starts at h2. */
const RENAMED: ReadonlyMap<string, string> = new Map([['h1', 'h2']]);

/**
 * Dropped together with everything inside: scripts and styles, embedded content, forms and
 * their controls, foreign content, templates, and the document-level junk a pasted Word page
 * brings (<xml> with its settings, <title>, <meta>, <link>).
 */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input',
  'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'svg', 'math', 'template', 'noscript',
  'noembed', 'noframes', 'xmp', 'plaintext', 'xml', 'title', 'head', 'meta', 'link', 'base', 'audio', 'video',
  'source', 'track', 'canvas', 'picture', 'map', 'area', 'dialog', 'slot',
]);

/** Where the parser may not put text directly (whitespace between rows is all it keeps there). */
const TABLE_SECTIONS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** Block-level elements for htmlToText: each starts and ends a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

const MAX_PASSES = 5;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function contextElement(): Element {
  return defaultTreeAdapter.createElement('div', HTML_NS, []);
}

/** Parses as the inner HTML of a <div>, the way the portal will show it. */
function parseBody(html: string): DefaultTreeAdapterTypes.DocumentFragment {
  return parseFragment(contextElement(), html, {});
}

/**
 * What a URL's scheme is, the way a browser sees it: leading and trailing C0 controls and
 * spaces are ignored and tabs/newlines anywhere are removed before the scheme is read, so
 * " java\tscript:" is javascript:. Entities were already decoded by the parser. Returns null
 * for a relative URL.
 */
function urlScheme(url: string): string | null {
  // Every control character and whitespace, wherever it is: stricter than the URL parser, so
  // nothing a browser reads as a scheme can hide from this check.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g, '');
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(compact);
  if (match) return match[1]!.toLowerCase();
  // Anything else with a colon before the first / ? # is refused as an unknown scheme (an odd
  // character at the start, such as a full-width letter, must not pass as "relative").
  const head = compact.split(/[/?#\\]/, 1)[0] ?? '';
  return head.includes(':') ? '?' : null;
}

/** The URL as the browser would read it (tabs and newlines dropped, ends trimmed), or null if refused. */
function cleanUrl(value: string, schemes: ReadonlySet<string>): string | null {
  const scheme = urlScheme(value);
  if (scheme !== null && !schemes.has(scheme)) return null;
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return url === '' ? null : url;
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

/** The attributes an allowed element keeps, with their values checked. */
function cleanAttributes(tag: string, el: Element): Element['attrs'] | null {
  const allowed = ALLOWED.get(tag) ?? [];
  const out: Element['attrs'] = [];
  for (const name of allowed) {
    const attr = el.attrs.find((a) => a.name === name && !a.namespace);
    if (!attr) continue;
    let value: string | null = attr.value;
    if (name === 'href') value = cleanUrl(value, LINK_SCHEMES);
    else if (name === 'src') value = cleanUrl(value, IMAGE_SCHEMES);
    else if (name === 'width' || name === 'height') value = /^\s*\d{1,4}\s*$/.test(value) ? String(Number(value)) : null;
    else if (name === 'colspan' || name === 'rowspan') {
      const n = /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : 0;
      value = n >= 1 ? String(n) : null;
    } else if (name === 'alt') value = value.replace(/\s+/g, ' ').trim();
    if (value !== null) out.push({ name, value });
  }
  // A link without a usable address, an image without a usable source: not kept as such.
  if (tag === 'a' && !out.some((a) => a.name === 'href')) return null;
  if (tag === 'img' && !out.some((a) => a.name === 'src')) return null;
  return out;
}

/** Appends the cleaned children of `from` to `to`. */
function cleanChildren(from: ParentNode, to: ParentNode): void {
  for (const child of from.childNodes as ChildNode[]) cleanNode(child, to);
}

function cleanNode(node: ChildNode, to: ParentNode): void {
  if (node.nodeName === '#text') {
    const text = (node as DefaultTreeAdapterTypes.TextNode).value;
    if (isElement(to as Node) && TABLE_SECTIONS.has((to as Element).tagName) && text.trim() !== '') return;
    defaultTreeAdapter.insertText(to, text);
    return;
  }
  if (!isElement(node)) return; // comments, doctypes
  if (node.namespaceURI !== HTML_NS) return; // SVG or MathML, with all it holds
  const tag = RENAMED.get(node.tagName) ?? node.tagName;
  if (DROPPED.has(tag)) return;
  if (!ALLOWED.has(tag)) {
    cleanChildren(node, to); // unknown (o:p, font, section…): keep the text
    return;
  }
  const attrs = cleanAttributes(tag, node);
  if (attrs === null) {
    if (tag === 'a') cleanChildren(node, to);
    return;
  }
  const copy = defaultTreeAdapter.createElement(tag, HTML_NS, attrs);
  defaultTreeAdapter.appendChild(to, copy);
  cleanChildren(node, copy);
  if (tag === 'pre') {
    // The parser drops one newline right after <pre>; drop them all so a re-parse keeps the text.
    const first = copy.childNodes[0];
    if (first && first.nodeName === '#text') {
      const text = first as DefaultTreeAdapterTypes.TextNode;
      text.value = text.value.replace(/^[\r\n]+/, '');
      if (text.value === '') copy.childNodes.shift();
    }
  }
}

function cleanOnce(html: string): string {
  const out = defaultTreeAdapter.createDocumentFragment();
  cleanChildren(parseBody(html), out);
  return serialize(out);
}

/**
 * The item body cut down to the allow-list: p, br, h2–h6 (h1 becomes h2), strong, b, em, i, u,
 * s, sub, sup, ul, ol, li, blockquote, a (href: http, https, mailto or relative), img (src:
 * http, https or relative; alt, numeric width and height), tables (numeric colspan, rowspan),
 * caption, hr, span, div, pre, code. Every other attribute (style, class, id, on*, target…)
 * is dropped; scripts, styles, embedded and form elements, SVG, MathML, templates and noscript
 * are dropped with their content; comments are dropped; unknown elements are unwrapped.
 * Idempotent: sanitizeHtml(sanitizeHtml(x)) === sanitizeHtml(x).
 */
export function sanitizeHtml(html: string): string {
  let out = cleanOnce(html);
  for (let pass = 1; pass < MAX_PASSES; pass += 1) {
    const next = cleanOnce(out);
    if (next === out) return out;
    out = next;
  }
  return out;
}

/** Text nodes are not blocks; everything else is decided by its tag. */
function collectText(node: Node, lines: string[], current: { text: string }): void {
  const breakLine = (): void => {
    lines.push(current.text);
    current.text = '';
  };
  if (node.nodeName === '#text') {
    current.text += (node as DefaultTreeAdapterTypes.TextNode).value;
    return;
  }
  if (!isElement(node) && node.nodeName !== '#document-fragment') return;
  if (isElement(node)) {
    if (node.namespaceURI !== HTML_NS || DROPPED.has(node.tagName)) return;
    if (node.tagName === 'br') {
      breakLine();
      return;
    }
  }
  const block = isElement(node) && BLOCKS.has(node.tagName);
  if (block) breakLine();
  for (const child of (node as ParentNode).childNodes as ChildNode[]) collectText(child, lines, current);
  if (block) breakLine();
  // Cells of a row stay on one line, separated by a tab: "138" and "1234" in two cells are not one number.
  if (isElement(node) && (node.tagName === 'td' || node.tagName === 'th')) current.text += '\t';
}

/**
 * The text of an item body (sanitised or raw HTML), for the automatic checks and for search:
 * entities decoded, scripts and styles left out, each paragraph, heading, list item, table row
 * and <br> on its own line, table cells separated by tabs, runs of spaces collapsed, no empty
 * lines.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const current = { text: '' };
  collectText(parseBody(html), lines, current);
  lines.push(current.text);
  return lines
    .map((line) =>
      line
        .replace(/[ \f\r\n\u00a0]+/g, ' ')
        .replace(/ *\t[ \t]*/g, '\t')
        .replace(/^[\s\t]+|[\s\t]+$/g, ''),
    )
    .filter((line) => line !== '')
    .join('\n');
}
