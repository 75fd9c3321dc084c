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
