import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import { columnState, homeState, withChildren, type ColumnFacts } from './columns.js';
import { evaluateAgencyHealth, type AgencyHealthFacts } from './evaluate.js';
import { DEFAULT_HEALTH_SETTINGS, maxDaysOf, normalizeHealthSettings, type HealthSettings } from './settings.js';

const settings: HealthSettings = { ...DEFAULT_HEALTH_SETTINGS };
const TODAY = '2026-03-20';

function column(id: number, name: string, kind: string, last: string | null, extra: Partial<ColumnFacts> = {}): Omit<ColumnFacts, 'hasChildren'> {
  return { id, name, kind, parentId: null, createdOn: '2025-06-01', itemCount: last ? 3 : 0, lastPublishedOn: last, ...extra };
}

function facts(columns: Array<Omit<ColumnFacts, 'hasChildren'>>, rest: Partial<AgencyHealthFacts> = {}): AgencyHealthFacts {
  return { agencyId: 7, columns: withChildren(columns), deadInternalLinks: [], deadExternalLinks: [], uninterpreted: [], expiredStillValid: [], published: [], ...rest };
}

const evaluate = (f: AgencyHealthFacts, s: HealthSettings = settings) => evaluateAgencyHealth(f, { today: TODAY, settings: s, calendar: defaultCalendar() });

describe('settings', () => {
  it('default to the 19号 periods: news 2 weeks, notices and policy 6 months, kinds without a period a year', () => {
    expect([maxDaysOf(settings, 'news'), maxDaysOf(settings, 'notices'), maxDaysOf(settings, 'policy'), maxDaysOf(settings, 'fiscal'), maxDaysOf(settings, 'other'), maxDaysOf(settings, 'nonsense')])
      .toEqual([14, 183, 183, 366, 365, 365]);
    expect([settings.homeMaxDays, settings.frequentVetoCount, settings.longVetoCount, settings.emptyVetoCount, settings.externalLinksEnabled]).toEqual([14, 5, 10, 5, false]);
  });
  it('stored values override the defaults only when valid', () => {
    const s = normalizeHealthSettings({ newsMaxDays: 7, emptyVetoCount: 0, homeMaxDays: 'x', externalLinksEnabled: true });
    expect([s.newsMaxDays, s.emptyVetoCount, s.homeMaxDays, s.externalLinksEnabled]).toEqual([7, 5, 14, true]);
    expect(normalizeHealthSettings(null)).toEqual(DEFAULT_HEALTH_SETTINGS);
  });
});

describe('column state', () => {
  it('is stale from the day after its period: last update 2026-03-01, 14 days → stale from 2026-03-16', () => {
    const c = { ...column(1, '工作动态', 'news', '2026-03-01'), hasChildren: false };
    expect(columnState(c, '2026-03-15', settings)).toMatchObject({ stale: false, daysSinceUpdate: 14, staleFrom: '2026-03-16', since: null });
    expect(columnState(c, '2026-03-16', settings)).toMatchObject({ stale: true, daysSinceUpdate: 15, staleFrom: '2026-03-16', since: '2026-03-16', frequent: true });
  });
  it('counts an empty column as empty since its creation, and a heading column not at all', () => {
    const [heading, child] = withChildren([column(3, '政策文件', 'policy', null), column(4, '规范性文件', 'policy', null, { parentId: 3, createdOn: '2026-01-05' })]);
    expect(columnState(heading!, TODAY, settings)).toMatchObject({ judged: false, empty: false, stale: false, since: null });
    expect(columnState(child!, TODAY, settings)).toMatchObject({ judged: true, empty: true, stale: false, since: '2026-01-05' });
  });
  it('the home page is the newest item anywhere; without any item it has not been updated since the first column', () => {
    const cols = withChildren([column(1, 'a', 'news', '2026-03-01'), column(2, 'b', 'notices', '2026-02-01')]);
    expect(homeState(cols, TODAY, settings)).toEqual({ lastPublishedOn: '2026-03-01', daysSinceUpdate: 19, stale: true, since: '2026-03-16' });
    expect(homeState(cols, '2026-03-15', settings)).toEqual({ lastPublishedOn: '2026-03-01', daysSinceUpdate: 14, stale: false, since: null });
    expect(homeState(withChildren([column(1, 'a', 'news', null, { createdOn: '2026-02-10' })]), TODAY, settings)).toEqual({ lastPublishedOn: null, daysSinceUpdate: null, stale: true, since: '2026-02-10' });
  });
});

