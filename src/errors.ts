/**
 * The one application error type. Services throw it with a stable code and a Chinese message
 * for people; src/http/errors.ts maps each code to an HTTP status in one table.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field that failed validation, with a Chinese explanation. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function validationError(fields: FieldError[]): AppError {
  const summary = fields.map((f) => f.message).join('；');
  return new AppError('VALIDATION_FAILED', `提交的内容有误：${summary}`, fields);
}

export function notFound(what = '记录'): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或无权访问`);
}

export function forbidden(message = '没有执行此操作的权限'): AppError {
  return new AppError('FORBIDDEN', message);
}
