/** Headers of file downloads. */

/** Content-Disposition with the Chinese file name (RFC 6266 filename*) and an ASCII fallback. */
export function attachmentHeader(fileName: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
