/**
 * The standard disclosure catalogue (基层政务公开标准目录) through HTTP on SQLite and PostgreSQL:
 * importing a table in the published layout (title row, two merged header rows, a 一级事项 and a
 * 公开依据 merged down over several matters, √ marks), errors listed with nothing stored, a
 * re-import updating in place, mapping matters to columns, the compliance per matter (published
 * within the time limit? column updated?), the office's overview, who may do what, the JSON API.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogueSheet } from '../../src/domain/standard-catalogue/sheet.js';
import { insertColumn } from '../../src/features/publications/repository.js';
import { readCatalogueWorkbook } from '../../src/features/standard-catalogue/read-file.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const CHANNELS = ['政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站', '入户/现场', '社区/企事业单位/村公示栏', '精准推送', '其他'];

interface SampleMatter {
  first: string;
  second: string;
  content: string;
  basis: string;
  time: string;
  body: string;
  channels: Record<string, string>;
  /** 全社会, 特定群众, 主动, 依申请, 县级, 乡级 */
  flags: [string?, string?, string?, string?, string?, string?];
}

/**
 * A catalogue table as the State Council's guidelines publish it, written with exceljs: the title
 * merged over the width, 序号 and the plain headers merged down over both header rows, 公开事项
 * and the √ groups merged across their sub-columns, the given ranges of data cells merged down
 * (a 一级事项 or a 公开依据 shared by several matters), and a note row at the end.
 */
