/** Reading items: the console's detail and lists, and what the public may see. */
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { AppContext } from '../../context.js';
import { dialectOf, type Dialect, type Executor } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared.js';
import type { Agency, DB, PublicationAttachment, PublicationColumn, PublicationItem, PublicationVersion } from '../../db/schema.js';
import type { PublicationFinding } from '../../domain/publication/checks.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../errors.js';
import { findAgency, listAllAgencies, listAllAgenciesCached } from '../agencies/repository.js';
import { subtreeIds } from '../agencies/tree.js';
import { itemFindings } from './checks.js';
import { publicationPolicy } from './policy.js';
import * as repo from './repository.js';
import { itemInScope } from './service.js';

/** An interpretation (政策解读) linked to an item, as the item's pages list it. */
type Interpretation = Awaited<ReturnType<typeof repo.interpretationsOf>>[number];

export interface ItemDetail {
  item: PublicationItem;
  agencyName: string;
  column: PublicationColumn | null;
  attachments: repo.AttachmentInfo[];
  reviews: Awaited<ReturnType<typeof repo.listReviews>>;
  versions: PublicationVersion[];
  findings: PublicationFinding[];
  interpretations: Interpretation[];
  interprets: PublicationItem | null;
}

export async function getItemDetail(ctx: AppContext, actor: Actor, id: number): Promise<ItemDetail> {
  const item = await itemInScope(ctx, actor, id);
  const db = ctx.database.db;
  const interprets = item.interprets_item_id ? (await repo.findItem(db, item.interprets_item_id)) ?? null : null;
  return {
    item,
    agencyName: (await findAgency(db, item.agency_id))?.name ?? '',
    column: (await repo.findColumn(db, item.column_id)) ?? null,
    attachments: await repo.listAttachments(db, item.id, true),
    reviews: await repo.listReviews(db, item.id),
    versions: await repo.listVersions(db, item.id),
    findings: item.status === 'withdrawn' ? [] : await itemFindings(ctx, item),
    interpretations: await repo.interpretationsOf(db, item.id),
    interprets,
  };
}

/** Items of the agencies in the actor's scope (optionally one agency and its subtree). */
export async function listItemsForActor(ctx: AppContext, actor: Actor, query: { agencyId?: number; status?: string; q?: string; page: number }) {
  const agencies = await listAllAgencies(ctx.database.db);
  const visible = agencies.filter((a) => publicationPolicy.view(actor, a.id)).map((a) => a.id);
  const ids = query.agencyId ? visible.filter((id) => subtreeIds(agencies, query.agencyId!).has(id)) : visible;
  const pageSize = 50;
  const { rows, total } = await repo.listItems(ctx.database.db, {
    agencyIds: ids, status: query.status, q: query.q, limit: pageSize, offset: (query.page - 1) * pageSize,
  });
  return { rows, total, pageSize, agencies: agencies.filter((a) => visible.includes(a.id)) };
}

/** Items waiting for this reviewer: at a stage whose role the reviewer holds, in scope. */
export async function reviewQueue(ctx: AppContext, actor: Actor) {
  const agencies = await listAllAgencies(ctx.database.db);
  const ids = agencies.filter((a) => publicationPolicy.review(actor, a.id)).map((a) => a.id);
  const { rows } = await repo.listItems(ctx.database.db, { agencyIds: ids, status: 'review', reviewRoles: actor.roles, limit: 200, offset: 0 });
  return rows;
}

/** The attachment of an item the staff member may see (any, also retired ones). */
export async function staffAttachment(ctx: AppContext, actor: Actor, itemId: number, attachmentId: number): Promise<PublicationAttachment> {
  await itemInScope(ctx, actor, itemId);
  const attachment = await repo.findAttachment(ctx.database.db, itemId, attachmentId);
  if (!attachment) throw notFound('附件');
  return attachment;
}

// ---- the public ---------------------------------------------------------------------------

