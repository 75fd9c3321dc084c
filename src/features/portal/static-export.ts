/**
 * `gongkai export-static <dir>`: the public portal as files, for a CDN or nginx. The portal is
 * crawled through the application itself (Fastify's inject, no network), starting from the home
 * page, the catalogue, the sitemap and the stylesheets, following every same-site link and
 * resource — so each file holds exactly the bytes the server sends for that address. Item pages
 * and their print views, most of the pages, are made by the functions their routes send
 * (itemPageHtml, itemPrintHtml) from items read a batch at a time, and a list's pages after its
 * first (columnPageHtml, cataloguePageHtml) from one pass over its rows: the same bytes without a
 * request and a query for each.
 *
 * Addresses map to files as nginx's `try_files $uri $uri.html $uri/index.html` expects (and most
 * static hosts' "clean URLs"): a page /items/5 is written to items/5.html, the home page to
 * index.html, a file with an extension (/sitemap.xml, /static/app.css) under its own name, a
 * download without one (/items/5/attachments/7) under its address. Not items/5/index.html: on a
 * disk where making a folder costs as much as writing a file, that is four new entries per item
 * (with the print view's folder) instead of three, and the export is bound by them
 * (PERFORMANCE.md). Dynamic parts (the request form, tracking, search, the console, the API) are
 * not exported; their links lead to the server (GONGKAI_PUBLIC_URL should then name it). The
 * portal's not-found page is written to 404.html for the web server's error page.
 *
 * Pages are made in worker threads (static-export-worker.ts), each with its own application on
 * its own connection to the same database, so that every processor renders; this thread keeps
 * the crawl's queue and the set of addresses seen.
 */
import { once } from 'node:events';
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { DatabaseOptions, Executor } from '../../db/database.js';
import { listAllAgenciesCached } from '../agencies/repository.js';
import type { Agency } from '../../db/schema.js';
import { cataloguePageHtml, columnPageHtml, itemPageHtml, itemPrintHtml, pageCount } from '../publications/portal-routes.js';
import { highestItemId, publicCatalogue, publicColumn, publicItems, publicListPages, type PublicListRow } from '../publications/queries.js';
import { addressOfFile, changesBetween, isRemade, parseSnapshot, serializeSnapshot, STATE_FILE, takeSnapshot } from './export-changes.js';

/** An address no route answers: its response is the not-found page written to 404.html. */
const NOT_FOUND_FILE_URL = '/404.html';

/** Where the crawl starts; everything else is reached by links. */
const START_URLS = ['/', '/catalogue', '/guide', '/rules', '/annual-reports', '/sitemap.xml', '/static/app.css', '/static/favicon.svg', '/assets/report.css', NOT_FOUND_FILE_URL];

/** Addresses that only a running server can answer. */
const DYNAMIC = /^\/(?:console|api|requests|search)(?:[/?]|$)/;

export interface ExportResult {
  pages: number;
  files: number;
  bytes: number;
  /** Whether this export refreshed an earlier one in the same folder (its list of files, MANIFEST, was there). */
  refreshed: boolean;
  /**
   * An incremental export (an earlier one in the folder, and neither the code nor the portal's
   * address changed): the items whose pages were made again, and those no longer public. Null
   * when every page was made.
   */
  changed: { items: number; gone: number } | null;
  /** Files written: all of them, or when refreshing, those new or different. */
  written: number;
  /** Refreshing: files of the earlier export that no address gives any more (withdrawn items). */
  removed: number;
  /** Links that answered with an error (a dead link on the portal), with their status. */
  broken: Array<{ url: string; status: number }>;
  seconds: number;
}

/** The file an address is written to, relative to the export folder. */
export function fileFor(url: string, contentType: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/\/+$/, '') || '/';
  const parts = clean.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.')) throw new Error(`unsafe address: ${url}`);
  const last = parts.at(-1) ?? '';
  if (contentType.startsWith('text/html') && !/\.html?$/.test(last)) return parts.length === 0 ? 'index.html' : `${path.join(...parts)}.html`;
  return path.join(...parts);
}

