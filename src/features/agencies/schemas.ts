/** Input of agency forms and API calls. */
import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../../domain/credit-code.js';
import { formId, optionalText, text } from '../../http/validate.js';

export const AGENCY_KINDS = ['government', 'office', 'department', 'township', 'other'] as const;

export const AGENCY_KIND_LABELS: Record<(typeof AGENCY_KINDS)[number], string> = {
  government: '人民政府',
  office: '政府办公室（政务公开主管部门）',
  department: '政府工作部门',
  township: '乡镇（街道）',
  other: '其他单位',
};

const creditCode = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeCreditCode(v) === '' ? undefined : normalizeCreditCode(v)) : v),
  z
    .string()
    .refine(isValidCreditCode, '不是有效的统一社会信用代码（18位，末位校验码须正确，GB 32100）')
    .optional(),
);

export const agencyInput = z.object({
  name: text(200),
  shortName: text(100),
  kind: z.enum(AGENCY_KINDS, { error: '请选择单位类型' }),
  parentId: z.preprocess((v) => (v === '' || v === null ? undefined : v), formId.optional()),
  creditCode,
  indexCode: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().regex(/^[0-9A-Za-z-]{2,40}$/, '只能由2～40位字母、数字或连字符组成').optional(),
  ),
  sortOrder: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int('必须是整数').min(0).max(100000)),
  officeName: optionalText(200),
  officeAddress: optionalText(300),
  officeHours: optionalText(200),
  postalCode: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().regex(/^\d{6}$/, '邮政编码应为6位数字').optional()),
  phone: optionalText(60),
  fax: optionalText(60),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email('电子邮箱格式不正确').max(200).optional()),
  website: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, error: '网址应以 http:// 或 https:// 开头' }).max(300).optional()),
});

/** The contact columns of an agency from the validated input. */
export function contactColumns(input: AgencyInput) {
  return {
    office_name: input.officeName ?? null, office_address: input.officeAddress ?? null, office_hours: input.officeHours ?? null,
    postal_code: input.postalCode ?? null, phone: input.phone ?? null, fax: input.fax ?? null, email: input.email ?? null, website: input.website ?? null,
  };
}
export type AgencyInput = z.infer<typeof agencyInput>;

export const agencyLabels = {
  name: '单位全称',
  shortName: '简称',
  kind: '单位类型',
  parentId: '上级单位',
  creditCode: '统一社会信用代码',
  indexCode: '索引号前缀',
  sortOrder: '排序',
  officeName: '政府信息公开工作机构',
  officeAddress: '办公地址',
  officeHours: '办公时间',
  postalCode: '邮政编码',
  phone: '联系电话',
  fax: '传真',
  email: '电子邮箱',
  website: '网址',
};

export { optionalText };