/** What the public sees of an item (its page, the API): the fields read of the item, its live version and its column. */
export interface PublicItem {
  item: Pick<PublicationItem, 'id' | 'agency_id' | 'index_number' | 'published_date' | 'validity' | 'validity_on'>;
  version: Pick<PublicationVersion, 'version' | 'title' | 'body_html' | 'attachment_ids' | 'correction_note' | 'published_at'>;
  metadata: Record<string, string | number | null>;
  attachments: repo.AttachmentInfo[];
  column: Pick<PublicationColumn, 'id' | 'name'> | null;
  agencyName: string;
  interpretations: Interpretation[];
  interprets: { id: number; title: string } | null;
}

/**
 * `live_version > 0` written as a literal, not a parameter: SQLite uses the partial indexes of
 * migration 0013, whose WHERE says the same, without reading each row only when it sees the value
 * while preparing the statement.
 */
const PUBLISHED = sql.lit(0);

type PublicItemRow = Pick<PublicationItem, 'id' | 'agency_id' | 'index_number' | 'published_date' | 'validity' | 'validity_on' | 'interprets_item_id'>
  & Pick<PublicationVersion, 'version' | 'title' | 'body_html' | 'metadata' | 'attachment_ids' | 'correction_note' | 'published_at'>
  & { column_id: number | null; column_name: string | null; interpretations: string | Interpretation[]; interprets_title: string | null };

/**
 * Public items with their live versions, their columns and their public interpretations (those
 * of repo.interpretationsOf that are live) as a JSON array: one query, so that an item page costs
 * PostgreSQL one round trip. SQLite returns the array as JSON text, PostgreSQL already parsed.
 * Only the fields the page shows: on SQLite, preparing a statement costs more than running it,
 * and grows with the number of columns.
 */
function publicItemSelect(db: Kysely<DB>, dialect: Dialect) {
  return db
    .selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .leftJoin('publication_columns as c', 'c.id', 'i.column_id')
    .select((eb) => {
      // A published item's row holds its live values (a correction waits in `correction`).
      const interpretations = eb
        .selectFrom('publication_items as p')
        .select(['p.id', 'p.title', 'p.status', 'p.live_version', 'p.published_date', 'p.withdrawn_at'])
        .whereRef('p.interprets_item_id', '=', 'i.id')
        .where('p.live_version', '>', PUBLISHED)
        .where('p.withdrawn_at', 'is', null)
        .orderBy('p.id');
      const interpretsTitle = eb
        .selectFrom('publication_items as q')
        .select('q.title')
        .whereRef('q.id', '=', 'i.interprets_item_id')
        .where('q.live_version', '>', PUBLISHED)
        .where('q.withdrawn_at', 'is', null);
      return [
        'i.id', 'i.agency_id', 'i.index_number', 'i.published_date', 'i.validity', 'i.validity_on', 'i.interprets_item_id',
        'v.version', 'v.title', 'v.body_html', 'v.metadata', 'v.attachment_ids', 'v.correction_note', 'v.published_at',
        'c.id as column_id', 'c.name as column_name',
        (dialect === 'postgres' ? pgJsonArrayFrom(interpretations) : sqliteJsonArrayFrom(interpretations)).as('interpretations'),
        interpretsTitle.as('interprets_title'),
      ];
    })
    .where('i.live_version', '>', PUBLISHED)
    .where('i.withdrawn_at', 'is', null);
}

const publicItemQuery = preparedQuery<{ id: number }, PublicItemRow>((db, param, dialect) => publicItemSelect(db, dialect).where('i.id', '=', param('id')));

/**
 * The live version of a published item; NOT_FOUND for drafts and withdrawn items alike. Every
 * item page runs this, so it reads little: the item, its live version and its column in one
 * prepared query, the agency's name from the cached agency list, and attachments and the item it
 * interprets only when it has them.
 */
