import { describe, expect, it } from 'vitest';
import { findPersonalData, foldWidth, maskPersonalData, passesLuhn } from './personal-data.js';

// 530302199001011232 and 530302198512310045 have correct GB 11643 check characters.
const ID = '530302199001011232';

describe('findPersonalData: ID card numbers', () => {
  it('finds a valid ID number and masks its middle', () => {
    const text = `经核查，申请人张三，身份证号${ID}，住址沾益区西平街道。`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'idCard', value: ID, masked: '530302********1232', index: 14, excerpt: '…申请人张三，身份证号530302********1232，住址沾益区西平街道…' },
    ]);
  });

  it('accepts a lower-case x and rejects a wrong check character or birth date', () => {
    expect(findPersonalData('11010519491231002x').map((m) => m.masked)).toEqual(['110105********002X']);
    expect(findPersonalData('530302199001011233').filter((m) => m.kind === 'idCard')).toEqual([]);
    expect(findPersonalData('530302199002301232').filter((m) => m.kind === 'idCard')).toEqual([]);
  });

  it('does not take digits out of a longer run or a code', () => {
    expect(findPersonalData(`1${ID}`)).toEqual([]);
    expect(findPersonalData(`${ID}7`)).toEqual([]);
    expect(findPersonalData(`MB${ID}`)).toEqual([]);
    expect(findPersonalData('索引号：11530303MB1234567X/2022-00015，共计12345678901234567890123元')).toEqual([]);
  });
});

describe('findPersonalData: mobile numbers', () => {
  it('finds plain, grouped and prefixed mobile numbers', () => {
    const text = '联系人13812345678；电话138 1234 5678或138-1234-5678，境外拨+86 139 8765 4321、8615912345678。';
    expect(findPersonalData(text).map((m) => [m.kind, m.value, m.masked, m.index])).toEqual([
      ['mobile', '13812345678', '138****5678', 3],
      ['mobile', '138 1234 5678', '138****5678', 17],
      ['mobile', '138-1234-5678', '138****5678', 31],
      ['mobile', '+86 139 8765 4321', '139****4321', 48],
      ['mobile', '8615912345678', '159****5678', 66],
    ]);
  });

  it('refuses wrong lengths, wrong second digits, mixed grouping and longer runs', () => {
    expect(findPersonalData('1381234567 12812345678 213812345678 1381234 5678 138 12345678')).toEqual([]);
  });

  it('reads full-width digits and reports the index in the original text', () => {
    const text = '电话：１３８１２３４５６７８。';
    expect(findPersonalData(text)).toEqual([
      { kind: 'mobile', value: '１３８１２３４５６７８', masked: '138****5678', index: 3, excerpt: '电话：138****5678。' },
    ]);
  });
});

describe('findPersonalData: bank cards and e-mail', () => {
  it('finds Luhn-valid card numbers, plain or in groups of four', () => {
    expect(passesLuhn('6222021234567890128')).toBe(true);
    expect(passesLuhn('6222021234567890127')).toBe(false);
    const text = '收款账号6222021234567890128，备用卡6212 2622 0102 3550。';
    expect(findPersonalData(text).map((m) => [m.kind, m.value, m.masked, m.index])).toEqual([
      ['bankCard', '6222021234567890128', '6222***********0128', 4],
      ['bankCard', '6212 2622 0102 3550', '6212********3550', 27],
    ]);
    expect(findPersonalData('6222021234567890127')).toEqual([]);
  });

  it('does not report a valid ID number as a bank card', () => {
    expect(passesLuhn('530302198512310045')).toBe(false);
    const luhnValidId = findPersonalData(`${ID} 530302198512310045`);
    expect(luhnValidId.map((m) => m.kind)).toEqual(['idCard', 'idCard']);
  });

  it('finds e-mail addresses and prefers the address over a mobile number inside it', () => {
    expect(findPersonalData('来信请寄zhang.san@example.com.cn或13812345678@163.com。').map((m) => [m.kind, m.masked, m.index])).toEqual([
      ['email', 'z***@example.com.cn', 4],
      ['email', '1***@163.com', 29],
    ]);
  });

  it('masks every datum that falls in an excerpt', () => {
    const [first] = findPersonalData(`电话13812345678身份证${ID}`);
    expect(first!.excerpt).toBe('电话138****5678身份证530302********1232');
    expect(maskPersonalData(`电话13812345678，身份证${ID}。`)).toBe('电话138****5678，身份证530302********1232。');
  });
});

describe('foldWidth', () => {
  it('folds full-width ASCII in place and keeps other characters', () => {
    expect(foldWidth('ＡＢ１２＠ｘ．ｃｎ　中文①')).toBe('AB12@x.cn 中文1');
    expect(foldWidth('𠀀１')).toBe('𠀀1');
  });
});
