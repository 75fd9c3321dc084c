import { describe, expect, it } from 'vitest';
import { RECEIPT_EVIDENCE_FIELD, RequestRuleError, dateOfReceipt, receiptRuleText } from './receipt.js';
import { CHANNELS, type Channel } from './types.js';

// Three different dates, so each channel visibly picks its own piece of evidence.
const evidence = { submittedOn: '2024-09-26', signedOn: '2024-09-27', confirmedOn: '2024-09-29' };

describe('dateOfReceipt (第三十一条)', () => {
  it.each<[Channel, string]>([
    ['inPerson', '2024-09-26'],
    ['oral', '2024-09-26'],
    ['postSigned', '2024-09-27'],
    ['postOrdinary', '2024-09-29'],
    ['online', '2024-09-29'],
    ['fax', '2024-09-29'],
    ['email', '2024-09-29'],
  ])('%s → %s', (channel, expected) => {
    expect(dateOfReceipt(channel, evidence)).toBe(expected);
  });

  it.each<[Channel, string]>([
    ['inPerson', '当面提交的申请须填写提交日期（第三十一条第（一）项）'],
    ['oral', '口头提出的申请须填写申请人提出申请的日期（第二十九条、第三十一条第（一）项）'],
    ['postSigned', '挂号信须填写签收日期（第三十一条）'],
    ['postOrdinary', '平常信函须填写与申请人确认的日期（第三十一条第（二）项）'],
    ['online', '网上申请须填写双方确认的日期（第三十一条第（三）项）'],
    ['fax', '传真申请须填写双方确认的日期（第三十一条第（三）项）'],
    ['email', '电子邮件申请须填写双方确认的日期（第三十一条第（三）项）'],
  ])('%s without its evidence: %s', (channel, message) => {
    // Every other piece of evidence is present and must not be used instead.
    const others = { ...evidence, [RECEIPT_EVIDENCE_FIELD[channel]]: undefined };
    expect(() => dateOfReceipt(channel, others)).toThrow(message);
    try {
      dateOfReceipt(channel, others);
    } catch (error) {
      expect(error).toBeInstanceOf(RequestRuleError);
      expect((error as RequestRuleError).code).toBe('RECEIPT_EVIDENCE_MISSING');
    }
  });

  it('treats an empty string as missing and rejects an impossible date', () => {
    expect(() => dateOfReceipt('postSigned', { signedOn: '' })).toThrow('挂号信须填写签收日期（第三十一条）');
    expect(() => dateOfReceipt('postSigned', { signedOn: '2025-02-29' })).toThrow(
      '签收日期“2025-02-29”无效，请按“年-月-日”格式填写真实存在的日期',
    );
    expect(() => dateOfReceipt('online', { confirmedOn: '2025/01/24' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('receiptRuleText', () => {
  it('explains each channel with its article', () => {
    expect(receiptRuleText('postSigned')).toBe(
      '以挂号信、快递等需签收的邮寄方式提交的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）。',
    );
    expect(receiptRuleText('postOrdinary')).toBe(
      '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（第三十一条第（二）项）。',
    );
    expect(receiptRuleText('online')).toBe('通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）。');
    for (const channel of CHANNELS) expect(receiptRuleText(channel)).toContain('第三十一条');
  });
});
