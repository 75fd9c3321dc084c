/** Input of account forms and API calls. */
import { z } from 'zod';
import { ROLES } from '../../domain/roles.js';
import { formId, formList, optionalText, text } from '../../http/validate.js';

export const userInput = z.object({
  username: z
    .string({ error: '请填写此项' })
    .trim()
    .min(3, '至少3个字符')
    .max(64, '不能超过64个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字、下划线、点和连字符'),
  displayName: text(100),
  agencyId: formId,
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email('电子邮箱格式不正确').max(200).optional()),
  roles: formList(z.enum(ROLES, { error: '不是有效的角色' })).refine((r) => r.length > 0, '至少选择一个角色'),
});

export const userUpdateInput = userInput.omit({ username: true, agencyId: true });

export const userLabels = { username: '账号', displayName: '姓名', agencyId: '所属单位', email: '电子邮箱', roles: '角色' };

export const loginInput = z.object({
  username: z.string({ error: '请填写账号' }).trim().min(1, '请填写账号').max(64, '账号不能超过64个字符'),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(256, '密码过长'),
});

export const passwordChangeInput = z.object({
  currentPassword: z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码').max(256),
  newPassword: z.string({ error: '请填写新密码' }).min(1, '请填写新密码').max(256),
  confirmPassword: z.string({ error: '请再次填写新密码' }).max(256),
});
export const passwordLabels = { currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码' };

export { optionalText };
