/**
 * Standard wording that goes into placeholders: the grounds for withholding a part of the
 * information (the {{reason}} of a partial-disclosure letter, 第三十七条) and the fee standards
 * of a fee notice (the {{feeStandard}}).
 */
import { FEE_MEASURE, REGULATION_TITLE, type CitedProvision } from './regulation.js';

/** Why a part is withheld: the grounds of report rows 三（三）1–8, plus content that is not government information (第三十七条). */
export type WithholdingGround =
  | 'stateSecret'
  | 'forbiddenByLaw'
  | 'endangersSecurity'
  | 'thirdPartyRights'
  | 'internalAffairs'
  | 'processInfo'
  | 'enforcementFile'
  | 'inquiryMatter'
  | 'notGovernmentInformation';

export interface GroundPhrase {
  /** As staff choose it. */
  label: string;
  /** The provisions the phrase cites. */
  articles: CitedProvision[];
  /** A clause without a final full stop, citing its article. */
  text: string;
}

export const WITHHOLDING_GROUNDS: Record<WithholdingGround, GroundPhrase> = {
  stateSecret: {
    label: '属于国家秘密',
    articles: ['第十四条'],
    text: `属于依法确定为国家秘密的政府信息，依照${REGULATION_TITLE}第十四条的规定不予公开`,
  },
  forbiddenByLaw: {
    label: '法律、行政法规禁止公开',
    articles: ['第十四条'],
    text: `属于法律、行政法规禁止公开的政府信息，依照${REGULATION_TITLE}第十四条的规定不予公开`,
  },
  endangersSecurity: {
    label: '危及“三安全一稳定”',
    articles: ['第十四条'],
    text: `公开后可能危及国家安全、公共安全、经济安全、社会稳定，依照${REGULATION_TITLE}第十四条的规定不予公开`,
  },
  thirdPartyRights: {
    label: '保护第三方合法权益',
    articles: ['第十五条'],
    text: `涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依照${REGULATION_TITLE}第十五条的规定不予公开`,
  },
  internalAffairs: {
    label: '属于内部事务信息',
    articles: ['第十六条第一款'],
    text: `属于行政机关的内部事务信息，依照${REGULATION_TITLE}第十六条第一款的规定不予公开`,
  },
  processInfo: {
    label: '属于过程性信息',
    articles: ['第十六条第二款'],
    text: `属于行政机关在履行行政管理职能过程中形成的过程性信息，依照${REGULATION_TITLE}第十六条第二款的规定不予公开`,
  },
  enforcementFile: {
    label: '属于行政执法案卷信息',
    articles: ['第十六条第二款'],
    text: `属于行政执法案卷信息，依照${REGULATION_TITLE}第十六条第二款的规定不予公开`,
  },
  inquiryMatter: {
    label: '属于行政查询事项',
    articles: ['第三十六条第（七）项'],
    text: `有关法律、行政法规对该信息的获取有特别规定，依照${REGULATION_TITLE}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理`,
  },
  notGovernmentInformation: {
    label: '不属于政府信息',
    articles: ['第二条', '第三十七条'],
    text: `不属于${REGULATION_TITLE}第二条规定的政府信息，依照该条例第三十七条的规定不予提供`,
  },
};

/**
 * The {{reason}} of a partial-disclosure letter for one ground: the facts of this case (a clause,
 * e.g. "该部分内容为自然人的身份证号码和联系电话"), then the standard ground with its article.
 */
export function withholdingReason(ground: WithholdingGround, facts?: string): string {
  const phrase = WITHHOLDING_GROUNDS[ground].text;
  const detail = facts?.trim().replace(/[。；，\s]+$/u, '');
  return detail ? `${detail}，${phrase}` : phrase;
}

/**
 * The two fee standards of 国办函〔2020〕109号 as the measure words them (第四条, 第五条); a fee
 * notice quotes the one applied. Keys as in the request events ('perRequest' | 'perPage').
 */
export const FEE_STANDARDS = {
  perRequest:
    '按件计收。同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；累计申请11—30件（含30件）的部分，100元/件；累计申请31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件',
  perPage:
    '按量计收。30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页',
} as const;

/** The basis a fee notice states. */
export const FEE_BASIS = `${REGULATION_TITLE}第四十二条，${FEE_MEASURE}`;
