/** User administration: console pages and the JSON API (incl. session sign-in for API clients). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { User } from '../../db/schema.js';
import type { Role } from '../../domain/roles.js';
import { AppError } from '../../errors.js';
import { idParam, requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { agencyPolicy } from '../agencies/policy.js';
import { listAgencies } from '../agencies/service.js';
import { login, logout, SESSION_COOKIE } from './auth.js';
import { accountPolicy, grantableRoles } from './policy.js';
import { userInput, userUpdateInput } from './schemas.js';
import { createUser, getUser, listUsersFor, resetUserPassword, setUserLocked, updateUser } from './service.js';
import { OneTimePasswordPage, UserFormPage, UserListPage, type UserFormValues } from './views.js';

/** The API's view of a user: never the password hash. */
export function presentUser(u: User, roles: readonly Role[]) {
  return {
    id: u.id, agencyId: u.agency_id, username: u.username, displayName: u.display_name, email: u.email, roles,
    disabled: u.disabled === 1, lockedUntil: u.locked_until, mustChangePassword: u.must_change_password === 1, lastLoginAt: u.last_login_at,
  };
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export async function accountRoutes(app: FastifyInstance, ctx: AppContext) {
  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { title: string; action: string; values: UserFormValues; isNew: boolean; userId?: number; locked?: boolean; canManage: boolean; error?: AppError; status?: number },
  ) => {
    const { actor } = requireStaff(request);
    const agencies = (await listAgencies(ctx, actor)).filter((a) => agencyPolicy.view(actor, a.id) && (!opts.isNew || accountPolicy.create(actor, a.id)));
    return sendConsolePage(request, reply, opts.title, ({ csrfToken }) => (
      <UserFormPage csrfToken={csrfToken} title={opts.title} action={opts.action} values={opts.values} agencies={agencies}
        grantable={grantableRoles(actor)} isNew={opts.isNew} userId={opts.userId} locked={opts.locked} canManage={opts.canManage}
        error={opts.error?.message} fields={opts.error?.fields} />
    ), { status: opts.status });
  };
  const formError = (error: unknown) => {
    if (error instanceof AppError && ['VALIDATION_FAILED', 'CONFLICT'].includes(error.code)) return error;
    throw error;
  };

  app.get('/console/users', async (request, reply) => {
    const { actor } = requireStaff(request);
    const users = await listUsersFor(ctx, actor);
    return sendConsolePage(request, reply, '用户管理', () => (
      <UserListPage users={users} canCreate={accountPolicy.create(actor, actor.agencyId)} now={ctx.clock.now()} />
    ));
  });

  app.get('/console/users/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    if (!accountPolicy.create(actor, actor.agencyId)) throw new AppError('FORBIDDEN', '无权新增用户');
    return form(request, reply, { title: '新增用户', action: '/console/users/new', values: { agencyId: actor.agencyId }, isNew: true, canManage: true });
  });

  app.post('/console/users/new', async (request, reply) => {
    const { actor } = requireStaff(request);
    try {
      const { user, initialPassword } = await createUser(ctx, { actor, input: request.body, ip: request.ip });
      return sendConsolePage(request, reply, '用户已创建', () => <OneTimePasswordPage username={user.username} password={initialPassword} reset={false} />);
    } catch (error) {
      const e = formError(error);
      return form(request, reply, {
        title: '新增用户', action: '/console/users/new', values: request.body as UserFormValues, isNew: true, canManage: true, error: e,
        status: e.code === 'CONFLICT' ? 409 : 400,
      });
    }
  });

  app.get('/console/users/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { user, roles } = await getUser(ctx, actor, idParam(request));
    return form(request, reply, {
      title: `用户：${user.display_name}`, action: `/console/users/${user.id}`, isNew: false, userId: user.id, locked: user.disabled === 1,
      canManage: accountPolicy.update(actor, user.agency_id),
      values: { username: user.username, displayName: user.display_name, agencyId: user.agency_id, email: user.email, roles },
    });
  });

  app.post('/console/users/:id', async (request, reply) => {
    const { actor } = requireStaff(request);
    const id = idParam(request);
    try {
      await updateUser(ctx, { actor, id, input: request.body, ip: request.ip });
      return redirectWithFlash(reply, `/console/users/${id}`, '已保存');
    } catch (error) {
      const e = formError(error);
      const { user } = await getUser(ctx, actor, id);
      return form(request, reply, {
        title: `用户：${user.display_name}`, action: `/console/users/${id}`, isNew: false, userId: id, locked: user.disabled === 1, canManage: true,
        values: { ...(request.body as UserFormValues), username: user.username, agencyId: user.agency_id }, error: e, status: 400,
      });
    }
  });

  for (const [path, locked] of [['lock', true], ['unlock', false]] as const) {
    app.post(`/console/users/:id/${path}`, async (request, reply) => {
      const { actor } = requireStaff(request);
      const user = await setUserLocked(ctx, { actor, id: idParam(request), locked, ip: request.ip });
      return redirectWithFlash(reply, `/console/users/${user.id}`, locked ? '账号已锁定' : '账号已解锁');
    });
  }

  app.post('/console/users/:id/reset-password', async (request, reply) => {
    const { actor } = requireStaff(request);
    const { user, initialPassword } = await resetUserPassword(ctx, { actor, id: idParam(request), ip: request.ip });
    return sendConsolePage(request, reply, '密码已重置', () => <OneTimePasswordPage username={user.username} password={initialPassword} reset />);
  });

  // JSON API
  const tags = ['users'];
  app.post('/api/v1/session', { schema: { tags: ['session'], summary: '登录（返回会话 Cookie）' }, config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { token, user } = await login(ctx, { input: request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.secureCookies });
    return { user: { id: user.id, username: user.username, mustChangePassword: user.must_change_password === 1 } };
  });
  app.delete('/api/v1/session', { schema: { tags: ['session'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.session) await logout(ctx, { token, actor: request.session.actor, ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  app.get('/api/v1/me', { schema: { tags: ['session'], summary: '当前用户' } }, async (request) => {
    const { user, actor } = requireStaff(request, { allowPendingPasswordChange: true });
    return { user: presentUser(user, actor.roles) };
  });
  app.get('/api/v1/users', { schema: { tags, summary: '用户列表' } }, async (request) => {
    const { actor } = requireStaff(request);
    return { users: (await listUsersFor(ctx, actor)).map((u) => presentUser(u, u.roles)) };
  });
  app.get('/api/v1/users/:id', { schema: { tags, summary: '用户详情' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { user, roles } = await getUser(ctx, actor, idParam(request));
    return { user: presentUser(user, roles) };
  });
  app.post('/api/v1/users', { schema: { tags, summary: '新增用户（返回一次性初始密码）', body: json(userInput) } }, async (request, reply) => {
    const { actor } = requireStaff(request);
    const { user, roles, initialPassword } = await createUser(ctx, { actor, input: request.body, ip: request.ip });
    return reply.status(201).send({ user: presentUser(user, roles), initialPassword });
  });
  app.put('/api/v1/users/:id', { schema: { tags, summary: '修改用户', body: json(userUpdateInput) } }, async (request) => {
    const { actor } = requireStaff(request);
    const { user, roles } = await updateUser(ctx, { actor, id: idParam(request), input: request.body, ip: request.ip });
    return { user: presentUser(user, roles) };
  });
  for (const [path, locked] of [['lock', true], ['unlock', false]] as const) {
    app.post(`/api/v1/users/:id/${path}`, { schema: { tags, summary: locked ? '锁定账号' : '解锁账号' } }, async (request) => {
      const { actor } = requireStaff(request);
      const user = await setUserLocked(ctx, { actor, id: idParam(request), locked, ip: request.ip });
      return { user: presentUser(user, (await getUser(ctx, actor, user.id)).roles) };
    });
  }
  app.post('/api/v1/users/:id/reset-password', { schema: { tags, summary: '重置密码（返回一次性密码）' } }, async (request) => {
    const { actor } = requireStaff(request);
    const { user, initialPassword } = await resetUserPassword(ctx, { actor, id: idParam(request), ip: request.ip });
    return { userId: user.id, initialPassword };
  });
}
