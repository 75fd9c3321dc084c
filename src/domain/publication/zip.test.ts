import JSZip from 'jszip';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateLimited, looksLikeZip, readZipDirectory, readZipEntry } from './zip.js';

async function makeZip(files: Record<string, string>, options: { compression?: 'STORE' | 'DEFLATE'; comment?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: options.compression ?? 'DEFLATE', comment: options.comment });
}

const text = new TextDecoder();

describe('readZipDirectory', () => {
  it('lists the entries of an archive, also behind an archive comment', async () => {
    const bytes = await makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', '中文/说明.txt': '说明' }, { comment: 'PK\u0005\u0006 is in the comment, which is not the end record' });
    expect(looksLikeZip(bytes)).toBe(true);
    const entries = readZipDirectory(bytes);
    expect(entries?.map((e) => [e.name, e.method])).toEqual([
      ['[Content_Types].xml', 8],
      ['word/', 0],
      ['word/document.xml', 8],
      ['中文/', 0],
      ['中文/说明.txt', 8],
    ]);
  });

  it('returns null for what is not a ZIP archive or is cut off', async () => {
    const bytes = await makeZip({ 'a.txt': 'a' });
    expect(readZipDirectory(new TextEncoder().encode('<html><body>not a zip</body></html>'))).toBeNull();
    expect(readZipDirectory(bytes.subarray(0, bytes.length - 10))).toBeNull();
    expect(readZipDirectory(new Uint8Array(0))).toBeNull();
    expect(looksLikeZip(new TextEncoder().encode('MZ\u0090'))).toBe(false);
  });
});

describe('readZipEntry', () => {
  it('reads stored and deflated entries', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const bytes = await makeZip({ 'a.xml': '<a>甲乙丙</a>'.repeat(100) }, { compression });
      const [entry] = readZipDirectory(bytes)!;
      const read = await readZipEntry(bytes, entry!, 1_000_000);
      expect(read?.truncated, compression).toBe(false);
      expect(text.decode(read!.data), compression).toBe('<a>甲乙丙</a>'.repeat(100));
    }
  });

  it('stops at the budget when an entry expands beyond it (zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('bomb.xml', new Uint8Array(8 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const [entry] = readZipDirectory(bytes)!;
    const read = await readZipEntry(bytes, entry!, 100_000);
    expect(read?.truncated).toBe(true);
    expect(read?.data.length).toBe(100_000);
  });
});

describe('inflateLimited', () => {
  it('inflates raw and zlib streams and keeps what precedes damage', async () => {
    const data = new TextEncoder().encode('BT (13812345678) Tj ET\n'.repeat(50));
    expect(text.decode((await inflateLimited(deflateRawSync(data), 1e6, 'raw')).data)).toBe(text.decode(data));
    const zlibbed = deflateSync(data);
    const whole = await inflateLimited(zlibbed, 1e6, 'zlib');
    expect(whole).toEqual({ data: new Uint8Array(data), truncated: false });
    const cut = await inflateLimited(zlibbed.subarray(0, zlibbed.length - 6), 1e6, 'zlib');
    expect(cut.truncated).toBe(true);
    expect(text.decode(data).startsWith(text.decode(cut.data))).toBe(true);
    expect(await inflateLimited(new Uint8Array([1, 2, 3]), 1e6, 'zlib')).toEqual({ data: new Uint8Array(0), truncated: true });
  });
});
