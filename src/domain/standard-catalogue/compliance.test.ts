import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import { columnFreshness, matterCompliance, summarizeCompliance, type CarriedItem, type ColumnState } from './compliance.js';

const calendar = defaultCalendar();
const TODAY = '2026-03-02';
const news: ColumnState = { id: 1, name: '工作动态', kind: 'news', lastPublished: '2026-02-20' };
const notices: ColumnState = { id: 2, name: '通知公告', kind: 'notices', lastPublished: '2025-08-01' };
const item = (id: number, madeOn: string | null, publishedDate: string): CarriedItem => ({ id, title: `信息${id}`, columnId: 2, madeOn, publishedDate });

describe('a column against the update period of its kind', () => {
  it('news: two weeks; notices: 183 days; an empty column with a rule is not updated; 其他 has no rule', () => {
    expect(columnFreshness(news, TODAY)).toMatchObject({ status: 'updated', daysSince: 10, maxDaysStale: 14 });
    expect(columnFreshness({ ...news, lastPublished: '2026-02-15' }, TODAY)).toMatchObject({ status: 'stale', daysSince: 15 });
    expect(columnFreshness({ ...news, lastPublished: '2026-02-16' }, TODAY)).toMatchObject({ status: 'updated', daysSince: 14 });
    expect(columnFreshness(notices, TODAY)).toMatchObject({ status: 'stale', daysSince: 213, maxDaysStale: 183 });
    expect(columnFreshness({ ...notices, lastPublished: null }, TODAY)).toMatchObject({ status: 'empty', daysSince: null });
    expect(columnFreshness({ id: 3, name: '机构概况', kind: 'other', lastPublished: null }, TODAY)).toMatchObject({ status: 'noRule', maxDaysStale: null });
  });
});

describe('the compliance of a matter', () => {
  const base = { proactive: true, timeLimit: '信息形成或变更之日起20个工作日内', today: TODAY, calendar };

  it('holds each dated item to its working-day limit (春节 2026 not counted) and names the late ones', () => {
    // Made 2026-02-02 (Mon): 20 working days with 春节 (02-15..02-23 off, 02-14 and 02-28 on) end on 2026-03-06.
    const result = matterCompliance({
      ...base, columns: [news],
      items: [item(1, '2026-02-02', '2026-03-06'), item(2, '2026-01-05', '2026-02-03'), item(3, '2026-01-05', '2026-02-02'), item(4, null, '2026-02-10')],
    });
    expect(result.timeliness).toBe('late');
    expect(result.itemsChecked).toBe(3);
    expect(result.itemsLate).toBe(1);
    expect(result.itemsUndated).toBe(1);
    expect(result.lateItems.map((l) => [l.item.id, l.deadline])).toEqual([[2, '2026-02-02']]);
    expect(result.freshness).toBe('updated');
  });

  it('calendar days are counted as days', () => {
    const result = matterCompliance({ ...base, timeLimit: '决定作出之日起7日内', columns: [news], items: [item(1, '2026-02-01', '2026-02-08'), item(2, '2026-02-01', '2026-02-09')] });
    expect(result.timeliness).toBe('late');
    expect(result.lateItems.map((l) => [l.item.id, l.deadline])).toEqual([[2, '2026-02-08']]);
  });

  it('on time when every dated item is within the limit; the stale column still shows', () => {
    const result = matterCompliance({ ...base, columns: [news, notices], items: [item(1, '2026-02-02', '2026-02-03')] });
    expect(result).toMatchObject({ timeliness: 'onTime', unknownReason: null, itemsChecked: 1, itemsLate: 0, freshness: 'stale' });
    expect(result.columns.map((c) => c.status)).toEqual(['updated', 'stale']);
  });

  it('unknown, with the reason, when gongkai cannot judge', () => {
    expect(matterCompliance({ ...base, columns: [], items: [] })).toMatchObject({ timeliness: 'unknown', unknownReason: 'unmapped', freshness: 'unmapped' });
    expect(matterCompliance({ ...base, timeLimit: '实时', columns: [news], items: [item(1, '2026-02-02', '2026-02-03')] })).toMatchObject({ timeliness: 'unknown', unknownReason: 'limitUnreadable' });
    expect(matterCompliance({ ...base, columns: [news], items: [] })).toMatchObject({ timeliness: 'unknown', unknownReason: 'noItems' });
    expect(matterCompliance({ ...base, columns: [news], items: [item(1, null, '2026-02-03')] })).toMatchObject({ timeliness: 'unknown', unknownReason: 'notDated', itemsUndated: 1 });
  });

  it('matters published on request only have neither timeliness nor freshness', () => {
    expect(matterCompliance({ ...base, proactive: false, columns: [news], items: [] })).toMatchObject({ timeliness: 'notApplicable', freshness: 'notApplicable' });
  });

  it('the summary counts the matters by result', () => {
    const list = [
      matterCompliance({ ...base, columns: [news], items: [item(1, '2026-02-02', '2026-02-03')] }),
      matterCompliance({ ...base, columns: [notices], items: [item(2, '2025-01-02', '2025-12-01')] }),
      matterCompliance({ ...base, columns: [], items: [] }),
      matterCompliance({ ...base, proactive: false, columns: [], items: [] }),
    ];
    expect(summarizeCompliance(list)).toEqual({ matters: 4, proactive: 3, unmapped: 1, onTime: 1, late: 1, unknown: 1, stale: 1 });
  });
});
