/** Input of request forms (public and console) and API calls. */
import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../../domain/credit-code.js';
import { isIsoDate } from '../../domain/calendar/index.js';
import { isValidIdCardNumber } from '../../domain/id-card.js';
import { REQUESTER_COLUMNS } from '../../domain/report/format.js';
import { CHANNELS } from '../../domain/requests/types.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = (max: number) => z.preprocess(blank, z.string().trim().max(max, `不能超过${max}个字符`).optional());
const date = z.preprocess(blank, z.string().refine(isIsoDate, '不是有效的日期（格式 YYYY-MM-DD）').optional());

export const PREFERRED_FORMS = ['paper', 'electronic'] as const;
export const PREFERRED_FORM_LABELS = { paper: '纸质', electronic: '电子数据' } as const;
export const DELIVERY_WAYS = ['post', 'pickup', 'email', 'online'] as const;
export const DELIVERY_WAY_LABELS = { post: '邮寄', pickup: '当面领取', email: '电子邮件', online: '网上查看' } as const;
export const ID_TYPES = ['idCard', 'passport', 'other'] as const;
export const ID_TYPE_LABELS = { idCard: '居民身份证', passport: '护照', other: '其他证件' } as const;

/** What a requester states (第二十九条): identity and contacts, the information sought, form and delivery. */
export const requesterInput = z
  .object({
    requesterKind: z.enum(REQUESTER_COLUMNS, { error: '请选择申请人类型' }),
    requesterName: z.string({ error: '请填写此项' }).trim().min(1, '请填写此项').max(200, '不能超过200个字符'),
    idType: z.preprocess(blank, z.enum(ID_TYPES, { error: '请选择证件类型' }).optional()),
    idNumber: opt(40),
    creditCode: z.preprocess((v) => (typeof v === 'string' ? blank(normalizeCreditCode(v)) : v), z.string().refine(isValidCreditCode, '不是有效的统一社会信用代码').optional()),
    phone: z.preprocess(blank, z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, '电话号码格式不正确').optional()),
    email: z.preprocess(blank, z.email('电子邮箱格式不正确').max(200).optional()),
    address: opt(300),
    description: z.string({ error: '请填写此项' }).trim().min(5, '请具体描述所需政府信息（至少5个字）').max(5000, '不能超过5000字'),
    preferredForm: z.enum(PREFERRED_FORMS, { error: '请选择获取信息的形式' }),
    deliveryWay: z.enum(DELIVERY_WAYS, { error: '请选择获取信息的方式' }),
  })
  .superRefine((v, ctx) => {
    if (v.requesterKind === 'naturalPerson') {
      if (!v.idType) ctx.addIssue({ code: 'custom', path: ['idType'], message: '请选择证件类型' });
      if (!v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写证件号码' });
      else if (v.idType === 'idCard' && !isValidIdCardNumber(v.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '不是有效的居民身份证号码（末位校验码不符）' });
    } else if (!v.creditCode) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '法人或其他组织请填写统一社会信用代码' });
    }
    if (!v.phone && !v.email && !v.address) ctx.addIssue({ code: 'custom', path: ['phone'], message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）' });
    if (v.deliveryWay === 'email' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件方式时请填写电子邮箱' });
    if (v.deliveryWay === 'post' && !v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄方式时请填写通信地址' });
  });
export type RequesterInput = z.infer<typeof requesterInput>;

/** Staff registering a request that arrived on another channel, with the evidence of receipt (第三十一条). */
export const staffIntakeInput = z.object({
  agencyId: z.coerce.number({ error: '请选择受理单位' }).int().positive(),
  channel: z.enum(CHANNELS, { error: '请选择申请渠道' }),
  submittedOn: date,
  signedOn: date,
  confirmedOn: date,
});

export const requestLabels: Record<string, string> = {
  requesterKind: '申请人类型', requesterName: '申请人名称（姓名）', idType: '证件类型', idNumber: '证件号码', creditCode: '统一社会信用代码',
  phone: '联系电话', email: '电子邮箱', address: '通信地址', description: '所需政府信息的描述', preferredForm: '获取信息的形式',
  deliveryWay: '获取信息的方式', agencyId: '受理单位', channel: '申请渠道', submittedOn: '提交日期', signedOn: '签收日期', confirmedOn: '确认日期',
};
