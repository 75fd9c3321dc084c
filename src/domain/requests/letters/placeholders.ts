/**
 * The placeholders a letter template may use, with the Chinese label staff see in the editor
 * and in the 【未填写：…】 marker of a letter whose value is missing.
 *
 * Template syntax (see syntax.ts): `{{name}}` inserts a value; `{{#name}}…{{/name}}` keeps the
 * text between only when `name` has a value (an optional sentence, e.g. the third-party
 * consultation that was or was not held). Values are inserted as plain text, never re-read as
 * template syntax, so a requester who types "{{remedy}}" gets exactly that text back.
 */

/**
 * How a value is written into the letter.
 * - text: as given;
 * - date: an ISO date ("2025-01-24") is written the Chinese way ("2025年1月24日"; GB/T 9704:
 *   Arabic numerals, no leading zeros); anything else as given;
 * - paragraphs: as given, and each line break starts a new paragraph (lists of items).
 */
export type PlaceholderType = 'text' | 'date' | 'paragraphs';

export interface PlaceholderSpec {
  /** Shown to staff and in the 【未填写：…】 marker. */
  label: string;
  type: PlaceholderType;
  /** How to word the value so that the sentence around it reads right. */
  hint: string;
}

const text = (label: string, hint: string): PlaceholderSpec => ({ label, type: 'text', hint });
const date = (label: string, hint: string): PlaceholderSpec => ({ label, type: 'date', hint });

export const PLACEHOLDERS = {
  // Parties and the letter itself
  requesterName: text('申请人姓名或名称', '自然人写姓名，法人或者其他组织写全称'),
  agencyName: text('本机关名称', '作出答复的行政机关全称'),
  letterNumber: text('文书编号', '如：青发改依复〔2025〕3号'),
  contactPhone: text('联系电话', '政府信息公开工作机构的联系电话'),
  attachments: text('附件', '附件名称，多个附件用顿号分隔'),

  // The request
  receivedOn: date('收到申请之日', '依照第三十一条确定的收到申请之日'),
  clarifiedOn: date('收到补正申请之日', '收到补正后的申请之日；答复期限自该日起算（第三十条）'),
  requestSummary: text('申请内容', '申请公开的政府信息名称或者特征性描述，置于引号内，如：2024年某某路改造工程环境影响评价批复'),

  // Dates and periods
  dueDate: date('期限届满之日', '补正、缴费、征求意见或者原答复期限的最后一日'),
  newDueDate: date('延长后的答复期限', '延长后答复期限的最后一日'),
  extensionDays: text('延长的工作日数', '阿拉伯数字，不超过20'),

  // Decision
  reason: text('理由', '事实和理由，以不带句号的分句写出，接在“理由是：”等之后'),
  withheldParts: text('不予公开的内容', '如：名单中自然人的身份证号码、联系电话'),
  disclosedParts: text('决定公开的内容', '决定公开的政府信息内容'),
  howProvided: text('提供方式', '接在“该政府信息”之后，如：已随本告知书一并提供（见附件）'),
  howToObtain: text('获取方式和途径', '如：可在某某区人民政府门户网站“政府信息公开”专栏查阅（网址：……）'),
  searchDescription: text('检索范围', '如：本机关档案室、公文处理系统及业务档案'),
  otherAgency: text('其他机关名称', '负责公开或者可能掌握该信息的行政机关全称'),
  otherAgencyContact: text('其他机关联系方式', '地址、电话等'),
  consultedOn: date('征求第三方意见之日', '发出征求意见书之日'),
  thirdPartyOpinion: text('第三方意见', '接在“第三方”之后，如：不同意公开，并说明了理由'),
  specialLaw: text('特别规定的法律、行政法规', '如：《不动产登记暂行条例》'),
  queryChannel: text('查询途径', '如：携带本人身份证明到某某区不动产登记中心申请查询（地址：……）'),
  petitionChannel: text('信访、投诉、举报渠道', '受理该事项的机关及其渠道'),
  earlierReplyOn: date('此前答复之日', '对相同申请作出答复之日'),
  earlierLetterNumber: text('此前答复文号', '对相同申请所作答复的文书编号'),
  publicationName: text('公开出版物名称', '如：《某某市人民政府公报》2024年第5期'),
  reasonRequestedOn: date('要求说明理由之日', '依照第三十五条要求申请人说明理由之日'),
  legalBasis: text('法律依据', '其他处理情形的法律依据，如：《中华人民共和国政府信息公开条例》第某条'),
  decision: text('处理结果', '接在“本机关”之后，如：终止办理该政府信息公开申请'),

  // Clarification (第三十条)
  clarificationRequestedOn: date('发出补正通知之日', '补正通知书的日期'),
  clarificationNoticeNumber: text('补正通知书编号', '如：青发改补正〔2025〕2号'),
  clarificationItems: { label: '需要补正的事项', type: 'paragraphs', hint: '逐项写明，每项一行，如：1.请写明所需文件的名称或者文号；' },
  guidance: text('补正指导和释明', '对如何补正的指导和释明（第三十条）'),
  replyChannel: text('提交方式', '如：邮寄至某某区某某路1号某某局办公室，或者发送电子邮件至……'),

  // Processing fee (第四十二条, 国办函〔2020〕109号)
  feeNoticedOn: date('发出收费通知之日', '收费通知书的日期'),
  feeNoticeNumber: text('收费通知书编号', '如：青发改收费〔2025〕1号'),
  amountYuan: text('收费金额（元）', '阿拉伯数字，如：300'),
  feeStandard: text('收费标准', '按件或者按量计收的标准原文（见 FEE_STANDARDS）'),
  feeCalculation: text('计算过程', '如：本件为您本自然月内提出的第13件申请，按100元/件计收'),
  paymentMethod: text('缴纳方式', '收款单位、账户或者缴费渠道'),

  // Remedies
  remedy: { label: '救济途径', type: 'paragraphs', hint: '留空时按文书种类自动生成（行政复议、行政诉讼）' },
  reconsiderationBody: text('行政复议机关', '如：某某市某某区人民政府'),
  court: text('管辖法院', '人民法院全称，如：某某市某某区人民法院'),
} as const satisfies Record<string, PlaceholderSpec>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}