describe('evaluateAgencyHealth', () => {
  it('a mostly kept site: stale and empty columns deduct points, a column about to run out warns, no veto', () => {
    const r = evaluate(facts([
      column(1, '工作动态', 'news', '2026-03-01'),
      column(2, '通知公告', 'notices', '2025-10-01'),
      column(3, '政策文件', 'policy', null),
      column(4, '行政规范性文件', 'policy', null, { parentId: 3, createdOn: '2026-01-05' }),
      column(5, '其他文件', 'policy', '2026-03-10', { parentId: 3 }),
      column(6, '机构概况', 'other', '2025-01-01'),
      column(7, '工作要闻', 'news', '2026-03-06'),
    ]));
    expect(r.findings).toEqual([
      { indicator: 'columnNotUpdated', severity: 'deduct', columnId: 1, since: '2026-03-16', message: '栏目“工作动态”（动态要闻，应14天内更新）自2026-03-16起未更新：最近更新2026-03-01，已19天' },
      { indicator: 'emptyColumn', severity: 'deduct', columnId: 4, since: '2026-01-05', message: '栏目“行政规范性文件”（政策文件）没有任何公开信息（空白栏目，2026-01-05开设）' },
      { indicator: 'columnNotUpdated', severity: 'deduct', columnId: 6, since: '2026-01-02', message: '栏目“机构概况”（其他，应365天内更新）自2026-01-02起未更新：最近更新2025-01-01，已443天' },
      { indicator: 'columnDueSoon', severity: 'warn', columnId: 7, since: '2026-03-21', message: '栏目“工作要闻”最近更新2026-03-06，如2026-03-21前仍无新信息，将计为未按期更新' },
    ]);
    expect(r.home).toEqual({ lastPublishedOn: '2026-03-10', daysSinceUpdate: 10, stale: false, since: null });
    expect([r.staleColumns, r.emptyColumns, r.veto, r.score, r.result]).toEqual([2, 1, false, 94, 'pass']);
    const summary = Object.fromEntries(r.indicators.map((i) => [i.indicator, [i.count, i.tripped, i.deduction]]));
    expect(summary.frequentColumnsNotUpdated).toEqual([2, false, 0]);
    expect(summary.columnsLongNotUpdated).toEqual([3, false, 0]);
    expect(summary.emptyColumns).toEqual([1, false, 0]);
    expect(summary.columnNotUpdated).toEqual([2, false, 4]);
    expect(summary.emptyColumn).toEqual([1, false, 2]);
  });

  it('five empty news/notice/policy columns and nothing ever published: three vetoes, each since the day it was reached', () => {
    const created = ['2026-01-10', '2026-01-03', '2026-02-01', '2026-01-20', '2026-01-05', '2026-03-01'];
    const kinds = ['news', 'news', 'notices', 'policy', 'policy', 'fiscal'];
    const r = evaluate(facts(created.map((d, i) => column(i + 1, `栏目${i + 1}`, kinds[i]!, null, { createdOn: d }))));
    const vetoes = r.findings.filter((f) => f.severity === 'veto');
    expect(vetoes).toEqual([
      { indicator: 'homeNotUpdated', severity: 'veto', since: '2026-01-03', message: '首页没有任何公开信息' },
      {
        indicator: 'frequentColumnsNotUpdated', severity: 'veto', since: '2026-02-01',
        message: '动态要闻类栏目14天、通知公告和政策文件类栏目183/183天内未更新的共5个（达到5个即单项否决）：栏目1、栏目2、栏目3、栏目4、栏目5',
      },
      { indicator: 'emptyColumns', severity: 'veto', since: '2026-02-01', message: '空白栏目共6个（达到5个即单项否决）：栏目1、栏目2、栏目3、栏目4、栏目5、栏目6' },
    ]);
    expect(r.findings.filter((f) => f.indicator === 'emptyColumn')).toHaveLength(6);
    expect([r.veto, r.result, r.score]).toEqual([true, 'veto', 88]);
  });

  it('ten columns long not updated trip their veto; the thresholds come from the settings', () => {
    const cols = Array.from({ length: 10 }, (_, i) => column(i + 1, `年度栏目${i + 1}`, 'statistics', `2024-0${(i % 9) + 1}-15`));
    const r = evaluate(facts(cols));
    expect(r.findings.filter((f) => f.severity === 'veto').map((f) => [f.indicator, f.since])).toEqual([
      ['homeNotUpdated', '2024-09-30'],
      ['columnsLongNotUpdated', '2025-09-17'],
    ]);
    expect(r.score).toBe(80);
    const lenient = evaluate(facts(cols), { ...settings, longVetoCount: 11, homeMaxDays: 1000 });
    expect([lenient.veto, lenient.result]).toEqual([false, 'pass']);
  });

  it('links, interpretations, lapsed documents and late publication are findings on their items; deductions are capped', () => {
    const dead = Array.from({ length: 12 }, (_, i) => ({ itemId: 100 + i, title: `信息${i}`, url: `/items/${900 + i}` }));
    const r = evaluate(facts([column(1, '工作动态', 'news', '2026-03-18')], {
      deadInternalLinks: dead,
      deadExternalLinks: [{ itemId: 5, title: '转载信息', url: 'https://example.org/gone', detail: 'HTTP 404', failingSince: '2026-03-02' }],
      uninterpreted: [{ itemId: 6, title: '青川区某某管理办法', publishedOn: '2026-02-01' }],
      expiredStillValid: [{ documentId: 3, itemId: 8, title: '青川区校车安全管理办法', documentNumber: '青教规〔2020〕1号', validUntil: '2025-12-31' }],
      published: [
        { itemId: 9, title: '迟发的通知', madeOn: '2026-01-05', publishedOn: '2026-02-03' },
        { itemId: 10, title: '按期的通知', madeOn: '2026-01-05', publishedOn: '2026-02-02' },
        { itemId: 11, title: '日期不明', madeOn: '2026-13-01', publishedOn: '2026-02-02' },
      ],
    }));
    const byIndicator = (k: string) => r.findings.filter((f) => f.indicator === k);
    expect(byIndicator('deadInternalLink')).toHaveLength(12);
    expect(byIndicator('deadInternalLink')[0]).toEqual({ indicator: 'deadInternalLink', severity: 'deduct', itemId: 100, url: '/items/900', message: '“信息0”正文中的站内链接“/items/900”无法访问' });
    expect(byIndicator('deadExternalLink')).toEqual([{ indicator: 'deadExternalLink', severity: 'deduct', itemId: 5, url: 'https://example.org/gone', since: '2026-03-02', message: '“转载信息”正文中的外部链接“https://example.org/gone”无法访问（HTTP 404），自2026-03-02起' }]);
    expect(byIndicator('interpretationMissing')).toEqual([{ indicator: 'interpretationMissing', severity: 'deduct', itemId: 6, since: '2026-02-01', message: '行政规范性文件“青川区某某管理办法”（2026-02-01发布）尚无政策解读（谁起草、谁解读）' }]);
    expect(byIndicator('expiredStillValid')).toEqual([{
      indicator: 'expiredStillValid', severity: 'deduct', itemId: 8, documentId: 3, since: '2026-01-01',
      message: '“青川区校车安全管理办法”（青教规〔2020〕1号）有效期至2025-12-31，已届满，门户仍标注“有效”，请登记失效或废止',
    }]);
    // 2026-01-05 + 20 working days = 2026-02-02 (no holiday in between).
    expect(byIndicator('publicationDelay')).toEqual([{ indicator: 'publicationDelay', severity: 'deduct', itemId: 9, since: '2026-02-03', message: '“迟发的通知”信息形成于2026-01-05，应于2026-02-02前公开，实际2026-02-03发布（第二十六条）' }]);
    // 10 (links, capped) + 1 + 2 + 2 + 1
    expect(r.score).toBe(84);
    expect(r.result).toBe('pass');
  });

  it('an agency without columns is not judged; below 60 points fails', () => {
    const none = evaluate(facts([]));
    expect([none.judged, none.result, none.findings, none.veto]).toEqual([false, 'none', [], false]);
    const many = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ itemId: from + i, title: 't', url: `/x/${i}` }));
    const poor = evaluate(facts([column(1, '工作动态', 'news', '2026-03-18')], {
      deadInternalLinks: many(10, 1), deadExternalLinks: many(10, 100),
      uninterpreted: Array.from({ length: 5 }, (_, i) => ({ itemId: 200 + i, title: 'd', publishedOn: '2026-01-01' })),
      expiredStillValid: Array.from({ length: 5 }, (_, i) => ({ documentId: i, itemId: 300 + i, title: 'e', documentNumber: null, validUntil: '2025-01-01' })),
      published: Array.from({ length: 2 }, (_, i) => ({ itemId: 400 + i, title: 'p', madeOn: '2026-01-05', publishedOn: '2026-03-01' })),
    }));
    expect([poor.score, poor.result, poor.veto]).toEqual([58, 'fail', false]);
  });
});
