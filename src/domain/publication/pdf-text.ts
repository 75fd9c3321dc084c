/**
 * Best-effort text of a PDF, for the personal-data and wording checks and for search: the
 * content streams (FlateDecode inflated with node:zlib, or uncompressed) are scanned for the
 * string operands of the text operators Tj, TJ, ' and ". Strings are read as single bytes
 * (ASCII) or, with a byte-order mark, as UTF-16BE; strings in two-byte CID fonts cannot be read
 * without the font's ToUnicode map and are skipped rather than turned into false digits. So
 * Chinese text set in CID fonts is mostly lost, while ASCII digits (ID, phone, card numbers in
 * simple fonts) usually survive.
 */
import { inflateLimited } from './zip.js';

/** Streams that never hold page text: images, fonts, cross-reference and object streams, metadata, embedded files. */
const NOT_CONTENT = /\/Subtype\s*\/Image\b|\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b/;

interface RawStream {
  dictionary: string;
  data: Uint8Array;
}

/** The streams of the file in order, each with the dictionary in front of it. */
function* streams(bytes: Uint8Array, source: string): Generator<RawStream> {
  const keyword = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/g;
  for (let m = keyword.exec(source); m; m = keyword.exec(source)) {
    const start = m.index + m[0].length;
    // The dictionary: from the object's "obj" keyword, looked for in the 8 KB before the stream.
    const window = Math.max(0, m.index - 8192);
    const head = source.slice(window, m.index).lastIndexOf('obj');
    const dictionary = source.slice(head >= 0 ? window + head : window, m.index);
    let end = -1;
    const direct = /\/Length\s+(\d+)(?![\d.]|\s+\d+\s+R)/.exec(dictionary);
    if (direct) {
      const candidate = start + Number(direct[1]);
      if (/^\s*endstream/.test(source.slice(candidate, candidate + 32))) end = candidate;
    }
    if (end < 0) {
      const found = source.indexOf('endstream', start);
      if (found < 0) return;
      end = found;
      // The end-of-line before "endstream" is not part of the data.
      if (source[end - 1] === '\n') end -= 1;
      if (source[end - 1] === '\r') end -= 1;
    }
    yield { dictionary, data: bytes.subarray(start, end) };
    keyword.lastIndex = end;
  }
}

/** The filters of a stream, e.g. ['FlateDecode']. */
function filtersOf(dictionary: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]!);
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** A TJ adjustment at least this far to the right reads as a space between words. */
const WORD_GAP = -250;

const ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

type Operand = { str: number[] } | { array: Operand[] } | { num: number } | { other: true };

/** Reads a literal string starting after its '('; returns the bytes and the index after ')'. */
function literalString(s: string, from: number): [number[], number] {
  const out: number[] = [];
  let depth = 1;
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) {
      // backslash
      const next = s[i + 1];
      i += 2;
      if (next === undefined) break;
      const escaped = ESCAPES[next];
      if (escaped !== undefined) out.push(escaped);
      else if (next >= '0' && next <= '7') {
        let octal = next;
        while (octal.length < 3 && s[i]! >= '0' && s[i]! <= '7') octal += s[i++];
        out.push(Number.parseInt(octal, 8) & 0xff);
      } else if (next === '\r') {
        if (s[i] === '\n') i += 1; // line continuation
      } else if (next !== '\n') out.push(next.charCodeAt(0));
      continue;
    }
    if (c === 0x28) depth += 1;
    if (c === 0x29) {
      depth -= 1;
      if (depth === 0) return [out, i + 1];
    }
    out.push(c);
    i += 1;
  }
  return [out, i];
}

/** Reads a hex string starting after its '<'; returns the bytes and the index after '>'. */
function hexString(s: string, from: number): [number[], number] {
  const end = s.indexOf('>', from);
  const stop = end < 0 ? s.length : end;
  const digits = s.slice(from, stop).replace(/[^0-9A-Fa-f]/g, '');
  const padded = digits.length % 2 === 1 ? `${digits}0` : digits;
  const out: number[] = [];
  for (let k = 0; k < padded.length; k += 2) out.push(Number.parseInt(padded.slice(k, k + 2), 16));
  return [out, stop + 1];
}

/** The text of a string operand: UTF-16BE with a BOM, ASCII otherwise; two-byte codes are dropped. */
function decodeString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let k = 2; k + 1 < bytes.length; k += 2) out += String.fromCharCode((bytes[k]! << 8) | bytes[k + 1]!);
    return out;
  }
  // A zero byte means two-byte character codes (CID fonts): unreadable without the font's CMap.
  if (bytes.includes(0)) return '';
  return bytes
    .filter((b) => b >= 0x20 && b < 0x7f)
    .map((b) => String.fromCharCode(b))
    .join('');
}

