/** Authentication checks used by routes. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { SessionState } from '../features/accounts/auth.js';

/**
 * The signed-in staff member. Throws UNAUTHENTICATED without a session, and
 * PASSWORD_CHANGE_REQUIRED while the one-time password has not been changed.
 */
export function requireStaff(request: FastifyRequest, options: { allowPendingPasswordChange?: boolean } = {}): SessionState {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (session.user.must_change_password && !options.allowPendingPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，须先修改密码');
  }
  return session;
}

/** A route parameter that must be a positive integer id; anything else is simply not found. */
export function idParam(request: FastifyRequest, name = 'id'): number {
  const raw = (request.params as Record<string, string | undefined>)[name] ?? '';
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 2147483647) throw new AppError('NOT_FOUND', '记录不存在或无权访问');
  return id;
}
