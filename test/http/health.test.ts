/**
 * Website health and the supervising office's dashboard through HTTP, on SQLite and PostgreSQL:
 * the findings of an agency by the 19号 indicators (empty columns, dead links inside the portal,
 * a normative document without interpretation, a lapsed document still marked valid, the
 * 第二十六条 delay), the daily sweep written once a day and batch by batch, the moving clock (a
 * news column goes stale — on the health pages, in the column's history and on the dashboard,
 * with the right "since" date), the settings (who, bad input, audit, effect), the polite
 * external link checker against a local fake of the outside world, and who may see what.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyHealth, healthFigures } from '../../src/features/health/service.js';
import { checkExternalLinks } from '../../src/features/health/link-checker.js';
import { sweepWebsiteHealth } from '../../src/features/health/sweep.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeIssuedInspection, makeUser } from '../factories.js';
import { signedIn, testApp } from '../http.js';

const PUBLIC_URL = 'https://gk.example.gov.cn';
const DAY = 24 * 3600_000;

interface Hit { method: string; url: string; agent: string; at: number }

/** The outside world: a small site with a robots.txt, a page, a gone page, a HEAD-refusing server, a hanging one and a redirect. */
async function fakeOutsideWorld() {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method!, url: req.url!, agent: String(req.headers['user-agent']), at: Date.now() });
    if (req.url === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (req.url === '/ok' || req.url === '/private/x') return res.writeHead(200).end('ok');
    if (req.url === '/gone') return res.writeHead(404).end('gone');
    if (req.url === '/head-refused') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (req.url === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hits, base, close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); } };
}

