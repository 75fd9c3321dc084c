/**
 * 政务新媒体 through HTTP on SQLite and PostgreSQL: registering accounts (errors in Chinese,
 * nothing stored), the month grid, closing and reopening, the import of monthly counts (CSV with
 * errors imports nothing; XLSX from the downloaded template), the year's figures for section 一,
 * the office's overview, who may do what, and the JSON API.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMediaFigures } from '../../src/features/new-media/figures.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const listed = (body: string) => [...body.matchAll(/<li>(第\d+行[^<]*)<\/li>/g)].map((m) => m[1]);
/** The field errors listed at the top of a form. */
const listedErrors = (body: string) => [...(/<div class="errors" role="alert">.*?<ul>(.*?)<\/ul>/s.exec(body)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);

describe.each(DIALECTS)('政务新媒体 on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let drafter: Browser;
  let office: Browser;
  const accounts = () => ctx.database.db.selectFrom('new_media_accounts').selectAll().orderBy('id').execute();
  /** The account of a name (青川教育 is on WeChat and on Weibo: the WeChat one). */
  const account = (name: string) =>
    ctx.database.db.selectFrom('new_media_accounts').selectAll().where('name', '=', name).orderBy('id').executeTakeFirstOrThrow();
  const months = async (accountId: number) =>
    (await ctx.database.db.selectFrom('new_media_monthly_items').select(['month', 'items']).where('account_id', '=', accountId).orderBy('month').execute()).map((m) => [m.month, m.items]);
  const auditActions = async () =>
    (await ctx.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'newMedia.%').orderBy('seq').execute()).map((a) => a.action);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    app = await testApp(ctx);
    drafter = new Browser(app);
    await drafter.login('drafter-a');
    office = new Browser(app);
    await office.login('office-admin');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('registers accounts; bad input gets Chinese errors and stores nothing; a name is unique per platform', async () => {
    const empty = await drafter.get('/console/new-media');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('政务新媒体 · 测试区教育局');
    expect(empty.body).toContain('尚未登记政务新媒体账号');
    expect(empty.body).toContain('2026年末运营政务新媒体账号0个（本年新开通0个，关停或整合0个），本年通过政务新媒体平台主动公开信息0条。');
    expect((await drafter.get(`/console/new-media/accounts/new?agencyId=${d.deptA.id}`)).statusCode).toBe(200);

    const base = { agencyId: String(d.deptA.id), platform: 'wechat', operator: '测试区教育局办公室' };
    const bad = await drafter.post('/console/new-media/accounts', { ...base, name: '', openedOn: '2025-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('账号名称：请填写此项');
    expect(bad.body).toContain('开通日期：不是有效的日期（格式 YYYY-MM-DD）');
    const future = await drafter.post('/console/new-media/accounts', { ...base, name: '青川教育', openedOn: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('开通日期：不能晚于今天');
    const noPlatform = await drafter.post('/console/new-media/accounts', { ...base, platform: 'kuaishou', name: '青川教育', openedOn: '2020-01-01' });
    expect(noPlatform.body).toContain('平台：请选择平台');
    expect(await accounts()).toEqual([]);

    const entries = [
      { platform: 'wechat', name: '青川教育', platformAccountId: 'qc_jiaoyu', openedOn: '2018-05-01' },
      { platform: 'weibo', name: '青川教育', platformAccountId: '', openedOn: '2019-03-01' },
      { platform: 'douyin', name: '青川教育发布', platformAccountId: '', openedOn: '2025-06-10' },
    ];
    for (const e of entries) {
      const res = await drafter.post('/console/new-media/accounts', { ...base, ...e });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/console/new-media/accounts/${(await ctx.database.db.selectFrom('new_media_accounts').select('id').where('platform', '=', e.platform as 'wechat').executeTakeFirstOrThrow()).id}`);
    }
    const again = await drafter.post('/console/new-media/accounts', { ...base, name: '青川教育', openedOn: '2021-01-01' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('本单位已登记名为“青川教育”的微信公众号账号');
    expect((await accounts()).map((a) => [a.platform, a.name, a.status, a.platform_account_id])).toEqual([
      ['wechat', '青川教育', 'operating', 'qc_jiaoyu'], ['weibo', '青川教育', 'operating', null], ['douyin', '青川教育发布', 'operating', null],
    ]);
    expect(await auditActions()).toEqual(Array(3).fill('newMedia.account.create'));
  });

  it('the month grid: counts saved, a month to come or before the opening refused with nothing changed, a blank month removed', async () => {
    const wechat = await account('青川教育');
    const douyin = (await accounts()).find((a) => a.platform === 'douyin')!;
    const page = await drafter.get(`/console/new-media/accounts/${wechat.id}?year=2025`);
    expect(page.body).toContain('2025年各月发布条数（合计0条）');
    const grid = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, String(300 + i)]));
    const saved = await drafter.post(`/console/new-media/accounts/${wechat.id}/months`, { year: '2025', ...grid });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/console/new-media/accounts/${wechat.id}?year=2025`);
    expect((await drafter.get(`/console/new-media/accounts/${wechat.id}?year=2025`)).body).toContain('2025年各月发布条数（合计3,666条）');

    const notANumber = await drafter.post(`/console/new-media/accounts/${douyin.id}/months`, { year: '2025', m6: '4', m7: 'x' });
    expect(notANumber.statusCode).toBe(400);
    expect(listedErrors(notANumber.body)).toEqual(['7月发布条数：应为不小于0的整数']);
    expect(notANumber.body).toContain('name="m7" inputmode="numeric" maxlength="9" value="x"');
    const tooEarly = await drafter.post(`/console/new-media/accounts/${douyin.id}/months`, { year: '2025', m5: '3', m6: '4' });
    expect(tooEarly.statusCode).toBe(400);
    expect(listedErrors(tooEarly.body)).toEqual(['5月发布条数：账号于2025-06-10开通，2025年5月尚未开通']);
    const toCome = await drafter.post(`/console/new-media/accounts/${wechat.id}/months`, { year: '2026', m1: '20', m4: '5' });
    expect(toCome.statusCode).toBe(400);
    expect(toCome.body).toContain('4月发布条数：2026年4月尚未结束，不能填写今后月份的发布条数');
    expect(await months(douyin.id)).toEqual([]);

    expect((await drafter.post(`/console/new-media/accounts/${douyin.id}/months`, { year: '2025', m6: '10', m7: '12', m8: '' })).statusCode).toBe(303);
    expect((await drafter.post(`/console/new-media/accounts/${wechat.id}/months`, { year: '2025', m12: '' })).statusCode).toBe(303);
    expect(await months(douyin.id)).toEqual([['2025-06', 10], ['2025-07', 12]]);
    expect((await months(wechat.id)).length).toBe(11);
    const list = await drafter.get(`/console/new-media?year=2025`);
    expect(list.body).toContain('2025年末运营政务新媒体账号3个（本年新开通1个，关停或整合0个），本年通过政务新媒体平台主动公开信息3,377条。');
    expect(await auditActions()).toEqual([...Array(3).fill('newMedia.account.create'), 'newMedia.months.save', 'newMedia.months.save', 'newMedia.months.save']);
  });

  it('closing (关停, 整合) with its date and reason; a wrong date refused; reopening an account closed by mistake', async () => {
    const weibo = (await accounts()).find((a) => a.platform === 'weibo')!;
    const before = await drafter.post(`/console/new-media/accounts/${weibo.id}/close`, { status: 'closed', closedOn: '2019-01-01', reason: '整合' });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('关停（整合）日期：不能早于开通日期2019-03-01');
    const noReason = await drafter.post(`/console/new-media/accounts/${weibo.id}/close`, { status: 'merged', closedOn: '2025-09-30', reason: '' });
    expect(noReason.body).toContain('原因：请填写此项');
    expect((await account('青川教育')).status).toBe('operating');

    const merged = await drafter.post(`/console/new-media/accounts/${weibo.id}/close`, { status: 'merged', closedOn: '2025-09-30', reason: '并入“青川发布”微博账号' });
    expect(merged.statusCode).toBe(303);
    const page = await drafter.get(`/console/new-media/accounts/${weibo.id}`);
    expect(page.body).toContain('已整合（2025-09-30）');
    expect(page.body).toContain('并入“青川发布”微博账号');
    const twice = await drafter.post(`/console/new-media/accounts/${weibo.id}/close`, { status: 'closed', closedOn: '2025-10-30', reason: '再关一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('该账号已于2025-09-30已整合，不能再次登记关停或整合');
    const after = await drafter.post(`/console/new-media/accounts/${weibo.id}/months`, { year: '2025', m9: '5', m10: '3' });
    expect(after.body).toContain('10月发布条数：账号已于2025-09-30关停或整合，2025年10月不再运营');

    expect((await drafter.post(`/console/new-media/accounts/${weibo.id}/reopen`)).statusCode).toBe(303);
    expect((await accounts()).find((a) => a.id === weibo.id)).toMatchObject({ status: 'operating', closed_on: null, close_reason: null });
    expect((await drafter.post(`/console/new-media/accounts/${weibo.id}/close`, { status: 'merged', closedOn: '2025-09-30', reason: '并入“青川发布”微博账号' })).statusCode).toBe(303);
    expect((await auditActions()).slice(-3)).toEqual(['newMedia.account.close', 'newMedia.account.reopen', 'newMedia.account.close']);
  });

  it('imports monthly counts: a CSV with errors imports nothing and lists every error; then a good CSV, then the XLSX template filled in', async () => {
    const wechat = await account('青川教育');
    const douyin = (await accounts()).find((a) => a.platform === 'douyin')!;
    const page = await drafter.get(`/console/new-media/import?agencyId=${d.deptA.id}&year=2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('导入发布条数');

    const bad = '\ufeff账号名称,平台,月份,发布条数\r\n青川教育,,2025-01,30\r\nqc_jiaoyu,,2025年2月,abc\r\n青川教育发布,抖音,2025-05,8\r\n';
    const refused = await drafter.upload('/console/new-media/import', { agencyId: String(d.deptA.id) }, { name: '发布条数.csv', content: bad });
    expect(refused.statusCode).toBe(400);
    expect(listed(refused.body)).toEqual([
      '第2行：有2个名为“青川教育”的账号（微信公众号、微博），请在“平台”列注明',
      '第3行：发布条数“abc”应为不小于0的整数',
      '第4行：“青川教育发布”账号于2025-06-10开通，2025年5月尚未开通',
    ]);
    expect(refused.body).toContain('文件“发布条数.csv”有3处错误，未导入任何一行（共3行数据）');
    expect(await months(douyin.id)).toEqual([['2025-06', 10], ['2025-07', 12]]);

    const good = '\ufeff账号名称,平台,月份,发布条数\r\n青川教育,微信,2025-01,30\r\nqc_jiaoyu,,2025年12月,41\r\n青川教育发布,抖音,2025-08,8\r\n';
    const imported = await drafter.upload('/console/new-media/import', { agencyId: String(d.deptA.id) }, { name: '发布条数.csv', content: good });
    expect(imported.statusCode).toBe(303);
    expect((await drafter.get(String(imported.headers.location))).body).toContain('已导入3行（2个账号），其中3行的条数有变化');
    expect((await months(wechat.id)).slice(0, 1)).toEqual([['2025-01', 30]]);
    expect((await months(wechat.id)).slice(-1)).toEqual([['2025-12', 41]]);

    // The template lists each account's months of the year it operated in; a clerk fills some counts.
    const template = await drafter.get(`/console/new-media/import/template.xlsx?agencyId=${d.deptA.id}&year=2025`);
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发布条数')!;
    const rows: Array<[string, string, string]> = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(1).value), String(row.getCell(2).value), String(row.getCell(3).value)]);
    });
    // WeChat 12 months, Weibo January–September (merged on 30 September), Douyin June–December.
    expect(rows.length).toBe(12 + 9 + 7);
    expect(rows.filter((r) => r[1] === '微博').map((r) => r[2]).slice(-1)).toEqual(['2025-09']);
    expect(rows.filter((r) => r[1] === '抖音')[0]).toEqual(['青川教育发布', '抖音', '2025-06']);
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value === '抖音') row.getCell(4).value = 20;
    });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await drafter.upload('/console/new-media/import', { agencyId: String(d.deptA.id) }, { name: '模板.xlsx', content: filled });
    expect(fromXlsx.statusCode).toBe(303);
    expect(await months(douyin.id)).toEqual(['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((m) => [m, 20]));
    expect((await auditActions()).slice(-2)).toEqual(['newMedia.months.import', 'newMedia.months.import']);

    const notAFile = await drafter.upload('/console/new-media/import', { agencyId: String(d.deptA.id) }, { name: 'x.csv', content: '名称,数量\r\n1,2\r\n' });
    expect(notAFile.statusCode).toBe(400);
    expect(notAFile.body).toContain('找不到表头');
  });

  it('the year’s figures for section 一, for one agency and the district; the office’s overview', async () => {
    const db = ctx.database.db;
    // deptB has one account opened in 2024 and shut down in 2025, with items in 2025.
    const b = new Browser(app);
    await b.login('drafter-b');
    expect((await b.post('/console/new-media/accounts', { agencyId: String(d.deptB.id), platform: 'toutiao', name: '青川财政', operator: '测试区财政局', openedOn: '2024-02-01' })).statusCode).toBe(303);
    const caizheng = await account('青川财政');
    expect((await b.post(`/console/new-media/accounts/${caizheng.id}/months`, { year: '2025', m1: '7', m2: '8' })).statusCode).toBe(303);
    expect((await b.post(`/console/new-media/accounts/${caizheng.id}/close`, { status: 'closed', closedOn: '2025-03-01', reason: '长期无更新，予以关停' })).statusCode).toBe(303);

    const stored = await db.selectFrom('new_media_monthly_items as m').innerJoin('new_media_accounts as a', 'a.id', 'm.account_id').select(['a.agency_id', 'm.items', 'm.month']).execute();
    const sum = (agencyId: number) => stored.filter((r) => r.agency_id === agencyId && r.month.startsWith('2025')).reduce((s, r) => s + r.items, 0);
    // deptA in 2025: WeChat 300 … 310 entered (December cleared), January replaced by 30 and December 41 imported
    // = 3,126; Douyin June–December 20 each = 140.
    expect(sum(d.deptA.id)).toBe(3266);
    expect(await newMediaFigures(db, [d.deptA.id], 2025)).toEqual({
      accounts: 2, opened: 1, closed: 1, itemsPublished: sum(d.deptA.id), byPlatform: { wechat: 1, weibo: 0, douyin: 1, toutiao: 0, app: 0, other: 0 },
    });
    expect(await newMediaFigures(db, [d.government.id, d.office.id, d.deptA.id, d.deptB.id], 2025)).toEqual({
      accounts: 2, opened: 1, closed: 2, itemsPublished: sum(d.deptA.id) + 15, byPlatform: { wechat: 1, weibo: 0, douyin: 1, toutiao: 0, app: 0, other: 0 },
    });
    expect(await newMediaFigures(db, [d.deptA.id, d.deptB.id], 2024)).toEqual({
      accounts: 3, opened: 1, closed: 0, itemsPublished: 0, byPlatform: { wechat: 1, weibo: 1, douyin: 0, toutiao: 1, app: 0, other: 0 },
    });

    const overview = await office.get('/console/new-media/overview?year=2025');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(`合计：2025年末运营政务新媒体账号2个（本年新开通1个，关停或整合2个），本年通过政务新媒体平台主动公开信息${(sum(d.deptA.id) + 15).toLocaleString('zh-CN')}条。`);
    expect(overview.body).toContain(`<td>2</td><td>1</td><td>1</td><td>${sum(d.deptA.id).toLocaleString('zh-CN')}</td>`);
    expect(overview.body).toContain('<td>0</td><td>0</td><td>1</td><td>15</td>');
  });

  it('who may do what: other agencies see nothing, the auditor reads without editing, the office edits every agency', async () => {
    const wechat = await account('青川教育');
    const b = new Browser(app);
    await b.login('drafter-b');
    expect((await b.get(`/console/new-media/accounts/${wechat.id}`)).statusCode).toBe(404);
    expect((await b.get(`/console/new-media?agencyId=${d.deptA.id}`)).statusCode).toBe(404);
    expect((await b.post(`/console/new-media/accounts/${wechat.id}/months`, { year: '2025', m1: '1' })).statusCode).toBe(404);

    const auditor = new Browser(app);
    await auditor.login('auditor');
    const seen = await auditor.get(`/console/new-media/accounts/${wechat.id}?year=2025`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('保存各月条数');
    const refused = await auditor.post(`/console/new-media/accounts/${wechat.id}/months`, { year: '2025', m1: '1' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('无权修改该单位的政务新媒体登记');

    expect((await office.post(`/console/new-media/accounts/${wechat.id}`, { platform: 'wechat', name: '青川教育', platformAccountId: 'qc_jiaoyu', operator: '测试区教育局宣传科', openedOn: '2018-05-01' })).statusCode).toBe(303);
    expect((await account('青川教育')).operator).toBe('测试区教育局宣传科');
  });

  it('the JSON API: stable error codes, accounts, months, the import of rows and the figures', async () => {
    const api = new Browser(app);
    await api.login('drafter-a');
    const invalid = await api.api('POST', '/api/v1/new-media/accounts', { agencyId: d.deptA.id, platform: 'app', name: '', operator: 'x', openedOn: '2025-01-01' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.fields).toEqual([{ field: 'name', message: '账号名称：请填写此项' }]);
    const outside = await api.api('POST', '/api/v1/new-media/accounts', { agencyId: d.deptB.id, platform: 'app', name: '青川财政App', operator: 'x', openedOn: '2025-01-01' });
    expect(outside.json().error.code).toBe('NOT_FOUND');

    const created = await api.api('POST', '/api/v1/new-media/accounts', { agencyId: d.deptA.id, platform: 'app', name: '青川教育App', operator: '测试区教育局', openedOn: '2025-11-15' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const put = await api.api('PUT', `/api/v1/new-media/accounts/${id}/months`, { year: 2025, m11: 4, m12: '6' });
    expect(put.json()).toEqual({ months: [{ month: '2025-11', items: 4 }, { month: '2025-12', items: 6 }] });
    const cleared = await api.api('PUT', `/api/v1/new-media/accounts/${id}/months`, { year: 2025, m11: null });
    expect(cleared.json()).toEqual({ months: [{ month: '2025-12', items: 6 }] });

    const rowsBad = await api.api('POST', '/api/v1/new-media/monthly-items', { agencyId: d.deptA.id, rows: [{ account: '青川教育App', month: '2025-12', items: 7 }, { account: '青川教育App', month: '2025-10', items: 1 }] });
    expect(rowsBad.statusCode).toBe(400);
    expect(rowsBad.json().error.fields).toEqual([{ field: 'rows.1', message: '第2条：“青川教育App”账号于2025-11-15开通，2025年10月尚未开通' }]);
    const rowsGood = await api.api('POST', '/api/v1/new-media/monthly-items', { agencyId: d.deptA.id, rows: [{ account: '青川教育App', platform: '客户端', month: '2025-12', items: 7 }] });
    expect(rowsGood.json()).toEqual({ ok: true, written: 1, changed: 1, accounts: 1 });

    const detail = await api.api('GET', `/api/v1/new-media/accounts/${id}?year=2025`);
    expect(detail.json().months.map((m: { month: string; items: number }) => [m.month, m.items])).toEqual([['2025-12', 7]]);
    const figures = await api.api('GET', `/api/v1/new-media/figures?agencyId=${d.deptA.id}&year=2025`);
    expect(figures.json().figures).toMatchObject({ accounts: 3, opened: 2, closed: 1 });
    const closed = await api.api('POST', `/api/v1/new-media/accounts/${id}/close`, { status: 'closed', closedOn: '2025-11-30', reason: '试运行结束' });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.fields).toEqual([{ field: 'closedOn', message: '关停（整合）日期：2025年12月已填报发布条数7条，关停日期不能早于该月' }]);

    const openapi = (await api.api('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
    for (const path of ['/api/v1/new-media/accounts', '/api/v1/new-media/figures', '/api/v1/trainings', '/api/v1/trainings/figures', '/api/v1/assessment/sheet', '/api/v1/assessment/items/{id}/scores']) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
    expect(Object.keys(openapi.paths['/api/v1/new-media/accounts/{id}/months']!.put!.requestBody!.content['application/json']!.schema.properties)).toEqual(['year', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12']);
  });
});
