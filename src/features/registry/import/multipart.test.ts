import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { boundaryOf, receiveMultipart } from './multipart.js';

const BOUNDARY = '----gongkai-test-boundary';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-multipart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const limits = { dir, maxFileBytes: 1000, maxFieldBytes: 100, maxFields: 5 };

/** A body as a browser sends it: the fields, then the file. */
function body(fields: Record<string, string>, file: { name: string; content: Buffer } | null): Buffer {
  const parts: Buffer[] = [Buffer.from('preamble to ignore\r\n')];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

async function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const filesLeft = () => fs.readdirSync(dir).length;

describe('a multipart body read as it arrives', () => {
  // Content that looks like a boundary without being one, and a CRLF at the very end.
  const content = Buffer.from(`决定文书号,决定日期\r\n--${BOUNDARY.slice(0, -1)}x,2025-01-03\r\n\r\n`);

  it('gives the fields and writes the file, whatever the size of the pieces', async () => {
    for (const size of [1, 3, 17, 64, 100_000]) {
      const form = await receiveMultipart(pieces(body({ _csrf: 'tok', agencyId: '3', kind: '行政处罚' }, { name: '2025年处罚决定.csv', content }), size), TYPE, limits);
      expect(form.fields).toEqual({ _csrf: 'tok', agencyId: '3', kind: '行政处罚' });
      expect(form.file).toMatchObject({ field: 'file', fileName: '2025年处罚决定.csv', bytes: content.length });
      expect(fs.readFileSync(form.file!.path)).toEqual(content);
      fs.rmSync(form.file!.path);
    }
  });

  it('takes the file name from filename* and drops a path', async () => {
    const raw = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''%E5%86%B3%E5%AE%9A.csv\r\n\r\nx\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="b"\r\n\r\n1\r\n--${BOUNDARY}--`);
    const form = await receiveMultipart(pieces(raw, 5), TYPE, limits);
    expect(form.file).toMatchObject({ fileName: '决定.csv', bytes: 1 });
    expect(form.fields).toEqual({ b: '1' });
    fs.rmSync(form.file!.path);
    const windows = await receiveMultipart(pieces(body({}, { name: 'C:\\\\Users\\\\a\\\\list.csv', content: Buffer.from('y') }), 7), TYPE, limits);
    expect(windows.file!.fileName).toBe('list.csv');
    fs.rmSync(windows.file!.path);
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const before = filesLeft();
    await expect(receiveMultipart(pieces(body({ _csrf: 't' }, { name: 'a.csv', content: Buffer.alloc(1001, 65) }), 64), TYPE, limits))
      .rejects.toEqual(new AppError('PAYLOAD_TOO_LARGE', '文件超过0 MB，请分成几个文件上传'));
    expect(filesLeft()).toBe(before);
  });

  it('refuses a body cut short, a second file, too many fields, and a request without a boundary', async () => {
    const before = filesLeft();
    const whole = body({ _csrf: 't' }, { name: 'a.csv', content });
    await expect(receiveMultipart(pieces(whole.subarray(0, whole.length - 20), 8), TYPE, limits)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const two = Buffer.concat([body({}, { name: 'a.csv', content }).subarray(0, -`--${BOUNDARY}--\r\n`.length), body({}, { name: 'b.csv', content }).subarray('preamble to ignore\r\n'.length)]);
    await expect(receiveMultipart(pieces(two, 8), TYPE, limits)).rejects.toEqual(new AppError('VALIDATION_FAILED', '一次只能上传一个文件'));
    await expect(receiveMultipart(pieces(body({ a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' }, null), 8), TYPE, limits)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(receiveMultipart(pieces(whole, 8), 'multipart/form-data', limits)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(filesLeft()).toBe(before);
  });

  it('reads the boundary of a content type, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b');
    expect(boundaryOf('text/plain')).toBeNull();
  });
});
