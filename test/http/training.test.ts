/**
 * Training records through HTTP on SQLite and PostgreSQL: the office records a district training
 * and an agency its own (errors in Chinese, nothing stored), who sees and who may change which,
 * participants outside the editor's scope kept, deletion with its audit entry, the year's figures
 * for section 一, and the JSON API.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingFigures } from '../../src/features/training/figures.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';
import { Browser, testApp } from '../http.js';

const locationId = (location: unknown) => Number(/\/(\d+)$/.exec(String(location))![1]);
const listedErrors = (body: string) => [...(/<div class="errors" role="alert">.*?<ul>(.*?)<\/ul>/s.exec(body)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
/** Topics in the list's table. */
const topics = (body: string) => [...body.matchAll(/<td><a href="\/console\/training\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);

describe.each(DIALECTS)('training records on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let office: Browser;
  let adminA: Browser;
  let districtId: number;
  let internalId: number;
  const trainings = () => ctx.database.db.selectFrom('trainings').selectAll().orderBy('id').execute();
  const participants = async (id: number) =>
    (await ctx.database.db.selectFrom('training_participants').select(['agency_id', 'participants']).where('training_id', '=', id).orderBy('agency_id').execute()).map((p) => [p.agency_id, p.participants]);
  const auditActions = async () => (await ctx.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'training.%').orderBy('seq').execute()).map((a) => a.action);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    app = await testApp(ctx);
    office = new Browser(app);
    await office.login('office-admin');
    adminA = new Browser(app);
    await adminA.login('admin-a');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('the office records a district training; bad input gets Chinese errors and stores nothing', async () => {
    const form = await office.get('/console/training/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="p_${d.deptA.id}"`);
    const base = { organiserAgencyId: String(d.office.id), heldOn: '2025-06-18', topic: '2025年政务公开业务培训', hours: '3.5', note: '线下集中授课' };
    const bad = await office.post('/console/training', { ...base, topic: '', hours: '0', heldOn: '2026-03-03', [`p_${d.deptA.id}`]: '-1' });
    expect(bad.statusCode).toBe(400);
    expect(listedErrors(bad.body)).toEqual(['培训主题：请填写此项', '学时：应大于0、不超过200', '参训人数：不能为负数']);
    const nobody = await office.post('/console/training', { ...base, heldOn: '2026-03-03', [`p_${d.deptA.id}`]: '', [`p_${d.deptB.id}`]: '0' });
    expect(listedErrors(nobody.body)).toEqual(['培训日期：不能晚于今天', '参训人数：请至少填写一个单位的参训人数']);
    expect(nobody.body).toContain('value="2026-03-03"');
    const halfHours = await office.post('/console/training', { ...base, hours: '1.25', [`p_${d.deptA.id}`]: '3' });
    expect(listedErrors(halfHours.body)).toEqual(['学时：最多1位小数']);
    expect(await trainings()).toEqual([]);

    const created = await office.post('/console/training', { ...base, [`p_${d.office.id}`]: '1', [`p_${d.deptA.id}`]: '3', [`p_${d.deptB.id}`]: '2' });
    expect(created.statusCode).toBe(303);
    districtId = locationId(created.headers.location);
    expect((await trainings()).map((t) => [t.organiser_agency_id, t.held_on, t.topic, t.hours, t.note])).toEqual([[d.office.id, '2025-06-18', '2025年政务公开业务培训', 3.5, '线下集中授课']]);
    expect(await participants(districtId)).toEqual([[d.office.id, 1], [d.deptA.id, 3], [d.deptB.id, 2]]);
    const page = await office.get(`/console/training/${districtId}`);
    expect(page.body).toContain('<tr><th scope="row">参训人数</th><td>6人（3个单位）</td></tr>');
  });

  it('an agency administrator records its own training, only with agencies in its scope; a drafter records none', async () => {
    const outside = await adminA.post('/console/training', {
      organiserAgencyId: String(d.deptA.id), heldOn: '2025-09-10', topic: '依申请公开办理实务', hours: '1.5', [`p_${d.deptA.id}`]: '12', [`p_${d.deptB.id}`]: '1',
    });
    expect(outside.statusCode).toBe(400);
    expect(listedErrors(outside.body)).toEqual([`参训人数：单位（编号${d.deptB.id}）不存在或无权登记`]);
    const forOffice = await adminA.post('/console/training', { organiserAgencyId: String(d.office.id), heldOn: '2025-09-10', topic: 'x', hours: '1', [`p_${d.deptA.id}`]: '1' });
    expect(forOffice.statusCode).toBe(404);
    const created = await adminA.post('/console/training', { organiserAgencyId: String(d.deptA.id), heldOn: '2025-09-10', topic: '依申请公开办理实务', hours: '1.5', [`p_${d.deptA.id}`]: '12' });
    expect(created.statusCode).toBe(303);
    internalId = locationId(created.headers.location);

    const drafter = new Browser(app);
    await drafter.login('drafter-a');
    expect((await drafter.get('/console/training/new')).statusCode).toBe(403);
    const list = await drafter.get('/console/training?year=2025');
    expect(list.statusCode).toBe(200);
    expect(topics(list.body)).toEqual(['依申请公开办理实务', '2025年政务公开业务培训']);
    expect(list.body).toContain('2025年开展或参加政务公开培训2次，参训15人次，累计5学时。');
    expect(list.body).not.toContain('登记培训</a>');

    const b = new Browser(app);
    await b.login('drafter-b');
    const other = await b.get('/console/training?year=2025');
    expect(topics(other.body)).toEqual(['2025年政务公开业务培训']);
    expect(other.body).toContain('2025年开展或参加政务公开培训1次，参训2人次，累计3.5学时。');
    expect((await b.get(`/console/training/${internalId}`)).statusCode).toBe(404);
    expect((await b.get('/console/training?year=2024')).body).toContain('2024年没有培训记录。');
  });

  it('changes: only the organiser’s administrators; participants the editor cannot see are kept; deletion is audited', async () => {
    expect((await adminA.post(`/console/training/${districtId}`, { organiserAgencyId: String(d.office.id), heldOn: '2025-06-18', topic: 'x', hours: '3', [`p_${d.deptA.id}`]: '3' })).statusCode).toBe(403);

    // The office adds two people of deptB to deptA's training; deptA's administrator then corrects the hours.
    const officeEdit = await office.post(`/console/training/${internalId}`, { organiserAgencyId: String(d.deptA.id), heldOn: '2025-09-10', topic: '依申请公开办理实务', hours: '1.5', [`p_${d.deptA.id}`]: '12', [`p_${d.deptB.id}`]: '2' });
    expect(officeEdit.statusCode).toBe(303);
    const adminEdit = await adminA.post(`/console/training/${internalId}`, { organiserAgencyId: String(d.deptA.id), heldOn: '2025-09-10', topic: '依申请公开办理实务', hours: '2', [`p_${d.deptA.id}`]: '10' });
    expect(adminEdit.statusCode).toBe(303);
    expect(await participants(internalId)).toEqual([[d.deptA.id, 10], [d.deptB.id, 2]]);
    expect((await trainings()).find((t) => t.id === internalId)!.hours).toBe(2);

    const db = ctx.database.db;
    const all = [d.government.id, d.office.id, d.deptA.id, d.deptB.id];
    expect(await trainingFigures(db, [d.deptA.id], 2025)).toEqual({ sessions: 2, participants: 13, hours: 5.5 });
    expect(await trainingFigures(db, [d.deptB.id], 2025)).toEqual({ sessions: 2, participants: 4, hours: 5.5 });
    expect(await trainingFigures(db, all, 2025)).toEqual({ sessions: 2, participants: 18, hours: 5.5 });
    expect(await trainingFigures(db, all, 2024)).toEqual({ sessions: 0, participants: 0, hours: 0 });

    const deleted = await adminA.post(`/console/training/${internalId}/delete`);
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/console/training?year=2025');
    expect((await trainings()).map((t) => t.id)).toEqual([districtId]);
    expect(await participants(internalId)).toEqual([]);
    expect(await auditActions()).toEqual(['training.create', 'training.create', 'training.update', 'training.update', 'training.delete']);
    const entry = await db.selectFrom('audit_log').select('data').where('action', '=', 'training.delete').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data!)).toEqual({ heldOn: '2025-09-10', topic: '依申请公开办理实务', hours: 2, participants: { [d.deptA.id]: 10, [d.deptB.id]: 2 } });
  });

  it('the JSON API: create, stable error codes, the year’s list and figures', async () => {
    const invalid = await office.api('POST', '/api/v1/trainings', { organiserAgencyId: d.office.id, heldOn: '2025-11-05', topic: '', hours: 2, participants: [] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.fields).toEqual([{ field: 'topic', message: '培训主题：请填写此项' }]);
    const created = await office.api('POST', '/api/v1/trainings', {
      organiserAgencyId: d.office.id, heldOn: '2025-11-05', topic: '政府信息公开年度报告编制培训', hours: 2, participants: [{ agencyId: d.deptA.id, participants: 2 }, { agencyId: d.deptB.id, participants: 2 }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect((await office.api('GET', `/api/v1/trainings/${id}`)).json().participants.map((p: { agency_id: number; participants: number }) => [p.agency_id, p.participants])).toEqual([[d.deptA.id, 2], [d.deptB.id, 2]]);
    const figures = await office.api('GET', '/api/v1/trainings/figures?year=2025');
    expect(figures.json().figures).toEqual({ sessions: 2, participants: 10, hours: 5.5 });
    const deptA = await office.api('GET', `/api/v1/trainings/figures?year=2025&agencyId=${d.deptA.id}`);
    expect(deptA.json().figures).toEqual({ sessions: 2, participants: 5, hours: 5.5 });
    const b = new Browser(app);
    await b.login('drafter-b');
    expect((await b.api('DELETE', `/api/v1/trainings/${id}`)).json().error.code).toBe('FORBIDDEN');
    expect((await office.api('DELETE', `/api/v1/trainings/${id}`)).statusCode).toBe(204);
    expect((await office.api('GET', `/api/v1/trainings/${id}`)).json().error.code).toBe('NOT_FOUND');
  });
});
