/** Use cases of user accounts: administration by administrators, and a user's own password. */
import { passwordProblems } from '../../domain/password-policy.js';
import type { Actor, Role } from '../../domain/roles.js';
import { nowIso, type AppContext } from '../../context.js';
import type { User } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { findAgency } from '../agencies/repository.js';
import { recordAudit } from '../audit/service.js';
import { generateOneTimePassword, hashPassword, verifyPassword } from './passwords.js';
import { accountPolicy } from './policy.js';
import {
  deleteSessionsOfUser, findUser, findUserByUsername, insertUser, listUsers, rolesOf, setRoles, updateUserRow,
} from './repository.js';
import { passwordChangeInput, passwordLabels, userInput, userLabels, userUpdateInput } from './schemas.js';

/** The supervising office's administrator role belongs to staff of a supervising office. */
function assertOfficeRole(roles: readonly Role[], agencyKind: string) {
  if (roles.includes('officeAdmin') && agencyKind !== 'office') {
    throw validationError([{ field: 'roles', message: '角色：公开办管理员只能授予政府办公室（政务公开主管部门）的人员' }]);
  }
}

export interface UserView {
  user: User;
  roles: Role[];
}

/** The users the actor may see. */
export async function listUsersFor(ctx: AppContext, actor: Actor) {
  if (!accountPolicy.view(actor, actor.agencyId)) throw forbidden('无权查看用户');
  return listUsers(ctx.database.db, actor.scope === 'all' ? null : [...actor.scope]);
}

/** One user; NOT_FOUND also for users of agencies outside the actor's scope. */
export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  const user = await findUser(ctx.database.db, id);
  if (!user || !accountPolicy.view(actor, user.agency_id)) throw notFound('用户');
  return { user, roles: await rolesOf(ctx.database.db, user.id) };
}

/** Creates an account with a one-time password that must be changed at first login. */
export async function createUser(ctx: AppContext, opts: { actor: Actor; input: unknown; ip?: string }) {
  const input = parseInput(userInput, opts.input, userLabels);
  const agency = await findAgency(ctx.database.db, input.agencyId);
  if (!agency || !accountPolicy.view(opts.actor, agency.id)) throw notFound('所属单位');
  if (!accountPolicy.create(opts.actor, agency.id)) throw forbidden('无权在该单位创建用户');
  if (!accountPolicy.grant(opts.actor, input.roles)) throw forbidden('无权授予所选角色');
  assertOfficeRole(input.roles, agency.kind);
  if (await findUserByUsername(ctx.database.db, input.username)) {
    throw new AppError('CONFLICT', `账号“${input.username}”已存在`, [{ field: 'username', message: '账号：已存在' }]);
  }
  const initialPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  const at = nowIso(ctx);
  const user = await ctx.database.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      agency_id: agency.id,
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      last_login_at: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    });
    await setRoles(trx, user.id, input.roles);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'user.create', entityType: 'user', entityId: user.id, agencyId: agency.id, ip: opts.ip,
      data: { username: user.username, displayName: user.display_name, roles: input.roles },
    });
    return user;
  });
  return { user, roles: input.roles, initialPassword };
}

export async function updateUser(ctx: AppContext, opts: { actor: Actor; id: number; input: unknown; ip?: string }): Promise<UserView> {
  const { user, roles } = await getUser(ctx, opts.actor, opts.id);
  if (!accountPolicy.update(opts.actor, user.agency_id)) throw forbidden('无权修改该用户');
  const input = parseInput(userUpdateInput, opts.input, userLabels);
  const added = input.roles.filter((r) => !roles.includes(r));
  const removed = roles.filter((r) => !input.roles.includes(r));
  // Removing a role is granting in reverse: an agency administrator cannot strip a system administrator.
  if (!accountPolicy.grant(opts.actor, [...added, ...removed])) throw forbidden('无权授予或撤销所选角色');
  const agency = await findAgency(ctx.database.db, user.agency_id);
  assertOfficeRole(added, agency?.kind ?? 'other');
  if (user.id === opts.actor.userId && removed.some((r) => r === 'systemAdmin' || r === 'officeAdmin' || r === 'agencyAdmin')) {
    throw new AppError('INVALID_STATE', '不能撤销自己的管理员角色，请由其他管理员操作');
  }
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateUserRow(trx, user.id, { display_name: input.displayName, email: input.email ?? null, updated_at: nowIso(ctx) });
    await setRoles(trx, user.id, input.roles);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'user.update', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip: opts.ip,
      data: { displayName: input.displayName, email: input.email ?? null, rolesAdded: added, rolesRemoved: removed },
    });
    return { user: updated, roles: input.roles };
  });
}

/** Locks (disables) an account and ends its sessions, or unlocks it and clears failed logins. */
export async function setUserLocked(ctx: AppContext, opts: { actor: Actor; id: number; locked: boolean; ip?: string }): Promise<User> {
  const { user } = await getUser(ctx, opts.actor, opts.id);
  if (!accountPolicy.lock(opts.actor, user.agency_id)) throw forbidden('无权锁定或解锁该用户');
  if (opts.locked && user.id === opts.actor.userId) throw new AppError('INVALID_STATE', '不能锁定自己的账号');
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await updateUserRow(trx, user.id, {
      disabled: opts.locked ? 1 : 0,
      ...(opts.locked ? {} : { failed_logins: 0, locked_until: null }),
      updated_at: nowIso(ctx),
    });
    if (opts.locked) await deleteSessionsOfUser(trx, user.id);
    await recordAudit(ctx, trx, opts.actor, {
      action: opts.locked ? 'user.lock' : 'user.unlock', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip: opts.ip,
    });
    return updated;
  });
}

/** Gives the user a new one-time password (to be changed at next login) and ends their sessions. */
export async function resetUserPassword(ctx: AppContext, opts: { actor: Actor; id: number; ip?: string }) {
  const { user } = await getUser(ctx, opts.actor, opts.id);
  if (!accountPolicy.resetPassword(opts.actor, user.agency_id)) throw forbidden('无权重置该用户的密码');
  const initialPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, user.id, {
      password_hash: passwordHash, must_change_password: 1, failed_logins: 0, locked_until: null,
      password_changed_at: nowIso(ctx), updated_at: nowIso(ctx),
    });
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'user.resetPassword', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip: opts.ip,
    });
  });
  return { user, initialPassword };
}

/** A user changes their own password; other sessions of the user end. */
export async function changeOwnPassword(
  ctx: AppContext,
  opts: { actor: Actor; input: unknown; keepSessionHash?: string; ip?: string },
): Promise<void> {
  const input = parseInput(passwordChangeInput, opts.input, passwordLabels);
  const user = await findUser(ctx.database.db, opts.actor.userId);
  if (!user) throw notFound('用户');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw validationError([{ field: 'currentPassword', message: '当前密码：不正确' }]);
  }
  const problems = passwordProblems(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw validationError(problems.map((p) => ({ field: 'newPassword', message: `新密码：${p}` })));
  if (input.newPassword !== input.confirmPassword) {
    throw validationError([{ field: 'confirmPassword', message: '确认新密码：两次填写的新密码不一致' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, user.id, {
      password_hash: passwordHash, must_change_password: 0, password_changed_at: nowIso(ctx), updated_at: nowIso(ctx),
    });
    await deleteSessionsOfUser(trx, user.id, opts.keepSessionHash);
    await recordAudit(ctx, trx, opts.actor, {
      action: 'user.changePassword', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip: opts.ip,
    });
  });
}
