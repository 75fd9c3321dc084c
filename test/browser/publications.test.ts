/**
 * Proactive publication in a real browser: a drafter writes an item, fails to pass it herself,
 * three reviewers pass it and the public sees it; an ID number in a body stops final approval
 * until the final reviewer confirms with a reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertColumn } from '../../src/features/publications/repository.js';
import { startBrowserSession, type BrowserSession } from '../browser.js';
import { makeDistrict, makeUser, TEST_PASSWORD } from '../factories.js';

describe('proactive publication in a browser', () => {
  let session: BrowserSession;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    session = await startBrowserSession(async (ctx) => {
      const d = await makeDistrict(ctx);
      await makeUser(ctx, { agencyId: d.deptA.id, roles: ['drafter', 'reviewerFirst'], username: 'xu.drafter' });
      await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerFirst'], username: 'r1' });
      await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerSecond'], username: 'r2' });
      await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerFinal'], username: 'r3' });
      const at = ctx.clock.now().toISOString();
      await insertColumn(ctx.database.db, { agency_id: d.deptA.id, parent_id: null, name: '通知公告', kind: 'notices', sort_order: 1, created_at: at, updated_at: at });
    });
    ({ base, browser } = session);
  });
  afterAll(async () => session?.close());

  const signIn = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/console/login`);
    await page.getByLabel('账号').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/console`);
    return page;
  };
  const draft = async (page: Page, title: string, body: string) => {
    await page.getByRole('link', { name: '主动公开' }).click();
    await page.getByRole('link', { name: '起草信息' }).click();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('信息类别').selectOption({ label: '通知公告' });
    await page.getByLabel('主题分类').selectOption('科技、教育');
    await page.getByLabel('正文').fill(body);
    await page.getByLabel('信息形成（变更）日期').fill('2026-02-27');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('已保存草稿');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('已提交审核');
    return page.url();
  };
  const decide = async (page: Page, url: string, extra?: (page: Page) => Promise<void>) => {
    await page.goto(url);
    for (const aspect of ['涉密性', '准确性', '时效性']) await page.getByRole('group', { name: new RegExp(`^${aspect}`) }).getByLabel('通过', { exact: true }).check();
    await page.getByRole('group', { name: '审核结论' }).locator('input[value="approve"]').check();
    if (extra) await extra(page);
    await page.getByRole('button', { name: '提交审核意见' }).click();
  };

  it('three different reviewers pass an item its drafter could not pass, and the public sees it', async () => {
    const drafter = await signIn('xu.drafter');
    const url = await draft(drafter, '关于做好2026年春季开学工作的通知', '各学校：\n请做好开学准备。');
    // The drafter holds the first reviewer's role too, but is told she may not review her own item.
    await drafter.goto(url);
    await expect(drafter.locator('.notice').first().textContent()).resolves.toBe('起草人、提交人不能审核自己的信息');
    expect(await drafter.getByRole('button', { name: '提交审核意见' }).count()).toBe(0);

    for (const [user, message] of [['r1', '已同意，送下一审核环节'], ['r2', '已同意，送下一审核环节'], ['r3', '终审通过，已发布到门户网站']]) {
      const reviewer = await signIn(user!);
      await decide(reviewer, url);
      await expect(reviewer.getByRole('status').textContent()).resolves.toBe(message);
    }
    const reviewer = await signIn('r3');
    await reviewer.goto(url);
    await reviewer.getByRole('link', { name: '在门户网站查看' }).click();
    await expect(reviewer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('关于做好2026年春季开学工作的通知');
    await expect(reviewer.locator('table.catalogue-data').textContent()).resolves.toMatch(/索引号GK\d{6}\/2026-00001/);
    await expect(reviewer.locator('.item-body').innerHTML()).resolves.toBe('<p>各学校：</p><p>请做好开学准备。</p>');
  });

  it('an ID number in the body stops final approval until the final reviewer confirms with a reason', async () => {
    const drafter = await signIn('xu.drafter');
    const url = await draft(drafter, '2026年助学金拟资助名单公示', '李四，身份证号11010519491231002X，拟资助2000元。');
    for (const user of ['r1', 'r2']) await decide(await signIn(user), url);
    const final = await signIn('r3');
    await final.goto(url);
    await expect(final.locator('ul.findings li.hard').first().textContent()).resolves.toContain('110105********002X');
    await decide(final, url);
    await expect(final.getByRole('alert').first().textContent()).resolves.toContain('自动检查发现1个须处理的问题');
    await decide(final, url, (page) => page.getByLabel(/确认理由/).fill('公示依规须载明，已取得本人同意'));
    await expect(final.getByRole('status').textContent()).resolves.toBe('终审通过，已发布到门户网站');
  });
});
