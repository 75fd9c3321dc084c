/**
 * The workbench's to-do cards (待办事项) through HTTP, on SQLite and PostgreSQL: each person sees
 * only the cards of their duties, and each card's number is the number of rows of the list it
 * links to — rectification tasks to answer and overdue (the agency) or to verify (the office),
 * items at the reviewer's own review stage, open, soon-due and overdue requests, and last year's
 * annual report against its deadline. The test clock stands at Monday 2026-03-02.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeAgency, makeDistrict, makeIssuedInspection, makeUser } from '../factories.js';
import { Browser, signedIn, testApp } from '../http.js';

interface Card { href: string; figure: string; label: string; late: boolean }

/** The cards of the 待办事项 section, in page order; none when the section is absent. */
function todos(body: string): Card[] {
  const section = /<h2 id="todos">待办事项<\/h2>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
  return [...section.matchAll(/<a href="([^"]+)"><strong( class="hard")?>([^<]*)<\/strong><span>([^<]*)<\/span><\/a>/g)]
    .map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), figure: m[3]!, label: m[4]!, late: m[2] !== undefined }));
}

describe.each(DIALECTS)('workbench to-do cards on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let serial = 0;

  const db = () => ctx.database.db;
  const at = () => ctx.clock.now().toISOString();
  const as = (username: string) => signedIn(app, username);
  /** Rows of a console list: links to the records it lists. */
  const listed = async (b: Browser, href: string, recordPath: RegExp) => {
    const page = await b.get(href);
    expect(page.statusCode, href).toBe(200);
    return (/<tbody>([\s\S]*?)<\/tbody>/.exec(page.body)?.[1] ?? '').match(recordPath)?.length ?? 0;
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    const deptC = await makeAgency(ctx, { name: '测试区卫健局', parentId: d.government.id });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerFirst'], username: 'first-a' });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler'], username: 'handler-a' });

    // Rectification: 教育局 owes two answers (one past its deadline), 卫健局 has answered one, and one is closed.
    const { task } = await makeIssuedInspection(ctx, d.office.id, '2026-02-27', 'score');
    await task(d.deptA.id, 'open', '2026-02-27'); // past its deadline on 2026-03-02
    await task(d.deptA.id, 'returned', '2026-03-20');
    await task(d.deptA.id, 'accepted', '2026-02-27');
    await task(deptC.id, 'answered', '2026-02-27'); // answered: waiting for the office, not the agency's delay

    // Items in review: 初审 decides stage 1 of three stages and stage 1 of two; not 复审, not 终审, not another agency's.
    const column = async (agencyId: number) => (await db().insertInto('publication_columns').values({
      agency_id: agencyId, parent_id: null, name: '工作动态', kind: 'news', sort_order: ++serial, created_at: at(), updated_at: at(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    const columnA = await column(d.deptA.id);
    const columnB = await column(d.deptB.id);
    const item = (agencyId: number, columnId: number, stagesRequired: number, stage: number) => db().insertInto('publication_items').values({
      agency_id: agencyId, column_id: columnId, title: `待审信息${++serial}`, body_html: '<p>正文</p>', info_kind: 'news', subject_category: null, issuing_agency: '测试单位',
      document_number: null, written_date: null, made_on: null, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null,
      correction_note: null, status: 'review', review_stage: stage, stages_required: stagesRequired, drafter_user_id: d.drafterA.id, submitted_by: d.drafterA.id,
      index_number: null, published_date: null, first_published_at: null, validity_on: null, withdrawn_at: null, withdrawal_reason: null, created_at: at(), updated_at: at(),
    }).execute();
    await item(d.deptA.id, columnA, 3, 1);
    await item(d.deptA.id, columnA, 3, 1);
    await item(d.deptA.id, columnA, 2, 1);
    await item(d.deptA.id, columnA, 3, 2); // 复审
    await item(d.deptA.id, columnA, 3, 3); // 终审
    await item(d.deptA.id, columnA, 1, 1); // one stage: 终审
    await item(d.deptB.id, columnB, 3, 1); // another agency

    // Requests of 教育局: overdue, flagged due within 3 working days, in time, not yet confirmed, handled; one of 财政局.
    const request = (agencyId: number, state: string, dueDate: string | null, dueFlag: string | null = null, handledOn: string | null = null) => db().insertInto('requests').values({
      agency_id: agencyId, tracking_number: `2026-T-${++serial}`, query_code_hash: 'x', requester_kind: 'naturalPerson', requester_name: '张三', requester_id_type: null,
      requester_id_number: null, requester_credit_code: null, requester_phone: null, requester_email: null, requester_address: null, requester_key: `k${serial}`,
      description: '某信息', preferred_form: 'paper', delivery_way: 'post', channel: 'inPerson', received_on: '2026-02-01', state, outcome: handledOn ? 'granted' : null,
      handled_on: handledOn, due_date: dueDate, due_flag: dueFlag, handler_user_id: null, public_log: 0, created_at: at(), updated_at: at(),
    }).execute();
    await request(d.deptA.id, 'registered', '2026-02-27', 'overdue');
    await request(d.deptA.id, 'registered', '2026-03-04', 'dueSoon');
    await request(d.deptA.id, 'consulting', '2026-03-20');
    await request(d.deptA.id, 'submitted', null);
    await request(d.deptA.id, 'replied', '2026-02-20', null, '2026-02-18');
    await request(d.deptB.id, 'registered', '2026-02-26', 'overdue');

    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('the agency administrator sees its requests, its rectification tasks (one overdue) and last year\'s report past its deadline', async () => {
    const admin = await as('admin-a');
    const page = await admin.get('/console');
    expect(page.statusCode).toBe(200);
    expect(todos(page.body)).toEqual([
      { href: '/console/requests?state=open', figure: '4', label: '未办结的申请', late: false },
      { href: '/console/requests?due=soon', figure: '1', label: '3个工作日内到期', late: false },
      { href: '/console/requests?due=overdue', figure: '1', label: '已超期的申请', late: true },
      { href: '/console/rectifications?show=open', figure: '2', label: '待整改', late: false },
      { href: '/console/rectifications?show=overdue', figure: '1', label: '逾期未整改', late: true },
      { href: '/console/reports/' + d.deptA.id + '/2025', figure: '未开始', label: '2025年度年报（期限2026-01-31，已逾期）', late: true },
    ]);
    // The existing cards stay.
    expect(page.body).toContain('<span>可见单位</span>');
    // Each number is what the linked list shows.
    const request = /href="\/console\/requests\/\d+"/g;
    expect(await listed(admin, '/console/requests?state=open', request)).toBe(4);
    expect(await listed(admin, '/console/requests?due=soon', request)).toBe(1);
    expect(await listed(admin, '/console/requests?due=overdue', request)).toBe(1);
    const task = /href="\/console\/rectifications\/\d+"/g;
    expect(await listed(admin, '/console/rectifications?show=open', task)).toBe(2);
    expect(await listed(admin, '/console/rectifications?show=overdue', task)).toBe(1);
  });

  it('a drafter of the same agency sees the rectification tasks only; one of another agency sees none of them', async () => {
    expect(todos((await (await as('drafter-a')).get('/console')).body)).toEqual([
      { href: '/console/rectifications?show=open', figure: '2', label: '待整改', late: false },
      { href: '/console/rectifications?show=overdue', figure: '1', label: '逾期未整改', late: true },
    ]);
    expect(todos((await (await as('drafter-b')).get('/console')).body)).toEqual([
      { href: '/console/rectifications?show=open', figure: '0', label: '待整改', late: false },
      { href: '/console/rectifications?show=overdue', figure: '0', label: '逾期未整改', late: false },
    ]);
  });

  it('the office administrator sees the answers waiting for verification', async () => {
    const office = await as('office-admin');
    expect(todos((await office.get('/console')).body)).toEqual([
      { href: '/console/rectifications?show=answered', figure: '1', label: '待验收', late: false },
    ]);
    expect(await listed(office, '/console/rectifications?show=answered', /href="\/console\/rectifications\/\d+"/g)).toBe(1);
  });

  it('a first-stage reviewer sees the items waiting for 初审, and the review queue lists exactly those', async () => {
    const reviewer = await as('first-a');
    expect(todos((await reviewer.get('/console')).body)).toEqual([
      { href: '/console/publications/review', figure: '3', label: '待我审核（初审）', late: false },
    ]);
    const queue = await reviewer.get('/console/publications/review');
    expect(queue.body.match(/href="\/console\/publications\/\d+"/g)?.length).toBe(3);
    expect(queue.body.match(/审核中（初审）/g)?.length).toBe(3);
    expect(queue.body).not.toMatch(/审核中（(复审|终审)）/);
    expect((await reviewer.get('/console/publications')).body).toContain('待我审核（3）');
  });

  it('a request handler sees the requests of the agency', async () => {
    expect(todos((await (await as('handler-a')).get('/console')).body)).toEqual([
      { href: '/console/requests?state=open', figure: '4', label: '未办结的申请', late: false },
      { href: '/console/requests?due=soon', figure: '1', label: '3个工作日内到期', late: false },
      { href: '/console/requests?due=overdue', figure: '1', label: '已超期的申请', late: true },
    ]);
  });
});
