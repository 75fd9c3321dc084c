/**
 * A few DOM-like queries over parse5's tree, for tests that check rendered report HTML by its
 * structure (which cell sits in which row) rather than by substrings.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const isElement = (node: Node): node is Element => 'tagName' in node;

function children(node: Node): Node[] {
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

/** Parses a whole document, or a fragment when it does not start with a doctype. */
export function parseHtml(html: string): Node {
  return /^<!doctype/i.test(html) ? parse(html) : parseFragment(html);
}

/** All elements named `tag` under `root`, in document order. */
export function findAll(root: Node, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && node.tagName === tag) found.push(node);
    children(node).forEach(walk);
  };
  walk(root);
  return found;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The text content of a node, as the browser would give it. */
export function text(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  return children(node).map(text).join('');
}

/** Cells (th and td) of a row, in order. */
export function cells(row: Element): Element[] {
  return row.childNodes.filter((n): n is Element => isElement(n) && (n.tagName === 'th' || n.tagName === 'td'));
}

/** The first row whose header cell (th) reads exactly `label`. */
export function rowByHeader(root: Node, label: string): Element | undefined {
  return findAll(root, 'tr').find((tr) => cells(tr).some((c) => c.tagName === 'th' && text(c) === label));
}

/** Texts of the td cells of a row. */
export function figuresOf(row: Element | undefined): string[] {
  return row ? cells(row).filter((c) => c.tagName === 'td').map(text) : [];
}

/** The first th whose text is exactly `label`. */
export function headerCell(root: Node, label: string): Element | undefined {
  return findAll(root, 'th').find((th) => text(th) === label);
}