/** Same-site links and resources of a page or feed (href, src, <loc>, <link>). */
export function linksOf(body: string, base: string | null): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    let u = raw.trim().replace(/&amp;/g, '&');
    if (base && u.startsWith(base)) u = u.slice(base.length) || '/';
    if (!u.startsWith('/') || u.startsWith('//')) return;
    u = u.split('#')[0]!;
    if (u.includes('?') || DYNAMIC.test(u)) return;
    found.add(u);
  };
  for (const m of body.matchAll(/\b(?:href|src)="([^"]+)"/g)) add(m[1]!);
  for (const m of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) add(m[1]!);
  return [...found];
}

/** What one address gave: its file (relative to the export folder) and the links to follow. */
export interface PageResult {
  url: string;
  status: number;
  /** Null when the address gave no file (an error status). */
  file: string | null;
  bytes: number;
  /** False when refreshing found the file already holding these bytes. */
  written: boolean;
  page: boolean;
  links: string[];
}

/** What an address answered: its status, content type and body. */
interface Answer {
  status: number;
  type: string;
  body: Buffer | string;
}

/** Requests one address from the application. */
async function request(app: FastifyInstance, url: string): Promise<Answer> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.rawPayload };
}

/**
 * The address of an item's page or print view, made directly by the routes' own functions
 * (itemPageHtml, itemPrintHtml) from items read many at once, not requested one by one. The id
 * follows the routes' rule (guards.ts idParam): an address they would not answer is not made here.
 */
const ITEM_PAGE = /^\/items\/([1-9][0-9]{0,9})(\/print)?$/;
const HTML = 'text/html; charset=utf-8';

/**
 * Writes the file of one address and returns it with the links this writer has not reported
 * before. The not-found page is expected to answer 404 and goes to 404.html.
 */
function store(dir: string, url: string, answer: Answer, base: string | null, memory: WriterMemory): PageResult {
  const notFoundPage = url === NOT_FOUND_FILE_URL && answer.status === 404;
  if (answer.status >= 300 && !notFoundPage) return { url, status: answer.status, file: null, bytes: 0, written: false, page: false, links: [] };
  const file = notFoundPage ? '404.html' : fileFor(url, answer.type);
  const links = !notFoundPage && /^(?:text\/html|application\/(?:rss\+)?xml|text\/css)/.test(answer.type)
    ? linksOf(answer.body.toString(), base).flatMap((found) => {
      if (memory.reported.has(found)) return [];
      // A copy: the link found is a slice of the page's text, and kept as it is (in this set, and
      // in the crawl's when the pages are made in its thread) it would keep the whole page.
      const link = Buffer.from(found).toString();
      memory.reported.add(link);
      return [link];
    })
    : [];
  const target = path.join(dir, file);
  const folder = path.dirname(target);
  // Written synchronously: each worker thread has a processor of its own, and a synchronous
  // write costs it less than handing the file to libuv's thread pool (20,000 items into tmpfs,
  // two workers: 2,200–2,560 pages/s against 1,670–1,870).
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  const written = !(memory.refresh && holds(target, body));
  if (written) {
    if (!memory.madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      memory.madeDirs.add(folder);
    }
    if (memory.refresh) replaceFile(target, body);
    else writeFileSync(target, body);
  }
  return { url, status: answer.status, file, bytes: body.length, written, page: !notFoundPage && answer.type.startsWith('text/html'), links };
}

/** Whether `file` exists with exactly these bytes. */
function holds(file: string, bytes: Buffer): boolean {
  return readIfPresent(file)?.equals(bytes) ?? false;
}

/** A file's bytes, or null when there is no such file. */
function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Writes a file beside `file`, then renames it over it: the web server reading the folder meanwhile never sees half of it. */
function replaceFile(file: string, bytes: Buffer | string) {
  writeFileSync(`${file}${TEMP_SUFFIX}`, bytes);
  renameSync(`${file}${TEMP_SUFFIX}`, file);
}

/**
 * What a writer keeps between batches: the folders it has made, and the links it has already
 * reported (most links are the same navigation on every page; the crawl needs each only once).
 */
export interface WriterMemory {
  madeDirs: Set<string>;
  reported: Set<string>;
  /** Refreshing an earlier export: a file already holding the bytes is left as it is. */
  refresh: boolean;
}

export function writerMemory(refresh: boolean): WriterMemory {
  return { madeDirs: new Set(), reported: new Set(), refresh };
}

