/**
 * The public portal against WCAG 2.1 AA, as axe-core checks it in a real browser: every kind of
 * public page of the demo district, reached by following the portal's own links, in the normal
 * and the larger-text (大字版) mode, and on a phone's narrow screen.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingKey } from '../../src/domain/report/workflow.js';
import { actorFor } from '../../src/features/accounts/auth.js';
import { findUserByUsername } from '../../src/features/accounts/repository.js';
import { fillBlanksWithZero, markChecked, publishReport } from '../../src/features/annual-reports/service.js';
import { loadDemo } from '../../src/features/demo/load-demo.js';
import { fileCitizenRequest, startBrowserSession, type BrowserSession } from '../browser.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 720 };

describe('the portal against WCAG 2.1 AA (axe-core)', () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;
  let axeSource: string;

  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    session = await startBrowserSession(async (ctx) => {
      await loadDemo(ctx);
      // The demo has no published annual report: the education bureau publishes its 2025 report.
      const actor = await actorFor(ctx, (await findUserByUsername(ctx.database.db, 'jtj-admin'))!);
      const opts = { actor, agencyId: actor.agencyId, year: 2025 };
      await fillBlanksWithZero(ctx, opts);
      const { findings } = await markChecked(ctx, opts);
      const explanations = Object.fromEntries(findings.map((f) => [`explain:${findingKey(f)}`, '本年度无此类情况。']));
      await publishReport(ctx, { ...opts, body: { reportDate: '2026-01-15', ...explanations } });
    });
    ({ page, base } = session);
  });
  afterAll(async () => session?.close());

  /**
   * The WCAG 2.1 A and AA violations on the page as it is now: each rule with its first nodes.
   * The page's CSP (script-src 'self') does not apply to what the driver evaluates.
   */
  const violationsHere = async () => {
    await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      WCAG_21_AA,
    );
    return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  };
  const expectAccessibleHere = async (what: string) => {
    expect(await violationsHere(), what).toEqual([]);
  };
  const expectAccessible = async (path: string) => {
    await page.goto(`${base}${path}`);
    await expectAccessibleHere(path);
  };
  /** The address of the first link matching the selector on the page at `path`. */
  const linkOn = async (path: string, selector: string) => {
    await page.goto(`${base}${path}`);
    const href = await page.locator(selector).first().getAttribute('href');
    expect(href, `${selector} on ${path}`).toMatch(/^\//);
    return href!;
  };
  const SEARCH_NORMATIVE = `/search?q=${encodeURIComponent('规范性文件')}`;
  const ITEM_LINK = 'main ol.search-results a[href^="/items/"]';

  it('the home page and the sections in the main navigation', async () => {
    await page.goto(`${base}/`);
    const sections = await page.locator('nav.site-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(sections).toEqual(['/', '/guide', '/rules', '/catalogue', '/annual-reports', '/notices', '/requests/new']);
    for (const path of [...sections, '/requests/log']) await expectAccessible(path);
  });

  it('an agency, its guide and its catalogue, and a column', async () => {
    const agency = await linkOn('/catalogue', 'main h2 a:text-is("青川区教育体育局")');
    await expectAccessible(agency);
    await expectAccessible(await linkOn(agency, 'main a[href^="/guide/"]'));
    await expectAccessible(await linkOn(agency, 'main a[href$="/catalogue"]'));
    await expect(page.locator('main table.data tbody tr').count()).resolves.toBeGreaterThan(10);
    const column = await linkOn(agency, 'main .column-list a:text-is("工作动态")');
    await expectAccessible(column);
    await expect(page.locator('ul.item-list li').count()).resolves.toBeGreaterThan(1);
    // The demo's columns fit on one page; a longer one's next page is audited too.
    const next = page.locator('nav.pager a', { hasText: '下一页' });
    if (await next.count()) await expectAccessible((await next.getAttribute('href'))!);
  });

  it('items: a normative document, its interpretation, an item of a column, and the print view', async () => {
    const normative = await linkOn(`/search?q=${encodeURIComponent('青教体规〔2026〕1号')}`, ITEM_LINK);
    await expectAccessible(normative);
    await expect(page.locator('table.catalogue-data').count()).resolves.toBe(1);
    const interpretation = (await page.locator('#h-int + ul a').first().getAttribute('href'))!;
    await expectAccessible(interpretation);
    await expect(page.getByText('解读文件：').count()).resolves.toBe(1);
    await expectAccessible(`${normative}/print`);
    const agency = await linkOn('/catalogue', 'main h2 a:text-is("青川区教育体育局")');
    const news = await linkOn(agency, 'main .column-list a:text-is("工作动态")');
    await expectAccessible(await linkOn(news, 'ul.item-list a[href^="/items/"]'));
  });

  it('search: results, their second page, no results, and the empty search page', async () => {
    await expectAccessible(SEARCH_NORMATIVE);
    await expect(page.locator(ITEM_LINK).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(await linkOn(`/search?q=${encodeURIComponent('通知')}`, 'nav.pager a[rel="next"]'));
    await expectAccessible(`/search?q=${encodeURIComponent('没有这样的文件')}`);
    await expect(page.locator('main p.empty').textContent()).resolves.toContain('没有找到');
    await expectAccessible('/search');
  });

  it('an annual report', async () => {
    await expectAccessible(await linkOn('/annual-reports', 'main .report-list a[href^="/annual-reports/"]'));
    await expect(page.locator('main article.gk-report table').count()).resolves.toBeGreaterThan(2);
  });

  it('the request form (also with errors), the receipt, and tracking the request', async () => {
    const form = await linkOn('/', 'nav.site-nav a:text-is("依申请公开")');
    await expectAccessible(form);
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.locator('main .errors li').count()).resolves.toBeGreaterThan(0);
    await expectAccessibleHere(`${form} with errors`);

    await page.goto(`${base}${form}`);
    await fileCitizenRequest(page, '　青川区教育体育局');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('申请已提交');
    await expectAccessibleHere('the receipt');
    const code = (await page.locator('dl.receipt dd code').nth(1).textContent())!;

    await expectAccessible((await page.locator('main a[href^="/requests/track"]').getAttribute('href'))!);
    await page.getByLabel('查询码').fill('AAAAAAAA');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('main .errors').count()).resolves.toBe(1);
    await expectAccessibleHere('tracking with a wrong query code');
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('申请办理进度');
    await expectAccessibleHere('the progress of the request');
  });

  it('the not-found pages', async () => {
    await expectAccessible('/no-such-page');
    await expectAccessible('/items/99999999');
  });

  it('the larger-text mode', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: '大字版' }).click();
    await expect(page.evaluate(() => document.documentElement.classList.contains('large-text'))).resolves.toBe(true);
    await expectAccessibleHere('/ (大字版)');
    const item = await linkOn(SEARCH_NORMATIVE, ITEM_LINK);
    await expectAccessible(item);
    await expect(page.evaluate(() => document.documentElement.classList.contains('large-text'))).resolves.toBe(true);
    await page.getByRole('button', { name: '标准字号' }).click();
  });

  it('on a phone’s narrow screen, also with the larger text', async () => {
    /** The text-size switch covers nothing of the site's name, and nothing needs scrolling sideways. */
    const expectNothingCovered = async (what: string) => {
      const layout = await page.evaluate(() => ({
        name: document.querySelector('.site-name a')!.getBoundingClientRect().right,
        button: document.querySelector('.site-header .text-size')!.getBoundingClientRect().left,
        scrollWidth: document.documentElement.scrollWidth,
      }));
      expect(layout.name, what).toBeLessThanOrEqual(layout.button);
      expect(layout.scrollWidth, what).toBeLessThanOrEqual(PHONE.width);
    };
    await page.setViewportSize(PHONE);
    try {
      const item = await linkOn(SEARCH_NORMATIVE, ITEM_LINK);
      for (const path of ['/', item]) {
        await expectAccessible(path);
        await expectNothingCovered(path);
      }
      await page.getByRole('button', { name: '大字版' }).click();
      for (const path of ['/', item]) {
        await expectAccessible(path);
        await expectNothingCovered(`${path} (大字版)`);
      }
      await page.getByRole('button', { name: '标准字号' }).click();
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});
