/**
 * A multipart/form-data body (RFC 7578) read as it arrives: text fields into memory (small,
 * bounded), the one file straight to a file on disk — so that an upload of hundreds of megabytes
 * never sits in memory. The app's @fastify/multipart buffers every file (attachFieldsToBody, 10 MB),
 * which is right for its other forms; the decision-list upload route replaces the parser for
 * itself with this one (see import/routes.tsx).
 *
 * The fields come in the order of the form, so the CSRF token (the first hidden field) is there
 * before the file. Only what browsers send is supported: CRLF line breaks, a Content-Disposition
 * header per part with name and filename (UTF-8, as browsers write it, or RFC 5987 filename*).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { AppError } from '../../../errors.js';

export interface ReceivedFile {
  /** The form field that held the file. */
  field: string;
  /** The name the browser gave (without a path). */
  fileName: string;
  /** Where it was written. */
  path: string;
  bytes: number;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  file: ReceivedFile | null;
}

export interface MultipartLimits {
  /** Directory for the file (created when missing). */
  dir: string;
  maxFileBytes: number;
  maxFieldBytes: number;
  maxFields: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

const malformed = () => new AppError('VALIDATION_FAILED', '上传的内容不完整或格式不正确，请重新选择文件上传');

/** The boundary of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2])! : null;
}

/** name and filename of a part's Content-Disposition header. */
function disposition(headers: string): { name: string; fileName: string | null } {
  const line = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h));
  if (!line) throw malformed();
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(line)?.[1];
  if (name === undefined) throw malformed();
  const star = /(?:^|;)\s*filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(line)?.[1];
  let fileName: string | null = null;
  if (star !== undefined) {
    try {
      fileName = decodeURIComponent(star);
    } catch {
      fileName = star;
    }
  } else {
    const plain = /(?:^|;)\s*filename="([^"]*)"/i.exec(line)?.[1];
    if (plain !== undefined) fileName = plain.replace(/%22/g, '"');
  }
  // Some browsers used to send the whole path.
  if (fileName !== null) fileName = fileName.split(/[\\/]/).pop()!.slice(0, 200);
  return { name, fileName };
}

/**
 * Reads a multipart body. At most one file (a second one, or a file over the limit, is refused
 * with PAYLOAD_TOO_LARGE / VALIDATION_FAILED and nothing is kept). The caller owns the file
 * written and deletes it when done; on any error it is deleted here.
 */
export async function receiveMultipart(body: AsyncIterable<Buffer | string>, contentType: string | undefined, limits: MultipartLimits): Promise<ReceivedForm> {
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请通过页面上的文件上传表单提交');
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);

  const fields: Record<string, string> = {};
  let fieldCount = 0;
  let file: ReceivedFile | null = null;
  let out: fs.WriteStream | null = null;
  let fieldParts: Buffer[] | null = null;
  let fieldBytes = 0;
  let partName = '';
  // A failed write (disk full) is kept and thrown at the next write, not left to crash the process.
  let writeError: Error | null = null;

  type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';
  let state = 'preamble' as State;
  let buf: Buffer = Buffer.alloc(0);

  const write = async (data: Buffer) => {
    if (data.length === 0) return;
    if (out) {
      file!.bytes += data.length;
      if (file!.bytes > limits.maxFileBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', `文件超过${Math.round(limits.maxFileBytes / 1024 / 1024)} MB，请分成几个文件上传`);
      }
      if (writeError) throw writeError;
      if (!out.write(data)) await once(out, 'drain');
    } else if (fieldParts) {
      fieldBytes += data.length;
      if (fieldBytes > limits.maxFieldBytes) throw new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大');
      fieldParts.push(Buffer.from(data));
    }
  };
  const closePart = async () => {
    if (out) {
      const stream = out;
      out = null;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } else if (fieldParts) {
      if (!(partName in Object.prototype)) fields[partName] = Buffer.concat(fieldParts).toString('utf8');
      fieldParts = null;
    }
  };
  const openPart = async (headers: string) => {
    const { name, fileName } = disposition(headers);
    partName = name;
    if (fileName === null) {
      fieldCount += 1;
      if (fieldCount > limits.maxFields) throw new AppError('PAYLOAD_TOO_LARGE', '提交的字段过多');
      fieldParts = [];
      fieldBytes = 0;
      return;
    }
    if (file) throw new AppError('VALIDATION_FAILED', '一次只能上传一个文件');
    await fs.promises.mkdir(limits.dir, { recursive: true });
    const target = path.join(limits.dir, `upload-${Date.now()}-${randomBytes(8).toString('hex')}`);
    file = { field: name, fileName, path: target, bytes: 0 };
    out = fs.createWriteStream(target, { flags: 'wx' });
    out.on('error', (error) => {
      writeError = error;
    });
    await once(out, 'open');
  };

  const discard = async () => {
    const stream = out as fs.WriteStream | null;
    out = null;
    stream?.destroy();
    const written = file as ReceivedFile | null;
    if (written) await fs.promises.rm(written.path, { force: true });
  };
  const step = async () => {
    for (;;) {
      if (state === 'preamble') {
        const at = buf.indexOf(dashBoundary);
        if (at < 0) {
          buf = buf.subarray(Math.max(0, buf.length - dashBoundary.length + 1));
          return;
        }
        buf = buf.subarray(at + dashBoundary.length);
        state = 'afterBoundary';
      } else if (state === 'afterBoundary') {
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return;
        }
        if (!buf.subarray(0, 2).equals(CRLF)) throw malformed();
        buf = buf.subarray(2);
        state = 'headers';
      } else if (state === 'headers') {
        const at = buf.indexOf(HEADER_END);
        if (at < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw malformed();
          return;
        }
        await openPart(buf.subarray(0, at).toString('utf8'));
        buf = buf.subarray(at + HEADER_END.length);
        state = 'body';
      } else if (state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          // Keep what could be the start of the delimiter; the rest is the part's content.
          const safe = buf.length - delimiter.length + 1;
          if (safe > 0) {
            await write(buf.subarray(0, safe));
            buf = buf.subarray(safe);
          }
          return;
        }
        await write(buf.subarray(0, at));
        await closePart();
        buf = buf.subarray(at + delimiter.length);
        state = 'afterBoundary';
      } else {
        return;
      }
    }
  };

  // After the end, or after a refusal, the rest of the body is read and dropped rather than the
  // loop left: leaving it destroys the request stream, and with it the connection the answer
  // (the refusal's message) has to go back on. A sender that goes on far beyond the limit is cut off.
  let failure: unknown = null;
  let dropped = 0;
  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (failure !== null || state === 'done') {
        dropped += bytes.length;
        if (dropped > limits.maxFileBytes) break;
        continue;
      }
      buf = buf.length === 0 ? bytes : Buffer.concat([buf, bytes]);
      try {
        await step();
      } catch (error) {
        failure = error;
        buf = Buffer.alloc(0);
        await discard();
      }
    }
  } catch (error) {
    // The sender went away (or the stream failed) in the middle of the body.
    await discard();
    throw error;
  }
  if (failure !== null) throw failure;
  if (state !== 'done') {
    await discard();
    throw malformed();
  }
  return { fields, file };
}
