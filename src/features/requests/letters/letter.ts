/**
 * A letter ready to render: what the DOCX and HTML renderers share, and the few layout rules of
 * GB/T 9704 (党政机关公文格式) that both apply to the lines around the body.
 */
import { chineseDate } from '../../../domain/requests/letters/fill.js';

export interface LetterForRender {
  /** e.g. 政府信息予以公开告知书; a line break splits a long title over two lines. */
  title: string;
  /** 文书编号, e.g. 青发改依复〔2025〕3号. */
  number: string;
  /** Who the letter is addressed to (the salutation line without the colon is fine). */
  recipient: string;
  paragraphs: readonly string[];
  /** The agency that signs (发文机关署名). */
  agencyName: string;
  /** 成文日期, ISO "2025-01-24". */
  date: string;
  /** 附注 under the date, e.g. "此件经电子印章签署" or contact details; set in parentheses. */
  sealNote?: string;
}

/** The salutation line, "XXX：" (a colon is added unless there is one). */
export function recipientLine(recipient: string): string {
  const name = recipient.trim();
  return /[：:]$/.test(name) ? name.replace(/:$/, '：') : `${name}：`;
}

/** The 附注 in full-width parentheses, as GB/T 9704 sets it. */
export function noteLine(sealNote: string): string {
  const note = sealNote.trim();
  return /^[（(].*[）)]$/.test(note) ? `（${note.slice(1, -1)}）` : `（${note}）`;
}

export function titleLines(title: string): string[] {
  return title
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The 附件 line, set one blank line below the body (GB/T 9704-2012 7.3.4). */
export function isAttachmentLine(text: string): boolean {
  return text.startsWith('附件：');
}

/** The date as letters print it: 2025年1月24日. */
export function letterDate(iso: string): string {
  return chineseDate(iso);
}

/** Width of a text in characters of the body font: CJK one, ASCII (digits of a date) half. */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

/**
 * Right indents, in characters, of the signature lines (GB/T 9704-2012 7.3.5.1): the date four
 * characters in from the right margin, the agency name centred over the date. A name wider
 * than the date keeps two characters from the margin and the date is centred under it.
 */
export function signatureIndents(agencyName: string, dateText: string): { agency: number; date: number } {
  const nameWidth = textWidthChars(agencyName);
  const dateWidth = textWidthChars(dateText);
  let date = 4;
  let agency = date + (dateWidth - nameWidth) / 2;
  if (agency < 2) {
    agency = 2;
    date = agency + (nameWidth - dateWidth) / 2;
  }
  return { agency, date };
}