/** The text shown by the text operators of one content stream, lines separated by '\n'. */
export function contentStreamText(s: string): string {
  const lines: string[] = [];
  let line = '';
  const newline = (): void => {
    if (line !== '') lines.push(line);
    line = '';
  };
  const operands: Operand[] = [];
  const arrays: Operand[][] = [];
  const push = (op: Operand): void => {
    const open = arrays[arrays.length - 1];
    if (open) open.push(op);
    else operands.push(op);
  };
  const stringOf = (op: Operand | undefined): string => (op && 'str' in op ? decodeString(op.str) : '');
  let lastMatrixY: number | null = null;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (WHITESPACE.has(c)) {
      i += 1;
    } else if (c === 0x25) {
      // comment to end of line
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i += 1;
    } else if (c === 0x28) {
      const [str, next] = literalString(s, i + 1);
      push({ str });
      i = next;
    } else if (c === 0x3c) {
      if (s[i + 1] === '<') {
        push({ other: true });
        i += 2;
      } else {
        const [str, next] = hexString(s, i + 1);
        push({ str });
        i = next;
      }
    } else if (c === 0x3e) {
      i += s[i + 1] === '>' ? 2 : 1;
    } else if (c === 0x5b) {
      // Real text arrays are flat; deep nesting is garbage and is not collected.
      if (arrays.length < 8) arrays.push([]);
      i += 1;
    } else if (c === 0x5d) {
      const array = arrays.pop();
      if (array) push({ array });
      i += 1;
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < s.length && !WHITESPACE.has(s.charCodeAt(j)) && !DELIMITERS.has(s.charCodeAt(j))) j += 1;
      push({ other: true });
      i = j;
    } else {
      let j = i;
      while (j < s.length && !WHITESPACE.has(s.charCodeAt(j)) && !DELIMITERS.has(s.charCodeAt(j))) j += 1;
      if (j === i) j += 1; // a stray delimiter such as '{'
      const word = s.slice(i, j);
      i = j;
      if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) {
        push({ num: Number(word) });
        continue;
      }
      if (arrays.length > 0) continue; // an operator cannot stand inside an array
      const last = operands[operands.length - 1];
      switch (word) {
        case 'Tj':
          line += stringOf(last);
          break;
        case "'":
        case '"':
          newline();
          line += stringOf(last);
          break;
        case 'TJ':
          // A large negative adjustment (in thousandths of an em) is how TeX and others set a word space.
          if (last && 'array' in last) {
            for (const part of last.array) line += 'num' in part ? (part.num <= WORD_GAP ? ' ' : '') : stringOf(part);
          }
          break;
        case 'T*':
        case 'ET':
          newline();
          break;
        case 'Td':
        case 'TD': {
          const ty = operands[operands.length - 1];
          if (ty && 'num' in ty && Math.abs(ty.num) > 0.01) newline();
          break;
        }
        case 'Tm': {
          const f = operands[operands.length - 1];
          const y = f && 'num' in f ? f.num : null;
          if (y !== null && lastMatrixY !== null && Math.abs(y - lastMatrixY) > 0.01) newline();
          lastMatrixY = y;
          break;
        }
        case 'ID': {
          // Inline image data runs up to "EI" after whitespace; it is binary, not operators.
          const end = /\sEI(?=[\s]|$)/g;
          end.lastIndex = i;
          const m = end.exec(s);
          i = m ? m.index + m[0].length : s.length;
          break;
        }
        default:
          break;
      }
      operands.length = 0;
    }
  }
  newline();
  return lines.join('\n');
}

/**
 * The text of a PDF file, best effort (see the module comment). At most `maxInflatedBytes` of
 * stream data are inflated in total; the text read before the budget ran out is returned.
 */
export async function pdfText(bytes: Uint8Array, maxInflatedBytes: number): Promise<string> {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const parts: string[] = [];
  let remaining = maxInflatedBytes;
  for (const stream of streams(bytes, source)) {
    if (NOT_CONTENT.test(stream.dictionary)) continue;
    const filters = filtersOf(stream.dictionary);
    let content: string;
    if (filters.length === 0) {
      content = Buffer.from(stream.data.buffer, stream.data.byteOffset, stream.data.byteLength).toString('latin1');
    } else if (filters.length === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl')) {
      if (remaining <= 0) break;
      const inflated = await inflateLimited(stream.data, remaining, 'zlib');
      remaining -= inflated.data.length;
      content = Buffer.from(inflated.data.buffer, inflated.data.byteOffset, inflated.data.byteLength).toString('latin1');
    } else {
      continue; // other filters (DCT, ASCII85, LZW…) do not carry page text worth the effort
    }
    // Cheap test first: most non-text streams have no text object at all.
    if (!/\bBT\b/.test(content)) continue;
    const text = contentStreamText(content);
    if (text !== '') parts.push(text);
  }
  return parts.join('\n');
}
