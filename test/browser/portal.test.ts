/**
 * The public portal as a member of the public uses it, with the keyboard only: skip to the
 * content, find a normative document by words and by its 文号, open it, browse an agency's
 * catalogue, and read a column's RSS feed. On the demo district.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/load-demo.js';
import { startBrowserSession, type BrowserSession } from '../browser.js';

describe('the portal with the keyboard only', () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    session = await startBrowserSession(async (ctx) => {
      await loadDemo(ctx);
    });
    ({ page, base } = session);
  });
  afterAll(async () => session?.close());

  /** Presses Tab until the focused element matches, as a keyboard user would. */
  const tabTo = async (matches: (el: { tag: string; text: string; id: string }) => boolean, limit = 400) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.textContent ?? '').trim(), id: a?.id ?? '' };
      });
      if (matches(el)) return el;
    }
    throw new Error('not reached with Tab');
  };

  it('skips to the content, searches by words and by 文号, and opens the document', async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await tabTo((el) => el.id === 'site-search-q');
    await page.keyboard.type('规范性文件');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?/);
    await expect(page.locator('main').textContent()).resolves.toContain('共11条');

    // A second search from the home page's (empty) header box.
    await page.goto(`${base}/`);
    await tabTo((el) => el.id === 'site-search-q');
    await page.keyboard.type('青教体规〔2026〕1号');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('青教体规〔2026〕1号');
    const first = page.locator('main ol li a').first();
    await expect(first.textContent()).resolves.toBe('青川区教育体育局关于规范行政执法裁量权的实施办法');
    await tabTo((el) => el.tag === 'a' && el.text === '青川区教育体育局关于规范行政执法裁量权的实施办法');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/\d+$/);
    await expect(page.locator('table.catalogue-data').textContent()).resolves.toContain('青教体规〔2026〕1号');
    await expect(page.getByRole('heading', { level: 2, name: '政策解读' }).count()).resolves.toBe(1);
  });

  it('browses an agency’s catalogue and reads a column’s RSS feed', async () => {
    await page.goto(`${base}/catalogue`);
    await tabTo((el) => el.tag === 'a' && el.text === '青川区大坡乡人民政府');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agencies\/\d+$/);
    await tabTo((el) => el.tag === 'a' && el.text === '政府信息公开目录');
    await page.keyboard.press('Enter');
    await expect(page.locator('main p').nth(1).textContent()).resolves.toContain('共16条');
    await page.goBack();
    await tabTo((el) => el.tag === 'a' && el.text === '工作动态');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/columns\/\d+$/);
    const feedUrl = await page.getByRole('link', { name: 'RSS订阅' }).getAttribute('href');
    const feed = await page.request.get(`${base}${feedUrl}`);
    expect(feed.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect((await feed.text()).match(/<item>/g)).toHaveLength(8);
  });
});
