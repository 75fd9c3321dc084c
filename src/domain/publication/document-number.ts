/**
 * 文号 (document number), as GB/T 9704-2012 §7.2.4 writes it: the issuer's code, the year in
 * hexagonal brackets 〔〕, and the serial number without leading zeros, e.g. 沾政办发〔2022〕12号.
 *
 * Drafters often type other brackets ([] () （） 【】 ［］ ﹝﹞ 〖〗), full-width digits, spaces or
 * a padded serial (012号). Those are fixable: normalizeDocumentNumber returns the canonical form
 * and says in Chinese what was wrong. Anything else is not a document number.
 */

export interface DocumentNumber {
  /** The issuer's code (机关代字), 1–12 Chinese characters, e.g. 沾政办发. */
  issuer: string;
  year: number;
  serial: number;
}

export const MIN_DOCUMENT_YEAR = 1949;
export const MAX_DOCUMENT_YEAR = 2100;

const OPEN_BRACKETS = '〔[(（【［﹝〖';
const CLOSE_BRACKETS = '〕])）】］﹞〗';

const FORM = new RegExp(
  `^([\\u3400-\\u4dbf\\u4e00-\\u9fff]{1,12})([${escapeClass(OPEN_BRACKETS)}])(\\d{4})([${escapeClass(CLOSE_BRACKETS)}])(\\d{1,6})号$`,
  'u',
);

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\[^-]/g, (c) => `\\${c}`);
}

interface Reading {
  parsed: DocumentNumber;
  problems: string[];
}

function read(input: string): Reading | null {
  const problems: string[] = [];
  let s = input.trim();
  if (/\s/.test(s)) {
    problems.push('文号中不应有空格');
    s = s.replace(/\s+/g, '');
  }
  if (/[０-９]/.test(s)) {
    problems.push('年份和序号应使用半角阿拉伯数字');
    s = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  }
  const m = FORM.exec(s);
  if (!m) return null;
  const [, issuer, open, yearText, close, serialText] = m;
  if (open !== '〔' || close !== '〕') problems.push('年份应使用六角括号〔〕');
  const year = Number(yearText);
  const serial = Number(serialText);
  if (year < MIN_DOCUMENT_YEAR || year > MAX_DOCUMENT_YEAR || serial < 1) return null;
  if (serialText!.startsWith('0')) problems.push(`序号不编虚位，应写作“${serial}号”而不是“${serialText}号”`);
  return { parsed: { issuer: issuer!, year, serial }, problems };
}

/**
 * The parts of a document number, or null when it is not one. Lenient: a number with fixable
 * problems (wrong brackets, padded serial…) is parsed too; use isValidDocumentNumber to require
 * the canonical form.
 */
export function parseDocumentNumber(s: string): DocumentNumber | null {
  return read(s)?.parsed ?? null;
}

/** The canonical text of a document number: 沾政办发〔2022〕12号. */
export function formatDocumentNumber(n: DocumentNumber): string {
  return `${n.issuer}〔${n.year}〕${n.serial}号`;
}

/**
 * The canonical form and what had to be fixed to reach it (Chinese messages, empty when the
 * input was already canonical), or null when the input is not a document number at all.
 */
export function normalizeDocumentNumber(s: string): { value: string; problems: string[] } | null {
  const reading = read(s);
  return reading ? { value: formatDocumentNumber(reading.parsed), problems: reading.problems } : null;
}

/** True only for the canonical form (〔〕, half-width digits, no leading zero, no spaces). */
export function isValidDocumentNumber(s: string): boolean {
  const reading = read(s);
  return reading !== null && reading.problems.length === 0 && s === formatDocumentNumber(reading.parsed);
}
