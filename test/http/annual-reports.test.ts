/**
 * Annual reports through HTTP on SQLite and PostgreSQL: entry, checks, publication,
 * corrections with versions, the portal, the office's overview and roll-up, and checking a file.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, listCells, getFigure, setFigure, type ReportData } from '../../src/domain/report/index.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';
import { Browser, testApp } from '../http.js';

const ZHANYI = new URL('../../../shared/fixtures/reports/zhanyi-2022.txt', import.meta.url);

/** A small consistent 2025 report: 3 requests from natural persons, 2 granted, 1 carried over. */
function consistentReport(agency: string): ReportData {
  const r = emptyReport('2021', agency, 2025);
  const set = (path: string, v: number) => setFigure(r, path, v);
  set('section3.received.naturalPerson', 3);
  set('section3.received.total', 3);
  set('section3.granted.naturalPerson', 2);
  set('section3.granted.total', 2);
  set('section3.handledTotal.naturalPerson', 2);
  set('section3.handledTotal.total', 2);
  set('section3.carriedOut.naturalPerson', 1);
  set('section3.carriedOut.total', 1);
  set('section2.normativeDocs.issued', 2);
  set('section2.normativeDocs.inForce', 12);
  set('section2.licensing.decisions', 1500);
  set('section2.fees.amountWanYuan', 12.5);
  r.narrative.overview = '2025年，共受理政府信息公开申请3件。现行有效行政规范性文件10件。';
  return r;
}

function formOf(r: ReportData): Record<string, string> {
  const form: Record<string, string> = {
    narrativeOverview: r.narrative.overview, narrativeProblems: r.narrative.problems, narrativeOther: r.narrative.other,
    reportingUnit: '', reportDate: '2026-01-20',
  };
  for (const p of listCells(r)) form[`cell:${p}`] = String(getFigure(r, p) ?? '');
  return form;
}

