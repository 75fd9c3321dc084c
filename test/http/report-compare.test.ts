/**
 * The year-over-year page of an agency's annual reports (on SQLite and PostgreSQL): its three
 * charts are drawn on the server as accessible SVG (ECharts is loaded on the page's first use),
 * and another agency's reports stay out of reach.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/features/accounts/auth.js';
import { findUserByUsername } from '../../src/features/accounts/repository.js';
import { fillBlanksWithZero } from '../../src/features/annual-reports/service.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';
import { signedIn, testApp } from '../http.js';

describe.each(DIALECTS)('comparing an agency’s annual reports on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    const actor = await actorFor(ctx, (await findUserByUsername(ctx.database.db, 'admin-a'))!);
    for (const year of [2024, 2025]) await fillBlanksWithZero(ctx, { actor, agencyId: d.deptA.id, year });
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('draws the three charts as SVG with their figures in the label', async () => {
    const admin = await signedIn(app, 'admin-a');
    const page = await admin.get(`/console/reports/${d.deptA.id}/compare`);
    expect(page.statusCode).toBe(200);
    const svgs = [...page.body.matchAll(/<svg\b[^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toContain('role="img"');
    expect([...page.body.matchAll(/<svg\b[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]!.split('：')[0])).toEqual(['依申请公开办理情况（件）', '申请办理结果（件）', '行政规范性文件情况（件）']);
  });

  it('does not show another agency’s reports to its staff', async () => {
    const drafterB = await signedIn(app, 'drafter-b');
    const page = await drafterB.get(`/console/reports/${d.deptA.id}/compare`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('<svg');
  });
});
