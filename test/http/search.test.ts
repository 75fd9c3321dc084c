/**
 * Full-text search of published items through HTTP, on SQLite and PostgreSQL: items published
 * through the publications API (three reviewers) are found by words of their title and body, by
 * their document and index numbers, and by the info kind they are; a withdrawn item disappears;
 * the registry's repeal changes the validity filter; filters narrow; hostile queries are harmless;
 * the JSON API answers; a rebuild of the index finds the same.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSources, reindexAll } from '../../src/features/search/indexer.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { Browser, testApp } from '../http.js';

const PASS = { decision: 'approve', confidentiality: 'pass', accuracy: 'pass', timeliness: 'pass' };

interface Hit {
  itemId: number;
  title: string;
  titleHtml: string;
  snippet: string;
  agencyName: string;
  documentNumber: string | null;
  indexNumber: string | null;
  validity: string;
  infoKind: string;
  publishedDate: string;
}

describe.each(DIALECTS)('search on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  const staff: Record<string, Browser> = {};
  const columns: Record<number, number> = {};
  const ids: Record<string, number> = {};

  /** Drafted by the agency's drafter and passed by its three reviewers. */
  const publish = async (agency: 'A' | 'B', item: Record<string, unknown>) => {
    const agencyId = agency === 'A' ? d.deptA.id : d.deptB.id;
    const drafter = staff[`drafter${agency}`]!;
    const created = await drafter.api('POST', `/api/v1/publications/items?agencyId=${agencyId}`, {
      columnId: columns[agencyId], subjectCategory: '科技、教育', madeOn: ctx.clock.now().toISOString().slice(0, 10), ...item,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().item.id as number;
    expect((await drafter.api('POST', `/api/v1/publications/items/${id}/submit`, {})).statusCode).toBe(200);
    for (const stage of ['first', 'second', 'final']) {
      const res = await staff[`${stage}${agency}`]!.api('POST', `/api/v1/publications/items/${id}/review`, PASS);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await drafter.api('GET', `/api/v1/publications/items/${id}`)).json().item.status).toBe('published');
    return id;
  };
  const api = async (query: string) => {
    const res = await app.inject({ url: `/api/v1/public/items?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; totalIsMore: boolean; page: number; pages: number; mode: string; terms: string[]; items: Hit[] };
  };
  const search = (q: string, filters = '') => api(`q=${encodeURIComponent(q)}${filters}`);

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.deptB.id, roles: ['agencyAdmin'], username: 'admin-b' });
    for (const [agency, agencyId] of [['a', d.deptA.id], ['b', d.deptB.id]] as const) {
      await makeUser(ctx, { agencyId, roles: ['reviewerFirst'], username: `first-${agency}` });
      await makeUser(ctx, { agencyId, roles: ['reviewerSecond'], username: `second-${agency}` });
      await makeUser(ctx, { agencyId, roles: ['reviewerFinal'], username: `final-${agency}` });
    }
    app = await testApp(ctx);
    for (const name of ['admin', 'drafter', 'first', 'second', 'final']) {
      for (const agency of ['A', 'B']) {
        const browser = new Browser(app);
        await browser.login(`${name}-${agency.toLowerCase()}`);
        staff[`${name}${agency}`] = browser;
      }
    }
    for (const [agency, agencyId] of [['A', d.deptA.id], ['B', d.deptB.id]] as const) {
      const res = await staff[`admin${agency}`]!.api('POST', `/api/v1/publications/columns?agencyId=${agencyId}`, { name: '政府信息', kind: 'notices' });
      expect(res.statusCode, res.body).toBe(201);
      columns[agencyId] = res.json().column.id;
    }

    ids.normative = await publish('A', {
      title: '测试区校外培训机构管理办法', infoKind: 'normative', documentNumber: '测教规〔2026〕1号', writtenDate: '2026-02-20',
      bodyHtml: '<p>第一条 为加强校外培训机构管理，保障学生合法权益，结合本区实际，制定本办法。</p><p>第二条 本办法适用于本区行政区域内的校外培训机构。</p>',
    });
    ids.meeting = await publish('A', {
      title: '区教育局召开规范性文件清理工作会议', infoKind: 'news',
      bodyHtml: '<p>3月1日，区教育局召开会议，部署本系统规范性文件清理工作，要求各科室逐件核对文件的有效性。</p>',
    });
    ids.notice = await publish('A', {
      title: '关于2026年春季学期开学工作的通知', infoKind: 'notice', documentNumber: '测教发〔2026〕12号',
      bodyHtml: '<p>各学校：现将2026年春季学期开学工作有关事项通知如下。</p>',
    });
    ids.report = await publish('A', {
      title: '全区中小学春季开学工作有序推进', infoKind: 'news',
      bodyHtml: '<p>根据《关于2026年春季学期开学工作的通知》（测教发〔2026〕12号）要求，全区12所中小学于3月2日正常开学。</p>',
    });
    ids.budget = await publish('B', {
      title: '测试区财政局2026年部门预算公开', infoKind: 'fiscal',
      bodyHtml: '<p>按照预算公开的要求，现将本局2026年部门预算公开如下：一般公共预算支出1,280万元。</p>',
    });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('finds the normative document first for 规范性文件, before news that has the words in its title', async () => {
    const res = await search('规范性文件');
    expect(res.mode).toBe('all');
    expect(res.totalIsMore).toBe(false);
    expect(res.terms).toEqual(['规范性', '文件']);
    expect(res.items.map((i) => i.itemId)).toEqual([ids.normative, ids.meeting]);
    expect(res.total).toBe(2);
    const [first, second] = res.items;
    expect(first).toMatchObject({ title: '测试区校外培训机构管理办法', documentNumber: '测教规〔2026〕1号', agencyName: '测试区教育局', infoKind: 'normative', validity: 'valid', publishedDate: '2026-03-02' });
    expect(first!.indexNumber).toBe(`GK${String(d.deptA.id).padStart(6, '0')}/2026-00001`);
    expect(second!.titleHtml).toBe('区教育局召开<mark>规范性</mark><mark>文件</mark>清理工作会议');
    expect(second!.snippet).toBe('3月1日，区教育局召开会议，部署本系统<mark>规范性</mark><mark>文件</mark>清理工作，要求各科室逐件核对<mark>文件</mark>的有效性。');
  });

  it('finds an item first by its document number, however the brackets and the serial are typed', async () => {
    const exact = await search('测教发〔2026〕12号');
    // The report quotes the number in its body; the notice carries it.
    expect(exact.items.map((i) => i.itemId)).toEqual([ids.notice, ids.report]);
    const typed = await search('测教发[2026]012号');
    expect(typed.items.map((i) => i.itemId)).toEqual([ids.notice]);
    const normative = await search('测教规〔2026〕1号');
    expect(normative.items[0]!.itemId).toBe(ids.normative);
  });

  it('finds an item first by its whole title, a long query searched by its rarest terms', async () => {
    const res = await search('关于2026年春季学期开学工作的通知');
    expect(res.terms).toEqual(['关于', '2026', '年', '春季', '学期', '开学', '工作', '通知']);
    expect(res.items[0]!.itemId).toBe(ids.notice);
    expect(res.items[0]!.titleHtml).toBe('<mark>关于</mark><mark>2026</mark><mark>年</mark><mark>春季</mark><mark>学期</mark><mark>开学</mark><mark>工作</mark>的<mark>通知</mark>');
    // The report quotes that title in its body.
    expect(res.items.map((i) => i.itemId)).toContain(ids.report);
  });

  it('finds an item first by its index number', async () => {
    const notice = (await search('开学工作的通知')).items.find((i) => i.itemId === ids.notice)!;
    expect(notice.indexNumber).toBe(`GK${String(d.deptA.id).padStart(6, '0')}/2026-00003`);
    const res = await search(notice.indexNumber!);
    expect(res.items[0]!.itemId).toBe(ids.notice);
    expect(res.total).toBe(1);
  });

  it('finds words of the body and falls back to any term when no item has all of them', async () => {
    const all = await search('校外培训 学生');
    expect(all.items.map((i) => i.itemId)).toEqual([ids.normative]);
    const any = await search('校外培训 天文望远镜');
    expect(any.mode).toBe('any');
    expect(any.items.map((i) => i.itemId)).toEqual([ids.normative]);
    expect((await search('天文望远镜')).total).toBe(0);
  });

  it('narrows by agency, info kind and validity', async () => {
    // Every item's index number holds the year.
    expect((await search('2026')).total).toBe(5);
    expect((await search('2026', `&agencyId=${d.deptB.id}`)).items.map((i) => i.itemId)).toEqual([ids.budget]);
    expect((await search('开学', '&infoKind=news')).items.map((i) => i.itemId)).toEqual([ids.report]);
    expect((await search('开学', '&infoKind=notice')).items.map((i) => i.itemId)).toEqual([ids.notice]);
    expect((await search('开学', '&year=2025')).total).toBe(0);
    expect((await search('开学', '&year=2026')).total).toBe(2);
    expect((await search('校外培训', '&validity=repealed')).total).toBe(0);
  });

  it('follows the registry: a repealed normative document is found with 已废止', async () => {
    const drafter = staff.drafterA!;
    const doc = await drafter.api('POST', '/api/v1/registry/documents', {
      agencyId: d.deptA.id, kind: 'normative', title: '测试区校外培训机构管理办法', documentNumber: '测教规〔2026〕1号', issuedOn: '2026-02-20', itemId: ids.normative,
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const repeal = await drafter.api('POST', `/api/v1/registry/documents/${doc.json().id}/repeal`, { on: '2026-03-01', reason: '被新办法替代' });
    expect(repeal.statusCode, repeal.body).toBe(200);
    expect((await search('校外培训', '&validity=repealed')).items.map((i) => [i.itemId, i.validity])).toEqual([[ids.normative, 'repealed']]);
    expect((await search('校外培训', '&validity=valid')).total).toBe(0);
    const page = await app.inject({ url: `/search?q=${encodeURIComponent('校外培训')}` });
    expect(page.body).toContain('<span class="tag">已废止</span>');
  });

  it('a withdrawn item disappears from the results', async () => {
    const id = await publish('A', { title: '2026年秋季招生简章', infoKind: 'notice', bodyHtml: '<p>招生对象：本区适龄儿童。</p>' });
    expect((await search('招生简章')).items.map((i) => i.itemId)).toEqual([id]);
    const res = await staff.finalA!.api('POST', `/api/v1/publications/items/${id}/withdraw`, { reason: '招生计划调整' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search('招生简章')).total).toBe(0);
    const page = await app.inject({ url: `/search?q=${encodeURIComponent('招生简章')}` });
    expect(page.body).toContain('没有找到与“招生简章”相关的信息');
    expect(await ctx.database.db.selectFrom('search_documents').select('item_id').where('item_id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('a correction replaces the indexed version', async () => {
    const edit = await staff.drafterB!.api('PUT', `/api/v1/publications/items/${ids.budget}`, {
      columnId: columns[d.deptB.id], title: '测试区财政局2026年部门预算公开（更正）', infoKind: 'fiscal', subjectCategory: '财政、金融、审计', madeOn: '2026-03-02',
      bodyHtml: '<p>更正：一般公共预算支出1,380万元，其中基本支出960万元。</p>',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    // Still the published version until the correction passes.
    expect((await search('更正')).total).toBe(0);
    expect((await staff.drafterB!.api('POST', `/api/v1/publications/items/${ids.budget}/submit`, { correctionNote: '更正预算金额' })).statusCode).toBe(200);
    for (const stage of ['first', 'second', 'final']) await staff[`${stage}B`]!.api('POST', `/api/v1/publications/items/${ids.budget}/review`, PASS);
    expect((await search('更正')).items.map((i) => [i.itemId, i.title])).toEqual([[ids.budget, '测试区财政局2026年部门预算公开（更正）']]);
    expect((await search('基本支出')).items.map((i) => i.itemId)).toEqual([ids.budget]);
    // A word only the first version had.
    expect((await search('按照')).total).toBe(0);
  });

  it('the search page: the form alone without a query, then results with 共N条, marks and links', async () => {
    const empty = await app.inject({ url: '/search' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<form method="get" action="/search" class="search-form"');
    expect(empty.body).not.toContain('id="h-results"');
    expect(empty.body).toContain(`<option value="${d.deptB.id}">`);

    const page = await app.inject({ url: `/search?q=${encodeURIComponent('规范性文件')}&agencyId=${d.deptA.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('共2条');
    expect(page.body.indexOf(`href="/items/${ids.normative}"`)).toBeGreaterThan(0);
    expect(page.body.indexOf(`href="/items/${ids.normative}"`)).toBeLessThan(page.body.indexOf(`href="/items/${ids.meeting}"`));
    expect(page.body).toContain('区教育局召开<mark>规范性</mark><mark>文件</mark>清理工作会议');
    expect(page.body).toContain(`<option value="${d.deptA.id}" selected>`);
    expect(page.body).toContain('value="规范性文件"');

    const bad = await app.inject({ url: `/search?q=x&year=abcd` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年份：必须是四位数的年份');

    // Every portal page has the search box in its navigation.
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('<form class="site-search" method="get" action="/search" role="search">');
  });

  it('hostile queries answer 200 and inject no markup; stored text is escaped in titles and snippets', async () => {
    const id = await publish('A', {
      title: '示例<img src=x onerror=alert(1)>标题', infoKind: 'news', bodyHtml: '<p>示例代码 &lt;script&gt;alert(2)&lt;/script&gt; 不会执行。</p>',
    });
    for (const q of ['"', '*', 'OR(', '<script>alert(1)</script>', '"规范性" OR 文件* NEAR(a b) ^c col:d', `${'规范性文件'.repeat(300)}`, "it's \\ '' & | ! :*"]) {
      const page = await app.inject({ url: `/search?q=${encodeURIComponent(q)}` });
      expect(page.statusCode, q).toBe(200);
      expect(page.body).not.toContain('<script>alert(1)');
      const res = await app.inject({ url: `/api/v1/public/items?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
    }
    expect((await search('"')).total).toBe(0);
    const page = await app.inject({ url: `/search?q=${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(page.body).toContain('value="&lt;script>alert(1)&lt;/script>"');

    const found = await app.inject({ url: `/search?q=${encodeURIComponent('示例')}` });
    expect(found.body).toContain(`<a href="/items/${id}"><mark>示例</mark>&lt;img src=x onerror=alert(1)&gt;标题</a>`);
    expect(found.body).toContain('<mark>示例</mark>代码 &lt;script&gt;alert(2)&lt;/script&gt; 不会执行。');
    expect(found.body).not.toContain('<img src=x');
    expect(found.body).not.toContain('<script>alert(2)');
  });

  it('the JSON API: a query, bad filters, browsing without a query, one item, and the OpenAPI document', async () => {
    const bad = await app.inject({ url: '/api/v1/public/items?agencyId=abc&validity=old' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['agencyId', 'validity']);

    const browse = await api(`agencyId=${d.deptA.id}`);
    expect(browse.mode).toBe('browse');
    expect(browse.total).toBe(5);
    expect(browse.items.map((i) => i.itemId)).toEqual([...browse.items.map((i) => i.itemId)].sort((a, b) => b - a));

    const one = await app.inject({ url: `/api/v1/public/items/${ids.notice}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().item).toMatchObject({
      id: ids.notice, url: `/items/${ids.notice}`, version: 1, title: '关于2026年春季学期开学工作的通知', documentNumber: '测教发〔2026〕12号',
      indexNumber: `GK${String(d.deptA.id).padStart(6, '0')}/2026-00003`, infoKind: 'notice', infoKindLabel: '通知公告', agencyId: d.deptA.id,
      agencyName: '测试区教育局', publishedDate: '2026-03-02', validity: 'valid', bodyHtml: '<p>各学校：现将2026年春季学期开学工作有关事项通知如下。</p>',
      attachments: [], interpretations: [],
    });
    const withdrawn = (await ctx.database.db.selectFrom('publication_items').select('id').where('status', '=', 'withdrawn').executeTakeFirstOrThrow()).id;
    const gone = await app.inject({ url: `/api/v1/public/items/${withdrawn}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ url: '/api/v1/public/items/abc' })).statusCode).toBe(404);

    const openapi = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/public/items', '/api/v1/public/items/{id}']));
    expect(openapi.paths['/api/v1/public/items'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'agencyId', 'infoKind', 'year', 'validity', 'page']);
  });

  it('pages through many results, 20 a page, with links that keep the filters', async () => {
    // Rows straight into the index: the pager is what is tested here, not publication.
    await ctx.database.db.transaction().execute((trx) => indexSources(trx, Array.from({ length: 25 }, (_, k) => ({
      id: 100_000 + k, agency_id: d.deptB.id, live_version: 1, withdrawn_at: null, published_date: `2025-12-${String(k + 1).padStart(2, '0')}`,
      index_number: null, validity: 'valid' as const, title: `分页测试信息第${k + 1}条`, body_html: '<p>用于分页测试。</p>', metadata: JSON.stringify({ infoKind: 'news' }),
    }))));
    const first = await app.inject({ url: `/search?q=${encodeURIComponent('分页测试')}&year=2025` });
    expect(first.body).toContain('共25条');
    expect(first.body).toContain('第1/2页');
    expect(first.body.match(/<li><h3>/g)).toHaveLength(20);
    expect(first.body).toContain(`href="/search?q=${encodeURIComponent('分页测试')}&amp;year=2025&amp;page=2"`);
    const second = await app.inject({ url: `/search?q=${encodeURIComponent('分页测试')}&year=2025&page=2` });
    expect(second.body.match(/<li><h3>/g)).toHaveLength(5);
    expect(second.body).toContain('<ol class="search-results" start="21">');
    expect(second.body).toContain('上一页');
    // Equal scores: the newest first.
    expect((await search('分页测试')).items[0]!.title).toBe('分页测试信息第25条');
  });

  it('with more than 1,000 matches: titles first, newest first, 50 pages at most, "more than" in the count', async () => {
    // Even ids have the words in their title, odd ids only in their body.
    await ctx.database.db.transaction().execute((trx) => indexSources(trx, Array.from({ length: 1100 }, (_, k) => {
      const id = 200_001 + k;
      return {
        id, agency_id: d.deptA.id, live_version: 1, withdrawn_at: null, published_date: '2024-06-01', index_number: null, validity: 'valid' as const,
        title: id % 2 === 0 ? `批量测试信息${id}` : `其他信息${id}`, body_html: id % 2 === 0 ? '<p>正文。</p>' : '<p>这是批量测试的正文。</p>', metadata: JSON.stringify({ infoKind: 'news' }),
      };
    })));
    const first = await search('批量测试');
    expect(first).toMatchObject({ total: 1000, totalIsMore: true, pages: 50, page: 1 });
    expect(first.items.map((i) => i.itemId)).toEqual(Array.from({ length: 20 }, (_, k) => 201_100 - 2 * k));
    const last = await search('批量测试', '&page=50');
    expect(last.items).toHaveLength(20);
    const tooFar = await app.inject({ url: `/api/v1/public/items?q=${encodeURIComponent('批量测试')}&page=51` });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().error.fields[0].field).toBe('page');
    const page = await app.inject({ url: `/search?q=${encodeURIComponent('批量测试')}` });
    expect(page.body).toContain('找到超过1000条，显示最相关的前1000条');
    await ctx.database.db.deleteFrom('search_documents').where('item_id', '>', 200_000).execute();
  });

  it('a rebuild of the index holds exactly the public items and finds the same', async () => {
    const before = await search('开学');
    const { indexed } = await reindexAll(ctx);
    const publicItems = await ctx.database.db.selectFrom('publication_items').select('id').where('live_version', '>', 0).where('withdrawn_at', 'is', null).execute();
    expect(indexed).toBe(publicItems.length);
    const rows = await ctx.database.db.selectFrom('search_documents').select('item_id').orderBy('item_id').execute();
    expect(rows.map((r) => r.item_id)).toEqual(publicItems.map((r) => r.id).sort((a, b) => a - b));
    expect(await search('开学')).toEqual(before);
    expect((await search('分页')).total).toBe(0);
  });

  it('a year filter finds items by the year they were published', async () => {
    ctx.clock.advance(366 * 86_400_000); // 2027-03-03
    for (const name of ['drafter', 'first', 'second', 'final']) await staff[`${name}B`]!.login(`${name}-b`);
    const id = await publish('B', { title: '测试区财政局2027年部门预算公开', infoKind: 'fiscal', bodyHtml: '<p>现将本局2027年部门预算公开如下。</p>' });
    expect((await search('部门预算', '&year=2027')).items.map((i) => i.itemId)).toEqual([id]);
    expect((await search('部门预算', '&year=2026')).items.map((i) => i.itemId)).toEqual([ids.budget]);
    expect((await search('部门预算')).total).toBe(2);
  });
});
