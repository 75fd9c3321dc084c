import { describe, expect, it } from 'vitest';
import { formatIndexNumber, parseIndexNumber } from './index-number.js';

describe('index numbers (索引号)', () => {
  it('pads the serial to five digits and writes larger serials in full', () => {
    expect(formatIndexNumber('11530303MB1234567X', 2022, 15)).toBe('11530303MB1234567X/2022-00015');
    expect(formatIndexNumber('11530303MB1234567X', 2022, 99999)).toBe('11530303MB1234567X/2022-99999');
    expect(formatIndexNumber('11530303MB1234567X', 2022, 100000)).toBe('11530303MB1234567X/2022-100000');
    expect(formatIndexNumber('000014349', 2023, 1)).toBe('000014349/2023-00001');
  });

  it('refuses impossible parts', () => {
    expect(() => formatIndexNumber('', 2022, 1)).toThrow(RangeError);
    expect(() => formatIndexNumber('沾益区', 2022, 1)).toThrow(RangeError);
    expect(() => formatIndexNumber('11530303MB1234567X', 22, 1)).toThrow(RangeError);
    expect(() => formatIndexNumber('11530303MB1234567X', 2022, 0)).toThrow(RangeError);
    expect(() => formatIndexNumber('11530303MB1234567X', 2022, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseIndexNumber('11530303MB1234567X/2022-00015')).toEqual({ agencyCode: '11530303MB1234567X', year: 2022, serial: 15 });
    expect(parseIndexNumber('11530303MB1234567X/2022-100000')).toEqual({ agencyCode: '11530303MB1234567X', year: 2022, serial: 100000 });
    expect(parseIndexNumber(' 000014349/2023-00001 ')).toEqual({ agencyCode: '000014349', year: 2023, serial: 1 });
  });

  it('refuses other forms', () => {
    for (const s of ['11530303MB1234567X/2022-15', '11530303MB1234567X/2022-00000', '11530303MB1234567X/2022-012345',
      '11530303MB1234567X-2022-00015', '/2022-00015', '11530303MB1234567X/22-00015', '沾益/2022-00015']) {
      expect(parseIndexNumber(s), s).toBeNull();
    }
  });
});
