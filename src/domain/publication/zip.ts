/**
 * A small ZIP reader for the containers attachments come in (DOCX, XLSX, OFD): the central
 * directory is read by hand, so that deciding a file's type needs no inflation at all, and an
 * entry is inflated as a stream with a byte budget, so that a zip bomb costs at most the budget.
 *
 * Only what Office and OFD writers produce is supported: stored (0) and deflated (8) entries,
 * ZIP64 end records, no encryption, no multi-disk archives. Anything else reads as "not a ZIP"
 * (null) rather than throwing: attachments are untrusted input.
 */
import { createInflate, createInflateRaw } from 'node:zlib';

/** One file in the central directory. */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated (decoded as UTF-8, or CP437/latin1 without flag 11). */
  readonly name: string;
  /** 0 = stored, 8 = deflated; other methods are listed but cannot be read. */
  readonly method: number;
  readonly compressedSize: number;
  /** As declared by the archive; never trusted for allocation. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** General-purpose flags; bit 0 = encrypted. */
  readonly flags: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** More entries than any real document has; a directory claiming more is refused. */
const MAX_ENTRIES = 20_000;

/** True when the bytes start like a ZIP archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Offset of the end-of-central-directory record, searched from the end: an archive comment may
 * follow it, and the comment may itself contain the signature, so a candidate counts only when
 * its comment length reaches exactly to the end of the file.
 */
function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (dv.getUint32(at, true) === EOCD_SIGNATURE && dv.getUint16(at + 20, true) === bytes.length - at - 22) return at;
  }
  return -1;
}

function readUint64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * The entries of the archive's central directory, in directory order, or null when the bytes
 * are not a readable ZIP archive (no end record, directory outside the file, bad signatures).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const dv = view(bytes);
  const end = findEndRecord(bytes, dv);
  if (end < 0) return null;
  let count = dv.getUint16(end + 10, true);
  let size = dv.getUint32(end + 12, true);
  let offset = dv.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits right before the classic end record.
    const locator = end - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const record = readUint64(dv, locator + 8);
    if (record + 56 > bytes.length || dv.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) return null;
    count = readUint64(dv, record + 32);
    size = readUint64(dv, record + 40);
    offset = readUint64(dv, record + 48);
  }
  if (count > MAX_ENTRIES || offset + size > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) return null;
    const nameBytes = bytes.subarray(nameStart, extraStart);
    const name = (flags & 0x800) !== 0 ? utf8.decode(nameBytes) : decodeLegacyName(nameBytes);
    // ZIP64 extended information (0x0001): only the fields whose classic value is saturated.
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = dv.getUint16(e, true);
      const length = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let field = e + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= e + 4 + length) {
          uncompressedSize = readUint64(dv, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= e + 4 + length) {
          compressedSize = readUint64(dv, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff && field + 8 <= e + 4 + length) {
          localHeaderOffset = readUint64(dv, field);
        }
      }
      e += 4 + length;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, flags });
    at = next;
  }
  return entries;
}

/** Names without the UTF-8 flag: ASCII in practice (Office, OFD); otherwise UTF-8 if valid, else latin1. */
function decodeLegacyName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** The compressed bytes of an entry, located through its local header; null when out of bounds. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
  // The local header's own name and extra lengths, which may differ from the central ones.
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  return bytes.subarray(start, end);
}

/** Result of inflating with a budget. */
export interface LimitedBytes {
  readonly data: Uint8Array;
  /** True when the output was cut at the budget (or the stream was damaged part-way). */
  readonly truncated: boolean;
}

/**
 * Inflates `data` as a stream and keeps at most `maxBytes` of output; the stream is stopped as
 * soon as the budget is reached, so a small archive that expands to gigabytes costs no more
 * than the budget. `format` 'raw' = deflate without header (ZIP), 'zlib' = with zlib header
 * (PDF FlateDecode). A damaged stream yields what was inflated before the damage.
 */
export function inflateLimited(data: Uint8Array, maxBytes: number, format: 'raw' | 'zlib'): Promise<LimitedBytes> {
  return new Promise((resolve) => {
    const stream = format === 'raw' ? createInflateRaw() : createInflate();
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (truncated: boolean): void => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      const all = Buffer.concat(chunks, total);
      resolve({ data: new Uint8Array(all.buffer, all.byteOffset, all.byteLength), truncated });
    };
    if (maxBytes <= 0) {
      finish(true);
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = maxBytes - total;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        total += room;
        stream.destroy();
        finish(true);
        return;
      }
      chunks.push(chunk);
      total += chunk.length;
    });
    stream.on('end', () => finish(false));
    stream.on('error', () => finish(true));
    stream.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
}

/**
 * The content of one entry, at most `maxBytes` of it, or null when it cannot be read
 * (encrypted, unknown method, outside the file).
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<LimitedBytes | null> {
  if ((entry.flags & 0x1) !== 0) return null;
  const data = entryData(bytes, entry);
  if (!data) return null;
  if (entry.method === 0) {
    const cut = data.length > maxBytes;
    return { data: cut ? data.subarray(0, Math.max(0, maxBytes)) : data, truncated: cut };
  }
  if (entry.method === 8) return inflateLimited(data, maxBytes, 'raw');
  return null;
}
