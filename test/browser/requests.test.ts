/**
 * A member of the public files a request in a real browser and follows it; a handler confirms
 * receipt in the console; the status page shows the due date.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCitizenRequest, startBrowserSession, type BrowserSession } from '../browser.js';
import { makeDistrict, makeUser, TEST_PASSWORD } from '../factories.js';

describe('disclosure request in a browser', () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await startBrowserSession(async (ctx) => {
      const d = await makeDistrict(ctx);
      await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler'], username: 'handler-a' });
    });
    ({ page, base } = session);
  });
  afterAll(async () => session?.close());

  it('files a request, is told the tracking number, and follows it after staff confirm receipt', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: '依申请公开' }).first().click();
    await fileCitizenRequest(page, '　测试区教育局');

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('申请已提交');
    const number = (await page.locator('dl.receipt dd code').nth(0).textContent())!;
    const code = (await page.locator('dl.receipt dd code').nth(1).textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    const staff = await session.browser.newPage();
    await staff.goto(`${base}/console/login`);
    await staff.getByLabel('账号').fill('handler-a');
    await staff.getByLabel('密码').fill(TEST_PASSWORD);
    await staff.getByRole('button', { name: '登录' }).click();
    await staff.goto(`${base}/console/requests`);
    await staff.getByRole('link', { name: number }).click();
    await staff.locator('summary', { hasText: '登记申请' }).click();
    await staff.getByRole('button', { name: '登记申请' }).click();
    await expect(staff.locator('.flash').textContent()).resolves.toBe('已记录');
    await expect(staff.locator('.clock').textContent()).resolves.toContain('答复期限');
    await staff.close();

    await page.goto(`${base}/requests/track?number=${encodeURIComponent(number)}`);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('申请办理进度');
    await expect(page.locator('table').textContent()).resolves.toContain('办理中');
    await expect(page.locator('table').textContent()).resolves.toContain('答复期限');
  });
});
