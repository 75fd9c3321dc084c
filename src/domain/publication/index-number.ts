/**
 * 索引号 (index number): unique per item, the agency's code, a slash, the year and a serial
 * number padded to five digits, e.g. 11530303MB1234567X/2022-00015. The agency code is usually
 * its 统一社会信用代码; a few agencies use an older organisation code, so any code of ASCII
 * letters, digits and inner hyphens is accepted.
 */

export interface IndexNumber {
  agencyCode: string;
  year: number;
  serial: number;
}

const AGENCY_CODE = /^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/;
const INDEX_NUMBER = /^([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)\/(\d{4})-(\d{5,})$/;

/**
 * The index number of an item: formatIndexNumber('11530303MB1234567X', 2022, 15) →
 * '11530303MB1234567X/2022-00015'. The serial is padded to five digits and written in full
 * from 100000 on. Throws RangeError for an impossible code, year or serial (a programming
 * error: the values come from the agency record and the sequence table).
 */
export function formatIndexNumber(agencyCode: string, year: number, serial: number): string {
  if (!AGENCY_CODE.test(agencyCode)) throw new RangeError(`机构代码“${agencyCode}”无效，应由字母和数字组成`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`年度“${String(year)}”无效，应为四位数的年份`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`序号“${String(serial)}”无效，应为正整数`);
  return `${agencyCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/** The parts of an index number in the canonical form, or null when it is not one. */
export function parseIndexNumber(s: string): IndexNumber | null {
  const m = INDEX_NUMBER.exec(s.trim());
  if (!m) return null;
  const [, agencyCode, yearText, serialText] = m;
  const serial = Number(serialText);
  // Beyond five digits the serial is written in full: 012345 is not a canonical serial.
  if (serial < 1 || !Number.isSafeInteger(serial) || (serialText!.length > 5 && serialText!.startsWith('0'))) return null;
  return { agencyCode: agencyCode!, year: Number(yearText), serial };
}
