/** Sign-in, sign-out, password change and the workbench (工作台). */
import type { FastifyInstance } from 'fastify';
import { today, type AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireStaff } from '../../http/guards.js';
import { redirectWithFlash, sendConsolePage } from '../../http/pages.js';
import { login, logout, SESSION_COOKIE } from '../accounts/auth.js';
import { accountPolicy } from '../accounts/policy.js';
import { changeOwnPassword, listUsersFor } from '../accounts/service.js';
import { getAgency, listAgencies } from '../agencies/service.js';
import { calendarPolicy, loadCalendar } from '../calendar/service.js';
import { listTodos } from './todos.js';
import { DashboardPage, LoginPage, PasswordPage } from './views.js';

/** Only same-site paths under /console may be a post-login destination (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/console(\/[A-Za-z0-9/_?=&.-]*)?$/.test(value) ? value : '/console';
}

export async function consoleRoutes(app: FastifyInstance, ctx: AppContext) {
  const loginLimit = { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } };

  app.get('/console/login', async (request, reply) => {
    if (request.session) return reply.redirect('/console', 303);
    const next = safeNext((request.query as Record<string, unknown>).next);
    return sendConsolePage(request, reply, '登录', ({ csrfToken }) => <LoginPage csrfToken={csrfToken} next={next} />);
  });

  app.post('/console/login', { config: loginLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    try {
      const { token, user } = await login(ctx, { input: body, ip: request.ip, userAgent: request.headers['user-agent'] });
      // A fresh token at every login: a session id planted before login is never reused.
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.secureCookies });
      return reply.redirect(user.must_change_password ? '/console/password' : next, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['LOGIN_FAILED', 'ACCOUNT_LOCKED', 'VALIDATION_FAILED'].includes(error.code)) throw error;
      const status = error.code === 'ACCOUNT_LOCKED' ? 423 : error.code === 'LOGIN_FAILED' ? 401 : 400;
      const username = typeof body.username === 'string' ? body.username.slice(0, 64) : '';
      return sendConsolePage(request, reply, '登录', ({ csrfToken }) => (
        <LoginPage csrfToken={csrfToken} next={next} username={username} error={error.message} />
      ), { status });
    }
  });

  app.post('/console/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.session) await logout(ctx, { token, actor: request.session.actor, ip: request.ip });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(reply, '/console/login', '已退出登录');
  });

  app.get('/console/password', async (request, reply) => {
    const session = requireStaff(request, { allowPendingPasswordChange: true });
    return sendConsolePage(request, reply, '修改密码', ({ csrfToken }) => (
      <PasswordPage csrfToken={csrfToken} forced={session.user.must_change_password === 1} />
    ));
  });

  app.post('/console/password', async (request, reply) => {
    const session = requireStaff(request, { allowPendingPasswordChange: true });
    try {
      await changeOwnPassword(ctx, { actor: session.actor, input: request.body, keepSessionHash: session.sessionHash, ip: request.ip });
      return redirectWithFlash(reply, '/console', '密码已修改');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      return sendConsolePage(request, reply, '修改密码', ({ csrfToken }) => (
        <PasswordPage csrfToken={csrfToken} forced={session.user.must_change_password === 1} fields={error.fields} />
      ), { status: 400 });
    }
  });

  app.get('/console', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agency = await getAgency(ctx, actor, actor.agencyId);
    const agencies = await listAgencies(ctx, actor);
    const todos = await listTodos(ctx, { actor, agencies });
    const userCount = accountPolicy.view(actor, actor.agencyId) ? (await listUsersFor(ctx, actor)).length : null;
    // From 1 November, administrators are reminded to enter next year's holiday schedule.
    const missingYear = calendarPolicy.edit(actor) ? (await loadCalendar(ctx)).missingYear(today(ctx)) : null;
    const notifications = await ctx.database.db.selectFrom('notifications').select(['id', 'request_id', 'kind', 'message', 'created_at'])
      .where('user_id', '=', actor.userId).where('read_at', 'is', null).orderBy('id', 'desc').limit(50).execute();
    return sendConsolePage(request, reply, '工作台', ({ csrfToken }) => (
      <DashboardPage actor={actor} agencyName={agency.name} agencyCount={agencies.length} userCount={userCount} todos={todos} missingCalendarYear={missingYear} notifications={notifications} csrfToken={csrfToken} />
    ));
  });

  app.post('/console/notifications/read', async (request, reply) => {
    const { actor } = requireStaff(request);
    await ctx.database.db.updateTable('notifications').set({ read_at: ctx.clock.now().toISOString() }).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
    return redirectWithFlash(reply, '/console', '提醒已全部标为已读');
  });
}
