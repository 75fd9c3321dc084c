import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, isValidDocumentNumber, normalizeDocumentNumber, parseDocumentNumber } from './document-number.js';

describe('document numbers (文号)', () => {
  it('parses the canonical form', () => {
    expect(parseDocumentNumber('沾政办发〔2022〕12号')).toEqual({ issuer: '沾政办发', year: 2022, serial: 12 });
    expect(parseDocumentNumber('国办函〔2020〕109号')).toEqual({ issuer: '国办函', year: 2020, serial: 109 });
    expect(isValidDocumentNumber('沾政办发〔2022〕12号')).toBe(true);
    expect(normalizeDocumentNumber('国发〔2019〕1号')).toEqual({ value: '国发〔2019〕1号', problems: [] });
    expect(formatDocumentNumber({ issuer: '曲政发', year: 2023, serial: 7 })).toBe('曲政发〔2023〕7号');
  });

  it('fixes wrong brackets and says so', () => {
    for (const input of ['沾政办发[2022]12号', '沾政办发(2022)12号', '沾政办发（2022）12号', '沾政办发【2022】12号', '沾政办发［2022］12号', '沾政办发﹝2022﹞12号']) {
      expect(normalizeDocumentNumber(input), input).toEqual({ value: '沾政办发〔2022〕12号', problems: ['年份应使用六角括号〔〕'] });
      expect(isValidDocumentNumber(input), input).toBe(false);
      expect(parseDocumentNumber(input), input).toEqual({ issuer: '沾政办发', year: 2022, serial: 12 });
    }
  });

  it('reports a padded serial, full-width digits and spaces', () => {
    expect(normalizeDocumentNumber('沾政办发〔2022〕012号')).toEqual({
      value: '沾政办发〔2022〕12号',
      problems: ['序号不编虚位，应写作“12号”而不是“012号”'],
    });
    expect(normalizeDocumentNumber('沾政办发 （２０２２） ３号')).toEqual({
      value: '沾政办发〔2022〕3号',
      problems: ['文号中不应有空格', '年份和序号应使用半角阿拉伯数字', '年份应使用六角括号〔〕'],
    });
    expect(isValidDocumentNumber('沾政办发〔2022〕012号')).toBe(false);
  });

  it('refuses what is not a document number', () => {
    for (const input of ['', '12号', '沾政办发2022年12号', 'ZY〔2022〕12号', '沾政办发〔1948〕1号', '沾政办发〔2101〕1号',
      '沾政办发〔2022〕0号', '沾政办发〔22〕12号', '沾政办发〔2022〕12', '一二三四五六七八九十一二三〔2022〕1号']) {
      expect(parseDocumentNumber(input), input).toBeNull();
      expect(normalizeDocumentNumber(input), input).toBeNull();
      expect(isValidDocumentNumber(input), input).toBe(false);
    }
  });
});
