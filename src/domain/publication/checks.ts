/**
 * The automatic checks of an item, run when it is submitted and at every review stage. They
 * serve the three aspects every reviewer decides on: 涉密性 (personal data, 第十五条), 准确性
 * (严重表述错误, dead links, catalogue metadata, the document number) and 时效性 (published within
 * 20 working days, 第二十六条). A 'block' finding stops publication until it is fixed (or, for
 * personal data, overridden with a reason at the final review — enforced by the caller); a
 * 'warn' finding is shown to the reviewers.
 */
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../calendar/calendar.js';
import { isIsoDate } from '../calendar/dates.js';
import { normalizeDocumentNumber } from './document-number.js';
import { PERSONAL_DATA_LABELS, findPersonalData } from './personal-data.js';
import { htmlToText } from './sanitize.js';
import { DOCUMENT_INFO_KINDS, INFO_KINDS, isInfoKind, isSubjectCategory } from './vocabulary.js';
import { findWrongPhrases, type WrongPhrase } from './wrong-phrases.js';

export {
  COLUMN_KINDS,
  COLUMN_KIND_KEYS,
  INFO_KINDS,
  INFO_KIND_KEYS,
  SUBJECT_CATEGORIES,
  type ColumnKind,
  type InfoKind,
  type SubjectCategory,
} from './vocabulary.js';

export interface ItemForCheck {
  title: string;
  bodyHtml: string;
  infoKind: string;
  documentNumber: string | null;
  writtenDate: string | null;
  /** Planned or actual publication date; null = today. */
  publishedDate: string | null;
  /** The date the information was made or changed (第二十六条). */
  madeOn: string | null;
  subjectCategory: string | null;
  /** Required for reposts. */
  sourceName: string | null;
  attachments: Array<{ fileName: string; text: string | null }>;
  /** Internal links already resolved by the caller. */
  links: Array<{ href: string; ok: boolean }>;
  /** For normative documents: how many interpretations are linked to it. */
  interpretationCount?: number;
}

export type PublicationRule =
  | 'personalData'
  | 'wrongPhrase'
  | 'deadLink'
  | 'missingMetadata'
  | 'late'
  | 'documentNumber'
  | 'interpretationMissing';

export interface PublicationFinding {
  rule: PublicationRule;
  severity: 'block' | 'warn';
  /** Chinese, names what and where. */
  message: string;
  /** '正文' | '标题' | '附件：xxx.docx' | a field label such as '文号'. */
  where: string;
  /** For personal data and wrong wordings: the text around the match (personal data masked). */
  excerpt?: string;
}

export interface CheckOptions {
  /** Today in Asia/Shanghai, 'YYYY-MM-DD'. */
  today: string;
  calendar: WorkingDayCalendar;
  /** The office's list of 严重表述错误. */
  wrongPhrases: ReadonlyArray<{ wrong: string; correct: string }>;
}

/** 第二十六条: within 20 working days of the information being made or changed. */
export const PUBLICATION_PERIOD_WORKING_DAYS = 20;

interface TextSource {
  where: string;
  /** Prefix of a message: '正文', '标题', '附件“a.docx”'. */
  name: string;
  text: string;
}

function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function kindLabel(infoKind: string): string {
  return isInfoKind(infoKind) ? INFO_KINDS[infoKind] : '该信息';
}

function metadataFindings(item: ItemForCheck): PublicationFinding[] {
  const out: PublicationFinding[] = [];
  const missing = (where: string, message: string): void => {
    out.push({ rule: 'missingMetadata', severity: 'warn', message, where });
  };
  if (blank(item.title)) missing('标题', '标题不能为空');
  if (!isInfoKind(item.infoKind)) missing('信息类别', `信息类别“${item.infoKind}”无效，请重新选择`);
  if ((DOCUMENT_INFO_KINDS as readonly string[]).includes(item.infoKind)) {
    if (blank(item.documentNumber)) missing('文号', `${kindLabel(item.infoKind)}应填写文号`);
    if (blank(item.writtenDate)) missing('成文日期', `${kindLabel(item.infoKind)}应填写成文日期`);
  }
  if (item.infoKind === 'repost' && blank(item.sourceName)) missing('来源', '转载信息应注明来源');
  if (blank(item.subjectCategory)) missing('主题分类', '请选择主题分类');
  else if (!isSubjectCategory(item.subjectCategory!.trim())) {
    missing('主题分类', `主题分类“${item.subjectCategory}”不在国务院主题分类中，请重新选择`);
  }
  return out;
}

function documentNumberFindings(item: ItemForCheck): PublicationFinding[] {
  if (blank(item.documentNumber)) return [];
  const written = item.documentNumber!;
  const warn = (message: string): PublicationFinding => ({ rule: 'documentNumber', severity: 'warn', message, where: '文号' });
  const normalized = normalizeDocumentNumber(written);
  if (!normalized) return [warn(`文号“${written}”格式不正确，应形如“沾政办发〔2022〕12号”`)];
  const out: PublicationFinding[] = [];
  if (normalized.problems.length > 0) {
    out.push(warn(`文号“${written}”：${normalized.problems.join('；')}，应为“${normalized.value}”`));
  }
  const year = /〔(\d{4})〕/.exec(normalized.value)?.[1];
  if (year && item.writtenDate && isIsoDate(item.writtenDate) && item.writtenDate.slice(0, 4) !== year) {
    out.push(warn(`文号年份${year}与成文日期${item.writtenDate}的年份不一致，请核对`));
  }
  return out;
}