/** Where a writer's pages come from: the application, and its database for the item pages made directly. */
export interface PageSource {
  app: FastifyInstance;
  db: Executor;
}

/**
 * Makes and writes a batch of addresses. The item pages among them are read in one go and made
 * directly; the rest are requested from the application a few at a time, so that on PostgreSQL
 * one page's round trip to the database overlaps another's rendering (on SQLite every step is
 * synchronous anyway). An item address that is not a public item is requested too, to be
 * answered (and reported) as the server answers it.
 */
export async function writePages(source: PageSource, dir: string, urls: readonly string[], base: string | null, memory: WriterMemory): Promise<PageResult[]> {
  const matches = urls.map((url) => ITEM_PAGE.exec(url));
  const items = await publicItems(source.db, matches.flatMap((match) => (match ? [Number(match[1])] : [])));
  const agencies = await listAllAgenciesCached(source.db);
  const results: PageResult[] = new Array(urls.length);
  const requested: number[] = [];
  const lists: PageResult[][] = [];
  for (const [i, url] of urls.entries()) {
    const match = matches[i];
    const data = match && items.get(Number(match[1]));
    if (data) {
      const html = match[2] ? itemPrintHtml(data, agencies) : itemPageHtml(data, agencies);
      results[i] = store(dir, url, { status: 200, type: HTML, body: html }, base, memory);
      continue;
    }
    const list = await writeListPages(source.db, agencies, dir, url, base, memory);
    if (list) {
      results[i] = list[0]!;
      lists.push(list.slice(1));
    } else {
      requested.push(i);
    }
  }
  let next = 0;
  const lane = async () => {
    while (next < requested.length) {
      const i = requested[next++]!;
      results[i] = store(dir, urls[i]!, await request(source.app, urls[i]!), base, memory);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, requested.length) }, lane));
  return results.concat(...lists);
}

/** The second page of a column or of an agency's 目录: asked for it, the writer makes every page from it on. */
const LIST_PAGE_2 = /^\/(?:columns\/([1-9][0-9]{0,9})|agencies\/([1-9][0-9]{0,9})\/catalogue)\/page\/2$/;

/**
 * Asked for page 2 of a list, makes and writes pages 2, 3, … of it from one pass over its rows
 * (publicListPages) with the functions the routes send (columnPageHtml, cataloguePageHtml), and
 * returns their results, page 2's first; the crawl then has the later pages already. Null when
 * the address is not such a page, or its list has no page 2: it is then requested, and answered
 * as the server answers it. A list's first page stays a request: always made, it is cheap.
 */
async function writeListPages(db: Executor, agencies: readonly Agency[], dir: string, url: string, base: string | null, memory: WriterMemory): Promise<PageResult[] | null> {
  const match = LIST_PAGE_2.exec(url);
  if (!match) return null;
  const list = match[1] ? await columnList(db, agencies, Number(match[1])) : await catalogueList(db, agencies, Number(match[2]));
  if (!list || pageCount(list.first) < 2) return null;
  const results: PageResult[] = [];
  let page = 2;
  for await (const rows of publicListPages(db, list.by, list.id, list.first.pageSize, page)) {
    if (page > pageCount(list.first)) break;
    results.push(store(dir, page === 2 ? url : `${list.path}/page/${page}`, { status: 200, type: HTML, body: list.html(rows, page) }, base, memory));
    page++;
  }
  return results.length > 0 ? results : null;
}

/** A list the export makes in one pass: where its rows are, its first page's answer (count, page size), its address and its pages' maker. */
interface ListPages {
  by: 'column_id' | 'agency_id';
  id: number;
  first: { total: number; pageSize: number };
  path: string;
  html: (rows: PublicListRow[], page: number) => string;
}

async function columnList(db: Executor, agencies: readonly Agency[], columnId: number): Promise<ListPages | null> {
  const first = await publicColumn(db, columnId, 1).catch(() => null);
  return first && { by: 'column_id', id: columnId, first, path: `/columns/${columnId}`, html: (rows, page) => columnPageHtml(agencies, { ...first, rows }, page) };
}

