/**
 * Proactive publication through HTTP on SQLite and PostgreSQL: columns, an item drafted and passed
 * by three different reviewers (and refused to its drafter), the portal page with its index
 * number, personal data stopping final approval, rejection, correction as a new version,
 * withdrawal, scheduled publication, fewer stages only with the office's consent, attachments
 * checked by content, hostile HTML, and another agency's items.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCounts } from '../../src/features/publications/queries.js';
import { publishScheduledItems } from '../../src/features/publications/workflow.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const PASS = { confidentiality: 'pass', accuracy: 'pass', timeliness: 'pass' };
/** A real-looking ID number with a correct GB 11643 check character. */
const ID_NUMBER = '11010519491231002X';

describe.each(DIALECTS)('proactive publication on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let admin: Browser, drafter: Browser, first: Browser, second: Browser, final: Browser, office: Browser, otherDrafter: Browser;
  let columnId: number;

  const newItem = async (over: Record<string, unknown> = {}) => {
    const res = await drafter.api('POST', `/api/v1/publications/items?agencyId=${d.deptA.id}`, {
      columnId, title: '关于2026年春季学期开学工作的通知', bodyHtml: '<p>各学校：现将有关事项通知如下。</p>', infoKind: 'notice', subjectCategory: '科技、教育',
      madeOn: '2026-02-27', ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().item as { id: number; status: string };
  };
  const review = (who: Browser, id: number, body: Record<string, unknown> = {}) =>
    who.api('POST', `/api/v1/publications/items/${id}/review`, { decision: 'approve', ...PASS, ...body });
  const passAll = async (id: number) => {
    expect((await drafter.api('POST', `/api/v1/publications/items/${id}/submit`, {})).statusCode).toBe(200);
    expect((await review(first, id)).json().result).toBe('nextStage');
    expect((await review(second, id)).json().result).toBe('nextStage');
    return review(final, id);
  };
  const auditActions = async (id: number) =>
    (await ctx.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'item').where('entity_id', '=', String(id)).orderBy('seq').execute()).map((r) => r.action);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['drafter', 'reviewerFirst'], username: 'drafter-reviewer' });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerFirst', 'reviewerSecond'], username: 'first-a' });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerSecond'], username: 'second-a' });
    await makeUser(ctx, { agencyId: d.deptA.id, roles: ['reviewerFinal'], username: 'final-a' });
    app = await testApp(ctx);
    const browser = () => new Browser(app);
    [admin, drafter, first, second, final, office, otherDrafter] = [browser(), browser(), browser(), browser(), browser(), browser(), browser()];
    await admin.login('admin-a');
    await drafter.login('drafter-reviewer');
    await first.login('first-a');
    await second.login('second-a');
    await final.login('final-a');
    await office.login('office-admin');
    await otherDrafter.login('drafter-b');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('an agency administrator sets up a column; a drafter may not', async () => {
    const refused = await drafter.api('POST', `/api/v1/publications/columns?agencyId=${d.deptA.id}`, { name: '通知公告', kind: 'notices' });
    expect(refused.statusCode).toBe(403);
    const res = await admin.api('POST', `/api/v1/publications/columns?agencyId=${d.deptA.id}`, { name: '通知公告', kind: 'notices' });
    expect(res.statusCode).toBe(201);
    columnId = res.json().column.id;
    const bad = await admin.api('POST', `/api/v1/publications/columns?agencyId=${d.deptA.id}`, { name: '', kind: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await ctx.database.db.selectFrom('publication_columns').select('id').execute()).length).toBe(1);
  });

  it('three different reviewers pass an item; its drafter cannot; the portal shows it with its index number', async () => {
    // Drafted through the console form, as a clerk would.
    await drafter.get(`/console/publications/new?agencyId=${d.deptA.id}`);
    const created = await drafter.post(`/console/publications/new?agencyId=${d.deptA.id}`, {
      title: '测试区教育局2026年工作要点', columnId: String(columnId), infoKind: 'planning', subjectCategory: '科技、教育',
      bodyHtml: '第一段\n\n第二段 <要点>', madeOn: '2026-02-26', documentNumber: '测教发[2026]3号',
    });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/console\/publications\/(\d+)/.exec(created.headers.location as string)![1]);
    const item = await ctx.database.db.selectFrom('publication_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(item.body_html).toBe('<p>第一段</p><p>第二段 &lt;要点&gt;</p>');
    expect(item.document_number).toBe('测教发〔2026〕3号');
    expect(item.status).toBe('draft');

    await drafter.get(`/console/publications/${id}`);
    expect((await drafter.post(`/console/publications/${id}/submit`)).statusCode).toBe(303);
    // The drafter holds the first reviewer's role, yet may not pass their own item.
    const own = await review(drafter, id);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('起草人、提交人不能审核自己的信息');
    // A reviewer of a later stage cannot jump the queue.
    expect((await review(final, id)).statusCode).toBe(403);

    expect((await review(first, id)).json().result).toBe('nextStage');
    // The first reviewer also holds the second stage's role but has already decided this round.
    const twice = await review(first, id);
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.message).toBe('同一信息的各审核环节须由不同人员进行，您已审核过前一环节');
    expect((await review(second, id)).json().result).toBe('nextStage');
    const done = await review(final, id);
    expect(done.json().result).toBe('published');
    expect(done.json().item.index_number).toBe(`GK${String(d.deptA.id).padStart(6, '0')}/2026-00001`);
    expect(done.json().item.published_date).toBe('2026-03-02');

    const portal = await app.inject({ url: `/items/${id}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('测试区教育局2026年工作要点');
    expect(portal.body).toContain(`GK${String(d.deptA.id).padStart(6, '0')}/2026-00001`);
    expect(portal.body).toContain('测教发〔2026〕3号');
    const column = await app.inject({ url: `/columns/${columnId}` });
    expect(column.body).toContain(`href="/items/${id}"`);
    expect(await auditActions(id)).toEqual(['item.create', 'item.submit', 'item.approveStage', 'item.approveStage', 'item.approveFinal', 'item.publish']);
    const reviews = await ctx.database.db.selectFrom('publication_reviews').select(['stage', 'reviewer_name', 'confidentiality']).where('item_id', '=', id).orderBy('id').execute();
    expect(reviews.map((r) => r.stage)).toEqual([1, 2, 3]);
  });

  it('an ID number in the body stops final approval until the final reviewer confirms with a reason', async () => {
    const item = await newItem({ title: '2026年教师资格认定结果公示', bodyHtml: `<p>张三，身份证号${ID_NUMBER}，认定通过。</p>` });
    const res = await passAll(item.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(res.json().error.message).toContain('110105********002X');
    expect((await ctx.database.db.selectFrom('publication_items').select('status').where('id', '=', item.id).executeTakeFirstOrThrow()).status).toBe('review');
    expect((await app.inject({ url: `/items/${item.id}` })).statusCode).toBe(404);

    const confirmed = await review(final, item.id, { overrideReason: '公示须载明身份信息，已经当事人书面同意' });
    expect(confirmed.json().result).toBe('published');
    const row = await ctx.database.db.selectFrom('publication_reviews').select(['override_reason', 'findings']).where('item_id', '=', item.id).where('stage', '=', 3).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.override_reason).toBe('公示须载明身份信息，已经当事人书面同意');
    expect((JSON.parse(row.findings) as Array<{ rule: string }>).map((f) => f.rule)).toContain('personalData');
  });

  it('a rejection returns the item to its drafter with the comment; the next round starts at the first stage', async () => {
    const item = await newItem({ title: '关于调整作息时间的通知' });
    await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, {});
    const noComment = await first.api('POST', `/api/v1/publications/items/${item.id}/review`, { decision: 'reject', ...PASS, accuracy: 'fail' });
    expect(noComment.statusCode).toBe(400);
    const rejected = await first.api('POST', `/api/v1/publications/items/${item.id}/review`, { decision: 'reject', ...PASS, accuracy: 'fail', comment: '日期有误，请核对' });
    expect(rejected.json().result).toBe('rejected');
    expect(rejected.json().item.status).toBe('draft');
    const page = await drafter.get(`/console/publications/${item.id}`);
    expect(page.body).toContain('初审退回');
    expect(page.body).toContain('日期有误，请核对');
    const again = await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, {});
    expect(again.json().item.review_round).toBe(2);
    expect(again.json().item.review_stage).toBe(1);
  });

  it('a correction is a new version; the public sees the old one until it passes, then the new one with 修改于', async () => {
    const item = await newItem({ title: '2026年招生计划' });
    await passAll(item.id);
    const edit = await drafter.api('PUT', `/api/v1/publications/items/${item.id}`, {
      columnId, title: '2026年招生计划（更正）', bodyHtml: '<p>计划招生320人。</p>', infoKind: 'notice', subjectCategory: '科技、教育', madeOn: '2026-03-02',
    });
    expect(edit.statusCode).toBe(200);
    expect((await app.inject({ url: `/items/${item.id}` })).body).not.toContain('（更正）');
    expect((await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, {})).json().error.fields[0].field).toBe('correctionNote');
    await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, { correctionNote: '更正招生人数' });
    await review(first, item.id);
    await review(second, item.id);
    expect((await review(final, item.id)).json().item.live_version).toBe(2);
    const portal = await app.inject({ url: `/items/${item.id}` });
    expect(portal.body).toContain('2026年招生计划（更正）');
    expect(portal.body).toContain('修改于 2026-03-02 10:00：更正招生人数');
    const versions = await ctx.database.db.selectFrom('publication_versions').select(['version', 'title']).where('item_id', '=', item.id).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, title: '2026年招生计划' }, { version: 2, title: '2026年招生计划（更正）' }]);
  });

  it('withdrawal takes an item off the portal with its reason and keeps the record', async () => {
    const item = await newItem({ title: '待撤回的信息' });
    await passAll(item.id);
    expect((await drafter.api('POST', `/api/v1/publications/items/${item.id}/withdraw`, { reason: '内容有误需撤回' })).statusCode).toBe(403);
    const res = await final.api('POST', `/api/v1/publications/items/${item.id}/withdraw`, { reason: '内容有误需撤回' });
    expect(res.json().item.status).toBe('withdrawn');
    expect((await app.inject({ url: `/items/${item.id}` })).statusCode).toBe(404);
    const staff = await drafter.get(`/console/publications/${item.id}`);
    expect(staff.body).toContain('内容有误需撤回');
    expect((await auditActions(item.id)).at(-1)).toBe('item.withdraw');
  });

  it('a scheduled item is published by the sweep when its time comes', async () => {
    const item = await newItem({ title: '定时发布的通知', scheduledFor: '2026-03-02T10:20' });
    const res = await passAll(item.id);
    expect(res.json().result).toBe('scheduled');
    expect(await publishScheduledItems(ctx)).toBe(0);
    ctx.clock.advanceMinutes(25); // 10:25 Beijing
    expect(await publishScheduledItems(ctx)).toBe(1);
    expect(await publishScheduledItems(ctx)).toBe(0);
    const row = await ctx.database.db.selectFrom('publication_items').select(['status', 'published_date']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', published_date: '2026-03-02' });
    expect((await auditActions(item.id)).slice(-2)).toEqual(['item.approveFinal', 'item.publish']);
  });

  it('fewer review stages only with the office’s consent; with two, the final reviewer decides the second', async () => {
    const refused = await admin.post(`/console/publications/settings/agencies/${d.deptA.id}/stages`, { stages: '2' });
    expect(refused.statusCode).toBe(403);
    await office.get('/console/publications/settings');
    expect((await office.post(`/console/publications/settings/agencies/${d.deptA.id}/allow`, { allowed: 'true' })).statusCode).toBe(303);
    await admin.get('/console/publications/settings');
    expect((await admin.post(`/console/publications/settings/agencies/${d.deptA.id}/stages`, { stages: '2' })).statusCode).toBe(303);
    const item = await newItem({ title: '两级审核的信息' });
    await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, {});
    expect((await review(second, item.id)).statusCode).toBe(403);
    expect((await review(first, item.id)).json().result).toBe('nextStage');
    expect((await review(final, item.id)).json().result).toBe('published');
    // Withdrawing the consent restores three stages.
    await office.post(`/console/publications/settings/agencies/${d.deptA.id}/allow`, { allowed: 'false' });
    const agency = await ctx.database.db.selectFrom('agencies').select(['review_stages', 'fewer_stages_allowed']).where('id', '=', d.deptA.id).executeTakeFirstOrThrow();
    expect(agency).toEqual({ review_stages: 3, fewer_stages_allowed: 0 });
  });

  it('attachments are checked by content; hostile HTML is sanitised on save', async () => {
    const item = await newItem({ title: '附件与正文检查', bodyHtml: '<p onclick="x()">正文<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">链接</a></p>' });
    const row = await ctx.database.db.selectFrom('publication_items').select('body_html').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.body_html).not.toMatch(/script|onerror|onclick|javascript:/i);
    expect(row.body_html).toContain('正文');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const ok = await drafter.api('POST', `/api/v1/publications/items/${item.id}/attachments`, { fileName: '通知.pdf', contentBase64: pdf.toString('base64') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().attachment.kind).toBe('pdf');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const bad = await drafter.api('POST', `/api/v1/publications/items/${item.id}/attachments`, { fileName: '通知.pdf', contentBase64: exe.toString('base64') });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const stored = await ctx.database.db.selectFrom('publication_attachments').select('file_name').where('item_id', '=', item.id).execute();
    expect(stored).toEqual([{ file_name: '通知.pdf' }]);
  });

  it('another agency’s drafter finds nothing of this agency’s items', async () => {
    const item = await newItem({ title: '本单位草稿' });
    const api = await otherDrafter.api('GET', `/api/v1/publications/items/${item.id}`);
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    expect((await otherDrafter.get(`/console/publications/${item.id}`)).statusCode).toBe(404);
    const edit = await otherDrafter.api('PUT', `/api/v1/publications/items/${item.id}`, { columnId, title: '篡改', bodyHtml: 'x', infoKind: 'notice' });
    expect(edit.statusCode).toBe(404);
    expect((await ctx.database.db.selectFrom('publication_items').select('title').where('id', '=', item.id).executeTakeFirstOrThrow()).title).toBe('本单位草稿');
    // Nor can an item be placed in another agency's column.
    const foreign = await otherDrafter.api('POST', `/api/v1/publications/items?agencyId=${d.deptB.id}`, { columnId, title: 'x', bodyHtml: 'x', infoKind: 'notice' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].field).toBe('columnId');
  });

  it('a normative document warns without an interpretation, and shows it once linked', async () => {
    const doc = await newItem({ title: '测试区校外培训机构管理办法', infoKind: 'normative', documentNumber: '测教规〔2026〕1号', writtenDate: '2026-02-20' });
    const before = await drafter.api('GET', `/api/v1/publications/items/${doc.id}`);
    expect(before.json().findings.map((f: { rule: string }) => f.rule)).toContain('interpretationMissing');
    const noLink = await drafter.api('POST', `/api/v1/publications/items?agencyId=${d.deptA.id}`, { columnId, title: '解读', bodyHtml: 'x', infoKind: 'interpretation' });
    expect(noLink.json().error.fields[0].field).toBe('interpretsItemId');
    const interpretation = await newItem({ title: '《测试区校外培训机构管理办法》政策解读', infoKind: 'interpretation', interpretsItemId: doc.id });
    const after = await drafter.api('GET', `/api/v1/publications/items/${doc.id}`);
    expect(after.json().findings.map((f: { rule: string }) => f.rule)).not.toContain('interpretationMissing');
    await passAll(doc.id);
    // Not public yet: the document's page does not link to it.
    expect((await app.inject({ url: `/items/${doc.id}` })).body).not.toContain(`href="/items/${interpretation.id}"`);
    await passAll(interpretation.id);
    const portal = await app.inject({ url: `/items/${doc.id}` });
    expect(portal.body).toContain(`<a href="/items/${interpretation.id}">《测试区校外培训机构管理办法》政策解读</a>`);
    expect((await app.inject({ url: `/items/${interpretation.id}` })).body).toContain(`解读文件：<a href="/items/${doc.id}">测试区校外培训机构管理办法</a>`);

    // A correction of either, saved but not yet reviewed, is not public: each page still names the
    // other by its published title.
    const correct = async (id: number, fields: Record<string, unknown>) => {
      const res = await drafter.api('PUT', `/api/v1/publications/items/${id}`, { columnId, bodyHtml: '<p>更正稿</p>', subjectCategory: '科技、教育', madeOn: '2026-02-27', ...fields });
      expect(res.statusCode, res.body).toBe(200);
    };
    await correct(doc.id, { title: '测试区校外培训机构管理办法（修订草稿）', infoKind: 'normative', documentNumber: '测教规〔2026〕1号', writtenDate: '2026-02-20' });
    await correct(interpretation.id, { title: '政策解读（修订草稿）', infoKind: 'interpretation', interpretsItemId: doc.id });
    const docPage = (await app.inject({ url: `/items/${doc.id}` })).body;
    const interpretationPage = (await app.inject({ url: `/items/${interpretation.id}` })).body;
    expect(docPage).toContain(`<a href="/items/${interpretation.id}">《测试区校外培训机构管理办法》政策解读</a>`);
    expect(interpretationPage).toContain(`解读文件：<a href="/items/${doc.id}">测试区校外培训机构管理办法</a>`);
    expect(docPage + interpretationPage).not.toContain('修订草稿');
    // Once the interpretation's correction passes the review, the document's page names it so.
    expect((await drafter.api('POST', `/api/v1/publications/items/${interpretation.id}/submit`, { correctionNote: '修改标题' })).statusCode).toBe(200);
    for (const who of [first, second, final]) await review(who, interpretation.id);
    expect((await app.inject({ url: `/items/${doc.id}` })).body).toContain(`<a href="/items/${interpretation.id}">政策解读（修订草稿）</a>`);
  });

  it('serves an RSS feed per column, a sitemap, a print view and the agency’s page', async () => {
    const rss = await app.inject({ url: `/columns/${columnId}/rss.xml`, headers: { host: 'gk.example.gov.cn' } });
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rss.body).toContain('<title>测试区教育局 - 通知公告</title>');
    expect(rss.body).toContain('<link>http://gk.example.gov.cn/columns/');
    expect(rss.body).not.toContain('待撤回的信息');
    expect([...rss.body.matchAll(/<item>/g)].length).toBe(7);
    // The feed holds the column's first page, in its order.
    const listed = (await app.inject({ url: `/columns/${columnId}` })).body;
    const order = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => Number(m[1]));
    expect(order(rss.body, /<link>http:\/\/gk\.example\.gov\.cn\/items\/(\d+)<\/link>/g)).toEqual(order(listed, /<li><a href="\/items\/(\d+)">/g));
    const index = await app.inject({ url: '/sitemap.xml', headers: { host: 'gk.example.gov.cn' } });
    expect(index.body).toContain('<loc>http://gk.example.gov.cn/sitemaps/items-1.xml</loc>');
    const items = await app.inject({ url: '/sitemaps/items-1.xml', headers: { host: 'gk.example.gov.cn' } });
    expect([...items.body.matchAll(/<url>/g)].length).toBe(7);
    expect((await app.inject({ url: '/sitemaps/items-x.xml' })).statusCode).toBe(404);
    const firstId = Number(/items\/(\d+)</.exec(items.body)![1]);
    const print = await app.inject({ url: `/items/${firstId}/print` });
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="print-view"');
    expect(print.body).not.toContain('主导航');
    // Validators: the same bytes again are 304 Not Modified; an item page says when it last changed.
    const page = await app.inject({ url: `/items/${firstId}` });
    expect(page.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(page.headers['last-modified']).toBe('Mon, 02 Mar 2026 02:00:00 GMT');
    const again = await app.inject({ url: `/items/${firstId}`, headers: { 'if-none-match': page.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await app.inject({ url: `/items/${firstId}`, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
    const agency = await app.inject({ url: `/agencies/${d.deptA.id}` });
    expect(agency.body).toContain(`href="/columns/${columnId}"`);
    expect(agency.body).toContain(`href="/guide/${d.deptA.id}"`);
    const catalogue = await app.inject({ url: `/agencies/${d.deptA.id}/catalogue` });
    expect(catalogue.body).toContain('共7条');
    expect(catalogue.body).toContain(`GK${String(d.deptA.id).padStart(6, '0')}/2026-00001`);
    expect(catalogue.body).toContain('<td>第一段 第二段 &lt;要点></td>');
    expect((await app.inject({ url: `/agencies/${d.deptA.id}/catalogue/page/2` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/columns/${columnId}/page/2` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/columns/${columnId}/page/1` })).statusCode).toBe(200);
    const guide = await app.inject({ url: `/guide/${d.deptA.id}` });
    expect(guide.body).toContain(`<a href="/columns/${columnId}">通知公告</a>`);
    expect(guide.body).toContain(`href="/agencies/${d.deptA.id}/catalogue"`);
  });

  it('counts the year’s published items per info kind for the report', async () => {
    const counts = await publishedCounts(ctx.database.db, [d.deptA.id], 2026);
    // Published: 工作要点 (planning); 公示, 招生计划, 定时, 两级 (notice); 办法 (normative), 解读 (interpretation).
    // The withdrawn notice is not counted.
    expect(counts).toEqual({ total: 7, byKind: { planning: 1, notice: 4, normative: 1, interpretation: 1 } });
    const editor = await admin.get(`/console/reports/${d.deptA.id}/2026`);
    expect(editor.body).toContain('主动公开记录（可引用）：2026年度主动公开政府信息7条，其中通知公告4条、行政规范性文件1条、政策解读1条、规划计划1条。');
  });

  it('a correction that moves an item, changes its kind and 文号 and re-points its interpretation shows nothing of it before the review', async () => {
    const other = (await admin.api('POST', `/api/v1/publications/columns?agencyId=${d.deptA.id}`, { name: '行政规范性文件', kind: 'policy' })).json().column.id as number;
    const target = await newItem({ title: '测试区学生资助管理办法', infoKind: 'normative', documentNumber: '测教规〔2026〕2号', writtenDate: '2026-02-21' });
    await passAll(target.id);
    const item = await newItem({ title: '关于做好学生资助工作的通知', documentNumber: '测教发〔2026〕5号', writtenDate: '2026-02-25' });
    await passAll(item.id);
    const interpretation = (await ctx.database.db.selectFrom('publication_items').select(['id', 'interprets_item_id']).where('info_kind', '=', 'interpretation').executeTakeFirstOrThrow());
    const before = await publishedCounts(ctx.database.db, [d.deptA.id], 2026);
    const pages = async () => ({
      item: (await app.inject({ url: `/items/${item.id}` })).body,
      oldColumn: (await app.inject({ url: `/columns/${columnId}` })).body,
      newColumn: (await app.inject({ url: `/columns/${other}` })).body,
      catalogue: (await app.inject({ url: `/agencies/${d.deptA.id}/catalogue` })).body,
      interpretation: (await app.inject({ url: `/items/${interpretation.id}` })).body,
      target: (await app.inject({ url: `/items/${target.id}` })).body,
    });
    const published = await pages();

    const moved = await drafter.api('PUT', `/api/v1/publications/items/${item.id}`, {
      columnId: other, title: '测试区学生资助工作规程', bodyHtml: '<p>规程全文。</p>', infoKind: 'normative', subjectCategory: '科技、教育',
      madeOn: '2026-03-01', documentNumber: '测教规〔2026〕3号', writtenDate: '2026-03-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const repointed = await drafter.api('PUT', `/api/v1/publications/items/${interpretation.id}`, {
      columnId, title: '政策解读（修订草稿）', bodyHtml: '<p>解读</p>', infoKind: 'interpretation', subjectCategory: '科技、教育', madeOn: '2026-02-27', interpretsItemId: target.id,
    });
    expect(repointed.statusCode, repointed.body).toBe(200);
    expect((await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, { correctionNote: '改为规范性文件' })).statusCode).toBe(200);
    await review(first, item.id);

    // Drafters and reviewers see the correction …
    const working = (await drafter.api('GET', `/api/v1/publications/items/${item.id}`)).json().item;
    expect([working.column_id, working.info_kind, working.document_number, working.title, working.status]).toEqual([other, 'normative', '测教规〔2026〕3号', '测试区学生资助工作规程', 'review']);
    expect((await drafter.get(`/console/publications?agencyId=${d.deptA.id}`)).body).toContain('测试区学生资助工作规程');
    // … while every public page, and the report's count, stay as published.
    expect(await pages()).toEqual(published);
    expect(published.oldColumn).toContain(`href="/items/${item.id}"`);
    expect(published.newColumn).not.toContain(`href="/items/${item.id}"`);
    expect(published.item).toContain(`<a href="/columns/${columnId}">通知公告</a>`);
    expect(published.item).toContain('<th scope="row">信息类别</th><td>通知公告</td>');
    expect(published.catalogue).toMatch(new RegExp(`<a href="/items/${item.id}">关于做好学生资助工作的通知</a></td><td>[^<]*</td><td>通知公告</td>`));
    expect(published.interpretation).toContain(`解读文件：<a href="/items/${interpretation.interprets_item_id}">`);
    expect(published.target).not.toContain(`href="/items/${interpretation.id}"`);
    expect(await publishedCounts(ctx.database.db, [d.deptA.id], 2026)).toEqual(before);
    // The column the correction moves the item into cannot be deleted under it.
    await admin.get(`/console/publications/columns?agencyId=${d.deptA.id}`);
    const gone = await admin.post(`/console/publications/columns/${other}/delete?agencyId=${d.deptA.id}`);
    expect(gone.body).toContain('栏目“行政规范性文件”下还有0个下级栏目、1条信息，不能删除');

    // Once it passes, the portal moves it, and the interpretation once its own correction passes.
    await review(second, item.id);
    expect((await review(final, item.id)).json().result).toBe('published');
    expect((await drafter.api('POST', `/api/v1/publications/items/${interpretation.id}/submit`, { correctionNote: '改为解读资助办法' })).statusCode).toBe(200);
    for (const who of [first, second, final]) await review(who, interpretation.id);
    const after = await pages();
    expect(after.oldColumn).not.toContain(`href="/items/${item.id}"`);
    expect(after.newColumn).toContain(`href="/items/${item.id}"`);
    expect(after.item).toContain(`<a href="/columns/${other}">行政规范性文件</a>`);
    expect(after.item).toContain('<th scope="row">信息类别</th><td>行政规范性文件</td>');
    expect(after.catalogue).toMatch(new RegExp(`<a href="/items/${item.id}">测试区学生资助工作规程</a></td><td>规程全文。</td><td>行政规范性文件</td>`));
    expect(after.interpretation).toContain(`解读文件：<a href="/items/${target.id}">测试区学生资助管理办法</a>`);
    expect(after.target).toContain(`<a href="/items/${interpretation.id}">政策解读（修订草稿）</a>`);
    const row = await ctx.database.db.selectFrom('publication_items').select(['column_id', 'info_kind', 'correction']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ column_id: other, info_kind: 'normative', correction: null });
    expect(await publishedCounts(ctx.database.db, [d.deptA.id], 2026)).toEqual({ total: before.total, byKind: { ...before.byKind, notice: before.byKind.notice! - 1, normative: before.byKind.normative! + 1 } });
  });
});