function textSources(item: ItemForCheck): { sources: TextSource[]; unreadable: PublicationFinding[] } {
  const sources: TextSource[] = [{ where: '标题', name: '标题', text: item.title }];
  let body = '';
  try {
    body = htmlToText(item.bodyHtml);
  } catch {
    body = item.bodyHtml;
  }
  sources.push({ where: '正文', name: '正文', text: body });
  const unreadable: PublicationFinding[] = [];
  for (const attachment of item.attachments) {
    const where = `附件：${attachment.fileName}`;
    if (attachment.text === null) {
      unreadable.push({
        rule: 'personalData',
        severity: 'warn',
        message: `附件“${attachment.fileName}”无法提取文字，未能自动检查，请人工核对其中是否含有个人信息和严重表述错误`,
        where,
      });
      continue;
    }
    sources.push({ where, name: `附件“${attachment.fileName}”`, text: attachment.text });
  }
  return { sources, unreadable };
}

function contentFindings(sources: TextSource[], wrongPhrases: ReadonlyArray<WrongPhrase>): PublicationFinding[] {
  const out: PublicationFinding[] = [];
  for (const source of sources) {
    findPersonalData(source.text).forEach((match, i) => {
      out.push({
        rule: 'personalData',
        severity: 'block',
        message: `${source.name}第${i + 1}处疑似${PERSONAL_DATA_LABELS[match.kind]} ${match.masked}，请删除或脱敏`,
        where: source.where,
        excerpt: match.excerpt,
      });
    });
  }
  for (const source of sources) {
    findWrongPhrases(source.text, wrongPhrases).forEach((match, i) => {
      out.push({
        rule: 'wrongPhrase',
        severity: 'block',
        message: `${source.name}第${i + 1}处“${match.wrong}”属于严重表述错误，应为“${match.correct}”`,
        where: source.where,
        excerpt: match.excerpt,
      });
    });
  }
  return out;
}

function deadLinkFindings(item: ItemForCheck): PublicationFinding[] {
  return item.links
    .filter((link) => !link.ok)
    .map((link) => ({
      rule: 'deadLink' as const,
      severity: 'warn' as const,
      message: `正文中的链接“${link.href}”无法访问，请修改或删除`,
      where: '正文',
    }));
}

function interpretationFindings(item: ItemForCheck): PublicationFinding[] {
  if (item.infoKind !== 'normative' || (item.interpretationCount ?? 0) > 0) return [];
  return [{
    rule: 'interpretationMissing',
    severity: 'warn',
    message: '行政规范性文件应同步发布政策解读（谁起草、谁解读），尚未关联解读',
    where: '政策解读',
  }];
}

function lateFindings(item: ItemForCheck, opts: CheckOptions): PublicationFinding[] {
  if (blank(item.madeOn)) return [];
  const warn = (message: string): PublicationFinding[] => [{ rule: 'late', severity: 'warn', message, where: '发布日期' }];
  const madeOn = item.madeOn!.trim();
  const published = item.publishedDate ?? opts.today;
  if (!isIsoDate(madeOn)) return warn(`信息形成（变更）日期“${madeOn}”无效，无法核对发布时限（第二十六条）`);
  if (!isIsoDate(published)) return warn(`发布日期“${published}”无效，无法核对发布时限（第二十六条）`);
  let deadline: string;
  try {
    deadline = opts.calendar.addWorkingDays(madeOn, PUBLICATION_PERIOD_WORKING_DAYS);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) {
      return warn(`工作日历未包含${error.year}年的节假日安排，无法核对是否在信息形成（变更）之日起20个工作日内发布（第二十六条），请管理员维护工作日历`);
    }
    return warn(`无法计算发布时限：${error instanceof Error ? error.message : String(error)}`);
  }
  if (published <= deadline) return [];
  const when = item.publishedDate === null ? `今天（${opts.today}）发布` : `发布日期${published}`;
  return warn(
    `${when}已超过信息形成（变更）之日${madeOn}起20个工作日的公开时限（应不晚于${deadline}，第二十六条），请核对信息形成日期或说明原因`,
  );
}

/**
 * Every finding of the automatic checks on an item, in this order: catalogue metadata, document
 * number, personal data (block), wrong wordings (block), dead links, missing interpretation,
 * lateness. Never throws: a problem in one check becomes a finding, not a crash.
 */
export function checkItem(item: ItemForCheck, opts: CheckOptions): PublicationFinding[] {
  const { sources, unreadable } = textSources(item);
  return [
    ...metadataFindings(item),
    ...documentNumberFindings(item),
    ...contentFindings(sources, opts.wrongPhrases),
    ...unreadable,
    ...deadLinkFindings(item),
    ...interpretationFindings(item),
    ...lateFindings(item, opts),
  ];
}

/** True when a finding stops publication. */
export function isBlocking(finding: PublicationFinding): boolean {
  return finding.severity === 'block';
}
