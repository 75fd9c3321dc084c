/**
 * Generated portal data for bench/portal.bench.ts: 300 agencies (generateAgencies of
 * requests-data.ts), five columns each, and published items with one live version each, written
 * as the publication workflow leaves them (workflow.ts publishInTransaction): status published,
 * live_version 1, the index number and published date on the item, and a version row with the
 * title, the sanitised body and the catalogue metadata as JSON (VersionMetadata).
 *
 * Titles, bodies (300–800 characters of <p> paragraphs), info kinds, dates, document numbers and
 * index numbers come from the search benchmark's generator (search-data.ts itemGenerator), so the
 * two benchmarks read the same kind of text. Each item goes to its agency's column for its info
 * kind; an interpretation (政策解读) points at its agency's latest policy document, as 谁起草、谁解读
 * links them, so item pages also show that link and its reverse list.
 */
import type { Insertable } from 'kysely';
import type { PublicationColumnTable, PublicationItemTable, PublicationVersionTable, UserTable } from '../src/db/schema.js';
import { SUBJECT_CATEGORIES } from '../src/domain/publication/vocabulary.js';
import type { VersionMetadata } from '../src/features/publications/workflow.js';
import { pick, randomInt, type Random } from './lib.js';
import { itemGenerator, type BenchAgency } from './search-data.js';

/** The columns of every agency, in order: [name, COLUMN_KINDS key, index of the parent column or null]. */
export const COLUMN_SPECS = [
  ['工作动态', 'news', null],
  ['通知公告', 'notices', null],
  ['政策文件', 'policy', null],
  ['政策解读', 'interpretation', 2],
  ['财政信息', 'fiscal', null],
] as const;
export const COLUMNS_PER_AGENCY = COLUMN_SPECS.length;

/** Which column (index into COLUMN_SPECS) an info kind is filed under. */
const COLUMN_OF_KIND: Record<string, number> = {
  news: 0, meeting: 0, planning: 0, statistics: 0,
  notice: 1, procurement: 1, personnel: 1, licensing: 1, penalty: 1,
  document: 2, normative: 2,
  interpretation: 3,
  fiscal: 4,
};

/** The id of column `index` (0-based) of agency `agencyId`: agencies' columns are numbered in blocks. */
export function columnId(agencyId: number, index: number): number {
  return (agencyId - 1) * COLUMNS_PER_AGENCY + index + 1;
}

export type ColumnRow = Insertable<PublicationColumnTable> & { id: number };
export type ItemRow = Insertable<PublicationItemTable> & { id: number };
export type VersionRow = Insertable<PublicationVersionTable> & { id: number };

export function generateColumns(agencyIds: readonly number[], at: string): ColumnRow[] {
  return agencyIds.flatMap((agencyId) =>
    COLUMN_SPECS.map(([name, kind, parent], index) => ({
      id: columnId(agencyId, index), agency_id: agencyId, parent_id: parent === null ? null : columnId(agencyId, parent),
      name, kind, sort_order: index, created_at: at, updated_at: at,
    })),
  );
}

/** The one staff member every item names as its drafter (the portal never shows it). */
export function benchDrafter(agencyId: number, at: string): Insertable<UserTable> & { id: number } {
  return {
    id: 1, agency_id: agencyId, username: 'bench-drafter', display_name: '基准起草人', email: null, password_hash: '-', must_change_password: 0,
    failed_logins: 0, locked_until: null, disabled: 1, last_login_at: null, password_changed_at: at, created_at: at, updated_at: at,
  };
}

export const ITEM_COLUMNS = [
  'id', 'agency_id', 'column_id', 'title', 'body_html', 'info_kind', 'subject_category', 'issuing_agency', 'document_number',
  'written_date', 'made_on', 'source_name', 'source_url', 'interprets_item_id', 'scheduled_for', 'correction_note', 'status',
  'review_stage', 'review_round', 'stages_required', 'drafter_user_id', 'submitted_by', 'live_version', 'index_number',
  'published_date', 'first_published_at', 'validity', 'validity_on', 'withdrawn_at', 'withdrawal_reason', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof ItemRow>;

export const VERSION_COLUMNS = [
  'id', 'item_id', 'version', 'title', 'body_html', 'metadata', 'attachment_ids', 'correction_note', 'published_at', 'published_by',
] as const satisfies ReadonlyArray<keyof VersionRow>;

export interface PortalChunk {
  items: ItemRow[];
  versions: VersionRow[];
}

const DAY_MS = 86_400_000;
const minusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Items 1, 2, 3… with their versions, chunk by chunk (never all in memory). Item ids equal
 * version ids. The same seed gives the same items on both databases.
 */
export function portalItems(random: Random, agencies: readonly BenchAgency[]): { chunk(count: number): PortalChunk; readonly generated: number } {
  const source = itemGenerator(random, agencies, Number.MAX_SAFE_INTEGER);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const latestPolicy = new Map<number, number>();
  return {
    get generated() {
      return source.generated;
    },
    chunk(count) {
      const items: ItemRow[] = [];
      const versions: VersionRow[] = [];
      for (const s of source.chunk(count)) {
        const meta = JSON.parse(s.metadata!) as { infoKind: string; documentNumber: string | null };
        const kind = meta.infoKind;
        const published = s.published_date!;
        const column = columnId(s.agency_id, COLUMN_OF_KIND[kind] ?? 0);
        const documentLike = kind === 'document' || kind === 'normative';
        const writtenDate = documentLike ? minusDays(published, randomInt(random, 1, 15)) : null;
        const madeOn = writtenDate ?? minusDays(published, randomInt(random, 0, 10));
        const interprets = kind === 'interpretation' ? latestPolicy.get(s.agency_id) ?? null : null;
        if (documentLike) latestPolicy.set(s.agency_id, s.id);
        const subject = pick(random, SUBJECT_CATEGORIES);
        const at = `${published}T0${randomInt(random, 1, 9)}:${randomInt(random, 10, 59)}:00.000Z`;
        const issuingAgency = names.get(s.agency_id)!;
        const metadata: VersionMetadata = {
          indexNumber: s.index_number!, columnId: column, infoKind: kind, subjectCategory: subject, issuingAgency,
          documentNumber: meta.documentNumber, writtenDate, madeOn, publishedDate: published, sourceName: null, sourceUrl: null,
          interpretsItemId: interprets,
        };
        items.push({
          id: s.id, agency_id: s.agency_id, column_id: column, title: s.title!, body_html: s.body_html!, info_kind: kind,
          subject_category: subject, issuing_agency: issuingAgency, document_number: meta.documentNumber, written_date: writtenDate,
          made_on: madeOn, source_name: null, source_url: null, interprets_item_id: interprets, scheduled_for: null, correction_note: null,
          status: 'published', review_stage: null, review_round: 1, stages_required: 3, drafter_user_id: 1, submitted_by: 1,
          live_version: 1, index_number: s.index_number, published_date: published, first_published_at: at, validity: s.validity,
          validity_on: s.validity === 'valid' ? null : minusDays(published, -randomInt(random, 365, 1500)),
          withdrawn_at: null, withdrawal_reason: null, created_at: minusDays(published, 1) + at.slice(10), updated_at: at,
        });
        versions.push({
          id: s.id, item_id: s.id, version: 1, title: s.title!, body_html: s.body_html!, metadata: JSON.stringify(metadata),
          attachment_ids: '[]', correction_note: null, published_at: at, published_by: '基准终审人',
        });
      }
      return { items, versions };
    },
  };
}
