import { describe, expect, it } from 'vitest';
import { checkReport } from './checks.js';
import { extractNarrativeFigures } from './narrative.js';
import { draftOverview, overviewParts, PENDING, scopeWordOf, type OverviewFigures } from './overview-draft.js';
import { consistent, row } from './test-builders.js';
import { setFigure } from './model.js';

/** The seed report's 2022 figures (zhanyi-2022.txt), as gongkai would count them. */
const SEED: OverviewFigures = {
  year: 2022,
  scope: '全区',
  publication: { total: 4084, byKind: { news: 1351, overview: 235, document: 39, meeting: 26, interpretation: 15, normative: 4, fiscal: 242, repost: 175, other: 1997 } },
  columns: 12,
  requests: { received: 9, carriedIn: 0, handled: 9, carriedOut: 0, outcomes: { granted: 7, partial: 1, withheld: 0, unavailable: 1, notProcessed: 0, other: 0 } },
  registry: { normativeDocs: { issued: 4, repealed: 0, inForce: 68 }, rules: { issued: 0, repealed: 0, inForce: 0 } },
  newMedia: { accounts: 19, opened: 0, closed: 0, itemsPublished: 3950 },
  training: { sessions: 1, participants: 56 },
  supervision: { supervisor: true, inspections: 4, findings: 23, rectified: 23, notices: 4 },
};

describe('section 一 drafted from the records', () => {
  it('states every figure the records give, part by part, in the seed’s order and style', () => {
    expect(draftOverview(SEED)).toBe([
      '（一）主动公开',
      '2022年度，全区主动公开政府信息4084条，其中动态信息1351条、机构概况235条、政府文件39条、行政规范性文件4条、政策解读15条、重要会议26条、财政信息242条、转载175条、其他1997条。',
      '（二）依申请公开',
      '2022年度，共新收政府信息公开申请9件，上年结转政府信息公开申请0件。本年度办结政府信息公开申请9件，其中予以公开7件，部分公开1件，无法提供1件；结转下年度继续办理0件。',
      '（三）政府信息管理',
      '截至2022年底，现行有效行政规范性文件68件，本年制发4件、废止0件。',
      '（四）政府信息公开平台建设',
      '全区在政府信息公开专栏设置栏目12个，本年度在专栏发布政府信息4084条。截至2022年底，全区开办政务新媒体19个，本年度通过政务新媒体平台主动公开信息3950条。',
      '（五）监督保障',
      '本年度组织和参加政务公开业务培训1次，参训56人次。本年度开展政府网站和政务新媒体检查抽查4次，检查发现问题23个、已完成整改23个，发出通报4期。',
    ].join('\n'));
  });

  it('leaves out what gongkai has no record of; a part with nothing says （待补充）', () => {
    const none: OverviewFigures = {
      year: 2025, scope: '本机关', publication: { total: 0, byKind: {} }, columns: 0, requests: null, registry: null, newMedia: null, training: null, supervision: null,
    };
    expect(draftOverview(none)).toBe(['（一）主动公开', PENDING, '（二）依申请公开', PENDING, '（三）政府信息管理', PENDING, '（四）政府信息公开平台建设', PENDING, '（五）监督保障', PENDING].join('\n'));
    const some = overviewParts({
      ...none, columns: 3, publication: { total: 2, byKind: { news: 2 } },
      requests: { received: 0, carriedIn: 0, handled: 0, carriedOut: 0, outcomes: { granted: 0, partial: 0, withheld: 0, unavailable: 0, notProcessed: 0, other: 0 } },
      registry: { normativeDocs: { issued: 1, repealed: 0, inForce: 5 }, rules: { issued: 1, repealed: 0, inForce: 2 } },
      newMedia: { accounts: 0, opened: 0, closed: 0, itemsPublished: 0 }, training: { sessions: 0, participants: 0 },
      supervision: { supervisor: false, inspections: 0, findings: 0, rectified: 0, notices: 0 },
    });
    expect(some.map((p) => p.sentences)).toEqual([
      ['2025年度，本机关主动公开政府信息2条，其中动态信息2条。'],
      ['2025年度，共新收政府信息公开申请0件，上年结转政府信息公开申请0件。', '本年度办结政府信息公开申请0件；结转下年度继续办理0件。'],
      ['截至2025年底，现行有效行政规范性文件5件，本年制发1件、废止0件。', '截至2025年底，现行有效规章2件，本年制定1件、废止0件。'],
      ['本机关在政府信息公开专栏设置栏目3个，本年度在专栏发布政府信息2条。'],
      [],
    ]);
  });

  it('an agency that was inspected says what it underwent', () => {
    const text = draftOverview({ ...SEED, scope: '本机关', supervision: { supervisor: false, inspections: 2, findings: 3, rectified: 2, notices: 1 } });
    expect(text).toContain('本年度接受政府网站和政务新媒体检查抽查2次，检查发现问题3个、已完成整改2个，收到涉及本机关的通报1期。');
  });

  it('new-media changes in the year are stated with the accounts', () => {
    const text = draftOverview({ ...SEED, newMedia: { accounts: 18, opened: 1, closed: 2, itemsPublished: 120 } });
    expect(text).toContain('截至2022年底，全区开办政务新媒体18个（本年度新开设1个、关停整合2个），本年度通过政务新媒体平台主动公开信息120条。');
  });

  it('uses the words the narrative check reads, so a table computed from the same records agrees and a typed one is caught', () => {
    expect(extractNarrativeFigures(draftOverview(SEED), { year: 2022 }).map((f) => [f.quantity, f.value])).toEqual([
      ['received', 9], ['carriedIn', 0], ['handled', 9], ['granted', 7], ['partial', 1], ['carriedOut', 0], ['normativeDocsInForce', 68],
    ]);
    const report = consistent('2021', 2022); // 4 received + 1 carried in = 4 handled (3 granted, 1 partial) + 1 carried out
    report.narrative.overview = draftOverview({
      ...SEED,
      requests: { received: 4, carriedIn: 1, handled: 4, carriedOut: 1, outcomes: { granted: 3, partial: 1, withheld: 0, unavailable: 0, notProcessed: 0, other: 0 } },
    });
    setFigure(report, 'section2.normativeDocs.inForce', 68);
    expect(checkReport(report, {}).filter((f) => f.rule === 'narrative.mismatch')).toEqual([]);
    row(report, 'granted', [1, 1, 0, 0, 0, 0]);
    expect(checkReport(report, {}).filter((f) => f.rule === 'narrative.mismatch').map((f) => f.message)).toEqual([
      '正文“本年度办结政府信息公开申请4件，其中予以公开3件，部分公开1件”中予以公开件数为3，而表三“三（一） 予以公开”行·总计列为2',
    ]);
  });

  it('a government’s report speaks of its whole district or county', () => {
    expect(scopeWordOf({ kind: 'government', name: '云岭市青川区人民政府' })).toBe('全区');
    expect(scopeWordOf({ kind: 'government', name: '某某县人民政府' })).toBe('全县');
    expect(scopeWordOf({ kind: 'department', name: '青川区财政局' })).toBe('本机关');
  });
});
