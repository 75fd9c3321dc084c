/** SQL of the audit log. Appends happen inside the caller's transaction. */
import { sql } from 'kysely';
import { entryHash, type ChainedFields } from '../../domain/audit-chain.js';
import type { Dialect, Executor } from '../../db/database.js';
import type { AuditEntry } from '../../db/schema.js';

export interface AuditInput {
  at: string;
  actorUserId: number | null;
  actorName: string;
  agencyId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends one entry to the chain. On PostgreSQL the head row is locked (FOR UPDATE) so that
 * concurrent transactions queue up instead of forking the chain; SQLite serialises writers.
 */
export async function appendAuditEntry(trx: Executor, dialect: Dialect, input: AuditInput): Promise<AuditEntry> {
  let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (dialect === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const fields: ChainedFields = {
    seq: head.seq + 1,
    at: input.at,
    actor_user_id: input.actorUserId,
    actor_name: input.actorName,
    agency_id: input.agencyId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId === null ? null : String(input.entityId),
    data: JSON.stringify(input.data ?? {}),
    ip: input.ip ?? null,
    prev_hash: head.hash,
  };
  const entry = { ...fields, hash: entryHash(fields) };
  await trx.insertInto('audit_log').values(entry).execute();
  await trx.updateTable('audit_head').set({ seq: entry.seq, hash: entry.hash }).where('id', '=', 1).execute();
  return entry;
}

export async function readAuditHead(db: Executor) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Streams the whole chain in pages, for verification without holding it all in memory. */
export async function* iterateAuditLog(db: Executor, pageSize = 5000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

export interface AuditFilter {
  /** null = every agency (system administrators); otherwise only these agencies' entries. */
  agencyIds: readonly number[] | null;
  includeUnscoped: boolean;
  agencyId?: number;
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function searchAuditLog(db: Executor, f: AuditFilter): Promise<{ rows: AuditEntry[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (f.agencyIds !== null) {
    const ids = f.agencyIds.length ? [...f.agencyIds] : [-1];
    q = f.includeUnscoped
      ? q.where((eb) => eb.or([eb('agency_id', 'in', ids), eb('agency_id', 'is', null)]))
      : q.where('agency_id', 'in', ids);
  }
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  // ESCAPE is explicit because SQLite, unlike PostgreSQL, has no default LIKE escape character.
  if (f.actor) q = q.where(sql<boolean>`actor_name like ${`%${escapeLike(f.actor)}%`} escape '\\'`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  // `at` is an ISO timestamp in UTC; the filter dates are Beijing dates (UTC+8, no DST).
  if (f.from) q = q.where('at', '>=', shanghaiDayStartUtc(f.from));
  if (f.to) q = q.where('at', '<', shanghaiDayStartUtc(f.to, 1));
  const total = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

function shanghaiDayStartUtc(date: string, plusDays = 0): string {
  const d = new Date(`${date}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}
