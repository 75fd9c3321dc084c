/**
 * The reader's view of a published report, whatever it came as: a sequence of lines, some of
 * which are table rows (cells), with their offsets in one running text so that section headings
 * found in the text can be mapped back to lines.
 */

export type InputKind = 'html' | 'markdown' | 'text';

export interface DocLine {
  /** The line's text; for a table row, its cells joined by tabs. */
  text: string;
  /** The cells when the line is a table row, else null. */
  cells: string[] | null;
  /** Rows of one table share an id. */
  tableId: number | null;
  /** Offset of the line in ReportDocument.text. */
  offset: number;
}

export interface ReportDocument {
  kind: InputKind;
  lines: DocLine[];
  /** All lines joined by "\n". */
  text: string;
}

/** A line before offsets are assigned. */
export type RawLine = Omit<DocLine, 'offset'>;

/** Assemble the document: offsets, running text. */
export function buildDocument(kind: InputKind, raw: readonly RawLine[]): ReportDocument {
  const lines: DocLine[] = [];
  let offset = 0;
  for (const line of raw) {
    lines.push({ ...line, offset });
    offset += line.text.length + 1;
  }
  return { kind, lines, text: lines.map((l) => l.text).join('\n') };
}

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml|<head[\s>]|<body[\s>]|<meta[\s>])/i;
const HTML_TAGS = /<(?:table|tr|td|p|div|span|br|body|h[1-6])(?:\s[^>]*)?\/?>/gi;
const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * What the input is: saved HTML, markdown (tables in pipes), or plain text (tab-separated
 * tables, or page text with the cells run together). The file name's extension only decides
 * when the content itself is not telling.
 */
export function detectInputKind(input: string, fileName?: string): InputKind {
  const head = input.slice(0, 4096);
  if (HTML_START.test(head)) return 'html';
  const tags = input.match(HTML_TAGS)?.length ?? 0;
  if (tags >= 5) return 'html';
  const lines = input.split(/\r\n|\r|\n/);
  const mdRows = lines.filter((l) => MD_ROW.test(l)).length;
  const mdSeparators = lines.filter((l) => MD_SEPARATOR.test(l) && l.includes('-')).length;
  if (mdRows >= 2 && mdSeparators >= 1) return 'markdown';
  const ext = fileName ? /\.([a-z0-9]+)$/i.exec(fileName.replace(/\.txt$/i, ''))?.[1]?.toLowerCase() : undefined;
  if (ext === 'html' || ext === 'htm' || ext === 'shtml') return tags > 0 ? 'html' : 'text';
  return 'text';
}
