/**
 * What request records feed, on SQLite and PostgreSQL: the deadline sweep (idempotent, notifies
 * once) and the annual report's sections 三 and 四 and the fees collected, computed from records.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/jobs/deadline-sweep.js';
import { actorFor } from '../../src/features/accounts/auth.js';
import { recordRequestEvent, registerRequest } from '../../src/features/requests/service.js';
import { saveReviewCase } from '../../src/features/requests/cases.js';
import { idCardCheckChar } from '../../src/domain/id-card.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const PERSON = {
  requesterKind: 'naturalPerson', requesterName: '李华', idType: 'idCard', idNumber: '11010519491231002X', phone: '0874-7654321',
  description: '申请公开本单位2025年度部门预算执行情况', preferredForm: 'paper', deliveryWay: 'pickup',
};
const COMPANY = { ...PERSON, requesterKind: 'enterprise', requesterName: '青川某某建材有限公司', idType: '', idNumber: '', creditCode: '91350100M000100Y43' };

function idNumber(serial: number): string {
  const first17 = `11010519800101${String(serial).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17)!;
}

describe.each(DIALECTS)('request records feed reminders and the report on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let handlerId = 0;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    handlerId = (await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler', 'requestApprover'], username: 'handler-a' })).id;
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  const actor = async () => actorFor(ctx, (await ctx.database.db.selectFrom('users').selectAll().where('id', '=', handlerId).executeTakeFirstOrThrow()));

  it('the sweep flags a request due within 3 working days, then overdue, notifying once each time', async () => {
    const a = await actor();
    // Received Monday 2026-02-02: due 2026-03-06 (春节 2026 in between; see requests.test.ts).
    const { request } = await registerRequest(ctx, { actor: a, input: { ...PERSON, agencyId: d.deptA.id, channel: 'inPerson', submittedOn: '2026-02-02' } });
    expect(request.due_date).toBe('2026-03-06');

    // The fake clock stands at 2026-03-02 (Monday): 4 working days left — not yet due soon.
    expect(await sweepDeadlines(ctx)).toEqual({ dueSoon: 0, overdue: 0, notified: 0 });
    ctx.clock.advanceMinutes(24 * 60); // Tuesday 03-03: 3 working days left
    expect(await sweepDeadlines(ctx)).toEqual({ dueSoon: 1, overdue: 0, notified: 1 });
    expect(await sweepDeadlines(ctx)).toEqual({ dueSoon: 0, overdue: 0, notified: 0 });
    ctx.clock.advanceMinutes(4 * 24 * 60); // Saturday 03-07: past the due date
    expect(await sweepDeadlines(ctx)).toEqual({ dueSoon: 0, overdue: 1, notified: 1 });
    expect(await sweepDeadlines(ctx)).toEqual({ dueSoon: 0, overdue: 0, notified: 0 });

    const notes = await ctx.database.db.selectFrom('notifications').select(['kind', 'message']).where('user_id', '=', handlerId).orderBy('id').execute();
    expect(notes.map((n) => n.kind)).toEqual(['dueSoon', 'overdue']);
    expect(notes[1]!.message).toContain('已超过答复期限（2026-03-06）');
    const b = new Browser(app);
    await b.login('handler-a');
    expect((await b.get('/console')).body).toContain('期限提醒（2）');
    expect((await b.get('/console/requests?due=overdue')).body).toContain(request.tracking_number);
  });

  it('sections 三 and 四 and the fees collected are computed from the records', async () => {
    ctx.clock.advanceMinutes(3 * 24 * 60); // Tuesday 2026-03-10
    const a = await actor();
    const first = (await ctx.database.db.selectFrom('requests').select('id').executeTakeFirstOrThrow()).id;
    // The overdue request is finally answered: granted.
    await recordRequestEvent(ctx, { actor: a, id: first, input: { type: 'decided', on: '2026-03-09', outcome: 'granted', articles: '第三十六条第（二）项', reason: '可以公开' } });
    await recordRequestEvent(ctx, { actor: a, id: first, input: { type: 'replied', on: '2026-03-09', letterNumber: '测教依复〔2026〕9号', delivery: '当面领取' } });
    // A company's request with a 45-page fee, paid, and still open at year end.
    const { request: second } = await registerRequest(ctx, { actor: a, input: { ...COMPANY, agencyId: d.deptA.id, channel: 'inPerson', submittedOn: '2026-03-02' } });
    await recordRequestEvent(ctx, { actor: a, id: second.id, input: { type: 'feeNoticed', on: '2026-03-03', method: 'perPage', pages: 45 } });
    await recordRequestEvent(ctx, { actor: a, id: second.id, input: { type: 'feePaid', on: '2026-03-05' } });
    await saveReviewCase(ctx, { actor: a, input: { agencyId: d.deptA.id, kind: 'reconsideration', filedOn: '2026-03-06', result: '', decidedOn: '' } });

    const admin = new Browser(app);
    await admin.login('office-admin');
    await admin.get(`/console/reports/${d.deptA.id}/2026`);
    const computed = await admin.post(`/console/reports/${d.deptA.id}/2026/compute`);
    expect(computed.statusCode).toBe(303);
    const report = (await admin.api('GET', `/api/v1/reports/${d.deptA.id}/2026`)).json();
    expect(report.report.section3.received).toEqual({ naturalPerson: 1, enterprise: 1, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(report.report.section3.granted.total).toBe(1);
    expect(report.report.section3.handledTotal.total).toBe(1);
    expect(report.report.section3.carriedOut).toEqual({ naturalPerson: 0, enterprise: 1, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 1 });
    expect(report.report.section4.reconsideration).toEqual({ upheld: 0, corrected: 0, otherResult: 0, pending: 1, total: 1 });
    expect(report.report.feesCollectedYuan).toBe(150);
    expect(report.sources['section3.received.total']).toMatchObject({ origin: 'computed', by: '依申请公开记录' });
    expect(report.findings.filter((f: { rule: string }) => f.rule.startsWith('requests.'))).toEqual([]);
  });

  it('information asked for by three different requesters is suggested for proactive publication (第四十四条)', async () => {
    const a = await actor();
    for (const [i, text] of ['申请公开人民路拆迁补偿标准', '请提供人民路拆迁补偿标准', '关于人民路拆迁补偿标准的信息'].entries()) {
      await registerRequest(ctx, { actor: a, input: { ...PERSON, requesterName: `申请人${i}`, idNumber: idNumber(i + 11), description: text, agencyId: d.deptA.id, channel: 'inPerson', submittedOn: '2026-03-10' } });
    }
    const b = new Browser(app);
    await b.login('handler-a');
    const page = await b.get('/console/requests/topics');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/拆迁补偿标准[^<]*<\/strong>（3位申请人，3件申请）/);
  });

  it('a request whose period runs into a year without its holiday schedule is recorded, without a due date until an administrator adds the year', async () => {
    ctx.clock.advanceMinutes(280 * 24 * 60); // mid-December 2026; chinese-days covers the calendar up to 2026
    const a = await actor();
    const { request } = await registerRequest(ctx, { actor: a, input: { ...PERSON, idNumber: idNumber(99), description: '申请公开2026年第四季度道路养护计划', agencyId: d.deptA.id, channel: 'inPerson', submittedOn: '2026-12-14' } });
    expect(request).toMatchObject({ state: 'registered', received_on: '2026-12-14', due_date: null });
    const b = new Browser(app);
    await b.login('handler-a');
    expect((await b.get(`/console/requests/${request.id}`)).body).toContain('工作日历未包含2027年的节假日安排');

    const office = new Browser(app);
    await office.login('office-admin');
    const dashboard = await office.get('/console');
    expect(dashboard.body).toContain('工作日历尚未包含2027年的节假日安排');
    await office.get('/console/calendar?year=2027');
    // For the test, 2027 is declared with only 1 January off; a real administrator enters the State Council's notice.
    expect((await office.post('/console/calendar/day', { date: '2027-01-01', kind: 'holiday', name: '元旦', source: '测试' })).statusCode).toBe(303);
    expect((await office.post('/console/calendar/year', { year: '2027', source: '测试' })).statusCode).toBe(303);
    const updated = await recordRequestEvent(ctx, { actor: a, id: request.id, input: { type: 'consultationStarted', on: ctx.clock.now().toISOString().slice(0, 10), party: 'thirdParty', with: '某公司' } });
    expect(updated.due_date).not.toBeNull();
  });
});