async function catalogueList(db: Executor, agencies: readonly Agency[], agencyId: number): Promise<ListPages | null> {
  const agency = agencies.find((a) => a.id === agencyId);
  if (!agency) return null;
  const first = await publicCatalogue(db, agency.id, 1);
  return { by: 'agency_id', id: agency.id, first, path: `/agencies/${agency.id}/catalogue`, html: (rows, page) => cataloguePageHtml(agencies, agency, { ...first, rows }, page) };
}

/** Addresses one writer works on at once. */
const PAGES_AT_ONCE = 4;
/** Most addresses sent to a worker in one message. */
const BATCH_SIZE = 32;

/** Builds the application a worker exports from; sent to the worker as its `workerData`. */
export interface WorkerSetup {
  database: DatabaseOptions;
  config: Config;
  /** The context clock's offset from the system clock, so that a worker's "now" is the caller's. */
  clockOffsetMs: number;
  dir: string;
  base: string | null;
  refresh: boolean;
}

interface PageWriter {
  write(urls: string[]): Promise<PageResult[]>;
}

interface ExportWorker {
  /** The worker as a writer, once it has built its application. */
  ready: Promise<PageWriter>;
  /** Ends the worker: closes its application if it is ready, stops it if it is still starting. */
  stop(): Promise<void>;
}

/** A worker thread with its own application and database connection. */
function startWorker(setup: WorkerSetup): ExportWorker {
  // From the sources (tests, benchmarks) the worker is TypeScript: it starts by registering tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(`./static-export-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData: setup })
    : new Worker(script, { workerData: setup });
  const exited = once(worker, 'exit');
  const pending = new Map<number, { resolve: (r: PageResult[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  let isReady = false;
  let stopping = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  let nextId = 0;
  const writer: PageWriter = {
    write(urls) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<PageResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'write', id, urls } satisfies ParentMessage);
      });
    },
  };
  const ready = new Promise<PageWriter>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        isReady = true;
        resolve(writer);
      } else if (message.kind === 'results') {
        pending.get(message.id)?.resolve(message.results);
        pending.delete(message.id);
      } else {
        const error = Object.assign(new Error(message.message), { stack: message.stack });
        reject(error);
        fail(error);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`static export worker exited with code ${code}`);
      if (!stopping) reject(error);
      fail(error);
    });
  });
  ready.catch(() => undefined);
  return {
    ready,
    async stop() {
      stopping = true;
      if (isReady) worker.postMessage({ kind: 'close' } satisfies ParentMessage);
      // Still loading the application: it has read nothing yet, so it can simply be stopped.
      else await worker.terminate();
      await exited;
    },
  };
}

export type ParentMessage = { kind: 'write'; id: number; urls: string[] } | { kind: 'close' };
export type WorkerMessage = { kind: 'ready' } | { kind: 'results'; id: number; results: PageResult[] } | { kind: 'error'; message: string; stack?: string };

/**
 * The list of the files an export wrote, kept in its folder. An export into a folder that has one
 * refreshes it: a file already holding the same bytes is left alone, a changed one is replaced
 * whole (written beside it, then renamed over it), and a file of the earlier list that no address
 * gives any more (a withdrawn item's pages) is deleted, with the folders it leaves empty. Nothing
 * else in the folder is touched. Only the pages of what changed since are made again (the snapshot
 * of export-changes.ts beside the list), unless the code changed or a full export is asked for.
 */
export const MANIFEST = '.gongkai-export';
const MANIFEST_HEADER = '# gongkai export-static: files of the last export, one per line';
/** Beside a file being replaced in a refresh. */
const TEMP_SUFFIX = '.gongkai-new';

function readManifest(dir: string): string[] | null {
  const text = readIfPresent(path.join(dir, MANIFEST))?.toString('utf8');
  if (text === undefined) return null;
  if (!text.startsWith(MANIFEST_HEADER)) throw new Error(`${path.join(dir, MANIFEST)} is not an export's list of files`);
  // Only plain relative names: a list edited to reach outside the folder deletes nothing there.
  return text.split('\n').slice(1).filter((line) => line !== '' && !path.isAbsolute(line) && !line.split(/[\\/]/).some((p) => p === '..' || p === '.' || p === ''));
}

