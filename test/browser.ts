/**
 * Browser tests: a real server on loopback and Debian's chromium driven by playwright-core
 * (which never downloads a browser of its own).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { vi } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { createTestContext, type TestContext } from './db.js';

// A browser test walks through dozens of pages (three reviewers signing in and deciding, say):
// 15–20 s on an idle machine of two cores, over 30 s when the machine is busy. Every file that
// drives chromium imports this module, so this is where their time limit is set.
vi.setConfig({ testTimeout: 90_000 });

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface BrowserSession {
  ctx: TestContext;
  app: FastifyInstance;
  browser: Browser;
  page: Page;
  base: string;
  close(): Promise<void>;
}

/** Where the browser tests' clock starts: a date the seeded working-day calendar covers. */
export const BROWSER_CLOCK_START = new Date('2026-03-02T02:00:00.000Z');

/**
 * A SQLite installation served on a free loopback port, and a browser page. The clock starts at
 * a fixed date and runs in real time, so that sessions age as they really do while due dates
 * stay inside the years the calendar covers whenever the tests run.
 */
export async function startBrowserSession(setup: (ctx: TestContext) => Promise<void>, config: Partial<Config> = {}): Promise<BrowserSession> {
  const ctx = await createTestContext('sqlite', config);
  const started = Date.now();
  ctx.clock = { now: () => new Date(BROWSER_CLOCK_START.getTime() + (Date.now() - started)), advance() {}, advanceMinutes() {} } as unknown as TestContext['clock'];
  await setup(ctx);
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  return {
    ctx, app, browser, page, base,
    close: async () => {
      await browser.close();
      await app.close();
      await ctx.cleanup();
    },
  };
}

/**
 * Fills the public request form on `page` as a citizen (赵敏, asking for a school-zoning plan
 * online) addressed to `agency` (its label in the list, with the tree's indent), and submits it.
 */
export async function fileCitizenRequest(page: Page, agency: string): Promise<void> {
  await page.getByLabel('向哪个机关申请').selectOption({ label: agency });
  await page.getByLabel('申请人类型').selectOption({ label: '公民（自然人）' });
  await page.getByLabel('姓名或名称').fill('赵敏');
  await page.getByLabel('证件类型（公民填写）').selectOption({ label: '居民身份证' });
  await page.getByLabel('证件号码（公民填写）').fill('11010519491231002X');
  await page.getByLabel('联系电话').fill('13800000000');
  await page.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill('本区2025年义务教育学校招生划片方案');
  await page.getByLabel('获取信息的形式').selectOption({ label: '电子数据' });
  await page.getByLabel('获取信息的方式').selectOption({ label: '网上查看' });
  await page.getByRole('button', { name: '提交申请' }).click();
}
