/** Use cases of agencies. */
import type { Actor } from '../../domain/roles.js';
import { nowIso, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { recordAudit } from '../audit/service.js';
import { agencyPolicy } from './policy.js';
import { findAgency, findAgencyByCreditCode, findAgencyByName, insertAgency, listAllAgencies, updateAgencyRow } from './repository.js';
import { agencyInput, agencyLabels, contactColumns, type AgencyInput } from './schemas.js';
import { subtreeIds, treeOrder, type AgencyNode } from './tree.js';

/** The agency's columns from validated input; the index-number prefix defaults to the credit code. */
function agencyColumns(input: AgencyInput) {
  return {
    parent_id: input.parentId ?? null,
    name: input.name,
    short_name: input.shortName,
    kind: input.kind,
    credit_code: input.creditCode ?? null,
    index_code: input.indexCode ?? input.creditCode ?? null,
    sort_order: input.sortOrder,
    ...contactColumns(input),
  };
}

/** The agencies the actor may see, in tree order. */
export async function listAgencies(ctx: AppContext, actor: Actor): Promise<AgencyNode[]> {
  const all = await listAllAgencies(ctx.database.db);
  return treeOrder(all, (id) => agencyPolicy.view(actor, id));
}

/** One agency; NOT_FOUND also when it exists outside the actor's scope (no existence leak). */
export async function getAgency(ctx: AppContext, actor: Actor, id: number): Promise<Agency> {
  const agency = await findAgency(ctx.database.db, id);
  if (!agency || !agencyPolicy.view(actor, id)) throw notFound('单位');
  return agency;
}

async function assertUnique(ctx: AppContext, input: AgencyInput, selfId: number | null) {
  const db = ctx.database.db;
  const byName = await findAgencyByName(db, input.name);
  if (byName && byName.id !== selfId) {
    throw new AppError('CONFLICT', `已有名为“${input.name}”的单位`, [{ field: 'name', message: '单位全称：已被使用' }]);
  }
  if (input.creditCode) {
    const byCode = await findAgencyByCreditCode(db, input.creditCode);
    if (byCode && byCode.id !== selfId) {
      throw new AppError('CONFLICT', `统一社会信用代码${input.creditCode}已属于“${byCode.name}”`, [
        { field: 'creditCode', message: '统一社会信用代码：已被其他单位使用' },
      ]);
    }
  }
}

export async function createAgency(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }): Promise<Agency> {
  const input = parseInput(agencyInput, opts.input, agencyLabels);
  if (input.parentId === undefined) {
    if (!agencyPolicy.createRoot(opts.actor)) throw forbidden('只有系统管理员可以创建顶级单位');
  } else {
    const parent = await findAgency(ctx.database.db, input.parentId);
    if (!parent || !agencyPolicy.view(opts.actor, parent.id)) throw notFound('上级单位');
    if (!agencyPolicy.create(opts.actor, parent.id)) throw forbidden('无权在该单位下创建下级单位');
  }
  await assertUnique(ctx, input, null);
  const at = nowIso(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const agency = await insertAgency(trx, {
      ...agencyColumns(input),
      created_at: at,
      updated_at: at,
    });
    await recordAudit(ctx, trx, opts.actor, {
      action: 'agency.create', entityType: 'agency', entityId: agency.id, agencyId: agency.id, ip: opts.ip,
      data: { name: agency.name, kind: agency.kind, parentId: agency.parent_id, creditCode: agency.credit_code },
    });
    return agency;
  });
}

export async function updateAgency(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<Agency> {
  const existing = await getAgency(ctx, opts.actor, opts.id);
  if (!agencyPolicy.update(opts.actor, existing.id)) throw forbidden('无权修改该单位');
  const input = parseInput(agencyInput, opts.input, agencyLabels);
  const parentId = input.parentId ?? null;
  if (parentId !== existing.parent_id) {
    if (parentId === null) throw new AppError('VALIDATION_FAILED', '不能把单位改为顶级单位', [{ field: 'parentId', message: '上级单位：请选择' }]);
    const all = await listAllAgencies(ctx.database.db);
    if (subtreeIds(all, existing.id).has(parentId)) {
      throw new AppError('VALIDATION_FAILED', '上级单位不能是本单位或其下级单位', [{ field: 'parentId', message: '上级单位：不能选择本单位或其下级' }]);
    }
    if (!agencyPolicy.create(opts.actor, parentId)) throw forbidden('无权把单位移到该上级单位下');
  }
  await assertUnique(ctx, input, existing.id);
  return ctx.database.db.transaction().execute(async (trx) => {
    const agency = await updateAgencyRow(trx, existing.id, {
      ...agencyColumns(input),
      updated_at: nowIso(ctx),
    });
    const changed = Object.fromEntries(
      (['parent_id', 'name', 'short_name', 'kind', 'credit_code', 'index_code', 'sort_order', 'office_name', 'office_address', 'office_hours', 'postal_code', 'phone', 'fax', 'email', 'website'] as const)
        .filter((k) => existing[k] !== agency[k])
        .map((k) => [k, { from: existing[k], to: agency[k] }]),
    );
    await recordAudit(ctx, trx, opts.actor, {
      action: 'agency.update', entityType: 'agency', entityId: agency.id, agencyId: agency.id, ip: opts.ip, data: changed,
    });
    return agency;
  });
}
