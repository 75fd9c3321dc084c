import { describe, expect, it } from 'vitest';
import {
  compactLabel,
  editDistance,
  itemNumber,
  matchLabel,
  section2Specs,
  section3Specs,
  section4GroupHint,
  type LabelSpec,
} from './labels.js';

const specs2021 = section3Specs('2021');
const specs2019 = section3Specs('2019');
const key = (label: string, specs: readonly LabelSpec<string>[] = specs2021) => {
  const m = matchLabel(label, specs);
  return m.kind === 'match' ? m.key : m.kind;
};

describe('compactLabel', () => {
  it('drops spaces and punctuation, unifies （）/() and 本年度/本年', () => {
    expect(compactLabel('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)')).toBe(
      compactLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    );
    expect(compactLabel('一、本年度新收政府信息公开申请数量')).toBe('一本年新收政府信息公开申请数量');
    expect(compactLabel('二、上年度结转')).toBe('二上年结转');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('内部事务', '内容事务')).toBe(1);
    expect(editDistance('申请数量', '申请数')).toBe(1);
    expect(editDistance('行政许可', '行政处罚')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});

describe('matchLabel (section 三)', () => {
  it('matches the official labels with their ordinals', () => {
    expect(key('一、本年新收政府信息公开申请数量')).toBe('received');
    expect(key('二、上年度结转政府信息公开申请数量')).toBe('carriedIn');
    expect(key('(一) 予以公开')).toBe('granted');
    expect(key('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('partial');
    expect(key('部分公开 (区分处理的, 只计这一情形, 不计其他情形)')).toBe('partial');
    expect(key('1.属于国家秘密')).toBe('withheld.stateSecret');
    expect(key('3.危及“三安全一稳定”')).toBe('withheld.endangersSecurity');
    expect(key('5.要求行政机关确认或重新出具已获取信息')).toBe('notProcessed.confirmOrReissue');
    expect(key('3.其他')).toBe('other.other');
    expect(key('（七）总计')).toBe('handledTotal');
    expect(key('四、结转下年度继续办理')).toBe('carriedOut');
  });

  it('matches a label that carries its group header', () => {
    expect(key('（三）不予公开 1.属于国家秘密')).toBe('withheld.stateSecret');
    expect(key('三、本年度办理结果 (一) 予以公开')).toBe('granted');
    expect(key('(四) 无法提供 1.本机关不掌握相关政府信息')).toBe('unavailable.notHeld');
  });

  it('tolerates one wrong or missing character', () => {
    expect(key('5.属于三类内容事务信息')).toBe('withheld.internalAffairs');
    expect(key('一、本年新收政府信息公开申请数')).toBe('received');
    expect(key('2.重夏申请')).toBe('notProcessed.repeated');
  });

  it('does not match short labels fuzzily, nor unrelated text', () => {
    expect(key('其它')).toBe('none');
    expect(key('备注')).toBe('none');
    expect(key('申请人情况')).toBe('none');
    expect(key('统计时间截 12 月 31 日')).toBe('none');
  });

  it('knows the format: 三（六） is one row in 2019 and three in 2021', () => {
    expect(key('（六）其他处理', specs2019)).toBe('other');
    expect(key('（六）其他处理', specs2021)).toBe('none');
    expect(key('3.其他', specs2019)).toBe('none');
  });

  it('numbers the items of each group', () => {
    expect(itemNumber('withheld.stateSecret')).toBe(1);
    expect(itemNumber('withheld.inquiryMatter')).toBe(8);
    expect(itemNumber('notProcessed.confirmOrReissue')).toBe(5);
    expect(itemNumber('other.other')).toBe(3);
    expect(itemNumber('granted')).toBeNull();
  });
});

describe('matchLabel (section 二) and section 四 hints', () => {
  it('matches section 二 items, with and without 行政', () => {
    expect(key('行政规范性文件', section2Specs('2021'))).toBe('normativeDocs');
    expect(key('规范性文件', section2Specs('2021'))).toBe('normativeDocs');
    expect(key('规章', section2Specs('2021'))).toBe('rules');
    expect(key('政府集中采购', section2Specs('2019'))).toBe('procurement');
    expect(key('政府集中采购', section2Specs('2021'))).toBe('none');
  });

  it('reads which group a section 四 sub-heading names', () => {
    expect(section4GroupHint('行政复议')).toBe('reconsideration');
    expect(section4GroupHint('行政诉讼（未经复议直接起诉）')).toBe('litigationDirect');
    expect(section4GroupHint('行政诉讼（复议后起诉）')).toBe('litigationAfterReconsideration');
    expect(section4GroupHint('四、政府信息公开行政复议、行政诉讼情况')).toBeNull();
  });
});
