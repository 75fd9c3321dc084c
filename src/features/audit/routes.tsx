/** Browsing the audit log: console page and JSON API. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { AuditEntry } from '../../db/schema.js';
import { requireStaff } from '../../http/guards.js';
import { sendConsolePage } from '../../http/pages.js';
import { parseInput } from '../../http/validate.js';
import { listAgencies } from '../agencies/service.js';
import { browseAuditLog } from './service.js';
import { AuditPage, type AuditQueryValues } from './views.js';

const empty = (v: unknown) => (v === '' ? undefined : v);
const date = z.preprocess(empty, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional());
const auditQuery = z.object({
  agencyId: z.preprocess(empty, z.coerce.number().int().positive().optional()),
  actor: z.preprocess(empty, z.string().max(100).optional()),
  entityType: z.preprocess(empty, z.string().max(40).optional()),
  entityId: z.preprocess(empty, z.string().max(60).optional()),
  action: z.preprocess(empty, z.string().max(60).optional()),
  from: date,
  to: date,
  page: z.preprocess(empty, z.coerce.number().int().min(1).max(100000).default(1)),
});
const labels = { agencyId: '单位', actor: '操作人', entityType: '对象类型', entityId: '对象编号', action: '操作', from: '起始日期', to: '截止日期', page: '页码' };
const PAGE_SIZE = 50;

export function presentAuditEntry(e: AuditEntry) {
  return {
    seq: e.seq, at: e.at, actorUserId: e.actor_user_id, actorName: e.actor_name, agencyId: e.agency_id, action: e.action,
    entityType: e.entity_type, entityId: e.entity_id, data: JSON.parse(e.data) as unknown, ip: e.ip, prevHash: e.prev_hash, hash: e.hash,
  };
}

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/console/audit', async (request, reply) => {
    const { actor } = requireStaff(request);
    const q = parseInput(auditQuery, request.query, labels);
    const { rows, total } = await browseAuditLog(ctx, actor, { ...q, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE });
    const agencies = await listAgencies(ctx, actor);
    const names = new Map(agencies.map((a) => [a.id, a.short_name]));
    return sendConsolePage(request, reply, '审计日志', () => (
      <AuditPage rows={rows} total={total} page={q.page} pageSize={PAGE_SIZE} query={request.query as AuditQueryValues} agencies={agencies} agencyNames={names} />
    ));
  });

  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: '审计日志（分页，最新在前）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const q = parseInput(auditQuery, request.query, labels);
    const { rows, total } = await browseAuditLog(ctx, actor, { ...q, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE });
    return { total, page: q.page, pageSize: PAGE_SIZE, entries: rows.map(presentAuditEntry) };
  });
}
