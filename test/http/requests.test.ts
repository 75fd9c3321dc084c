/**
 * Disclosure on request through HTTP on SQLite and PostgreSQL: the public form, confirmation of
 * receipt, the statutory clock through clarification, consultation, extension and a fee, the
 * decision and reply, tracking by the requester, and the rules that refuse a wrong step.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const PERSON = {
  requesterKind: 'naturalPerson', requesterName: '王小明', idType: 'idCard', idNumber: '11010519491231002X',
  phone: '0874-1234567', email: '', address: '青川区龙华街道1号', description: '申请公开2025年青川区教育局校舍维修项目的招标文件及中标结果',
  preferredForm: 'electronic', deliveryWay: 'online',
};

describe.each(DIALECTS)('disclosure on request on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler'], username: 'handler-a' });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestApprover'], username: 'head-a' });
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('the public form refuses bad input in Chinese, a filled honeypot, and accepts a proper request', async () => {
    const pub = new Browser(app);
    await pub.get('/requests/new');
    const bad = await pub.post('/requests/new', { ...PERSON, agencyId: String(d.deptA.id), idNumber: '110105194912310021', description: '要' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('证件号码：不是有效的居民身份证号码（末位校验码不符）');
    expect(bad.body).toContain('所需政府信息的描述：请具体描述所需政府信息（至少5个字）');
    const bot = await pub.post('/requests/new', { ...PERSON, agencyId: String(d.deptA.id), website: 'http://spam' });
    expect(bot.statusCode).toBe(400);
    expect(await ctx.database.db.selectFrom('requests').selectAll().execute()).toEqual([]);

    const ok = await pub.post('/requests/new', { ...PERSON, agencyId: String(d.deptA.id) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('申请已提交');
    const number = /受理编号<\/dt><dd><code>([^<]+)</.exec(ok.body)![1]!;
    const code = /查询码<\/dt><dd><code>([^<]+)</.exec(ok.body)![1]!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    const wrong = await pub.post('/requests/track', { number, code: 'AAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('受理编号或查询码不正确');
    const track = await pub.post('/requests/track', { number, code });
    expect(track.statusCode).toBe(200);
    expect(track.body).toContain('已提交，待受理确认');
  });

  it('walks a request through clarification, consultation, extension, a fee, decision and reply', async () => {
    const row = await ctx.database.db.selectFrom('requests').selectAll().executeTakeFirstOrThrow();
    const handler = new Browser(app);
    await handler.login('handler-a');
    const step = (input: Record<string, unknown>) => handler.api('POST', `/api/v1/requests/${row.id}/events`, input);

    // Confirmed on Monday 2026-02-02: 02-03…02-13 are days 1–9, Saturday 02-14 (make-up) day 10, 春节 02-15…02-23
    // off, 02-24…02-27 days 11–14, Saturday 02-28 (make-up) day 15, 03-02…03-06 days 16–20.
    expect((await step({ type: 'registered', on: '2026-02-02' })).json()).toMatchObject({ state: 'registered', dueDate: '2026-03-06' });
    const clar = await step({ type: 'clarificationRequested', on: '2026-02-04', items: '请说明所需招标文件对应的项目名称' });
    expect(clar.json()).toMatchObject({ state: 'awaitingClarification', dueDate: null });
    const again = await step({ type: 'clarificationRequested', on: '2026-02-05', items: '再次补正' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('补正');
    // The period restarts on the day the clarified request arrives (第三十条): from Friday 02-06,
    // 02-09…02-13 are days 1–5, 02-14 day 6, 02-24…02-28 days 7–11, 03-02…03-06 days 12–16, 03-09…03-12 days 17–20.
    expect((await step({ type: 'clarified', on: '2026-02-06' })).json()).toMatchObject({ state: 'registered', dueDate: '2026-03-12' });

    const refusedExtension = await step({ type: 'extended', on: '2026-02-10', days: 10, reason: '需要调取档案' });
    expect(refusedExtension.statusCode).toBe(403);

    await step({ type: 'consultationStarted', on: '2026-02-10', party: 'thirdParty', with: '某建设公司' });
    expect((await step({ type: 'consultationEnded', on: '2026-02-13', opinion: '不同意公开报价明细' })).json().state).toBe('registered');

    const head = new Browser(app);
    await head.login('head-a');
    const ext = await head.api('POST', `/api/v1/requests/${row.id}/events`, { type: 'extended', on: '2026-02-26', days: 10, reason: '涉及第三方，需要进一步核实' });
    expect(ext.statusCode).toBe(200);
    const tooLong = await head.api('POST', `/api/v1/requests/${row.id}/events`, { type: 'extended', on: '2026-02-26', days: 5, reason: '再次延期' });
    expect(tooLong.statusCode).toBe(409);

    const fee = await step({ type: 'feeNoticed', on: '2026-02-27', method: 'perPage', pages: 45 });
    expect(fee.json().state).toBe('awaitingPayment');
    const feeEvent = await ctx.database.db.selectFrom('request_events').select('data').where('type', '=', 'feeNoticed').executeTakeFirstOrThrow();
    // 45 pages: pages 31–45 at 10 元 = 150 元; 20 working days to pay: Saturday 02-28 (make-up) is day 1, 03-26 day 20.
    expect(JSON.parse(feeEvent.data)).toMatchObject({ amountYuan: 150, method: 'perPage', dueBy: '2026-03-26' });
    await step({ type: 'feePaid', on: '2026-03-02' });

    const decided = await step({ type: 'decided', on: '2026-03-02', outcome: 'partial', articles: '第十五条，第三十七条', reason: '报价明细涉及第三方商业秘密', withheldParts: '投标报价明细' });
    expect(decided.json().state).toBe('decided');
    const replied = await step({ type: 'replied', on: '2026-03-02', letterNumber: '测教依复〔2026〕1号', delivery: '网上查看' });
    expect(replied.json()).toMatchObject({ state: 'replied', outcome: 'partial', handledOn: '2026-03-02' });

    const detail = await handler.get(`/console/requests/${row.id}`);
    expect(detail.body).toContain('已答复');
    expect(detail.body).toContain('部分公开');
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'request').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'request.submit', 'request.registered', 'request.clarificationRequested', 'request.clarified', 'request.consultationStarted',
      'request.consultationEnded', 'request.extended', 'request.feeNoticed', 'request.feePaid', 'request.decided', 'request.replied',
    ]);
  });

  it('staff register a request received by registered post, dated by its signature (第三十一条)', async () => {
    const handler = new Browser(app);
    await handler.login('handler-a');
    await handler.get('/console/requests/new');
    const missing = await handler.post('/console/requests/new', { ...PERSON, agencyId: String(d.deptA.id), channel: 'postSigned', submittedOn: '', signedOn: '', confirmedOn: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('签收日期');
    const res = await handler.post('/console/requests/new', { ...PERSON, agencyId: String(d.deptA.id), channel: 'postSigned', submittedOn: '', signedOn: '2026-02-27', confirmedOn: '' });
    expect(res.statusCode).toBe(303);
    const created = await ctx.database.db.selectFrom('requests').selectAll().where('channel', '=', 'postSigned').executeTakeFirstOrThrow();
    // Signed for on Friday 02-27: Saturday 02-28 is a make-up working day (day 1), so day 20 is 03-26.
    expect(created).toMatchObject({ received_on: '2026-02-27', state: 'registered', due_date: '2026-03-26' });
    // The same person asked for the same information online before: flagged as a possible repeat.
    const detail = await handler.get(`/console/requests/${created.id}`);
    expect(detail.body).toContain('同一申请人此前提出过相似的申请');
    expect(detail.body).toContain('相似度100%');
  });

  it('the reply letter is drafted from the template, signed with its number, and sending it records the reply', async () => {
    const row = await ctx.database.db.selectFrom('requests').selectAll().where('channel', '=', 'postSigned').executeTakeFirstOrThrow();
    const handler = new Browser(app);
    await handler.login('handler-a');
    await handler.api('POST', `/api/v1/requests/${row.id}/events`, { type: 'decided', on: '2026-03-02', outcome: 'granted', articles: '第三十六条第（二）项', reason: '属于可以公开的政府信息' });
    await handler.get(`/console/requests/${row.id}`);
    const drafted = await handler.post(`/console/requests/${row.id}/letters`, { kind: 'granted' });
    expect(drafted.statusCode).toBe(303);
    const page = await handler.get(`/console/requests/${row.id}`);
    expect(page.body).toContain('政府信息予以公开告知书');
    expect(page.body).toContain('三（一） 予以公开');
    const missing = [...page.body.matchAll(/name="v:([A-Za-z]+)"/g)].map((m) => m[1]);
    expect(missing.length).toBeGreaterThan(0);
    const refused = await handler.post(`/console/requests/${row.id}/letters/1/approve`);
    expect(refused.statusCode).toBe(403);
    const values = Object.fromEntries(missing.map((name) => [`v:${name}`, name === 'contactPhone' ? '0874-1234567' : `测试${name}`]));
    await handler.post(`/console/requests/${row.id}/letters`, { kind: 'granted', ...values });
    const letter = await ctx.database.db.selectFrom('request_letters').selectAll().where('request_id', '=', row.id).executeTakeFirstOrThrow();
    expect(letter.paragraphs).not.toContain('【未填写');

    const head = new Browser(app);
    await head.login('head-a');
    await head.get(`/console/requests/${row.id}`);
    expect((await head.post(`/console/requests/${row.id}/letters/${letter.id}/approve`)).statusCode).toBe(303);
    const approved = await ctx.database.db.selectFrom('request_letters').selectAll().where('id', '=', letter.id).executeTakeFirstOrThrow();
    expect(approved).toMatchObject({ status: 'approved', number: '测试区教育局依复〔2026〕1号', approved_by: '用户' + approved.approved_by!.slice(2) });

    await handler.get(`/console/requests/${row.id}`);
    expect((await handler.post(`/console/requests/${row.id}/letters/${letter.id}/send`)).statusCode).toBe(303);
    const after = await ctx.database.db.selectFrom('requests').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ state: 'replied', outcome: 'granted', handled_on: '2026-03-02' });
    const reply = await ctx.database.db.selectFrom('request_events').select('data').where('request_id', '=', row.id).where('type', '=', 'replied').executeTakeFirstOrThrow();
    expect(JSON.parse(reply.data)).toEqual({ letterNumber: '测试区教育局依复〔2026〕1号', delivery: '网上查看' });

    const docx = await handler.get(`/console/requests/${row.id}/letters/${letter.id}/docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the head publishes a handled request in the public log, without the requester', async () => {
    const row = await ctx.database.db.selectFrom('requests').selectAll().where('state', '=', 'replied').orderBy('id').executeTakeFirstOrThrow();
    const handler = new Browser(app);
    await handler.login('handler-a');
    expect((await handler.post(`/console/requests/${row.id}/public-log`, { visible: '1' }, { csrf: null })).statusCode).toBe(403);
    await handler.get(`/console/requests/${row.id}`);
    expect((await handler.post(`/console/requests/${row.id}/public-log`, { visible: '1' })).statusCode).toBe(403);
    const head = new Browser(app);
    await head.login('head-a');
    await head.get(`/console/requests/${row.id}`);
    expect((await head.post(`/console/requests/${row.id}/public-log`, { visible: '1' })).statusCode).toBe(303);
    const log = await app.inject({ method: 'GET', url: '/requests/log' });
    expect(log.body).toContain('申请公开2025年青川区教育局校舍维修项目的招标文件及中标结果');
    expect(log.body).toContain('三（二） 部分公开');
    expect(log.body).not.toContain('王小明');
    expect(log.body).not.toContain('11010519491231002X');
  });

  it('the disclosure guide states how to request and the office contacts (第十二条)', async () => {
    const admin = new Browser(app);
    await admin.login('office-admin');
    const put = await admin.api('PUT', `/api/v1/agencies/${d.deptA.id}`, {
      name: '测试区教育局', shortName: '测试区教育局', kind: 'department', parentId: d.government.id,
      officeName: '办公室', officeAddress: '测试区人民路1号', officeHours: '工作日9:00—17:00', postalCode: '655000', phone: '0874-1111111', fax: '0874-2222222', email: 'jyj@example.gov.cn', website: 'https://jyj.example.gov.cn',
    });
    expect(put.statusCode).toBe(200);
    const badPostal = await admin.api('PUT', `/api/v1/agencies/${d.deptA.id}`, { name: '测试区教育局', shortName: '测试区教育局', kind: 'department', parentId: d.government.id, postalCode: '65' });
    expect(badPostal.json().error.fields).toEqual([{ field: 'postalCode', message: '邮政编码：邮政编码应为6位数字' }]);
    const guide = await app.inject({ method: 'GET', url: `/guide/${d.deptA.id}` });
    expect(guide.statusCode).toBe(200);
    expect(guide.body).toContain('测试区教育局政府信息公开指南');
    expect(guide.body).toContain('测试区人民路1号');
    expect(guide.body).toContain('0874-2222222');
    expect(guide.body).toContain('自收到申请之日起20个工作日内予以答复');
    expect(guide.body).toContain('向测试区人民政府办公室投诉、举报');
    expect((await app.inject({ method: 'GET', url: '/guide/99999' })).statusCode).toBe(404);
  });

  it('an agency adjusts the wording of a template, but cannot drop what the letter needs', async () => {
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['agencyAdmin'], username: 'tpl-admin' });
    const admin = new Browser(app);
    await admin.login('tpl-admin');
    const page = await admin.get(`/console/letter-templates/granted?agencyId=${d.deptA.id}`);
    expect(page.statusCode).toBe(200);
    const bad = await admin.post('/console/letter-templates/granted', { agencyId: String(d.deptA.id), body: '{{requesterName}}：您的申请已收到。{{unknownThing}}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('unknownThing');
    expect(await ctx.database.db.selectFrom('letter_templates').selectAll().execute()).toEqual([]);
    const original = /<textarea id="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
    const reworded = original.replace('经审查', '经本机关审查');
    expect(reworded).not.toBe(original);
    expect((await admin.post('/console/letter-templates/granted', { agencyId: String(d.deptA.id), body: reworded })).statusCode).toBe(303);
    const saved = await ctx.database.db.selectFrom('letter_templates').selectAll().executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ agency_id: d.deptA.id, kind: 'granted' });
    expect(saved.body).toContain('经本机关审查');
    const drafter = new Browser(app);
    await drafter.login('drafter-b');
    await drafter.get('/console/letter-templates');
    expect((await drafter.post('/console/letter-templates/granted', { agencyId: String(d.deptA.id), body: reworded })).statusCode).toBe(404);
  });

  it("other agencies' staff and drafters cannot see requests", async () => {
    const row = await ctx.database.db.selectFrom('requests').select('id').orderBy('id').executeTakeFirstOrThrow();
    const drafter = new Browser(app);
    await drafter.login('drafter-a');
    expect((await drafter.get(`/console/requests/${row.id}`)).statusCode).toBe(404);
    expect((await drafter.api('POST', `/api/v1/requests/${row.id}/events`, { type: 'closed', on: '2026-03-02' })).statusCode).toBe(404);
    const other = new Browser(app);
    await other.login('drafter-b');
    expect((await other.api('GET', `/api/v1/requests/${row.id}`)).statusCode).toBe(404);
  });
});
