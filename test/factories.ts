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
