/**
 * Section 一 (总体情况) of the annual report drafted from the records, on SQLite and PostgreSQL,
 * in the demo district: a department's items, requests, register, new-media accounts, training,
 * inspection and notice become the exact sentences of its draft; the district government's
 * draft speaks of the whole district; existing text is replaced only when asked; the draft
 * agrees with tables computed from the same records; who may do it; the JSON API.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../src/db/schema.js';
import { idCardCheckChar } from '../../src/domain/id-card.js';
import { actorFor } from '../../src/features/accounts/auth.js';
import { DEMO_PASSWORD } from '../../src/features/demo/demo-district.js';
import { loadDemo } from '../../src/features/demo/load-demo.js';
import { recordRequestEvent, registerRequest } from '../../src/features/requests/service.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

function idNumber(serial: number): string {
  const first17 = `11010519800101${String(serial).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17)!;
}
const PERSON = {
  requesterKind: 'naturalPerson', requesterName: '李华', idType: 'idCard', phone: '0874-7654321',
  description: '申请公开本单位2025年度学校建设项目资金使用情况', preferredForm: 'paper', deliveryWay: 'pickup',
};

/** The department's expected draft: every figure is one of the records made below. */
const EDUCATION_DRAFT = [
  '（一）主动公开',
  '2025年度，本机关主动公开政府信息8条，其中动态信息3条、通知公告2条、行政规范性文件1条、政策解读1条、财政信息1条。',
  '（二）依申请公开',
  '2025年度，共新收政府信息公开申请4件，上年结转政府信息公开申请1件。本年度办结政府信息公开申请4件，其中予以公开2件，部分公开1件，无法提供1件；结转下年度继续办理1件。',
  '（三）政府信息管理',
  '截至2025年底，现行有效行政规范性文件2件，本年制发1件、废止1件。',
  '（四）政府信息公开平台建设',
  '本机关在政府信息公开专栏设置栏目11个，本年度在专栏发布政府信息8条。截至2025年底，本机关开办政务新媒体1个（本年度关停整合1个），本年度通过政务新媒体平台主动公开信息65条。',
  '（五）监督保障',
  '本年度组织和参加政务公开业务培训1次，参训3人次。本年度接受政府网站和政务新媒体检查抽查1次，检查发现问题2个、已完成整改1个，收到涉及本机关的通报1期。',
].join('\n');

/** The district government's: the district's publication, platform, new media, training and supervision; no request or register records of its own. */
const DISTRICT_DRAFT = [
  '（一）主动公开',
  '2025年度，全区主动公开政府信息10条，其中动态信息5条、通知公告2条、行政规范性文件1条、政策解读1条、财政信息1条。',
  '（二）依申请公开',
  '（待补充）',
  '（三）政府信息管理',
  '（待补充）',
  '（四）政府信息公开平台建设',
  '全区在政府信息公开专栏设置栏目198个，本年度在专栏发布政府信息10条。截至2025年底，全区开办政务新媒体1个（本年度关停整合1个），本年度通过政务新媒体平台主动公开信息65条。',
  '（五）监督保障',
  '本年度组织和参加政务公开业务培训1次，参训5人次。本年度开展政府网站和政务新媒体检查抽查1次，检查发现问题2个、已完成整改1个，发出通报1期。',
].join('\n');

