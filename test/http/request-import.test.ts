/**
 * Bulk import of past requests through HTTP on SQLite and PostgreSQL: an XLSX that imports (and
 * is counted in report section 三), a CSV with one bad row that imports nothing, an agency
 * outside the actor's scope, the same file twice, the template, and who may import.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRequestSections, type RequestRecord } from '../../src/domain/requests/report.js';
import type { Outcome, RequesterKind } from '../../src/domain/requests/types.js';
import { IMPORT_COLUMNS } from '../../src/domain/requests/import.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const HEADER = IMPORT_COLUMNS.map((c) => c.header);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Three requests to 测试区教育局 in the template's layout, as a clerk fills it in Excel. */
async function threeRowWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申请记录');
  sheet.addRow(HEADER);
  sheet.addRow(['【填写说明】本行导入时跳过']);
  sheet.addRow(['测试区教育局', '自然人', '王小明', '11010519491231002X', '0874-1234567', '申请公开2025年校舍维修项目的招标文件', '网上申请', utc(2025, 3, 3), null, null, null, utc(2025, 3, 20), '予以公开', null]);
  sheet.addRow(['测试区教育局', '商业企业', '云岭某建设有限公司', '91530303MA6K00000M', null, '申请公开某涉密工程的设计图纸', '信函', '2025/11/10', '2025年11月12日', '2025-11-20', 10, '2025-12-30', '三（三）1', '经保密审查属于国家秘密']);
  sheet.addRow(['测试区教育局', '自然人', '李小红', null, '13800000000', '申请公开2025年学区划分方案的论证材料', '当面申请', '2025-12-22', null, null, null, null, null, null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (rows: readonly (readonly string[])[]) => `\ufeff${[HEADER, ...rows].map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n')}\r\n`;
const csvRow = (over: Partial<Record<string, string>>) =>
  IMPORT_COLUMNS.map((c) => over[c.key] ?? ({
    agency: '测试区教育局', requesterKind: '自然人', requesterName: '赵六', description: '申请公开2024年财政专项资金分配结果', channel: '电子邮件', receivedOn: '2024-06-03',
    repliedOn: '2024-06-20', outcome: '本机关不掌握相关政府信息',
  } as Record<string, string>)[c.key] ?? '');
const listed = (body: string) => [...body.matchAll(/<li>(第\d+行[^<]*)<\/li>/g)].map((m) => m[1]);

describe.each(DIALECTS)('importing past requests on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let handler: Browser;
  const requestCount = async () => (await ctx.database.db.selectFrom('requests').select('id').execute()).length;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler'], username: 'handler-a' });
    app = await testApp(ctx);
    handler = new Browser(app);
    await handler.login('handler-a');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('a valid XLSX of three rows imports three requests, with their states and report figures', async () => {
    const page = await handler.get('/console/requests/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('答复日期（办结日期）');
    const res = await handler.upload('/console/requests/import', {}, { name: '2025年申请登记表.xlsx', content: await threeRowWorkbook() });
    expect(res.statusCode).toBe(303);
    expect((await handler.get('/console/requests/import')).body).toContain('已导入3件申请，受理编号IMP20260302-0000001至IMP20260302-0000003');

    const rows = await ctx.database.db.selectFrom('requests').selectAll().orderBy('tracking_number').execute();
    expect(rows.map((r) => [r.tracking_number, r.agency_id, r.requester_kind, r.channel, r.received_on, r.state, r.outcome, r.handled_on, r.due_date])).toEqual([
      ['IMP20260302-0000001', d.deptA.id, 'naturalPerson', 'online', '2025-03-03', 'replied', 'granted', '2025-03-20', '2025-03-31'],
      // 20 + 10 working days from the clarified request (2025-11-20); Sunday 2026-01-04 is a make-up working day.
      ['IMP20260302-0000002', d.deptA.id, 'enterprise', 'postSigned', '2025-11-10', 'replied', 'withheld.stateSecret', '2025-12-30', '2026-01-04'],
      // Still open: 20 working days from 2025-12-22, with New Year's Day off.
      ['IMP20260302-0000003', d.deptA.id, 'naturalPerson', 'inPerson', '2025-12-22', 'registered', null, null, '2026-01-20'],
    ]);
    expect(rows[1]).toMatchObject({ requester_credit_code: '91530303MA6K00000M', requester_key: 'org:91530303MA6K00000M', requester_id_number: null });
    expect(rows[2]).toMatchObject({ requester_phone: '13800000000', requester_key: 'name:李小红|13800000000' });

    const events = await ctx.database.db.selectFrom('request_events').select(['seq', 'type', 'on_date']).where('request_id', '=', rows[1]!.id).orderBy('seq').execute();
    expect(events).toEqual([
      { seq: 1, type: 'registered', on_date: '2025-11-10' },
      { seq: 2, type: 'clarificationRequested', on_date: '2025-11-12' },
      { seq: 3, type: 'clarified', on_date: '2025-11-20' },
      { seq: 4, type: 'extended', on_date: '2025-11-20' },
      { seq: 5, type: 'decided', on_date: '2025-12-30' },
      { seq: 6, type: 'replied', on_date: '2025-12-30' },
    ]);

    const records: RequestRecord[] = rows.map((r) => ({
      id: String(r.id), requesterKind: r.requester_kind as RequesterKind, receivedOn: r.received_on, handledOn: r.handled_on, outcome: r.outcome as Outcome | null,
    }));
    const { section3, problems } = computeRequestSections(2025, records, []);
    expect(problems).toEqual([]);
    expect(section3.received).toMatchObject({ naturalPerson: 2, enterprise: 1, total: 3 });
    expect(section3.carriedIn.total).toBe(0);
    expect(section3.granted).toMatchObject({ naturalPerson: 1, enterprise: 0, total: 1 });
    expect(section3['withheld.stateSecret']).toMatchObject({ naturalPerson: 0, enterprise: 1, total: 1 });
    expect(section3.handledTotal).toMatchObject({ naturalPerson: 1, enterprise: 1, total: 2 });
    expect(section3.carriedOut).toMatchObject({ naturalPerson: 1, enterprise: 0, total: 1 });

    const audit = await ctx.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'request').execute();
    expect(audit.map((a) => a.action)).toEqual(['request.import']);
    expect(audit[0]!.agency_id).toBe(d.deptA.id);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      fileName: '2025年申请登记表.xlsx', rows: 3, agencyIds: [d.deptA.id], perAgency: { [d.deptA.id]: 3 },
      trackingNumbers: { first: 'IMP20260302-0000001', last: 'IMP20260302-0000003' },
    });
  });

  it('the same file again: every row repeats a stored request, nothing is imported', async () => {
    const before = await requestCount();
    const res = await handler.upload('/console/requests/import', {}, { name: '2025年申请登记表.xlsx', content: await threeRowWorkbook() });
    expect(res.statusCode).toBe(400);
    expect(listed(res.body)).toEqual([3, 4, 5].map((row, i) =>
      `第${row}行：与已登记的申请IMP20260302-000000${i + 1}重复（受理单位、申请人、申请内容和收到申请日期均相同），该行可能已经导入过`));
    expect(await requestCount()).toBe(before);
  });

  it("a CSV with one bad row among good ones imports nothing and lists exactly that row's errors", async () => {
    const before = await requestCount();
    const auditBefore = (await ctx.database.db.selectFrom('audit_log').select('seq').execute()).length;
    const file = csv([
      csvRow({ requesterName: '赵六' }),
      csvRow({ requesterName: '孙七', outcome: '三（五）2', description: '申请公开"十四五"规划中期评估报告' }),
      csvRow({ requesterName: '周八', extensionDays: '25', repliedOn: '2024-05-31', outcome: '予以公开' }),
      csvRow({ requesterName: '吴九', repliedOn: '', outcome: '' }),
    ]);
    const res = await handler.upload('/console/requests/import', {}, { name: '2024.csv', content: file });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('在4行数据中发现2处错误，涉及1行');
    expect(listed(res.body)).toEqual([
      '第4行“延期天数”：应为1至20之间的整数（第三十三条第二款：延长的期限最长不得超过20个工作日）',
      '第4行“答复日期（办结日期）”：早于收到申请日期',
    ]);
    expect(await requestCount()).toBe(before);
    expect((await ctx.database.db.selectFrom('audit_log').select('seq').execute()).length).toBe(auditBefore);

    const fixed = csv([csvRow({ requesterName: '赵六' }), csvRow({ requesterName: '周八', extensionDays: '15', outcome: '予以公开' })]);
    expect((await handler.upload('/console/requests/import', {}, { name: '2024.csv', content: fixed })).statusCode).toBe(303);
    expect(await requestCount()).toBe(before + 2);
  });

  it("a row for an agency outside the actor's scope is an error", async () => {
    const before = await requestCount();
    const res = await handler.upload('/console/requests/import', {}, { name: 'b.csv', content: csv([csvRow({ agency: '测试区财政局', requesterName: '郑十' })]) });
    expect(res.statusCode).toBe(400);
    expect(listed(res.body)).toEqual(['第2行“受理单位”：找不到“测试区财政局”，或您无权办理该单位的申请']);
    expect(await requestCount()).toBe(before);
  });

  it('a file that is not a spreadsheet is refused with a clear message', async () => {
    const res = await handler.upload('/console/requests/import', {}, { name: 'x.xlsx', content: Buffer.from('PK\u0003\u0004broken') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('无法读取该Excel文件');
  });

  it('the template: header, explanations, the lists of the actor’s agencies, and it imports once filled in', async () => {
    const res = await handler.get('/console/requests/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const [sheet, lists] = workbook.worksheets;
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(String(sheet!.getCell('A2').value)).toMatch(/^【填写说明】/);
    expect(sheet!.getCell('M3').dataValidation).toMatchObject({ type: 'list', formulae: ["'可选值'!$D$2:$D$23"] });
    expect(lists!.getColumn(1).values.slice(1)).toEqual(['受理单位', '测试区教育局']);

    sheet!.getRow(3).values = ['测试区教育局', '自然人', '钱十一', '', '', '申请公开2026年春季学期招生计划', '口头申请', '2026-02-02', '', '', '', '2026-02-05', '撤回', '申请人电话告知撤回'];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await handler.upload('/console/requests/import', {}, { name: 'template.xlsx', content: filled })).statusCode).toBe(303);
    const row = await ctx.database.db.selectFrom('requests').selectAll().where('requester_name', '=', '钱十一').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'oral', state: 'closed', outcome: 'other.other', handled_on: '2026-02-05' });
  });

  it('drafters and office administrators may not import', async () => {
    for (const username of ['drafter-a', 'office-admin']) {
      const user = new Browser(app);
      await user.login(username);
      expect((await user.get('/console/requests/import')).statusCode).toBe(403);
      expect((await user.get('/console/requests/import/template.xlsx')).statusCode).toBe(403);
      await user.get('/console/'); // a page with a CSRF token (the sign-out form)
      const res = await user.upload('/console/requests/import', {}, { name: 'a.csv', content: csv([csvRow({ requesterName: '冯十二' })]) });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('无权导入依申请公开记录');
    }
    expect(await ctx.database.db.selectFrom('requests').select('id').where('requester_name', '=', '冯十二').execute()).toEqual([]);
  });
});