async function catalogueXlsx(matters: SampleMatter[], merges: Array<[column: number, fromIndex: number, toIndex: number]> = [], title = '义务教育领域基层政务公开标准目录'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('义务教育');
  const width = 7 + CHANNELS.length + 6;
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow(['序号', '公开事项', null, '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', ...Array(CHANNELS.length - 1).fill(null), '公开对象', null, '公开方式', null, '公开层级', null]);
  ws.addRow([null, '一级事项', '二级事项', null, null, null, null, ...CHANNELS, '全社会', '特定群众', '主动', '依申请', '县级', '乡级']);
  ws.mergeCells(2, 1, 3, 1);
  ws.mergeCells(2, 2, 2, 3);
  for (const c of [4, 5, 6, 7]) ws.mergeCells(2, c, 3, c);
  ws.mergeCells(2, 8, 2, 7 + CHANNELS.length);
  for (const c of [0, 2, 4]) ws.mergeCells(2, 8 + CHANNELS.length + c, 2, 9 + CHANNELS.length + c);
  matters.forEach((m, i) => {
    ws.addRow([i + 1, m.first, m.second, m.content, m.basis, m.time, m.body, ...CHANNELS.map((ch) => m.channels[ch] ?? null), ...[0, 1, 2, 3, 4, 5].map((k) => m.flags[k] ?? null)]);
  });
  // Merged data cells keep the value of their first cell only, as Excel does.
  for (const [column, from, to] of merges) {
    for (let r = from + 1; r <= to; r++) ws.getCell(4 + r, column).value = null;
    ws.mergeCells(4 + from, column, 4 + to, column);
  }
  const noteRow = 4 + matters.length;
  ws.getCell(noteRow, 1).value = '注：“√”表示适用该渠道、对象、方式或层级。';
  ws.mergeCells(noteRow, 1, noteRow, width);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ON = ['√', undefined, '√', undefined, '√', undefined] as SampleMatter['flags'];
const MATTERS: SampleMatter[] = [
  { first: '政策文件', second: '规范性文件', content: '义务教育相关规范性文件', basis: '《中华人民共和国政府信息公开条例》', time: '信息形成或变更之日起20个工作日内', body: '县级教育行政部门', channels: { 政府网站: '√', 政府公报: '√' }, flags: ON },
  { first: '招生入学', second: '招生政策', content: '区域内义务教育招生入学政策', basis: '《中华人民共和国义务教育法》', time: '信息形成或变更之日起20个工作日内', body: '县级教育行政部门', channels: { 政府网站: '√', 两微一端: '✓', 精准推送: '√' }, flags: ['√', undefined, '√', undefined, '√', '√'] },
  { first: '招生入学', second: '招生结果', content: '各学校招生计划、录取结果', basis: '《中华人民共和国义务教育法》', time: '招生结束后7日内', body: '学校', channels: { 政府网站: '√', '社区/企事业单位/村公示栏': '√' }, flags: ON },
  { first: '教育收费', second: '收费项目和标准', content: '收费项目、标准、依据', basis: '《教育收费公示制度》', time: '实时公开', body: '县级教育行政部门', channels: { 政府网站: '√', 其他: '学校公示栏' }, flags: ON },
  { first: '学籍管理', second: '学籍信息', content: '本人学籍信息', basis: '《中小学生学籍管理办法》', time: '收到申请之日起20个工作日内', body: '县级教育行政部门', channels: {}, flags: [undefined, '√', undefined, '√', '√', undefined] },
];
/** 招生入学 (column B) and its 公开依据 (column E) merged down over matters 2 and 3. */
const MERGES: Array<[number, number, number]> = [[2, 1, 2], [5, 1, 2]];

const flashOf = async (b: Browser) => /<p class="flash" role="status">([^<]*)<\/p>/.exec((await b.get('/console/standard-catalogue')).body)?.[1];
const listed = (body: string) => [...body.matchAll(/<li>(第\d+行[^<]*)<\/li>/g)].map((m) => m[1]);

describe.each(DIALECTS)('standard disclosure catalogue on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let admin: Browser;
  const col = { overview: 0, policy: 0, normative: 0, news: 0, notices: 0, foreign: 0 };
  const matterId = async (second: string) =>
    (await ctx.database.db.selectFrom('standard_catalogue_matters').select('id').where('agency_id', '=', d.deptA.id).where('second_level', '=', second).executeTakeFirstOrThrow()).id;
  const auditActions = async () =>
    (await ctx.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'standardCatalogue.%').orderBy('seq').execute()).map((a) => a.action);

  /** A published item of a column (with the live version the portal and the checks read). */
  const publish = async (columnId: number, title: string, madeOn: string | null, publishedDate: string) => {
    const db = ctx.database.db;
    const at = ctx.clock.now().toISOString();
    const item = await db.insertInto('publication_items').values({
      agency_id: d.deptA.id, column_id: columnId, title, body_html: '<p>正文</p>', info_kind: 'news', subject_category: null, issuing_agency: '测试区教育局',
      document_number: null, written_date: null, made_on: madeOn, source_name: null, source_url: null, interprets_item_id: null, scheduled_for: null, correction_note: null,
      status: 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null, live_version: 1, index_number: null,
      published_date: publishedDate, first_published_at: at, validity_on: null, withdrawn_at: null, withdrawal_reason: null, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('publication_versions').values({
      item_id: item.id, version: 1, title, body_html: '<p>正文</p>', metadata: '{}', attachment_ids: '[]', correction_note: null, published_at: at, published_by: '测试',
    }).execute();
    return item.id;
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptB.id, roles: ['agencyAdmin'], username: 'admin-b' });
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    const at = ctx.clock.now().toISOString();
    const column = async (agencyId: number, name: string, kind: string, parentId: number | null = null) =>
      (await insertColumn(ctx.database.db, { agency_id: agencyId, parent_id: parentId, name, kind, sort_order: 1, created_at: at, updated_at: at })).id;
    col.overview = await column(d.deptA.id, '机构概况', 'other');
    col.policy = await column(d.deptA.id, '政策文件', 'policy');
    col.normative = await column(d.deptA.id, '行政规范性文件', 'policy', col.policy);
    col.news = await column(d.deptA.id, '工作动态', 'news');
    col.notices = await column(d.deptA.id, '通知公告', 'notices');
    col.foreign = await column(d.deptB.id, '财政动态', 'news');
    app = await testApp(ctx);
    admin = new Browser(app);
    await admin.login('admin-a');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('a table with errors is refused whole, every error listed with its row; other files get a clear reason', async () => {
    const empty = await admin.get('/console/standard-catalogue');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('基层政务公开标准目录 · 测试区教育局');
    expect(empty.body).toContain('尚未导入标准目录');

    await admin.get(`/console/standard-catalogue/import?agencyId=${d.deptA.id}`);
    const broken = await catalogueXlsx([
      MATTERS[0]!,
      { ...MATTERS[1]!, content: '' },
      { ...MATTERS[2]!, channels: { 政府网站: '有时' } },
      { ...MATTERS[3]!, second: '规范性文件', first: '政策文件' },
    ]);
    const res = await admin.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id), domain: '' }, { name: '义务教育.xlsx', content: broken });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('“义务教育.xlsx”未导入：在4行公开事项中发现3处错误');
    expect(listed(res.body)).toEqual([
      '第5行 公开内容（要素）：未填写',
      '第6行 “政府网站”列：无法识别“有时”，适用的渠道请填“√”，不适用的留空',
      '第7行 与第4行的公开事项相同（政策文件 / 规范性文件），同一事项只能出现一次',
    ]);

    const csv = await admin.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id) }, { name: '目录.csv', content: '序号,公开事项\n1,政策文件\n' });
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toContain('请上传Excel工作簿（.xlsx）：标准目录的合并表头只有Excel工作簿能保留');
    const noDomain = await admin.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id) }, { name: '目录.xlsx', content: await catalogueXlsx([MATTERS[0]!], [], '标准目录') });
    expect(noDomain.statusCode).toBe(400);
    expect(noDomain.body).toContain('领域：请填写该目录所属的领域（如“义务教育”），文件标题中没有写明');

    expect(await ctx.database.db.selectFrom('standard_catalogue_matters').select('id').execute()).toEqual([]);
    expect(await auditActions()).toEqual([]);
  });

  it('imports the published layout: merged 一级事项 and 公开依据 apply to each matter, √ columns become channels and attributes', async () => {
    const res = await admin.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id), domain: '' }, { name: '义务教育.xlsx', content: await catalogueXlsx(MATTERS, MERGES) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/console/standard-catalogue?agencyId=${d.deptA.id}`);
    expect(await flashOf(admin)).toBe('已导入义务教育领域的标准目录：共5个公开事项（新增5个，更新0个，删除0个）');

    const rows = await ctx.database.db.selectFrom('standard_catalogue_matters').selectAll().where('agency_id', '=', d.deptA.id).orderBy('sort_order').execute();
    expect(rows.map((r) => [r.domain, r.sort_order, r.first_level, r.second_level, r.legal_basis])).toEqual([
      ['义务教育', 1, '政策文件', '规范性文件', '《中华人民共和国政府信息公开条例》'],
      ['义务教育', 2, '招生入学', '招生政策', '《中华人民共和国义务教育法》'],
      ['义务教育', 3, '招生入学', '招生结果', '《中华人民共和国义务教育法》'],
      ['义务教育', 4, '教育收费', '收费项目和标准', '《教育收费公示制度》'],
      ['义务教育', 5, '学籍管理', '学籍信息', '《中小学生学籍管理办法》'],
    ]);
    expect(rows.map((r) => JSON.parse(r.channels))).toEqual([['website', 'gazette'], ['website', 'newMedia', 'push'], ['website', 'noticeBoard'], ['website', 'other'], []]);
    expect(rows[3]!.other_channel).toBe('学校公示栏');
    expect(rows.map((r) => [r.audience_public, r.audience_specific, r.manner_proactive, r.manner_on_request, r.level_county, r.level_township])).toEqual([
      [1, 0, 1, 0, 1, 0], [1, 0, 1, 0, 1, 1], [1, 0, 1, 0, 1, 0], [1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 1, 0],
    ]);
    expect(rows[2]).toMatchObject({ content: '各学校招生计划、录取结果', time_limit: '招生结束后7日内', responsible_body: '学校' });
    expect(await auditActions()).toEqual(['standardCatalogue.import']);

    const page = await admin.get('/console/standard-catalogue');
    expect(page.body).toContain('<h2>义务教育领域</h2>');
    expect(page.body).toContain('公开事项</th><td>5项，其中主动公开4项');
    expect(page.body).toContain('尚未指定承载栏目</th><td class="soft">4项');
  });

  it('matters are mapped to the agency’s own columns; compliance follows the items and the columns’ update periods', async () => {
    const policyId = await matterId('招生政策');
    await admin.get(`/console/standard-catalogue/matters/${policyId}`);
    const foreign = await admin.post(`/console/standard-catalogue/matters/${policyId}/columns`, { columnIds: [String(col.news), String(col.foreign)] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain(`承载栏目：只能选择本单位的栏目（编号${col.foreign}不是）`);
    const saved = await admin.post(`/console/standard-catalogue/matters/${policyId}/columns`, { columnIds: [String(col.news), String(col.notices)] });
    expect(saved.statusCode).toBe(303);
    const rulesId = await matterId('规范性文件');
    await admin.post(`/console/standard-catalogue/matters/${rulesId}/columns`, { columnIds: [String(col.policy)] });
    await admin.post(`/console/standard-catalogue/matters/${await matterId('收费项目和标准')}/columns`, { columnIds: [String(col.overview)] });
    const mapped = await ctx.database.db.selectFrom('standard_catalogue_matter_columns').select(['matter_id', 'column_id']).where('matter_id', '=', policyId).orderBy('column_id').execute();
    expect(mapped.map((m) => m.column_id)).toEqual([col.news, col.notices]);

    // The clock stands at 2026-03-02. 招生政策: one item within 20 working days, one after (made 01-05, due 02-02), one undated.
    await publish(col.news, '2026年义务教育招生工作方案', '2026-02-02', '2026-02-05');
    const late = await publish(col.news, '关于做好2026年春季学期招生工作的通知', '2026-01-05', '2026-02-03');
    await publish(col.notices, '招生咨询电话公告', null, '2026-01-10');
    // 规范性文件 is carried by 政策文件, whose sub-column 行政规范性文件 holds the item.
    await publish(col.normative, '青川区义务教育学校管理办法', '2026-01-20', '2026-02-10');

    const detail = await admin.get(`/console/standard-catalogue/matters/${policyId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('（按20个工作日检查）');
    expect(detail.body).toContain('超过时限（1/2条）');
    expect(detail.body).toContain('另有1条信息未填写信息形成（变更）日期，无法核对');
    expect(detail.body).toContain('栏目未按期更新');
    expect(detail.body).toContain('<td>2026-02-05（25天前）</td><td class="hard">未按期更新</td>');
    expect(detail.body).toContain('<td>2026-01-10（51天前）</td><td>按期更新</td>');
    expect(detail.body).toContain(`<a href="/console/publications/${late}">关于做好2026年春季学期招生工作的通知</a></td><td>2026-01-05</td><td>2026-02-02</td><td class="hard">2026-02-03</td>`);

    const api = await admin.api('GET', `/api/v1/standard-catalogue?agencyId=${d.deptA.id}`);
    expect(api.statusCode).toBe(200);
    const body = api.json() as { period: unknown; summary: unknown; matters: Array<{ secondLevel: string; compliance: { timeliness: string; unknownReason: string | null; freshness: string } }> };
    expect(body.period).toEqual({ year: 2026, from: '2026-01-01', to: '2026-03-02' });
    expect(body.summary).toEqual({ matters: 5, proactive: 4, unmapped: 1, onTime: 1, late: 1, unknown: 2, stale: 1 });
    expect(body.matters.map((m) => [m.secondLevel, m.compliance.timeliness, m.compliance.unknownReason, m.compliance.freshness])).toEqual([
      ['规范性文件', 'onTime', null, 'updated'],
      ['招生政策', 'late', null, 'stale'],
      ['招生结果', 'unknown', 'unmapped', 'unmapped'],
      ['收费项目和标准', 'unknown', 'limitUnreadable', 'noRule'],
      ['学籍信息', 'notApplicable', null, 'notApplicable'],
    ]);
    // Last year nothing was published: the mapped matters have no items to judge.
    const lastYear = (await admin.api('GET', `/api/v1/standard-catalogue?agencyId=${d.deptA.id}&year=2025`)).json() as { summary: unknown };
    expect(lastYear.summary).toEqual({ matters: 5, proactive: 4, unmapped: 1, onTime: 0, late: 0, unknown: 4, stale: 2 });
    const badYear = await admin.api('GET', `/api/v1/standard-catalogue?agencyId=${d.deptA.id}&year=2027`);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.message).toBe('提交的内容有误：年度：不能晚于今年');

    const put = await admin.api('PUT', `/api/v1/standard-catalogue/matters/${policyId}/columns`, { columnIds: [col.foreign] });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.code).toBe('VALIDATION_FAILED');
    expect(await auditActions()).toEqual(['standardCatalogue.import', 'standardCatalogue.mapColumns', 'standardCatalogue.mapColumns', 'standardCatalogue.mapColumns']);

    // Two more weeks without news: 规范性文件's column (policy, six months) is still updated.
    ctx.clock.advanceMinutes(14 * 24 * 60);
    await admin.login('admin-a');
    const later = (await admin.api('GET', `/api/v1/standard-catalogue/matters/${rulesId}`)).json() as { matter: { compliance: { freshness: string; columns: Array<{ name: string; daysSince: number }> } } };
    expect(later.matter.compliance.freshness).toBe('updated');
    expect(later.matter.compliance.columns).toEqual([expect.objectContaining({ name: '政策文件', daysSince: 34 })]);
  });

  it('the office sees every agency’s compliance; departments cannot; editing is for administrators', async () => {
    const office = new Browser(app);
    await office.login('office-admin');
    const overview = await office.get('/console/standard-catalogue/overview');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(`<a href="/console/standard-catalogue?agencyId=${d.deptA.id}&amp;year=2026">测试区教育局</a></th><td>5</td><td>4</td><td class="soft">1</td><td>1</td><td class="hard">1</td><td>2</td><td class="hard">1</td>`);
    expect(overview.body).toContain(`<a href="/console/standard-catalogue?agencyId=${d.deptB.id}&amp;year=2026">测试区财政局</a></th><td colspan="7" class="empty">尚未导入标准目录</td>`);
    const api = (await office.api('GET', '/api/v1/standard-catalogue/overview')).json() as { agencies: Array<{ name: string; matters: number; late: number }> };
    expect(api.agencies.filter((a) => a.matters > 0).map((a) => [a.name, a.matters, a.late])).toEqual([['测试区教育局', 5, 1]]);
    // The office may look at and map any agency's catalogue in its scope.
    expect((await office.get(`/console/standard-catalogue?agencyId=${d.deptA.id}`)).body).toContain('<h2>义务教育领域</h2>');

    const auditor = new Browser(app);
    await auditor.login('auditor');
    expect((await auditor.get('/console/standard-catalogue/overview')).statusCode).toBe(200);

    const drafter = new Browser(app);
    await drafter.login('drafter-a');
    expect((await drafter.get('/console/standard-catalogue/overview')).statusCode).toBe(403);
    const own = await drafter.get(`/console/standard-catalogue/matters/${await matterId('招生政策')}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('保存承载栏目');
    expect((await drafter.post(`/console/standard-catalogue/matters/${await matterId('招生政策')}/columns`, { columnIds: [] })).statusCode).toBe(403);
    const importPage = await drafter.get('/console/standard-catalogue/import');
    expect(importPage.body).toContain('单位管理员和政务公开办可以导入本单位的标准目录。');
    expect((await drafter.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id) }, { name: 'a.xlsx', content: await catalogueXlsx(MATTERS) })).statusCode).toBe(403);

    const other = new Browser(app);
    await other.login('admin-b');
    expect((await other.get(`/console/standard-catalogue/matters/${await matterId('招生政策')}`)).statusCode).toBe(404);
    expect((await other.get(`/console/standard-catalogue?agencyId=${d.deptA.id}`)).statusCode).toBe(404);
    expect((await other.api('PUT', `/api/v1/standard-catalogue/matters/${await matterId('招生政策')}/columns`, { columnIds: [] })).statusCode).toBe(404);
  });

  it('a re-import of the 领域 updates matters in place and keeps their columns; removing a matter removes its columns', async () => {
    const policyId = await matterId('招生政策');
    const next = [
      MATTERS[0]!,
      { ...MATTERS[1]!, content: '区域内义务教育招生入学政策、招生范围' },
      MATTERS[2]!, MATTERS[3]!,
      { first: '学生资助', second: '资助政策', content: '学生资助政策', basis: '', time: '信息形成或变更之日起20个工作日内', body: '县级教育行政部门', channels: { 政府网站: '√' }, flags: ON },
    ];
    await admin.get(`/console/standard-catalogue/import?agencyId=${d.deptA.id}`);
    const res = await admin.upload('/console/standard-catalogue/import', { agencyId: String(d.deptA.id), domain: '义务教育' }, { name: '义务教育（修订）.xlsx', content: await catalogueXlsx(next, MERGES) });
    expect(res.statusCode).toBe(303);
    expect(await flashOf(admin)).toBe('已导入义务教育领域的标准目录：共5个公开事项（新增1个，更新4个，删除1个）');
    expect(await matterId('招生政策')).toBe(policyId);
    const kept = await ctx.database.db.selectFrom('standard_catalogue_matters').select('content').where('id', '=', policyId).executeTakeFirstOrThrow();
    expect(kept.content).toBe('区域内义务教育招生入学政策、招生范围');
    expect((await ctx.database.db.selectFrom('standard_catalogue_matter_columns').select('column_id').where('matter_id', '=', policyId).execute()).length).toBe(2);
    expect(await ctx.database.db.selectFrom('standard_catalogue_matters').select('id').where('second_level', '=', '学籍信息').execute()).toEqual([]);

    await admin.get(`/console/standard-catalogue/matters/${policyId}`);
    const unconfirmed = await admin.post(`/console/standard-catalogue/matters/${policyId}/delete`);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('确认删除：请勾选“确认删除”（删除后该事项的承载栏目一并删除）');
    expect(await matterId('招生政策')).toBe(policyId);
    const removed = await admin.post(`/console/standard-catalogue/matters/${policyId}/delete`, { confirm: '1' });
    expect(removed.statusCode).toBe(303);
    expect(await flashOf(admin)).toBe('已删除公开事项“招生政策”');
    expect(await ctx.database.db.selectFrom('standard_catalogue_matter_columns').select('column_id').where('matter_id', '=', policyId).execute()).toEqual([]);
    expect((await admin.get(`/console/standard-catalogue/matters/${policyId}`)).statusCode).toBe(404);
    expect((await auditActions()).slice(-2)).toEqual(['standardCatalogue.import', 'standardCatalogue.deleteMatter']);
  });

  it('a 领域 can be sent as JSON, checked as a whole; the API is documented', async () => {
    const office = new Browser(app);
    await office.login('office-admin');
    const matter = { firstLevel: '财政预决算', secondLevel: '部门预算', content: '部门预算报表及说明', timeLimit: '批复后20日内', channels: ['website', 'gazette'], manner: { proactive: true } };
    const dup = await office.api('POST', '/api/v1/standard-catalogue/import', { agencyId: d.deptB.id, domain: '财政预决算', matters: [matter, { ...matter, content: '重复' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toEqual([{ field: 'matters.1', message: '公开事项第2项：与第1项相同（财政预决算 / 部门预算）' }]);
    const badChannel = await office.api('POST', '/api/v1/standard-catalogue/import', { agencyId: d.deptB.id, domain: '财政预决算', matters: [{ ...matter, channels: ['fax'] }] });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().error.fields[0].field).toBe('matters.0.channels.0');
    expect(await ctx.database.db.selectFrom('standard_catalogue_matters').select('id').where('agency_id', '=', d.deptB.id).execute()).toEqual([]);

    const created = await office.api('POST', '/api/v1/standard-catalogue/import', {
      agencyId: d.deptB.id, domain: '财政预决算', matters: [matter, { firstLevel: '财政预决算', secondLevel: '部门决算', content: '部门决算报表及说明', manner: { proactive: true }, level: { county: true } }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ domain: '财政预决算', added: 2, updated: 0, removed: 0, total: 2 });
    const list = (await office.api('GET', `/api/v1/standard-catalogue?agencyId=${d.deptB.id}`)).json() as { matters: Array<Record<string, unknown>> };
    expect(list.matters[0]).toMatchObject({
      domain: '财政预决算', firstLevel: '财政预决算', secondLevel: '部门预算', timeLimit: '批复后20日内', channels: ['website', 'gazette'],
      audience: { public: false, specific: false }, manner: { proactive: true, onRequest: false }, level: { county: false, township: false }, columnIds: [],
      compliance: expect.objectContaining({ timeliness: 'unknown', unknownReason: 'unmapped', limit: { days: 20, unit: 'calendarDays' } }),
    });

    const drafter = new Browser(app);
    await drafter.login('drafter-b');
    expect((await drafter.api('POST', '/api/v1/standard-catalogue/import', { agencyId: d.deptB.id, domain: '财政预决算', matters: [matter] })).statusCode).toBe(403);

    const openapi = (await office.api('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { summary?: string }>> };
    const paths = Object.keys(openapi.paths).filter((p) => p.startsWith('/api/v1/standard-catalogue')).sort();
    expect(paths).toEqual(['/api/v1/standard-catalogue', '/api/v1/standard-catalogue/import', '/api/v1/standard-catalogue/matters/{id}', '/api/v1/standard-catalogue/matters/{id}/columns', '/api/v1/standard-catalogue/overview']);
    expect(paths.every((p) => Object.values(openapi.paths[p]!).every((op) => (op.summary ?? '').length > 0))).toBe(true);
  });

  it('the template is the published layout and reads back as one matter', async () => {
    const res = await admin.get('/console/standard-catalogue/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = parseCatalogueSheet(await readCatalogueWorkbook(res.rawPayload));
    expect(sheet.errors).toEqual([]);
    expect(sheet.domain).toBeNull();
    expect(sheet.matters.map((m) => [m.firstLevel, m.secondLevel, m.channels, m.flags.mannerProactive])).toEqual([['政策文件', '规范性文件', ['website', 'readingPoint'], true]]);
  });
});
