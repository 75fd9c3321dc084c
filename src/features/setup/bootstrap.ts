/**
 * The very first start: the supervising agency (a government and its office, 政务公开主管部门)
 * and one system administrator with a one-time password that must be changed at first login.
 */
import { randomBytes } from 'node:crypto';
import { passwordProblems } from '../../domain/password-policy.js';
import { nowIso, type AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { countAgencies, insertAgency } from '../agencies/repository.js';
import { generateOneTimePassword, hashPassword } from '../accounts/passwords.js';
import { countUsers, insertUser, setRoles } from '../accounts/repository.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.js';

export const ADMIN_USERNAME = 'admin';

export interface BootstrapResult {
  created: boolean;
  username?: string;
  /** The one-time password, when gongkai generated it (to print once). */
  generatedPassword?: string;
}

export async function ensureInstalled(ctx: AppContext): Promise<BootstrapResult> {
  const db = ctx.database.db;
  if ((await countAgencies(db)) > 0 || (await countUsers(db)) > 0) return { created: false };
  const given = ctx.config.adminPassword;
  if (given) {
    const problems = passwordProblems(given, ADMIN_USERNAME);
    if (problems.length) throw new AppError('VALIDATION_FAILED', `GONGKAI_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  }
  const password = given ?? generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const at = nowIso(ctx);
  await db.transaction().execute(async (trx) => {
    const government = await insertAgency(trx, {
      parent_id: null, name: ctx.config.governmentName, short_name: ctx.config.governmentName, kind: 'government',
      credit_code: null, index_code: null, sort_order: 0, created_at: at, updated_at: at,
    });
    const office = await insertAgency(trx, {
      parent_id: government.id, name: ctx.config.officeName, short_name: ctx.config.officeName, kind: 'office',
      credit_code: null, index_code: null, sort_order: 0, created_at: at, updated_at: at,
    });
    const admin = await insertUser(trx, {
      agency_id: office.id, username: ADMIN_USERNAME, display_name: '系统管理员', email: null, password_hash: passwordHash,
      must_change_password: 1, failed_logins: 0, locked_until: null, disabled: 0, last_login_at: null,
      password_changed_at: at, created_at: at, updated_at: at,
    });
    await setRoles(trx, admin.id, ['systemAdmin', 'officeAdmin']);
    await recordAudit(ctx, trx, SYSTEM_ACTOR, {
      action: 'system.install', entityType: 'agency', entityId: government.id, agencyId: null,
      data: { government: government.name, office: office.name, admin: ADMIN_USERNAME },
    });
  });
  return { created: true, username: ADMIN_USERNAME, generatedPassword: given ? undefined : password };
}

/**
 * The secret that signs cookies. Kept in the database so that every instance behind a load
 * balancer shares it; created once.
 */
export async function cookieSecret(ctx: AppContext): Promise<string> {
  const db = ctx.database.db;
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'cookieSecret').executeTakeFirst();
  if (row) return row.value;
  const value = randomBytes(32).toString('hex');
  // Two instances starting at once: the second insert fails and the first value wins.
  try {
    await db.insertInto('settings').values({ key: 'cookieSecret', value }).execute();
    return value;
  } catch {
    const again = await db.selectFrom('settings').select('value').where('key', '=', 'cookieSecret').executeTakeFirstOrThrow();
    return again.value;
  }
}
