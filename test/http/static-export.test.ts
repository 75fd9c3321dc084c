/**
 * The static export of the portal (on SQLite and PostgreSQL): every page the crawl reaches is
 * written with exactly the bytes the server sends, every same-site link of an exported page
 * has its file, and nothing dynamic (console, request form, API) is exported.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../src/features/portal/export-changes.js';
import { ExportBusyError, exportStatic, fileFor, linksOf, LOCK_FILE, MANIFEST } from '../../src/features/portal/static-export.js';
import { createTestContext, DIALECTS, type TestContext } from '../db.js';
import { makeDistrict, makeUser } from '../factories.js';
import { setItemValidity } from '../../src/features/registry/repository.js';
import { Browser, signedIn, testApp } from '../http.js';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe('file names of exported addresses', () => {
  it('maps pages to .html files (the home page to index.html) and files to their names, refusing escapes', () => {
    expect(fileFor('/', 'text/html; charset=utf-8')).toBe('index.html');
    expect(fileFor('/items/5', 'text/html; charset=utf-8')).toBe(path.join('items', '5.html'));
    expect(fileFor('/columns/3/page/2/', 'text/html; charset=utf-8')).toBe(path.join('columns', '3', 'page', '2.html'));
    expect(fileFor('/404.html', 'text/html; charset=utf-8')).toBe('404.html');
    expect(fileFor('/columns/3/rss.xml', 'application/rss+xml')).toBe(path.join('columns', '3', 'rss.xml'));
    expect(fileFor('/items/5/attachments/7', 'application/pdf')).toBe(path.join('items', '5', 'attachments', '7'));
    expect(() => fileFor('/items/%2e%2e/x', 'text/html')).toThrow('unsafe address');
  });
  it('follows same-site links only, without queries or dynamic parts', () => {
    const html = '<a href="/items/1">a</a><a href="https://www.gov.cn/">b</a><a href="/requests/new">c</a><a href="/columns/2?page=2">d</a><link href="/static/app.css"><a href="/items/1#top">e</a>';
    expect(linksOf(html, null).sort()).toEqual(['/items/1', '/static/app.css']);
    expect(linksOf('<loc>https://gk.example.gov.cn/items/9</loc>', 'https://gk.example.gov.cn')).toEqual(['/items/9']);
  });
});

describe.each(DIALECTS)('exporting the portal on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let dir: string;
  let itemIds: number[] = [];
  let publish: (n: number, kind?: Record<string, unknown>) => Promise<number>;
  let withdraw: (id: number) => Promise<void>;
  /** A correction of a published item (new working copy, three reviews): `changes` over its first version's fields. */
  let correct: (id: number, n: number, changes: Record<string, unknown>) => Promise<void>;
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let columnId: number;
  let as: (username: string) => Promise<Browser>;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const d = await makeDistrict(ctx);
    district = d;
    for (const [u, r] of [['r1', 'reviewerFirst'], ['r2', 'reviewerSecond'], ['r3', 'reviewerFinal']] as const) await makeUser(ctx, { agencyId: d.deptA.id, roles: [r], username: u });
    app = await testApp(ctx);
    as = (u: string) => signedIn(app, u);
    const [admin, drafter, r1, r2, r3] = [await as('admin-a'), await as('drafter-a'), await as('r1'), await as('r2'), await as('r3')];
    const column = (await admin.api('POST', `/api/v1/publications/columns?agencyId=${d.deptA.id}`, { name: '通知公告', kind: 'notices' })).json().column;
    columnId = column.id;
    const passReviews = async (id: number) => {
      for (const r of [r1, r2, r3]) await r.api('POST', `/api/v1/publications/items/${id}/review`, { decision: 'approve', confidentiality: 'pass', accuracy: 'pass', timeliness: 'pass' });
    };
    publish = async (n, kind = { infoKind: 'notice' }) => {
      const item = (await drafter.api('POST', `/api/v1/publications/items?agencyId=${d.deptA.id}`, { columnId: column.id, title: `第${n}号通知`, bodyHtml: `<p>通知正文${n}</p>`, subjectCategory: '综合政务', madeOn: '2026-03-02', ...kind })).json().item;
      if (n === 1) {
        const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
        await drafter.api('POST', `/api/v1/publications/items/${item.id}/attachments`, { fileName: '附件.pdf', contentBase64: pdf.toString('base64') });
      }
      await drafter.api('POST', `/api/v1/publications/items/${item.id}/submit`, {});
      await passReviews(item.id);
      return item.id as number;
    };
    correct = async (id, n, changes) => {
      const put = await drafter.api('PUT', `/api/v1/publications/items/${id}`, { columnId: column.id, title: `第${n}号通知`, bodyHtml: `<p>通知正文${n}</p>`, subjectCategory: '综合政务', madeOn: '2026-03-02', infoKind: 'notice', ...changes });
      expect(put.statusCode).toBe(200);
      await drafter.api('POST', `/api/v1/publications/items/${id}/submit`, { correctionNote: '更正' });
      await passReviews(id);
      expect((await app.inject({ url: `/items/${id}` })).body).toContain(String(changes.title ?? `第${n}号通知`));
    };
    withdraw = async (id) => {
      expect((await r3.api('POST', `/api/v1/publications/items/${id}/withdraw`, { reason: '内容有误需撤回' })).json().item.status).toBe('withdrawn');
    };
    for (let n = 1; n <= 22; n++) {
      // The second is a normative document, the third its interpretation: both pages link the other.
      itemIds.push(await publish(n, n === 2 ? { infoKind: 'normative', documentNumber: '测教规〔2026〕1号', writtenDate: '2026-02-20' }
        : n === 3 ? { infoKind: 'interpretation', interpretsItemId: itemIds[1] } : undefined));
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'gk-export-'));
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes every reachable page with the server’s bytes, and no dynamic page', async () => {
    const result = await exportStatic(ctx, dir, { workers: 2 });
    expect(result.broken).toEqual([]);
    const files = await listFiles(dir);
    for (const id of itemIds) expect(files).toContain(path.join('items', `${id}.html`));
    expect(files).toContain(path.join('items', String(itemIds[0]), 'print.html'));
    expect(files.filter((f) => f.includes('attachments'))).toHaveLength(1);
    const interpreted = await readFile(path.join(dir, 'items', `${itemIds[1]}.html`), 'utf8');
    expect(interpreted).toContain(`<a href="/items/${itemIds[2]}">第3号通知</a>`);
    expect(await readFile(path.join(dir, 'items', `${itemIds[2]}.html`), 'utf8')).toContain(`解读文件：<a href="/items/${itemIds[1]}">第2号通知</a>`);
    expect(await readFile(path.join(dir, 'items', `${itemIds[0]}.html`), 'utf8')).toContain(`<a href="/items/${itemIds[0]}/attachments/`);
    expect(files).toContain(path.join('columns', '1', 'page', '2.html'));
    // 20 a page, newest first: page 2 holds the two oldest.
    const page2 = await readFile(path.join(dir, 'columns', '1', 'page', '2.html'), 'utf8');
    expect([...page2.matchAll(/<li><a href="\/items\/(\d+)">/g)].map((m) => Number(m[1]))).toEqual([itemIds[1], itemIds[0]]);
    expect(files).toContain('sitemap.xml');
    expect(files).toContain(path.join('static', 'app.css'));
    expect(files.some((f) => /^(console|api|requests|search)\b/.test(f))).toBe(false);
    expect(result.pages).toBe(files.filter((f) => f.endsWith('.html') && f !== '404.html').length);

    // Item pages are made without a request (from items read a batch at a time): each must still
    // be the server's bytes, with an attachment, an interpretation and the document it interprets.
    // So are a list's later pages, made from one pass over its rows: every page of every list here.
    const itemPages = itemIds.flatMap((id) => [`/items/${id}`, `/items/${id}/print`]);
    const listPages = files.filter((f) => /^(columns|agencies)\b.*\.html$/.test(f)).map((f) => `/${f.split(path.sep).join('/').replace(/\.html$/, '')}`);
    expect(listPages).toContain('/columns/1/page/2');
    expect(listPages).toContain(`/agencies/${district.deptA.id}/catalogue`);
    for (const url of ['/', ...itemPages, ...listPages, '/sitemap.xml', '/columns/1/rss.xml']) {
      const served = await app.inject({ url });
      const type = String(served.headers['content-type']);
      expect(await readFile(path.join(dir, fileFor(url, type)))).toEqual(served.rawPayload);
    }
    // Every same-site link of every exported page has its file.
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      for (const link of linksOf(await readFile(path.join(dir, f), 'utf8'), null)) {
        const candidates = [path.join(dir, fileFor(link, 'text/html')), path.join(dir, fileFor(link, 'application/octet-stream'))];
        const exists = await Promise.all(candidates.map((c) => stat(c).then(() => true, () => false)));
        expect(exists.includes(true), `${f} → ${link}`).toBe(true);
      }
    }
    expect(await readFile(path.join(dir, '404.html'), 'utf8')).toContain('页面不存在');
  });

  it('stops with the file system’s error when a page cannot be written, in a worker or in this thread', async () => {
    const file = path.join(dir, 'index.html');
    for (const workers of [2, 0]) {
      await expect(exportStatic(ctx, path.join(file, 'portal'), { workers })).rejects.toThrow(/ENOTDIR/);
    }
  });

  it('writes the same files with the same bytes when the pages are made in this thread', async () => {
    const here = await mkdtemp(path.join(os.tmpdir(), 'gk-export-main-'));
    try {
      // The default for a portal this small.
      const result = await exportStatic(ctx, here);
      const files = await listFiles(here);
      expect(files).toEqual(await listFiles(dir));
      expect(result.files).toBe(files.filter((f) => f !== MANIFEST && f !== STATE_FILE).length);
      for (const f of files) expect(await readFile(path.join(here, f)), f).toEqual(await readFile(path.join(dir, f)));
    } finally {
      await rm(here, { recursive: true, force: true });
    }
  });

  it('refreshes an earlier export in place: only new or changed files written, a withdrawn item’s pages deleted, nothing else touched', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'gk-export-refresh-'));
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'gk-export-fresh-'));
    try {
      const first = await exportStatic(ctx, folder, { workers: 0 });
      expect([first.refreshed, first.written, first.removed]).toEqual([false, first.files, 0]);
      await writeFile(path.join(folder, 'robots.txt'), 'User-agent: *\n'); // the site's own file, not the export's
      const before = new Map<string, Buffer>();
      for (const f of await listFiles(folder)) before.set(f, await readFile(path.join(folder, f)));
      const untouched = path.join(folder, 'items', `${itemIds[10]}.html`);
      const untouchedTime = (await stat(untouched)).mtimeMs;

      const gone = itemIds[4]!;
      await withdraw(gone);
      const added = await publish(23);
      const result = await exportStatic(ctx, folder, { workers: 2 });
      await exportStatic(ctx, fresh, { workers: 0 });

      // The refreshed folder is the fresh export, file for file and byte for byte, plus the site's own file.
      const files = await listFiles(fresh);
      expect(await listFiles(folder)).toEqual([...files, 'robots.txt'].sort());
      for (const f of files) expect(await readFile(path.join(folder, f)), f).toEqual(await readFile(path.join(fresh, f)));
      // Written: exactly the files that are new or differ from the first export.
      const changed = files.filter((f) => f !== MANIFEST && f !== STATE_FILE && !before.get(f)?.equals(readFileSync(path.join(fresh, f))));
      expect(changed).toContain(path.join('items', `${added}.html`));
      expect(changed).not.toContain(path.join('items', `${itemIds[10]}.html`));
      expect([result.refreshed, result.written, result.removed]).toEqual([true, changed.length, 2]);
      // Incremental: of the items, only the new one's pages were made, and the withdrawn one's deleted.
      expect(result.changed).toEqual({ items: 1, gone: 1 });
      // Made again: every page but the items' (the one column and the one agency's 目录 both changed), and the new item's two.
      const html = files.filter((f) => f.endsWith('.html') && f !== '404.html');
      expect(result.pages).toBe(html.filter((f) => !f.startsWith(`items${path.sep}`)).length + 2);
      expect((await stat(untouched)).mtimeMs).toBe(untouchedTime);
      // The withdrawn item's page, print view and their folder are gone; nginx answers 404.
      for (const page of [path.join('items', `${gone}.html`), path.join('items', String(gone), 'print.html')]) {
        expect(before.has(page)).toBe(true);
        expect(files).not.toContain(page);
      }
      await expect(stat(path.join(folder, 'items', String(gone)))).rejects.toThrow(/ENOENT/);
      expect(await readFile(path.join(folder, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(fresh, { recursive: true, force: true });
    }
  });

  /** The folder holds exactly a fresh full export's files with its bytes. */
  async function expectSameAsFresh(folder: string) {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'gk-export-fresh-'));
    try {
      await exportStatic(ctx, fresh, { workers: 0 });
      const files = await listFiles(fresh);
      expect(await listFiles(folder)).toEqual(files);
      for (const f of files) expect(await readFile(path.join(folder, f)), f).toEqual(await readFile(path.join(fresh, f)));
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }

  it('makes again only the pages of what changed since the last export, and ends equal to a full export', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'gk-export-incr-'));
    try {
      expect((await exportStatic(ctx, folder, { workers: 0 })).changed).toBe(null);
      // An item nothing touches: an incremental export does not make its page again, so a file
      // damaged outside gongkai stays damaged until a full export (`--full`).
      const untouched = path.join(folder, 'items', `${itemIds[15]}.html`);
      await writeFile(untouched, 'damaged');

      const admin = await as('admin-a');
      const second = (await admin.api('POST', `/api/v1/publications/columns?agencyId=${district.deptA.id}`, { name: '政策文件', kind: 'policy' })).json().column;
      // The normative document's title: its interpretation's page names it.
      await correct(itemIds[1]!, 2, { title: '第2号通知（修订）', infoKind: 'normative', documentNumber: '测教规〔2026〕1号', writtenDate: '2026-02-20' });
      // Moved to another column: the old column's pages lose it.
      await correct(itemIds[6]!, 7, { columnId: second.id });
      // 已废止, as the registry of normative documents marks it.
      await setItemValidity(ctx.database.db, itemIds[8]!, 'repealed', '2026-03-01', new Date().toISOString());
      await withdraw(itemIds[11]!);
      const added = await publish(24);

      const result = await exportStatic(ctx, folder, { workers: 0 });
      // The corrected document, its interpretation, the moved item, the repealed one and the new one.
      expect(result.changed).toEqual({ items: 5, gone: 1 });
      expect(result.broken).toEqual([]);
      expect(await readFile(untouched, 'utf8')).toBe('damaged');
      await writeFile(untouched, await readFile(path.join(dir, 'items', `${itemIds[15]}.html`)));
      await expectSameAsFresh(folder);
      expect(await readFile(path.join(folder, 'items', `${itemIds[2]}.html`), 'utf8')).toContain(`解读文件：<a href="/items/${itemIds[1]}">第2号通知（修订）</a>`);
      expect(await readFile(path.join(folder, 'items', `${itemIds[8]}.html`), 'utf8')).toContain('本文件已废止（2026-03-01），仅供查阅。');
      expect(await readFile(path.join(folder, 'columns', `${second.id}.html`), 'utf8')).toContain(`<a href="/items/${itemIds[6]}">第7号通知</a>`);
      expect(await readFile(path.join(folder, 'items', `${added}.html`), 'utf8')).toContain('第24号通知');

      // A column renamed: every page naming it (its items' breadcrumbs) is made again.
      const renamed = await admin.post(`/console/publications/columns/${columnId}`, { name: '通知公告栏', kind: 'notices' });
      expect(renamed.statusCode).toBe(303);
      await writeFile(untouched, 'damaged');
      const afterRename = await exportStatic(ctx, folder, { workers: 0 });
      const inColumn = await ctx.database.db.selectFrom('publication_items').select('id').where('column_id', '=', columnId).where('live_version', '>', 0).where('withdrawn_at', 'is', null).execute();
      expect(afterRename.changed).toEqual({ items: inColumn.length, gone: 0 });
      expect(await readFile(untouched, 'utf8')).toContain('通知公告栏');
      await expectSameAsFresh(folder);

      // Nothing changed: only the fixed part of the site is made, and nothing is written, not
      // even the lists of files and of what they were made from.
      await writeFile(untouched, 'damaged');
      const listTimes = async () => Promise.all([MANIFEST, STATE_FILE].map(async (f) => (await stat(path.join(folder, f))).mtimeMs));
      const listsBefore = await listTimes();
      const idle = await exportStatic(ctx, folder, { workers: 0 });
      expect([idle.changed, idle.written, idle.removed]).toEqual([{ items: 0, gone: 0 }, 0, 0]);
      expect(await listTimes()).toEqual(listsBefore);
      // A full export makes every page again, and so repairs the damaged file.
      const full = await exportStatic(ctx, folder, { workers: 0, full: true });
      expect([full.changed, full.written]).toEqual([null, 1]);
      await expectSameAsFresh(folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses a folder another export is working in, and takes over the lock of one that has ended', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'gk-export-lock-'));
    try {
      await writeFile(path.join(folder, LOCK_FILE), String(process.pid));
      await expect(exportStatic(ctx, folder, { workers: 0 })).rejects.toThrow(ExportBusyError);
      expect(await listFiles(folder)).toEqual([LOCK_FILE]);
      // A process id no process has: the export that held it has ended.
      await writeFile(path.join(folder, LOCK_FILE), '2147483646');
      const result = await exportStatic(ctx, folder, { workers: 0 });
      expect(result.broken).toEqual([]);
      expect((await listFiles(folder)).includes(LOCK_FILE)).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
