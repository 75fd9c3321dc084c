/**
 * Validation at the boundary: zod schemas (which also feed the OpenAPI document), with errors
 * turned into Chinese field messages that name the field by its label.
 */
import { z } from 'zod';
import { validationError, type FieldError } from '../errors.js';

z.config(z.locales.zhCN());

export type Labels = Record<string, string>;

/** Parses input with a schema or throws VALIDATION_FAILED naming every wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Labels = {}): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(请求)';
    const label = labels[field] ?? labels[String(issue.path[0] ?? '')] ?? field;
    const message = issue.code === 'unrecognized_keys' ? `包含未知字段：${issue.keys.join('、')}` : issue.message;
    return { field, message: `${label}：${message}` };
  });
  throw validationError(fields);
}

/** Trimmed text of bounded length; empty strings count as missing. */
export const text = (max: number, min = 1) =>
  z.string({ error: '请填写此项' }).trim().min(min, min <= 1 ? '请填写此项' : `至少${min}个字符`).max(max, `不能超过${max}个字符`);

/** Optional trimmed text: '' and absent both become undefined. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, `不能超过${max}个字符`).optional());

/** A positive integer id, accepting the string a form sends. */
export const formId = z.coerce.number({ error: '必须是编号' }).int('必须是整数').positive('必须是正整数');

/** A checkbox group: absent, one value or several. */
export const formList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
