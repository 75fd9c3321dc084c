/**
 * What an import reads: the items (a CSV or JSON file, alone or in a ZIP package as items.csv /
 * items.json) and the attachment files the rows name — inside the ZIP, or in the folder of a
 * CSV/JSON file given on the command line.
 *
 * ZIP packages are untrusted: entries are inflated with a byte budget (zip.ts), so a small
 * archive that claims or expands to gigabytes costs at most the budget.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeReportFile } from '../../../domain/report/published.js';
import { looksLikeZip, readZipDirectory, readZipEntry, type ZipEntry } from '../../../domain/publication/zip.js';
import { parseCsv } from '../../requests/import/read-file.js';
import { MAX_ATTACHMENT_BYTES } from '../service.js';
import { ImportFileError, recordsFromJson, recordsFromSheet, type RawRecord } from './records.js';

/** Largest items file read from a ZIP package (inflated). */
export const MAX_ITEMS_FILE_BYTES = 200 * 1024 * 1024;

export type AttachmentRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'missing' | 'tooLarge' | 'unreadable' };

/** The attachment files of an import, by relative path (normalised: '/' separators). */
export interface AttachmentStore {
  /** Where the paths are relative to, for messages: “ZIP包” or “导入文件所在文件夹”. */
  readonly where: string;
  read(relativePath: string): Promise<AttachmentRead>;
}

export interface ImportFile {
  /** The items file's name (items.csv inside a ZIP, else the uploaded name). */
  itemsName: string;
  records: RawRecord[];
  /** Null when a lone CSV/JSON was uploaded: its rows cannot name attachments. */
  attachments: AttachmentStore | null;
}

/**
 * Reads an import file: a ZIP package, or a CSV or JSON file (by its extension, else by its
 * content). `folder` is where a lone CSV/JSON file's attachments are (the command line).
 * Throws ImportFileError when the file as a whole cannot be read.
 */
export async function openImportFile(bytes: Uint8Array, fileName: string, folder: string | null = null): Promise<ImportFile> {
  if (bytes.length === 0) throw new ImportFileError('文件是空的');
  if (looksLikeZip(bytes)) return openZip(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportFileError(EXCEL_MESSAGE);
  return {
    itemsName: fileName,
    records: readItems(bytes, fileName),
    attachments: folder === null ? null : folderStore(folder),
  };
}

const EXCEL_MESSAGE = '这是Excel文件：请在Excel中“另存为”“CSV UTF-8（逗号分隔）”后导入，有附件的与附件一起打包成ZIP';

function readItems(bytes: Uint8Array, fileName: string): RawRecord[] {
  const text = decodeReportFile(bytes);
  const extension = path.extname(fileName).toLowerCase();
  const json = extension === '.json' || (extension !== '.csv' && /^\s*[[{]/.test(text));
  return json ? recordsFromJson(text) : recordsFromSheet(parseCsv(text));
}

// ---- ZIP ------------------------------------------------------------------------------------

const ITEMS_FILES = ['items.csv', 'items.json'];

/**
 * Names an entry may be looked up by. Archives made by Windows' own “compressed folder” store
 * Chinese names in GBK without the UTF-8 flag; zip.ts then decodes them as UTF-8 if valid,
 * else as latin1 — both reversible, so the GB18030 reading is offered too.
 */
function entryNames(entry: ZipEntry): string[] {
  const names = [entry.name];
  if ((entry.flags & 0x800) === 0 && /[^\x00-\x7f]/.test(entry.name)) {
    const gb = new TextDecoder('gb18030');
    if (/^[\x00-\xff]*$/.test(entry.name)) names.push(gb.decode(Buffer.from(entry.name, 'latin1')));
    names.push(gb.decode(Buffer.from(entry.name, 'utf8')));
  }
  return [...new Set(names.map((n) => n.normalize('NFC').replace(/\\/g, '/').replace(/^\.?\/+/, '')))];
}

async function openZip(bytes: Uint8Array): Promise<ImportFile> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new ImportFileError('无法读取该ZIP文件：文件可能已损坏、被加密，或含有超过20000个文件（较大的迁移请分成几个ZIP，或用命令行从文件夹导入）');
  const files = new Map<string, ZipEntry>();
  const lower = new Map<string, ZipEntry[]>();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/')) continue;
    for (const name of entryNames(entry)) {
      files.set(name, entry);
      lower.set(name.toLowerCase(), [...(lower.get(name.toLowerCase()) ?? []), entry]);
    }
  }
  const items = [...files.keys()].filter((n) => ITEMS_FILES.includes(path.posix.basename(n).toLowerCase()));
  if (items.length === 0) {
    if (files.has('xl/workbook.xml')) throw new ImportFileError(EXCEL_MESSAGE);
    throw new ImportFileError('ZIP包中没有 items.csv 或 items.json：请把信息列表命名为 items.csv（或 items.json），与附件一起打包');
  }
  const shallowest = Math.min(...items.map((n) => n.split('/').length));
  const top = items.filter((n) => n.split('/').length === shallowest);
  if (top.length > 1) throw new ImportFileError(`ZIP包中有${top.length}个信息列表（${top.join('、')}），只能有一个 items.csv 或 items.json`);
  const itemsName = top[0]!;
  const read = await readZipEntry(bytes, files.get(itemsName)!, MAX_ITEMS_FILE_BYTES);
  if (!read) throw new ImportFileError(`无法读取ZIP包中的${itemsName}`);
  if (read.truncated) throw new ImportFileError(`ZIP包中的${itemsName}超过${MAX_ITEMS_FILE_BYTES / 1024 / 1024} MB，请分成几个文件导入`);
  // Paths are relative to the ZIP's root; when the list sits in a folder (a zipped folder), to that folder too.
  const base = path.posix.dirname(itemsName) === '.' ? '' : `${path.posix.dirname(itemsName)}/`;
  const find = (p: string): ZipEntry | undefined => {
    for (const name of base ? [base + p, p] : [p]) {
      const exact = files.get(name);
      if (exact) return exact;
      const folded = lower.get(name.toLowerCase());
      if (folded && new Set(folded).size === 1) return folded[0];
    }
    return undefined;
  };
  return {
    itemsName,
    records: readItems(read.data, itemsName),
    attachments: {
      where: 'ZIP包',
      async read(relativePath) {
        const entry = find(relativePath);
        if (!entry) return { ok: false, reason: 'missing' };
        if (entry.uncompressedSize > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
        const data = await readZipEntry(bytes, entry, MAX_ATTACHMENT_BYTES + 1);
        if (!data) return { ok: false, reason: 'unreadable' };
        if (data.data.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
        if (data.truncated) return { ok: false, reason: 'unreadable' };
        return { ok: true, bytes: data.data };
      },
    },
  };
}

// ---- a folder (command line) ------------------------------------------------------------------

/** Files under `folder`; the paths were normalised before (no '..', not absolute). */
export function folderStore(folder: string): AttachmentStore {
  const root = path.resolve(folder);
  return {
    where: '导入文件所在文件夹',
    async read(relativePath) {
      const file = path.resolve(root, ...relativePath.split('/'));
      if (!file.startsWith(root + path.sep)) return { ok: false, reason: 'missing' };
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return { ok: false, reason: 'missing' };
      if (info.size > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
      try {
        return { ok: true, bytes: await readFile(file) };
      } catch {
        return { ok: false, reason: 'unreadable' };
      }
    },
  };
}
