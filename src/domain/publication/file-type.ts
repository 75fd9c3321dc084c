/**
 * What an uploaded attachment really is, decided by its content, never by its name alone: an
 * executable or an HTML page renamed to .pdf or .doc must not reach the portal. The name's
 * extension must agree with the content: a PNG called .pdf is refused too.
 *
 * ZIP containers are told apart by their entries (read from the central directory, nothing is
 * inflated). OLE2 compound files are shared by Word, Excel and WPS, so there the extension
 * decides which of doc, xls, wps, et it is.
 */
import { looksLikeZip, readZipDirectory } from './zip.js';

export const ALLOWED_ATTACHMENT_KINDS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ofd', 'png', 'jpeg', 'gif', 'wps', 'et'] as const;

export type AttachmentKind = (typeof ALLOWED_ATTACHMENT_KINDS)[number];

export interface AttachmentKindInfo {
  /** Content type to serve the file with. */
  mime: string;
  /** Extensions (lower case, without the dot) a file of this kind may have. */
  extensions: readonly string[];
  /** Chinese name, for messages. */
  label: string;
}

export const ATTACHMENT_KIND_INFO: Record<AttachmentKind, AttachmentKindInfo> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF文档' },
  doc: { mime: 'application/msword', extensions: ['doc'], label: 'Word文档' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word文档' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel表格' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel表格' },
  ofd: { mime: 'application/ofd', extensions: ['ofd'], label: 'OFD版式文档' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG图片' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe'], label: 'JPEG图片' },
  gif: { mime: 'image/gif', extensions: ['gif'], label: 'GIF图片' },
  // WPS's own formats have no registered type; these are the names WPS Office installs.
  wps: { mime: 'application/wps-office.wps', extensions: ['wps'], label: 'WPS文字文档' },
  et: { mime: 'application/wps-office.et', extensions: ['et'], label: 'WPS表格' },
};

/** The extensions accepted for upload, e.g. for an <input accept> list: ".pdf,.doc,…". */
export const ALLOWED_ATTACHMENT_EXTENSIONS: readonly string[] = ALLOWED_ATTACHMENT_KINDS.flatMap(
  (kind) => ATTACHMENT_KIND_INFO[kind].extensions,
);

/** The lower-case extension of a file name (path parts ignored), '' when there is none. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Which Office Open XML / OFD package the entries describe, if any. */
function zipKind(bytes: Uint8Array): AttachmentKind | null {
  const entries = readZipDirectory(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name.replace(/^\/+/, '')));
  // Macro-enabled documents renamed to .docx/.xlsx carry vbaProject.bin: refused.
  if (names.has('word/vbaProject.bin') || names.has('xl/vbaProject.bin')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('OFD.xml')) return 'ofd';
  return null;
}

const OLE2_BY_EXTENSION: Readonly<Record<string, AttachmentKind>> = { doc: 'doc', xls: 'xls', wps: 'wps', et: 'et' };

/**
 * The kind of an attachment and the type to serve it with, decided by its content (magic
 * bytes; ZIP entries; OLE2 + extension) and accepted only when the file name's extension
 * belongs to that kind. Null for anything else: other formats, a renamed executable or web
 * page, a damaged ZIP, a mismatched extension.
 */
export function sniffFileType(bytes: Uint8Array, fileName: string): { kind: AttachmentKind; mime: string } | null {
  const extension = fileExtension(fileName);
  let kind: AttachmentKind | null = null;
  if (startsWith(bytes, PDF)) kind = 'pdf';
  else if (startsWith(bytes, PNG)) kind = 'png';
  else if (startsWith(bytes, JPEG)) kind = 'jpeg';
  else if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) kind = 'gif';
  else if (looksLikeZip(bytes)) kind = zipKind(bytes);
  else if (startsWith(bytes, OLE2)) kind = OLE2_BY_EXTENSION[extension] ?? null;
  if (kind === null || !ATTACHMENT_KIND_INFO[kind].extensions.includes(extension)) return null;
  return { kind, mime: ATTACHMENT_KIND_INFO[kind].mime };
}