export async function publicItem(db: Executor, id: number): Promise<PublicItem> {
  const [row] = await publicItemQuery(db, { id });
  if (!row) throw notFound('信息');
  const attachments = shownAttachmentIds(row).size === 0 ? [] : await repo.listAttachments(db, row.id, false);
  return toPublicItem(row, attachments, await listAllAgenciesCached(db));
}

/**
 * The public items among `ids`, by id (those not public are missing), as publicItem gives each:
 * read for all of them at once, in one to three queries for the lot instead of one to three per
 * item. The static export makes its item pages from this.
 */
export async function publicItems(db: Executor, ids: readonly number[]): Promise<Map<number, PublicItem>> {
  const found = new Map<number, PublicItem>();
  if (ids.length === 0) return found;
  const rows: PublicItemRow[] = await publicItemSelect(db as unknown as Kysely<DB>, dialectOf(db as unknown as Kysely<unknown>)).where('i.id', 'in', [...new Set(ids)]).execute();
  const withAttachments = rows.filter((r) => shownAttachmentIds(r).size > 0).map((r) => r.id);
  const attachments = withAttachments.length === 0 ? [] : await repo.listAttachmentsOf(db, withAttachments);
  const agencies = await listAllAgenciesCached(db);
  for (const row of rows) found.set(row.id, toPublicItem(row, attachments.filter((a) => a.item_id === row.id), agencies));
  return found;
}

function shownAttachmentIds(row: Pick<PublicItemRow, 'attachment_ids'>): Set<number> {
  return new Set(JSON.parse(row.attachment_ids) as number[]);
}

/** An item's row as the public sees it, given the item's attachments (those its version shows are kept). */
function toPublicItem(row: PublicItemRow, attachments: readonly repo.AttachmentInfo[], agencies: readonly Agency[]): PublicItem {
  const { id: itemId, agency_id, index_number, published_date, validity, validity_on, interprets_item_id, interprets_title, column_id, column_name, interpretations, ...version } = row;
  const shown = shownAttachmentIds(row);
  return {
    item: { id: itemId, agency_id, index_number, published_date, validity, validity_on },
    version,
    metadata: JSON.parse(version.metadata) as Record<string, string | number | null>,
    attachments: attachments.filter((a) => shown.has(a.id)),
    column: column_id === null ? null : { id: column_id, name: column_name! },
    agencyName: agencies.find((a) => a.id === agency_id)?.name ?? '',
    interpretations: typeof interpretations === 'string' ? (JSON.parse(interpretations) as Interpretation[]) : interpretations,
    // The item it interprets, when that is public.
    interprets: interprets_item_id !== null && interprets_title !== null ? { id: interprets_item_id, title: interprets_title } : null,
  };
}

/** An agency's name for public pages, from the cached agency list. */
async function agencyNameOf(db: Executor, agencyId: number): Promise<string> {
  return (await listAllAgenciesCached(db)).find((a) => a.id === agencyId)?.name ?? '';
}

/** An attachment the public may download: one shown with the item's live version. */
export async function publicAttachment(db: Executor, itemId: number, attachmentId: number): Promise<PublicationAttachment> {
  const { version } = await publicItem(db, itemId);
  const shown = JSON.parse(version.attachment_ids) as number[];
  const attachment = shown.includes(attachmentId) ? await repo.findAttachment(db, itemId, attachmentId) : undefined;
  if (!attachment) throw notFound('附件');
  return attachment;
}


/**
 * A column's public items, newest first (a published item's row holds its live title). The column comes with
 * its agency's other columns (for its sub-columns) in one query. The count reads the items alone:
 * an item with live_version > 0 always has that version (the publishing transaction writes
 * both, and versions are never deleted), so joining them would only make every count read the
 * versions too.
 */