describe.each(DIALECTS)('section 一 drafted from the records on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let education: Agency;
  let finance: Agency;
  let government: Agency;
  let office: Agency;
  const agency = (shortName: string) => ctx.database.db.selectFrom('agencies').selectAll().where('short_name', '=', shortName).executeTakeFirstOrThrow();
  const column = async (agencyId: number, name: string) =>
    (await ctx.database.db.selectFrom('publication_columns').select('id').where('agency_id', '=', agencyId).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const overview = async (agencyId: number) =>
    (JSON.parse((await ctx.database.db.selectFrom('annual_reports').select('data').where('agency_id', '=', agencyId).where('year', '=', 2025).executeTakeFirstOrThrow()).data) as { narrative: { overview: string } }).narrative.overview;

  /** A published item (and its live version) of a column, on a date. */
  const publish = async (a: Agency, columnName: string, infoKind: string, publishedDate: string, withdrawn = false) => {
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();
    const drafter = await db.selectFrom('users').select('id').where('agency_id', '=', a.id).executeTakeFirstOrThrow();
    const item = await db.insertInto('publication_items').values({
      agency_id: a.id, column_id: await column(a.id, columnName), title: `${columnName}${publishedDate}`, body_html: '<p>正文</p>', info_kind: infoKind, subject_category: null,
      issuing_agency: a.name, document_number: null, written_date: null, made_on: null, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null,
      correction_note: null, status: withdrawn ? 'withdrawn' : 'published', review_stage: null, stages_required: 3, drafter_user_id: drafter.id, submitted_by: null, live_version: 1,
      index_number: null, published_date: publishedDate, first_published_at: at, validity_on: null, withdrawn_at: withdrawn ? at : null, withdrawal_reason: withdrawn ? '测试' : null,
      created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('publication_versions').values({
      item_id: item.id, version: 1, title: `${columnName}${publishedDate}`, body_html: '<p>正文</p>', metadata: '{}', attachment_ids: '[]', correction_note: null, published_at: at, published_by: '测试',
    }).execute();
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    await loadDemo(ctx, { items: false });
    education = await agency('区教体局');
    finance = await agency('区财政局');
    government = await agency('青川区政府');
    office = await agency('区政府办');
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();

    // Proactive publication: 8 items of the education bureau in 2025, 2 of the finance bureau; none of the others count.
    for (const date of ['2025-02-10', '2025-06-18', '2025-11-03']) await publish(education, '工作动态', 'news', date);
    for (const date of ['2025-03-01', '2025-09-09']) await publish(education, '通知公告', 'notice', date);
    await publish(education, '行政规范性文件', 'normative', '2025-06-05');
    await publish(education, '政策解读', 'interpretation', '2025-06-06');
    await publish(education, '财政信息', 'fiscal', '2025-08-20');
    await publish(education, '工作动态', 'news', '2025-05-05', true); // withdrawn
    await publish(education, '工作动态', 'news', '2024-12-30');
    await publish(education, '工作动态', 'news', '2026-01-15');
    for (const date of ['2025-04-01', '2025-10-01']) await publish(finance, '工作动态', 'news', date);

    // Requests: four received in 2025, one carried in from 2024; four answered (2 granted, 1 partial, 1 not held), one open at year end.
    const handler = await actorFor(ctx, await makeUser(ctx, { agencyId: education.id, roles: ['requestHandler', 'requestApprover'], username: 'jtj-case' }));
    const request = async (serial: number, receivedOn: string, decision?: { on: string; outcome: string; withheldParts?: string }) => {
      const { request: r } = await registerRequest(ctx, { actor: handler, input: { ...PERSON, idNumber: idNumber(serial), agencyId: education.id, channel: 'inPerson', submittedOn: receivedOn } });
      if (!decision) return;
      await recordRequestEvent(ctx, { actor: handler, id: r.id, input: { type: 'decided', on: decision.on, outcome: decision.outcome, articles: '第三十六条', reason: '依法答复', ...(decision.withheldParts ? { withheldParts: decision.withheldParts } : {}) } });
      await recordRequestEvent(ctx, { actor: handler, id: r.id, input: { type: 'replied', on: decision.on, letterNumber: `青教依复〔2025〕${serial}号`, delivery: '当面领取' } });
    };
    await request(1, '2024-12-20', { on: '2025-01-06', outcome: 'granted' });
    await request(2, '2025-03-03', { on: '2025-03-10', outcome: 'granted' });
    await request(3, '2025-05-06', { on: '2025-05-20', outcome: 'partial', withheldParts: '学生个人信息不予公开（第十五条）' });
    await request(4, '2025-11-03', { on: '2025-11-10', outcome: 'unavailable.notHeld' });
    await request(5, '2025-12-22');

    // The register: two normative documents in force at the end of 2025 (one issued in it), one repealed in it.
    const doc = (title: string, issuedOn: string, repealedOn: string | null) => db.insertInto('registry_documents').values({
      agency_id: education.id, kind: 'normative', title, document_number: null, issued_on: issuedOn, effective_on: null, valid_until: null,
      repealed_on: repealedOn, repeal_reason: repealedOn ? '已被新办法替代' : null, expired_on: null, expiry_reason: null, item_id: null, note: null, created_at: at, updated_at: at,
    }).execute();
    await doc('青川区校外培训机构管理办法', '2021-04-01', null);
    await doc('青川区学生资助管理办法', '2025-06-01', null);
    await doc('青川区校车安全管理办法', '2020-01-01', '2025-09-01');

    // New media: a WeChat account operating all year, a Weibo account closed in June; 65 items in 2025 (99 in 2024 do not count).
    const account = async (platform: 'wechat' | 'weibo', name: string, openedOn: string, closedOn: string | null) => (await db.insertInto('new_media_accounts').values({
      agency_id: education.id, platform, name, platform_account_id: null, operator: education.name, opened_on: openedOn, status: closedOn ? 'closed' : 'operating',
      closed_on: closedOn, close_reason: closedOn ? '整合到微信公众号' : null, note: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const wechat = await account('wechat', '青川教育', '2020-05-01', null);
    const weibo = await account('weibo', '青川教体', '2019-01-01', '2025-06-30');
    for (const [accountId, month, items] of [[wechat, '2025-01', 30], [wechat, '2025-02', 25], [weibo, '2025-03', 10], [wechat, '2024-12', 99]] as const) {
      await db.insertInto('new_media_monthly_items').values({ account_id: accountId, month, items, entered_by: '测试', updated_at: at }).execute();
    }

    // Training: the office's training in June 2025 with 3 people of the education bureau and 2 of the finance bureau; one in 2024.
    for (const [heldOn, people] of [['2025-06-10', [[education.id, 3], [finance.id, 2]]], ['2024-06-10', [[education.id, 4]]]] as const) {
      const training = await db.insertInto('trainings').values({ organiser_agency_id: office.id, held_on: heldOn, topic: '政务公开业务培训', hours: 3, note: null, created_at: at, updated_at: at })
        .returning('id').executeTakeFirstOrThrow();
      for (const [agencyId, participants] of people) await db.insertInto('training_participants').values({ training_id: training.id, agency_id: agencyId, participants }).execute();
    }

    // Supervision: the office's third-quarter inspection of the education bureau, two findings (one rectified), one notice.
    const inspection = await db.insertInto('inspections').values({
      office_agency_id: office.id, title: '2025年第三季度政府网站和政务新媒体检查', kind: 'quarterly', year: 2025, quarter: 3, starts_on: '2025-09-01', ends_on: '2025-09-15',
      status: 'issued', issued_on: '2025-09-16', rectify_by: '2025-10-16', note: null, created_by: '区政府办政务公开办', created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('inspection_agencies').values({ inspection_id: inspection.id, agency_id: education.id }).execute();
    for (const [i, status] of (['accepted', 'open'] as const).entries()) {
      const finding = await db.insertInto('inspection_findings').values({
        inspection_id: inspection.id, agency_id: education.id, target_id: null, indicator: 'columnStale', severity: 'score', description: `问题${i + 1}`, url: null,
        column_id: null, item_id: null, since: null, origin: 'manual', created_by: '测试', created_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('rectification_tasks').values({
        finding_id: finding.id, inspection_id: inspection.id, agency_id: education.id, due_on: '2025-10-16', status, answered_on: null,
        accepted_on: status === 'accepted' ? '2025-10-10' : null, created_at: at, updated_at: at,
      }).execute();
    }
    await db.insertInto('inspection_notices').values({
      inspection_id: inspection.id, office_agency_id: office.id, title: '关于2025年第三季度政府网站和政务新媒体检查情况的通报', recipients: '各部门', intro: '', overview: '', problems: '',
      requirements: '', results: '[]', problem_list: '[]', attachment_title: '问题清单', signer: office.name, status: 'issued', visibility: 'internal', year: 2025, serial: 1,
      number: '青政办通〔2025〕1号', issued_on: '2025-09-20', issued_by: '测试', published_at: null, created_at: at, updated_at: at,
    }).execute();

    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('a department’s draft states exactly what its records count; the editor offers the button', async () => {
    const admin = new Browser(app);
    await admin.login('jtj-admin', DEMO_PASSWORD);
    const editor = await admin.get(`/console/reports/${education.id}/2025`);
    expect(editor.body).toContain('根据记录起草总体情况');
    expect(editor.body).not.toContain('覆盖现有内容');
    const res = await admin.post(`/console/reports/${education.id}/2025/draft-overview`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/console/reports/${education.id}/2025`);
    expect(await overview(education.id)).toBe(EDUCATION_DRAFT);
    const page = await admin.get(`/console/reports/${education.id}/2025`);
    expect(page.body).toContain('已根据记录起草“一、总体情况”，请核对后补充和修改');
    expect(page.body).toContain('覆盖现有内容');
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'report.draftOverview').execute();
    expect(audit.map((a) => [a.action, (JSON.parse(a.data) as { overwritten: boolean; narrativeChanged: string[] })])).toEqual([
      ['report.draftOverview', expect.objectContaining({ overwritten: false, narrativeChanged: ['overview'] })],
    ]);
  });

  it('text already written is kept unless 覆盖现有内容 is ticked', async () => {
    const admin = new Browser(app);
    await admin.login('jtj-admin', DEMO_PASSWORD);
    await admin.get(`/console/reports/${education.id}/2025`);
    expect((await admin.post(`/console/reports/${education.id}/2025`, { narrativeOverview: '本机关自行撰写的总体情况。', narrativeProblems: '', narrativeOther: '' })).statusCode).toBe(303);
    await admin.get(`/console/reports/${education.id}/2025`);
    const refused = await admin.post(`/console/reports/${education.id}/2025/draft-overview`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('“一、总体情况”已有内容：要用根据记录起草的内容替换，请勾选“覆盖现有内容”');
    expect(await overview(education.id)).toBe('本机关自行撰写的总体情况。');
    const replaced = await admin.post(`/console/reports/${education.id}/2025/draft-overview`, { overwrite: '1' });
    expect(replaced.statusCode).toBe(303);
    expect(await overview(education.id)).toBe(EDUCATION_DRAFT);
    const audit = await ctx.database.db.selectFrom('audit_log').select('data').where('action', '=', 'report.draftOverview').orderBy('seq').execute();
    expect(audit.map((a) => (JSON.parse(a.data) as { overwritten: boolean }).overwritten)).toEqual([false, true]);
  });

  it('the draft agrees with the tables computed from the same records; a figure typed differently is caught', async () => {
    const admin = new Browser(app);
    await admin.login('jtj-admin', DEMO_PASSWORD);
    await admin.get(`/console/reports/${education.id}/2025`);
    expect((await admin.post(`/console/reports/${education.id}/2025/compute`)).statusCode).toBe(303);
    const computed = (await admin.api('GET', `/api/v1/reports/${education.id}/2025`)).json() as { report: { section3: { received: { total: number } }; section2: { normativeDocs: unknown } }; findings: Array<{ rule: string; message: string }> };
    expect(computed.report.section3.received.total).toBe(4);
    expect(computed.report.section2.normativeDocs).toEqual({ issued: 1, repealed: 1, inForce: 2 });
    expect(computed.findings.filter((f) => f.rule === 'narrative.mismatch')).toEqual([]);
    await admin.get(`/console/reports/${education.id}/2025`);
    await admin.post(`/console/reports/${education.id}/2025`, { 'cell:section2.normativeDocs.inForce': '3', narrativeOverview: EDUCATION_DRAFT, narrativeProblems: '', narrativeOther: '' });
    const typed = (await admin.api('GET', `/api/v1/reports/${education.id}/2025`)).json() as { findings: Array<{ rule: string; message: string }> };
    expect(typed.findings.filter((f) => f.rule === 'narrative.mismatch').map((f) => f.message)).toEqual([
      '正文“截至2025年底，现行有效行政规范性文件2件，本年制发1件、废止1件”中现行有效行政规范性文件件数为2，而表二 第二十条第（一）项 行政规范性文件·现行有效件数为3',
    ]);
  });

  it('the district government’s draft speaks of the whole district; its own missing records are left （待补充）', async () => {
    const office = new Browser(app);
    await office.login('qzb-gkb', DEMO_PASSWORD);
    await office.get(`/console/reports/${government.id}/2025`);
    expect((await office.post(`/console/reports/${government.id}/2025/draft-overview`)).statusCode).toBe(303);
    expect(await overview(government.id)).toBe(DISTRICT_DRAFT);
  });

  it('only those who may edit the report may draft it; the API drafts too', async () => {
    const drafter = new Browser(app);
    await drafter.login('jtj-drafter', DEMO_PASSWORD);
    await drafter.get(`/console/reports/${education.id}/2025`);
    expect((await drafter.post(`/console/reports/${education.id}/2025/draft-overview`, { overwrite: '1' })).statusCode).toBe(403);
    const other = new Browser(app);
    await other.login('czj-admin', DEMO_PASSWORD);
    expect((await other.api('POST', `/api/v1/reports/${education.id}/2025/draft-overview`, { overwrite: true })).statusCode).toBe(404);

    const api = await other.api('POST', `/api/v1/reports/${finance.id}/2025/draft-overview`, {});
    expect(api.statusCode).toBe(200);
    const body = api.json() as { status: string; overview: string };
    expect(body.status).toBe('draft');
    expect(body.overview.split('\n').slice(0, 2)).toEqual(['（一）主动公开', '2025年度，本机关主动公开政府信息2条，其中动态信息2条。']);
    expect(body.overview).toContain('（五）监督保障\n本年度组织和参加政务公开业务培训1次，参训2人次。');
    const again = await other.api('POST', `/api/v1/reports/${finance.id}/2025/draft-overview`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
  });
});
