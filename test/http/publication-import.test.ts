/**
 * Import of items from an old site through HTTP on SQLite and PostgreSQL: a CSV of three items
 * (one keeps its index number, two get new ones after it) that appear on the portal with their
 * original dates (and in the search index); the same file again; a ZIP with an attachment that downloads; a file with one
 * bad row that imports nothing; a JSON file with an interpretation linked to its document;
 * another agency's drafter; the template; a file over the upload limit.
 */
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgencyRow } from '../../src/features/agencies/repository.js';
import { insertColumn } from '../../src/features/publications/repository.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict } from '../factories.js';
import { Browser, testApp } from '../http.js';

const CODE = '11530303MB0000001X';
const HEADER = ['索引号', '标题', '栏目', '信息类别', '主题分类', '文号', '成文日期', '发布日期', '有效性', '正文', '附件'];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const csv = (rows: readonly Row[], header = HEADER) =>
  `\ufeff${[header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n')}\r\n`;
const listed = (body: string) => [...body.matchAll(/<li>(第\d+[行条][^<]*)<\/li>/g)].map((m) => m[1]);

/** Three items of 测试区教育局's old site: a normative document with its old index number, a news item and an expired notice. */
const THREE: Row[] = [
  {
    索引号: `${CODE}/2021-00042`, 标题: '关于印发《中小学校园安全管理办法》的通知', 栏目: '政策文件/规范性文件', 信息类别: '行政规范性文件', 主题分类: '科技、教育',
    文号: '青教发[2021]5号', 成文日期: '2021-04-28', 发布日期: '2021/5/6', 有效性: '有效', 正文: '<p>各中小学：</p><p onclick="steal()">现将办法印发给你们。</p><script>alert(1)</script>',
  },
  { 标题: '教育局召开2022年全区教育工作会议', 栏目: '工作动态', 发布日期: '2022年1月10日', 正文: '1月10日，全区教育工作会议召开。\n会议部署了2022年重点工作。' },
  { 标题: '关于做好2021年秋季学期开学工作的通知', 栏目: '工作动态', 信息类别: '通知公告', 发布日期: '2021-08-20', 有效性: '已失效', 正文: '<p>各学校：请做好开学准备。</p>' },
];

