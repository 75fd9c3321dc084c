import { describe, expect, it } from 'vitest';
import {
  type FeeInput,
  computeFee,
  monthlyPerRequestTotal,
  perPageFee,
  perRequestFee,
  requestOrdinalInMonth,
} from './fees.js';

const MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

describe('perRequestFee (第四条)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [55, 400],
    [61, 500],
  ])('request no. %i of the month costs %i 元', (ordinal, yuan) => {
    expect(perRequestFee(ordinal)).toBe(yuan);
  });

  it('sums a month: 55 requests = 20×100 + 10×200 + 10×300 + 5×400 = 9,000 元', () => {
    expect(monthlyPerRequestTotal(0)).toBe(0);
    expect(monthlyPerRequestTotal(10)).toBe(0);
    expect(monthlyPerRequestTotal(11)).toBe(100);
    expect(monthlyPerRequestTotal(30)).toBe(2000);
    expect(monthlyPerRequestTotal(31)).toBe(2200);
    expect(monthlyPerRequestTotal(40)).toBe(4000);
    expect(monthlyPerRequestTotal(41)).toBe(4300);
    expect(monthlyPerRequestTotal(55)).toBe(9000);
  });

  it('rejects ordinals that are not whole numbers from 1', () => {
    expect(() => perRequestFee(0)).toThrow('本月申请序号“0”无效，应为不小于1的整数');
    expect(() => perRequestFee(2.5)).toThrow('本月申请序号“2.5”无效，应为不小于1的整数');
    expect(() => perRequestFee(-3)).toThrow(expect.objectContaining({ code: 'FEE_INPUT_INVALID' }));
    expect(() => perRequestFee(Number.NaN)).toThrow('本月申请序号“NaN”无效，应为不小于1的整数');
  });
});

describe('perPageFee (第五条, progressive)', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10], // 1 × 10
    [100, 700], // 70 × 10
    [101, 720], // 700 + 1 × 20
    [200, 2700], // 700 + 100 × 20
    [201, 2740], // 2700 + 1 × 40
    [250, 4700], // 700 + 2000 + 50 × 40
  ])('%i pages cost %i 元', (pages, yuan) => {
    expect(perPageFee(pages)).toBe(yuan);
  });

  it('rejects negative and fractional page counts', () => {
    expect(() => perPageFee(-1)).toThrow('页数“-1”无效，应为不小于0的整数');
    expect(() => perPageFee(30.5)).toThrow('页数“30.5”无效，应为不小于0的整数');
  });
});

describe('computeFee', () => {
  it('per request, with its basis', () => {
    expect(computeFee({ method: 'perRequest', ordinalInMonth: 3 })).toEqual({
      amountYuan: 0,
      method: 'perRequest',
      basis: `按件计收：本件为该申请人本自然月内累计第3件申请，适用“10件以下（含10件）的，不收费”，收费0元（${MEASURES}第四条）`,
    });
    expect(computeFee({ method: 'perRequest', ordinalInMonth: 11 })).toEqual({
      amountYuan: 100,
      method: 'perRequest',
      basis: `按件计收：本件为该申请人本自然月内累计第11件申请，适用“11—30件（含30件）的部分，100元/件”，收费100元（${MEASURES}第四条）`,
    });
    expect(computeFee({ method: 'perRequest', ordinalInMonth: 55 }).basis).toBe(
      `按件计收：本件为该申请人本自然月内累计第55件申请，适用“31件以上的部分以10件为一档，每增加一档提高100元/件，第51—60件为400元/件”，收费400元（${MEASURES}第四条）`,
    );
  });

  it('per page, bracket by bracket', () => {
    expect(computeFee({ method: 'perPage', pages: 250 })).toEqual({
      amountYuan: 4700,
      method: 'perPage',
      basis: `按量计收：共250页，30页以下（含30页）不收费；31—100页70页×10元=700元；101—200页100页×20元=2000元；201—250页50页×40元=2000元；合计4700元（${MEASURES}第五条）`,
    });
    expect(computeFee({ method: 'perPage', pages: 30 })).toEqual({
      amountYuan: 0,
      method: 'perPage',
      basis: `按量计收：共30页，30页以下（含30页）的，不收费（${MEASURES}第五条）`,
    });
  });

  it('never both methods for one request (第三条), and no unknown method', () => {
    const both = { method: 'perPage', pages: 40, ordinalInMonth: 12 } as unknown as FeeInput;
    expect(() => computeFee(both)).toThrow(
      `同一件申请只能选择按件或按量一种标准计收，不得同时按照两种标准重复计算（${MEASURES}第三条）`,
    );
    expect(() => computeFee(both)).toThrow(expect.objectContaining({ code: 'FEE_METHODS_COMBINED' }));
    const unknown = { method: 'perHour', pages: 3 } as unknown as FeeInput;
    expect(() => computeFee(unknown)).toThrow('计收方式“perHour”无效，应为按件（perRequest）或按量（perPage）');
    expect(() => computeFee({ method: 'perPage', pages: -5 })).toThrow('页数“-5”无效，应为不小于0的整数');
  });
});

describe('requestOrdinalInMonth', () => {
  // Registration order; receipt dates may be out of order (a registered letter signed for
  // earlier but registered later).
  const dates = ['2025-01-31', '2025-02-03', '2025-02-03', '2025-02-01', '2025-02-28', '2025-03-01'];

  it('counts the month by date of receipt, same-day requests by registration order', () => {
    expect(requestOrdinalInMonth(dates, '2025-01-31', 0)).toBe(1); // January: alone
    expect(requestOrdinalInMonth(dates, '2025-02-01', 3)).toBe(1); // received first in February
    expect(requestOrdinalInMonth(dates, '2025-02-03', 1)).toBe(2);
    expect(requestOrdinalInMonth(dates, '2025-02-03', 2)).toBe(3); // same day, registered after
    expect(requestOrdinalInMonth(dates, '2025-02-28', 4)).toBe(4);
    expect(requestOrdinalInMonth(dates, '2025-03-01', 5)).toBe(1); // a new month starts again
  });

  it('gives the 11th request of a month its fee', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `2025-03-${String(i + 3).padStart(2, '0')}`);
    const ordinal = requestOrdinalInMonth(eleven, '2025-03-13', 10);
    expect(ordinal).toBe(11);
    expect(computeFee({ method: 'perRequest', ordinalInMonth: ordinal }).amountYuan).toBe(100);
  });

  it('rejects an index or date that does not match', () => {
    expect(() => requestOrdinalInMonth(dates, '2025-02-03', 6)).toThrow('本件申请的序号“6”不在申请列表范围内');
    expect(() => requestOrdinalInMonth(dates, '2025-02-04', 1)).toThrow(
      '申请列表第2件的收到日期（2025-02-03）与本件申请（2025-02-04）不一致',
    );
    expect(() => requestOrdinalInMonth(['2025-02-30'], '2025-02-30', 0)).toThrow('收到申请之日“2025-02-30”无效');
  });
});
