/** Writing, browsing and verifying the audit trail. */
import { findChainBreak, type ChainBreak } from '../../domain/audit-chain.js';
import { inScope, type Actor } from '../../domain/roles.js';
import { nowIso, type AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { forbidden } from '../../errors.js';
import { auditPolicy } from './policy.js';
import { appendAuditEntry, iterateAuditLog, readAuditHead, searchAuditLog, type AuditFilter } from './repository.js';

/** Who did it: a signed-in actor, or the system itself (start-up, CLI, sweeps). */
export type AuditActor = Pick<Actor, 'userId' | 'displayName'> | { userId: null; displayName: string };

export const SYSTEM_ACTOR: AuditActor = { userId: null, displayName: '系统' };

/**
 * The operator at the server's command line (gongkai user …): whoever can run it already holds
 * the database, so it acts with a system administrator's rights. Its entries name no user.
 */
export const commandLineActor = (): Actor => ({
  userId: 0, username: 'cli', displayName: '系统（命令行）', agencyId: 0, roles: ['systemAdmin'], scope: 'all',
});

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number | null;
  agencyId: number | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Records an event in the audit chain. Must be called with the transaction that makes the change
 * itself, so that the change and its entry are committed together or not at all.
 */
export function recordAudit(ctx: AppContext, trx: Executor, actor: AuditActor, event: AuditEvent) {
  return appendAuditEntry(trx, ctx.database.dialect, {
    at: nowIso(ctx),
    // userId 0 is the command line (see commandLineActor): recorded as no user.
    actorUserId: actor.userId ? actor.userId : null,
    actorName: actor.displayName,
    agencyId: event.agencyId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
    ip: event.ip,
  });
}

export interface VerifyResult {
  entries: number;
  broken: ChainBreak | null;
}

/** Re-computes the whole chain; returns the first broken link, if any. */
export async function verifyAuditLog(db: Executor): Promise<VerifyResult> {
  const head = await readAuditHead(db);
  const entries = [];
  for await (const e of iterateAuditLog(db)) entries.push(e);
  return { entries: entries.length, broken: findChainBreak(entries, head) };
}

export type AuditQuery = Omit<AuditFilter, 'agencyIds' | 'includeUnscoped'>;

/** The entries an auditor or administrator may read, filtered. */
export async function browseAuditLog(ctx: AppContext, actor: Actor, query: AuditQuery) {
  if (!auditPolicy.view(actor)) throw forbidden('只有审计员和管理员可以查看审计日志');
  if (query.agencyId !== undefined && !inScope(actor, query.agencyId)) throw forbidden('无权查看该单位的审计日志');
  return searchAuditLog(ctx.database.db, {
    ...query,
    agencyIds: actor.scope === 'all' ? null : [...actor.scope],
    includeUnscoped: auditPolicy.viewUnscoped(actor),
  });
}