describe.each(DIALECTS)('website health and the office dashboard on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let world: Awaited<ReturnType<typeof fakeOutsideWorld>>;
  const col = { news: 0, notices: 0, policy: 0, personnel: 0, interpretation: 0 };
  const item = { news: 0, notice: 0, normative: 0, document: 0 };
  let serial = 0;

  const db = () => ctx.database.db;
  const at = () => ctx.clock.now().toISOString();
  const as = (username: string) => signedIn(app, username);
  const addColumn = async (agencyId: number, name: string, kind: string, parentId: number | null = null) =>
    (await db().insertInto('publication_columns').values({ agency_id: agencyId, parent_id: parentId, name, kind, sort_order: ++serial, created_at: at(), updated_at: at() }).returning('id').executeTakeFirstOrThrow()).id;
  const addItem = async (o: { agencyId: number; columnId: number; title: string; infoKind: string; publishedDate: string; madeOn?: string; body?: string; withdrawn?: boolean; interprets?: number }) => {
    const body = o.body ?? '<p>正文</p>';
    const row = await db().insertInto('publication_items').values({
      agency_id: o.agencyId, column_id: o.columnId, title: o.title, body_html: body, info_kind: o.infoKind, subject_category: '科技、教育', issuing_agency: '测试区教育局',
      document_number: null, written_date: null, made_on: o.madeOn ?? null, source_name: null, source_url: null, interprets_item_id: o.interprets ?? null, scheduled_for: null,
      correction_note: null, status: o.withdrawn ? 'withdrawn' : 'published', review_stage: null, stages_required: 3, drafter_user_id: d.drafterA.id, submitted_by: null,
      live_version: 1, index_number: `TEST/${++serial}`, published_date: o.publishedDate, first_published_at: at(), validity_on: null,
      withdrawn_at: o.withdrawn ? at() : null, withdrawal_reason: o.withdrawn ? '测试' : null, created_at: at(), updated_at: at(),
    }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('publication_versions').values({ item_id: row.id, version: 1, title: o.title, body_html: body, metadata: '{}', attachment_ids: '[]', correction_note: null, published_at: at(), published_by: '用户' }).execute();
    return row.id;
  };
  const indicators = (findings: Array<{ indicator: string }>) => findings.map((f) => f.indicator);

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { publicUrl: PUBLIC_URL });
    d = await makeDistrict(ctx);
    await makeUser(ctx, { agencyId: d.office.id, roles: ['auditor'], username: 'auditor' });
    world = await fakeOutsideWorld();
    app = await testApp(ctx);

    const A = d.deptA.id;
    col.news = await addColumn(A, '工作动态', 'news');
    col.notices = await addColumn(A, '通知公告', 'notices');
    col.policy = await addColumn(A, '政策文件', 'policy');
    col.personnel = await addColumn(A, '人事信息', 'personnel');
    col.interpretation = await addColumn(A, '政策解读', 'interpretation');
    item.news = await addItem({
      agencyId: A, columnId: col.news, title: '青川区教育局召开春季开学工作会', infoKind: 'news', publishedDate: '2026-03-02', madeOn: '2026-03-02',
      body: `<p>详见<a href="/items/99999">旧文</a>和<a href="/columns/${col.notices}">通知公告</a>，另见<a href="${PUBLIC_URL}/items/88888">原网址</a>、<a href="/guide">指南</a>。</p>`,
    });
    item.notice = await addItem({
      agencyId: A, columnId: col.notices, title: '关于做好2026年春季学期开学工作的通知', infoKind: 'notice', publishedDate: '2026-02-03', madeOn: '2026-01-05',
      body: ['ok', 'gone', 'head-refused', 'slow', 'moved', 'private/x'].map((p) => `<a href="${world.base}/${p}">${p}</a>`).join(' '),
    });
    item.normative = await addItem({ agencyId: A, columnId: col.policy, title: '青川区学生资助管理办法', infoKind: 'normative', publishedDate: '2026-02-10', madeOn: '2026-02-05' });
    // A withdrawn item is not public: the column stays empty.
    await addItem({ agencyId: A, columnId: col.personnel, title: '已撤回的人事信息', infoKind: 'personnel', publishedDate: '2026-02-20', withdrawn: true });
    const document = await db().insertInto('registry_documents').values({
      agency_id: A, kind: 'normative', title: '青川区学生资助管理办法', document_number: '青教规〔2024〕1号', issued_on: '2024-03-01', effective_on: null,
      valid_until: '2026-02-28', repealed_on: null, repeal_reason: null, expired_on: null, expiry_reason: null, item_id: item.normative, note: null, created_at: at(), updated_at: at(),
    }).returning('id').executeTakeFirstOrThrow();
    item.document = document.id;
  });
  afterAll(async () => {
    await app?.close();
    await world?.close();
    await ctx?.cleanup();
  });

  it('finds the problems of an agency on the day, by indicator, with the day each began', async () => {
    const findings = await agencyHealth(ctx, d.deptA.id, '2026-03-02');
    expect(findings).toEqual([
      { indicator: 'emptyColumn', severity: 'deduct', columnId: col.personnel, since: '2026-03-02', message: '栏目“人事信息”（人事信息）没有任何公开信息（空白栏目，2026-03-02开设）' },
      { indicator: 'emptyColumn', severity: 'deduct', columnId: col.interpretation, since: '2026-03-02', message: '栏目“政策解读”（政策解读）没有任何公开信息（空白栏目，2026-03-02开设）' },
      { indicator: 'deadInternalLink', severity: 'deduct', itemId: item.news, url: '/items/99999', message: '“青川区教育局召开春季开学工作会”正文中的站内链接“/items/99999”无法访问' },
      { indicator: 'deadInternalLink', severity: 'deduct', itemId: item.news, url: '/items/88888', message: '“青川区教育局召开春季开学工作会”正文中的站内链接“/items/88888”无法访问' },
      { indicator: 'interpretationMissing', severity: 'deduct', itemId: item.normative, since: '2026-02-10', message: '行政规范性文件“青川区学生资助管理办法”（2026-02-10发布）尚无政策解读（谁起草、谁解读）' },
      {
        indicator: 'expiredStillValid', severity: 'deduct', itemId: item.normative, documentId: item.document, since: '2026-03-01',
        message: '“青川区学生资助管理办法”（青教规〔2024〕1号）有效期至2026-02-28，已届满，门户仍标注“有效”，请登记失效或废止',
      },
      { indicator: 'publicationDelay', severity: 'deduct', itemId: item.notice, since: '2026-02-03', message: '“关于做好2026年春季学期开学工作的通知”信息形成于2026-01-05，应于2026-02-02前公开，实际2026-02-03发布（第二十六条）' },
    ]);
    // A database handle is enough (then absolute links into the portal are not recognised as such).
    expect(indicators(await agencyHealth(db(), d.deptA.id, '2026-03-02')).filter((i) => i === 'deadInternalLink')).toHaveLength(1);
    // An interpretation published for the document clears that finding.
    const interpretation = await addItem({ agencyId: d.deptA.id, columnId: col.interpretation, title: '《青川区学生资助管理办法》解读', infoKind: 'interpretation', publishedDate: '2026-03-02', interprets: item.normative });
    const after = await agencyHealth(ctx, d.deptA.id, '2026-03-02');
    expect(indicators(after)).toEqual(['emptyColumn', 'deadInternalLink', 'deadInternalLink', 'expiredStillValid', 'publicationDelay']);
    await db().updateTable('publication_items').set({ withdrawn_at: at(), status: 'withdrawn' }).where('id', '=', interpretation).execute();
    // Totals for report section 一.
    expect(await healthFigures(ctx, [d.government.id, d.office.id, d.deptA.id, d.deptB.id], '2026-03-02')).toEqual({ agencies: 1, columns: 5, staleColumns: 0, emptyColumns: 2, vetoAgencies: 0 });

    const office = await as('office-admin');
    const overview = await office.get('/console/health');
    expect(overview.statusCode).toBe(200);
    const rows = [...overview.body.matchAll(/<tr[^>]*><td class="indent-\d"><a href="\/console\/health\/(\d+)">([^<]+)<\/a><\/td>((?:<td>.*?<\/td>)+)<\/tr>/g)]
      .map((m) => [m[2], [...m[3]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))]);
    expect(rows).toEqual([
      ['测试区人民政府', ['—', '—', '—', '—', '—', '—', '未开设栏目', '即时']],
      ['测试区人民政府办公室', ['—', '—', '—', '—', '—', '—', '未开设栏目', '即时']],
      ['测试区教育局', ['5', '2026-03-02', '0', '2', '无', '89', '合格', '即时']],
      ['测试区财政局', ['—', '—', '—', '—', '—', '—', '未开设栏目', '即时']],
    ]);

    const detail = await office.get(`/console/health/${d.deptA.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('网站健康 · 测试区教育局');
    expect(detail.body).toContain('扣分项得分<strong>89</strong>分');
    expect(detail.body).toContain('空白栏目（2）');
    expect(detail.body).toContain('“青川区教育局召开春季开学工作会”正文中的站内链接“/items/99999”无法访问');
    expect(detail.body).toContain(`<a href="/console/registry/documents/${item.document}">登记的文件</a>`);

    const api = await office.api('GET', `/api/v1/health/agencies/${d.deptA.id}`);
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect([body.agencyId, body.result, body.score, body.veto, body.staleColumns, body.emptyColumns]).toEqual([d.deptA.id, 'pass', 89, false, 0, 2]);
    expect(body.columns.map((c: { name: string; lastPublishedOn: string | null }) => [c.name, c.lastPublishedOn])).toEqual([
      ['工作动态', '2026-03-02'], ['通知公告', '2026-02-03'], ['政策文件', '2026-02-10'], ['人事信息', null], ['政策解读', null],
    ]);
    const list = (await office.api('GET', '/api/v1/health')).json();
    expect(list.agencies.map((a: { name: string; result: string }) => [a.name, a.result])).toEqual([
      ['测试区人民政府', 'none'], ['测试区人民政府办公室', 'none'], ['测试区教育局', 'pass'], ['测试区财政局', 'none'],
    ]);
  });

  it('shows each agency only its own site; another agency\'s is not found', async () => {
    const drafterB = await as('drafter-b');
    expect((await drafterB.get(`/console/health/${d.deptA.id}`)).statusCode).toBe(404);
    expect((await drafterB.api('GET', `/api/v1/health/agencies/${d.deptA.id}`)).json().error.code).toBe('NOT_FOUND');
    expect((await drafterB.get(`/console/health/columns/${col.news}`)).statusCode).toBe(404);
    const own = await drafterB.get('/console/health');
    expect(own.body).toContain('测试区财政局');
    expect(own.body).not.toContain('测试区教育局');
    expect((await drafterB.get('/console/health/settings')).statusCode).toBe(403);
    expect((await drafterB.get('/console/office')).statusCode).toBe(403);
    expect((await drafterB.api('GET', '/api/v1/dashboard/office')).json().error.code).toBe('FORBIDDEN');
    expect((await drafterB.get('/console/health/abc')).statusCode).toBe(404);
  });

  it('the dashboard: requests open, due this week and overdue; publications by kind; columns; rectification; last year\'s reports', async () => {
    const A = d.deptA.id;
    const B = d.deptB.id;
    let n = 0;
    const request = (agencyId: number, state: string, dueDate: string | null, handledOn: string | null = null) => db().insertInto('requests').values({
      agency_id: agencyId, tracking_number: `2026-T-${++n}`, query_code_hash: 'x', requester_kind: 'naturalPerson', requester_name: '张三', requester_id_type: null,
      requester_id_number: null, requester_credit_code: null, requester_phone: null, requester_email: null, requester_address: null, requester_key: `k${n}`,
      description: '某信息', preferred_form: 'paper', delivery_way: 'post', channel: 'inPerson', received_on: '2026-02-01', state, outcome: handledOn ? 'granted' : null,
      handled_on: handledOn, due_date: dueDate, due_flag: null, handler_user_id: null, public_log: 0, created_at: at(), updated_at: at(),
    }).execute();
    await request(A, 'registered', '2026-03-04'); // Wednesday: due this week
    await request(A, 'registered', '2026-02-27'); // overdue
    await request(A, 'consulting', '2026-03-20');
    await request(A, 'replied', '2026-02-20', '2026-02-18'); // handled: not open
    await request(A, 'submitted', null); // online, not yet confirmed
    await request(B, 'registered', '2026-03-08'); // Sunday: still this week

    const { task } = await makeIssuedInspection(ctx, d.office.id, '2026-03-01');
    await task(A, 'open', '2026-03-01');
    await task(A, 'accepted', '2026-03-01');
    await task(B, 'answered', '2026-03-10');

    await db().insertInto('annual_reports').values({
      agency_id: A, year: 2025, format: '2021', status: 'published', data: '{}', sources: '{}', explanations: '{}', version: 1, reporting_unit: '测试区教育局',
      report_date: '2026-01-20', published_at: '2026-01-20T02:00:00.000Z', created_at: at(), updated_at: at(),
    }).execute();

    const office = await as('office-admin');
    const res = await office.api('GET', '/api/v1/dashboard/office');
    expect(res.statusCode, res.body).toBe(200);
    const dash = res.json();
    expect([dash.today, dash.weekEnd, dash.year]).toEqual(['2026-03-02', '2026-03-08', 2026]);
    const byName = Object.fromEntries(dash.agencies.map((a: { name: string }) => [a.name, a]));
    expect(dash.agencies.map((a: { name: string }) => a.name)).toEqual(['测试区人民政府', '测试区人民政府办公室', '测试区教育局', '测试区财政局']);
    expect(byName['测试区教育局'].requests).toEqual({ open: 3, dueThisWeek: 1, overdue: 1, awaitingConfirmation: 1 });
    expect(byName['测试区财政局'].requests).toEqual({ open: 1, dueThisWeek: 1, overdue: 0, awaitingConfirmation: 0 });
    expect(byName['测试区教育局'].published).toEqual({ total: 3, byKind: { news: 1, notice: 1, normative: 1 } });
    expect(byName['测试区教育局'].columns).toEqual({ judged: true, columns: 5, stale: 0, empty: 2, vetoes: [] });
    expect(byName['测试区财政局'].columns).toEqual({ judged: false, columns: 0, stale: 0, empty: 0, vetoes: [] });
    expect(byName['测试区教育局'].rectification).toEqual({ open: 1, overdue: 1 });
    expect(byName['测试区财政局'].rectification).toEqual({ open: 1, overdue: 0 });
    expect(byName['测试区教育局'].report).toEqual({ year: 2025, text: '已发布（第1版）', deadline: '2026-01-31', publishedOn: '2026-01-20', timeliness: 'onTime' });
    expect(byName['测试区财政局'].report).toEqual({ year: 2025, text: '未开始', deadline: '2026-01-31', publishedOn: null, timeliness: 'overdue' });
    expect(byName['测试区人民政府'].report).toEqual({ year: 2025, text: '未开始', deadline: '2026-03-31', publishedOn: null, timeliness: 'pending' });
    expect(dash.totals).toEqual({
      requests: { open: 4, dueThisWeek: 2, overdue: 1, awaitingConfirmation: 1 },
      published: { total: 3, byKind: { news: 1, notice: 1, normative: 1 } },
      staleColumns: 0, emptyColumns: 2, vetoAgencies: 0, rectification: { open: 2, overdue: 1 }, reportsOverdue: 2,
    });

    const page = await office.get('/console/office');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>监督概览</h1>');
    expect(page.body).toContain('“本周到期”指今天至2026-03-08（周日）到期');
    // Four charts inlined as SVG, labelled with their figures, and free of inline styles (CSP).
    const svgs = [...page.body.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).not.toMatch(/\sstyle="/);
      expect(svg).not.toContain('<style');
    }
    expect(page.body).toContain('aria-label="依申请公开办理中（件）：测试区人民政府：无；测试区人民政府办公室：无；测试区教育局：按期办理中1件，本周到期1件，已超期1件；测试区财政局：本周到期1件。"');
    expect(page.body).toContain('aria-label="2026年主动公开信息（条）：测试区人民政府：无；测试区人民政府办公室：无；测试区教育局：动态信息1条，通知公告1条，行政规范性文件1条；测试区财政局：无。"');
    expect(page.body).toContain('2025年度年报逾期未发布');

    const auditor = await as('auditor');
    expect((await auditor.get('/console/office')).statusCode).toBe(200);
    const adminA = await as('admin-a');
    expect((await adminA.get('/console/office')).statusCode).toBe(403);
  });

  it('the sweep records the day once, batch by batch; a second run the same day changes nothing', async () => {
    const first = await sweepWebsiteHealth(ctx, { links: false });
    expect(first).toEqual({ date: '2026-03-02', agencies: 4, columns: 5, remaining: 0, links: null });
    const count = async (table: 'health_agency_snapshots' | 'health_column_snapshots') => (await db().selectFrom(table).select('on_date').execute()).length;
    expect([await count('health_agency_snapshots'), await count('health_column_snapshots')]).toEqual([4, 5]);
    const snapshot = await db().selectFrom('health_agency_snapshots').selectAll().where('agency_id', '=', d.deptA.id).executeTakeFirstOrThrow();
    expect([snapshot.result, snapshot.score, snapshot.veto, snapshot.empty_columns]).toEqual(['pass', 89, 0, 2]);
    expect(JSON.parse(snapshot.findings).map((f: { indicator: string }) => f.indicator)).toEqual(['emptyColumn', 'emptyColumn', 'deadInternalLink', 'deadInternalLink', 'interpretationMissing', 'expiredStillValid', 'publicationDelay']);

    // The same day again, even after a change: nothing is rewritten.
    await addItem({ agencyId: d.deptA.id, columnId: col.news, title: '补充动态', infoKind: 'news', publishedDate: '2026-03-01', body: '<p><a href="/items/77777">失效</a></p>' });
    expect(await sweepWebsiteHealth(ctx, { links: false })).toEqual({ date: '2026-03-02', agencies: 0, columns: 0, remaining: 0, links: null });
    expect([await count('health_agency_snapshots'), await count('health_column_snapshots')]).toEqual([4, 5]);
    // The overview lists the day's record; the agency's own page is live.
    const office = await as('office-admin');
    const list = (await office.api('GET', '/api/v1/health')).json();
    expect(list.agencies.find((a: { agencyId: number }) => a.agencyId === d.deptA.id)).toEqual({
      agencyId: d.deptA.id, name: '测试区教育局', recordedAt: '2026-03-02T02:00:00.000Z', judged: true, result: 'pass', score: 89, veto: false, vetoes: [],
      columns: 5, staleColumns: 0, emptyColumns: 2, homeLastPublishedOn: '2026-03-02',
    });
    expect((await office.get('/console/health')).body).toContain('<td>巡检 10:00</td>');
    expect((await office.api('GET', `/api/v1/health/agencies/${d.deptA.id}`)).json().score).toBe(88);

    ctx.clock.advance(DAY);
    expect(await sweepWebsiteHealth(ctx, { links: false, limit: 3 })).toEqual({ date: '2026-03-03', agencies: 3, columns: 5, remaining: 1, links: null });
    expect(await sweepWebsiteHealth(ctx, { links: false, limit: 3 })).toEqual({ date: '2026-03-03', agencies: 1, columns: 0, remaining: 0, links: null });
    expect([await count('health_agency_snapshots'), await count('health_column_snapshots')]).toEqual([8, 10]);
  });

  it('the moving clock: the news column goes stale on day 15 — on the health pages, in its history and on the dashboard', async () => {
    ctx.clock.advance(13 * DAY); // 2026-03-16: the 14th day after the last news item
    expect((await sweepWebsiteHealth(ctx, { links: false })).date).toBe('2026-03-16');
    let office = await as('office-admin');
    const eve = await office.get(`/console/health/${d.deptA.id}`);
    expect(eve.body).toContain('栏目“工作动态”最近更新2026-03-02，如2026-03-17前仍无新信息，将计为未按期更新');
    expect(eve.body).not.toContain('自2026-03-17起未更新');

    ctx.clock.advance(DAY); // 2026-03-17
    expect((await sweepWebsiteHealth(ctx, { links: false })).date).toBe('2026-03-17');
    office = await as('office-admin');
    const findings = await agencyHealth(ctx, d.deptA.id, '2026-03-17');
    expect(findings.filter((f) => f.severity === 'veto' || f.indicator === 'columnNotUpdated')).toEqual([
      { indicator: 'homeNotUpdated', severity: 'veto', since: '2026-03-17', message: '首页14天内无更新：最近一条信息发布于2026-03-02，已15天（自2026-03-17起）' },
      { indicator: 'columnNotUpdated', severity: 'deduct', columnId: col.news, since: '2026-03-17', message: '栏目“工作动态”（动态要闻，应14天内更新）自2026-03-17起未更新：最近更新2026-03-02，已15天' },
    ]);
    const page = await office.get(`/console/health/${d.deptA.id}`);
    expect(page.body).toContain('栏目“工作动态”（动态要闻，应14天内更新）自2026-03-17起未更新：最近更新2026-03-02，已15天');
    expect(page.body).toContain('不合格（单项否决）');

    const history = await office.get(`/console/health/columns/${col.news}`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('今天（2026-03-17）：未按期更新，最近更新2026-03-02（15天前），更新期限14天，自2026-03-17起未按期更新，已1天');
    expect(history.body).toMatch(/<tr class="overdue"><td>未按期更新<\/td><td>2026-03-17<\/td><td>至今<\/td><td>1天<\/td><td>2026-03-02<\/td><\/tr>/);
    const api = (await office.api('GET', `/api/v1/health/columns/${col.news}`)).json();
    expect(api.periods).toEqual([{ state: 'stale', from: '2026-03-17', to: '2026-03-17', days: 1, ongoing: true, lastPublishedOn: '2026-03-02' }]);
    expect(api.snapshots.map((s: { on_date: string; stale: number }) => [s.on_date, s.stale])).toEqual([['2026-03-02', 0], ['2026-03-03', 0], ['2026-03-16', 0], ['2026-03-17', 1]]);

    const dash = (await office.api('GET', '/api/v1/dashboard/office')).json();
    const deptA = dash.agencies.find((a: { agencyId: number }) => a.agencyId === d.deptA.id);
    expect(deptA.columns).toEqual({ judged: true, columns: 5, stale: 1, empty: 2, vetoes: ['homeNotUpdated'] });
    expect([dash.totals.staleColumns, dash.totals.vetoAgencies]).toEqual([1, 1]);
    const dashPage = await office.get('/console/office');
    expect(dashPage.body).toContain('（单项否决：首页信息未更新）');
  });

  it('thresholds are settings: only the office changes them, bad input changes nothing, each change is audited', async () => {
    const adminA = await as('admin-a');
    expect((await adminA.post('/console/health/settings', { newsMaxDays: '30' })).statusCode).toBe(403);
    expect((await adminA.api('PUT', '/api/v1/health/settings', { newsMaxDays: 30 })).json().error.code).toBe('FORBIDDEN');

    const office = await as('office-admin');
    const form = await office.get('/console/health/settings');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="newsMaxDays" inputmode="numeric" required value="14"');
    const bad = await office.post('/console/health/settings', { newsMaxDays: '0', homeMaxDays: 'abc', emptyVetoCount: '5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“动态要闻”类栏目更新期限（天）：不能小于1');
    expect(bad.body).toContain('首页更新期限（天）：应填写整数');
    expect(bad.body).toContain('value="abc"');
    const badApi = await office.api('PUT', '/api/v1/health/settings', { emptyVetoCount: 5000 });
    expect(badApi.statusCode).toBe(400);
    expect(badApi.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'emptyVetoCount', message: '空白栏目的单项否决个数：不能大于1000' }] });
    const badFlag = await office.api('PUT', '/api/v1/health/settings', { externalLinksEnabled: 'yes' });
    expect(badFlag.json().error.fields).toEqual([{ field: 'externalLinksEnabled', message: '检查外部链接：应为是或否' }]);
    expect((await office.api('GET', '/api/v1/health/settings')).json().newsMaxDays).toBe(14);

    const ok = await office.post('/console/health/settings', { newsMaxDays: '20', externalLinksEnabled: ['0', '1'] });
    expect(ok.statusCode).toBe(303);
    const saved = (await office.api('GET', '/api/v1/health/settings')).json();
    expect([saved.newsMaxDays, saved.externalLinksEnabled, saved.homeMaxDays]).toEqual([20, true, 14]);
    expect((await office.get('/console/health/settings')).body).toMatch(/name="externalLinksEnabled" value="1" checked/);
    const audit = await db().selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'health.settings').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data as string)).toEqual({ changes: { newsMaxDays: 20, externalLinksEnabled: true } });

    // On 2026-03-17 the news column is 15 days old: within 20 days it is no longer stale.
    expect(indicators(await agencyHealth(ctx, d.deptA.id, '2026-03-17'))).not.toContain('columnNotUpdated');
    expect((await office.api('PUT', '/api/v1/health/settings', { newsMaxDays: 14, externalLinksEnabled: false })).statusCode).toBe(200);
    expect(indicators(await agencyHealth(ctx, d.deptA.id, '2026-03-17'))).toContain('columnNotUpdated');
  });

  it('documents its API in the OpenAPI description', async () => {
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/api/v1/health') || p.startsWith('/api/v1/dashboard')).sort()).toEqual([
      '/api/v1/dashboard/office', '/api/v1/health', '/api/v1/health/agencies/{agencyId}', '/api/v1/health/columns/{columnId}', '/api/v1/health/settings',
    ]);
    const body = openapi.paths['/api/v1/health/settings']!.put!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['homeMaxDays', 'newsMaxDays', 'emptyVetoCount', 'externalLinksEnabled']));
  });

  it('checks external links politely: HEAD then GET, robots.txt, one request per interval per host, a cap per run, results cached', async () => {
    const options = { allowPrivateAddresses: true, timeoutMs: 300, minIntervalMs: 200 };
    const first = await checkExternalLinks(ctx, { ...options, cap: 2 });
    expect(first).toEqual({ busy: false, checked: 2, failing: 1, skipped: 0, pending: 4 });
    expect(world.hits.map((h) => `${h.method} ${h.url}`)).toEqual(['GET /robots.txt', 'HEAD /ok', 'HEAD /gone', 'GET /gone']);

    const second = await checkExternalLinks(ctx, options);
    expect(second).toEqual({ busy: false, checked: 3, failing: 1, skipped: 1, pending: 0 });
    expect(world.hits.slice(4).map((h) => `${h.method} ${h.url}`)).toEqual(['GET /robots.txt', 'HEAD /head-refused', 'GET /head-refused', 'HEAD /slow', 'GET /slow', 'HEAD /moved']);
    expect(new Set(world.hits.map((h) => h.agent))).toEqual(new Set([`gongkai-linkcheck/1.0 (+${PUBLIC_URL})`]));
    for (let i = 1; i < world.hits.length; i++) {
      if (i === 4) continue; // a new run
      expect(world.hits[i]!.at - world.hits[i - 1]!.at).toBeGreaterThanOrEqual(200);
    }
    const checks = Object.fromEntries((await db().selectFrom('health_link_checks').selectAll().execute()).map((c) => [c.url.slice(world.base.length), [c.ok, c.status, c.detail, c.failing_since]]));
    expect(checks).toEqual({
      '/ok': [1, 200, null, null],
      '/gone': [0, 404, null, '2026-03-17'],
      '/head-refused': [1, 200, null, null],
      '/slow': [0, null, '超时（0.3秒无响应）', '2026-03-17'],
      '/moved': [1, 301, null, null],
      '/private/x': [null, null, 'robots.txt 不允许检查', null],
    });

    // Everything was checked within the re-check period: a third run requests nothing.
    expect(await checkExternalLinks(ctx, options)).toEqual({ busy: false, checked: 0, failing: 0, skipped: 0, pending: 0 });
    expect(world.hits).toHaveLength(10);

    // Findings only while the administrator has the checker on.
    expect(indicators(await agencyHealth(ctx, d.deptA.id, '2026-03-17'))).not.toContain('deadExternalLink');
    const office = await as('office-admin');
    await office.api('PUT', '/api/v1/health/settings', { externalLinksEnabled: true });
    expect((await agencyHealth(ctx, d.deptA.id, '2026-03-17')).filter((f) => f.indicator === 'deadExternalLink')).toEqual([
      { indicator: 'deadExternalLink', severity: 'deduct', itemId: item.notice, url: `${world.base}/gone`, since: '2026-03-17', message: `“关于做好2026年春季学期开学工作的通知”正文中的外部链接“${world.base}/gone”无法访问（HTTP 404），自2026-03-17起` },
      { indicator: 'deadExternalLink', severity: 'deduct', itemId: item.notice, url: `${world.base}/slow`, since: '2026-03-17', message: `“关于做好2026年春季学期开学工作的通知”正文中的外部链接“${world.base}/slow”无法访问（超时（0.3秒无响应）），自2026-03-17起` },
    ]);

    // A run while another holds the lease does nothing.
    await db().deleteFrom('health_link_checks').execute();
    await db().insertInto('settings').values({ key: 'health.linkCheckLease', value: `${new Date(ctx.clock.now().getTime() + 60_000).toISOString()}|other` }).execute();
    expect((await checkExternalLinks(ctx, options)).busy).toBe(true);
    await db().deleteFrom('settings').where('key', '=', 'health.linkCheckLease').execute();

    // Without the test's permission, addresses of the own network are never requested.
    const sweep = await sweepWebsiteHealth(ctx, { links: { minIntervalMs: 10 } });
    expect(sweep.links).toEqual({ busy: false, checked: 0, failing: 0, skipped: 6, pending: 0 });
    expect(world.hits).toHaveLength(10);
    expect(new Set((await db().selectFrom('health_link_checks').select('detail').execute()).map((c) => c.detail))).toEqual(new Set(['内网地址，未检查']));
    // The server sweeps every few minutes; the checker runs at most once an hour.
    await db().deleteFrom('health_link_checks').execute();
    expect((await sweepWebsiteHealth(ctx, { links: { minIntervalMs: 10 } })).links).toBeNull();
    ctx.clock.advanceMinutes(60);
    expect((await sweepWebsiteHealth(ctx, { links: { minIntervalMs: 10 } })).links).toEqual({ busy: false, checked: 0, failing: 0, skipped: 6, pending: 0 });
  });
});
