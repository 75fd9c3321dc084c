/**
 * The demo district's 政务新媒体: 19 accounts operating across the government, departments and
 * townships (the seed report's “19个政务新媒体账号”) and one merged into “青川发布” in the middle
 * of last year, each with its items per month for the whole of last year and this year up to
 * the demo's today, so that report section 一, the overview and the inspections have them.
 */
import type { Executor } from '../../db/database.js';
import type { Agency } from '../../db/schema.js';
import { insertAccount, upsertMonth } from '../new-media/repository.js';
import { monthOf, monthProblem, monthsOfYear, type Platform } from '../new-media/rules.js';

export interface DemoAccount {
  /** Short name of the agency whose account it is. */
  agency: string;
  platform: Platform;
  name: string;
  platformAccountId: string | null;
  /** 运营主体; null = the agency itself. */
  operator: string | null;
  /** 'YYYY-MM-DD'; 'MM-DD' = that day of last year (an account opened in the year of the report being drafted). */
  openedOn: string;
  /** Merged into another account on the last day of this month of last year (1–12). */
  mergedInMonth?: number;
  reason?: string;
  /** Items a whole month of it usually has: the least and the most. */
  perMonth: [number, number];
  note?: string;
}

export const DEMO_NEW_MEDIA: DemoAccount[] = [
  { agency: '青川区政府', platform: 'wechat', name: '青川发布', platformAccountId: 'gh_3a7c91e0b2d4', operator: '云岭市青川区人民政府办公室（区政务信息中心）', openedOn: '2015-03-16', perMonth: [40, 60] },
  { agency: '青川区政府', platform: 'weibo', name: '青川发布', platformAccountId: '5381904276', operator: '云岭市青川区人民政府办公室（区政务信息中心）', openedOn: '2013-09-02', perMonth: [20, 35] },
  { agency: '青川区政府', platform: 'douyin', name: '青川发布', platformAccountId: 'qingchuanfabu', operator: '云岭市青川区人民政府办公室（区政务信息中心）', openedOn: '2019-06-20', perMonth: [8, 16] },
  { agency: '青川区政府', platform: 'toutiao', name: '青川发布', platformAccountId: '1602847735190531', operator: '云岭市青川区人民政府办公室（区政务信息中心）', openedOn: '2018-04-10', perMonth: [15, 30] },
  { agency: '青川区政府', platform: 'app', name: '青川通', platformAccountId: null, operator: '云岭市青川区人民政府办公室（区政务信息中心）', openedOn: '2021-11-01', perMonth: [15, 25], note: '安卓、iOS客户端，政务服务与信息发布' },
  {
    agency: '区政府办', platform: 'wechat', name: '青川政务', platformAccountId: 'gh_81f02c6ad9e7', operator: null, openedOn: '2017-05-08', perMonth: [10, 18],
    mergedInMonth: 6, reason: '整合至“青川发布”微信公众号，原有内容迁移后停止更新',
  },
  { agency: '区教体局', platform: 'wechat', name: '青川教体', platformAccountId: 'gh_c47a0e95b1f3', operator: '区教育体育局办公室', openedOn: '2016-09-01', perMonth: [22, 38] },
  { agency: '区人社局', platform: 'wechat', name: '青川人社', platformAccountId: 'gh_0b6d3f82e5a1', operator: '区人力资源和社会保障局信息中心', openedOn: '2017-02-14', perMonth: [20, 34] },
  { agency: '区住建局', platform: 'wechat', name: '青川住建', platformAccountId: 'gh_9e14a7c0d263', operator: null, openedOn: '2020-07-15', perMonth: [12, 24] },
  { agency: '区交通局', platform: 'wechat', name: '青川交通', platformAccountId: 'gh_2f8b5d1e7a90', operator: '区交通运输局办公室', openedOn: '2018-11-20', perMonth: [15, 28] },
  { agency: '区农业农村局', platform: 'wechat', name: '青川农业农村', platformAccountId: 'gh_e63c09a4f71b', operator: null, openedOn: '2019-08-08', perMonth: [14, 26] },
  { agency: '区卫健局', platform: 'wechat', name: '青川卫健', platformAccountId: 'gh_7a1f4c8e02d5', operator: '区卫生健康局信息中心', openedOn: '2016-04-07', perMonth: [24, 40] },
  { agency: '区卫健局', platform: 'douyin', name: '健康青川', platformAccountId: 'jiankangqingchuan', operator: '区卫生健康局信息中心', openedOn: '2021-03-18', perMonth: [6, 12] },
  { agency: '区市场监管局', platform: 'wechat', name: '青川市场监管', platformAccountId: 'gh_b5093e2d6c1a', operator: '区市场监督管理局办公室', openedOn: '2019-01-10', perMonth: [18, 32] },
  { agency: '区应急局', platform: 'wechat', name: '青川应急', platformAccountId: 'gh_4c8e1a7b3f06', operator: '区应急管理局办公室', openedOn: '2019-05-12', perMonth: [20, 36] },
  { agency: '龙华街道', platform: 'wechat', name: '龙华街道', platformAccountId: 'gh_d20f6b9a41e8', operator: '龙华街道党政办公室', openedOn: '2018-06-01', perMonth: [8, 15] },
  { agency: '西平街道', platform: 'wechat', name: '西平街道', platformAccountId: 'gh_63a9e1c5f07b', operator: '西平街道党政办公室', openedOn: '2019-10-09', perMonth: [6, 14] },
  { agency: '白水镇', platform: 'wechat', name: '白水镇', platformAccountId: 'gh_a1e7d43b9c52', operator: '白水镇党政综合办公室', openedOn: '2020-04-20', perMonth: [5, 12] },
  { agency: '盘江镇', platform: 'wechat', name: '盘江镇', platformAccountId: 'gh_f5c2088e6d3a', operator: '盘江镇党政综合办公室', openedOn: '2021-01-05', perMonth: [5, 10] },
  { agency: '大坡乡', platform: 'wechat', name: '大坡乡', platformAccountId: 'gh_1d7b6e3a8f29', operator: '大坡乡党政综合办公室', openedOn: '09-01', perMonth: [4, 9] },
];

