/**
 * The foundation through real HTTP handling (Fastify inject) on real SQLite and PostgreSQL:
 * first start, sign-in and lockout, sessions, CSRF, scope, bad input, and the audit chain.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { creditCodeCheckChar } from '../../src/domain/credit-code.js';
import { login } from '../../src/features/accounts/auth.js';
import { deleteIdleSessions } from '../../src/features/accounts/repository.js';
import { verifyAuditLog } from '../../src/features/audit/service.js';
import { ensureInstalled } from '../../src/features/setup/bootstrap.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser, TEST_PASSWORD } from '../factories.js';
import { Browser, testApp } from '../http.js';

async function count(ctx: TestContext, table: 'agencies' | 'users' | 'audit_log' | 'sessions') {
  const row = await ctx.database.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('foundation on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let district: Awaited<ReturnType<typeof makeDistrict>>;

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { adminPassword: 'Initial-Pass-2026' });
    const installed = await ensureInstalled(ctx);
    expect(installed).toEqual({ created: true, username: 'admin', generatedPassword: undefined });
    district = await makeDistrict(ctx);
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('every response carries the security headers: a portal page, a console page, a not-found page', async () => {
    for (const [url, status] of [['/', 200], ['/console/login', 200], ['/no-such-page', 404]] as const) {
      const response = await app.inject({ url });
      expect([url, response.statusCode]).toEqual([url, status]);
      expect(response.headers['content-security-policy']).toContain("default-src 'self';");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('an address with a trailing slash is redirected to the page without it; a missing page stays 404', async () => {
    const slash = await app.inject({ url: '/console/?x=1' });
    expect([slash.statusCode, slash.headers.location]).toEqual([301, '/console?x=1']);
    const deep = await app.inject({ url: '/guide//' });
    expect([deep.statusCode, deep.headers.location]).toEqual([301, '/guide']);
    const missing = await app.inject({ url: '/no-such-page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('您访问的页面不存在');
    // A form post is never redirected (its body would be lost): without a token it is refused.
    const post = await app.inject({ method: 'POST', url: '/console/', payload: {} });
    expect([post.statusCode, post.headers.location]).toEqual([403, undefined]);
  });

  it('the first start creates the government, its office and an administrator only once', async () => {
    expect(await ensureInstalled(ctx)).toEqual({ created: false });
    const agencies = await ctx.database.db.selectFrom('agencies').select(['name', 'kind']).orderBy('id').limit(2).execute();
    expect(agencies).toEqual([
      { name: '本级人民政府', kind: 'government' },
      { name: '本级人民政府办公室', kind: 'office' },
    ]);
  });

  it('the administrator must change the initial password before anything else', async () => {
    const b = new Browser(app);
    const res = await b.login('admin', 'Initial-Pass-2026');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/password');
    expect((await b.get('/console/users')).headers.location).toBe('/console/password');
    const weak = await b.post('/console/password', { currentPassword: 'Initial-Pass-2026', newPassword: 'short', confirmPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('新密码：密码至少10位');
    const ok = await b.post('/console/password', { currentPassword: 'Initial-Pass-2026', newPassword: 'Changed-Pass-2026', confirmPassword: 'Changed-Pass-2026' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/console');
    expect((await b.get('/console/users')).statusCode).toBe(200);
  });

  it('five wrong passwords lock the account for 15 minutes, and every attempt is audited', async () => {
    const user = await makeUser(ctx, { agencyId: district.deptA.id, roles: ['drafter'], username: 'lockme' });
    const b = new Browser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await b.login('lockme', 'Wrong-Password-1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const sixth = await b.login('lockme', TEST_PASSWORD);
    expect(sixth.statusCode).toBe(423);
    expect(sixth.body).toContain('账号已锁定');
    const actions = await ctx.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(user.id)).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.lockedOut', 'auth.loginRefused',
    ]);
    ctx.clock.advanceMinutes(16);
    const later = await b.login('lockme', TEST_PASSWORD);
    expect(later.statusCode).toBe(303);
    expect(later.headers.location).toBe('/console');
  });

  it('a session ends after 30 idle minutes and the session id changes at every login', async () => {
    const b = new Browser(app);
    const first = await b.login('drafter-a');
    const token1 = first.cookies.find((c) => c.name === 'gk_session')!.value;
    expect((await b.get('/console')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(29);
    expect((await b.get('/console')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(31);
    const expired = await b.get('/console');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/console/login?next=%2Fconsole');
    const second = await b.login('drafter-a');
    const token2 = second.cookies.find((c) => c.name === 'gk_session')!.value;
    expect(token2).not.toBe(token1);
  });

  it('sessions idle past the limit are purged by the periodic sweep', async () => {
    // Signed in through the service: the HTTP login is rate-limited per address, and this file logs in often.
    await login(ctx, { input: { username: 'drafter-a', password: TEST_PASSWORD } });
    await login(ctx, { input: { username: 'drafter-b', password: TEST_PASSWORD } });
    const before = await count(ctx, 'sessions');
    expect(before).toBeGreaterThanOrEqual(2);
    ctx.clock.advanceMinutes(31);
    const cutoff = new Date(ctx.clock.now().getTime() - 30 * 60_000).toISOString();
    expect(await deleteIdleSessions(ctx.database.db, cutoff)).toBe(before);
    expect(await count(ctx, 'sessions')).toBe(0);
  });

  it('a form without a valid CSRF token is refused and changes nothing', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const before = await count(ctx, 'agencies');
    const res = await b.post('/console/agencies/new', { name: '无令牌单位', shortName: '无令牌', kind: 'department', parentId: String(district.government.id) }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('页面已过期');
    const forged = await b.post('/console/agencies/new', { name: '伪造令牌单位', shortName: '伪造', kind: 'department', parentId: String(district.government.id) }, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(await count(ctx, 'agencies')).toBe(before);
  });

  it("a drafter cannot read another department's users, by page or by API", async () => {
    const b = new Browser(app);
    await b.login('drafter-a');
    const page = await b.get(`/console/users/${district.drafterB.id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('用户不存在或无权访问');
    const api = await b.api('GET', `/api/v1/users/${district.drafterB.id}`);
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: '用户不存在或无权访问', fields: [] } });
    const other = await b.api('GET', `/api/v1/agencies/${district.deptB.id}`);
    expect(other.statusCode).toBe(404);
  });

  it("an agency administrator cannot touch another department's users", async () => {
    const b = new Browser(app);
    await b.login('admin-a');
    expect((await b.api('POST', `/api/v1/users/${district.drafterB.id}/lock`, {})).statusCode).toBe(404);
    const created = await b.api('POST', '/api/v1/users', { username: 'sneaky', displayName: '越权', agencyId: district.deptB.id, roles: ['drafter'] });
    expect(created.statusCode).toBe(404);
    expect((await ctx.database.db.selectFrom('users').select('id').where('username', '=', 'sneaky').execute()).length).toBe(0);
  });

  it('an office administrator creates a user through the form and gets a one-time password', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    await b.get('/console/users/new');
    const auditBefore = await count(ctx, 'audit_log');
    const res = await b.post('/console/users/new', {
      username: 'wang.fang', displayName: '王芳', agencyId: String(district.deptB.id), roles: ['drafter', 'reviewerFirst'], email: '',
    });
    expect(res.statusCode).toBe(200);
    const otp = /<code>([^<]+)<\/code>/.exec(res.body)?.[1];
    expect(otp).toMatch(/^.{16}$/);
    const user = await ctx.database.db.selectFrom('users').selectAll().where('username', '=', 'wang.fang').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: '王芳', agency_id: district.deptB.id, must_change_password: 1 });
    expect(await count(ctx, 'audit_log')).toBe(auditBefore + 1);
    const fresh = new Browser(app);
    const login = await fresh.login('wang.fang', otp!);
    expect(login.headers.location).toBe('/console/password');
  });

  it('hostile HTML is stored as typed and shown escaped', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    await b.get('/console/agencies/new');
    const name = '<script>alert("x")</script>测试局';
    const res = await b.post('/console/agencies/new', { name, shortName: '<b>短</b>', kind: 'department', parentId: String(district.government.id), sortOrder: '' });
    expect(res.statusCode).toBe(303);
    const list = await b.get('/console/agencies');
    expect(list.body).not.toContain('<script>alert');
    expect(list.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>测试局');
    const stored = await ctx.database.db.selectFrom('agencies').select('name').where('short_name', '=', '<b>短</b>').executeTakeFirstOrThrow();
    expect(stored.name).toBe(name);
  });

  it('SQL in a field is data, and a malformed username is refused with a Chinese message', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const usersBefore = await count(ctx, 'users');
    const res = await b.api('POST', '/api/v1/users', { username: "x'; DROP TABLE users; --", displayName: "'); DELETE FROM agencies; --", agencyId: district.deptA.id, roles: ['drafter'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toEqual([{ field: 'username', message: '账号：只能包含字母、数字、下划线、点和连字符' }]);
    expect(await count(ctx, 'users')).toBe(usersBefore);
    const agency = await b.api('POST', '/api/v1/agencies', { name: "'); DELETE FROM agencies; --", shortName: 'x', kind: 'department', parentId: district.government.id });
    expect(agency.statusCode).toBe(201);
    expect(agency.json().agency.name).toBe("'); DELETE FROM agencies; --");
  });

  it('wrong types, unknown ids, bad credit codes and oversized bodies get stable errors and change nothing', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const agencies = await count(ctx, 'agencies');
    const audit = await count(ctx, 'audit_log');

    const wrongTypes = await b.api('POST', '/api/v1/agencies', { name: 123, shortName: ['x'], kind: 'ministry', parentId: 'abc' });
    expect(wrongTypes.statusCode).toBe(400);
    expect(wrongTypes.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'shortName', 'kind', 'parentId']);
    expect(wrongTypes.json().error.fields[2].message).toBe('单位类型：请选择单位类型');

    const badCode = await b.api('POST', '/api/v1/agencies', { name: '校验码错误局', shortName: '校验', kind: 'department', parentId: district.government.id, creditCode: '91350100M000100Y44' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields).toEqual([{ field: 'creditCode', message: '统一社会信用代码：不是有效的统一社会信用代码（18位，末位校验码须正确，GB 32100）' }]);

    const first17 = '11530399MB1234567';
    const good = await b.api('POST', '/api/v1/agencies', { name: '校验码正确局', shortName: '正确', kind: 'department', parentId: district.government.id, creditCode: first17 + creditCodeCheckChar(first17) });
    expect(good.statusCode).toBe(201);

    expect((await b.api('GET', '/api/v1/agencies/999999')).statusCode).toBe(404);
    expect((await b.api('GET', '/api/v1/agencies/abc')).json().error.code).toBe('NOT_FOUND');
    expect((await b.get('/console/agencies/1e3')).statusCode).toBe(404);
    expect((await b.api('PUT', `/api/v1/agencies/${district.deptA.id}`, 'not an object')).statusCode).toBe(400);

    const huge = await b.api('POST', '/api/v1/agencies', { name: 'x'.repeat(2 * 1024 * 1024), shortName: 'x', kind: 'department' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const form = await app.inject({ method: 'POST', url: '/api/v1/agencies', payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);

    const malformed = await app.inject({ method: 'POST', url: '/api/v1/session', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');

    expect(await count(ctx, 'agencies')).toBe(agencies + 1);
    expect(await count(ctx, 'audit_log')).toBe(audit + 1);
  });

  it('an unknown page is a Chinese 404 and an internal error shows no internals', async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/page' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('您访问的页面不存在');
  });

  it('the audit log is browsable by the office and verifies until a row is edited', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const page = await b.get(`/console/audit?entityType=user&entityId=${district.drafterB.id}`);
    expect(page.statusCode).toBe(200);
    const api = await b.api('GET', '/api/v1/audit?action=auth.lockedOut');
    expect(api.json().total).toBe(1);
    expect(api.json().entries[0].actorName).toBe('用户' + /\d+/.exec((await ctx.database.db.selectFrom('users').select('display_name').where('username', '=', 'lockme').executeTakeFirstOrThrow()).display_name)![0]);

    const drafter = new Browser(app);
    await drafter.login('drafter-a');
    expect((await drafter.get('/console/audit')).statusCode).toBe(403);

    const intact = await verifyAuditLog(ctx.database.db);
    expect(intact.broken).toBeNull();
    const victim = await ctx.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.create').orderBy('seq').executeTakeFirstOrThrow();
    await ctx.database.db.updateTable('audit_log').set({ actor_name: '别人' }).where('seq', '=', victim.seq).execute();
    const broken = await verifyAuditLog(ctx.database.db);
    expect(broken.broken).toMatchObject({ seq: victim.seq, reason: 'content' });
  });
});

describe('rate limits (SQLite)', () => {
  it('refuses the sign-in attempt past the limit with a Chinese message, and a public form likewise', async () => {
    const ctx = await createTestContext('sqlite', { loginRateLimit: 3, publicRateLimit: 2 });
    const app = await testApp(ctx);
    try {
      const b = new Browser(app);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await b.login('nobody', 'Wrong-Password-1')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await b.post('/console/login', { username: 'nobody', password: 'x' });
      expect(limited.statusCode).toBe(429);
      expect(limited.body).toContain('操作过于频繁，请稍后再试');
      const pub = new Browser(app);
      await pub.get('/requests/track');
      const tracks = [];
      for (let i = 0; i < 3; i++) tracks.push((await pub.post('/requests/track', { number: 'x', code: 'y' })).statusCode);
      expect(tracks).toEqual([404, 404, 429]);
    } finally {
      await app.close();
      await ctx.cleanup();
    }
  });
});
