/** The one table from error codes to HTTP statuses, and the conversion of any thrown value. */
import { AppError, type ErrorCode } from '../errors.js';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

interface FrameworkError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Turns anything thrown into an AppError. Framework errors (body too large, bad JSON, CSRF,
 * rate limit) and database uniqueness violations get their own codes; everything else is
 * INTERNAL and its details stay in the log.
 */
export function toAppError(error: unknown): { error: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { error, unexpected: false };
  const e = (error ?? {}) as FrameworkError;
  const code = e.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || e.statusCode === 413) {
    return { error: new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大'), unexpected: false };
  }
  if (code.startsWith('FST_CSRF')) {
    return { error: new AppError('CSRF_INVALID', '页面已过期或来源不明，请刷新页面后重新提交'), unexpected: false };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
    return { error: new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的提交格式'), unexpected: false };
  }
  if (code.startsWith('FST_ERR_CTP') || code === 'FST_ERR_VALIDATION' || (code.startsWith('FST_') && (e.statusCode ?? 0) >= 400 && (e.statusCode ?? 0) < 500)) {
    return { error: new AppError('VALIDATION_FAILED', '提交的内容格式不正确'), unexpected: false };
  }
  if (e.statusCode === 429) return { error: new AppError('RATE_LIMITED', '操作过于频繁，请稍后再试'), unexpected: false };
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { error: new AppError('CONFLICT', '记录已存在（与已有记录重复）'), unexpected: false };
  }
  if (e.statusCode === 404) return { error: new AppError('NOT_FOUND', '页面不存在'), unexpected: false };
  return { error: new AppError('INTERNAL', '系统内部错误，请稍后再试；如持续出现请联系管理员'), unexpected: true };
}
