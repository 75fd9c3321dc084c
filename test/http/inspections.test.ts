/**
 * Inspections, rectification and notices through HTTP, on SQLite and PostgreSQL: planning (bad
 * input changes nothing), findings prefilled from website health after the clock lets columns
 * go stale (and not twice), manual findings with a screenshot typed by its content (a renamed
 * file and a file over 5 MB refused), issuing (tasks due in 10 working days), the agency's
 * answer, the office's return and acceptance, overdue tasks and their counts, the notice
 * (numbered per office and year, DOCX, public on the portal or internal), the figures for
 * report section 一, the JSON API, and who may see what.
 */
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeFigures, openRectificationCounts } from '../../src/features/inspections/figures.js';
import { prefillFindings } from '../../src/features/inspections/service.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeAgency, makeDistrict, makeUser } from '../factories.js';
import { Browser, signedIn, testApp } from '../http.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)]);

describe.each(DIALECTS)('inspections, rectification and notices on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let office: Browser;
  let accountId: number;
  let otherDistrictAgency: number;
  let inspectionId: number;
  let serial = 0;
  const col = { news: 0, notices: 0, planning: 0, bNews: 0 };

  const db = () => ctx.database.db;
  const at = () => ctx.clock.now().toISOString();
  const as = (username: string) => signedIn(app, username);
  const count = async (table: 'inspections' | 'inspection_findings' | 'inspection_evidence' | 'rectification_tasks' | 'inspection_notices') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditActions = async (entityType: string) =>
    (await db().selectFrom('audit_log').select(['action']).where('entity_type', '=', entityType).orderBy('seq').execute()).map((a) => a.action);
  const addColumn = async (agencyId: number, name: string, kind: string) =>
    (await db().insertInto('publication_columns').values({ agency_id: agencyId, parent_id: null, name, kind, sort_order: ++serial, created_at: at(), updated_at: at() }).returning('id').executeTakeFirstOrThrow()).id;
  const addItem = async (agencyId: number, columnId: number, title: string, publishedDate: string) => {
    const row = await db().insertInto('publication_items').values({
      agency_id: agencyId, column_id: columnId, title, body_html: '<p>正文</p>', info_kind: 'news', subject_category: null, issuing_agency: '测试单位',
      document_number: null, written_date: null, made_on: null, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null,
      correction_note: null, status: 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null,
      live_version: 1, index_number: `TEST/${++serial}`, published_date: publishedDate, first_published_at: at(), validity_on: null,
      withdrawn_at: null, withdrawal_reason: null, created_at: at(), updated_at: at(),
    }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('publication_versions').values({ item_id: row.id, version: 1, title, body_html: '<p>正文</p>', metadata: '{}', attachment_ids: '[]', correction_note: null, published_at: at(), published_by: '用户' }).execute();
    return row.id;
  };
  /** Moves the clock to a Beijing date (10:00) and signs the office in again (sessions idle out). */
  const moveTo = async (date: string) => {
    const target = new Date(`${date}T02:00:00.000Z`).getTime();
    ctx.clock.advance(target - ctx.clock.now().getTime());
    office = await as('office-admin');
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    await makeUser(ctx, { agencyId: d.deptB.id, roles: ['agencyAdmin'], username: 'admin-b' });
    const elsewhere = await makeAgency(ctx, { name: '另一区人民政府', kind: 'government' });
    otherDistrictAgency = (await makeAgency(ctx, { name: '另一区教育局', parentId: elsewhere.id })).id;
    accountId = (await db().insertInto('new_media_accounts').values({
      agency_id: d.deptB.id, platform: 'wechat', name: '测试财政', platform_account_id: 'cs_test', operator: '测试区财政局', opened_on: '2020-01-01',
      status: 'operating', closed_on: null, close_reason: null, note: null, created_at: at(), updated_at: at(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    // 测试区教育局: a news column updated on 2026-03-02, a notices column, an empty planning column.
    col.news = await addColumn(d.deptA.id, '工作动态', 'news');
    col.notices = await addColumn(d.deptA.id, '通知公告', 'notices');
    col.planning = await addColumn(d.deptA.id, '规划计划', 'planning');
    await addItem(d.deptA.id, col.news, '教育局召开春季开学工作会', '2026-03-02');
    await addItem(d.deptA.id, col.notices, '关于做好春季开学工作的通知', '2026-03-02');
    // 测试区财政局: one news column, kept up to date below.
    col.bNews = await addColumn(d.deptB.id, '财政动态', 'news');
    await addItem(d.deptB.id, col.bNews, '财政局部署预算执行工作', '2026-03-02');
    app = await testApp(ctx);
    office = await as('office-admin');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('refuses a plan without a quarter or agencies, or with an agency outside the district, and changes nothing', async () => {
    const page = await office.get('/console/inspections/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('测试区教育局');
    expect(page.body).toContain('测试财政（微信公众号）');
    const bad = await office.post('/console/inspections/new', { kind: 'quarterly', year: '2026', quarter: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('季度：季度检查请选择季度');
    expect(bad.body).toContain('检查单位：请至少选择一个单位');
    const outside = await office.post('/console/inspections/new', { kind: 'quarterly', year: '2026', quarter: '1', agencyIds: [String(d.deptA.id), String(otherDistrictAgency)] });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('检查单位：包含不存在或无权检查的单位');
    const adHoc = await office.post('/console/inspections/new', { kind: 'adHoc', title: '专项检查', startsOn: '2026-03-10', endsOn: '2026-03-01', agencyIds: String(d.deptA.id) });
    expect(adHoc.statusCode).toBe(400);
    expect(adHoc.body).toContain('结束日期：不能早于开始日期');
    expect(await count('inspections')).toBe(0);
    // A department's administrator cannot plan.
    expect((await (await as('admin-a')).get('/console/inspections/new')).statusCode).toBe(403);
  });

  it('plans a quarterly inspection over two agencies, their sites and a new-media account', async () => {
    const res = await office.post('/console/inspections/new', {
      kind: 'quarterly', year: '2026', quarter: '1', agencyIds: [String(d.deptA.id), String(d.deptB.id)], sites: '1', accountIds: String(accountId),
    });
    expect(res.statusCode).toBe(303);
    const inspection = await db().selectFrom('inspections').selectAll().executeTakeFirstOrThrow();
    inspectionId = inspection.id;
    expect(res.headers.location).toBe(`/console/inspections/${inspectionId}`);
    expect(inspection).toMatchObject({
      office_agency_id: d.office.id, title: '2026年第一季度政府网站和政务新媒体检查', kind: 'quarterly', year: 2026, quarter: 1,
      starts_on: '2026-01-01', ends_on: '2026-03-31', status: 'planned', issued_on: null, rectify_by: null,
    });
    const targets = await db().selectFrom('inspection_targets').select(['agency_id', 'kind', 'name', 'url', 'account_id']).orderBy('id').execute();
    expect(targets).toEqual([
      { agency_id: d.deptA.id, kind: 'site', name: '测试区教育局政府信息公开专栏', url: `/agencies/${d.deptA.id}`, account_id: null },
      { agency_id: d.deptB.id, kind: 'site', name: '测试区财政局政府信息公开专栏', url: `/agencies/${d.deptB.id}`, account_id: null },
      { agency_id: d.deptB.id, kind: 'newMedia', name: '测试财政', url: null, account_id: accountId },
    ]);
    expect(await auditActions('inspection')).toEqual(['inspection.plan']);
    const list = await office.get('/console/inspections');
    expect(list.body).toContain('2026年第一季度政府网站和政务新媒体检查');
    // Agencies do not see the office's inspection; the nav entry takes them to their tasks.
    const admin = await as('admin-a');
    expect((await admin.get(`/console/inspections/${inspectionId}`)).statusCode).toBe(404);
    const redirected = await admin.get('/console/inspections');
    expect([redirected.statusCode, redirected.headers.location]).toEqual([303, '/console/rectifications']);
  });

  it('prefills findings from website health once the columns went stale, and not twice', async () => {
    await moveTo('2026-04-01');
    await addItem(d.deptB.id, col.bNews, '财政局公开2026年部门预算', '2026-03-30');
    const res = await office.post(`/console/inspections/${inspectionId}/prefill`);
    expect(res.statusCode).toBe(303);
    expect((await office.get(`/console/inspections/${inspectionId}`)).body).toContain('已从网站健康检查导入3个问题');
    const findings = await db().selectFrom('inspection_findings').selectAll().orderBy('id').execute();
    const siteA = await db().selectFrom('inspection_targets').select('id').where('agency_id', '=', d.deptA.id).where('kind', '=', 'site').executeTakeFirstOrThrow();
    expect(findings.map((f) => [f.agency_id, f.indicator, f.severity, f.column_id, f.since, f.origin, f.target_id])).toEqual([
      [d.deptA.id, 'homeNotUpdated', 'veto', null, '2026-03-17', 'health', siteA.id],
      [d.deptA.id, 'staleColumn', 'score', col.news, '2026-03-17', 'health', siteA.id],
      [d.deptA.id, 'emptyColumn', 'score', col.planning, '2026-03-02', 'health', siteA.id],
    ]);
    expect(findings[1]!.description).toContain('工作动态');
    expect(findings[1]!.url).toBe(`/columns/${col.news}`);
    expect(findings[0]!.url).toBe(`/agencies/${d.deptA.id}`);
    await office.post(`/console/inspections/${inspectionId}/prefill`);
    expect((await office.get(`/console/inspections/${inspectionId}`)).body).toContain('网站健康检查没有发现新的问题');
    expect(await count('inspection_findings')).toBe(3);
    expect(await auditActions('inspection')).toEqual(['inspection.plan', 'inspection.prefill', 'inspection.prefill']);
  });

  it('records a manual finding with a PNG screenshot, and refuses a renamed file or one over 5 MB', async () => {
    const target = await db().selectFrom('inspection_targets').select('id').where('kind', '=', 'newMedia').executeTakeFirstOrThrow();
    const fields = { agencyId: String(d.deptB.id), targetId: String(target.id), indicator: 'newMediaNotUpdated', description: '“测试财政”公众号3月15日以来无更新', url: 'https://mp.weixin.qq.com/test', since: '2026-03-15' };
    const renamed = await office.upload(`/console/inspections/${inspectionId}/findings`, fields, { name: '截图.png', content: 'MZ this is not an image' });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.body).toContain('截图“截图.png”不是PNG或JPEG图片，或内容与扩展名不符');
    // The typed values are shown again.
    expect(renamed.body).toContain('“测试财政”公众号3月15日以来无更新');
    const big = await office.upload(`/console/inspections/${inspectionId}/findings`, fields, { name: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('超过5MB');
    const noIndicator = await office.upload(`/console/inspections/${inspectionId}/findings`, { ...fields, indicator: '' }, { name: 'shot.png', content: PNG });
    expect(noIndicator.statusCode).toBe(400);
    expect(noIndicator.body).toContain('检查指标：请选择检查指标');
    expect([await count('inspection_findings'), await count('inspection_evidence')]).toEqual([3, 0]);

    const ok = await office.upload(`/console/inspections/${inspectionId}/findings`, fields, { name: 'shot.png', content: PNG });
    expect(ok.statusCode).toBe(303);
    const finding = await db().selectFrom('inspection_findings').selectAll().where('origin', '=', 'manual').executeTakeFirstOrThrow();
    expect(finding).toMatchObject({ agency_id: d.deptB.id, target_id: target.id, indicator: 'newMediaNotUpdated', severity: 'veto', url: 'https://mp.weixin.qq.com/test', since: '2026-03-15' });
    const evidence = await db().selectFrom('inspection_evidence').select(['id', 'finding_id', 'kind', 'mime', 'size', 'step_id']).executeTakeFirstOrThrow();
    expect(evidence).toMatchObject({ finding_id: finding.id, kind: 'png', mime: 'image/png', size: PNG.length, step_id: null });
    const image = await office.get(`/console/inspections/evidence/${evidence.id}`);
    expect([image.statusCode, image.headers['content-type'], Buffer.from(image.rawPayload).equals(PNG)]).toEqual([200, 'image/png', true]);
    // Before the findings are issued, the agency sees neither the finding nor its evidence.
    expect((await (await as('admin-b')).get(`/console/inspections/evidence/${evidence.id}`)).statusCode).toBe(404);

    // The JSON API: a JPEG in base64; a bad indicator is a stable error code.
    const refused = await office.api('POST', `/api/v1/inspections/${inspectionId}/findings`, { agencyId: d.deptA.id, indicator: 'nonsense', description: '错别字' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const created = await office.api('POST', `/api/v1/inspections/${inspectionId}/findings`, {
      agencyId: d.deptA.id, indicator: 'contentErrors', description: '“教育局召开春季开学工作会”一文将“部署”误写为“布署”', screenshot: { fileName: 'typo.jpg', contentBase64: JPEG.toString('base64') },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().evidence).toMatchObject({ kind: 'jpeg', mime: 'image/jpeg', file_name: 'typo.jpg' });
    expect([await count('inspection_findings'), await count('inspection_evidence')]).toEqual([5, 2]);
    expect((await auditActions('inspection')).slice(-2)).toEqual(['inspection.recordFinding', 'inspection.recordFinding']);
  });

  it('issues the findings: each becomes a task due in 10 working days, and the inspection is closed to changes', async () => {
    const page = await office.get(`/console/inspections/${inspectionId}`);
    // 2026-04-01 + 10 working days, with 清明 (4-4 to 4-6) off.
    expect(page.body).toContain('默认为10个工作日后（2026年4月16日）');
    const past = await office.post(`/console/inspections/${inspectionId}/issue`, { rectifyBy: '2026-04-01' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('整改期限：应晚于今天');
    expect(await count('rectification_tasks')).toBe(0);
    const res = await office.post(`/console/inspections/${inspectionId}/issue`, { rectifyBy: '' });
    expect(res.statusCode).toBe(303);
    expect(await db().selectFrom('inspections').select(['status', 'issued_on', 'rectify_by']).executeTakeFirstOrThrow()).toEqual({ status: 'issued', issued_on: '2026-04-01', rectify_by: '2026-04-16' });
    const tasks = await db().selectFrom('rectification_tasks').select(['agency_id', 'due_on', 'status']).orderBy('id').execute();
    expect(tasks).toEqual([
      ...[1, 2, 3, 4].map(() => ({ agency_id: d.deptA.id, due_on: '2026-04-16', status: 'open' })),
      { agency_id: d.deptB.id, due_on: '2026-04-16', status: 'open' },
    ]);
    expect(Number((await db().selectFrom('rectification_steps').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'issued').executeTakeFirstOrThrow()).n)).toBe(5);
    const again = await office.upload(`/console/inspections/${inspectionId}/findings`, { agencyId: String(d.deptA.id), indicator: 'other', description: '补充问题' }, { name: 'x.png', content: PNG });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('检查结果已下发，不能再修改检查范围和问题');
    expect(await count('inspection_findings')).toBe(5);
    expect((await auditActions('inspection')).at(-1)).toBe('inspection.issue');
  });

  it('the agency answers, the office returns with a new deadline, the agency answers again, the office accepts', async () => {
    const adminA = await as('admin-a');
    const list = await adminA.get('/console/rectifications');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('首页不更新');
    expect(list.body).not.toContain('测试区财政局');
    const task = await db().selectFrom('rectification_tasks as t').innerJoin('inspection_findings as f', 'f.id', 't.finding_id').select(['t.id', 'f.id as finding_id']).where('f.indicator', '=', 'staleColumn').executeTakeFirstOrThrow();
    // Another agency's staff do not see it; the office does not answer for the agency; nothing can be accepted before an answer.
    expect((await (await as('admin-b')).get(`/console/rectifications/${task.id}`)).statusCode).toBe(404);
    expect((await office.api('POST', `/api/v1/rectifications/${task.id}/answer`, { description: '已更新' })).statusCode).toBe(403);
    const early = await office.post(`/console/rectifications/${task.id}/accept`, {});
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('单位尚未反馈整改情况，不能验收或退回');

    await adminA.get(`/console/rectifications/${task.id}`);
    const empty = await adminA.upload(`/console/rectifications/${task.id}/answer`, { description: '' }, { name: '', content: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('整改情况：请填写此项');
    const answered = await adminA.upload(`/console/rectifications/${task.id}/answer`, { description: '已在“工作动态”栏目发布3条信息' }, { name: 'after.png', content: PNG });
    expect(answered.statusCode).toBe(303);
    expect(await db().selectFrom('rectification_tasks').select(['status', 'answered_on']).where('id', '=', task.id).executeTakeFirstOrThrow()).toEqual({ status: 'answered', answered_on: '2026-04-01' });
    const answerEvidence = await db().selectFrom('inspection_evidence').select(['id', 'step_id']).where('finding_id', '=', task.finding_id).executeTakeFirstOrThrow();
    expect(answerEvidence.step_id).not.toBeNull();
    // Once issued, the agency sees the office's and its own evidence.
    expect((await adminA.get(`/console/inspections/evidence/${answerEvidence.id}`)).statusCode).toBe(200);

    await office.get(`/console/rectifications/${task.id}`);
    const noComment = await office.post(`/console/rectifications/${task.id}/return`, { comment: '' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('意见：请填写此项');
    expect((await office.post(`/console/rectifications/${task.id}/return`, { comment: '新发布的信息与栏目定位不符', dueOn: '2026-04-24' })).statusCode).toBe(303);
    expect(await db().selectFrom('rectification_tasks').select(['status', 'due_on', 'returns']).where('id', '=', task.id).executeTakeFirstOrThrow()).toEqual({ status: 'returned', due_on: '2026-04-24', returns: 1 });

    await adminA.get(`/console/rectifications/${task.id}`);
    expect((await adminA.upload(`/console/rectifications/${task.id}/answer`, { description: '已补充发布本局工作动态' }, { name: '', content: '' })).statusCode).toBe(303);
    await office.get(`/console/rectifications/${task.id}`);
    expect((await office.post(`/console/rectifications/${task.id}/accept`, { comment: '整改到位' })).statusCode).toBe(303);
    expect(await db().selectFrom('rectification_tasks').select(['status', 'accepted_on']).where('id', '=', task.id).executeTakeFirstOrThrow()).toEqual({ status: 'accepted', accepted_on: '2026-04-01' });
    const steps = await db().selectFrom('rectification_steps').select(['seq', 'action', 'comment', 'due_on']).where('task_id', '=', task.id).orderBy('seq').execute();
    expect(steps).toEqual([
      { seq: 1, action: 'issued', comment: null, due_on: '2026-04-16' },
      { seq: 2, action: 'answered', comment: '已在“工作动态”栏目发布3条信息', due_on: '2026-04-16' },
      { seq: 3, action: 'returned', comment: '新发布的信息与栏目定位不符', due_on: '2026-04-24' },
      { seq: 4, action: 'answered', comment: '已补充发布本局工作动态', due_on: '2026-04-24' },
      { seq: 5, action: 'accepted', comment: '整改到位', due_on: '2026-04-24' },
    ]);
    expect(await auditActions('rectification')).toEqual(['rectification.answer', 'rectification.evidence', 'rectification.return', 'rectification.answer', 'rectification.accept']);
    const detail = await adminA.get(`/console/rectifications/${task.id}`);
    expect(detail.body).toContain('已验收（整改完成）');
    expect(detail.body).not.toContain(`action="/console/rectifications/${task.id}/answer"`);
  });

  it('lists and counts the tasks overdue once the deadline has passed', async () => {
    // One of 财政局's tasks is answered in time: waiting for the office, it is not overdue.
    const bTask = await db().selectFrom('rectification_tasks').select('id').where('agency_id', '=', d.deptB.id).executeTakeFirstOrThrow();
    const adminB = await as('admin-b');
    await adminB.get(`/console/rectifications/${bTask.id}`);
    expect((await adminB.upload(`/console/rectifications/${bTask.id}/answer`, { description: '公众号已恢复更新' }, { name: '', content: '' })).statusCode).toBe(303);

    await moveTo('2026-04-17');
    const overdue = await office.get('/console/rectifications?show=overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.body).toContain('其中3项已超过整改期限尚未反馈');
    expect((overdue.body.match(/<tr class="overdue">/g) ?? []).length).toBe(3);
    const counts = await openRectificationCounts(db(), [d.deptA.id, d.deptB.id, d.office.id], '2026-04-17');
    expect(Object.fromEntries(counts)).toEqual({
      [d.deptA.id]: { open: 3, overdue: 3 },
      [d.deptB.id]: { open: 1, overdue: 0 },
      [d.office.id]: { open: 0, overdue: 0 },
    });
    const api = await office.api('GET', '/api/v1/rectifications?show=overdue');
    expect(api.statusCode).toBe(200);
    expect(api.json().tasks.map((t: { agency_id: number; overdue: boolean }) => [t.agency_id, t.overdue])).toEqual([[d.deptA.id, true], [d.deptA.id, true], [d.deptA.id, true]]);
  });

  it('drafts, numbers and issues a notice as an official DOCX, public on the portal', async () => {
    const badPrefix = await office.post('/console/notices/prefix', { prefix: '测〔' });
    expect(badPrefix.statusCode).toBe(400);
    expect(badPrefix.body).toContain('发文字号前缀：应为2至20个汉字或字母');
    expect((await office.post('/console/notices/prefix', { prefix: '测政办通' })).statusCode).toBe(303);

    await office.get(`/console/inspections/${inspectionId}`);
    const drafted = await office.post(`/console/inspections/${inspectionId}/notices`);
    expect(drafted.statusCode).toBe(303);
    const notice = await db().selectFrom('inspection_notices').selectAll().executeTakeFirstOrThrow();
    expect(notice).toMatchObject({
      title: '关于2026年第一季度政府网站和政务新媒体检查情况的通报', recipients: '区直各部门', status: 'draft', number: null, signer: '测试区人民政府办公室',
      attachment_title: '2026年第一季度政府网站和政务新媒体检查问题清单',
    });
    expect(JSON.parse(notice.results)).toEqual([
      { agencyId: d.deptA.id, agency: '测试区教育局', findings: 4, veto: true, result: '不合格' },
      { agencyId: d.deptB.id, agency: '测试区财政局', findings: 1, veto: true, result: '不合格' },
    ]);
    expect(notice.overview.split('\n')[1]).toBe('检查发现的问题已反馈各单位整改。截至2026年4月17日，已整改到位1个，正在整改4个。');
    const page = await office.get(`/console/notices/${notice.id}`);
    expect(page.body).toContain('印发时文号为测政办通〔2026〕1号');

    // The office edits the text; a blank title is refused and changes nothing.
    const edit = { title: notice.title, recipients: '区直有关部门', intro: notice.intro, overview: notice.overview, problems: notice.problems, requirements: notice.requirements };
    const blank = await office.post(`/console/notices/${notice.id}`, { ...edit, title: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('标题：请填写此项');
    expect((await office.post(`/console/notices/${notice.id}`, edit)).statusCode).toBe(303);
    expect((await office.post(`/console/notices/${notice.id}/issue`, { visibility: 'public' })).statusCode).toBe(303);
    const issued = await db().selectFrom('inspection_notices').selectAll().where('id', '=', notice.id).executeTakeFirstOrThrow();
    expect(issued).toMatchObject({ status: 'issued', visibility: 'public', number: '测政办通〔2026〕1号', year: 2026, serial: 1, issued_on: '2026-04-17', recipients: '区直有关部门' });
    const refused = await office.post(`/console/notices/${notice.id}`, edit);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('通报已印发，不能修改');
    expect(await auditActions('notice')).toEqual(['notice.draft', 'notice.update', 'notice.issue']);

    const portal = await new Browser(app).get('/notices');
    expect(portal.body).toContain('关于2026年第一季度政府网站和政务新媒体检查情况的通报');
    const publicPage = await new Browser(app).get(`/notices/${notice.id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('测政办通〔2026〕1号');
    expect(publicPage.body).toContain('（此件公开发布）');
    const docx = await new Browser(app).get(`/notices/${notice.id}/docx`);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of ['测试区人民政府办公室文件', '测政办通〔2026〕1号', '关于2026年第一季度政府网站和', '政务新媒体检查情况的通报', '区直有关部门：', '一、总体情况', '二、存在的主要问题', '三、整改要求', '附件：2026年第一季度政府网站和政务新媒体检查问题清单', '2026年4月17日', '（此件公开发布）', '测试区教育局', '不合格']) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:color w:val="C00000"');
  });

  it('keeps an internal notice off the portal but on the consoles of the agencies concerned, numbered next in the year', async () => {
    await moveTo('2026-04-20');
    const created = await office.api('POST', '/api/v1/inspections', { kind: 'adHoc', title: '2026年政策解读专项检查', startsOn: '2026-04-20', endsOn: '2026-04-20', agencyIds: [d.deptB.id], sites: true, accountIds: [] });
    expect(created.statusCode).toBe(201);
    const id = created.json().inspection.id as number;
    expect((await office.api('POST', `/api/v1/inspections/${id}/notices`)).json().error.code).toBe('INVALID_STATE');
    expect((await office.api('POST', `/api/v1/inspections/${id}/issue`, {})).json()).toEqual({ tasks: 0, rectifyBy: '2026-05-07', status: 'issued' });
    const draft = await office.api('POST', `/api/v1/inspections/${id}/notices`);
    expect(draft.statusCode).toBe(201);
    const noticeId = draft.json().notice.id as number;
    expect(draft.json().notice.title).toBe('关于2026年政策解读专项检查情况的通报');
    expect(draft.json().notice.problems).toBe('本次检查未发现问题。');
    const issued = await office.api('POST', `/api/v1/notices/${noticeId}/issue`, { visibility: 'internal' });
    expect(issued.json().notice).toMatchObject({ number: '测政办通〔2026〕2号', visibility: 'internal' });
    expect((await new Browser(app).get(`/notices/${noticeId}`)).statusCode).toBe(404);
    const adminB = await as('admin-b');
    expect((await adminB.get('/console/notices')).body).toContain('关于2026年政策解读专项检查情况的通报');
    expect((await adminB.get(`/console/notices/${noticeId}`)).statusCode).toBe(200);
    // 测试区教育局 was not inspected: the notice is not its business.
    const adminA = await as('admin-a');
    expect((await adminA.get(`/console/notices/${noticeId}`)).statusCode).toBe(404);
    expect((await adminA.get('/console/notices')).body).not.toContain('关于2026年政策解读专项检查情况的通报');
    // Published later, it appears on the portal.
    expect((await office.api('POST', `/api/v1/notices/${noticeId}/visibility`, { visibility: 'public' })).json().notice.visibility).toBe('public');
    expect((await new Browser(app).get(`/notices/${noticeId}`)).statusCode).toBe(200);
  });

  it('maps what a health source reports: reminders skipped, another agency\'s column dropped, health keys translated', async () => {
    const planned = await office.api('POST', '/api/v1/inspections', { kind: 'adHoc', title: '网站健康专项检查', startsOn: '2026-04-20', endsOn: '2026-04-21', agencyIds: [d.deptA.id], sites: true, accountIds: [] });
    const id = planned.json().inspection.id as number;
    const actor = { userId: d.officeAdmin.id, username: 'office-admin', displayName: '公开办', agencyId: d.office.id, roles: ['officeAdmin' as const], scope: 'all' as const };
    const source = async () => [
      { indicator: 'columnDueSoon', severity: 'warn', message: '栏目“通知公告”3天后超过更新期限', columnId: col.notices },
      { indicator: 'frequentColumnsNotUpdated', severity: 'veto', message: '动态要闻、通知公告、政策文件类栏目未更新5个' },
      { indicator: 'columnNotUpdated', severity: 'deduct', message: '栏目“财政动态”未更新', columnId: col.bNews, since: '2026-04-14' },
      { indicator: 'deadExternalLink', severity: 'deduct', message: '外部链接无法访问', url: 'https://www.example.gov.cn/gone' },
    ];
    expect(await prefillFindings(ctx, { actor, id, source })).toEqual({ added: 3 });
    const rows = await db().selectFrom('inspection_findings').select(['indicator', 'severity', 'column_id', 'url', 'since']).where('inspection_id', '=', id).orderBy('id').execute();
    expect(rows).toEqual([
      { indicator: 'columnsNotUpdated', severity: 'veto', column_id: null, url: `/agencies/${d.deptA.id}`, since: null },
      { indicator: 'staleColumn', severity: 'score', column_id: null, url: `/agencies/${d.deptA.id}`, since: '2026-04-14' },
      { indicator: 'deadLinks', severity: 'score', column_id: null, url: 'https://www.example.gov.cn/gone', since: null },
    ]);
  });

  it('gives the figures of report section 一', async () => {
    expect(await noticeFigures(db(), [d.government.id, d.office.id, d.deptA.id, d.deptB.id], 2026)).toEqual({ notices: 2, inspections: 2, findings: 5, rectified: 1 });
    expect(await noticeFigures(db(), [d.deptA.id], 2026)).toEqual({ notices: 1, inspections: 1, findings: 4, rectified: 1 });
    expect(await noticeFigures(db(), [d.deptB.id], 2026)).toEqual({ notices: 2, inspections: 2, findings: 1, rectified: 0 });
    expect(await noticeFigures(db(), [d.office.id], 2025)).toEqual({ notices: 0, inspections: 0, findings: 0, rectified: 0 });
  });

  it('answers the API with stable codes and keeps other districts out', async () => {
    const bad = await office.api('POST', '/api/v1/inspections', { kind: 'adHoc', agencyIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['agencyIds', 'endsOn', 'startsOn', 'title']);
    expect((await office.api('GET', `/api/v1/inspections/${inspectionId}`)).json().findings).toHaveLength(5);
    expect((await (await as('drafter-a')).api('GET', `/api/v1/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await (await as('auditor')).get(`/console/inspections/${inspectionId}`)).statusCode).toBe(200);
    expect((await (await as('auditor')).api('POST', `/api/v1/inspections/${inspectionId}/prefill`)).statusCode).toBe(403);
    const otherOffice = await makeAgency(ctx, { name: '另一区人民政府办公室', kind: 'office', parentId: (await db().selectFrom('agencies').select('parent_id').where('id', '=', otherDistrictAgency).executeTakeFirstOrThrow()).parent_id });
    await makeUser(ctx, { agencyId: otherOffice.id, roles: ['officeAdmin'], username: 'other-office' });
    const other = await as('other-office');
    expect((await other.get(`/console/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await other.api('GET', '/api/v1/rectifications')).json().tasks).toEqual([]);
  });
});

