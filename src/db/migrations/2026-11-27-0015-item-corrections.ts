import type { Kysely } from 'kysely';

/**
 * A correction of a published item used to be saved over the item's row, while the public pages
 * read the title and body from the live version but the column, information kind, 文号, 成文日期,
 * interpreted document … from the row: an unreviewed move to another column showed on the portal
 * at once, and the annual report and the checks counted it. From now on the row keeps the live
 * values and the correction waits in `correction` (JSON of the editable fields) until it passes
 * the review (features/publications/workflow.ts publishes it onto the row).
 *
 * Corrections in progress (a published item back in draft, in review or scheduled) move into
 * `correction`, and their rows get the live version's values back. The field list is this
 * migration's own copy: a landed migration never changes.
 */
const EDITABLE = [
  'column_id', 'title', 'body_html', 'info_kind', 'subject_category', 'issuing_agency', 'document_number',
  'written_date', 'made_on', 'source_name', 'source_url', 'interprets_item_id',
] as const;

interface LiveMetadata {
  columnId?: number;
  infoKind?: string;
  subjectCategory?: string | null;
  issuingAgency?: string;
  documentNumber?: string | null;
  writtenDate?: string | null;
  madeOn?: string | null;
  sourceName?: string | null;
  sourceUrl?: string | null;
  interpretsItemId?: number | null;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication_items').addColumn('correction', 'text').execute();
  const rows = await db.selectFrom('publication_items as i')
    .innerJoin('publication_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.live_version'))
    .select([...EDITABLE.map((f) => `i.${f}` as const), 'i.id', 'v.title as live_title', 'v.body_html as live_body_html', 'v.metadata as live_metadata'])
    .where('i.live_version', '>', 0)
    .where('i.status', 'in', ['draft', 'review', 'scheduled'])
    .orderBy('i.id')
    .execute();
  const columns = new Set((await db.selectFrom('publication_columns').select('id').execute()).map((c) => c.id as number));
  for (const row of rows) {
    const working = Object.fromEntries(EDITABLE.map((f) => [f, row[f]]));
    const meta = JSON.parse(row.live_metadata) as LiveMetadata;
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    await db.updateTable('publication_items').set({
      correction: JSON.stringify(working),
      title: row.live_title,
      body_html: row.live_body_html,
      // The live column may have been deleted after the correction moved the item out of it.
      column_id: meta.columnId !== undefined && columns.has(meta.columnId) ? meta.columnId : row.column_id,
      info_kind: pick(meta.infoKind, row.info_kind),
      subject_category: pick(meta.subjectCategory, row.subject_category),
      issuing_agency: pick(meta.issuingAgency, row.issuing_agency),
      document_number: pick(meta.documentNumber, row.document_number),
      written_date: pick(meta.writtenDate, row.written_date),
      made_on: pick(meta.madeOn, row.made_on),
      source_name: pick(meta.sourceName, row.source_name),
      source_url: pick(meta.sourceUrl, row.source_url),
      interprets_item_id: pick(meta.interpretsItemId, row.interprets_item_id),
    }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom('publication_items').select(['id', 'correction']).where('correction', 'is not', null).execute();
  for (const row of rows) await db.updateTable('publication_items').set(JSON.parse(row.correction)).where('id', '=', row.id).execute();
  await db.schema.alterTable('publication_items').dropColumn('correction').execute();
}
