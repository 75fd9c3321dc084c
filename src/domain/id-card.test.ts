import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCardNumber } from './id-card.js';

describe('居民身份证号码 (GB 11643)', () => {
  it('computes the check character of the standard’s worked example', () => {
    // GB 11643-1999 appendix example: 11010519491231002X.
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdCardNumber('11010519491231002X')).toBe(true);
    expect(isValidIdCardNumber('11010519491231002x')).toBe(true);
  });
  it('rejects a wrong check character, an impossible birth date and wrong lengths', () => {
    expect(isValidIdCardNumber('110105194912310021')).toBe(false);
    expect(isValidIdCardNumber('110105194902301234')).toBe(false);
    expect(isValidIdCardNumber('1101051949123100')).toBe(false);
  });
});
