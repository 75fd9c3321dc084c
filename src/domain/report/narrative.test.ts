import { describe, expect, it } from 'vitest';
import { extractNarrativeFigures, parseCount } from './narrative.js';

/** [quantity, value] pairs, which is what most tests care about. */
function pairs(text: string, year?: number) {
  return extractNarrativeFigures(text, year === undefined ? {} : { year }).map((f) => [f.quantity, f.value]);
}

describe('parseCount', () => {
  it.each([
    ['9', 9],
    ['１２', 12],
    ['1,234', 1234],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['两', 2],
    ['一百零五', 105],
    ['三万二千', 32000],
  ])('reads %s as %d', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it('rejects a year written in numerals and text that is no number', () => {
    expect(parseCount('二〇二二')).toBeNull();
    expect(parseCount('若干')).toBeNull();
  });
});

describe('extractNarrativeFigures on the real reports (fixtures/reports)', () => {
  it('zhanyi-2022: requests received, granted and partial, and normative documents in force', () => {
    const text = [
      '二、依申请公开情况',
      '2022年度，共受理政府信息公开申请9件。其中，公开信息7件，部分公开1件，因申请人申请公开的信息不存在未公开1件。',
      '三、政府信息管理情况',
      '一是调整整合重大建设项目、重点领域公开等栏目信息。二是规范设置行政规范性文件栏目，发布区人民政府及办公室现行有效行政规范性文件35件。',
    ].join('\n');
    expect(extractNarrativeFigures(text, { year: 2022 })).toEqual([
      { quantity: 'received', value: 9, excerpt: '2022年度，共受理政府信息公开申请9件' },
      {
        quantity: 'granted',
        value: 7,
        excerpt: '其中，公开信息7件，部分公开1件，因申请人申请公开的信息不存在未公开1件',
      },
      {
        quantity: 'partial',
        value: 1,
        excerpt: '其中，公开信息7件，部分公开1件，因申请人申请公开的信息不存在未公开1件',
      },
      {
        quantity: 'normativeDocsInForce',
        value: 35,
        excerpt: '二是规范设置行政规范性文件栏目，发布区人民政府及办公室现行有效行政规范性文件35件',
      },
    ]);
  });

  it('zhanyi-2022: counts of proactive publication and new-media accounts are not table figures', () => {
    const text =
      '2022年，全区通过政府网站主动公开信息4084条，其中动态信息1351条，概况类信息235条；公开文件类39条，重要会议26条，政策解读15条，规范性文件4条，财政信息242条。' +
      '全区开办的19个政府系统政务新媒体均正常运行，政府系统政务新媒体平台主动公开信息3950条。全年发出通报4期。';
    expect(pairs(text, 2022)).toEqual([]);
  });

  it('zhanyi-2022: no processing fee collected reads as 0 元', () => {
    expect(pairs('我区本年度未收取信息处理费。', 2022)).toEqual([['feesCollectedYuan', 0]]);
  });

  it('pingtan-2021: received, completed and carried over, with the number before 件申请', () => {
    const text =
      '坚持第一时间登记受理、第一时间转送承办单位和第一时间回复申请的“三个一”工作机制。本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。';
    expect(pairs(text, 2021)).toEqual([
      ['received', 70],
      ['handled', 69],
      ['carriedOut', 1],
    ]);
  });

  it('shuyang-county-2025: spaces around numbers; breakdowns after 其中 and review cases are skipped', () => {
    const text =
      '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。' +
      '依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件，有力维护了群众合法权益与政府公信力。\n' +
      '全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。';
    expect(pairs(text, 2025)).toEqual([
      ['received', 749],
      ['dealtWith', 718],
      ['carriedOut', 31],
      ['feesCollectedYuan', 380],
    ]);
  });

  it('shuyang-drc-2023: 收到依申请信息公开 counts; 受理网络问政 does not', () => {
    const text =
      '全年受理网络问政 182 件。 （二）依申请公开政府信息情况 2023 年度我局共收到依申请信息公开 26 件，及时回复申请人。';
    expect(pairs(text, 2023)).toEqual([['received', 26]]);
  });
});

describe('extractNarrativeFigures wording', () => {
  it('reads Chinese numerals and full-width digits', () => {
    expect(pairs('共受理政府信息公开申请十二件。')).toEqual([['received', 12]]);
    expect(pairs('本年收到政府信息公开申请两件。')).toEqual([['received', 2]]);
    expect(pairs('全年受理依申请公开９件。')).toEqual([['received', 9]]);
    expect(pairs('新收政府信息公开申请一件。')).toEqual([['received', 1]]);
  });

  it('reads carried-in, withheld and review figures', () => {
    expect(pairs('上年结转政府信息公开申请2件。')).toEqual([['carriedIn', 2]]);
    expect(pairs('对申请人的申请，不予公开2件。')).toEqual([['withheld', 2]]);
    expect(pairs('因政府信息公开被申请行政复议3件。')).toEqual([['reconsideration', 3]]);
    expect(pairs('全年发生政府信息公开行政诉讼2起。')).toEqual([['litigation', 2]]);
    expect(pairs('发生政府信息公开行政复议、行政诉讼案件共5件。')).toEqual([['reviewsAll', 5]]);
    expect(pairs('现行有效规章3件。')).toEqual([['rulesInForce', 3]]);
  });

  it('skips statements about part of the year, changes and other years', () => {
    expect(pairs('本月受理政府信息公开申请3件。')).toEqual([]);
    expect(pairs('上半年共受理政府信息公开申请5件。')).toEqual([]);
    expect(pairs('1-6月共受理政府信息公开申请5件。')).toEqual([]);
    expect(pairs('收到政府信息公开申请较上年增加3件。')).toEqual([]);
    expect(pairs('2008年以来累计受理政府信息公开申请300件。')).toEqual([]);
    expect(pairs('2021年，共受理政府信息公开申请5件。', 2022)).toEqual([]);
    expect(pairs('2022年共受理政府信息公开申请5件，2021年共受理政府信息公开申请4件。', 2022)).toEqual([
      ['received', 5],
    ]);
  });

  it('keeps a year-end cut-off date: 截至12月31日', () => {
    expect(pairs('截至12月31日，尚有2件申请未办结。')).toEqual([['carriedOut', 2]]);
  });

  it('skips results of review cases and breakdowns by channel', () => {
    expect(pairs('行政复议结果维持2件。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请10件，其中网上申请8件，当面申请2件。')).toEqual([
      ['received', 10],
    ]);
    expect(pairs('通过网上受理政府信息公开申请8件。')).toEqual([]);
  });

  it('skips estimates', () => {
    expect(pairs('全年受理政府信息公开申请近300件。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请约20件。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请数十件。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请上千件。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请10件左右。')).toEqual([]);
    expect(pairs('全年受理政府信息公开申请300余件。')).toEqual([]);
    expect(pairs('全年办结政府信息公开申请10件，其余2件结转下年度办理。')).toEqual([
      ['handled', 10],
      ['carriedOut', 2],
    ]);
  });

  it('does not read 公开 counts outside a sentence about requests', () => {
    expect(pairs('全年予以公开政务信息15件。')).toEqual([]);
    expect(pairs('本年主动公开信息20件。')).toEqual([]);
  });

  it('does not read documents issued or repealed as documents in force', () => {
    expect(pairs('本年制发现行有效规范性文件4件。')).toEqual([]);
    expect(pairs('规范性文件现行有效68件。')).toEqual([['normativeDocsInForce', 68]]);
  });

  it('reports each statement once, with its sentence as the excerpt', () => {
    expect(extractNarrativeFigures('共受理政府信息公开申请9件。\n共受理政府信息公开申请9件。')).toEqual([
      { quantity: 'received', value: 9, excerpt: '共受理政府信息公开申请9件' },
    ]);
  });
});
