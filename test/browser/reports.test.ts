/**
 * The report editor in a real browser: findings update while typing, a consistent report is
 * checked and published, and the public sees it on the portal.
 */
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDistrict, TEST_PASSWORD } from '../factories.js';

describe('report editor in a browser', () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;
  let deptA = 0;

  beforeAll(async () => {
    session = await startBrowserSession(async (ctx) => {
      deptA = (await makeDistrict(ctx)).deptA.id;
    });
    ({ page, base } = session);
  });
  afterAll(async () => session?.close());

  const cell = (path: string) => page.locator(`input[name="cell:${path}"]`);

  it('shows findings live, then checks and publishes a consistent report', async () => {
    await page.goto(`${base}/console/login`);
    await page.getByLabel('账号').fill('admin-a');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/console/reports/${deptA}/2025`);
    await page.getByRole('button', { name: '空白格填0' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toBe('空白格已填0');

    await cell('section3.received.naturalPerson').fill('5');
    await page.locator('#findings').getByText('表三“一”行：自然人至其他六列之和为5，而总计列为0').waitFor();
    await expect(cell('section3.received.total').getAttribute('class')).resolves.toContain('hard');

    for (const path of ['received.total', 'granted.naturalPerson', 'granted.total', 'handledTotal.naturalPerson', 'handledTotal.total']) {
      await cell(`section3.${path}`).fill('5');
    }
    await page.locator('#findings').getByText('检查通过：未发现不一致。').waitFor();
    await expect(cell('section3.received.total').getAttribute('class')).resolves.toBe('fig');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('.flash').textContent()).resolves.toBe('已保存');
    await page.getByRole('button', { name: '检查并标记为“已检查”' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toBe('检查通过，已标记为“已检查”');
    await page.getByLabel('发布日期（报告落款日期）').fill('2026-01-15');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('已发布第1版');

    await page.goto(`${base}/annual-reports`);
    await page.getByRole('link', { name: '测试区教育局2025年政府信息公开工作年度报告' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('测试区教育局2025年政府信息公开工作年度报告');
    await expect(page.locator('.gk-signature').textContent()).resolves.toContain('2026年1月15日');
  });
});