const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** An integer hash (lowbias32): neighbouring inputs give unrelated outputs, the same input always the same. */
function mix32(n: number): number {
  let h = n >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Items of account `k` in a month: a fixed spread over its usual range (no randomness, so every
 * load has the same figures for the same day); the month of today counts only its days so far.
 */
export function demoMonthItems(account: DemoAccount, k: number, month: string, today: string): number {
  const [min, max] = account.perMonth;
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const whole = min + (mix32((k + 1) * 10_007 + y * 12 + m) % (max - min + 1));
  return month === monthOf(today) ? Math.round((whole * Number(today.slice(8, 10))) / daysInMonth(month)) : whole;
}

/** The dates of a demo account as of the demo's today. */
export function demoAccountDates(account: DemoAccount, today: string): { openedOn: string; closedOn: string | null } {
  const year = Number(today.slice(0, 4));
  const openedOn = account.openedOn.length === 5 ? `${year - 1}-${account.openedOn}` : account.openedOn;
  const mergedMonth = account.mergedInMonth ? `${year - 1}-${String(account.mergedInMonth).padStart(2, '0')}` : null;
  const closedOn = mergedMonth ? `${mergedMonth}-${daysInMonth(mergedMonth)}` : null;
  return { openedOn, closedOn };
}

/** Registers the demo accounts and their monthly counts of last year and this year; returns how many accounts, and how many operate. */
export async function loadDemoNewMedia(trx: Executor, opts: { agencies: Agency[]; today: string; at: string }): Promise<{ accounts: number; operating: number }> {
  const year = Number(opts.today.slice(0, 4));
  let accounts = 0;
  let operating = 0;
  for (const [k, a] of DEMO_NEW_MEDIA.entries()) {
    const agency = opts.agencies.find((x) => x.short_name === a.agency);
    if (!agency) throw new Error(`演示数据：没有单位“${a.agency}”`);
    const dates = demoAccountDates(a, opts.today);
    const account = await insertAccount(trx, {
      agency_id: agency.id, platform: a.platform, name: a.name, platform_account_id: a.platformAccountId, operator: a.operator ?? agency.name,
      opened_on: dates.openedOn, status: dates.closedOn ? 'merged' : 'operating', closed_on: dates.closedOn, close_reason: a.reason ?? null,
      note: a.note ?? null, created_at: opts.at, updated_at: opts.at,
    });
    // Only the months the register itself would accept (opened, not yet closed, not to come).
    for (const month of [...monthsOfYear(year - 1), ...monthsOfYear(year)]) {
      if (monthProblem(dates, month, opts.today) !== null) continue;
      await upsertMonth(trx, { account_id: account.id, month, items: demoMonthItems(a, k, month, opts.today), entered_by: '演示数据', updated_at: opts.at });
    }
    accounts++;
    if (account.status === 'operating') operating++;
  }
  return { accounts, operating };
}