export async function publicColumn(db: Executor, columnId: number, page: number) {
  const agencyColumns = await agencyColumnsQuery(db, { columnId });
  const column = agencyColumns.find((c) => c.id === columnId);
  if (!column) throw notFound('栏目');
  const pageSize = 20;
  const [total] = await columnCountQuery(db, { columnId: column.id });
  const rows = await columnPageQuery(db, { columnId: column.id, limit: pageSize, offset: (page - 1) * pageSize });
  const children = agencyColumns.filter((c) => c.parent_id === column.id);
  return { column, rows, total: Number(total!.n), pageSize, children, agencyName: await agencyNameOf(db, column.agency_id) };
}

/** A column together with its agency's other columns (for its sub-columns). */
const agencyColumnsQuery = preparedQuery<{ columnId: number }, PublicationColumn>((db, param) => db
  .selectFrom('publication_columns')
  .selectAll()
  .where('agency_id', '=', (eb) => eb.selectFrom('publication_columns').select('agency_id').where('id', '=', param('columnId')))
  .orderBy('agency_id')
  .orderBy('sort_order')
  .orderBy('id'));

const columnCountQuery = preparedQuery<{ columnId: number }, { n: number }>((db, param) => db
  .selectFrom('publication_items as i')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('i.column_id', '=', param('columnId'))
  .where('i.live_version', '>', PUBLISHED)
  .where('i.withdrawn_at', 'is', null));

/**
 * The ids of a page of a column's or an agency's public items, newest first. The page is found in
 * the partial index of migration 0016 alone (its columns and its WHERE are all this reads), and
 * only its rows are then read: read with the page, every row before the page was read twice over,
 * and the 1,900th page of an agency's 目录 of 190,000 items read 190,000 rows with their bodies
 * (the static export of a million items made such pages at 16 a second).
 */
function publicPageIds(db: Kysely<DB>, by: 'column_id' | 'agency_id', id: number, limit: number, offset: number) {
  return db
    .selectFrom('publication_items as p')
    .select('p.id')
    .where(`p.${by}`, '=', id)
    .where('p.live_version', '>', PUBLISHED)
    .where('p.withdrawn_at', 'is', null)
    .orderBy('p.published_date', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .offset(offset);
}

/** A column's page, read from the column's covering index of migration 0016 alone. */
const columnPageQuery = preparedQuery<{ columnId: number; limit: number; offset: number }, Pick<PublicationItem, 'id' | 'published_date' | 'index_number' | 'validity' | 'document_number'> & { title: string }>((db, param) => db
  .selectFrom('publication_items as i')
  .select(['i.id', 'i.title', 'i.published_date', 'i.index_number', 'i.validity', 'i.document_number'])
  .where('i.column_id', '=', param('columnId'))
  .where('i.live_version', '>', PUBLISHED)
  .where('i.withdrawn_at', 'is', null)
  .orderBy('i.published_date', 'desc')
  .orderBy('i.id', 'desc')
  .limit(param('limit'))
  .offset(param('offset')));

/** A row of a column's page (publicColumn) or of an agency's 目录 page (publicCatalogue, with body_html and info_kind). */
export type PublicListRow = Pick<PublicationItem, 'id' | 'published_date' | 'index_number' | 'validity' | 'document_number' | 'info_kind'> & { title: string; body_html: string };

/** Rows read at once by publicListPages: a multiple of both page sizes. */
const LIST_CHUNK = 1_000;

/**
 * The pages of a column (by column_id) or of an agency's 目录 (by agency_id) from page `from` on,
 * newest first, the same rows as publicColumn's and publicCatalogue's pages, read in one pass: after
 * the first page, each chunk starts after the last row of the one before (published_date, id), so
 * no page reads the rows before it. The static export makes a long list's pages from this; one
 * query per page with an offset read every row before the page, and a long list's last pages cost
 * tens of milliseconds each on SQLite.
 */
export async function* publicListPages(db: Executor, by: 'column_id' | 'agency_id', id: number, pageSize: number, from: number): AsyncGenerator<PublicListRow[]> {
  let after: { date: string; id: number } | null = null;
  let buffered: PublicListRow[] = [];
  for (let first = true; ; first = false) {
    const rows: PublicListRow[] = await db
      .selectFrom('publication_items as i')
      .select(['i.id', 'i.title', 'i.published_date', 'i.index_number', 'i.validity', 'i.document_number', 'i.info_kind', by === 'agency_id' ? 'i.body_html' : sql<string>`''`.as('body_html')])
      .where(`i.${by}`, '=', id)
      .where('i.live_version', '>', PUBLISHED)
      .where('i.withdrawn_at', 'is', null)
      .$if(after !== null, (q) => q.where(({ eb, refTuple, tuple }) => eb(refTuple('i.published_date', 'i.id'), '<', tuple(after!.date, after!.id))))
      .orderBy('i.published_date', 'desc')
      .orderBy('i.id', 'desc')
      .limit(LIST_CHUNK)
      .$if(first, (q) => q.offset((from - 1) * pageSize))
      .execute();
    buffered = buffered.concat(rows);
    while (buffered.length >= pageSize) {
      yield buffered.slice(0, pageSize);
      buffered = buffered.slice(pageSize);
    }
    if (rows.length < LIST_CHUNK) break;
    const last = rows.at(-1)!;
    after = { date: last.published_date!, id: last.id };
  }
  if (buffered.length > 0) yield buffered;
}

/** Counts of items published in a year per info kind (section 一 of the annual report). */
export async function publishedCounts(db: Executor, agencyIds: readonly number[], year: number) {
  const rows = await repo.countPublishedByKind(db, agencyIds, year);
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byKind[r.infoKind] = (byKind[r.infoKind] ?? 0) + r.count;
    total += r.count;
  }
  return { total, byKind };
}