describe.each(DIALECTS)('annual reports on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  const auditCount = async () => Number((await ctx.database.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('an agency administrator enters figures; a wrong cell saves nothing and is named in Chinese', async () => {
    const b = new Browser(app);
    await b.login('admin-a');
    const page = await b.get(`/console/reports/${d.deptA.id}/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('状态：<strong>未开始</strong>');
    expect(page.body).toContain('name="cell:section3.withheld.stateSecret.naturalPerson"');

    const before = await auditCount();
    const bad = formOf(consistentReport('x'));
    bad['cell:section3.received.total'] = '三';
    bad['cell:section2.licensing.decisions'] = '-5';
    const refused = await b.post(`/console/reports/${d.deptA.id}/2025`, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('行政许可');
    expect(refused.body).toContain('不能为负数');
    expect(refused.body).toContain('应填写整数');
    expect(await auditCount()).toBe(before);
    expect(await ctx.database.db.selectFrom('annual_reports').selectAll().execute()).toEqual([]);

    const form = formOf(consistentReport('x'));
    form['cell:section3.received.total'] = '４';
    const saved = await b.post(`/console/reports/${d.deptA.id}/2025`, form);
    expect(saved.statusCode).toBe(303);
    const after = await b.get(`/console/reports/${d.deptA.id}/2025`);
    expect(after.body).toContain('表三“一”行：自然人至其他六列之和为3，而总计列为4');
    expect(after.body).toContain('title="人工录入：用户');
    expect(await auditCount()).toBe(before + 1);
  });

  it('a 2020 report is entered in the 2019 trial format', async () => {
    const b = new Browser(app);
    await b.login('admin-a');
    const page = await b.get(`/console/reports/${d.deptA.id}/2020`);
    expect(page.body).toContain('国办公开办函〔2019〕60号（试行格式）');
    expect(page.body).toContain('本年新制作数量');
    expect(page.body).toContain('name="cell:section2.licensing.change"');
    expect(page.body).toContain('name="cell:section3.other.total"');
    expect(page.body).not.toContain('name="cell:section3.other.feeUnpaid.total"');
    const form: Record<string, string> = { 'cell:section2.licensing.change': '-3', 'cell:section3.other.total': '2' };
    expect((await b.post(`/console/reports/${d.deptA.id}/2020`, form)).statusCode).toBe(303);
    const api = await b.api('GET', `/api/v1/reports/${d.deptA.id}/2020`);
    expect(api.json().report.format).toBe('2019');
    expect(api.json().report.section2.licensing.change).toBe(-3);
    expect(api.json().report.section3.other.total).toBe(2);
  });

  it('a hard finding blocks “checked”; fixed figures pass; soft findings need an explanation to publish', async () => {
    const b = new Browser(app);
    await b.login('admin-a');
    const base = `/console/reports/${d.deptA.id}/2025`;
    await b.get(base);
    const blocked = await b.post(`${base}/check`);
    expect(blocked.statusCode).toBe(303);
    expect((await b.get(base)).body).toContain('检查未通过');

    await b.post(base, formOf(consistentReport('x')));
    await b.post(`${base}/check`);
    const checked = await b.get(base);
    expect(checked.body).toContain('状态：<strong>已检查</strong>');
    // The narrative says 10 normative documents in force; the table says 12.
    expect(checked.body).toContain('现行有效行政规范性文件');

    const unexplained = await b.post(`${base}/publish`, { reportDate: '2026-01-20' });
    expect(unexplained.statusCode).toBe(409);
    expect(unexplained.body).toContain('不能发布：有1项提示尚未填写说明');

    const key = 'narrative.mismatch:section2.normativeDocs.inForce';
    const ok = await b.post(`${base}/publish`, { reportDate: '2026-01-20', [`explain:${key}`]: '正文所述10件为区政府本级文件，表格含部门文件' });
    expect(ok.statusCode).toBe(303);
    const rows = await ctx.database.db.selectFrom('annual_report_versions').select(['version', 'report_date', 'explanations']).execute();
    expect(rows).toEqual([{ version: 1, report_date: '2026-01-20', explanations: JSON.stringify({ [key]: '正文所述10件为区政府本级文件，表格含部门文件' }) }]);
  });

  it('the portal lists the published report and offers it as HTML, Word, Excel and JSON', async () => {
    const list = await app.inject({ method: 'GET', url: '/annual-reports' });
    expect(list.body).toContain(`href="/annual-reports/${d.deptA.id}/2025"`);
    expect(list.body).toContain('测试区教育局2025年政府信息公开工作年度报告');
    const page = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1500');
    expect(page.body).toContain('2026年1月20日');

    const docx = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025/download/docx` });
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('测试区教育局2025年政府信息公开工作年度报告');
    expect(xml).toContain('>1500<');

    const json = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025/download/json` });
    expect(json.json().section2.licensing).toEqual({ decisions: 1500 });
    expect(json.headers['content-disposition']).toContain("filename*=UTF-8''");
    const xlsx = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025/download/xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.inject({ method: 'GET', url: `/annual-reports/${d.deptB.id}/2025` })).statusCode).toBe(404);
  });

  it('a published report is immutable; a correction publishes version 2 and both stay visible', async () => {
    const b = new Browser(app);
    await b.login('admin-a');
    const base = `/console/reports/${d.deptA.id}/2025`;
    await b.get(base);
    const form = formOf(consistentReport('x'));
    form['cell:section2.licensing.decisions'] = '1600';
    const refused = await b.post(base, form);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('已发布的报告不能直接修改');

    await b.post(`${base}/correct`);
    await b.post(base, form);
    await b.post(`${base}/check`);
    const noNote = await b.post(`${base}/publish`, { reportDate: '2026-02-10' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('更正说明：更正已发布的报告须说明更正的内容和原因');
    await b.post(`${base}/publish`, { reportDate: '2026-02-10', correctionNote: '行政许可决定数量统计遗漏，由1500更正为1600' });

    const latest = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025` });
    expect(latest.body).toContain('1600');
    expect(latest.body).toContain('行政许可决定数量统计遗漏');
    expect(latest.body).toContain('第2版');
    expect(latest.body).toContain(`href="/annual-reports/${d.deptA.id}/2025/versions/1"`);
    const first = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025/versions/1` });
    expect(first.body).toContain('这是第1版，已被更正');
    expect(first.body).toContain('1500');
    expect(first.body).toContain(`href="/annual-reports/${d.deptA.id}/2025/versions/1/download/docx"`);
    const firstJson = await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025/versions/1/download/json` });
    expect(JSON.parse(firstJson.body).section2.licensing.decisions).toBe(1500);
    // The query form of earlier links still works.
    expect((await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025?version=1` })).body).toContain('这是第1版，已被更正');
    expect((await app.inject({ method: 'GET', url: `/annual-reports/${d.deptA.id}/2025?version=9` })).statusCode).toBe(404);
  });

  it('other agencies cannot see or change a report; a drafter may read but not edit', async () => {
    const other = new Browser(app);
    await other.login('drafter-b');
    expect((await other.get(`/console/reports/${d.deptA.id}/2025`)).statusCode).toBe(404);
    expect((await other.api('GET', `/api/v1/reports/${d.deptA.id}/2025`)).statusCode).toBe(404);
    const own = new Browser(app);
    await own.login('drafter-a');
    expect((await own.get(`/console/reports/${d.deptA.id}/2025`)).statusCode).toBe(200);
    const put = await own.api('PUT', `/api/v1/reports/${d.deptA.id}/2025`, consistentReport('x'));
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('FORBIDDEN');
  });

  it('the JSON API takes the DESIGN.md shape and refuses figures given as strings', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const wrong = consistentReport('x') as unknown as { section3: { received: { total: unknown } } };
    wrong.section3.received.total = '3';
    const refused = await b.api('PUT', `/api/v1/reports/${d.deptB.id}/2025`, wrong);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    const ok = await b.api('PUT', `/api/v1/reports/${d.deptB.id}/2025`, consistentReport('anything'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().report.agency).toBe('测试区财政局');
    expect(ok.json().status).toBe('draft');
  });

  it('the office sees every agency against its legal deadline, and rolls reports up with a breakdown', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    const overview = await b.api('GET', '/api/v1/reports?year=2025');
    const byName = Object.fromEntries(overview.json().agencies.map((a: { name: string }) => [a.name, a]));
    // The fake clock stands at 2026-03-02: departments were due on 2026-01-31, the government on 2026-03-31.
    expect(byName['测试区教育局']).toMatchObject({ status: 'published', version: 2, overdue: false, deadline: '2026-01-31' });
    expect(byName['测试区财政局']).toMatchObject({ status: 'draft', version: 0, overdue: true });
    expect(byName['测试区人民政府']).toMatchObject({ status: 'missing', overdue: false, deadline: '2026-03-31' });

    const page = await b.get(`/console/reports/rollup?year=2025&agencyIds=${d.deptA.id}&agencyIds=${d.deptB.id}&agencyIds=${d.government.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('未填报、未计入：测试区人民政府');
    expect(page.body).toContain('测试区教育局 1600；测试区财政局 1500');
    const json = await b.get(`/console/reports/rollup/export/json?year=2025&agencyIds=${d.deptA.id}&agencyIds=${d.deptB.id}`);
    const body = JSON.parse(json.body);
    expect(body.report.section2.licensing.decisions).toBe(3100);
    expect(body.report.section3.received.total).toBe(6);
    expect(body.breakdown['section2.licensing.decisions']).toEqual([{ agency: '测试区教育局', value: 1600 }, { agency: '测试区财政局', value: 1500 }]);

    const drafter = new Browser(app);
    await drafter.login('drafter-a');
    expect((await drafter.get('/console/reports/rollup?year=2025')).statusCode).toBe(403);
  });

  it('a published report file is checked by upload, and can fill a report', async () => {
    const b = new Browser(app);
    await b.login('office-admin');
    await b.get('/console/reports/check');
    const text = fs.readFileSync(ZHANYI);
    const res = await b.upload('/console/reports/check', {}, { name: 'zhanyi-2022.txt', content: text });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('总计列：一+二=9，而三（七）+四=0');
    expect(res.body).toContain('曲靖市沾益区人民政府办公室');

    const notReport = await b.upload('/console/reports/check', {}, { name: 'x.txt', content: '这不是年报。' });
    expect(notReport.statusCode).toBe(400);
    expect(notReport.body).toContain('无法读取');

    await b.get(`/console/reports/${d.deptB.id}/2022`);
    const imported = await b.upload(`/console/reports/${d.deptB.id}/2022/import`, {}, { name: 'zhanyi-2022.txt', content: text });
    expect(imported.statusCode).toBe(303);
    const api = await b.api('GET', `/api/v1/reports/${d.deptB.id}/2022`);
    expect(api.json().report.section2.penalty.decisions).toBe(108169);
    expect(api.json().findings.map((f: { rule: string }) => f.rule)).toContain('requests.balance');
  });
});
