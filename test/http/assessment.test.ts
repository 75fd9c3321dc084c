/**
 * The performance assessment (绩效考核) through HTTP on SQLite and PostgreSQL: the office sets up
 * a year's items (default, copy of last year, its own), each computed item is scored from the
 * records (publication within 20 working days, requests answered late, last year's report
 * published by 31 January in Beijing time, rectification tasks answered late), manual items are
 * scored by hand, the sheet totals and ranks, the XLSX for printing, who may do what, and the API.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const listedErrors = (body: string) => [...(/<div class="errors" role="alert">.*?<ul>(.*?)<\/ul>/s.exec(body)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
const alert = (body: string) => /<div class="errors" role="alert"><p>([^<]*)<\/p>/.exec(body)?.[1];

describe.each(DIALECTS)('the assessment score sheet on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let office: Browser;
  const items = (year: number) => ctx.database.db.selectFrom('assessment_items').selectAll().where('year', '=', year).orderBy('sort_order').orderBy('id').execute();
  const auditActions = async () => (await ctx.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'assessment.%').orderBy('seq').execute()).map((a) => a.action);

  /** The records of 2025 the computed items read (see the module comment for what each should give). */
  async function seedRecords() {
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();
    let n = 0;
    for (const agency of [d.deptA, d.deptB]) {
      const column = await db.insertInto('publication_columns').values({ agency_id: agency.id, parent_id: null, name: '工作动态', kind: 'news', sort_order: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      const item = (madeOn: string | null, publishedDate: string, withdrawn = false) => db.insertInto('publication_items').values({
        agency_id: agency.id, column_id: column.id, title: `信息${++n}`, body_html: '<p>正文</p>', info_kind: 'news', subject_category: null, issuing_agency: agency.name,
        document_number: null, written_date: null, made_on: madeOn, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null, correction_note: null,
        status: withdrawn ? 'withdrawn' : 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null, live_version: 1,
        index_number: `X/${n}`, published_date: publishedDate, first_published_at: at, validity_on: null, withdrawn_at: withdrawn ? at : null, withdrawal_reason: withdrawn ? '错误' : null,
        created_at: at, updated_at: at,
      }).execute();
      if (agency.id === d.deptA.id) {
        // 20 working days after 3 March 2025 end on 31 March (no holiday in March).
        await item('2025-03-03', '2025-03-28');
        await item('2025-03-03', '2025-03-31');
        await item('2025-03-03', '2025-04-01'); // late
        await item('2025-03-10', '2025-03-12');
        await item(null, '2025-05-01'); // no made-on date: not checked
        await item('2025-03-03', '2025-04-30', true); // withdrawn: not counted
        await item('2024-03-01', '2024-06-01'); // another year
      } else {
        await item('2025-08-01', '2025-08-05');
        await item('2025-09-01', '2025-09-02');
      }
    }

    const request = (agencyId: number, dueDate: string | null, handledOn: string | null) => db.insertInto('requests').values({
      agency_id: agencyId, tracking_number: `T-${++n}`, query_code_hash: 'x', requester_kind: 'naturalPerson', requester_name: '张三', requester_id_type: null, requester_id_number: null,
      requester_credit_code: null, requester_phone: null, requester_email: null, requester_address: null, requester_key: 'k', description: '申请公开某信息', preferred_form: '电子', delivery_way: '电子邮件',
      channel: 'online', received_on: '2025-01-02', state: handledOn ? 'replied' : 'registered', outcome: handledOn ? 'granted' : null, handled_on: handledOn, due_date: dueDate, due_flag: null,
      handler_user_id: null, public_log: 0, created_at: at, updated_at: at,
    }).execute();
    await request(d.deptA.id, '2025-04-10', '2025-04-15'); // answered late
    await request(d.deptA.id, '2025-12-20', null); // open past its due date
    await request(d.deptA.id, '2025-05-01', '2025-04-28'); // in time
    await request(d.deptA.id, '2026-02-10', null); // overdue, but in 2026
    await request(d.deptB.id, null, null); // an online submission not yet received

    // Reports on 2024: deptA's first version on 20 January 2025; deptB's at 01:00 on 1 February in Beijing (17:00 UTC on 31 January).
    const report = async (agencyId: number, published: string[]) => {
      const r = await db.insertInto('annual_reports').values({
        agency_id: agencyId, year: 2024, format: '2021', status: 'published', data: '{}', sources: '{}', explanations: '{}', version: published.length,
        reporting_unit: null, report_date: null, published_at: published[published.length - 1]!, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      for (const [i, p] of published.entries()) {
        await db.insertInto('annual_report_versions').values({
          report_id: r.id, version: i + 1, data: '{}', findings: '[]', explanations: '{}', correction_note: i ? '更正' : null, reporting_unit: 'x', report_date: p.slice(0, 10),
          published_at: p, published_by_user_id: null, published_by_name: 'x',
        }).execute();
      }
    };
    await report(d.deptA.id, ['2025-01-20T02:00:00.000Z', '2025-03-01T02:00:00.000Z']);
    await report(d.deptB.id, ['2025-01-31T17:00:00.000Z']);

    // Rectification tasks of an issued inspection.
    const inspection = await db.insertInto('inspections').values({
      office_agency_id: d.office.id, title: '2025年第二季度检查', kind: 'quarterly', year: 2025, quarter: 2, starts_on: '2025-06-01', ends_on: '2025-06-10', status: 'issued',
      issued_on: '2025-06-12', rectify_by: '2025-06-30', note: null, created_by: 'x', created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const task = async (agencyId: number, dueOn: string, status: 'open' | 'answered' | 'returned' | 'accepted', answeredOn: string | null) => {
      const finding = await db.insertInto('inspection_findings').values({
        inspection_id: inspection.id, agency_id: agencyId, target_id: null, indicator: 'columnsNotUpdated', severity: 'score', description: '栏目不更新', url: null, column_id: null,
        item_id: null, since: null, origin: 'manual', created_by: 'x', created_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('rectification_tasks').values({
        finding_id: finding.id, inspection_id: inspection.id, agency_id: agencyId, due_on: dueOn, status, answered_on: answeredOn, accepted_on: status === 'accepted' ? answeredOn : null,
        returns: 0, created_at: at, updated_at: at,
      }).execute();
    };
    await task(d.deptA.id, '2025-06-30', 'accepted', '2025-06-28');
    await task(d.deptA.id, '2025-06-30', 'open', null); // never answered
    await task(d.deptB.id, '2025-09-30', 'answered', '2025-10-05'); // answered late
    await task(d.deptB.id, '2026-03-10', 'open', null); // due next year
  }

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    await seedRecords();
    app = await testApp(ctx);
    office = new Browser(app);
    await office.login('office-admin');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('the office starts 2025 from the default items; bad items get Chinese errors; a second start is refused', async () => {
    const empty = await office.get('/console/assessment');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('绩效考核 · 2025年度');
    expect(empty.body).toContain('2025年度尚未设置评分项');
    const page = await office.get(`/console/assessment/items?officeId=${d.office.id}&year=2025`);
    expect(page.body).toContain('默认评分项（5项，共100分）');
    const started = await office.post('/console/assessment/items/setup', { officeId: String(d.office.id), year: '2025', from: 'default' });
    expect(started.statusCode).toBe(303);
    expect((await items(2025)).map((i) => [i.sort_order, i.name, i.rule, i.max_score, i.deduction])).toEqual([
      [1, '主动公开信息发布及时', 'timelyPublication', 30, null],
      [2, '依申请公开按期答复', 'overdueRequests', 25, 5],
      [3, '政府信息公开工作年度报告按时发布', 'reportOnTime', 15, null],
      [4, '检查发现问题按期整改', 'rectificationOverdue', 15, 3],
      [5, '政务新媒体管理和培训参与', 'manual', 15, null],
    ]);
    const again = await office.post('/console/assessment/items/setup', { officeId: String(d.office.id), year: '2025', from: 'default' });
    expect(again.statusCode).toBe(409);
    expect(alert(again.body)).toBe('2025年度已有评分项，请逐项修改');

    const base = { officeId: String(d.office.id), year: '2025', name: '政策解读', rule: 'overdueRequests', maxScore: '10' };
    const noDeduction = await office.post('/console/assessment/items', base);
    expect(noDeduction.statusCode).toBe(400);
    expect(listedErrors(noDeduction.body)).toEqual(['每次扣分：按次数扣分的评分项须填写每次扣减的分数']);
    const tooMuch = await office.post('/console/assessment/items', { ...base, rule: 'manual', maxScore: '100.5' });
    expect(listedErrors(tooMuch.body)).toEqual(['分值：应大于0、不超过100']);
    const decimals = await office.post('/console/assessment/items', { ...base, rule: 'manual', maxScore: '2.345', name: '' });
    expect(listedErrors(decimals.body)).toEqual(['评分项名称：请填写此项', '分值：最多2位小数']);
    expect((await items(2025)).length).toBe(5);
    expect(await auditActions()).toEqual(['assessment.items.setup']);
  });

  it('computes every item from the records; manual items are blank until scored, then totals and ranks', async () => {
    const sheet = await office.api('GET', `/api/v1/assessment/sheet?officeId=${d.office.id}&year=2025`);
    expect(sheet.statusCode).toBe(200);
    const body = sheet.json();
    expect(body.title).toBe('测试区人民政府2025年度政务公开工作绩效考核评分表');
    expect(body.maxTotal).toBe(100);
    expect(body.rows.map((r: { agency: string }) => r.agency)).toEqual(['测试区教育局', '测试区财政局']);
    const scores = (k: number) => body.rows[k].scores.map((s: { score: number | null; detail: string }) => [s.score, s.detail]);
    expect(scores(0)).toEqual([
      [22.5, '按时发布3条/应核对4条（75%）'],
      [15, '未按期答复的申请2件，每件扣5分'],
      [15, '2024年度报告于2025-01-20发布，未超过期限2025-01-31'],
      [12, '未按期整改的问题1项，每项扣3分'],
      [null, '尚未评分'],
    ]);
    expect(scores(1)).toEqual([
      [30, '按时发布2条/应核对2条（100%）'],
      [25, '没有未按期答复的申请'],
      [0, '2024年度报告于2025-02-01发布，超过期限2025-01-31'],
      [12, '未按期整改的问题1项，每项扣3分'],
      [null, '尚未评分'],
    ]);
    expect(body.rows.map((r: { total: number; rank: number; unscored: number }) => [r.total, r.rank, r.unscored])).toEqual([[64.5, 2, 1], [67, 1, 1]]);

    const manual = (await items(2025)).find((i) => i.rule === 'manual')!;
    const scoring = await office.get(`/console/assessment/items/${manual.id}/scores`);
    expect(scoring.statusCode).toBe(200);
    expect(scoring.body).toContain(`name="s_${d.deptA.id}"`);
    expect(scoring.body).not.toContain(`name="s_${d.office.id}"`);
    const over = await office.post(`/console/assessment/items/${manual.id}/scores`, { [`s_${d.deptA.id}`]: '16', [`n_${d.deptA.id}`]: '', [`s_${d.deptB.id}`]: '-1' });
    expect(over.statusCode).toBe(400);
    expect(listedErrors(over.body)).toEqual(['评分：不能为负数']);
    const over2 = await office.post(`/console/assessment/items/${manual.id}/scores`, { [`s_${d.deptA.id}`]: '16', [`s_${d.deptB.id}`]: '10.5' });
    expect(listedErrors(over2.body)).toEqual(['测试区教育局：得分不能超过分值15分']);
    const outside = await office.post(`/console/assessment/items/${manual.id}/scores`, { [`s_${d.office.id}`]: '10' });
    expect(listedErrors(outside.body)).toEqual([`评分：单位（编号${d.office.id}）不在本公开办的考核范围内`]);
    expect(await ctx.database.db.selectFrom('assessment_scores').selectAll().execute()).toEqual([]);

    const saved = await office.post(`/console/assessment/items/${manual.id}/scores`, {
      [`s_${d.deptA.id}`]: '14', [`n_${d.deptA.id}`]: '账号管理规范，按时参加培训', [`s_${d.deptB.id}`]: '10.5', [`n_${d.deptB.id}`]: '',
    });
    expect(saved.statusCode).toBe(303);
    const page = await office.get(`/console/assessment?officeId=${d.office.id}&year=2025`);
    expect(page.body).toContain('<th scope="row">测试区教育局</th>');
    expect(page.body).toContain('<strong>22.5</strong><span class="basis">按时发布3条/应核对4条（75%）</span>');
    expect(page.body).toContain('<strong>14</strong><span class="basis">账号管理规范，按时参加培训</span>');
    expect(page.body).toContain('<td><strong>78.5</strong></td><td>1</td>');
    expect(page.body).toContain('<td><strong>77.5</strong></td><td>2</td>');

    const computed = (await items(2025)).find((i) => i.rule === 'reportOnTime')!;
    const refused = await office.post(`/console/assessment/items/${computed.id}/scores`, { [`s_${d.deptA.id}`]: '1' });
    expect(refused.statusCode).toBe(409);
    expect(alert(refused.body)).toBe('“政府信息公开工作年度报告按时发布”按记录自动计分，不能手工评分');
    expect((await auditActions()).slice(-1)).toEqual(['assessment.scores.save']);
  });

  it('the sheet as XLSX, laid out for printing', async () => {
    const res = await office.get(`/console/assessment/sheet.xlsx?officeId=${d.office.id}&year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('测试区人民政府2025年度政务公开工作绩效考核评分表.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['绩效考核评分表']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('测试区人民政府2025年度政务公开工作绩效考核评分表');
    expect(ws.getCell('A2').value).toBe('考核单位：测试区人民政府办公室　　满分：100分　　计算日期：2026-03-02');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号', '单位', '主动公开信息发布及时\n（30分）', '依申请公开按期答复\n（25分）', '政府信息公开工作年度报告按时发布\n（15分）', '检查发现问题按期整改\n（15分）', '政务新媒体管理和培训参与\n（15分）', '合计\n（100分）', '排名',
    ]);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([1, '测试区教育局', 22.5, 15, 15, 12, 14, 78.5, 1]);
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([2, '测试区财政局', 30, 25, 0, 12, 10.5, 77.5, 2]);
    expect(ws.getCell('E5').note).toBe('2024年度报告于2025-02-01发布，超过期限2025-01-31');
    expect(ws.getCell('C4').numFmt).toBe('0.##;-0.##;0');
    expect(ws.getCell('A7').value).toBe('评分说明');
    expect(String(ws.getCell('A9').value)).toMatch(/^2\. 依申请公开按期答复（25分，依申请公开逾期答复）：答复期限在本年度届满.*每次扣5分。$/);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.getCell('B3').border?.left?.style).toBe('thin');
  });

  it('items change under rules: no new rule while scores exist, points not below a score entered; deletion; a copy for next year', async () => {
    const manual = (await items(2025)).find((i) => i.rule === 'manual')!;
    const ruleChange = await office.post(`/console/assessment/items/${manual.id}`, { name: manual.name, rule: 'timelyPublication', maxScore: '15' });
    expect(ruleChange.statusCode).toBe(409);
    expect(alert(ruleChange.body)).toBe('该评分项已有2个单位的评分，不能改变计分方式；如需改变，请先删除该评分项');
    const lower = await office.post(`/console/assessment/items/${manual.id}`, { name: manual.name, rule: 'manual', maxScore: '12' });
    expect(lower.statusCode).toBe(400);
    expect(listedErrors(lower.body)).toEqual(['分值：已有单位得分14分，分值不能低于该分数']);
    const renamed = await office.post(`/console/assessment/items/${manual.id}`, { name: '政务新媒体管理', rule: 'manual', maxScore: '14', sortOrder: '9' });
    expect(renamed.statusCode).toBe(303);
    expect((await items(2025)).slice(-1).map((i) => [i.name, i.max_score, i.sort_order])).toEqual([['政务新媒体管理', 14, 9]]);

    const extra = await office.post('/console/assessment/items', { officeId: String(d.office.id), year: '2025', name: '政策解读', rule: 'manual', maxScore: '5' });
    expect(extra.statusCode).toBe(303);
    const created = (await items(2025)).find((i) => i.name === '政策解读')!;
    expect(created.sort_order).toBe(10);
    expect((await office.post(`/console/assessment/items/${created.id}/delete`)).statusCode).toBe(303);
    expect((await items(2025)).map((i) => i.name)).not.toContain('政策解读');

    const copy = await office.post('/console/assessment/items/setup', { officeId: String(d.office.id), year: '2026', from: 'previous' });
    expect(copy.statusCode).toBe(303);
    expect((await items(2026)).map((i) => [i.name, i.max_score])).toEqual((await items(2025)).map((i) => [i.name, i.max_score]));
    const noPrevious = await office.post('/console/assessment/items/setup', { officeId: String(d.office.id), year: '2020', from: 'previous' });
    expect(listedErrors(noPrevious.body)).toEqual(['评分项来源：2019年度没有评分项，请使用默认评分项']);
    // 2026: one request of deptA overdue since February; its report on 2025 not published by 31 January 2026;
    // deptB's task due in March 2026 is not late yet.
    const sheet2026 = (await office.api('GET', `/api/v1/assessment/sheet?officeId=${d.office.id}&year=2026`)).json();
    expect(sheet2026.rows.map((r: { scores: Array<{ score: number | null }> }) => r.scores.map((s) => s.score))).toEqual([[30, 20, 0, 15, null], [30, 25, 0, 15, null]]);
    expect(sheet2026.rows[0].scores[1].detail).toBe('未按期答复的申请1件，每件扣5分');
    expect(sheet2026.rows[0].scores[2].detail).toBe('2025年度报告逾期未发布（期限2026-01-31）');
    expect(sheet2026.rows[1].scores[0].detail).toBe('本年度没有应核对发布时限的信息，不扣分');
    expect(await auditActions()).toEqual([
      'assessment.items.setup', 'assessment.scores.save', 'assessment.item.update', 'assessment.item.create', 'assessment.item.delete', 'assessment.items.setup',
    ]);
  });

  it('who may do what: the auditor reads, the agencies do not; the API speaks in stable codes', async () => {
    const auditor = new Browser(app);
    await auditor.login('auditor');
    const read = await auditor.get('/console/assessment?year=2025');
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('<td><strong>78.5</strong></td><td>1</td>');
    const manual = (await items(2025)).find((i) => i.rule === 'manual')!;
    const refused = await auditor.post(`/console/assessment/items/${manual.id}/scores`, { [`s_${d.deptA.id}`]: '1' });
    expect(refused.statusCode).toBe(403);
    expect((await auditor.api('POST', '/api/v1/assessment/items', { officeId: d.office.id, year: 2025, name: 'x', rule: 'manual', maxScore: 1 })).json().error.code).toBe('FORBIDDEN');

    for (const who of ['drafter-a', 'admin-a']) {
      const b = new Browser(app);
      await b.login(who);
      expect((await b.get('/console/assessment')).statusCode).toBe(403);
      expect((await b.api('GET', '/api/v1/assessment/sheet')).json().error.code).toBe('FORBIDDEN');
    }

    const put = await office.api('PUT', `/api/v1/assessment/items/${manual.id}/scores`, { scores: [{ agencyId: d.deptB.id, score: null }] });
    expect(put.statusCode).toBe(200);
    expect(put.json().scores.map((s: { agency_id: number; score: number }) => [s.agency_id, s.score])).toEqual([[d.deptA.id, 14]]);
    const bad = await office.api('POST', '/api/v1/assessment/items', { officeId: d.office.id, year: 2025, name: '解读', rule: 'bogus', maxScore: 5 });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'rule', message: '计分方式：请选择计分方式' }] });
    const missing = await office.api('GET', '/api/v1/assessment/items?officeId=999999');
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });
});
