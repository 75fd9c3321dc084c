import { describe, expect, it } from 'vitest';
import {
  agencyResults, areaWord, chineseOrdinal, composeNotice, defaultNoticePrefix, defaultRecipients, isValidNoticePrefix, noticeBlocks, noticeNumber,
  noticeTitle, paragraphsOf, periodText, problemListTable, quarterLabel, quarterOf, quarterRange, titleLines, type NoticeAgency, type NoticeFinding, type NoticeInput,
} from './notice.js';

const agencies: NoticeAgency[] = [
  { id: 1, name: '青川区教育体育局', kind: 'department' },
  { id: 2, name: '青川区财政局', kind: 'department' },
  { id: 3, name: '青川区白水镇人民政府', kind: 'township' },
  { id: 4, name: '青川区龙华街道办事处', kind: 'township' },
];
const finding = (agencyId: number, indicator: string, description: string, status: NoticeFinding['status'] = 'open'): NoticeFinding => ({
  agencyId, indicator, description, targetName: agencyId === 3 ? '“白水发布”微信公众号' : '政府信息公开专栏', dueOn: '2026-04-24', status,
});
const findings: NoticeFinding[] = [
  finding(1, 'staleColumn', '“工作动态”栏目自2026年2月20日起未更新', 'accepted'),
  finding(3, 'newMediaNotUpdated', '“白水发布”2周内无更新'),
  finding(1, 'emptyColumn', '“规划计划”栏目无任何信息'),
  finding(2, 'staleColumn', '“通知公告”栏目6个月未更新'),
];
const input: NoticeInput = {
  officeName: '云岭市青川区人民政府办公室', governmentName: '云岭市青川区人民政府',
  inspection: { kind: 'quarterly', title: '2026年第一季度检查', year: 2026, quarter: 1, startsOn: '2026-04-01', endsOn: '2026-04-10', rectifyBy: '2026-04-24' },
  agencies, siteCount: 4, newMediaCount: 1, findings, today: '2026-04-13',
};

