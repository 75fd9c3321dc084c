/**
 * Keeping the full-text index in step with what the public sees: an item is in the index exactly
 * while it is public (published, not withdrawn), with its live version's title, numbers and body.
 * The publication workflow calls indexItem inside the transaction that publishes or withdraws,
 * and the registry inside the one that changes an item's validity, so the index never shows what
 * the portal does not. `gongkai search reindex` rebuilds it all (reindexAll).
 */
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { INFO_KINDS } from '../../domain/publication/vocabulary.js';
import * as repo from './repository.js';
import { bodyText as textOfBody } from './text.js';
import { blockToken, facetTokens, itemTokens, numberKey } from './tokens.js';

/** The metadata of a version as published (publication_versions.metadata). */
interface VersionMetadata {
  infoKind?: string | null;
  documentNumber?: string | null;
  issuingAgency?: string | null;
  publishedDate?: string | null;
}

function readMetadata(text: string | null): VersionMetadata {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as VersionMetadata) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * The index row of an item, or null when the public may not see it (never published, or
 * withdrawn). The catalogue data are the live version's (its metadata), the index number,
 * published date and validity the item's: exactly what the portal's item page shows.
 */
export function searchDocumentOf(source: repo.IndexSource): repo.SearchDocumentRow | null {
  if (source.live_version === 0 || source.withdrawn_at !== null || source.title === null || source.body_html === null) return null;
  const meta = readMetadata(source.metadata);
  const infoKind = str(meta.infoKind) ?? 'other';
  const documentNumber = str(meta.documentNumber);
  const publishedDate = source.published_date ?? str(meta.publishedDate) ?? '';
  const bodyText = textOfBody(source.body_html);
  const { titleTokens, tokens, kindTokens } = itemTokens({
    title: source.title,
    documentNumber,
    indexNumber: source.index_number,
    infoKindLabel: (INFO_KINDS as Record<string, string>)[infoKind] ?? '',
    issuingAgency: str(meta.issuingAgency) ?? '',
    bodyText,
  });
  const year = Number(publishedDate.slice(0, 4)) || 0;
  return {
    item_id: source.id,
    agency_id: source.agency_id,
    info_kind: infoKind,
    year,
    validity: source.validity,
    published_date: publishedDate,
    document_number_key: numberKey(documentNumber),
    index_number_key: numberKey(source.index_number),
    title_key: numberKey(source.title) ?? '',
    title: source.title,
    document_number: documentNumber,
    index_number: source.index_number,
    facets: [...facetTokens({ agencyId: source.agency_id, year, infoKind, validity: source.validity }), blockToken(source.id)].join(' '),
    kind_tokens: kindTokens,
    title_tokens: titleTokens,
    tokens,
    body_text: bodyText,
  };
}

/**
 * Brings one item's index row up to date, inside the caller's transaction: written when the item
 * is public, removed when it is not (withdrawn, or never published).
 */
export async function indexItem(trx: Executor, itemId: number): Promise<void> {
  const source = await repo.findIndexSource(trx, itemId);
  const row = source ? searchDocumentOf(source) : null;
  if (row) await repo.upsertDocument(trx, row);
  else await repo.deleteDocument(trx, itemId);
}

/** Takes an item out of the index, inside the caller's transaction. */
export async function removeFromIndex(trx: Executor, itemId: number): Promise<void> {
  await repo.deleteDocument(trx, itemId);
}

/**
 * Segments and inserts the rows of items not yet in the index (a rebuild, a bulk load): the same
 * rows indexItem writes, with multi-row INSERTs. Returns how many were public and so indexed.
 */
export async function indexSources(trx: Executor, sources: readonly repo.IndexSource[]): Promise<number> {
  const rows: repo.SearchDocumentRow[] = [];
  for (const s of sources) {
    const row = searchDocumentOf(s);
    if (row) rows.push(row);
  }
  await repo.insertDocuments(trx, rows);
  return rows.length;
}

/** Items read and segmented per batch while rebuilding. */
const REINDEX_BATCH = 1000;

/**
 * Rebuilds the whole index from the items, in one transaction: searches keep finding the old
 * index until the new one is committed, and a failure leaves the old one in place.
 */
export async function reindexAll(ctx: AppContext, options: { onProgress?: (indexed: number) => void } = {}): Promise<{ indexed: number; ms: number }> {
  const started = performance.now();
  const indexed = await ctx.database.db.transaction().execute(async (trx) => {
    await repo.deleteAllDocuments(trx);
    let count = 0;
    for (let after = 0; ; ) {
      const batch = await repo.listPublicSources(trx, after, REINDEX_BATCH);
      if (batch.length === 0) break;
      count += await indexSources(trx, batch);
      after = batch[batch.length - 1]!.id;
      options.onProgress?.(count);
    }
    return count;
  });
  return { indexed, ms: performance.now() - started };
}