/** The newest public items of a column with their live versions (for its feed). */
export async function columnFeedItems(db: Executor, columnId: number, limit = 20) {
  // The column's first page, in its order (发布日期, newest first): found in the partial index,
  // then joined. Ordered by the versions' publication time, every feed joined and sorted all its
  // column's items: 15 ms a feed on average, 110 ms for the largest, at 1,000,000 items on SQLite,
  // and the static export makes all 1,500 feeds on every run.
  return db
    .selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select(['i.id', 'v.title', 'v.body_html', 'v.published_at'])
    .where('i.id', 'in', publicPageIds(db as unknown as Kysely<DB>, 'column_id', columnId, limit, 0))
    .orderBy('i.published_date', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

/** Public items with ids in [fromId, toId], with the time of their live version (sitemap). */
export async function publicItemsInIdRange(db: Executor, fromId: number, toId: number) {
  return db
    .selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select(['i.id', 'v.published_at'])
    .where('i.id', '>=', fromId)
    .where('i.id', '<=', toId)
    .where('i.live_version', '>', 0)
    .where('i.withdrawn_at', 'is', null)
    .orderBy('i.id')
    .execute();
}

export async function highestItemId(db: Executor): Promise<number> {
  const row = await db.selectFrom('publication_items').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * 政府信息公开目录 of an agency (第十二条): every public item with its index number and date. The
 * count reads the items alone, as in publicColumn.
 */
export async function publicCatalogue(db: Executor, agencyId: number, page: number) {
  const pageSize = 100;
  const total = await db
    .selectFrom('publication_items as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.agency_id', '=', agencyId)
    .where('i.live_version', '>', PUBLISHED)
    .where('i.withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('publication_items as i')
    .where('i.id', 'in', publicPageIds(db as unknown as Kysely<DB>, 'agency_id', agencyId, pageSize, (page - 1) * pageSize))
    .select(['i.id', 'i.index_number', 'i.title', 'i.body_html', 'i.published_date', 'i.info_kind', 'i.validity'])
    .orderBy('i.published_date', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  return { rows, total: Number(total.n), pageSize };
}
