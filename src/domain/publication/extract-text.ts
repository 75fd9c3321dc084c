/**
 * The text of an attachment, for the automatic checks (personal data, wrong wordings) and for
 * search. Everything a reader of the published file can see counts, so besides the body this
 * reads a DOCX's headers, footers, footnotes, comments and tracked deletions, and an XLSX's
 * numeric cells (mobile numbers are often stored as numbers).
 *
 * Attachments are untrusted: at most MAX_INFLATED_BYTES are inflated per file in total (a zip
 * bomb yields the text read until then), and nothing here throws on damaged input.
 */
import type { AttachmentKind } from './file-type.js';
import { pdfText } from './pdf-text.js';
import { xmlAttribute, xmlTokens } from './xml-text.js';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip.js';

/** Inflated bytes read from one attachment at most: 20 MB. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

export interface ExtractTextOptions {
  /** Budget of inflated bytes for this file (default MAX_INFLATED_BYTES). */
  maxInflatedBytes?: number;
}

/** The remaining inflation budget of one extraction. */
interface Budget {
  remaining: number;
}

const utf8 = new TextDecoder('utf-8');

/** The XML of an entry as text, within the budget; '' when it cannot be read. */
async function entryText(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<string> {
  if (budget.remaining <= 0) return '';
  const read = await readZipEntry(bytes, entry, budget.remaining);
  if (!read) return '';
  budget.remaining -= read.data.length;
  if (read.truncated) budget.remaining = 0;
  return utf8.decode(read.data);
}

/** Numeric order of the number in a part name (sheet2 before sheet10), then by name. */
function byNumber(pattern: RegExp): (a: ZipEntry, b: ZipEntry) => number {
  const num = (e: ZipEntry): number => Number(pattern.exec(e.name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return (a, b) => num(a) - num(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function joinLines(lines: string[]): string {
  return lines.map((l) => l.replace(/[ \t]+$/g, '')).filter((l) => l.trim() !== '').join('\n');
}

// ---- DOCX -------------------------------------------------------------------------------

/** Text of one WordprocessingML part: runs joined, one line per paragraph. */
export function wordPartText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  let inText = false;
  let runDepth = 0;
  let fallbackDepth = 0;
  for (const token of xmlTokens(xml)) {
    if (token.type === 'text') {
      if (inText && fallbackDepth === 0) line += token.raw;
      continue;
    }
    // Text boxes are written twice (mc:Choice and the mc:Fallback for old readers): read once.
    if (token.name === 'mc:Fallback') {
      if (token.type === 'open') fallbackDepth += 1;
      else if (token.type === 'close') fallbackDepth = Math.max(0, fallbackDepth - 1);
      continue;
    }
    if (fallbackDepth > 0) continue;
    switch (token.name) {
      case 'w:t':
      case 'w:delText':
        inText = token.type === 'open';
        break;
      case 'w:r':
        if (token.type === 'open') runDepth += 1;
        else if (token.type === 'close') runDepth = Math.max(0, runDepth - 1);
        break;
      case 'w:tab':
        // Only a tab in a run is text; w:tab in w:tabs is a tab stop.
        if (runDepth > 0 && token.type !== 'close') line += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (runDepth > 0 && token.type !== 'close') {
          lines.push(line);
          line = '';
        }
        break;
      case 'w:p':
        if (token.type !== 'open') {
          lines.push(line);
          line = '';
        }
        break;
      default:
        break;
    }
  }
  lines.push(line);
  return joinLines(lines);
}

const DOCX_PARTS: ReadonlyArray<RegExp> = [
  /^word\/document\.xml$/,
  /^word\/header(\d*)\.xml$/,
  /^word\/footer(\d*)\.xml$/,
  /^word\/footnotes\.xml$/,
  /^word\/endnotes\.xml$/,
  /^word\/comments\.xml$/,
];

async function docxText(bytes: Uint8Array, entries: ZipEntry[], budget: Budget): Promise<string> {
  const parts: string[] = [];
  for (const pattern of DOCX_PARTS) {
    for (const entry of entries.filter((e) => pattern.test(e.name)).sort(byNumber(pattern))) {
      const text = wordPartText(await entryText(bytes, entry, budget));
      if (text !== '') parts.push(text);
    }
  }
  return parts.join('\n');
}

// ---- XLSX -------------------------------------------------------------------------------

/** The shared strings table: each <si> as one string, phonetic runs (rPh) left out. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for (const token of xmlTokens(xml)) {
    if (token.type === 'text') {
      if (current !== null && inText && phonetic === 0) current += token.raw;
      continue;
    }
    if (token.local === 'si') {
      if (token.type === 'open') current = '';
      else {
        strings.push(current ?? '');
        current = null;
      }
    } else if (token.local === 'rPh') {
      if (token.type === 'open') phonetic += 1;
      else if (token.type === 'close') phonetic = Math.max(0, phonetic - 1);
    } else if (token.local === 't') {
      inText = token.type === 'open';
    }
  }
  return strings;
}

/** One worksheet as text: a line per row, cells separated by tabs; marks the shared strings used. */
export function worksheetText(xml: string, shared: readonly string[], used: Set<number>): string {
  const lines: string[] = [];
  let cells: string[] = [];
  let cellType: string | undefined;
  let value: string | null = null;
  let inline: string | null = null;
  let inValue = false;
  let inInlineText = false;
  const endCell = (): void => {
    let text = '';
    if (cellType === 's') {
      const index = Number(value);
      if (Number.isInteger(index) && index >= 0 && index < shared.length) {
        text = shared[index]!;
        used.add(index);
      }
    } else if (cellType === 'inlineStr') text = inline ?? '';
    else if (cellType !== 'b' && cellType !== 'e') text = value ?? '';
    if (text !== '') cells.push(text.replace(/[\r\n]+/g, ' '));
    value = null;
    inline = null;
  };
  for (const token of xmlTokens(xml)) {
    if (token.type === 'text') {
      if (inValue) value = (value ?? '') + token.raw;
      else if (inInlineText) inline = (inline ?? '') + token.raw;
      continue;
    }
    switch (token.local) {
      case 'row':
        if (token.type !== 'open') {
          lines.push(cells.join('\t'));
          cells = [];
        }
        break;
      case 'c':
        if (token.type === 'open') cellType = xmlAttribute(token.raw, 't');
        else if (token.type === 'close') endCell();
        break;
      case 'v':
        inValue = token.type === 'open';
        break;
      case 't':
        inInlineText = token.type === 'open';
        break;
      default:
        break;
    }
  }
  if (cells.length > 0) lines.push(cells.join('\t'));
  return joinLines(lines);
}

async function xlsxText(bytes: Uint8Array, entries: ZipEntry[], budget: Budget): Promise<string> {
  const sharedEntry = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const shared = sharedEntry ? sharedStrings(await entryText(bytes, sharedEntry, budget)) : [];
  const used = new Set<number>();
  const sheetPattern = /^xl\/worksheets\/sheet(\d+)\.xml$/;
  const parts: string[] = [];
  for (const entry of entries.filter((e) => sheetPattern.test(e.name)).sort(byNumber(sheetPattern))) {
    const text = worksheetText(await entryText(bytes, entry, budget), shared, used);
    if (text !== '') parts.push(text);
  }
  // Strings of the table that no cell shows are still in the file.
  const unused = shared.filter((s, i) => !used.has(i) && s.trim() !== '');
  if (unused.length > 0) parts.push(unused.join('\n'));
  return parts.join('\n');
}

// ---- OFD --------------------------------------------------------------------------------

/**
 * Text of one OFD page (GB/T 33190): the TextCode of every TextObject. Codes on the same
 * baseline (TextObject boundary top + TextCode Y) form one line, so a number set one glyph per
 * object stays one number.
 */
export function ofdPageText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  let objectTop = 0;
  let lastY: number | null = null;
  let codeY = 0;
  let inCode = false;
  for (const token of xmlTokens(xml)) {
    if (token.type === 'text') {
      if (inCode) line += token.raw;
      continue;
    }
    if (token.local === 'TextObject' && token.type !== 'close') {
      const boundary = (xmlAttribute(token.raw, 'Boundary') ?? '').trim().split(/\s+/).map(Number);
      objectTop = Number.isFinite(boundary[1]) ? boundary[1]! : 0;
      codeY = 0;
    } else if (token.local === 'TextCode') {
      inCode = token.type === 'open';
      if (token.type === 'close') continue;
      // Y may be left out on a TextCode that continues the previous one.
      const y = xmlAttribute(token.raw, 'Y');
      if (y !== undefined && y.trim() !== '' && Number.isFinite(Number(y))) codeY = Number(y);
      const baseline = objectTop + codeY;
      if (lastY !== null && Math.abs(baseline - lastY) > 0.5) {
        lines.push(line);
        line = '';
      }
      lastY = baseline;
    }
  }
  lines.push(line);
  return joinLines(lines);
}

async function ofdText(bytes: Uint8Array, entries: ZipEntry[], budget: Budget): Promise<string> {
  const pagePattern = /^Doc_(\d+)\/Pages\/(?:.*\/)?Content\.xml$/;
  const pageNumber = (name: string): number => Number(/Page_(\d+)\//.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const pages = entries
    .filter((e) => pagePattern.test(e.name))
    .sort((a, b) => {
      const docA = Number(pagePattern.exec(a.name)?.[1]);
      const docB = Number(pagePattern.exec(b.name)?.[1]);
      return docA - docB || pageNumber(a.name) - pageNumber(b.name) || (a.name < b.name ? -1 : 1);
    });
  const parts: string[] = [];
  for (const entry of pages) {
    const text = ofdPageText(await entryText(bytes, entry, budget));
    if (text !== '') parts.push(text);
  }
  return parts.join('\n');
}

// ---- dispatch ---------------------------------------------------------------------------

/**
 * The text of an attachment of the given kind (as decided by sniffFileType): DOCX, XLSX and OFD
 * fully, PDF best effort (see pdf-text.ts); null for the other kinds (images, the OLE2 formats
 * doc, xls, wps, et) and for a package that cannot be read at all. '' means read, but no text.
 */
export async function extractText(bytes: Uint8Array, kind: AttachmentKind, options: ExtractTextOptions = {}): Promise<string | null> {
  const budget: Budget = { remaining: options.maxInflatedBytes ?? MAX_INFLATED_BYTES };
  try {
    if (kind === 'pdf') return await pdfText(bytes, budget.remaining);
    if (kind !== 'docx' && kind !== 'xlsx' && kind !== 'ofd') return null;
    const entries = readZipDirectory(bytes);
    if (!entries) return null;
    if (kind === 'docx') return await docxText(bytes, entries, budget);
    if (kind === 'xlsx') return await xlsxText(bytes, entries, budget);
    return await ofdText(bytes, entries, budget);
  } catch {
    // Damaged input must not break a submission; the caller reports "could not be read".
    return null;
  }
}
