/**
 * Evidence screenshots of findings and answers: PNG or JPEG decided by the content (a renamed
 * file of another kind is refused), at most 5 MB, stored in the database like publication
 * attachments so that every instance behind a proxy serves them.
 */
import { createHash } from 'node:crypto';
import { sniffFileType } from '../../domain/publication/file-type.js';
import { AppError, validationError } from '../../errors.js';

/** Largest screenshot accepted. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The row values of a checked screenshot, or an AppError saying what is wrong with it. */
export function checkedScreenshot(file: UploadedFile) {
  const fileName = file.fileName.replace(/[\\/]/g, '_').trim().slice(0, 200) || '截图';
  if (file.bytes.length === 0) throw validationError([{ field: 'file', message: '截图：文件是空的' }]);
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `截图“${fileName}”超过5MB，请压缩后重新上传`, [{ field: 'file', message: '截图：不能超过5MB' }]);
  const type = sniffFileType(file.bytes, fileName);
  if (!type || (type.kind !== 'png' && type.kind !== 'jpeg')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `截图“${fileName}”不是PNG或JPEG图片，或内容与扩展名不符`, [{ field: 'file', message: '截图：只接受PNG或JPEG图片' }]);
  }
  return {
    file_name: fileName,
    kind: type.kind,
    mime: type.mime,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: Buffer.from(file.bytes),
  };
}
