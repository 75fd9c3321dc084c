/**
 * Browser tests: a real server on loopback and Debian's chromium driven by playwright-core
 * (which never downloads a browser of its own).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { createTestContext, type TestContext } from './db.js';

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

/**
 * A SQLite installation served on a free loopback port, and a browser page. The clock is the
 * real one: the browser's session must not expire against a fake time.
 */
export async function startBrowserSession(setup: (ctx: TestContext) => Promise<void>, config: Partial<Config> = {}): Promise<BrowserSession> {
  const ctx = await createTestContext('sqlite', config);
  ctx.clock = { now: () => new Date(), advance() {}, advanceMinutes() {} } as unknown as TestContext['clock'];
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
