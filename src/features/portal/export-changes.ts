/**
 * What changed on the portal since the last static export, so that `export-static` into the same
 * folder re-makes only the pages that changed: at a million items a full pass makes two million
 * pages (about ten minutes), while a clerk's day of publishing changes a few hundred.
 *
 * Each export keeps beside its files a snapshot (STATE_FILE) of what its pages were made from,
 * taken before any page is made: every public item's updated_at, column, agency and the item it
 * interprets, a signature of every agency and column, and a fingerprint of the code and the
 * portal's address. The next export takes the same snapshot and compares. Comparing snapshots,
 * not timestamps against a clock, sees an item moved out of a column (its old column is in the old
 * snapshot), a re-pointed interpretation, and rows committed late by a long transaction (a change
 * made while an export runs is in the next one's difference, since its snapshot was older).
 *
 * The pages of an item depend on: the item and its live version (every write that changes them
 * sets updated_at), its column's and agency's names, and the titles of the items it interprets or
 * that interpret it. A list (a column's pages, an agency's 目录) depends on its items and its
 * column (and its sub-columns' names). The fixed part of the site — the home page, the catalogue,
 * each agency's page, the first page of each column and 目录, guides, feeds, the sitemap's index
 * and pages, reports — is a few thousand pages even at a million items and is always made again.
 * An incremental export reaches it by the same links as a full one: the pages it leaves out (items,
 * later pages of lists, the sitemap's item files) link only to each other and to the fixed part.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { SITEMAP_CHUNK } from '../publications/feeds.js';

/** The snapshot's file in the export folder. */
export const STATE_FILE = '.gongkai-export-state';
const STATE_HEADER = '# gongkai export-static: what the last export was made from';

interface ItemRecord {
  /** A signature of the item's row as its pages show it: updated_at (every change to them sets it), its live version, validity, date and index number. */
  signature: string;
  columnId: number;
  agencyId: number;
  interprets: number | null;
}

interface ColumnRecord {
  signature: string;
  agencyId: number;
  parentId: number | null;
}

export interface Snapshot {
  /** The code that makes the pages and the portal's address: when either differs, every page is made again. */
  fingerprint: string;
  items: Map<number, ItemRecord>;
  /** Agency id → signature of its row, and whether it is the root (the site's name on every page). */
  agencies: Map<number, { signature: string; root: boolean }>;
  /** Column id → signature of its row, its agency (named on its pages), and its parent column (whose pages list it as a sub-column). */
  columns: Map<number, ColumnRecord>;
}

/** What to make again, and which files of the last export may go. */
export interface Changes {
  /** Public items whose pages must be made again. */
  items: Set<number>;
  /** Items public at the last export and not now: their files go. */
  gone: Set<number>;
  /** Columns whose pages after the first must be made again (the first is always made). */
  columns: Set<number>;
  /** Agencies whose 目录 pages after the first must be made again (the first is always made). */
  catalogues: Set<number>;
  /** Sitemap files of items (sitemaps/items-N.xml) to make again. */
  sitemapChunks: Set<number>;
}

const sign = (row: object) => hash('sha1', JSON.stringify(row), 'base64url');

/**
 * What the snapshot reads of every public item: the partial covering index of migration 0014
 * holds exactly this, so that the item rows (bodies and all) are not read. `live_version > 0` is a
 * literal, not a parameter, so that SQLite can use it.
 */
export function publicStateQuery(db: Executor) {
  return db.selectFrom('publication_items')
    .select(['id', 'updated_at', 'live_version', 'validity', 'validity_on', 'published_date', 'index_number', 'column_id', 'agency_id', 'interprets_item_id'])
    .where('live_version', '>', sql.lit(0))
    .where('withdrawn_at', 'is', null)
    // In order, so that the same data gives the same snapshot text (it is rewritten only when it differs).
    .orderBy('id');
}

