/**
 * The kinds of letter a request can produce: one reply letter per outcome of report section 三
 * (plus two variants whose legal basis differs from the row's usual one), and the procedural
 * notices sent while the request runs.
 */
import { OUTCOME_ROWS_2021 } from '../../report/format.js';
import type { Outcome } from '../types.js';

/**
 * Reply letters whose legal basis differs from the default letter of the same report row:
 * - granted.alreadyPublished: the information is already published (第三十六条第（一）项)
 *   rather than provided now (第（二）项); counted as 三（一）予以公开;
 * - unavailable.notResponsible: another agency is responsible for disclosing it
 *   (第三十六条第（五）项) rather than it not existing (第（四）项); counted as 三（四）1.
 */
export const REPLY_VARIANTS = ['granted.alreadyPublished', 'unavailable.notResponsible'] as const;
export type ReplyVariant = (typeof REPLY_VARIANTS)[number];

/** A letter that answers the request: its outcome decides the report row. */
export type ReplyKind = Outcome | ReplyVariant;
export const REPLY_KINDS: readonly ReplyKind[] = [...OUTCOME_ROWS_2021, ...REPLY_VARIANTS];

/** Letters sent while a request runs; none of them is a decision on disclosure. */
export const NOTICE_KINDS = [
  /** 补正通知书, 第三十条 */
  'clarificationNotice',
  /** 延期答复告知书, 第三十三条第二款 */
  'extensionNotice',
  /** 征求第三方意见函, 第三十二条 */
  'consultationLetter',
  /** 征求共同制作机关意见函, 第三十四条 */
  'agencyConsultationLetter',
  /** 信息处理费收费通知书, 第四十二条 and 国办函〔2020〕109号 */
  'feeNotice',
  /** 说明理由通知书, 第三十五条: asked before a request may be declined as excessive */
  'reasonRequestNotice',
  /** 告知第三方决定公开, 第三十二条: the third party objected but the public interest prevails */
  'thirdPartyDisclosureNotice',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type LetterKind = ReplyKind | NoticeKind;
export const LETTER_KINDS: readonly LetterKind[] = [...REPLY_KINDS, ...NOTICE_KINDS];

export function isReplyKind(kind: LetterKind): kind is ReplyKind {
  return (REPLY_KINDS as readonly string[]).includes(kind);
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

/** The report row a reply letter counts under. */
export function outcomeOfReply(kind: ReplyKind): Outcome {
  if (kind === 'granted.alreadyPublished') return 'granted';
  if (kind === 'unavailable.notResponsible') return 'unavailable.notHeld';
  return kind;
}

/** Who a letter is addressed to (the salutation line and who receives it). */
export type Addressee = 'requester' | 'thirdParty' | 'agency';

export function addresseeOf(kind: LetterKind): Addressee {
  if (kind === 'consultationLetter' || kind === 'thirdPartyDisclosureNotice') return 'thirdParty';
  if (kind === 'agencyConsultationLetter') return 'agency';
  return 'requester';
}

/**
 * The series of a letter number (文书编号), each numbered from 1 every year per agency:
 * - 依复: replies that decide on the information (公开, 部分公开, 不予公开, 无法提供);
 * - 依告: replies that end a request without deciding on the information (不予处理, 不再处理,
 *   其他) and other 告知 (说明理由, 告知第三方决定公开);
 * - 补正, 延期, 征询 (third parties and other agencies), 收费.
 */
export type LetterSeries = '依复' | '依告' | '补正' | '延期' | '征询' | '收费';
export const LETTER_SERIES_LIST: readonly LetterSeries[] = ['依复', '依告', '补正', '延期', '征询', '收费'];

export function letterSeries(kind: LetterKind): LetterSeries {
  switch (kind) {
    case 'clarificationNotice':
      return '补正';
    case 'extensionNotice':
      return '延期';
    case 'consultationLetter':
    case 'agencyConsultationLetter':
      return '征询';
    case 'feeNotice':
      return '收费';
    case 'reasonRequestNotice':
    case 'thirdPartyDisclosureNotice':
      return '依告';
    default: {
      const group = kind.split('.')[0];
      return group === 'notProcessed' || group === 'other' ? '依告' : '依复';
    }
  }
}