function writeManifest(dir: string, files: ReadonlySet<string>) {
  mkdirSync(dir, { recursive: true });
  replaceFile(path.join(dir, MANIFEST), `${MANIFEST_HEADER}\n${[...files].sort().join('\n')}\n`);
}

/** Deletes an earlier export's file and the folders it leaves empty; 1 if it was there. */
function remove(dir: string, file: string): number {
  try {
    unlinkSync(path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      break; // not empty
    }
  }
  return 1;
}

/** Below this many items (by the highest id), or items changed for an incremental export, starting worker threads takes longer than they save. */
const SMALL_PORTAL_ITEMS = 2_000;

/** Held in the export folder while an export works in it: two exports at once (a slow one and the next cron run) would undo each other's lists. */
export const LOCK_FILE = '.gongkai-export.lock';

/** Another export is working in the folder (the process named in its lock file is alive). */
export class ExportBusyError extends Error {
  constructor(readonly pid: number) {
    super(`another export (process ${pid}) is working in this folder`);
  }
}

/** Takes the folder's lock (a lock left by a process that no longer runs is taken over); returns its release. */
function lock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(readIfPresent(file)?.toString() ?? '');
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new ExportBusyError(pid);
    rmSync(file, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Crawls the portal of the database in `ctx` into `dir`. `baseUrl` is the portal's public address
 * (GONGKAI_PUBLIC_URL), which the feeds and the sitemap write into their links: links under it
 * count as same-site.
 *
 * Into a folder holding an earlier export, only the pages that changed since are made again
 * (export-changes.ts) unless `full` asks for every page; either way only files whose bytes differ
 * are written.
 *
 * The pages are made by `workers` worker threads, each loading its own application (a second or
 * two) on its own connection; this thread then only keeps the queue. By default a portal of fewer
 * than SMALL_PORTAL_ITEMS items, or an incremental export of fewer changed items, is made in this
 * thread (0 workers), a larger one by one worker per processor.
 */
export async function exportStatic(
  ctx: AppContext,
  dir: string,
  options: { baseUrl?: string | null; workers?: number; full?: boolean; onProgress?: (pages: number) => void } = {},
): Promise<ExportResult> {
  const started = performance.now();
  const base = options.baseUrl?.replace(/\/+$/, '') ?? null;
  const config: Config = { ...ctx.config, publicUrl: base };
  const release = lock(dir);
  const workers: ExportWorker[] = [];
  let app: FastifyInstance | null = null;
  try {
    const earlier = readManifest(dir);
    const refresh = earlier !== null;
    // Taken before any page is made: whatever changes meanwhile differs from it next time.
    const snapshot = await takeSnapshot(ctx.database.db, base);
    const previousState = readIfPresent(path.join(dir, STATE_FILE))?.toString('utf8') ?? '';
    const previous = refresh && !options.full ? parseSnapshot(previousState) : null;
    const changes = changesBetween(previous, snapshot);
    const seeds = changes ? [...changes.items].flatMap((id) => [`/items/${id}`, `/items/${id}/print`]) : [];
    const crawl = new Crawl([...START_URLS, ...seeds], changes ? (url) => isRemade(changes, url) : () => true, options.onProgress);
    const size = changes ? changes.items.size : await highestItemId(ctx.database.db);
    const workerCount = options.workers ?? (size < SMALL_PORTAL_ITEMS ? 0 : os.availableParallelism());
    if (workerCount === 0) {
      const own = await buildApp({ ...ctx, config }, { logger: false });
      app = own;
      const memory = writerMemory(refresh);
      crawl.add({ write: (urls) => writePages({ app: own, db: ctx.database.db }, dir, urls, base, memory) });
    }
    const setup: WorkerSetup = { database: ctx.database.options, config, clockOffsetMs: ctx.clock.now().getTime() - Date.now(), dir, base, refresh };
    for (let i = 0; i < workerCount; i++) {
      const worker = startWorker(setup);
      workers.push(worker);
      worker.ready.then((writer) => crawl.add(writer), (error: Error) => crawl.fail(error));
    }
    const result = await crawl.done;
    // The earlier export's files that no address gave this time: deleted when this export made
    // their part of the site again (all of it, or the changed parts), kept otherwise.
    const made = crawl.files();
    const files = new Set(made);
    let madeAgain = 0;
    for (const file of earlier ?? []) {
      if (files.has(file)) madeAgain++;
      else if (!changes || isRemade(changes, addressOfFile(file))) result.removed += remove(dir, file);
      else files.add(file);
    }
    // Both lists are rewritten only when they differ: at a million items they are two million
    // and one million lines, and most runs of a cron job change neither.
    if (earlier === null || result.removed > 0 || madeAgain < made.size) writeManifest(dir, files);
    const state = serializeSnapshot(snapshot);
    if (state !== previousState) replaceFile(path.join(dir, STATE_FILE), state);
    result.refreshed = refresh;
    result.changed = changes ? { items: changes.items.size, gone: changes.gone.size } : null;
    result.seconds = (performance.now() - started) / 1000;
    return result;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await app?.close();
    release();
  }
}

/**
 * The crawl's queue of addresses, worked on by writers, two batches in flight per writer so that
 * a worker never waits for this thread's answer. A lane that finds the queue empty waits while
 * other lanes may still add links to it; the crawl is done when no lane is left. Lanes start as
 * their writers become ready; the crawl cannot end before the first, since only lanes end it.
 */
class Crawl {
  readonly done: Promise<ExportResult>;
  /** Writers working: the lanes share the queue out among them. */
  private writers = 0;
  private readonly queue: string[];
  private readonly seen: Set<string>;
  private readonly written = new Set<string>();
  private readonly result: ExportResult = { pages: 0, files: 0, bytes: 0, refreshed: false, changed: null, written: 0, removed: 0, broken: [], seconds: 0 };
  private next = 0;
  private active = 0;
  private lanes = 0;
  private finished = false;
  private wake: () => void = () => undefined;
  private idle = this.nextIdle();
  private finish!: (result: ExportResult) => void;
  private abort!: (error: Error) => void;

  /** `follow` says which of the links found are made too. */
  constructor(start: readonly string[], private readonly follow: (url: string) => boolean, private readonly onProgress?: (pages: number) => void) {
    this.queue = [...start];
    this.seen = new Set(start);
    this.done = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.abort = reject;
    });
  }

  /** Starts two lanes for `writer`. */
  add(writer: PageWriter) {
    if (this.finished) return;
    this.writers++;
    void this.lane(writer);
    void this.lane(writer);
  }

  /** The files of the addresses crawled so far, relative to the export folder. */
  files(): ReadonlySet<string> {
    return this.written;
  }

  fail(error: Error) {
    if (this.finished) return;
    this.finished = true;
    this.abort(error);
  }

  private nextIdle() {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  private async lane(writer: PageWriter) {
    this.lanes++;
    try {
      while (!this.finished) {
        const waiting = this.queue.length - this.next;
        if (waiting > 0) {
          const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(waiting / (2 * this.writers))));
          const batch = this.queue.slice(this.next, this.next + size);
          this.next += batch.length;
          this.active++;
          try {
            const results = await writer.write(batch);
            // A writer may answer with more addresses than it was sent (a list's later pages):
            // seen before any link is followed, they are not queued again.
            for (const r of results) this.seen.add(r.url);
            for (const r of results) this.take(r);
          } finally {
            this.active--;
            this.wake();
            this.idle = this.nextIdle();
          }
        } else if (this.active === 0) {
          break;
        } else {
          await this.idle;
        }
      }
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.lanes--;
      if (this.lanes === 0 && !this.finished) {
        this.finished = true;
        this.result.broken.sort((a, b) => a.url.localeCompare(b.url));
        this.finish(this.result);
      }
    }
  }

  private take(r: PageResult) {
    const { result } = this;
    if (r.file === null) {
      result.broken.push({ url: r.url, status: r.status });
      return;
    }
    for (const link of r.links) {
      if (!this.seen.has(link) && this.follow(link)) {
        this.seen.add(link);
        this.queue.push(link);
      }
    }
    // Two addresses with one file (rare: /x and /x.html) wrote the same bytes twice.
    if (this.written.has(r.file)) return;
    this.written.add(r.file);
    result.files++;
    if (r.written) result.written++;
    result.bytes += r.bytes;
    if (r.page) {
      result.pages++;
      if (result.pages % 1000 === 0) this.onProgress?.(result.pages);
    }
  }
}
