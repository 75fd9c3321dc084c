/**
 * The demo district on SQLite and PostgreSQL, loaded on the test clock (2 March 2026): its
 * 政务新媒体 with their monthly counts and its trainings, as the register, the year's figures and
 * the district's section 一 draft read them; `items: false` leaves them out with the items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/db.js';
import { draftOverview } from '../../domain/report/overview-draft.js';
import { overviewFiguresForYear } from '../annual-reports/overview-figures.js';
import { newMediaFigures } from '../new-media/figures.js';
import { trainingFigures } from '../training/figures.js';
import { DEMO_PASSWORD } from './demo-district.js';
import { DEMO_TRAININGS, demoTrainingDay } from './demo-trainings.js';
import { loadDemo, type DemoResult } from './load-demo.js';

const PLATFORMS_AT_YEAR_END = { wechat: 14, weibo: 1, douyin: 2, toutiao: 1, app: 1, other: 0 };

describe.each(DIALECTS)('the demo district on %s', (dialect) => {
  let ctx: TestContext;
  let result: DemoResult;
  let agencyIds: number[];
  const db = () => ctx.database.db;
  const account = (agency: string, platform: string, name: string) =>
    db().selectFrom('new_media_accounts as n').innerJoin('agencies as a', 'a.id', 'n.agency_id').selectAll('n')
      .where('a.short_name', '=', agency).where('n.platform', '=', platform as 'wechat').where('n.name', '=', name).executeTakeFirstOrThrow();
  const months = async (accountId: number) =>
    (await db().selectFrom('new_media_monthly_items').select(['month', 'items', 'entered_by']).where('account_id', '=', accountId).orderBy('month').execute())
      .map((m) => [m.month, m.items, m.entered_by]);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    result = await loadDemo(ctx);
    agencyIds = (await db().selectFrom('agencies').select('id').execute()).map((a) => a.id);
  });
  afterAll(async () => ctx?.cleanup());

  it('reports what it loaded, in one audit entry', async () => {
    expect(result).toEqual({ agencies: 18, users: 120, items: 310, newMediaAccounts: 20, operatingNewMediaAccounts: 19, trainings: 3, password: DEMO_PASSWORD });
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_name', 'data']).execute();
    expect(audit.map((a) => [a.action, a.actor_name, JSON.parse(a.data)])).toEqual([
      ['system.demoLoaded', '系统', { agencies: 18, users: 120, columns: 198, items: 310, newMediaAccounts: 20, trainings: 3 }],
    ]);
  });

  it('registers 19 operating accounts and 青川政务 merged into 青川发布 in June 2025', async () => {
    const statuses = await db().selectFrom('new_media_accounts').select(['status', db().fn.countAll<number>().as('n')]).groupBy('status').orderBy('status').execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['merged', 1], ['operating', 19]]);
    const merged = await account('区政府办', 'wechat', '青川政务');
    expect(merged).toMatchObject({
      platform_account_id: 'gh_81f02c6ad9e7', operator: '云岭市青川区人民政府办公室', opened_on: '2017-05-08', status: 'merged', closed_on: '2025-06-30',
      close_reason: '整合至“青川发布”微信公众号，原有内容迁移后停止更新',
    });
    expect((await months(merged.id)).map(([m]) => m)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const dapo = await account('大坡乡', 'wechat', '大坡乡');
    expect([dapo.opened_on, dapo.status, dapo.operator]).toEqual(['2025-09-01', 'operating', '大坡乡党政综合办公室']);
    expect((await months(dapo.id)).map(([m]) => m)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const rows = await db().selectFrom('new_media_monthly_items').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // 18 accounts × 15 months (2025, and 2026 to March), 6 months of 青川政务, 7 of 大坡乡.
    expect(Number(rows.n)).toBe(283);
  });

  it('gives 青川发布 (WeChat) every month of 2025 and 2026 to March, March only for its first two days', async () => {
    const fabu = await account('青川区政府', 'wechat', '青川发布');
    expect([fabu.platform_account_id, fabu.opened_on, fabu.status]).toEqual(['gh_3a7c91e0b2d4', '2015-03-16', 'operating']);
    const all = await months(fabu.id);
    expect(all.filter(([m]) => String(m) >= '2026-01')).toEqual([['2026-01', 40, '演示数据'], ['2026-02', 46, '演示数据'], ['2026-03', 4, '演示数据']]);
    const y2025 = all.filter(([m]) => String(m).startsWith('2025-'));
    expect(y2025).toHaveLength(12);
    expect(y2025.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(546);
  });

  it('counts the year’s accounts and items as section 一 does', async () => {
    expect(await newMediaFigures(db(), agencyIds, 2026)).toEqual({ accounts: 19, opened: 0, closed: 0, itemsPublished: 788, byPlatform: PLATFORMS_AT_YEAR_END });
    expect(await newMediaFigures(db(), agencyIds, 2025)).toEqual({ accounts: 19, opened: 1, closed: 1, itemsPublished: 4549, byPlatform: PLATFORMS_AT_YEAR_END });
  });

  it('records two trainings this year and one last year, organised by the office for every agency', async () => {
    const trainings = await db().selectFrom('trainings as t').innerJoin('agencies as a', 'a.id', 't.organiser_agency_id')
      .select(['t.id', 't.held_on', 't.topic', 't.hours', 'a.short_name']).orderBy('t.held_on').execute();
    expect(trainings.map((t) => [t.held_on, t.topic, t.hours, t.short_name])).toEqual([
      ['2025-06-18', '全区政务公开业务培训', 3, '区政府办'],
      ['2026-01-09', '政府信息公开工作年度报告编制培训', 2, '区政府办'],
      ['2026-02-26', '全区政务公开工作培训会', 3.5, '区政府办'],
    ]);
    const people = await db().selectFrom('training_participants').select(['training_id', 'participants']).where('training_id', '=', trainings[2]!.id).execute();
    expect([people.length, people.reduce((sum, p) => sum + p.participants, 0)]).toEqual([17, 40]);
    expect(await trainingFigures(db(), agencyIds, 2026)).toEqual({ sessions: 2, participants: 58, hours: 5.5 });
    expect(await trainingFigures(db(), agencyIds, 2025)).toEqual({ sessions: 1, participants: 36, hours: 3 });
  });

  it('the district government’s 2025 draft states the accounts, their items and the training', async () => {
    const government = await db().selectFrom('agencies').selectAll().where('short_name', '=', '青川区政府').executeTakeFirstOrThrow();
    const lines = draftOverview(await overviewFiguresForYear(db(), government, 2025)).split('\n');
    expect(lines.filter((l) => l.includes('政务新媒体') || l.includes('培训'))).toEqual([
      '全区在政府信息公开专栏设置栏目198个，本年度在专栏发布政府信息176条。截至2025年底，全区开办政务新媒体19个（本年度新开设1个、关停整合1个），本年度通过政务新媒体平台主动公开信息4549条。',
      '本年度组织和参加政务公开业务培训1次，参训36人次。',
    ]);
  });
});

describe.each(DIALECTS)('the demo district without its records on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => ctx?.cleanup());

  it('items: false loads no items, new-media accounts or trainings', async () => {
    const result = await loadDemo(ctx, { items: false });
    expect([result.agencies, result.users, result.items, result.newMediaAccounts, result.trainings]).toEqual([18, 120, 0, 0, 0]);
    const count = async (table: 'publication_items' | 'new_media_accounts' | 'new_media_monthly_items' | 'trainings') =>
      Number((await ctx.database.db.selectFrom(table).select(ctx.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect([await count('publication_items'), await count('new_media_accounts'), await count('new_media_monthly_items'), await count('trainings')]).toEqual([0, 0, 0, 0]);
  });
});

describe('the demo trainings’ days', () => {
  it('are never after today, nor before 1 January of their year, whenever the demo is loaded', () => {
    expect(DEMO_TRAININGS.map((t) => demoTrainingDay(t, '2026-03-02'))).toEqual(['2025-06-18', '2026-01-09', '2026-02-26']);
    expect(DEMO_TRAININGS.map((t) => demoTrainingDay(t, '2026-02-10'))).toEqual(['2025-06-18', '2026-01-09', '2026-02-09']);
    expect(DEMO_TRAININGS.map((t) => demoTrainingDay(t, '2027-01-05'))).toEqual(['2026-06-18', '2027-01-04', '2027-01-04']);
    expect(DEMO_TRAININGS.map((t) => demoTrainingDay(t, '2027-01-01'))).toEqual(['2026-06-18', '2027-01-01', '2027-01-01']);
  });
});
