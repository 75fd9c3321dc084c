/**
 * Signing in and out, sessions, and the actor behind a request.
 * 等保 level-3 practice: 5 failed logins lock the account for 15 minutes; sessions end after
 * 30 idle minutes (configurable); a new session id at every login; every attempt is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/roles.js';
import { nowIso, type AppContext } from '../../context.js';
import type { User } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { parseInput } from '../../http/validate.js';
import { listAllAgencies } from '../agencies/repository.js';
import { scopeOf } from '../agencies/tree.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.js';
import { burnVerifyTime, verifyPassword } from './passwords.js';
import {
  deleteSession, findSession, findUser, findUserByUsername, insertSession, rolesOf, touchSession, updateUserRow,
} from './repository.js';
import { loginInput } from './schemas.js';

/** The cookie that carries the session token (the database keeps only its hash). */
export const SESSION_COOKIE = 'gk_session';
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const LOGIN_FAILED_MESSAGE = '账号或密码不正确';

/**
 * Checks the credentials and opens a new session. Failures are counted and audited in their own
 * transaction (they must be recorded even though the login itself does not happen).
 */
export async function login(
  ctx: AppContext,
  opts: { input: unknown; ip?: string | null; userAgent?: string | null },
): Promise<{ token: string; user: User }> {
  const { username, password } = parseInput(loginInput, opts.input, { username: '账号', password: '密码' });
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const user = await findUserByUsername(db, username);
  const ip = opts.ip ?? null;

  if (!user) {
    await burnVerifyTime(password);
    await db.transaction().execute((trx) =>
      recordAudit(ctx, trx, { userId: null, displayName: username }, {
        action: 'auth.loginFailed', entityType: 'user', entityId: null, agencyId: null, ip, data: { username, reason: 'unknownUser' },
      }),
    );
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
  }

  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  if (user.disabled || (lockedUntil && lockedUntil > now)) {
    await db.transaction().execute((trx) =>
      recordAudit(ctx, trx, { userId: user.id, displayName: user.display_name }, {
        action: 'auth.loginRefused', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip,
        data: { reason: user.disabled ? 'disabled' : 'lockedOut' },
      }),
    );
    throw new AppError(
      'ACCOUNT_LOCKED',
      user.disabled ? '账号已被管理员锁定，请联系管理员' : `登录失败次数过多，账号已锁定，请${LOCKOUT_MINUTES}分钟后再试`,
    );
  }

  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = (lockedUntil && lockedUntil <= now ? 0 : user.failed_logins) + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction().execute(async (trx) => {
      await updateUserRow(trx, user.id, {
        failed_logins: lock ? 0 : failed,
        locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null,
      });
      await recordAudit(ctx, trx, { userId: user.id, displayName: user.display_name }, {
        action: lock ? 'auth.lockedOut' : 'auth.loginFailed', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip,
        data: { failedLogins: failed },
      });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定${LOCKOUT_MINUTES}分钟`);
    throw new AppError('LOGIN_FAILED', `${LOGIN_FAILED_MESSAGE}（再失败${MAX_FAILED_LOGINS - failed}次将锁定账号）`);
  }

  const token = randomBytes(32).toString('base64url');
  const at = nowIso(ctx);
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: at });
    await insertSession(trx, {
      id_hash: hashToken(token), user_id: user.id, created_at: at, last_seen_at: at, ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(ctx, trx, { userId: user.id, displayName: user.display_name }, {
      action: 'auth.login', entityType: 'user', entityId: user.id, agencyId: user.agency_id, ip,
    });
  });
  return { token, user };
}

export async function logout(ctx: AppContext, opts: { token: string; actor: Actor; ip?: string | null }): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashToken(opts.token));
    await recordAudit(ctx, trx, opts.actor, {
      action: 'auth.logout', entityType: 'user', entityId: opts.actor.userId, agencyId: opts.actor.agencyId, ip: opts.ip ?? null,
    });
  });
}

export interface SessionState {
  actor: Actor;
  user: User;
  sessionHash: string;
}

// Refreshing last_seen_at on every request would make each page view a write; a minute is
// precise enough for a 30-minute idle limit.
const TOUCH_INTERVAL_MS = 60_000;

/** The actor behind a session token, or null when the session is unknown, idle too long or the account locked. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionState | null> {
  const db = ctx.database.db;
  const sessionHash = hashToken(token);
  const session = await findSession(db, sessionHash);
  if (!session) return null;
  const now = ctx.clock.now();
  const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
  if (idleMs > ctx.config.sessionIdleMinutes * 60_000) {
    await deleteSession(db, sessionHash);
    return null;
  }
  const user = await findUser(db, session.user_id);
  if (!user || user.disabled) {
    await deleteSession(db, sessionHash);
    return null;
  }
  if (idleMs > TOUCH_INTERVAL_MS) await touchSession(db, sessionHash, now.toISOString());
  return { actor: await actorFor(ctx, user), user, sessionHash };
}

/** Builds the policy view of a user: roles and the agencies in scope. */
export async function actorFor(ctx: AppContext, user: User): Promise<Actor> {
  const roles = await rolesOf(ctx.database.db, user.id);
  const scope = roles.includes('systemAdmin') ? ('all' as const) : scopeOf(await listAllAgencies(ctx.database.db), user.agency_id);
  return { userId: user.id, username: user.username, displayName: user.display_name, agencyId: user.agency_id, roles, scope };
}

export { SYSTEM_ACTOR };
