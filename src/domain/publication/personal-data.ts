/**
 * Personal data that must not be published (第十五条: third parties' rights; 个人信息保护法):
 * resident ID numbers, mobile numbers, bank card numbers and e-mail addresses in an item's
 * title, body or attachments. Each candidate is validated (ID check character and birth date,
 * Luhn for cards) and must stand alone: digits that are part of a longer run of digits (an
 * index number such as 11530303MB1234567X/2022-00015, a long statistic) are not a match.
 *
 * Full-width characters (０-９, ＠, －…) are folded one character at a time with NFKC, which
 * keeps every character at its place, so indexes refer to the original text.
 */
import { isValidIdCardNumber } from '../id-card.js';

export type PersonalDataKind = 'idCard' | 'mobile' | 'bankCard' | 'email';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The text as written (full-width digits and separators included). */
  value: string;
  /** The value with its middle hidden, e.g. 530302********1234, 138****5678. */
  masked: string;
  /** Index of the value in the original text (UTF-16 code units). */
  index: number;
  /** About 20 characters around the value, with every personal datum in it masked. */
  excerpt: string;
}

/** Chinese names of the kinds, for messages. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  idCard: '身份证号码',
  mobile: '手机号码',
  bankCard: '银行卡号',
  email: '电子邮箱',
};

/**
 * Folds each character whose NFKC form is a single ASCII character (full-width digits, letters,
 * ＠ ＋ －, the ideographic space…) to that character; everything else stays. Same length as
 * the input, so an index in the result is an index in the input.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) {
      out += ch;
      continue;
    }
    const folded = ch.normalize('NFKC');
    out += folded.length === 1 && folded.charCodeAt(0) < 0x80 ? folded : ch;
  }
  return out;
}

// Digits of a match must not continue a longer run; ID and card numbers must not be glued to
// letters either (credit codes, serial numbers).
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const BANK_CARD = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?)(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9+])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?![0-9])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** Luhn (ISO/IEC 7812) check of a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email[0]}***${email.slice(at)}`;
}

interface Found {
  kind: PersonalDataKind;
  index: number;
  length: number;
  masked: string;
}

function candidates(folded: string): Found[] {
  const found: Found[] = [];
  for (const m of folded.matchAll(ID_CARD)) {
    const id = m[0].toUpperCase();
    if (isValidIdCardNumber(id)) {
      found.push({ kind: 'idCard', index: m.index, length: m[0].length, masked: `${id.slice(0, 6)}********${id.slice(14)}` });
    }
  }
  for (const m of folded.matchAll(BANK_CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length === 18 && isValidIdCardNumber(digits)) continue;
    if (!passesLuhn(digits)) continue;
    found.push({
      kind: 'bankCard',
      index: m.index,
      length: m[0].length,
      masked: `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`,
    });
  }
  for (const m of folded.matchAll(MOBILE)) {
    found.push({ kind: 'mobile', index: m.index, length: m[0].length, masked: `${m[1]}****${m[4]}` });
  }
  for (const m of folded.matchAll(EMAIL)) {
    found.push({ kind: 'email', index: m.index, length: m[0].length, masked: maskEmail(m[0]) });
  }
  return found;
}

const EXCERPT_SIDE = 10;

/**
 * Every personal datum in `text`, in order of position. Where candidates overlap, the one that
 * starts first wins, and of two starting together the longer one (13812345678@163.com is an
 * e-mail address, not a mobile number).
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const folded = foldWidth(text);
  const sorted = candidates(folded).sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Found[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.index < last.index + last.length) continue;
    kept.push(c);
  }
  return kept.map((match) => ({
    kind: match.kind,
    value: text.slice(match.index, match.index + match.length),
    masked: match.masked,
    index: match.index,
    excerpt: excerptAround(text, match, kept),
  }));
}

/** ~10 characters each side of the match; any match touching the window is included whole and masked. */
function excerptAround(text: string, match: Found, all: readonly Found[]): string {
  let start = Math.max(0, match.index - EXCERPT_SIDE);
  let end = Math.min(text.length, match.index + match.length + EXCERPT_SIDE);
  const inside = all.filter((m) => m.index < end && m.index + m.length > start);
  for (const m of inside) {
    start = Math.min(start, m.index);
    end = Math.max(end, m.index + m.length);
  }
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start]!)) start -= 1;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end += 1;
  let out = '';
  let at = start;
  for (const m of inside) {
    out += text.slice(at, m.index) + m.masked;
    at = m.index + m.length;
  }
  out += text.slice(at, end);
  return `${start > 0 ? '…' : ''}${out.replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** Masks every personal datum in `text` (for logs and excerpts shown to people). */
export function maskPersonalData(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findPersonalData(text)) {
    out += text.slice(at, m.index) + m.masked;
    at = m.index + m.value.length;
  }
  return out + text.slice(at);
}
