/**
 * 政府信息管理 through HTTP on SQLite and PostgreSQL: the register of rules and normative
 * documents (entry, errors, in force on a date, expiry warnings, repeal marking the published item
 * on the portal), the yearly figures, decision imports (CSV, GB18030, XLSX, a file over the app's
 * body limit streamed to disk, re-imports counted as duplicates, row errors, a running import
 * blocking another, recovery after a crash), section 二 computed into the annual report, who may
 * do what, and the JSON API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedImports, whenImportSettled } from '../../src/features/registry/import/service.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

/** GB18030 bytes of a text, by inverting the decoder over the two-byte range (enough for these characters). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) bytes.push(...(char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!));
  return Buffer.from(bytes);
}

/** Titles in the register's table (the warning lists above it are not table cells). */
const tableTitles = (body: string) => [...body.matchAll(/<td><a href="\/console\/registry\/documents\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);
const locationId = (location: unknown) => Number(/\/(\d+)$/.exec(String(location))![1]);
const listed = (body: string) => [...body.matchAll(/<li>(第\d+行[^<]*)<\/li>/g)].map((m) => m[1]);

describe.each(DIALECTS)('政府信息管理 on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let drafter: Browser;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-registry-'));
  const uploads = () => (fs.existsSync(path.join(dataDir, 'uploads')) ? fs.readdirSync(path.join(dataDir, 'uploads')) : []);
  const doc = (title: string) => ctx.database.db.selectFrom('registry_documents').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
  const auditActions = async (entityType: string) =>
    (await ctx.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', entityType).orderBy('seq').execute()).map((a) => a.action);
  const importRow = (id: number) => ctx.database.db.selectFrom('registry_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const decisionCount = async (kind: string) =>
    (await ctx.database.db.selectFrom('registry_decisions').select('id').where('agency_id', '=', d.deptA.id).where('kind', '=', kind as 'penalty').execute()).length;

  /** Uploads a decision list as the page's form does and waits until the import has settled. */
  const importFile = async (who: Browser, kind: string, name: string, content: Buffer | string) => {
    await who.get(`/console/registry/imports?agencyId=${d.deptA.id}`);
    const res = await who.upload('/console/registry/imports', { agencyId: String(d.deptA.id), kind }, { name, content });
    expect(res.statusCode).toBe(303);
    const id = locationId(res.headers.location);
    await whenImportSettled(id);
    return id;
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { dataDir });
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['requestHandler'], username: 'handler-a' });
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    app = await testApp(ctx);
    drafter = new Browser(app);
    await drafter.login('drafter-a');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers documents; bad input gets Chinese errors and stores nothing; the list filters by the day in force and warns', async () => {
    const empty = await drafter.get('/console/registry');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('政府信息管理 · 测试区教育局');
    expect(empty.body).toContain('尚未登记规章或行政规范性文件');
    expect((await drafter.get(`/console/registry/documents/new?agencyId=${d.deptA.id}`)).statusCode).toBe(200);

    const base = { agencyId: String(d.deptA.id), kind: 'normative' };
    const noTitle = await drafter.post('/console/registry/documents', { ...base, title: '', issuedOn: '2024-01-01' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('标题：请填写此项');
    const badDates = await drafter.post('/console/registry/documents', { ...base, title: '某办法', issuedOn: '2026-03-03', validUntil: '2026-01-01' });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.body).toContain('印发日期：不能晚于今天');
    expect(badDates.body).toContain('有效期至：不能早于印发日期');
    const notADate = await drafter.post('/console/registry/documents', { ...base, title: '某办法', issuedOn: '2025-02-30' });
    expect(notADate.body).toContain('印发日期：不是有效的日期（格式 YYYY-MM-DD）');
    expect(await ctx.database.db.selectFrom('registry_documents').select('id').execute()).toEqual([]);

    const entries: Array<Record<string, string>> = [
      { kind: 'normative', title: '青川区校外培训机构管理办法', documentNumber: '青教规〔2021〕1号', issuedOn: '2021-04-01', validUntil: '2026-03-31' },
      { kind: 'normative', title: '青川区学生资助管理办法', documentNumber: '青教规〔2023〕2号', issuedOn: '2023-06-01', validUntil: '' },
      { kind: 'rule', title: '青川区教育督导规定', documentNumber: '', issuedOn: '2025-05-01' },
      { kind: 'normative', title: '青川区校车安全管理办法', documentNumber: '青教规〔2020〕1号', issuedOn: '2020-01-01', validUntil: '2025-12-31' },
    ];
    for (const e of entries) {
      const res = await drafter.post('/console/registry/documents', { agencyId: String(d.deptA.id), ...e });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/console/registry/documents/${(await doc(e.title!)).id}`);
    }
    const again = await drafter.post('/console/registry/documents', { agencyId: String(d.deptA.id), kind: 'normative', title: '另一个办法', documentNumber: '青教规〔2021〕1号', issuedOn: '2024-01-01' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('文号青教规〔2021〕1号已登记（“青川区校外培训机构管理办法”）');

    const list = await drafter.get('/console/registry');
    expect(tableTitles(list.body)).toEqual(['青川区教育督导规定', '青川区学生资助管理办法', '青川区校外培训机构管理办法', '青川区校车安全管理办法']);
    expect(list.body).toContain('90天内有效期届满的文件（1件）');
    expect(list.body).toContain('青川区校外培训机构管理办法</a>（青教规〔2021〕1号）：有效期至2026-03-31，还有29天');
    expect(list.body).toContain('有效期已届满、尚未登记失效的文件（1件）');
    expect(list.body).toContain('未载明有效期：行政规范性文件一般应载明有效期，通常不超过5年');
    expect(list.body).toContain('有效期已届满（至2025-12-31）');

    const onNewYear = await drafter.get('/console/registry?on=2026-01-01');
    expect(tableTitles(onNewYear.body)).toEqual(['青川区教育督导规定', '青川区学生资助管理办法', '青川区校外培训机构管理办法']);
    expect(onNewYear.body).toContain('符合条件的文件3件（2026-01-01现行有效）');
    expect(tableTitles((await drafter.get('/console/registry?on=2025-12-31&kind=normative')).body)).toEqual(['青川区学生资助管理办法', '青川区校外培训机构管理办法', '青川区校车安全管理办法']);
    expect(tableTitles((await drafter.get('/console/registry?q=' + encodeURIComponent('青教规〔2023〕'))).body)).toEqual(['青川区学生资助管理办法']);
    expect(await auditActions('registryDocument')).toEqual(Array(4).fill('registry.document.create'));
  });

  it('repealing a document marks its published item 已废止 on the portal, in the same step; expiry likewise', async () => {
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();
    const column = await db.insertInto('publication_columns').values({ agency_id: d.deptA.id, parent_id: null, name: '规范性文件', kind: 'normative', sort_order: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const item = async (agencyId: number, indexNumber: string, title: string) => {
      const row = await db.insertInto('publication_items').values({
        agency_id: agencyId, column_id: column.id, title, body_html: '<p>正文</p>', info_kind: 'normative', subject_category: null, issuing_agency: '测试区教育局',
        document_number: null, written_date: '2023-06-01', made_on: null, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null, correction_note: null,
        status: 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null, live_version: 1, index_number: indexNumber,
        published_date: '2023-06-05', first_published_at: at, validity_on: null, withdrawn_at: null, withdrawal_reason: null, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('publication_versions').values({
        item_id: row.id, version: 1, title, body_html: '<p>正文</p>', metadata: JSON.stringify({ indexNumber }), attachment_ids: '[]', correction_note: null, published_at: at, published_by: '用户',
      }).execute();
      return row.id;
    };
    const itemId = await item(d.deptA.id, 'EDU/2023-00007', '青川区学生资助管理办法');
    await item(d.deptB.id, 'FIN/2023-00001', '财政局的文件');

    const aid = await doc('青川区学生资助管理办法');
    const form = { kind: 'normative', title: aid.title, documentNumber: '青教规〔2023〕2号', issuedOn: '2023-06-01' };
    const foreign = await drafter.post(`/console/registry/documents/${aid.id}`, { ...form, itemIndexNumber: 'FIN/2023-00001' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('公开信息索引号：该公开信息不是本单位发布的');
    const unknown = await drafter.post(`/console/registry/documents/${aid.id}`, { ...form, itemIndexNumber: 'EDU/2023-99999' });
    expect(unknown.body).toContain('公开信息索引号：找不到该公开信息（索引号EDU/2023-99999）');
    expect((await drafter.post(`/console/registry/documents/${aid.id}`, { ...form, itemIndexNumber: 'EDU/2023-00007' })).statusCode).toBe(303);
    expect((await doc(aid.title)).item_id).toBe(itemId);

    const early = await drafter.post(`/console/registry/documents/${aid.id}/repeal`, { on: '2023-05-31', reason: '被新办法替代' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('日期：不能早于印发日期');
    const repealed = await drafter.post(`/console/registry/documents/${aid.id}/repeal`, { on: '2026-02-28', reason: '被《青川区学生资助实施细则》替代' });
    expect(repealed.statusCode).toBe(303);
    expect((await drafter.get(`/console/registry/documents/${aid.id}`)).body).toContain('已登记废止（2026-02-28），公开信息已标注“已废止”');
    expect(await doc(aid.title)).toMatchObject({ repealed_on: '2026-02-28', repeal_reason: '被《青川区学生资助实施细则》替代', expired_on: null });
    expect(await db.selectFrom('publication_items').select(['validity', 'validity_on']).where('id', '=', itemId).executeTakeFirstOrThrow()).toEqual({ validity: 'repealed', validity_on: '2026-02-28' });
    const portal = await new Browser(app).get(`/items/${itemId}`);
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('本文件已废止（2026-02-28），仅供查阅。');
    const twice = await drafter.post(`/console/registry/documents/${aid.id}/repeal`, { on: '2026-03-01', reason: '再次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('该文件已于2026-02-28废止');

    const bus = await doc('青川区校车安全管理办法');
    expect((await drafter.post(`/console/registry/documents/${bus.id}/expire`, { on: '2026-01-01', reason: '有效期届满' })).statusCode).toBe(303);
    expect(await doc(bus.title)).toMatchObject({ expired_on: '2026-01-01', expiry_reason: '有效期届满', repealed_on: null });
    expect((await drafter.get('/console/registry')).body).not.toContain('有效期已届满、尚未登记失效的文件');
    expect(await auditActions('registryDocument')).toEqual([...Array(4).fill('registry.document.create'), 'registry.document.update', 'registry.document.repeal', 'registry.document.expire']);
  });

  it('the yearly figures: wrong values are refused with their field named; a saved figure is audited', async () => {
    const bad = await drafter.post('/console/registry/figures', { agencyId: String(d.deptA.id), year: '2025', licensing: '12.5', penalty: '', enforcement: '', fees: '-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('行政许可决定数量：应为不小于0的整数');
    expect(bad.body).toContain('行政事业性收费金额（万元）：应为不小于0的金额（万元），最多4位小数');
    expect(await ctx.database.db.selectFrom('registry_figures').select('key').execute()).toEqual([]);

    const ok = await drafter.post('/console/registry/figures', { agencyId: String(d.deptA.id), year: '2025', licensing: '1,234', licensingNote: '政务服务平台统计', penalty: '', enforcement: '', fees: '18.0971' });
    expect(ok.statusCode).toBe(303);
    const rows = await ctx.database.db.selectFrom('registry_figures').select(['key', 'value', 'note', 'year']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'fees', value: 18.0971, note: null, year: 2025 },
      { key: 'licensing', value: 1234, note: '政务服务平台统计', year: 2025 },
    ]);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'data']).where('entity_type', '=', 'registryFigures').execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.data).changed])).toEqual([['registry.figures.save', { licensing: [null, 1234], fees: [null, 18.0971] }]]);
  });

  it('imports a CSV list in the background: good rows counted by date, duplicates skipped, bad rows listed; the same file again adds nothing', async () => {
    const csv = [
      '\ufeff决定文书号,决定日期,相对人或事项名称（可不填，不导入）',
      '青教罚〔2025〕1号,2025-01-03,张三',
      '青教罚〔2025〕2号,2025/2/4,某培训学校',
      '青教罚〔2025〕3号,2025年3月5日,',
      '青教罚〔2025〕4号,2025-12-31,',
      '青教罚〔2025〕5号,2025-06-30,',
      '青教罚〔2024〕9号,2024-11-30,',
      '青教罚〔2024〕10号,2024-12-31,',
      '青教罚〔２０２５〕１号,2025-01-03,张三',
      '青教罚〔2025〕6号,2025-13-01,李四',
      ',2025-05-05,王五',
      '',
    ].join('\r\n');
    const id = await importFile(drafter, 'penalty', '2025年行政处罚决定.csv', csv);
    const { display_name: drafterName } = await ctx.database.db.selectFrom('users').select('display_name').where('username', '=', 'drafter-a').executeTakeFirstOrThrow();
    expect(await importRow(id)).toMatchObject({
      status: 'done', kind: 'penalty', agency_id: d.deptA.id, file_name: '2025年行政处罚决定.csv', rows_read: 10, rows_accepted: 7, rows_duplicate: 1, rows_rejected: 2,
      failure: null, started_by_name: drafterName, started_by_user_id: d.drafterA.id,
    });
    const page = await drafter.get(`/console/registry/imports/${id}`);
    expect(page.body).toContain('导入完成：新导入7件决定，1件重复未计入，2行有误未导入。');
    expect(page.headers.refresh).toBeUndefined();
    expect(listed(page.body)).toEqual([
      '第10行“决定日期”：不是有效的日期（“2025-13-01”），日期可写作2025-01-24、2025/1/24或2025年1月24日',
      '第11行“决定文书号”：未填写',
    ]);
    expect(page.body).not.toContain('李四');
    expect(await decisionCount('penalty')).toBe(7);
    const stored = await ctx.database.db.selectFrom('registry_decisions').select(['decision_number', 'decided_on']).where('import_id', '=', id).orderBy('decision_number').execute();
    expect(stored.map((r) => r.decided_on).sort()).toEqual(['2024-11-30', '2024-12-31', '2025-01-03', '2025-02-04', '2025-03-05', '2025-06-30', '2025-12-31']);

    const again = await importFile(drafter, 'penalty', '2025年行政处罚决定.csv', csv);
    expect(await importRow(again)).toMatchObject({ status: 'done', rows_read: 10, rows_accepted: 0, rows_duplicate: 8, rows_rejected: 2 });
    expect(await decisionCount('penalty')).toBe(7);
    expect(await auditActions('registryImport')).toEqual(['registry.import.start', 'registry.import.finish', 'registry.import.start', 'registry.import.finish']);
    expect(uploads()).toEqual([]);
  });

  it('reads GB18030 CSV and XLSX, and streams a file larger than the app’s body limit to disk', async () => {
    const gbk = gb18030('决定文书号,决定日期\r\n青教强〔2025〕1号,2025-04-01\r\n青教强〔2025〕2号,2025-04-02\r\n青教强〔2025〕3号,2025-04-03\r\n');
    const enforcement = await importFile(drafter, 'enforcement', '行政强制.csv', gbk);
    expect(await importRow(enforcement)).toMatchObject({ status: 'done', rows_accepted: 3 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('处罚');
    sheet.addRow(['2025年行政处罚决定清单']);
    sheet.addRow(['序号', '决定书文号', '作出决定日期']);
    sheet.addRow([1, '青教罚〔2025〕1号', new Date(Date.UTC(2025, 0, 3))]);
    sheet.addRow([2, '青教罚〔2025〕7号', new Date(Date.UTC(2025, 7, 8))]);
    const xlsx = await importFile(drafter, 'penalty', '处罚.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await importRow(xlsx)).toMatchObject({ status: 'done', rows_read: 2, rows_accepted: 1, rows_duplicate: 1, rows_rejected: 0 });

    const lines = ['决定文书号,决定日期', ...Array.from({ length: 40_000 }, (_, i) => `青教许〔2025〕${i + 1}号,2025-${String((i % 12) + 1).padStart(2, '0')}-15`)];
    const big = Buffer.from(`${lines.join('\n')}\n`);
    expect(big.length).toBeGreaterThan(ctx.config.bodyLimit);
    const licensing = await importFile(drafter, 'licensing', '行政许可.csv', big);
    expect(await importRow(licensing)).toMatchObject({ status: 'done', file_bytes: big.length, bytes_read: big.length, rows_read: 40_000, rows_accepted: 40_000 });
    expect(uploads()).toEqual([]);
  });

  it('a file that cannot be read fails with its reason; a running import blocks another of the kind; recovery fails a stopped one and deletes its rows', async () => {
    const noHeader = await importFile(drafter, 'enforcement', '无表头.csv', '青教强〔2025〕9号,2025-04-09\n');
    expect(await importRow(noHeader)).toMatchObject({ status: 'failed', failure: '找不到表头：文件的前10行中没有“决定文书号”和“决定日期”两列，请按导入模板填写' });
    expect((await drafter.get(`/console/registry/imports/${noHeader}`)).body).toContain('本次导入已写入的决定已全部删除，不计入年度报告。');

    // An import left running by a process that stopped an hour ago, with rows written.
    const db = ctx.database.db;
    const hourAgo = new Date(ctx.clock.now().getTime() - 3600_000).toISOString();
    const stopped = await db.insertInto('registry_imports').values({
      agency_id: d.deptA.id, kind: 'penalty', file_name: '中断.csv', file_bytes: 1000, status: 'running', failure: null, started_by_user_id: null,
      started_by_name: '用户', started_at: hourAgo, heartbeat_at: hourAgo, finished_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('registry_decisions').values([
      { agency_id: d.deptA.id, kind: 'penalty', decision_number: '中断1', decided_on: '2025-05-01', import_id: stopped.id },
      { agency_id: d.deptA.id, kind: 'penalty', decision_number: '中断2', decided_on: '2025-05-02', import_id: stopped.id },
    ]).execute();
    const running = await drafter.get(`/console/registry/imports/${stopped.id}`);
    expect(running.headers.refresh).toBe('2');
    expect(running.body).toMatch(/<meta http-equiv="refresh" content="2"\s*\/?>/);
    const blocked = await drafter.upload('/console/registry/imports', { agencyId: String(d.deptA.id), kind: 'penalty' }, { name: 'b.csv', content: '决定文书号,决定日期\nX,2025-01-01\n' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.body).toContain('测试区教育局的行政处罚决定正在导入，请等该次导入完成后再导入');
    expect(uploads()).toEqual([]);

    expect(await recoverInterruptedImports(ctx)).toEqual([stopped.id]);
    expect(await importRow(stopped.id)).toMatchObject({ status: 'failed', failure: '导入在完成前中断（服务重启或进程退出），已写入的决定已删除，请重新导入' });
    expect(await db.selectFrom('registry_decisions').select('id').where('import_id', '=', stopped.id).execute()).toEqual([]);
    expect(await recoverInterruptedImports(ctx)).toEqual([]);
    const fail = await db.selectFrom('audit_log').select(['action', 'actor_name', 'data']).where('entity_type', '=', 'registryImport').where('entity_id', '=', String(stopped.id)).execute();
    expect(fail.map((a) => [a.action, a.actor_name, JSON.parse(a.data).rowsDeleted])).toEqual([['registry.import.fail', '系统', 2]]);
  });

  it('computing the annual report fills section 二 from the records, marked as computed from them', async () => {
    const admin = new Browser(app);
    await admin.login('admin-a');
    await admin.get(`/console/reports/${d.deptA.id}/2025`);
    const res = await admin.post(`/console/reports/${d.deptA.id}/2025/compute`);
    expect(res.statusCode).toBe(303);
    const report = await ctx.database.db.selectFrom('annual_reports').select(['data', 'sources']).where('agency_id', '=', d.deptA.id).where('year', '=', 2025).executeTakeFirstOrThrow();
    const data = JSON.parse(report.data);
    expect(data.section2).toEqual({
      rules: { issued: 1, repealed: 0, inForce: 1 },
      // 现行有效 on 31 December 2025: the training-school rules, the student-aid rules (repealed in 2026) and the school-bus rules (valid to that day).
      normativeDocs: { issued: 0, repealed: 0, inForce: 3 },
      licensing: { decisions: 1234 },
      penalty: { decisions: 6 },
      enforcement: { decisions: 3 },
      fees: { amountWanYuan: 18.0971 },
    });
    const sources = JSON.parse(report.sources);
    expect(sources['section2.penalty.decisions']).toMatchObject({ origin: 'computed', by: '政府信息管理记录' });
    expect(sources['section2.normativeDocs.inForce']).toMatchObject({ origin: 'computed', by: '政府信息管理记录' });
    expect(sources['section3.received.total']).toMatchObject({ origin: 'computed', by: '依申请公开记录' });

    const figures = await drafter.get(`/console/registry/figures?agencyId=${d.deptA.id}&year=2025`);
    expect(figures.body).toContain('40000（已填报年度数字，年报采用填报的数字）');
    const y2024 = await drafter.get(`/api/v1/registry/figures?agencyId=${d.deptA.id}&year=2024`);
    expect(y2024.json()).toMatchObject({
      year: 2024,
      section2: { penalty: { decisions: 2 }, licensing: { decisions: null }, fees: { amountWanYuan: null }, normativeDocs: { issued: 0, repealed: 0, inForce: 3 } },
      origins: { 'section2.penalty.decisions': 'importedDecisions', 'section2.rules.issued': 'register' },
    });
  });

  it('who may do what: readers see without forms, other agencies’ records are not found, uploads are refused before the body is read', async () => {
    const handler = new Browser(app);
    await handler.login('handler-a');
    const page = await handler.get('/console/registry');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('登记文件</a>');
    expect((await handler.post('/console/registry/documents', { agencyId: String(d.deptA.id), kind: 'rule', title: '某规定', issuedOn: '2025-01-01' })).statusCode).toBe(403);
    const refused = await handler.upload('/console/registry/imports', { agencyId: String(d.deptA.id), kind: 'penalty' }, { name: 'a.csv', content: '决定文书号,决定日期\nY,2025-01-01\n' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('无权导入决定清单');

    const other = new Browser(app);
    await other.login('drafter-b');
    const id = (await doc('青川区教育督导规定')).id;
    expect((await other.get(`/console/registry/documents/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/console/registry?agencyId=${d.deptA.id}`)).statusCode).toBe(404);

    const auditor = new Browser(app);
    await auditor.login('auditor');
    const seen = await auditor.get(`/console/registry?agencyId=${d.deptA.id}`);
    expect(seen.statusCode).toBe(200);
    expect(tableTitles(seen.body)).toContain('青川区教育督导规定');
    expect(seen.body).toContain('<option value="' + d.deptB.id + '"');

    const anonymous = await new Browser(app).upload('/console/registry/imports', { agencyId: String(d.deptA.id), kind: 'penalty' }, { name: 'a.csv', content: 'x' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/console/login?next=%2Fconsole%2Fregistry%2Fimports');

    const noToken = await drafter.upload('/console/registry/imports', { agencyId: String(d.deptA.id), kind: 'penalty', _csrf: '' }, { name: 'a.csv', content: '决定文书号,决定日期\nZ,2025-01-01\n' });
    expect(noToken.statusCode).toBe(403);
    expect(uploads()).toEqual([]);
    expect(await ctx.database.db.selectFrom('registry_decisions').select('id').where('decision_number', 'in', ['Y', 'Z']).execute()).toEqual([]);
  });

  it('the JSON API: register, repeal, figures, an import of decisions; errors as codes; documented in OpenAPI', async () => {
    const admin = new Browser(app);
    await admin.login('admin-a');
    const bad = await admin.api('POST', '/api/v1/registry/documents', { agencyId: d.deptA.id, kind: 'regulation', title: 'x', issuedOn: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'kind', message: '类别：请选择规章或行政规范性文件' }] });
    const created = await admin.api('POST', '/api/v1/registry/documents', { agencyId: d.deptA.id, kind: 'normative', title: '青川区课后服务管理办法', documentNumber: '青教规〔2025〕1号', issuedOn: '2025-09-01', validUntil: '2030-08-31' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const repealed = await admin.api('POST', `/api/v1/registry/documents/${id}/repeal`, { on: '2026-03-01', reason: '上位法修改' });
    expect(repealed.json()).toMatchObject({ id, repealed_on: '2026-03-01', repeal_reason: '上位法修改' });
    const inForce = await admin.api('GET', `/api/v1/registry/documents?agencyId=${d.deptA.id}&on=2026-02-01&kind=normative`);
    expect((inForce.json().documents as Array<{ title: string }>).map((x) => x.title)).toEqual(['青川区课后服务管理办法', '青川区学生资助管理办法', '青川区校外培训机构管理办法']);
    expect((await admin.api('GET', `/api/v1/registry/expiring?agencyId=${d.deptA.id}`)).json().documents.map((x: { title: string }) => x.title)).toEqual(['青川区校外培训机构管理办法']);

    expect((await admin.api('PUT', '/api/v1/registry/figures', { agencyId: d.deptA.id, year: 2024, penalty: 99 })).json().entered).toMatchObject([{ key: 'penalty', value: 99 }]);
    const figures = (await admin.api('GET', `/api/v1/registry/figures?agencyId=${d.deptA.id}&year=2024`)).json();
    expect([figures.section2.penalty, figures.origins['section2.penalty.decisions'], figures.importedDecisions.penalty]).toEqual([{ decisions: 99 }, 'enteredFigure', 2]);
    await admin.api('PUT', '/api/v1/registry/figures', { agencyId: d.deptA.id, year: 2024, penalty: null });
    expect((await admin.api('GET', `/api/v1/registry/figures?agencyId=${d.deptA.id}&year=2024`)).json().section2.penalty).toEqual({ decisions: 2 });

    const imported = await admin.api('POST', '/api/v1/registry/imports', {
      agencyId: d.deptA.id, kind: 'enforcement', fileName: '接口导入',
      decisions: [{ number: '青教强〔2025〕1号', date: '2025-04-01' }, { number: '青教强〔2025〕4号', date: '2025-04-04' }, { number: 'X', date: '昨天' }, { number: '强"5",{6}\\7', date: '2025-04-05' }],
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ status: 'done', fileName: '接口导入', rowsRead: 4, accepted: 2, duplicate: 1, rejected: 1, errors: [{ row: 4, column: '决定日期' }] });
    expect((await admin.api('GET', `/api/v1/registry/imports/${imported.json().id}`)).json()).toMatchObject({ status: 'done', accepted: 2, percent: 100 });
    // Quotes, braces and a backslash reach the database as written (JSON on SQLite, an array literal on PostgreSQL).
    expect((await ctx.database.db.selectFrom('registry_decisions').select('decision_number').where('import_id', '=', imported.json().id).orderBy('decided_on').execute()).map((r) => r.decision_number))
      .toEqual(['青教强〔2025〕4号', '强"5",{6}\\7']);
    const tallies = await ctx.database.db.selectFrom('registry_import_years').select(['year', 'decisions']).where('import_id', '=', imported.json().id).execute();
    expect(tallies).toEqual([{ year: 2025, decisions: 2 }]);

    const openapi = (await admin.api('GET', '/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/api/v1/registry/')).sort()).toEqual([
      '/api/v1/registry/documents', '/api/v1/registry/documents/{id}', '/api/v1/registry/documents/{id}/expire', '/api/v1/registry/documents/{id}/repeal',
      '/api/v1/registry/expiring', '/api/v1/registry/figures', '/api/v1/registry/imports', '/api/v1/registry/imports/{id}',
    ]);
  });
});