/** Reads the snapshot of the database now. */
export async function takeSnapshot(db: Executor, base: string | null): Promise<Snapshot> {
  const items = new Map<number, ItemRecord>();
  const rows = await publicStateQuery(db).execute();
  for (const r of rows) {
    // Not updated_at alone: two changes within one tick of the clock would look like none.
    const signature = hash('sha1', `${r.updated_at}|${r.live_version}|${r.validity}|${r.validity_on}|${r.published_date}|${r.index_number}`, 'base64url');
    items.set(r.id, { signature, columnId: r.column_id, agencyId: r.agency_id, interprets: r.interprets_item_id });
  }
  const agencies = new Map<number, { signature: string; root: boolean }>();
  for (const a of await db.selectFrom('agencies').selectAll().orderBy('id').execute()) agencies.set(a.id, { signature: sign(a), root: a.parent_id === null });
  const columns = new Map<number, ColumnRecord>();
  for (const c of await db.selectFrom('publication_columns').selectAll().orderBy('id').execute()) columns.set(c.id, { signature: sign(c), agencyId: c.agency_id, parentId: c.parent_id });
  return { fingerprint: sign({ code: codeFingerprint(), base }), items, agencies, columns };
}

/** The folder of the running code (src or dist) and the site's static files beside it. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC_DIR = path.resolve(CODE_DIR, '../public');
let codeHash: string | null = null;

/** A hash of every file of the code and of the site's static files, read once per process. */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) parts.push(`${path.relative(CODE_DIR, full)}:${hash('sha1', readFileSync(full), 'base64url')}`);
    }
  };
  walk(CODE_DIR);
  walk(PUBLIC_DIR);
  codeHash = hash('sha1', parts.join('\n'), 'base64url');
  return codeHash;
}

/**
 * The pages to make again from `before` (the last export's snapshot) to `now`; null when every
 * page must be made (no snapshot, other code or address, the root agency changed).
 */
export function changesBetween(before: Snapshot | null, now: Snapshot): Changes | null {
  if (!before || before.fingerprint !== now.fingerprint) return null;
  const changes: Changes = { items: new Set(), gone: new Set(), columns: new Set(), catalogues: new Set(), sitemapChunks: new Set() };
  const touched: ItemRecord[] = [];

  const changedAgencies = new Set<number>();
  for (const id of new Set([...before.agencies.keys(), ...now.agencies.keys()])) {
    const [was, is] = [before.agencies.get(id), now.agencies.get(id)];
    if (was?.signature === is?.signature) continue;
    if (was?.root || is?.root) return null;
    changedAgencies.add(id);
    changes.catalogues.add(id);
  }
  const changedColumns = new Set<number>();
  for (const id of new Set([...before.columns.keys(), ...now.columns.keys()])) {
    const [was, is] = [before.columns.get(id), now.columns.get(id)];
    if (was?.signature === is?.signature) continue;
    changedColumns.add(id);
    for (const c of [id, was?.parentId, is?.parentId]) if (c) changes.columns.add(c);
  }
  // A column's pages name its agency.
  for (const [id, c] of now.columns) if (changedAgencies.has(c.agencyId)) changes.columns.add(id);

  for (const [id, was] of before.items) {
    const is = now.items.get(id);
    if (!is) {
      changes.gone.add(id);
      touched.push(was);
    } else if (is.signature !== was.signature || is.columnId !== was.columnId || is.agencyId !== was.agencyId || is.interprets !== was.interprets) {
      changes.items.add(id);
      touched.push(was, is);
    }
  }
  for (const [id, is] of now.items) {
    if (!before.items.has(id)) {
      changes.items.add(id);
      touched.push(is);
    } else if (changedAgencies.has(is.agencyId) || changedColumns.has(is.columnId)) {
      changes.items.add(id);
    }
  }

  // An item's page names the items it interprets and that interpret it: theirs change with it.
  const interpretedBy = new Map<number, number[]>();
  for (const [id, is] of now.items) {
    if (is.interprets === null) continue;
    const list = interpretedBy.get(is.interprets);
    if (list) list.push(id);
    else interpretedBy.set(is.interprets, [id]);
  }
  for (const id of [...changes.items, ...changes.gone]) {
    for (const other of [before.items.get(id)?.interprets, now.items.get(id)?.interprets, ...(interpretedBy.get(id) ?? [])]) {
      if (other && now.items.has(other)) changes.items.add(other);
    }
  }
  for (const r of touched) {
    changes.columns.add(r.columnId);
    changes.catalogues.add(r.agencyId);
  }
  for (const id of [...changes.items, ...changes.gone]) changes.sitemapChunks.add(Math.ceil(id / SITEMAP_CHUNK));
  return changes;
}