describe('notice wording', () => {
  it('numbers, quarters, periods and ordinals', () => {
    expect(noticeNumber('青政办通', 2026, 3)).toBe('青政办通〔2026〕3号');
    expect(() => noticeNumber('青政办通', 2026, 0)).toThrow(RangeError);
    expect(isValidNoticePrefix('青政办通')).toBe(true);
    expect(isValidNoticePrefix('青政办通〔')).toBe(false);
    expect(isValidNoticePrefix('青2')).toBe(false);
    expect(quarterLabel(1)).toBe('第一季度');
    expect(() => quarterLabel(5)).toThrow(RangeError);
    expect(quarterRange(2026, 1)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-03-31' });
    expect(quarterRange(2028, 1).endsOn).toBe('2028-03-31');
    expect(quarterRange(2026, 4)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(quarterOf('2026-04-01')).toBe(2);
    expect(quarterOf('2026-12-31')).toBe(4);
    expect(periodText('2026-04-01', '2026-04-10')).toBe('2026年4月1日至4月10日');
    expect(periodText('2025-12-29', '2026-01-05')).toBe('2025年12月29日至2026年1月5日');
    expect(periodText('2026-04-01', '2026-04-01')).toBe('2026年4月1日');
    expect([1, 9, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });

  it('derives the prefix, the area word and the addressees from the names', () => {
    expect(defaultNoticePrefix('云岭市青川区人民政府', '区政府办')).toBe('青政办通');
    expect(defaultNoticePrefix('云岭市人民政府', '市政府办')).toBe('云政办通');
    expect(defaultNoticePrefix(null, '区政府办')).toBe('区政府办通');
    expect(areaWord('云岭市青川区人民政府')).toBe('区');
    expect(areaWord('某某县人民政府')).toBe('县');
    expect(areaWord(null)).toBe('区');
    expect(defaultRecipients(agencies, '区')).toBe('各乡镇人民政府、街道办事处，区直各部门');
    expect(defaultRecipients(agencies.slice(0, 2), '县')).toBe('县直各部门');
    expect(defaultRecipients(agencies.slice(3), '区')).toBe('各街道办事处');
  });

  it('titles a quarterly and an ad hoc inspection', () => {
    expect(noticeTitle(input)).toBe('关于2026年第一季度政府网站和政务新媒体检查情况的通报');
    expect(noticeTitle({ ...input, newMediaCount: 0 })).toBe('关于2026年第一季度政府网站检查情况的通报');
    const adHoc = { ...input.inspection, kind: 'adHoc' as const, quarter: null };
    expect(noticeTitle({ ...input, inspection: { ...adHoc, title: '2026年政策解读专项检查' } })).toBe('关于2026年政策解读专项检查情况的通报');
    expect(noticeTitle({ ...input, inspection: { ...adHoc, title: '关于春节期间网站值守情况的通报' } })).toBe('关于春节期间网站值守情况的通报');
  });

  it('fails an agency with a single-veto finding and passes the rest', () => {
    expect(agencyResults(agencies, findings)).toEqual([
      { agencyId: 1, agency: '青川区教育体育局', findings: 2, veto: false, result: '合格' },
      { agencyId: 2, agency: '青川区财政局', findings: 1, veto: false, result: '合格' },
      { agencyId: 3, agency: '青川区白水镇人民政府', findings: 1, veto: true, result: '不合格' },
      { agencyId: 4, agency: '青川区龙华街道办事处', findings: 0, veto: false, result: '合格' },
    ]);
  });

  it('composes the whole notice from the records', () => {
    const notice = composeNotice(input);
    expect(notice.title).toBe('关于2026年第一季度政府网站和政务新媒体检查情况的通报');
    expect(notice.recipients).toBe('各乡镇人民政府、街道办事处，区直各部门');
    expect(notice.intro).toBe(
      '为深入贯彻落实《中华人民共和国政府信息公开条例》，加强政府网站和政务新媒体监督管理，根据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），' +
        '2026年4月1日至4月10日，云岭市青川区人民政府办公室对全区4个单位的政府网站和政务新媒体开展了2026年第一季度检查。现将有关情况通报如下。',
    );
    expect(paragraphsOf(notice.overview)).toEqual([
      '本次检查共检查4个单位的4个政府网站（栏目页面）和1个政务新媒体账号，发现问题4个，其中单项否决问题1个。3个单位检查合格，1个单位检查不合格（青川区白水镇人民政府）。',
      '检查发现的问题已反馈各单位整改。截至2026年4月13日，已整改到位1个，正在整改3个。',
      '各单位检查结果如下：',
    ]);
    expect(paragraphsOf(notice.problems)).toEqual([
      '（一）政务新媒体不更新（单项否决）。政务新媒体监测时间点前2周内无更新。涉及青川区白水镇人民政府（1个），共1个问题。',
      '（二）栏目更新不及时（扣分）。动态、要闻类栏目2周内无更新，或通知公告、政策文件类栏目6个月内无更新（未达单项否决标准）。涉及青川区教育体育局（1个）、青川区财政局（1个），共2个问题。',
      '（三）存在空白栏目（扣分）。存在无任何信息的空白栏目（未达单项否决标准）。涉及青川区教育体育局（1个），共1个问题。',
    ]);
    expect(paragraphsOf(notice.requirements)[0]).toBe('（一）立行立改。各单位要对照问题清单（见附件），逐项整改到位，于2026年4月24日前通过政务公开平台反馈整改情况，并附整改后的截图等佐证材料。');
    expect(paragraphsOf(notice.requirements)[2]).toMatch(/^（三）强化考核。云岭市青川区人民政府办公室将对整改情况进行复核/);
    expect(notice.attachmentTitle).toBe('2026年第一季度政府网站和政务新媒体检查问题清单');
    // Deadlines in the notice's year are written without the year.
    expect(notice.problemList.map((r) => [r.agency, r.indicator, r.dueOn])).toEqual([
      ['青川区教育体育局', '栏目更新不及时', '4月24日'],
      ['青川区教育体育局', '存在空白栏目', '4月24日'],
      ['青川区财政局', '栏目更新不及时', '4月24日'],
      ['青川区白水镇人民政府', '政务新媒体不更新（单项否决）', '4月24日'],
    ]);
    expect(composeNotice({ ...input, today: '2025-12-29' }).problemList[0]!.dueOn).toBe('2026年4月24日');
  });

  it('says so when nothing was found, without an attachment', () => {
    const notice = composeNotice({ ...input, findings: [] });
    expect(notice.problems).toBe('本次检查未发现问题。');
    expect(paragraphsOf(notice.overview)[0]).toBe('本次检查共检查4个单位的4个政府网站（栏目页面）和1个政务新媒体账号，发现问题0个，其中单项否决问题0个。4个单位检查合格，0个单位检查不合格。');
    expect(paragraphsOf(notice.requirements).map((p) => p.slice(0, 8))).toEqual(['（一）举一反三。', '（二）强化考核。']);
    expect(notice.attachmentTitle).toBe('');
    expect(noticeBlocks(notice).some((b) => b.type === 'attachments')).toBe(false);
  });

  it('lays out the body in reading order with the results table after the overview', () => {
    const blocks = noticeBlocks(composeNotice(input));
    expect(blocks.map((b) => (b.type === 'table' ? 'table' : b.type === 'heading' ? b.text : b.type))).toEqual([
      'paragraph', '一、总体情况', 'paragraph', 'paragraph', 'paragraph', 'table', '二、存在的主要问题', 'paragraph', 'paragraph', 'paragraph',
      '三、整改要求', 'paragraph', 'paragraph', 'paragraph', 'attachments',
    ]);
    const table = blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' && table.rows[2]).toEqual(['3', '青川区白水镇人民政府', '1', '是', '不合格']);
    expect(blocks.at(-1)).toEqual({ type: 'attachments', text: '附件：2026年第一季度政府网站和政务新媒体检查问题清单' });
    expect(problemListTable(composeNotice(input).problemList).rows[0]).toEqual(['1', '青川区教育体育局', '政府信息公开专栏', '栏目更新不及时', '“工作动态”栏目自2026年2月20日起未更新', '4月24日']);
    // A site named after its agency is listed by what it is: the agency has its own column.
    const named = composeNotice({ ...input, findings: [{ ...findings[0]!, targetName: '青川区教育体育局政府信息公开专栏' }] });
    expect(named.problemList[0]!.target).toBe('政府信息公开专栏');
  });
});

describe('notice title lines', () => {
  it('keeps a short title on one line and breaks a long one evenly after a word', () => {
    expect(titleLines('关于春节期间网站值守情况的通报')).toEqual(['关于春节期间网站值守情况的通报']);
    expect(titleLines('关于2026年第一季度政府网站和政务新媒体检查情况的通报')).toEqual(['关于2026年第一季度政府网站和', '政务新媒体检查情况的通报']);
    // Exactly 20 characters wide: broken too, the year's digits may be set wider than half a character.
    expect(titleLines('关于2026年第一季度政府网站检查情况的通报')).toEqual(['关于2026年第一季度', '政府网站检查情况的通报']);
    expect(titleLines('关于2026年政策解读专项检查情况的通报')).toEqual(['关于2026年政策解读专项检查情况的通报']);
    // No word ending where both lines fit: broken in the middle.
    expect(titleLines('一二三四五六七八九十一二三四五六七八九十一二三四')).toEqual(['一二三四五六七八九十一二', '三四五六七八九十一二三四']);
  });
});