/** A DOCX as small as sniffFileType and extractText accept: its text is 实施方案全文. */
async function makeDocx(): Promise<Buffer> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  z.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>实施方案全文</w:t></w:r></w:p></w:body></w:document>');
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe.each(DIALECTS)('importing items from an old site on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let d: Awaited<ReturnType<typeof makeDistrict>>;
  let drafter: Browser;
  let docx: Buffer;
  const db = () => ctx.database.db;
  const itemCount = async () => (await db().selectFrom('publication_items').select('id').execute()).length;
  const auditCount = async () => (await db().selectFrom('audit_log').select('seq').execute()).length;
  const upload = (who: Browser, name: string, content: string | Buffer, agencyId = d.deptA.id) =>
    who.upload('/console/publications/import', { agencyId: String(agencyId) }, { name, content });
  const flash = async () => /<p class="flash" role="status">([^<]*)<\/p>/.exec((await drafter.get('/console/publications/import')).body)?.[1];

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    d = await makeDistrict(ctx);
    await updateAgencyRow(db(), d.deptA.id, { index_code: CODE });
    const at = ctx.clock.now().toISOString();
    const column = (name: string, kind: string, parentId: number | null = null) =>
      insertColumn(db(), { agency_id: d.deptA.id, parent_id: parentId, name, kind, sort_order: 0, created_at: at, updated_at: at });
    const policy = await column('政策文件', 'policy');
    await column('规范性文件', 'policy', policy.id);
    await column('政策解读', 'interpretation');
    await column('工作动态', 'news');
    app = await testApp(ctx);
    drafter = new Browser(app);
    await drafter.login('drafter-a');
    docx = await makeDocx();
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
  });

  it('a CSV of three items: published at once with their dates; one keeps its index number, two get the next ones', async () => {
    const page = await drafter.get('/console/publications/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`测试区教育局（单位编号${d.deptA.id}）`);
    expect(page.body).toContain('gongkai publications import --agency 单位编号 文件路径');

    const res = await upload(drafter, '旧网站信息.csv', csv(THREE));
    expect(res.statusCode, res.body).toBe(303);
    expect(await flash()).toBe(`已导入3条信息；沿用原索引号1条；新编索引号2条（${CODE}/2021-00043至${CODE}/2022-00001）。`);

    const items = await db().selectFrom('publication_items').selectAll().orderBy('id').execute();
    // Written in the order of publication.
    expect(items.map((i) => [i.title, i.column_id > 0, i.info_kind, i.status, i.live_version, i.index_number, i.published_date, i.validity, i.document_number, i.drafter_user_id])).toEqual([
      [THREE[0]!.标题, true, 'normative', 'published', 1, `${CODE}/2021-00042`, '2021-05-06', 'valid', '青教发〔2021〕5号', d.drafterA.id],
      [THREE[2]!.标题, true, 'notice', 'published', 1, `${CODE}/2021-00043`, '2021-08-20', 'expired', null, d.drafterA.id],
      [THREE[1]!.标题, true, 'news', 'published', 1, `${CODE}/2022-00001`, '2022-01-10', 'valid', null, d.drafterA.id],
    ]);
    expect(items[0]).toMatchObject({ subject_category: '科技、教育', written_date: '2021-04-28', issuing_agency: '测试区教育局', first_published_at: '2021-05-05T16:00:00.000Z', review_round: 0 });
    const versions = await db().selectFrom('publication_versions').selectAll().orderBy('item_id').execute();
    expect(versions.map((v) => [v.version, v.published_at, v.published_by, JSON.parse(v.metadata).indexNumber])).toEqual([
      [1, '2021-05-05T16:00:00.000Z', `历史信息导入（${d.drafterA.display_name}）`, `${CODE}/2021-00042`],
      [1, '2021-08-19T16:00:00.000Z', `历史信息导入（${d.drafterA.display_name}）`, `${CODE}/2021-00043`],
      [1, '2022-01-09T16:00:00.000Z', `历史信息导入（${d.drafterA.display_name}）`, `${CODE}/2022-00001`],
    ]);
    expect(versions[0]!.body_html).toBe('<p>各中小学：</p><p>现将办法印发给你们。</p>');
    expect(versions[2]!.body_html).toBe('<p>1月10日，全区教育工作会议召开。</p><p>会议部署了2022年重点工作。</p>');

    const portal = await app.inject({ url: `/items/${items[0]!.id}` });
    expect(portal.statusCode).toBe(200);
    for (const text of [`${CODE}/2021-00042`, '<td>2021-05-06</td>', '<td>2021-04-28</td>', '青教发〔2021〕5号', '行政规范性文件', THREE[0]!.标题]) expect(portal.body).toContain(text);
    expect(portal.body).not.toContain('alert(1)');
    const expired = await app.inject({ url: `/items/${items[1]!.id}` });
    expect(expired.body).toContain('<td>2021-08-20</td>');
    expect(expired.body).toContain('本文件已失效');
    expect((await app.inject({ url: `/items/${items[2]!.id}` })).body).toContain('<td>2022-01-10</td>');

    const indexed = await db().selectFrom('search_documents').select(['item_id', 'index_number', 'published_date', 'info_kind', 'validity']).orderBy('item_id').execute();
    expect(indexed).toEqual(items.map((i) => ({ item_id: i.id, index_number: i.index_number, published_date: i.published_date, info_kind: i.info_kind, validity: i.validity })));

    const sequences = await db().selectFrom('index_number_sequences').selectAll().where('agency_id', '=', d.deptA.id).orderBy('year').execute();
    expect(sequences.map((s) => [s.year, s.last_serial])).toEqual([[2021, 43], [2022, 1]]);
    const audit = await db().selectFrom('audit_log').selectAll().where('entity_type', '=', 'item').execute();
    expect(audit.map((a) => [a.action, a.agency_id, a.actor_user_id])).toEqual([['item.import', d.deptA.id, d.drafterA.id]]);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      fileName: '旧网站信息.csv', items: 3, attachments: 0, keptIndexNumbers: 1,
      generatedIndexNumbers: { count: 2, first: `${CODE}/2021-00043`, last: `${CODE}/2022-00001` },
      itemIds: { first: items[0]!.id, last: items[2]!.id },
    });
  });

  it('the same file again: rows with an index number meet it, rows without one are recognised by title and date; nothing is imported', async () => {
    const [before, auditBefore] = [await itemCount(), await auditCount()];
    const res = await upload(drafter, '旧网站信息.csv', csv(THREE));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('在3条信息中发现3处错误，涉及3条');
    expect(listed(res.body)).toEqual([
      `第2行“索引号”：索引号已存在：本单位已有索引号为${CODE}/2021-00042的信息，该行可能已经导入过`,
      `第3行：已导入过：本单位已有标题和发布日期都相同的信息（索引号${CODE}/2022-00001）`,
      `第4行：已导入过：本单位已有标题和发布日期都相同的信息（索引号${CODE}/2021-00043）`,
    ]);
    expect([await itemCount(), await auditCount()]).toEqual([before, auditBefore]);
    const sequence = await db().selectFrom('index_number_sequences').select('last_serial').where('agency_id', '=', d.deptA.id).where('year', '=', 2021).executeTakeFirstOrThrow();
    expect(sequence.last_serial).toBe(43);
  });

  it('a ZIP with items.csv and an attachment: the attachment is stored with its text and downloads from the portal', async () => {
    const z = new JSZip();
    z.file('items.csv', csv([{ 标题: '2022年校园安全专项整治实施方案', 栏目: '规范性文件', 信息类别: 'document', 发布日期: '2022-06-01', 附件: '附件/实施方案.docx' }]));
    z.file('附件/实施方案.docx', docx);
    const res = await upload(drafter, '迁移包.zip', await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(res.statusCode, res.body).toBe(303);
    expect(await flash()).toBe(`已导入1条信息，附件1个；新编索引号1条（${CODE}/2022-00002）。`);

    const item = await db().selectFrom('publication_items').selectAll().where('index_number', '=', `${CODE}/2022-00002`).executeTakeFirstOrThrow();
    const attachments = await db().selectFrom('publication_attachments').select(['id', 'file_name', 'kind', 'text', 'current']).where('item_id', '=', item.id).execute();
    expect(attachments).toEqual([{ id: attachments[0]!.id, file_name: '实施方案.docx', kind: 'docx', text: '实施方案全文', current: 1 }]);
    const portal = await app.inject({ url: `/items/${item.id}` });
    expect(portal.body).toContain(`href="/items/${item.id}/attachments/${attachments[0]!.id}"`);
    const download = await app.inject({ url: `/items/${item.id}/attachments/${attachments[0]!.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.rawPayload.equals(docx)).toBe(true);
  });

  it('a file with one bad row among good ones imports nothing and lists exactly that row’s errors', async () => {
    const [before, auditBefore] = [await itemCount(), await auditCount()];
    const z = new JSZip();
    z.file('items.csv', csv([
      { 标题: '2023年招生工作方案', 栏目: '工作动态', 发布日期: '2023-04-01', 正文: '方案全文' },
      { 标题: '2023年教师招聘公告', 栏目: '人事信息', 发布日期: '2023-02-30', 正文: '公告全文', 附件: '附件/不存在.pdf;附件/病毒.pdf' },
      { 标题: '2023年暑期安全提示', 栏目: '工作动态', 发布日期: '2023-07-01', 正文: '提示全文' },
    ]));
    z.file('附件/病毒.pdf', Buffer.from('MZ\u0090\u0000 this is a program'));
    const res = await upload(drafter, 'bad.zip', await z.generateAsync({ type: 'nodebuffer' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('在3条信息中发现4处错误，涉及1条');
    expect(listed(res.body)).toEqual([
      '第3行“栏目”：本单位没有栏目“人事信息”（须是已建立的栏目，写名称或“上级栏目/栏目”路径）',
      '第3行“发布日期”：“2023-02-30”不是有效的日期（可写作2022-03-05、2022/3/5或2022年3月5日）',
      '第3行“附件”：ZIP包中没有文件“附件/不存在.pdf”',
      '第3行“附件”：“附件/病毒.pdf”的类型不受支持或内容与扩展名不符（支持 PDF、DOC/DOCX、XLS/XLSX、OFD、WPS、图片）',
    ]);
    expect([await itemCount(), await auditCount()]).toEqual([before, auditBefore]);

    const lone = await upload(drafter, 'lone.csv', csv([{ 标题: '2023年招生工作方案', 栏目: '工作动态', 发布日期: '2023-04-01', 附件: '附件/方案.pdf' }]));
    expect(listed(lone.body)).toEqual(['第2行“附件”：上传的是单个CSV/JSON文件，无法附带“附件/方案.pdf”：请把信息列表命名为 items.csv，与附件文件一起打包成ZIP上传']);
  });

  it('a JSON file: keys in English or Chinese, an interpretation linked to the document of the same file', async () => {
    const json = JSON.stringify([
      { title: '《校外培训机构管理办法》政策解读', column: '政策解读', infoKind: 'interpretation', publishedDate: '2023-03-16', bodyHtml: '<p>一、起草背景</p>', interpretsIndexNumber: `${CODE}/2023-00007` },
      { 索引号: `${CODE}/2023-00007`, 标题: '关于印发《校外培训机构管理办法》的通知', 栏目: '规范性文件', 信息类别: 'normative', 文号: '青教发〔2023〕7号', 发布日期: '2023-03-15', 正文: '<p>办法全文</p>' },
    ]);
    const res = await upload(drafter, 'items.json', Buffer.from(json));
    expect(res.statusCode, res.body).toBe(303);
    expect(await flash()).toBe(`已导入2条信息；沿用原索引号1条；新编索引号1条（${CODE}/2023-00008）。`);
    const document = await db().selectFrom('publication_items').selectAll().where('index_number', '=', `${CODE}/2023-00007`).executeTakeFirstOrThrow();
    const interpretation = await db().selectFrom('publication_items').selectAll().where('index_number', '=', `${CODE}/2023-00008`).executeTakeFirstOrThrow();
    expect(interpretation.interprets_item_id).toBe(document.id);
    const version = await db().selectFrom('publication_versions').select('metadata').where('item_id', '=', interpretation.id).executeTakeFirstOrThrow();
    expect(JSON.parse(version.metadata)).toMatchObject({ interpretsItemId: document.id, publishedDate: '2023-03-16' });
    const portal = await app.inject({ url: `/items/${document.id}` });
    expect(portal.body).toContain(`<a href="/items/${interpretation.id}">《校外培训机构管理办法》政策解读</a>`);

    const bad = await upload(drafter, 'items.json', Buffer.from(JSON.stringify([{ title: '解读', column: '政策解读', publishedDate: '2023-03-16', bodyHtml: 'x', interpretsIndexNumber: 'NONE/2023-00001' }])));
    expect(listed(bad.body)).toEqual(['第1条“所解读文件索引号”：找不到索引号为NONE/2023-00001的信息（须是已发布的信息，或本文件中的另一行）']);
  });

  it("another agency's drafter cannot import into this agency; only drafters and administrators may import", async () => {
    const before = await itemCount();
    const other = new Browser(app);
    await other.login('drafter-b');
    const page = await other.get('/console/publications/import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`测试区财政局（单位编号${d.deptB.id}）`);
    expect(page.body).not.toContain('测试区教育局（单位编号');
    const res = await upload(other, 'a.csv', csv([{ 标题: '财政局冒名导入', 栏目: '工作动态', 发布日期: '2024-01-02', 正文: 'x' }]));
    expect(res.statusCode).toBe(404);
    expect(await itemCount()).toBe(before);

    const office = new Browser(app);
    await office.login('office-admin');
    const refused = await office.get('/console/publications/import');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('无权导入：只有本单位的信息起草人、单位管理员或系统管理员可以导入历史信息');
    expect((await office.get('/console/publications/import/template.csv')).statusCode).toBe(403);
  });

  it('the template: the headers and an example row, which is skipped on import', async () => {
    const res = await drafter.get('/console/publications/import/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('标题,栏目,信息类别,主题分类,发布机构,文号,成文日期,发布日期,有效性,索引号,正文,附件,来源,所解读文件索引号');
    expect(lines[1]).toMatch(/^【示例】本行导入时跳过：/);
    const again = await upload(drafter, 'template.csv', res.rawPayload);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('文件中没有数据：列名下面没有要导入的信息');
  });

  it('a file over the upload limit is refused on the page, pointing to the command', async () => {
    const res = await upload(drafter, 'big.zip', Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('文件超过10 MB，不能在网页上传');
    expect(res.body).toContain('<h1>导入历史信息</h1>');
  });
});
