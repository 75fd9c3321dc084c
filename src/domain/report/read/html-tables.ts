/**
 * Saved web pages into document lines. Tables become a proper grid first (rowspan and colspan
 * expanded), so that every row carries its own label cells — the group label of 三（三）
 * "不予公开" spans eight rows and must reach each of them. A cell's copy in a spanned column
 * is dropped (a figure spanning three columns is one figure); a copy in a spanned row keeps
 * its text when it is a label and is blank when it is a figure. Tables that contain tables are
 * layout, not data: their cells are read as text and blocks.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { buildDocument, type RawLine, type ReportDocument } from './document.js';
import { isNumberCell } from './numbers.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'select', 'option',
  'textarea', 'object', 'embed', 'canvas', 'video', 'audio',
]);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'td', 'th', 'ul', 'html',
]);
const MAX_SPAN = 200;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** The text of a subtree, blocks and line breaks as spaces. */
function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node)) {
    if (SKIPPED.has(node.tagName)) return '';
    if (node.tagName === 'br') return ' ';
  }
  const inner = childrenOf(node).map(textContent).join('');
  return isElement(node) && BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
}

function containsTable(node: Node): boolean {
  return childrenOf(node).some((c) => (isElement(c) && c.tagName === 'table') || containsTable(c));
}

/** The rows of a table, not of tables nested in it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Node): void => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName !== 'table') visit(child);
    }
  };
  visit(table);
  return rows;
}

interface GridCell {
  text: string;
  origin: 'self' | 'spanRow' | 'spanCol';
}

function span(el: Element, name: string, fallback: number): number {
  const value = Number.parseInt(attr(el, name) ?? '', 10);
  if (!Number.isFinite(value) || value < 1) return fallback;
  return Math.min(value, MAX_SPAN);
}

/** Expand rowspan/colspan into a grid; each row as the cells a reader should see. */
export function tableGrid(table: Element): string[][] {
  const rows = tableRows(table);
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let col = 0;
    for (const cell of childrenOf(tr)) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const gridRow = grid[r] ?? [];
      while (gridRow[col]) col++;
      const rowspan = Math.min(span(cell, 'rowspan', 1), rows.length - r);
      const colspan = span(cell, 'colspan', 1);
      const text = collapse(textContent(cell));
      for (let i = 0; i < rowspan; i++) {
        const target = grid[r + i];
        if (!target) continue;
        for (let j = 0; j < colspan; j++) {
          if (target[col + j]) continue;
          target[col + j] = { text, origin: i === 0 && j === 0 ? 'self' : j > 0 ? 'spanCol' : 'spanRow' };
        }
      }
      col += colspan;
    }
  });
  return grid.map((row) => {
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const g = row[c];
      if (!g) cells.push('');
      else if (g.origin === 'self') cells.push(g.text);
      else if (g.origin === 'spanRow') cells.push(isNumberCell(g.text) ? '' : g.text);
    }
    return cells;
  });
}

/** Saved HTML into lines and table rows. */
export function htmlToDocument(input: string): ReportDocument {
  const doc = parse(input);
  const raw: RawLine[] = [];
  let buffer = '';
  let tableId = 0;
  const flush = (): void => {
    const text = collapse(buffer);
    buffer = '';
    if (text !== '') raw.push({ text, cells: null, tableId: null });
  };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      buffer += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!isElement(node)) {
      for (const child of childrenOf(node)) walk(child);
      return;
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table' && !containsTable(node)) {
      flush();
      tableId++;
      for (const cells of tableGrid(node)) {
        if (cells.every((c) => c === '')) continue;
        raw.push({ text: cells.join('\t'), cells, tableId });
      }
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of childrenOf(node)) walk(child);
    if (block) flush();
  };
  walk(doc as Node);
  flush();
  return buildDocument('html', raw);
}
