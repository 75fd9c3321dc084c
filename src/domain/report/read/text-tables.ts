/**
 * Plain text and markdown into document lines. Tab-separated lines are table rows (how a table
 * copied out of Word or WPS arrives); pipe lines are markdown table rows (a PDF conversion).
 * Everything else is text; page text whose cells ran together is left as text for the
 * flattened-cell reader.
 */
import { buildDocument, type RawLine, type ReportDocument } from './document.js';
import { isSectionHeadingLine } from './sections.js';

function splitLines(input: string): string[] {
  return input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/** A short line between two rows is a label that lost its tabs (split over lines), not text. */
function isLabelFragment(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 40 && !/[。；]/.test(t) && !isSectionHeadingLine(t);
}

/** Plain text: tab-separated rows; consecutive rows (blank lines between allowed) form a table. */
export function textToDocument(input: string): ReportDocument {
  const lines = splitLines(input);
  const isRow = lines.map((l) => l.includes('\t') && l.replace(/\t/g, '').trim() !== '');
  const nearestRow = (from: number, step: 1 | -1): boolean => {
    for (let i = from + step; i >= 0 && i < lines.length; i += step) {
      if ((lines[i] ?? '').trim() === '') continue;
      return isRow[i] === true;
    }
    return false;
  };
  const raw: RawLine[] = [];
  let tableId = 0;
  let inTable = false;
  lines.forEach((line, i) => {
    if (isRow[i]) {
      if (!inTable) tableId++;
      inTable = true;
      raw.push({ text: line, cells: line.split('\t'), tableId });
      return;
    }
    if (line.trim() === '') {
      raw.push({ text: line, cells: null, tableId: null });
      return;
    }
    if (inTable && isLabelFragment(line) && nearestRow(i, 1) && nearestRow(i, -1)) {
      raw.push({ text: line, cells: [line.trim()], tableId });
      return;
    }
    inTable = false;
    raw.push({ text: line, cells: null, tableId: null });
  });
  return buildDocument('text', raw);
}

const MD_ROW = /^\s*\|(.*)\|?\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Split a markdown row into cells ("\|" is a literal pipe). */
export function splitMarkdownRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

/** Markdown: pipe rows form tables (a blank line ends one); headings lose their #. */
export function markdownToDocument(input: string): ReportDocument {
  const raw: RawLine[] = [];
  let tableId = 0;
  let inTable = false;
  for (const line of splitLines(input)) {
    if (MD_ROW.test(line) && line.includes('|')) {
      if (MD_SEPARATOR.test(line)) continue;
      if (!inTable) tableId++;
      inTable = true;
      const cells = splitMarkdownRow(line);
      raw.push({ text: cells.join('\t'), cells, tableId });
      continue;
    }
    inTable = false;
    const text = line
      .replace(/^\s{0,3}#{1,6}\s*/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/\*\*|__/g, '');
    raw.push({ text, cells: null, tableId: null });
  }
  return buildDocument('markdown', raw);
}