/** Which part of the site an address belongs to, for deciding what an incremental export makes and deletes. */
type Family = { kind: 'item' | 'columnPages' | 'catalogue' | 'sitemapChunk'; id: number } | { kind: 'fixed' };

const FAMILIES: Array<[RegExp, Exclude<Family, { kind: 'fixed' }>['kind']]> = [
  [/^\/items\/([0-9]+)(?:\/|$)/, 'item'],
  [/^\/columns\/([0-9]+)\/page\/[0-9]+$/, 'columnPages'],
  [/^\/agencies\/([0-9]+)\/catalogue\/page\/[0-9]+$/, 'catalogue'],
  [/^\/sitemaps\/items-([0-9]+)\.xml$/, 'sitemapChunk'],
];

function familyOf(address: string): Family {
  for (const [pattern, kind] of FAMILIES) {
    const match = pattern.exec(address);
    if (match) return { kind, id: Number(match[1]) };
  }
  return { kind: 'fixed' };
}

/** Whether an incremental export makes this address: the fixed part, and the families that changed. */
export function isRemade(changes: Changes, address: string): boolean {
  const family = familyOf(address);
  switch (family.kind) {
    case 'fixed': return true;
    case 'item': return changes.items.has(family.id) || changes.gone.has(family.id);
    case 'columnPages': return changes.columns.has(family.id);
    case 'catalogue': return changes.catalogues.has(family.id);
    case 'sitemapChunk': return changes.sitemapChunks.has(family.id);
  }
}

/** The address a file of the export was written for (fileFor's inverse for pages and files). */
export function addressOfFile(file: string): string {
  const address = `/${file.split(path.sep).join('/')}`;
  if (address === '/index.html') return '/';
  return address.endsWith('.html') && address !== '/404.html' ? address.slice(0, -'.html'.length) : address;
}

/** The snapshot as written to STATE_FILE: a header, the fingerprint, then one line per agency, column and item. */
export function serializeSnapshot(s: Snapshot): string {
  const lines = [STATE_HEADER, `F\t${s.fingerprint}`];
  for (const [id, a] of s.agencies) lines.push(`A\t${id}\t${a.signature}\t${a.root ? 1 : 0}`);
  for (const [id, c] of s.columns) lines.push(`C\t${id}\t${c.signature}\t${c.agencyId}\t${c.parentId ?? ''}`);
  for (const [id, r] of s.items) lines.push(`I\t${id}\t${r.signature}\t${r.columnId}\t${r.agencyId}\t${r.interprets ?? ''}`);
  return `${lines.join('\n')}\n`;
}

/** The snapshot read back; null when the text is not one (the export then makes every page). */
export function parseSnapshot(text: string): Snapshot | null {
  const lines = text.split('\n');
  if (lines[0] !== STATE_HEADER) return null;
  const s: Snapshot = { fingerprint: '', items: new Map(), agencies: new Map(), columns: new Map() };
  const optionalId = (v: string | undefined) => (v ? Number(v) : null);
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    if (f[0] === 'F') s.fingerprint = f[1] ?? '';
    else if (f[0] === 'A') s.agencies.set(Number(f[1]), { signature: f[2] ?? '', root: f[3] === '1' });
    else if (f[0] === 'C') s.columns.set(Number(f[1]), { signature: f[2] ?? '', agencyId: Number(f[3]), parentId: optionalId(f[4]) });
    else if (f[0] === 'I') s.items.set(Number(f[1]), { signature: f[2] ?? '', columnId: Number(f[3]), agencyId: Number(f[4]), interprets: optionalId(f[5]) });
  }
  return s.fingerprint ? s : null;
}
