/** Factories: build what a test needs and does not care about, straight through the repositories. */
import type { AppContext } from '../src/context.js';
import type { Agency, AgencyKind, User } from '../src/db/schema.js';
import type { Role } from '../src/domain/roles.js';
import { hashPassword } from '../src/features/accounts/passwords.js';
import { insertUser, setRoles } from '../src/features/accounts/repository.js';
import { insertAgency } from '../src/features/agencies/repository.js';

export const TEST_PASSWORD = 'Test-Password-2026';
let hashed: Promise<string> | null = null;
let counter = 0;

export async function makeAgency(ctx: AppContext, values: { name?: string; kind?: AgencyKind; parentId?: number | null } = {}): Promise<Agency> {
  const n = ++counter;
  const at = ctx.clock.now().toISOString();
  return insertAgency(ctx.database.db, {
    parent_id: values.parentId ?? null, name: values.name ?? `测试单位${n}`, short_name: values.name ?? `测试${n}`,
    kind: values.kind ?? 'department', credit_code: null, index_code: null, sort_order: n, created_at: at, updated_at: at,
  });
}

/** A user with TEST_PASSWORD, already changed (no forced change) unless mustChange is set. */
export async function makeUser(
  ctx: AppContext,
  values: { agencyId: number; roles: Role[]; username?: string; mustChange?: boolean },
): Promise<User> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const n = ++counter;
  const at = ctx.clock.now().toISOString();
  const user = await insertUser(ctx.database.db, {
    agency_id: values.agencyId, username: values.username ?? `user${n}`, display_name: `用户${n}`, email: null,
    password_hash: await hashed, must_change_password: values.mustChange ? 1 : 0, failed_logins: 0, locked_until: null,
    disabled: 0, last_login_at: null, password_changed_at: at, created_at: at, updated_at: at,
  });
  await setRoles(ctx.database.db, user.id, values.roles);
  return user;
}

/**
 * A small district: government → office, two departments. Returns the agencies and, for
 * convenience, an office administrator and a drafter in each department.
 */
export async function makeDistrict(ctx: AppContext) {
  const government = await makeAgency(ctx, { name: '测试区人民政府', kind: 'government' });
  const office = await makeAgency(ctx, { name: '测试区人民政府办公室', kind: 'office', parentId: government.id });
  const deptA = await makeAgency(ctx, { name: '测试区教育局', parentId: government.id });
  const deptB = await makeAgency(ctx, { name: '测试区财政局', parentId: government.id });
  const officeAdmin = await makeUser(ctx, { agencyId: office.id, roles: ['officeAdmin'], username: 'office-admin' });
  const drafterA = await makeUser(ctx, { agencyId: deptA.id, roles: ['drafter'], username: 'drafter-a' });
  const drafterB = await makeUser(ctx, { agencyId: deptB.id, roles: ['drafter'], username: 'drafter-b' });
  const adminA = await makeUser(ctx, { agencyId: deptA.id, roles: ['agencyAdmin'], username: 'admin-a' });
  return { government, office, deptA, deptB, officeAdmin, drafterA, drafterB, adminA };
}

/**
 * An issued quarterly inspection by the office (2026 Q1), and `task` to give it rectification
 * tasks: each with one manual 空白栏目 finding of the given severity, in the given status and due date.
 */
export async function makeIssuedInspection(ctx: AppContext, officeId: number, rectifyBy: string, severity: 'veto' | 'score' = 'veto') {
  const db = ctx.database.db;
  const at = () => ctx.clock.now().toISOString();
  const inspection = await db.insertInto('inspections').values({
    office_agency_id: officeId, title: '2026年第一季度检查', kind: 'quarterly', year: 2026, quarter: 1, starts_on: '2026-02-01', ends_on: '2026-02-10',
    status: 'issued', issued_on: '2026-02-12', rectify_by: rectifyBy, note: null, created_by: '公开办', created_at: at(), updated_at: at(),
  }).returning('id').executeTakeFirstOrThrow();
  const task = async (agencyId: number, status: 'open' | 'answered' | 'returned' | 'accepted', dueOn: string) => {
    const finding = await db.insertInto('inspection_findings').values({
      inspection_id: inspection.id, agency_id: agencyId, target_id: null, indicator: 'emptyColumns', severity, description: '空白栏目', url: null,
      column_id: null, item_id: null, since: null, origin: 'manual', created_by: '公开办', created_at: at(),
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('rectification_tasks').values({
      finding_id: finding.id, inspection_id: inspection.id, agency_id: agencyId, due_on: dueOn, status, answered_on: null, accepted_on: null, returns: 0, created_at: at(), updated_at: at(),
    }).execute();
  };
  return { id: inspection.id, task };
}
