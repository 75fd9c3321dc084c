/**
 * In a real browser (Debian's chromium driven by playwright-core) against a real server on
 * loopback: sign in, be forced to change the initial password, create a user, sign out.
 */
import type { Page } from 'playwright-core';
import { startBrowserSession, type BrowserSession } from '../browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInstalled } from '../../src/features/setup/bootstrap.js';

describe('console in a browser', () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await startBrowserSession(async (ctx) => {
      await ensureInstalled(ctx);
    }, { adminPassword: 'First-Start-2026' });
    ({ page, base } = session);
  });
  afterAll(async () => session?.close());

  it('logs in, changes the initial password, creates a user and logs out', async () => {
    await page.goto(`${base}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('账号').fill('admin');
    await page.getByLabel('密码').fill('First-Start-2026');
    await page.getByRole('button', { name: '登录' }).click();

    await page.waitForURL(`${base}/console/password`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('请先设置新密码');
    await page.getByLabel('当前密码').fill('First-Start-2026');
    await page.getByLabel('新密码', { exact: true }).fill('Browser-Changed-2026');
    await page.getByLabel('确认新密码').fill('Browser-Changed-2026');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL(`${base}/console`);
    await expect(page.getByRole('status').textContent()).resolves.toBe('密码已修改');

    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('link', { name: '新增用户' }).click();
    await page.getByLabel('账号').fill('li.ming');
    await page.getByLabel('姓名').fill('李明');
    await page.getByLabel('所属单位').selectOption({ label: '　本级人民政府办公室' });
    await page.getByLabel('信息起草人').check();
    await page.getByLabel('初审人').check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('用户已创建');
    const otp = await page.locator('.otp code').textContent();
    expect(otp).toHaveLength(16);

    await page.goto(`${base}/console/users`);
    const row = page.getByRole('row', { name: /li\.ming/ });
    await expect(row.textContent()).resolves.toContain('信息起草人、初审人');
    await expect(row.textContent()).resolves.toContain('待修改初始密码');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${base}/console/login`);
    await expect(page.getByRole('status').textContent()).resolves.toBe('已退出登录');
    await page.goto(`${base}/console/users`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });

  it('the public portal home page works and lists the agencies', async () => {
    await page.goto(`${base}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('政府信息公开');
    await expect(page.getByRole('link', { name: '政府信息公开年报' }).first().getAttribute('href')).resolves.toBe('/annual-reports');
    await expect(page.locator('.agency-list').textContent()).resolves.toContain('本级人民政府办公室');
  });
});
